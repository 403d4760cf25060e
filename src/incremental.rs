//! Incremental builds: for each target (language × layout), a record of what it read
//! and wrote, kept in `out/.livret/targets/`. A target whose inputs (the files it read,
//! the manifest, the fonts, the options, livret's version) and outputs are unchanged
//! is skipped. The record is written only after every output is in place, so an
//! interrupted build never leaves a target marked done without its files.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::build::BuiltTarget;
use crate::diag::{Error, Result};
use crate::export::write_atomic;
use crate::manifest::MANIFEST_PATH;

/// Where the records live, relative to the project root.
pub const RECORD_DIR: &str = "out/.livret/targets";

/// One file a target wrote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Output {
    /// Project-relative path.
    pub path: String,
    /// Hex SHA-256 of its content.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `reading`, `screen`, `print`, `ticket` or `source` (the generated main.typ).
    pub kind: String,
}

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

/// Hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex SHA-256 of a project file, `None` when it cannot be read.
fn file_hash(root: &Path, rel: &str) -> Option<String> {
    fs::read(root.join(rel)).ok().map(|b| sha256_hex(&b))
}

/// The part of a target's fingerprint shared by all targets: livret's version, the
/// options that change output, the build date, the manifest and every font file.
pub fn fixed_fingerprint(root: &Path, options: &[(&str, String)]) -> Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION"));
    for (key, value) in options {
        hasher.update(format!("\n{key}={value}"));
    }
    hasher.update(std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default());
    let manifest = fs::read(root.join(MANIFEST_PATH))
        .map_err(|e| Error::io("read", Path::new(MANIFEST_PATH), e))?;
    hasher.update(&manifest);
    let mut fonts = Vec::new();
    collect_files(&root.join("fonts"), &mut fonts);
    fonts.sort();
    for font in fonts {
        hasher.update(
            font.strip_prefix(root).unwrap_or(&font).to_string_lossy().as_bytes(),
        );
        hasher.update(fs::read(&font).unwrap_or_default());
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Every file under `dir`.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The record file of a target.
pub fn record_path(root: &Path, lang: &str, layout: &str) -> PathBuf {
    root.join(RECORD_DIR).join(format!("{lang}--{layout}.json"))
}

/// Reads a target's record, if there is a readable one.
pub fn read_record(root: &Path, lang: &str, layout: &str) -> Option<Record> {
    let bytes = fs::read(record_path(root, lang, layout)).ok()?;
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
    unchanged.then_some(record.target)
}

/// Every output of a built target, hashed from disk.
pub fn outputs(root: &Path, target: &BuiltTarget, main: &str) -> Result<Vec<Output>> {
    let mut files: Vec<(String, &str)> = vec![
        (target.pdf.display().to_string(), "reading"),
        (target.screen_pdf.display().to_string(), "screen"),
        (main.to_string(), "source"),
    ];
    for p in &target.prints {
        files.push((p.pdf.display().to_string(), "print"));
        files.push((p.ticket.display().to_string(), "ticket"));
    }
    files
        .into_iter()
        .map(|(path, kind)| {
            let bytes = fs::read(root.join(&path))
                .map_err(|e| Error::io("read back", Path::new(&path), e))?;
            Ok(Output {
                sha256: sha256_hex(&bytes),
                bytes: bytes.len() as u64,
                path,
                kind: kind.to_string(),
            })
        })
        .collect()
}

/// Records a finished target: the files it read (hashed now) and wrote.
pub fn write_record(
    root: &Path,
    fixed: &str,
    inputs: &[String],
    outputs: Vec<Output>,
    target: &BuiltTarget,
) -> Result<()> {
    let inputs = inputs
        .iter()
        .map(|rel| (rel.clone(), file_hash(root, rel).unwrap_or_default()))
        .collect();
    let record =
        Record { fixed: fixed.to_string(), inputs, outputs, target: target.clone() };
    let json = serde_json::to_vec_pretty(&record).expect("plain data");
    write_atomic(&record_path(root, &target.lang, &target.layout), &json)
}
