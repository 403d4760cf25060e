//! Where a chapter is: `sources/<lang>/<stem>.md` or `.typ`, one rule for every
//! command (a chapter with both files is an error; a path leaving the project is
//! refused).

use std::path::PathBuf;

use crate::i18n::{Text, decimal};
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::tr;
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
        return Err(Error::new(tr!(
            "project-chapter-too-large",
            path = rel,
            size = decimal(size as f64 / f64::from(1 << 20), 1),
            max = MAX_CHAPTER_BYTES >> 20
        ))
        .with_hint(tr!("project-chapter-too-large-hint")));
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
        let rel = paths::chapter(lang, stem, ext);
        let abs = manifest.root.join(&rel);
        if abs.symlink_metadata().is_ok() {
            if found.is_some() {
                return Err(Error::new(tr!(
                    "project-chapter-both",
                    md = paths::chapter(lang, stem, "md"),
                    typ = paths::chapter(lang, stem, "typ")
                ))
                .with_hint(tr!("project-chapter-both-hint")));
            }
            let abs = resolve_in_root(&manifest.root, &rel).map_err(|problem| {
                Error::new(
                    Text::raw(rel.as_str()).join(": ", &problem.to_string().into()),
                )
            })?;
            check_size(&rel, &abs)?;
            found = Some(ChapterFile { rel, abs });
        }
    }
    Ok(found)
}

/// The file a missing translation of chapter `stem` should be, named as the source
/// chapter is (`.md` or `.typ`); `None` when `lang` has the chapter.
pub fn missing(manifest: &Manifest, lang: &str, stem: &str) -> Result<Option<String>> {
    if find(manifest, lang, stem)?.is_some() {
        return Ok(None);
    }
    let source = &manifest.guide.source_language;
    let ext = find(manifest, source, stem)?
        .map_or_else(|| "md".to_string(), |f| f.extension().to_string());
    Ok(Some(paths::chapter(lang, stem, &ext)))
}

/// The one sentence for a chapter not translated yet, used by `check`, `build
/// --strict` and `check --accept`: `sources/bm/02-forces.md is not translated yet`.
pub fn missing_translation(path: &str) -> Text {
    tr!("project-not-translated-yet", path = path)
}
