//! The fonts a build may use: `fonts/` of the project (sorted, so indices are stable),
//! typst's embedded fonts, and the system's only when asked.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::util::diag::{Error, Result};
use crate::util::fs::{files_under, project_dir, read_project};

/// Fonts a build may use: the book and the loaded faces, shared between worlds.
pub struct Fonts {
    /// Metadata of every face, in index order.
    pub book: LazyHash<FontBook>,
    /// The faces, in book order.
    pub fonts: Vec<Font>,
    /// For each face, where it came from (`fonts/…`, `embedded`, or a system path).
    pub origins: Vec<String>,
}

impl Fonts {
    /// Loads every font file under `root/fonts` (sorted, so indices are stable),
    /// then typst's embedded fonts, then system fonts when `system` is set.
    pub fn load(root: &Path, system: bool) -> Result<Arc<Self>> {
        let mut book = FontBook::new();
        let mut fonts = Vec::new();
        let mut origins = Vec::new();
        let mut push = |font: Font, origin: String| {
            book.push(font.info().clone());
            fonts.push(font);
            origins.push(origin);
        };
        let files = match project_dir(root, "fonts")? {
            Some(dir) => files_under(&dir)?,
            None => Vec::new(),
        };
        for path in files.into_iter().filter(|p| is_font_file(p)) {
            let data = read_project(root, &path)?;
            let rel = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            let mut any = false;
            for font in Font::iter(Bytes::new(data)) {
                push(font, rel.clone());
                any = true;
            }
            if !any {
                return Err(Error::new(crate::tr!("typeset-font-unusable", path = rel))
                    .with_hint(crate::tr!("typeset-font-unusable-hint")));
            }
        }
        for (font, _) in typst_kit::fonts::embedded() {
            push(font, "embedded".into());
        }
        if system {
            for (path, _) in typst_kit::fonts::system() {
                let Ok(data) = fs::read(&path.path) else { continue };
                if let Some(font) = Font::new(Bytes::new(data), path.index) {
                    push(font, path.path.display().to_string());
                }
            }
        }
        Ok(Arc::new(Self { book: LazyHash::new(book), fonts, origins }))
    }
}

impl Fonts {
    /// typst's embedded fonts only (Libertinus Serif, New Computer Modern, DejaVu Sans
    /// Mono), for what livret draws outside any project.
    pub fn embedded() -> Arc<Self> {
        let mut book = FontBook::new();
        let mut fonts = Vec::new();
        for (font, _) in typst_kit::fonts::embedded() {
            book.push(font.info().clone());
            fonts.push(font);
        }
        let origins = vec!["embedded".to_string(); fonts.len()];
        Arc::new(Self { book: LazyHash::new(book), fonts, origins })
    }
}

/// Whether a file is a font by its extension (`.ttf`, `.otf`, `.ttc`, `.otc`).
fn is_font_file(path: &Path) -> bool {
    let ext =
        path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
}
