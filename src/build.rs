//! `livret build`: every language × layout into reading PDFs under `out/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::assemble::{self, AssembleOptions};
use crate::compile;
use crate::diag::{Error, Result};
use crate::export;
use crate::images::{self, ImageCache, ImageTarget, SourceImage};
use crate::impose::{self, ticket, ticket::TicketInfo, to_mm};
use crate::incremental;
use crate::inspect;
use crate::lock::BuildLock;
use crate::manifest::{self, Manifest};
use crate::print::{self, PrintJob};
use crate::report;
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
    /// Rebuild targets even when nothing they depend on changed.
    pub force: bool,
    /// Targets built at once (default: one per core).
    pub jobs: Option<usize>,
    /// Only the K-th of N shards of the targets (1-based K).
    pub shard: Option<Shard>,
    /// A PDF standard the reading PDFs must meet (PDF/A-2b for archiving).
    pub pdf_standard: Option<typst_pdf::PdfStandard>,
}

/// Exports a reading PDF (tagged), meeting `standard` if given; typst's check
/// failures are located in the chapters.
fn export_reading(
    target: &CompiledTarget,
    ident: &str,
    date: typst::foundations::Datetime,
    standard: Option<typst_pdf::PdfStandard>,
) -> Result<Vec<u8>> {
    let standards: Vec<_> = standard.into_iter().collect();
    export::pdf_checked(&target.compiled.document, ident, date, true, &standards).map_err(
        |diags| {
            let a = &target.assembled;
            let rendered: Vec<String> = diags
                .iter()
                .map(|d| compile::render(&target.world, &a.main_path, &a.line_map, d))
                .collect();
            let what = match standard {
                Some(s) => format!("{ident}.pdf does not meet {}", standard_name(s)),
                None => format!("{ident}.pdf could not be written"),
            };
            Error::new(format!("{what}: {}", rendered.join("\nerror: ")))
                .with_hint("fix the places shown; no PDF was written")
        },
    )
}

/// The name typst gives a PDF standard (`a-2b`).
fn standard_name(standard: typst_pdf::PdfStandard) -> String {
    let name = serde_json::to_value(standard)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    match name.strip_prefix("a-") {
        Some(level) => format!("PDF/A-{level}"),
        None => format!("PDF {name}"),
    }
}

/// One part of a stable partition of the targets, for spreading builds over machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, 1-based.
    pub index: usize,
    /// Into how many parts.
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        let bad = || format!("`{text}` is not a shard: write K/N, e.g. 2/4");
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {text}: K must be between 1 and N"));
        }
        Ok(Self { index, count })
    }
}

/// One (language, layout) to build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetId {
    /// Language code.
    pub lang: String,
    /// Layout name.
    pub layout: String,
}

/// The selected targets in a stable order (language, then layout, as in the
/// manifest), keeping only `shard`'s part: target i goes to shard i mod N + 1.
pub fn targets(
    manifest: &Manifest,
    langs: &[String],
    layouts: &[String],
    shard: Option<Shard>,
) -> Result<Vec<TargetId>> {
    let langs =
        select(langs, manifest.languages.iter().map(|l| l.code.as_str()), "language")?;
    let layouts = select(layouts, manifest.layout_names().into_iter(), "layout")?;
    let all = langs.iter().flat_map(|lang| {
        layouts
            .iter()
            .map(move |layout| TargetId { lang: lang.clone(), layout: layout.clone() })
    });
    Ok(all
        .enumerate()
        .filter(|(i, _)| shard.is_none_or(|s| i % s.count + 1 == s.index))
        .map(|(_, t)| t)
        .collect())
}

/// One written reading PDF.
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
    /// Chapters shown in the source language.
    pub untranslated: Vec<String>,
    /// Rendered typst warnings.
    pub warnings: Vec<String>,
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

