//! Raster images for print and for screens: each image a chapter uses is checked,
//! resampled to the resolution its printed size needs (never upscaled), made grey for
//! black-and-white printing when asked, re-encoded (JPEG for photos, PNG for flat art)
//! and cached by content hash under `out/.cache/images/`. SVG passes through untouched.

use std::collections::HashMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{
    DynamicImage, ExtendedColorType, ImageDecoder, ImageFormat, ImageReader, Limits,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use typst::foundations::Bytes;
use typst::layout::{Frame, FrameItem};
use typst::syntax::Span;
use typst::visualize::ImageKind;
use typst_layout::PagedDocument;

use crate::diag::{Error, Result};
use crate::export::write_atomic;

/// The largest image side livret decodes, in pixels (a guard against decompression
/// bombs: a small file that claims an enormous picture).
pub const MAX_SIDE: u32 = 20_000;
/// The most memory one decoded image may take.
const MAX_ALLOC: u64 = 1 << 30;
/// Under this effective resolution a printed image looks blurry.
pub const BLURRY_DPI: f64 = 150.0;
/// Where processed images are kept, relative to the project root.
pub const CACHE_DIR: &str = "out/.cache/images";

/// The file extensions livret processes (typst's raster formats).
pub fn is_raster(path: &str) -> bool {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    matches!(ext.as_str(), "png" | "jpg" | "jpeg" | "gif" | "webp")
}

/// How images are prepared for one edition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageTarget {
    /// Pixels per inch wanted at the printed size.
    pub dpi: f64,
    /// Convert to shades of grey.
    pub gray: bool,
    /// JPEG quality for photos (1–100).
    pub jpeg_quality: u8,
}

impl ImageTarget {
    /// Print: 300 dpi, high JPEG quality.
    pub const PRINT: Self = Self { dpi: 300.0, gray: false, jpeg_quality: 90 };
    /// Screens and phones: 150 dpi, smaller JPEGs.
    pub const SCREEN: Self = Self { dpi: 150.0, gray: false, jpeg_quality: 70 };

    /// The same target in shades of grey.
    pub fn grayscale(self) -> Self {
        Self { gray: true, ..self }
    }
}

/// What livret knows of a source image after checking it once (cached).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ImageInfo {
    /// Width in pixels (after EXIF rotation).
    pub width: u32,
    /// Height in pixels (after EXIF rotation).
    pub height: u32,
    /// Natural width in inches (pixels over the file's dpi, 72 when it has none), as
    /// typst sizes an image given no width.
    pub natural_width_in: f64,
    /// A photograph (many colours, no transparency) rather than flat art.
    pub photo: bool,
    /// The file's format: `png`, `jpg`, `gif` or `webp`.
    pub format: String,
}

/// A source image read from the project and checked.
#[derive(Debug, Clone)]
pub struct SourceImage {
    /// Project-relative path.
    pub rel: String,
    /// The file's bytes.
    pub bytes: Bytes,
    /// Hex SHA-256 of the bytes (first 16 bytes).
    pub hash: String,
    /// What the image is.
    pub info: ImageInfo,
}

/// One prepared variant of an image.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Encoded bytes.
    pub bytes: Bytes,
    /// `jpg` or `png` (or the source's format when kept as it is).
    pub format: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Processed images on disk, and how much work was done (for reports and tests).
pub struct ImageCache {
    dir: PathBuf,
    decodes: AtomicUsize,
}

/// How to name a source image in errors: `chapter:line: image `path``.
pub type Where<'a> = &'a dyn Fn() -> String;

impl ImageCache {
    /// The cache of the project at `root` (created on first write).
    pub fn new(root: &Path) -> Self {
        Self { dir: root.join(CACHE_DIR), decodes: AtomicUsize::new(0) }
    }

    /// How many images were decoded by livret (cache misses) so far.
    pub fn decodes(&self) -> usize {
        self.decodes.load(Ordering::Relaxed)
    }

