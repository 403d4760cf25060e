//! The image cache under `out/.cache/images/`: what each source image is (checked
//! once), and each prepared variant (resampled, grey, re-encoded), by content hash.

use crate::tr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{DynamicImage, ImageFormat};
use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;

use crate::images::check::{self, format_name, is_photo};
use crate::images::encode::{encode_jpeg, encode_png, encode_png_palette};
use crate::images::model::{
    ImageInfo, ImageTarget, SourceImage, Variant, Where, hex_hash,
};
use crate::images::palette::{self, FLAT_ART_COLOURS};
use crate::project::paths::IMAGE_CACHE_DIR;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project, read_project_if_exists, write_project};
use crate::util::hash::{ReadLog, hex, sha256};

/// Processed images on disk, and how much work was done (for reports and tests).
pub struct ImageCache {
    root: PathBuf,
    dir: PathBuf,
    decodes: AtomicUsize,
    reads: ReadLog,
}

impl ImageCache {
    /// The cache of the project at `root` (created on first write).
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            dir: root.join(IMAGE_CACHE_DIR),
            decodes: AtomicUsize::new(0),
            reads: ReadLog::default(),
        }
    }

    /// The source images read so far, with the hex SHA-256 of the bytes as read.
    pub fn read_hashes(&self) -> Vec<(String, String)> {
        self.reads.entries()
    }

    /// Decodes with limits and counts the decode.
    fn decode(
        &self,
        bytes: &[u8],
        rel: &str,
        place: Where,
    ) -> Result<(DynamicImage, ImageFormat, Option<f64>)> {
        self.decodes.fetch_add(1, Ordering::Relaxed);
        check::decode(bytes, rel, place)
    }

    /// How many images were decoded by livret (cache misses) so far.
    pub fn decodes(&self) -> usize {
        self.decodes.load(Ordering::Relaxed)
    }

    /// Reads and checks the image at `rel` (project-relative): the format matches
    /// the name, the size is sane, the data decodes. `place` names where the chapter
    /// uses it, for errors.
    pub fn source(&self, root: &Path, rel: &str, place: Where) -> Result<SourceImage> {
        if root.join(rel).is_dir() {
            return Err(folder(place));
        }
        let bytes = read_project(root, rel).map_err(|err| {
            let mut e = Error::new(tr!(
                "images-unreadable",
                place = place(),
                reason = err.message
            ));
            e.hints = err.hints;
            e.with_hint(tr!("images-unreadable-hint"))
        })?;
        // One SHA-256 for both: the read log's hash and the cache key (its first half).
        let digest = sha256(&bytes);
        self.reads.note_hash(rel, hex(&digest));
        let hash = hex(&digest[..16]);
        let info_path = self.dir.join(format!("{hash}.json"));
        if let Some(info) = read_project_if_exists(&self.root, &info_path)?
            .and_then(|b| recorded(&b, &hash))
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
        let json = record(&info, &hash);
        write_project(&self.root, &info_path, &json)?;
        Ok(SourceImage { rel: rel.to_string(), bytes: Bytes::new(bytes), hash, info })
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
        let quality = match format.as_str() {
            "jpg" => format!("-q{}", target.jpeg_quality),
            _ if target.palette > 0 => format!("-p{}", target.palette),
            _ => String::new(),
        };
        let name = format!(
            "{}-{width}x{height}-{dpi:.2}dpi{gray}{quality}.{format}",
            source.hash
        );
        let path = self.dir.join(&name);
        if let Some(bytes) = read_project_if_exists(&self.root, &path)?
            && intact(&self.root, &path, &bytes)
        {
            return Ok(Variant { bytes: Bytes::new(bytes), format, width, height });
        }
        let bytes = self.prepare(source, (width, height), dpi, &format, target)?;
        write_project(&self.root, &path, &bytes)?;
        write_project(&self.root, sum_path(&path), hex_hash(&bytes).as_bytes())?;
        Ok(Variant { bytes: Bytes::new(bytes), format, width, height })
    }

    /// Decodes `source`, resamples it to `size` (when smaller), greys it for a grey
    /// target and encodes it as `format` with density `dpi` — flat art as a palette
    /// PNG when the target asks for one.
    fn prepare(
        &self,
        source: &SourceImage,
        (width, height): (u32, u32),
        dpi: f64,
        format: &str,
        target: ImageTarget,
    ) -> Result<Vec<u8>> {
        let place = || format!("image {}", source.rel);
        let (image, _, _) = self.decode(&source.bytes, &source.rel, &place)?;
        let flat = format == "png"
            && target.palette > 0
            && palette::few_colours(&image, FLAT_ART_COLOURS);
        let mut image = if width < source.info.width {
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
        if format == "jpg" {
            let density = dpi.round().clamp(1.0, 65535.0) as u16;
            encode_jpeg(&image, target.jpeg_quality, density).map_err(|e| e.to_string())
        } else if flat {
            let paletted = palette::reduce(&image, target.palette);
            encode_png_palette(&paletted, dpi).map_err(|e| e.to_string())
        } else {
            encode_png(&image, dpi).map_err(|e| e.to_string())
        }
        .map_err(|err| {
            Error::new(tr!(
                "images-encode-failed",
                path = source.rel.as_str(),
                reason = err
            ))
        })
    }
}

/// The error for an image path that names a folder.
pub fn folder(place: Where) -> Error {
    Error::new(tr!("images-folder", place = place())).with_hint(tr!("images-folder-hint"))
}

/// What the cache records of a source image: its hash, what it is, and a checksum of
/// both, so that a damaged, edited or misplaced record is noticed and redone.
#[derive(Serialize, Deserialize)]
struct InfoRecord {
    /// Hex hash of the source image the record describes (also its file name).
    source: String,
    /// What the image is.
    info: ImageInfo,
    /// Hex hash of `source` and `info` as compact JSON.
    check: String,
}

/// The checksum of a record's content.
fn checksum(source: &str, info: &ImageInfo) -> String {
    hex_hash(&serde_json::to_vec(&(source, info)).expect("plain data"))
}

/// The record of `info` for the source image of hash `source`, as JSON.
fn record(info: &ImageInfo, source: &str) -> Vec<u8> {
    let record = InfoRecord {
        source: source.to_string(),
        info: info.clone(),
        check: checksum(source, info),
    };
    serde_json::to_vec_pretty(&record).expect("plain data")
}

/// The image info in a cached record, if the record is whole and describes the
/// source image of hash `source`.
fn recorded(json: &[u8], source: &str) -> Option<ImageInfo> {
    let record: InfoRecord = serde_json::from_slice(json).ok()?;
    (record.source == source && record.check == checksum(source, &record.info))
        .then_some(record.info)
}

/// Where the hash of a cached variant is kept: next to it, with `.sum` added.
fn sum_path(variant: &Path) -> PathBuf {
    let mut name = variant.as_os_str().to_owned();
    name.push(".sum");
    PathBuf::from(name)
}

/// Whether a cached variant's bytes are those recorded when it was made (a cut or
/// replaced file is made again).
fn intact(root: &Path, variant: &Path, bytes: &[u8]) -> bool {
    read_project_if_exists(root, sum_path(variant))
        .ok()
        .flatten()
        .is_some_and(|sum| String::from_utf8_lossy(&sum).trim() == hex_hash(bytes))
}
