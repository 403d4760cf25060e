//! Encoding prepared images: JPEG for photos, PNG for flat art, each with its density
//! so that typst keeps its natural size.

use image::{DynamicImage, ExtendedColorType};

use crate::images::palette::Paletted;

/// Encodes a JPEG with its density set to `dpi`.
pub fn encode_jpeg(
    image: &DynamicImage,
    quality: u8,
    dpi: u16,
) -> image::ImageResult<Vec<u8>> {
    use image::codecs::jpeg::{JpegEncoder, PixelDensity, PixelDensityUnit};
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, quality);
    encoder.set_pixel_density(PixelDensity {
        density: (dpi, dpi),
        unit: PixelDensityUnit::Inches,
    });
    // Grey images stay one channel (a DeviceGray JPEG); anything else becomes RGB.
    let (w, h) = (image.width(), image.height());
    match image {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageLumaA8(_) => {
            encoder.encode(image.to_luma8().as_raw(), w, h, ExtendedColorType::L8)?
        }
        _ => encoder.encode(image.to_rgb8().as_raw(), w, h, ExtendedColorType::Rgb8)?,
    }
    Ok(out)
}

/// Encodes a PNG, best compression, with its density (pHYs) set to `dpi`.
pub fn encode_png(
    image: &DynamicImage,
    dpi: f64,
) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let (color, data) = png_samples(image);
    write_png(image.width(), image.height(), dpi, color, &data, None)
}

/// Encodes a palette PNG (with the palette's transparency, if any), best compression,
/// with its density set to `dpi`.
pub fn encode_png_palette(
    image: &Paletted,
    dpi: f64,
) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let (w, h) = (image.width, image.height);
    let palette = Some(image.colours.as_slice());
    write_png(w, h, dpi, png::ColorType::Indexed, &image.indices, palette)
}

/// The PNG colour type and samples of `image` (grey, grey and alpha, RGB or RGBA).
fn png_samples(image: &DynamicImage) -> (png::ColorType, Vec<u8>) {
    match image {
        DynamicImage::ImageLuma8(i) => (png::ColorType::Grayscale, i.as_raw().clone()),
        DynamicImage::ImageLumaA8(i) => {
            (png::ColorType::GrayscaleAlpha, i.as_raw().clone())
        }
        DynamicImage::ImageRgb8(i) => (png::ColorType::Rgb, i.as_raw().clone()),
        other if !other.color().has_alpha() => {
            (png::ColorType::Rgb, other.to_rgb8().into_raw())
        }
        other => (png::ColorType::Rgba, other.to_rgba8().into_raw()),
    }
}

/// Writes a PNG of 8-bit samples (`palette`: the RGBA colours of an indexed one).
fn write_png(
    width: u32,
    height: u32,
    dpi: f64,
    color: png::ColorType,
    data: &[u8],
    palette: Option<&[[u8; 4]]>,
) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(color);
        if let Some(colours) = palette {
            encoder.set_palette(
                colours.iter().flat_map(|c| [c[0], c[1], c[2]]).collect::<Vec<u8>>(),
            );
            if colours.iter().any(|c| c[3] < 255) {
                encoder.set_trns(colours.iter().map(|c| c[3]).collect::<Vec<u8>>());
            }
        }
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let ppm = (dpi / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header()?;
        writer.write_image_data(data)?;
    }
    Ok(out)
}