/// Builds the reading PDFs, several targets at once; calls `stage` when a target
/// starts a stage (for progress bars) and `report` as each target is done (in the
/// order they finish).
pub fn build(
    options: &BuildOptions,
    stage: impl Fn(&TargetId, &str) + Sync,
    report: impl FnMut(&BuiltTarget) + Send,
) -> Result<Vec<BuiltTarget>> {
    let report = std::sync::Mutex::new(report);
    let manifest = manifest::load(&options.project)?;
    let targets = targets(&manifest, &options.langs, &options.layouts, options.shard)?;
    let fonts = Fonts::load(&manifest.root, options.system_fonts)?;
    let date = world::build_date(manifest.date()?)?;

    let root = &manifest.root;
    let _lock = BuildLock::acquire(root)?;
    let fixed = incremental::fixed_fingerprint(
        root,
        &[
            ("strict", options.strict.to_string()),
            ("print", options.print.to_string()),
            ("system-fonts", options.system_fonts.to_string()),
            ("pdf-standard", options.pdf_standard.map(standard_name).unwrap_or_default()),
        ],
    )?;
    let jobs = options.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::new(format!("cannot start {jobs} build threads ({e})")))?;
    let results: Vec<Result<BuiltTarget>> = pool.install(|| {
        targets
            .par_iter()
            .map(|id| {
                let TargetId { lang, layout } = id;
                if !options.force
                    && let Some(mut done) =
                        incremental::up_to_date(root, lang, layout, &fixed)
                {
                    done.up_to_date = true;
                    return Ok(done);
                }
                if !options.force {
                    // Not up to date: a stale record must not outlive a half-done rebuild.
                    let _ = fs::remove_file(incremental::record_path(root, lang, layout));
                }
                let on_stage = |what: &str| stage(id, what);
                let started = std::time::Instant::now();
                let (mut target, inputs, main) =
                    build_one(&manifest, &fonts, date, lang, layout, options, &on_stage)?;
                target.millis = started.elapsed().as_millis() as u64;
                target.inputs = inputs.len();
                let outputs = incremental::outputs(root, &target, &main)?;
                incremental::write_record(root, &fixed, &inputs, outputs, &target)?;
                Ok(target)
            })
            .inspect(|result| {
                if let (Ok(target), Ok(mut report)) = (result, report.lock()) {
                    report(target);
                }
            })
            .collect()
    });
    let built = results.into_iter().collect::<Result<Vec<_>>>()?;
    report::write(&manifest)?;
    Ok(built)
}

/// One print file (imposed sheets) and its job ticket.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Booklets one printed run of the sheets makes (several for `copies`).
    #[serde(default = "one")]
    pub booklets: usize,
}

/// One booklet per run, the default of older records.
fn one() -> usize {
    1
}

/// A compiled (language, layout) with the world that compiled it.
pub struct CompiledTarget {
    /// The generated main source and its line map.
    pub assembled: assemble::Assembled,
    /// The world (for locating diagnostics and spans).
    pub world: GuideWorld,
    /// The document and its warnings.
    pub compiled: compile::Compiled,
    /// Raster images as placed on the pages.
    pub images: Vec<PlacedImage>,
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
    pub fn blurry_warning(&self) -> Option<String> {
        (self.dpi < images::BLURRY_DPI).then(|| {
            let needed = (self.printed_mm.0 / 25.4 * 300.0).ceil();
            format!(
                "{}: image `{}` is {:.0} dpi where it is printed (page {}, {:.0} × {:.0} mm): it will print blurry; use a file at least {needed} pixels wide",
                self.place, self.path, self.dpi, self.page, self.printed_mm.0, self.printed_mm.1
            )
        })
    }
}

/// Assembles and compiles one (language, layout) padded to `page_multiple`, with the
/// project's image files as they are (checked first).
pub fn compile_target(
    manifest: &Manifest,
    fonts: &Arc<Fonts>,
    date: typst::foundations::Datetime,
    lang: &str,
    layout: &str,
    strict: bool,
    page_multiple: usize,
) -> Result<CompiledTarget> {
    let cache = ImageCache::new(&manifest.root);
    let spec = TargetSpec { lang, layout, strict, page_multiple };
    compile_with_images(manifest, fonts, date, &spec, &cache, None)
}

/// Like [`compile_target`], with every raster image prepared for `target` (resampled,
/// re-encoded, grey) through `cache`.
pub fn compile_edition(
    manifest: &Manifest,
    fonts: &Arc<Fonts>,
    date: typst::foundations::Datetime,
    spec: &TargetSpec,
    cache: &ImageCache,
    target: ImageTarget,
) -> Result<CompiledTarget> {
    compile_with_images(manifest, fonts, date, spec, cache, Some(target))
}

