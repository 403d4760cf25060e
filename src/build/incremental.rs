//! Incremental builds: for each target (language × layout), a record of what it read
//! and wrote, kept in `out/.livret/targets/`. A target whose inputs (the files it read,
//! the manifest, the fonts, the options, livret's version) and outputs are unchanged
//! is skipped. The record is written only after every output is in place, so an
//! interrupted build never leaves a target marked done without its files.
//!
//! Inputs are hashed as they are read (the manifest's text as loaded, the fonts as
//! loaded, the chapters and images as livret and typst read them), never afterwards:
//! a file saved during a build no longer matches its record, so the next build redoes
//! the target instead of trusting a PDF made from the old text.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::build::output::{BuiltTarget, Output};
use crate::i18n::Text;
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::typeset::fonts::Fonts;
use crate::util::diag::Result;
use crate::util::fs::{read_project_if_exists, write_project};
use crate::util::hash::{hex, sha256_hex};

/// The shape of records and of what they hold: a record of another shape is stale.
const RECORD_FORMAT: &str = "record-4";

/// What a finished target read and wrote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Hash of the manifest, fonts, options and livret's version.
    pub fixed: String,
    /// Every project file the target read, with its hex SHA-256.
    pub inputs: Vec<(String, String)>,
    /// Every file it wrote.
    pub outputs: Vec<Output>,
    /// What the build reported for it.
    pub target: BuiltTarget,
}

/// Hex SHA-256 of a project file, `None` when it cannot be read (or is refused).
fn file_hash(root: &Path, rel: &str) -> Option<String> {
    read_project_if_exists(root, rel).ok().flatten().map(|b| sha256_hex(&b))
}

/// The part of a target's fingerprint shared by all targets: livret's version, the
/// options that change output, the build date, the manifest's text and the project's
/// font files, both as loaded for this build.
pub fn fixed_fingerprint(
    manifest: &Manifest,
    fonts: &Fonts,
    options: &[(&str, String)],
) -> Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION"));
    hasher.update(RECORD_FORMAT);
    for (key, value) in options {
        hasher.update(format!("\n{key}={value}"));
    }
    hasher.update(std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default());
    hasher.update(&manifest.text);
    let mut last = None;
    for (font, origin) in fonts.fonts.iter().zip(&fonts.origins) {
        // Faces of one collection file share its bytes: hash each file once.
        // Project fonts have relative origins (embedded and system ones do not).
        let project = origin != "embedded" && Path::new(origin).is_relative();
        if project && last != Some(origin) {
            hasher.update(origin.as_bytes());
            hasher.update(font.data().as_slice());
            last = Some(origin);
        }
    }
    Ok(hex(&hasher.finalize()))
}

/// Reads a target's record, if there is a readable one.
pub fn read_record(root: &Path, lang: &str, layout: &str) -> Option<Record> {
    let bytes =
        read_project_if_exists(root, paths::record(root, lang, layout)).ok()??;
    serde_json::from_slice(&bytes).ok()
}

/// The recorded target when nothing it depends on changed and its files are intact.
pub fn up_to_date(
    root: &Path,
    lang: &str,
    layout: &str,
    fixed: &str,
) -> Option<BuiltTarget> {
    let record = read_record(root, lang, layout)?;
    let unchanged = record.fixed == fixed
        && record
            .inputs
            .iter()
            .all(|(rel, hash)| file_hash(root, rel).as_ref() == Some(hash))
        && record
            .outputs
            .iter()
            .all(|o| file_hash(root, &o.path).as_ref() == Some(&o.sha256));
    unchanged.then(|| in_this_language(record.target))
}

/// A recorded target whose warnings read in this run's language where the record has
/// it (records keep both languages; English runs read the English).
fn in_this_language(mut target: BuiltTarget) -> BuiltTarget {
    if crate::i18n::current() == crate::i18n::UiLang::En {
        for warning in &mut target.warnings {
            *warning = Text::raw(warning.english());
        }
    }
    target
}

/// Records a finished target: the files it read with their hashes as read, and the
/// files it wrote. A path read twice with different bytes keeps a mark no file
/// matches; a path without a hash (asked for but never read) is hashed now.
pub fn write_record(
    root: &Path,
    fixed: &str,
    inputs: &[(String, Option<String>)],
    outputs: Vec<Output>,
    target: &BuiltTarget,
) -> Result<()> {
    let inputs = inputs
        .iter()
        .map(|(rel, hash)| {
            let hash = hash.clone().or_else(|| file_hash(root, rel)).unwrap_or_default();
            (rel.clone(), hash)
        })
        .collect();
    let record =
        Record { fixed: fixed.to_string(), inputs, outputs, target: target.clone() };
    // Both languages of its warnings, for the runs that find the target up to date.
    let json = crate::i18n::serialize_whole(|| serde_json::to_vec_pretty(&record))
        .expect("plain data");
    write_project(root, paths::record(root, &target.lang, &target.layout), &json)
}
