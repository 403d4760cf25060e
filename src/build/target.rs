//! Compiling one target (language × layout): assemble its main source, check its
//! images, compile, find where each raster image is printed and, for an edition,
//! compile again with every image prepared for its printed size.

use std::sync::Arc;

use typst::foundations::{Bytes, Datetime};

use crate::build::output::PlacedImage;
use crate::images::{self, ImageCache, ImageTarget, Placement, SourceImage};
use crate::project::manifest::{Direction, Manifest};
use crate::typeset::assemble::{self, AssembleOptions, Assembled};
use crate::typeset::compile::{self, Compiled};
use crate::typeset::fonts::Fonts;
use crate::typeset::inspect;
use crate::typeset::world::GuideWorld;
use crate::typeset::{export, pdf_prefs};
use crate::util::diag::{Error, Result};
use crate::util::fs::read_project_if_exists;

/// What every compile of one build shares: the manifest, the fonts, the date.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The loaded manifest.
    pub manifest: &'a Manifest,
    /// The fonts the build may use.
    pub fonts: &'a Arc<Fonts>,
    /// The date of the documents.
    pub date: Datetime,
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

/// A compiled (language, layout) with the world that compiled it.
pub struct CompiledTarget {
    /// The generated main source and what explains it.
    pub assembled: Assembled,
    /// The world (for locating diagnostics and spans).
    pub world: GuideWorld,
    /// The document and its warnings.
    pub compiled: Compiled,
    /// Raster images as placed on the pages.
    pub images: Vec<PlacedImage>,
}

/// Assembles and compiles one target with the project's image files as they are
/// (checked first).
pub fn compile_target(ctx: Context, spec: &TargetSpec) -> Result<CompiledTarget> {
    let cache = ImageCache::new(&ctx.manifest.root);
    compile_with_images(ctx, spec, &cache, None)
}

/// Like [`compile_target`], with every raster image prepared for `target` (resampled,
/// re-encoded, grey) through `cache`.
pub fn compile_edition(
    ctx: Context,
    spec: &TargetSpec,
    cache: &ImageCache,
    target: ImageTarget,
) -> Result<CompiledTarget> {
    compile_with_images(ctx, spec, cache, Some(target))
}

/// Compiles with the original images, finds where each raster image is printed,
/// and, for an edition, compiles again with images prepared for that size.
fn compile_with_images(
    ctx: Context,
    spec: &TargetSpec,
    cache: &ImageCache,
    target: Option<ImageTarget>,
) -> Result<CompiledTarget> {
    let manifest = ctx.manifest;
    let mut options = AssembleOptions {
        strict: spec.strict,
        page_multiple: spec.page_multiple,
        ..Default::default()
    };
    let assembled = assemble::assemble(manifest, spec.lang, spec.layout, &options)?;
    let mut sources = markdown_sources(&assembled, cache, manifest)?;
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
            stand_ins.push((served, images::stand_in(&source.info, &source.rel)));
        }
    }
    let main = if stand_ins.is_empty() {
        assembled.main.clone()
    } else {
        assemble::assemble(manifest, spec.lang, spec.layout, &options)?.main
    };
    let mut world = GuideWorld::new(
        &manifest.root,
        &assembled.main_path,
        main,
        ctx.fonts.clone(),
        ctx.date,
    )
    .with_line_map(assembled.line_map.clone());
    world.set_image_overrides(&stand_ins);
    let mut compiled = compile::compile(&world)?;
    // Images of Typst chapters, known once typst has loaded them.
    for rel in world.raster_files() {
        if !sources.iter().any(|s| s.rel == rel) {
            let place = || typst_image_place(&world, &compiled.document, &rel);
            sources.push(cache.source(&manifest.root, &rel, &place)?);
        }
    }
    let placements = images::placements(&compiled.document, &sources, &stand_ins);
    let mut placed = placed_images(&placements, &sources, &assembled, &world);
    if let Some(target) = target {
        let overrides = prepare(
            &sources,
            &placements,
            &mut placed,
            &assembled,
            &mut options,
            cache,
            target,
        )?;
        if !overrides.is_empty() {
            if !options.image_aliases.is_empty() {
                let aliased =
                    assemble::assemble(manifest, spec.lang, spec.layout, &options)?;
                world.set_main(aliased.main);
            }
            world.set_image_overrides(&overrides);
            compiled = compile::compile(&world)?;
        }
    }
    // The chapters' own warnings (raw HTML printed as text…) come first.
    compiled.warnings.splice(0..0, assembled.warnings.iter().cloned());
    Ok(CompiledTarget { assembled, world, compiled, images: placed })
}

/// The Markdown chapters' raster images, checked before typst sees them so that a bad
/// file is named with the chapter line that shows it.
fn markdown_sources(
    assembled: &Assembled,
    cache: &ImageCache,
    manifest: &Manifest,
) -> Result<Vec<SourceImage>> {
    let mut sources: Vec<SourceImage> = Vec::new();
    for used in &assembled.images {
        let place = || format!("{}:{}: image `{}`", used.chapter, used.line, used.path);
        if !images::is_raster(&used.path) {
            // SVG and other files go to typst as they are, but a folder or a damaged
            // drawing would be blamed on the layout that loads it.
            let path = manifest.root.join(&used.path);
            if path.is_dir() {
                return Err(images::folder(&place));
            }
            if used.path.to_ascii_lowercase().ends_with(".svg")
                && let Ok(Some(bytes)) =
                    read_project_if_exists(&manifest.root, &used.path)
            {
                images::check_svg(&bytes, &place)?;
            }
            continue;
        }
        if !sources.iter().any(|s| s.rel == used.path) {
            sources.push(cache.source(&manifest.root, &used.path, &place)?);
        }
    }
    Ok(sources)
}