    /// Reads and checks the image at `rel` (project-relative): the format matches
    /// the name, the size is sane, the data decodes. `place` names where the chapter
    /// uses it, for errors.
    pub fn source(&self, root: &Path, rel: &str, place: Where) -> Result<SourceImage> {
        let bytes = fs::read(root.join(rel)).map_err(|err| {
            Error::new(format!("{}: cannot read the image ({err})", place()))
                .with_hint("check the path; images live under sources/images/")
        })?;
        let hash = hex_hash(&bytes);
        let info_path = self.dir.join(format!("{hash}.json"));
        if let Some(info) =
            fs::read(&info_path).ok().and_then(|b| serde_json::from_slice(&b).ok())
        {
            return Ok(SourceImage {
                rel: rel.to_string(),
                bytes: Bytes::new(bytes),
                hash,
                info,
            });
        }
        let (image, format, dpi) = self.decode(&bytes, rel, place)?;
        let info = ImageInfo {
            width: image.width(),
            height: image.height(),
            natural_width_in: image.width() as f64 / dpi.unwrap_or(72.0),
            photo: is_photo(&image, format),
            format: format_name(format).to_string(),
        };
        let json = serde_json::to_vec_pretty(&info).expect("plain data");
        write_atomic(&info_path, &json)?;
        Ok(SourceImage { rel: rel.to_string(), bytes: Bytes::new(bytes), hash, info })
    }

