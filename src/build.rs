//! `livret build`: every language × layout into reading PDFs under `out/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assemble::{self, AssembleOptions};
use crate::compile;
use crate::diag::{Error, Result};
use crate::export;
use crate::impose::{self, ticket, ticket::TicketInfo, to_mm};
use crate::inspect;
use crate::manifest::{self, Manifest};
use crate::print::{self, PrintJob};
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
    /// Also make the print presets' imposed sheets and job tickets.
    pub print: bool,
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
    /// Print files made from this target's layout presets.
    pub prints: Vec<BuiltPrint>,
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
            let target = build_one(&manifest, &fonts, date, lang, layout, options)?;
            report(&target);
            built.push(target);
        }
    }
    Ok(built)
}

/// One print file (imposed sheets) and its job ticket.
#[derive(Debug, Clone)]
pub struct BuiltPrint {
    /// Path of the print PDF, relative to the project root.
    pub pdf: PathBuf,
    /// Path of the job ticket, relative to the project root.
    pub ticket: PathBuf,
    /// Sheets to print per run.
    pub sheets: usize,
    /// The scheme.
    pub scheme: String,
    /// File size in bytes.
    pub bytes: usize,
}

/// A compiled (language, layout) with the world that compiled it.
pub struct CompiledTarget {
    /// The generated main source and its line map.
    pub assembled: assemble::Assembled,
    /// The world (for locating diagnostics and spans).
    pub world: GuideWorld,
    /// The document and its warnings.
    pub compiled: compile::Compiled,
}

/// Assembles and compiles one (language, layout) padded to `page_multiple`.
pub fn compile_target(
    manifest: &Manifest,
    fonts: &Arc<Fonts>,
    date: typst::foundations::Datetime,
    lang: &str,
    layout: &str,
    strict: bool,
    page_multiple: usize,
) -> Result<CompiledTarget> {
    let options = AssembleOptions { strict, page_multiple };
    let assembled = assemble::assemble(manifest, lang, layout, &options)?;
    let root = &manifest.root;
    let world = GuideWorld::new(
        root,
        &assembled.main_path,
        assembled.main.clone(),
        fonts.clone(),
        date,
    );
    let compiled = compile::compile(&world, &assembled.main_path, &assembled.line_map)?;
    Ok(CompiledTarget { assembled, world, compiled })
}

/// One warning per character no font in `lang`'s stack can show (typst draws an
/// empty box), located in its chapter.
pub fn glyph_warnings(
    world: &GuideWorld,
    assembled: &assemble::Assembled,
    document: &typst_layout::PagedDocument,
    lang: &str,
) -> Vec<String> {
    inspect::missing_glyphs(document)
        .into_iter()
        .map(|missing| {
            let place =
                compile::place(world, &assembled.main_path, &assembled.line_map, missing.span)
                    .map_or_else(String::new, |p| format!("{p}: "));
            format!(
                "{place}no font in the stack of `{lang}` can show `{}` (U+{:04X}), page {}",
                missing.ch, missing.ch as u32, missing.page
            )
        })
        .collect()
}

/// Builds one reading PDF and the print files of its layout's presets.
fn build_one(
    manifest: &Manifest,
    fonts: &Arc<Fonts>,
    date: typst::foundations::Datetime,
    lang: &str,
    layout: &str,
    options: &BuildOptions,
) -> Result<BuiltTarget> {
    let strict = options.strict;
    let root = &manifest.root;
    let target = compile_target(manifest, fonts, date, lang, layout, strict, 4)?;
    let assembled = &target.assembled;
    export::write_atomic(&root.join(&assembled.main_path), assembled.main.as_bytes())?;
    let document = &target.compiled.document;
    let ident = format!("{}-{lang}-{layout}", manifest.guide.id);
    let bytes = export::pdf(document, &ident, date, true)?;
    let dir = PathBuf::from(assemble::out_dir(manifest, lang, layout));
    let rel = dir.join(format!("{ident}.pdf"));
    export::write_atomic(&root.join(&rel), &bytes)?;
    let page = print::page_size(document);

    let mut warnings = target.compiled.warnings.clone();
    warnings.extend(glyph_warnings(&target.world, assembled, document, lang));
    let mut prints = Vec::new();
    let mut by_multiple: Vec<(usize, CompiledTarget)> = Vec::new();
    let presets = manifest.print.iter().filter(|p| options.print && p.layout == layout);
    for preset in presets {
        let mut job = PrintJob::from_preset(preset)?;
        // A right-to-left book is bound on the right.
        if manifest
            .language(lang)
            .is_some_and(|l| l.dir == crate::manifest::Direction::Rtl)
            && job.options.scheme != impose::Scheme::Zine
        {
            job.options.binding = impose::Binding::Right;
        }
        let multiple = job.page_multiple(page)?;
        let source = if document.pages().len() % multiple == 0 {
            &target
        } else {
            if !by_multiple.iter().any(|(m, _)| *m == multiple) {
                let padded = compile_target(
                    manifest, fonts, date, lang, layout, strict, multiple,
                )?;
                by_multiple.push((multiple, padded));
            }
            &by_multiple.iter().find(|(m, _)| *m == multiple).expect("just added").1
        };
        let pages = source.compiled.document.pages();
        let plan = job.plan(pages.len(), page)?;
        let title = manifest.title(lang);
        let texts =
            if job.marks.slug { print::slug_texts(&plan, title) } else { Vec::new() };
        let font =
            manifest.language(lang).and_then(|l| l.fonts.first()).map_or("Andika", |f| f);
        let slug_path = format!("{}/slugs.typ", dir.display());
        let slugs = print::slug_frames(root, &slug_path, fonts, date, font, &texts);
        let order = impose::print_order(&plan);
        let sheets = impose::place_frames(&plan, pages, &order, job.marks, title, |t| {
            slugs.get(t).cloned()
        });
        let name = format!("{ident}-{}", job.suffix());
        let print_bytes = export::pdf(&sheets, &name, date, false)?;
        let pdf = dir.join(format!("{name}.pdf"));
        export::write_atomic(&root.join(&pdf), &print_bytes)?;
        let info = TicketInfo {
            title,
            file: &format!("{name}.pdf"),
            backs_file: None,
            sheet_name: &job.sheet_name,
        };
        let ticket_text = ticket::ticket(&plan, &info);
        let ticket_path = dir.join(format!("{name}.txt"));
        export::write_atomic(&root.join(&ticket_path), ticket_text.as_bytes())?;
        let margin = job.options.printer_margin;
        if let Some(w) =
            print::margin_warning(&plan, margin, &source.compiled.document, &name)
        {
            warnings.push(w);
        }
        if plan.padded != plan.pages {
            warnings.push(format!(
                "{name}: {} blank page(s) added",
                plan.padded - plan.pages
            ));
        }
        prints.push(BuiltPrint {
            pdf,
            ticket: ticket_path,
            sheets: plan.sheets.len(),
            scheme: plan.scheme.to_string(),
            bytes: print_bytes.len(),
        });
    }

    Ok(BuiltTarget {
        lang: lang.to_string(),
        layout: layout.to_string(),
        pdf: rel,
        pages: document.pages().len(),
        page_mm: (to_mm(page.width), to_mm(page.height)),
        bytes: bytes.len(),
        untranslated: target.assembled.untranslated.clone(),
        warnings,
        prints,
    })
}

/// Keeps the asked names (all when none asked), erroring on unknown ones with a
/// "did you mean" hint; `what` is `language` or `layout`.
pub fn select<'a>(
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
