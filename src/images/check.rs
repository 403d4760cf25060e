//! Checking a source image: its name says what it is, it is whole, its size is sane
//! (a guard against decompression bombs), it decodes; what it is (photo or flat art, density).

use crate::i18n::Text;
use crate::tr;
use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::images::integrity;
use crate::images::model::{MAX_ALLOC, MAX_SIDE, Where};
use crate::util::diag::{Error, Result};

/// Checks what can be known without decoding the picture: the file is what its name
/// says, it is whole (see [`integrity`]), its header declares a sane size. Cheap
/// enough to run each time typst is served an image file.
pub fn inspect(bytes: &[u8], rel: &str, place: Where) -> Result<ImageFormat> {
    let named =
        Path::new(rel).extension().and_then(ImageFormat::from_extension).filter(|f| {
            matches!(
                f,
                ImageFormat::Png
                    | ImageFormat::Jpeg
                    | ImageFormat::Gif
                    | ImageFormat::WebP
            )
        });
    let Some(named) = named else {
        return Err(Error::new(tr!("images-not-raster-name", place = place()))
            .with_hint(tr!("images-not-raster-name-hint")));
    };
    if bytes.is_empty() {
        return Err(Error::new(tr!("images-empty", place = place()))
            .with_hint(tr!("images-export-again-hint")));
    }
    let actual = image::guess_format(bytes).map_err(|_| {
        Error::new(tr!("images-not-an-image", place = place()))
            .with_hint(tr!("images-export-again-hint"))
    })?;
    if actual != named {
        let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
        let ext = actual.extensions_str().first().copied().unwrap_or("?");
        return Err(Error::new(tr!(
            "images-wrong-name",
            place = place(),
            actual = format_label(actual),
            named = format_label(named)
        ))
        .with_hint(tr!("images-wrong-name-hint", name = format!("{stem}.{ext}"))));
    }
    if let Some(damage) = integrity::damage(bytes, actual) {
        return Err(Error::new(tr!("images-damaged", place = place(), damage = damage))
            .with_hint(tr!("images-export-again-hint")));
    }
    let decoder = reader(bytes, actual).into_decoder().map_err(|e| damaged(e, place))?;
    if decoder.total_bytes() > MAX_ALLOC {
        return Err(damaged(
            image::ImageError::Limits(image::error::LimitError::from_kind(
                image::error::LimitErrorKind::InsufficientMemory,
            )),
            place,
        ));
    }
    Ok(actual)
}

/// Why typst must not be served the image file at `rel` (project-relative), in one
/// line with what to do, or `None` when it may decode it.
pub fn refusal(bytes: &[u8], rel: &str) -> Option<String> {
    let place = || format!("image `{rel}`");
    inspect(bytes, rel, &place).err().map(|err| {
        std::iter::once(err.message)
            .chain(err.hints)
            .map(String::from)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// File name endings of image formats typst cannot print.
const UNPRINTABLE: [&str; 9] =
    ["tif", "tiff", "bmp", "heic", "heif", "psd", "avif", "ico", "jxl"];

/// Why typst must not be served the project file at `rel`, whose name is not a raster
/// image's, in one line with what to do: an image format typst cannot print (named
/// so, or a TIFF by its content), or a picture typst decodes whose header declares
/// more than the pixel limit (a chapter may pass any file's bytes to `image`).
pub fn sniffed_refusal(bytes: &[u8], rel: &str) -> Option<String> {
    let ext =
        rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let format = image::guess_format(bytes).ok();
    if UNPRINTABLE.contains(&ext.as_str()) || format == Some(ImageFormat::Tiff) {
        let what = format.map_or(ext.to_uppercase(), |f| format_label(f).to_string());
        return Some(tr!("images-unprintable", path = rel, format = what).into());
    }
    let format = format.filter(|f| {
        matches!(
            f,
            ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif | ImageFormat::WebP
        )
    })?;
    let place = || format!("`{rel}`");
    match reader(bytes, format).into_decoder() {
        Ok(decoder) if decoder.total_bytes() <= MAX_ALLOC => None,
        Ok(_) => Some(
            damaged(
                image::ImageError::Limits(image::error::LimitError::from_kind(
                    image::error::LimitErrorKind::InsufficientMemory,
                )),
                &place,
            )
            .message
            .into(),
        ),
        Err(err @ image::ImageError::Limits(_)) => {
            Some(damaged(err, &place).message.into())
        }
        // Damaged: typst's own decoder says so, within its limits.
        Err(_) => None,
    }
}

/// Checks that an SVG file parses as typst parses it, so that a damaged drawing is
/// named with the chapter line that shows it rather than the layout that places it.
pub fn check_svg(bytes: &[u8], place: Where) -> Result<()> {
    use typst::diag::LoadedWithin;
    use typst::loading::{LoadSource, Loaded};
    let data = typst::foundations::Bytes::new(bytes.to_vec());
    let Err(err) = typst::visualize::SvgImage::new(data.clone()) else {
        return Ok(());
    };
    let loaded = Loaded::new(typst::syntax::Spanned::detached(LoadSource::Bytes), data);
    let diagnostic = err.within(&loaded);
    Err(Error::new(tr!(
        "images-svg-unreadable",
        place = place(),
        reason = diagnostic.message.as_str()
    ))
    .with_hint(tr!("images-svg-unreadable-hint")))
}

/// Checks with [`inspect`], then decodes with limits: the picture, its format and the
/// density its file declares.
pub fn decode(
    bytes: &[u8],
    rel: &str,
    place: Where,
) -> Result<(DynamicImage, ImageFormat, Option<f64>)> {
    let actual = inspect(bytes, rel, place)?;
    let mut decoder =
        reader(bytes, actual).into_decoder().map_err(|e| damaged(e, place))?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| damaged(e, place))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    let dpi = file_dpi(bytes, actual);
    Ok((image, actual, dpi))
}

/// A reader of `bytes` as `format`, with livret's limits.
fn reader(bytes: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    reader
}

/// livret's error for a decoder's: too large, or damaged.
fn damaged(err: image::ImageError, place: Where) -> Error {
    match err {
        image::ImageError::Limits(_) => Error::new(tr!(
            "images-too-large",
            place = place(),
            side = MAX_SIDE,
            mib = MAX_ALLOC >> 20
        ))
        .with_hint(tr!("images-too-large-hint")),
        other => Error::new(tr!(
            "images-damaged",
            place = place(),
            damage = Text::raw(other.to_string())
        ))
        .with_hint(tr!("images-export-again-hint")),
    }
}

/// The short name livret uses for a format.
pub fn format_name(format: ImageFormat) -> &'static str {
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
pub fn file_dpi(bytes: &[u8], format: ImageFormat) -> Option<f64> {
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
pub fn is_photo(image: &DynamicImage, format: ImageFormat) -> bool {
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