/// How to name an image of a Typst chapter in errors: the place of the first call
/// that shows it (`chapter:line:column`), and its path.
fn typst_image_place(
    world: &GuideWorld,
    document: &typst_layout::PagedDocument,
    rel: &str,
) -> String {
    use typst::World;
    let place = world
        .file(crate::typeset::world::file_id(rel))
        .ok()
        .and_then(|bytes| images::span_of(document, &bytes))
        .and_then(|span| compile::place(world, span));
    match place {
        Some(place) => format!("{place}: image `{rel}`"),
        None => format!("image `{rel}`"),
    }
}

/// Each placement as a [`PlacedImage`], located at the chapter line that shows it.
fn placed_images(
    placements: &[Placement],
    sources: &[SourceImage],
    assembled: &Assembled,
    world: &GuideWorld,
) -> Vec<PlacedImage> {
    placements
        .iter()
        .map(|p| {
            let source =
                sources.iter().find(|s| s.rel == p.rel).expect("matched by content");
            // A Markdown image is placed by the layout's image function: name the
            // chapter line that shows it instead.
            let place = match assembled.images.iter().find(|u| u.path == p.rel) {
                Some(used) => format!("{}:{}", used.chapter, used.line),
                None => compile::place(world, p.span)
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
        .collect()
}

/// Prepares each placed image for `target` at its widest printed size; notes what is
/// embedded in `placed`, aliases Markdown images to their variant's format in
/// `options`, and gives the files to serve in place of the originals.
fn prepare(
    sources: &[SourceImage],
    placements: &[Placement],
    placed: &mut [PlacedImage],
    assembled: &Assembled,
    options: &mut AssembleOptions,
    cache: &ImageCache,
    target: ImageTarget,
) -> Result<Vec<(String, Bytes)>> {
    let markdown: Vec<&str> = assembled.images.iter().map(|u| u.path.as_str()).collect();
    let mut overrides = Vec::new();
    // Files with the same content cannot be told apart on the pages (typst keeps
    // one copy): each gets the variant for the widest placement of any of them.
    let same =
        |rel: &str, hash: &str| sources.iter().any(|s| s.rel == rel && s.hash == hash);
    for source in sources {
        let widest = placements
            .iter()
            .filter(|p| same(&p.rel, &source.hash))
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
    Ok(overrides)
}

/// One warning per character no font in `lang`'s stack can show (typst draws an
/// empty box), located in its chapter.
pub fn glyph_warnings(
    world: &GuideWorld,
    document: &typst_layout::PagedDocument,
    lang: &str,
) -> Vec<String> {
    inspect::missing_glyphs(document)
        .into_iter()
        .map(|missing| {
            let place =
                compile::place(world, missing.span).map_or_else(String::new, |p| format!("{p}: "));
            format!(
                "{place}no font in the stack of `{lang}` can show `{}` (U+{:04X}), page {}",
                missing.ch, missing.ch as u32, missing.page
            )
        })
        .collect()
}

/// Exports a reading PDF (tagged), meeting `standard` if given, declaring the reading
/// direction `dir` for viewers, written compact (object streams) unless `standard`
/// predates them; typst's check failures are located in the chapters.
pub fn export_reading(
    target: &CompiledTarget,
    ident: &str,
    date: Datetime,
    standard: Option<typst_pdf::PdfStandard>,
    dir: Direction,
) -> Result<Vec<u8>> {
    let standards: Vec<_> = standard.into_iter().collect();
    let bytes =
        export::pdf_checked(&target.compiled.document, ident, date, true, &standards)
            .map_err(|diags| {
                let mut rendered = culprit_images(target, date, standard);
                rendered.extend(diags.iter().map(|d| compile::render(&target.world, d)));
                let what = match standard {
                    Some(s) => format!("{ident}.pdf does not meet {}", standard_name(s)),
                    None => format!("{ident}.pdf could not be written"),
                };
                Error::new(format!("{what}: {}", rendered.join("\nerror: ")))
                    .with_hint("fix the places shown; no PDF was written")
            })?;
    let compact = pdf_prefs::compact_allowed(standard);
    pdf_prefs::finish(bytes, pdf_prefs::Finish { dir, compact })
}

/// When the standard refuses what the layout placed, the Markdown images that cannot
/// meet it, each at the chapter line that shows it.
fn culprit_images(
    target: &CompiledTarget,
    date: Datetime,
    standard: Option<typst_pdf::PdfStandard>,
) -> Vec<String> {
    let Some(standard) = standard else { return Vec::new() };
    let mut seen = std::collections::BTreeSet::new();
    target
        .assembled
        .images
        .iter()
        .filter(|used| seen.insert(used.path.clone()))
        .filter_map(|used| {
            let why = export::image_refusal(&target.world, date, &used.path, standard)?;
            Some(format!("{}:{}: image `{}`: {why}", used.chapter, used.line, used.path))
        })
        .collect()
}

/// The name typst gives a PDF standard (`a-2b`), as people write it (`PDF/A-2b`).
pub fn standard_name(standard: typst_pdf::PdfStandard) -> String {
    let name = serde_json::to_value(standard)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    match name.strip_prefix("a-") {
        Some(level) => format!("PDF/A-{level}"),
        None => format!("PDF {name}"),
    }
}
