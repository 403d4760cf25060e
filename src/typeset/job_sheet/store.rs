//! Job sheets kept by everything that makes their bytes, in the user's cache folder
//! beside the page inks: imposing a job again (the same PDF, plan, ticket and ink)
//! writes the kept PDF instead of laying it out with typst again.
//!
//! A kept file is the PDF followed by the 16-byte hash of it: a damaged file is not
//! used (the job sheet is laid out again and the file replaced).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use typst::foundations::Datetime;

use super::{JobSheet, source};
use crate::util::diag::Result;
use crate::util::fs::{files_under, project_dir, write_atomic};

/// Most bytes the kept job sheets take together (a job sheet is some 35 kB); past it
/// the least recently written go.
pub const STORE_BYTES: u64 = 8 << 20;

/// What a job sheet's bytes depend on, hashed: its two possible sources (with and
/// without the steps), its identifier and date, the fonts of the folder it is laid
/// out in (each file's path, length and time of change) and this very program (its
/// length and time of change: typst, the layout code and the embedded fonts are in it).
/// `None` when the folder's fonts or the program cannot be looked at.
pub fn key(job: &JobSheet, root: &Path, ident: &str, date: Datetime) -> Option<u128> {
    let fonts = match project_dir(root, "fonts").ok()? {
        Some(dir) => files_under(&dir).ok()?.iter().map(|f| stamp(f)).collect(),
        None => Vec::new(),
    };
    let exe = stamp(&std::env::current_exe().ok()?);
    let sources = (source(job, true), source(job, false));
    let when = (date.year(), date.month(), date.day());
    Some(typst::utils::hash128(&("job sheet 1", sources, ident, when, fonts, exe)))
}

/// A file's path, length and time of change, as text (`?` for what cannot be read).
fn stamp(path: &Path) -> String {
    let meta = std::fs::metadata(path).ok();
    let len = meta.as_ref().map(|m| m.len());
    let changed = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos());
    format!("{} {len:?} {changed:?}", path.display())
}

/// The file the job sheet of `key` is kept in, under `dir`.
pub fn file(dir: &Path, key: u128) -> PathBuf {
    dir.join(format!("{key:032x}.pdf"))
}

/// The PDF kept at `path`, if it is there and whole.
pub fn load(path: &Path) -> Option<Vec<u8>> {
    let mut bytes = crate::util::fs::read_cache_file(path)?;
    let split = bytes.len().checked_sub(16)?;
    let check = u128::from_le_bytes(bytes[split..].try_into().ok()?);
    bytes.truncate(split);
    (typst::utils::hash128(&bytes[..]) == check).then_some(bytes)
}

/// Keeps `pdf` at `path` (atomically, with its hash), then prunes the folder.
pub fn save(path: &Path, pdf: &[u8]) -> Result<()> {
    let mut out = Vec::with_capacity(pdf.len() + 16);
    out.extend_from_slice(pdf);
    out.extend_from_slice(&typst::utils::hash128(pdf).to_le_bytes());
    write_atomic(path, &out)?;
    if let Some(dir) = path.parent() {
        crate::typeset::ink::cache::prune(dir, STORE_BYTES);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_sheet_loads_whole_and_a_damaged_one_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = file(dir.path(), 42);
        assert_eq!(load(&path), None);
        save(&path, b"%PDF-1.7 a job sheet").unwrap();
        assert_eq!(load(&path).as_deref(), Some(&b"%PDF-1.7 a job sheet"[..]));
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[3] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(load(&path), None);
    }
}