/// Which target to compile.
#[derive(Debug, Clone, Copy)]
pub struct TargetSpec<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Layout name.
    pub layout: &'a str,
    /// Fail on untranslated chapters.
    pub strict: bool,
    /// Pad the page count to a multiple of this.
    pub page_multiple: usize,
}

/// Compiles with the original images, finds where each raster image is printed,
/// and, for an edition, compiles again with images prepared for that size.
fn compile_with_images(
    manifest: &Manifest,
    fonts: &Arc<Fonts>,
    date: typst::foundations::Datetime,
    spec: &TargetSpec,
    cache: &ImageCache,
    target: Option<ImageTarget>,
) -> Result<CompiledTarget> {
    let root = &manifest.root;
    let mut options = AssembleOptions {
        strict: spec.strict,
        page_multiple: spec.page_multiple,
        ..Default::default()
    };
    let assembled = assemble::assemble(manifest, spec.lang, spec.layout, &options)?;
    // The Markdown chapters' images are checked before typst sees them, so that a
    // bad file is named with the chapter line that shows it.
    let mut sources: Vec<SourceImage> = Vec::new();
    for used in assembled.images.iter().filter(|u| images::is_raster(&u.path)) {
        if !sources.iter().any(|s| s.rel == used.path) {
            let place =
                || format!("{}:{}: image `{}`", used.chapter, used.line, used.path);
            sources.push(cache.source(root, &used.path, &place)?);
        }
    }
    // For an edition, the first pass only needs each Markdown image's shape (the
    // layout sets its width): an empty SVG of the same proportions stands in, so
    // typst never decodes the original.
    let mut stand_ins = Vec::new();
    if target.is_some() {
        for source in &sources {
            let served = format!("{}.svg", source.rel);
            options
                .image_aliases
                .insert(format!("/{}", source.rel), format!("/{served}"));
            stand_ins.push((served, images::stand_in(&source.info)));
        }
    }
    let main = if stand_ins.is_empty() {
        assembled.main.clone()
    } else {
        assemble::assemble(manifest, spec.lang, spec.layout, &options)?.main
    };
    let mut world =
        GuideWorld::new(root, &assembled.main_path, main, fonts.clone(), date);
    world.set_image_overrides(&stand_ins);
    let mut compiled =
        compile::compile(&world, &assembled.main_path, &assembled.line_map)?;
    // Images of Typst chapters, known once typst has loaded them.
    for rel in world.raster_files() {
        if !sources.iter().any(|s| s.rel == rel) {
            let place = || format!("image `{rel}`");
            sources.push(cache.source(root, &rel, &place)?);
        }
    }
    let placements = images::placements(&compiled.document, &sources, &stand_ins);
    let mut placed: Vec<PlacedImage> = placements
        .iter()
        .map(|p| {
            let source =
                sources.iter().find(|s| s.rel == p.rel).expect("matched by content");
            // A Markdown image is placed by the layout's image function: name the
            // chapter line that shows it instead.
            let place = match assembled.images.iter().find(|u| u.path == p.rel) {
                Some(used) => format!("{}:{}", used.chapter, used.line),
                None => compile::place(
                    &world,
                    &assembled.main_path,
                    &assembled.line_map,
                    p.span,
                )
                .unwrap_or_else(|| format!("page {}", p.page)),
            };
            PlacedImage {
                path: p.rel.clone(),
                place,
                page: p.page,
                pixels: (source.info.width, source.info.height),
                printed_mm: (p.width_pt * 25.4 / 72.0, p.height_pt * 25.4 / 72.0),
                dpi: source.info.width as f64 / (p.width_pt / 72.0),
                embedded: None,
            }
        })
        .collect();
    let Some(target) = target else {
        return Ok(CompiledTarget { assembled, world, compiled, images: placed });
    };
    let markdown: Vec<&str> = assembled.images.iter().map(|u| u.path.as_str()).collect();
    let mut overrides = Vec::new();
    for source in &sources {
        let widest = placements
            .iter()
            .filter(|p| p.rel == source.rel)
            .map(|p| p.width_pt)
            .fold(0.0, f64::max);
        if widest <= 0.0 {
            continue;
        }
        let from_typst = !markdown.contains(&source.rel.as_str());
        let variant = cache.variant(source, widest, target, from_typst)?;
        for p in placed.iter_mut().filter(|p| p.path == source.rel) {
            p.embedded = Some((variant.width, variant.height, variant.bytes.len()));
        }
        let mut served = source.rel.clone();
        if !from_typst {
            // Served under a name with the variant's format, replacing the stand-in.
            served = format!("{}.{}", source.rel, variant.format);
            options
                .image_aliases
                .insert(format!("/{}", source.rel), format!("/{served}"));
        } else if variant.bytes == source.bytes {
            continue;
        }
        overrides.push((served, variant.bytes));
    }
    if !overrides.is_empty() {
        if !options.image_aliases.is_empty() {
            let aliased = assemble::assemble(manifest, spec.lang, spec.layout, &options)?;
            world.set_main(aliased.main);
        }
        world.set_image_overrides(&overrides);
        compiled = compile::compile(&world, &assembled.main_path, &assembled.line_map)?;
    }
    Ok(CompiledTarget { assembled, world, compiled, images: placed })
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
    stage: &(dyn Fn(&str) + Sync),
) -> Result<(BuiltTarget, Vec<String>, String)> {
    let root = &manifest.root;
    let cache = ImageCache::new(root);
    let spec = TargetSpec { lang, layout, strict: options.strict, page_multiple: 4 };
    stage("print edition");
    let target =
        compile_edition(manifest, fonts, date, &spec, &cache, ImageTarget::PRINT)?;
    let assembled = &target.assembled;
    export::write_atomic(&root.join(&assembled.main_path), assembled.main.as_bytes())?;
    let document = &target.compiled.document;
    let ident = format!("{}-{lang}-{layout}", manifest.guide.id);
    let bytes = export_reading(&target, &ident, date, options.pdf_standard)?;
    let dir = PathBuf::from(assemble::out_dir(manifest, lang, layout));
    let rel = dir.join(format!("{ident}.pdf"));
    export::write_atomic(&root.join(&rel), &bytes)?;
    let page = print::page_size(document);

    let mut warnings = target.compiled.warnings.clone();
    warnings.extend(glyph_warnings(&target.world, assembled, document, lang));
    for image in &target.images {
        if let Some(w) = image.blurry_warning()
            && !warnings.contains(&w)
        {
            warnings.push(w);
        }
    }

    // The screen edition: the same pages with images for phones.
    stage("screen edition");
    let screen =
        compile_edition(manifest, fonts, date, &spec, &cache, ImageTarget::SCREEN)?;
    let screen_ident = format!("{ident}-screen");
    let screen_bytes =
        export_reading(&screen, &screen_ident, date, options.pdf_standard)?;
    let screen_pdf = dir.join(format!("{screen_ident}.pdf"));
    export::write_atomic(&root.join(&screen_pdf), &screen_bytes)?;
    let layout_entry = manifest.layout(layout).expect("selected from the manifest");
    let budgets = [
        (&layout_entry.print_budget, "print", &rel, bytes.len(), &target.images),
        (
            &layout_entry.screen_budget,
            "screen",
            &screen_pdf,
            screen_bytes.len(),
            &screen.images,
        ),
    ];
    for (budget, edition, pdf, size, images) in budgets {
        let Some(budget) = budget else { continue };
        let limit = manifest::parse_size(budget).unwrap_or(u64::MAX);
        if size as u64 > limit {
            warnings.push(budget_warning(pdf, size, edition, budget, images));
        }
    }

    let mut prints = Vec::new();
    let mut by_multiple: Vec<((usize, bool), CompiledTarget)> = Vec::new();
    let presets = manifest.print.iter().filter(|p| options.print && p.layout == layout);
    for preset in presets {
        stage(&format!("print sheets ({} on {})", preset.scheme, preset.sheet));
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
        let source = if document.pages().len() % multiple == 0 && !job.gray {
            &target
        } else {
            let key = (multiple, job.gray);
            if !by_multiple.iter().any(|(k, _)| *k == key) {
                let images = if job.gray {
                    ImageTarget::PRINT.grayscale()
                } else {
                    ImageTarget::PRINT
                };
                let spec = TargetSpec { page_multiple: multiple, ..spec };
                let padded =
                    compile_edition(manifest, fonts, date, &spec, &cache, images)?;
                by_multiple.push((key, padded));
            }
            &by_multiple.iter().find(|(k, _)| *k == key).expect("just added").1
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
            booklets: plan.ticket().booklets,
        });
    }

    // What the target read: chapters and Markdown images (read by livret), and every
    // file typst loaded in any of its compilations.
    let mut inputs: Vec<String> = target.assembled.chapter_files.clone();
    inputs.extend(target.assembled.images.iter().map(|i| i.path.clone()));
    for compiled in
        [&target, &screen].into_iter().chain(by_multiple.iter().map(|(_, t)| t))
    {
        inputs.extend(compiled.world.loaded_files());
    }
    inputs.sort();
    inputs.dedup();
    let main = target.assembled.main_path.clone();
    let built = BuiltTarget {
        lang: lang.to_string(),
        layout: layout.to_string(),
        pdf: rel,
        pages: document.pages().len(),
        page_mm: (to_mm(page.width), to_mm(page.height)),
        bytes: bytes.len(),
        untranslated: target.assembled.untranslated.clone(),
        warnings,
        prints,
        screen_pdf,
        screen_bytes: screen_bytes.len(),
        images: target.images.clone(),
        image_decodes: cache.decodes(),
        up_to_date: false,
        millis: 0,
        inputs: 0,
    };
    Ok((built, inputs, main))
}

