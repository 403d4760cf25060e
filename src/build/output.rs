//! What a build made: the targets with their files, print files and images, and the
//! kind of every output. Records, the report and the CLI read these types.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::images::BLURRY_DPI;
use crate::tr;
use crate::typeset::ink::InkCoverage;
use crate::util::diag::Result;
use crate::util::fs::write_project;
use crate::util::hash::sha256_hex;
use livret_impose::Scheme;

/// One written reading PDF, with its screen edition and print files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuiltTarget {
    /// Language code.
    pub lang: String,
    /// Layout name.
    pub layout: String,
    /// Path of the PDF, relative to the project root.
    pub pdf: PathBuf,
    /// Page count.
    pub pages: usize,
    /// Page size in millimetres (width, height).
    pub page_mm: (f64, f64),
    /// File size in bytes.
    pub bytes: usize,
    /// Chapters not translated yet: shown in the source language, or still holding
    /// blocks of it under the untranslated mark (`[fr] `).
    pub untranslated: Vec<String>,
    /// Its warnings (typst's, livret's), read in the interface language.
    pub warnings: Vec<Text>,
    /// Print files made from this target's layout presets.
    pub prints: Vec<BuiltPrint>,
    /// The screen edition (images for phones), relative to the project root.
    pub screen_pdf: PathBuf,
    /// Its size in bytes.
    pub screen_bytes: usize,
    /// Raster images where they are printed, with what the print edition embeds.
    pub images: Vec<PlacedImage>,
    /// Images livret decoded for this target (the others came from the cache).
    pub image_decodes: usize,
    /// Nothing it depends on changed since the last build: its files were kept.
    #[serde(default)]
    pub up_to_date: bool,
    /// How long it took to build, in milliseconds.
    #[serde(default)]
    pub millis: u64,
    /// How many project files it read.
    #[serde(default)]
    pub inputs: usize,
}

/// One print file (imposed sheets) and its job ticket.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuiltPrint {
    /// Path of the print PDF, relative to the project root.
    pub pdf: PathBuf,
    /// Path of the job ticket, relative to the project root.
    pub ticket: PathBuf,
    /// Path of the job sheet (the ticket in pictures, a PDF), relative to the project root.
    #[serde(default)]
    pub job_sheet: PathBuf,
    /// The ink its sides take.
    #[serde(default)]
    pub ink: Option<InkCoverage>,
    /// The preset's name in file names (`a4-saddle`, `a4-cutstack-gray`).
    #[serde(default)]
    pub preset: String,
    /// Sheets to print per run.
    pub sheets: usize,
    /// The scheme.
    pub scheme: Scheme,
    /// File size in bytes.
    pub bytes: usize,
    /// Booklets one printed run of the sheets makes (several for `copies`).
    #[serde(default = "one")]
    pub booklets: usize,
}

/// One booklet per run, the default of older records.
fn one() -> usize {
    1
}

/// A raster image where it is printed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlacedImage {
    /// Project-relative path of the image file.
    pub path: String,
    /// `chapter:line` (or the Typst file, line and column) where it is shown.
    pub place: String,
    /// 1-based page.
    pub page: usize,
    /// The file's size in pixels.
    pub pixels: (u32, u32),
    /// Printed size in millimetres.
    pub printed_mm: (f64, f64),
    /// The file's resolution at that size, in pixels per inch.
    pub dpi: f64,
    /// What the edition embeds: pixels and encoded bytes (the file itself when
    /// livret left it as it is).
    pub embedded: Option<(u32, u32, usize)>,
}

impl PlacedImage {
    /// The warning for an image that will print blurry, if it is one.
    pub fn blurry_warning(&self) -> Option<Text> {
        (self.dpi < BLURRY_DPI).then(|| {
            let needed = (self.printed_mm.0 / 25.4 * 300.0).ceil() as u64;
            tr!(
                "build-blurry-image",
                place = &self.place,
                path = &self.path,
                dpi = self.dpi.round() as i64,
                page = self.page,
                width = self.printed_mm.0.round() as i64,
                height = self.printed_mm.1.round() as i64,
                needed = needed
            )
        })
    }
}

/// What an output file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputKind {
    /// The reading PDF (print edition).
    Reading,
    /// The screen edition.
    Screen,
    /// Imposed sheets.
    Print,
    /// A print file's job ticket.
    Ticket,
    /// A print file's job sheet: the ticket in pictures (PDF).
    #[serde(rename = "job-sheet")]
    JobSheet,
    /// The generated Typst main source.
    Source,
}

impl OutputKind {
    /// Whether the file goes to the print shop (print files, their tickets and job sheets).
    pub fn for_print_shop(self) -> bool {
        matches!(self, Self::Print | Self::Ticket | Self::JobSheet)
    }

    /// Whether the file is a booklet with pages (reading and screen editions).
    pub fn is_booklet(self) -> bool {
        matches!(self, Self::Reading | Self::Screen)
    }
}

/// One file a target wrote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Output {
    /// Project-relative path.
    pub path: String,
    /// Hex SHA-256 of its content.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// What it is.
    pub kind: OutputKind,
}

/// The files a target wrote, each hashed from the bytes written.
pub struct Written<'a> {
    root: &'a Path,
    /// What was written, in order.
    pub outputs: Vec<Output>,
}

impl<'a> Written<'a> {
    /// Nothing written yet under `root`.
    pub fn new(root: &'a Path) -> Self {
        Self { root, outputs: Vec::new() }
    }

    /// Writes `bytes` to the project-relative `path` (atomically) and notes it.
    pub fn write(&mut self, path: &str, bytes: &[u8], kind: OutputKind) -> Result<()> {
        let output = write_output(self.root, Path::new(path), bytes, kind)?;
        self.outputs.push(output);
        Ok(())
    }

    /// Puts the outputs in the order records list them: the reading PDF, the screen
    /// edition, the main source, then each print file's.
    pub fn in_record_order(&mut self) {
        self.outputs.sort_by_key(|o| match o.kind {
            OutputKind::Reading => 0,
            OutputKind::Screen => 1,
            OutputKind::Source => 2,
            _ => 3,
        });
    }

    /// [`Written::write`] to a path given as a `PathBuf`.
    pub fn write_path(
        &mut self,
        path: &Path,
        bytes: &[u8],
        kind: OutputKind,
    ) -> Result<()> {
        self.write(&path.display().to_string(), bytes, kind)
    }
}

/// Writes `bytes` to the project-relative `path` under `root` (atomically); the output
/// with the hash of the bytes written.
pub fn write_output(
    root: &Path,
    path: &Path,
    bytes: &[u8],
    kind: OutputKind,
) -> Result<Output> {
    write_project(root, path, bytes)?;
    Ok(Output {
        path: path.display().to_string(),
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        kind,
    })
}
