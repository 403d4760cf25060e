//! What livret knows of images: the limits, each edition's target, a checked source
//! image, a prepared variant.

use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;

use crate::util::hash::{hex, sha256};

/// The largest image side livret decodes, in pixels (a guard against decompression
/// bombs: a small file that claims an enormous picture).
pub const MAX_SIDE: u32 = 20_000;
/// The most memory one decoded image may take: 256 MiB, a 64-megapixel picture with
/// transparency or an 85-megapixel photograph — a full A4 page at 300 dpi is 9 Mpx.
/// Larger files (a 16000² scan costs typst 2 GB per target) are refused with a hint to
/// scale them down.
pub(crate) const MAX_ALLOC: u64 = 256 << 20;
/// Under this effective resolution a printed image looks blurry.
pub const BLURRY_DPI: f64 = 150.0;

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
    /// Flat art (a source of few colours) is drawn with at most this many colours in
    /// a palette PNG; 0 keeps every colour of the resampled image.
    pub palette: usize,
}

impl ImageTarget {
    /// Print: 300 dpi, high JPEG quality.
    pub const PRINT: Self =
        Self { dpi: 300.0, gray: false, jpeg_quality: 90, palette: 0 };
    /// Screens and phones: 150 dpi, smaller JPEGs, flat art in 64 colours.
    pub const SCREEN: Self =
        Self { dpi: 150.0, gray: false, jpeg_quality: 70, palette: 64 };

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

/// Hex of the first 16 bytes of the SHA-256 of `bytes`.
pub fn hex_hash(bytes: &[u8]) -> String {
    hex(&sha256(bytes)[..16])
}

/// How to name a source image in errors: `chapter:line: image `path``.
pub type Where<'a> = &'a dyn Fn() -> String;
