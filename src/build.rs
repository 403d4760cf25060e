//! `livret build`: every language × layout into reading PDFs under `out/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assemble::{self, AssembleOptions};
use crate::compile;
use crate::diag::{Error, Result};
use crate::export;
use crate::inspect;
use crate::manifest::{self, Manifest};
use crate::suggest::did_you_mean;
use crate::world::{self, Fonts, GuideWorld};

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The project folder (holding `sources/guide.toml`).
    pub project: PathBuf,
    /// Languages to build (all when empty).
    pub langs: Vec<String>,
    /// Layouts to build (all when empty).
    pub layouts: Vec<String>,
    /// Fail on untranslated chapters instead of showing the source chapter.
    pub strict: bool,
    /// Also use the system's fonts.
    pub system_fonts: bool,
}

/// One written reading PDF.
#[derive(Debug, Clone)]
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
    /// Chapters shown in the source language.
    pub untranslated: Vec<String>,
    /// Rendered typst warnings.
    pub warnings: Vec<String>,
}

/// Builds the reading PDFs; calls `report` after each target is written.
pub fn build(
    options: &BuildOptions,
    mut report: impl FnMut(&BuiltTarget),
) -> Result<Vec<BuiltTarget>> {
    let manifest = manifest::load(&options.project)?;
    let langs = select(
        &options.langs,
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    let layouts =
        select(&options.layouts, manifest.layout_names().into_iter(), "layout")?;
    let fonts = Fonts::load(&manifest.root, options.system_fonts)?;
    let date = world::build_date(manifest.date()?)?;

    let mut built = Vec::new();
    for lang in &langs {
        for layout in &layouts {
            let target =
                build_one(&manifest, &fonts, date, lang, layout, options.strict)?;
            report(&target);
            built.push(target);
        }
    }
    Ok(built)
}

/// Builds one reading PDF.
fn build_one(
    manifest: &Manifest,
    fonts: &Arc<Fonts>,
    date: typst::foundations::Datetime,
    lang: &str,
    layout: &str,
    strict: bool,
) -> Result<BuiltTarget> {
    let options = AssembleOptions { strict, page_multiple: 4 };
    let assembled = assemble::assemble(manifest, lang, layout, &options)?;
    let root = &manifest.root;
    export::write_atomic(&root.join(&assembled.main_path), assembled.main.as_bytes())?;
    let world = GuideWorld::new(
        root,
        &assembled.main_path,
        assembled.main.clone(),
        fonts.clone(),
        date,
    );
    let mut compiled =
        compile::compile(&world, &assembled.main_path, &assembled.line_map)?;
    for missing in inspect::missing_glyphs(&compiled.document) {
        let place = compile::place(
            &world,
            &assembled.main_path,
            &assembled.line_map,
            missing.span,
        )
        .map_or_else(String::new, |p| format!("{p}: "));
        compiled.warnings.push(format!(
            "{place}no font in the stack of `{lang}` can show `{}` (U+{:04X}), page {}",
            missing.ch, missing.ch as u32, missing.page
        ));
    }
    let document = &compiled.document;
    let ident = format!("{}-{lang}-{layout}", manifest.guide.id);
    let bytes = export::pdf(document, &ident, date)?;
    let rel = PathBuf::from(assemble::out_dir(manifest, lang, layout))
        .join(format!("{ident}.pdf"));
    export::write_atomic(&root.join(&rel), &bytes)?;
    let size = document.pages().first().map(|p| p.frame.size()).unwrap_or_default();
    Ok(BuiltTarget {
        lang: lang.to_string(),
        layout: layout.to_string(),
        pdf: rel,
        pages: document.pages().len(),
        page_mm: (size.x.to_mm(), size.y.to_mm()),
        bytes: bytes.len(),
        untranslated: assembled.untranslated,
        warnings: compiled.warnings,
    })
}

/// Keeps the asked names (all when none asked), erroring on unknown ones.
fn select<'a>(
    asked: &[String],
    known: impl Iterator<Item = &'a str>,
    what: &str,
) -> Result<Vec<String>> {
    let known: Vec<&str> = known.collect();
    if asked.is_empty() {
        return Ok(known.iter().map(|s| s.to_string()).collect());
    }
    for name in asked {
        if !known.contains(&name.as_str()) {
            let mut err = Error::new(format!("unknown {what} `{name}`"));
            if let Some(best) = did_you_mean(name, &known) {
                err = err.with_hint(format!("did you mean `{best}`?"));
            }
            return Err(err.with_hint(format!(
                "{what}s in {}: {}",
                manifest::MANIFEST_PATH,
                known.join(", ")
            )));
        }
    }
    Ok(asked.to_vec())
}

/// Human-readable size: `812 KiB`, `3.4 MiB`.
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KiB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The project-relative display of a path.
pub fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}
