//! Where a chapter is: `sources/<lang>/<stem>.md` or `.typ`, one rule for every
//! command (a chapter with both files is an error; a path leaving the project is
//! refused).

use std::path::PathBuf;

use crate::project::manifest::Manifest;
use crate::util::diag::{Error, Result};
use crate::util::fs::resolve_in_root;

/// The largest chapter file, in bytes (2 MB). A pocket guide's chapters are a few
/// tens of KB; typesetting time and memory grow with the text (a 20 MB chapter took
/// 80 s and 6.8 GB), so a larger file is refused before it is read.
pub const MAX_CHAPTER_BYTES: u64 = 2 << 20;

/// Refuses a chapter file larger than [`MAX_CHAPTER_BYTES`].
fn check_size(rel: &str, abs: &std::path::Path) -> Result<()> {
    let size = abs.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_CHAPTER_BYTES {
        return Err(Error::new(format!(
            "{rel}: the chapter is {:.1} MB, more than the {} MB livret typesets in one chapter",
            size as f64 / f64::from(1 << 20),
            MAX_CHAPTER_BYTES >> 20
        ))
        .with_hint("split it into several chapters, or check that it is the text you meant"));
    }
    Ok(())
}

/// A chapter's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterFile {
    /// Project-relative path (`sources/bm/01-introduction.md`).
    pub rel: String,
    /// Absolute path, inside the project.
    pub abs: PathBuf,
}

impl ChapterFile {
    /// `md` or `typ`.
    pub fn extension(&self) -> &str {
        self.rel.rsplit_once('.').map_or("", |(_, ext)| ext)
    }

    /// Whether the chapter is written in Markdown.
    pub fn is_markdown(&self) -> bool {
        self.extension() == "md"
    }
}

/// Finds `sources/<lang>/<stem>.md` or `.typ`; `None` when neither exists.
pub fn find(manifest: &Manifest, lang: &str, stem: &str) -> Result<Option<ChapterFile>> {
    let mut found = None;
    for ext in ["md", "typ"] {
        let rel = format!("sources/{lang}/{stem}.{ext}");
        let abs = manifest.root.join(&rel);
        if abs.symlink_metadata().is_ok() {
            if found.is_some() {
                return Err(Error::new(format!(
                    "sources/{lang}/{stem}: both {stem}.md and {stem}.typ exist"
                ))
                .with_hint("keep one of the two files"));
            }
            let abs = resolve_in_root(&manifest.root, &rel)
                .map_err(|problem| Error::new(format!("{rel}: {problem}")))?;
            check_size(&rel, &abs)?;
            found = Some(ChapterFile { rel, abs });
        }
    }
    Ok(found)
}