    /// Decodes with limits, checking that the file is what its name says.
    fn decode(
        &self,
        bytes: &[u8],
        rel: &str,
        place: Where,
    ) -> Result<(DynamicImage, ImageFormat, Option<f64>)> {
        self.decodes.fetch_add(1, Ordering::Relaxed);
        let named = Path::new(rel)
            .extension()
            .and_then(ImageFormat::from_extension)
            .filter(|f| {
                matches!(
                    f,
                    ImageFormat::Png
                        | ImageFormat::Jpeg
                        | ImageFormat::Gif
                        | ImageFormat::WebP
                )
            });
        let Some(named) = named else {
            return Err(Error::new(format!(
                "{}: not a PNG, JPEG, GIF or WebP name",
                place()
            )));
        };
        let actual = image::guess_format(bytes).map_err(|_| {
            Error::new(format!(
                "{}: the file is not an image, or its start is damaged",
                place()
            ))
            .with_hint("export the image again from its original, as PNG or JPEG")
        })?;
        if actual != named {
            let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
            let ext = actual.extensions_str().first().copied().unwrap_or("?");
            return Err(Error::new(format!(
                "{}: the file is a {} image but its name says {}",
                place(),
                format_label(actual),
                format_label(named)
            ))
            .with_hint(format!("rename it to {stem}.{ext} and update the chapter")));
        }
        let mut reader = ImageReader::with_format(Cursor::new(bytes), actual);
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_SIDE);
        limits.max_image_height = Some(MAX_SIDE);
        limits.max_alloc = Some(MAX_ALLOC);
        reader.limits(limits);
        let damaged = |err: image::ImageError| {
            match err {
            image::ImageError::Limits(_) => Error::new(format!(
                "{}: the image is too large to process (more than {MAX_SIDE} pixels a side, or over 1 GiB decoded)",
                place()
            ))
            .with_hint("scale it down in an image editor; 3000 pixels a side is plenty for a pocket guide"),
            other => Error::new(format!("{}: the image is damaged or truncated ({other})", place()))
                .with_hint("export the image again from its original"),
        }
        };
        let mut decoder = reader.into_decoder().map_err(damaged)?;
        let orientation = decoder.orientation().ok();
        let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
        if let Some(orientation) = orientation {
            image.apply_orientation(orientation);
        }
        let dpi = file_dpi(bytes, actual);
        Ok((image, actual, dpi))
    }

    /// The variant of `source` for an image printed `width_pt` wide. `from_typst`:
    /// the image is named by a Typst chapter, so it keeps its format (typst picks the
    /// decoder from the file name) and its natural size (typst may size it by its
    /// density); Markdown images are always given a width by the layout.
    pub fn variant(
        &self,
        source: &SourceImage,
        width_pt: f64,
        target: ImageTarget,
        from_typst: bool,
    ) -> Result<Variant> {
        let info = &source.info;
        let natural = info.natural_width_in;
        let needed = (width_pt / 72.0 * target.dpi).ceil().max(1.0);
        let format = if from_typst {
            info.format.clone()
        } else if info.photo {
            "jpg".to_string()
        } else {
            "png".to_string()
        };
        // JPEG stores its density in whole dots per inch: a Typst chapter's JPEG gets a
        // whole dpi and the width that keeps its natural size.
        let (width, dpi) = if from_typst && format == "jpg" {
            let dpi = (needed / natural).ceil().max(1.0);
            (((natural * dpi).round() as u32).max(1), dpi)
        } else {
            (needed as u32, needed / natural)
        };
        let resample = width < info.width;
        let encodable = matches!(format.as_str(), "jpg" | "png");
        if !encodable || (!resample && !target.gray && format == info.format) {
            return Ok(Variant {
                bytes: source.bytes.clone(),
                format: info.format.clone(),
                width: info.width,
                height: info.height,
            });
        }
        let (width, dpi) = if resample {
            (width, dpi)
        } else {
            (info.width, info.width as f64 / natural)
        };
        let height = ((info.height as f64 * width as f64 / info.width as f64).round()
            as u32)
            .max(1);
        let gray = if target.gray { "-gray" } else { "" };
        let quality = if format == "jpg" {
            format!("-q{}", target.jpeg_quality)
        } else {
            String::new()
        };
        let name = format!(
            "{}-{width}x{height}-{dpi:.2}dpi{gray}{quality}.{format}",
            source.hash
        );
        let path = self.dir.join(&name);
        if let Ok(bytes) = fs::read(&path) {
            return Ok(Variant { bytes: Bytes::new(bytes), format, width, height });
        }
        let place = || format!("image {}", source.rel);
        let (image, _, _) = self.decode(&source.bytes, &source.rel, &place)?;
        let mut image = if resample {
            image.resize_exact(width, height, image::imageops::FilterType::Lanczos3)
        } else {
            image
        };
        if target.gray {
            image = if image.color().has_alpha() {
                DynamicImage::ImageLumaA8(image.to_luma_alpha8())
            } else {
                DynamicImage::ImageLuma8(image.to_luma8())
            };
        }
        let bytes = if format == "jpg" {
            encode_jpeg(
                &image,
                target.jpeg_quality,
                dpi.round().clamp(1.0, 65535.0) as u16,
            )
            .map_err(|e| e.to_string())
        } else {
            encode_png(&image, dpi).map_err(|e| e.to_string())
        }
        .map_err(|err| {
            Error::new(format!("cannot encode image {} ({err})", source.rel))
        })?;
        write_atomic(&path, &bytes)?;
        Ok(Variant { bytes: Bytes::new(bytes), format, width, height })
    }
}

/// Hex of the first 16 bytes of the SHA-256 of `bytes`.
pub fn hex_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The short name livret uses for a format.
fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Gif => "gif",
        ImageFormat::WebP => "webp",
        _ => "png",
    }
}

/// A format's name for people.
fn format_label(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Gif => "GIF",
        ImageFormat::WebP => "WebP",
        ImageFormat::Bmp => "BMP",
        ImageFormat::Tiff => "TIFF",
        _ => "different",
    }
}

