//! Encoding prepared images: JPEG for photos, PNG for flat art, each with its density
//! so that typst keeps its natural size.

use image::{DynamicImage, ExtendedColorType};

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
    let (color, data): (png::ColorType, Vec<u8>) = match image {
        DynamicImage::ImageLuma8(i) => (png::ColorType::Grayscale, i.as_raw().clone()),
        DynamicImage::ImageLumaA8(i) => {
            (png::ColorType::GrayscaleAlpha, i.as_raw().clone())
        }
        DynamicImage::ImageRgb8(i) => (png::ColorType::Rgb, i.as_raw().clone()),
        other if !other.color().has_alpha() => {
            (png::ColorType::Rgb, other.to_rgb8().into_raw())
        }
        other => (png::ColorType::Rgba, other.to_rgba8().into_raw()),
    };
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, image.width(), image.height());
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let ppm = (dpi / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&data)?;
    }
    Ok(out)
}