/// The warning for an edition over its size budget, naming its biggest images.
fn budget_warning(
    pdf: &Path,
    size: usize,
    edition: &str,
    budget: &str,
    images: &[PlacedImage],
) -> String {
    let mut biggest: Vec<(&str, usize)> = Vec::new();
    for image in images {
        let bytes = image.embedded.map_or(0, |(_, _, b)| b);
        if !biggest.iter().any(|(p, _)| *p == image.path) {
            biggest.push((&image.path, bytes));
        }
    }
    biggest.sort_by_key(|b| std::cmp::Reverse(b.1));
    let named: Vec<String> = biggest
        .iter()
        .take(3)
        .map(|(path, bytes)| format!("{path} ({})", human_size(*bytes)))
        .collect();
    let images = if named.is_empty() {
        String::new()
    } else {
        format!("; biggest images: {}", named.join(", "))
    };
    format!(
        "{} is {}, over the layout's {edition} budget of {budget}{images}",
        pdf.display(),
        human_size(size)
    )
}

/// The end-of-build table: one line per target with its pages, sheets per copy for
/// each print preset, file sizes and warnings.
pub fn summary_table(built: &[BuiltTarget]) -> String {
    let mut rows = vec![[
        "target".to_string(),
        "pages".into(),
        "sheets per run (booklets)".into(),
        "reading".into(),
        "screen".into(),
        "print files".into(),
        "warnings".into(),
    ]];
    for t in built {
        let sheets: Vec<String> = t
            .prints
            .iter()
            .map(|p| {
                let name = p.pdf.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let preset = name.rsplit_once("-print-").map_or(name, |(_, p)| p);
                if p.booklets > 1 {
                    format!("{preset} {} for {}", p.sheets, p.booklets)
                } else {
                    format!("{preset} {}", p.sheets)
                }
            })
            .collect();
        let prints: Vec<String> = t.prints.iter().map(|p| human_size(p.bytes)).collect();
        let state = if t.up_to_date { " (kept)" } else { "" };
        rows.push([
            format!("{} {}{state}", t.lang, t.layout),
            t.pages.to_string(),
            if sheets.is_empty() { "-".into() } else { sheets.join(", ") },
            human_size(t.bytes),
            human_size(t.screen_bytes),
            if prints.is_empty() { "-".into() } else { prints.join(", ") },
            t.warnings.len().to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                if c == 1 || c == 6 {
                    format!("{cell:>w$}")
                } else {
                    format!("{cell:<w$}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
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