/// The dpi a file declares (JPEG JFIF density, PNG pHYs), as typst reads it.
fn file_dpi(bytes: &[u8], format: ImageFormat) -> Option<f64> {
    match format {
        ImageFormat::Jpeg => {
            // FF D8 FF E0 len "JFIF\0" version units x y
            if bytes.len() < 18 || &bytes[6..11] != b"JFIF\0" {
                return None;
            }
            let x = u16::from_be_bytes([bytes[14], bytes[15]]) as f64;
            let y = u16::from_be_bytes([bytes[16], bytes[17]]) as f64;
            match bytes[13] {
                1 => Some(x.max(y)),
                2 => Some(x.max(y) * 2.54),
                _ => None,
            }
        }
        ImageFormat::Png => {
            let decoder = png::Decoder::new(Cursor::new(bytes));
            let reader = decoder.read_info().ok()?;
            let dims = reader.info().pixel_dims?;
            match dims.unit {
                png::Unit::Meter => Some(dims.xppu.max(dims.yppu) as f64 * 0.0254),
                png::Unit::Unspecified => None,
            }
        }
        _ => None,
    }
    .filter(|dpi| *dpi > 0.0)
}

/// Whether an image is a photograph: no transparency and many colours in a small
/// sample. JPEG files count as photos (they were compressed as such).
fn is_photo(image: &DynamicImage, format: ImageFormat) -> bool {
    if image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255) {
        return false;
    }
    if format == ImageFormat::Jpeg {
        return true;
    }
    let sample = image.thumbnail(96, 96).to_rgb8();
    let mut colours: Vec<[u8; 3]> = sample.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    colours.len() > 1024
}

/// Encodes a JPEG with its density set to `dpi`.
fn encode_jpeg(
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
fn encode_png(
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

/// Where a raster image ended up on the pages.
#[derive(Debug, Clone)]
pub struct Placement {
    /// Project-relative path of the source image.
    pub rel: String,
    /// Printed width in pt.
    pub width_pt: f64,
    /// Printed height in pt.
    pub height_pt: f64,
    /// 1-based page.
    pub page: usize,
    /// Where the image is called for.
    pub span: Span,
}

/// An empty SVG with an image's proportions: typst lays it out like the image at a
/// given width without decoding the picture.
pub fn stand_in(info: &ImageInfo) -> Bytes {
    Bytes::from_string(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"/>",
        w = info.width,
        h = info.height
    ))
}

/// Every image placed in `document` whose data is one of `sources` or a stand-in
/// served as `<source path>.svg` (matched by content), in page order.
pub fn placements(
    document: &PagedDocument,
    sources: &[SourceImage],
    stand_ins: &[(String, Bytes)],
) -> Vec<Placement> {
    let mut by_hash: HashMap<u128, &str> = sources
        .iter()
        .map(|s| (typst::utils::hash128(&s.bytes), s.rel.as_str()))
        .collect();
    for (served, bytes) in stand_ins {
        let rel = served.strip_suffix(".svg").unwrap_or(served);
        by_hash.insert(typst::utils::hash128(bytes), rel);
    }
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        collect_images(&page.frame, 1.0, &mut |image, w, h, span| {
            let data = match image.kind() {
                ImageKind::Raster(raster) => raster.data(),
                ImageKind::Svg(svg) => svg.data(),
                _ => return,
            };
            if let Some(rel) = by_hash.get(&typst::utils::hash128(data)) {
                out.push(Placement {
                    rel: rel.to_string(),
                    width_pt: w,
                    height_pt: h,
                    page: i + 1,
                    span,
                });
            }
        });
    }
    out
}

/// Calls `f(image, width_pt, height_pt, span)` for every image in a frame, sizes
/// multiplied by the groups' scale.
fn collect_images(
    frame: &Frame,
    scale: f64,
    f: &mut impl FnMut(&typst::visualize::Image, f64, f64, Span),
) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let s =
                    group.transform.sx.get().abs().max(group.transform.ky.get().abs());
                collect_images(&group.frame, scale * s, f);
            }
            FrameItem::Image(image, size, span) => {
                f(image, size.x.to_pt() * scale, size.y.to_pt() * scale, *span)
            }
            _ => {}
        }
    }
}
