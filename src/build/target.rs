//! Compiling one target (language × layout): assemble its main source once, check its
//! images, lay it out once to find where each raster image is printed, then compile
//! each edition on the same world with every image prepared for its printed size.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Datetime};

use crate::build::output::PlacedImage;
use crate::i18n::Text;
use crate::images::{self, ImageCache, ImageTarget, Placement, SourceImage};
use crate::project::manifest::{Direction, Manifest};
use crate::tr;
use crate::typeset::assemble::{self, AssembleOptions, Assembled, ChapterCache};
use crate::typeset::compile::{self, Compiled};
use crate::typeset::fonts::Fonts;
use crate::typeset::inspect;
use crate::typeset::world::GuideWorld;
use crate::typeset::{export, pdf_prefs};
use crate::util::diag::Result;
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
/// (checked first): what `check`, `proof` and `preview` lay out.
pub fn compile_target(ctx: Context, spec: &TargetSpec) -> Result<CompiledTarget> {
    let cache = ImageCache::new(&ctx.manifest.root);
    let options =
        AssembleOptions { strict: spec.strict, page_multiple: spec.page_multiple };
    let chapters = ChapterCache::default();
    let assembled =
        assemble::assemble(ctx.manifest, spec.lang, spec.layout, &options, &chapters)?;
    let mut sources = markdown_sources(&assembled, &cache, ctx.manifest)?;
    let world = GuideWorld::new(
        &ctx.manifest.root,
        &assembled.main_path,
        assembled.main.clone(),
        ctx.fonts.clone(),
        ctx.date,
    )
    .with_line_map(assembled.line_map.clone());
    let mut compiled = compile::compile(&world)?;
    // The chapters' own warnings (raw HTML printed as text…) come first.
    compiled.warnings.splice(0..0, assembled.warnings.iter().cloned());
    typst_sources(&world, &compiled.document, &cache, ctx.manifest, &mut sources)?;
    let placements = images::placements(&compiled.document, &sources, &[]);
    let images = placed_images(&placements, &sources, &assembled, &world);
    Ok(CompiledTarget { assembled, world, compiled, images })
}

/// One target being built: its main source assembled once, the world every edition is
/// compiled on (typst's caches kept between them), and where a first layout pass
/// placed each raster image, which sizes the images of every edition.
///
/// The world's main source is the same for every edition: each Markdown raster image
/// is served under one name ([`served_name`]) whose bytes change — a stand-in for the
/// layout pass, then each edition's prepared file — so only what shows an image is
/// laid out again.
pub struct TargetWork {
    /// The generated main source and what explains it.
    pub assembled: Assembled,
    /// The world of every compilation of the target.
    pub world: GuideWorld,
    /// Markdown raster images by the path the chapters name (`/a.png`) → the name they
    /// are served under.
    aliases: BTreeMap<String, String>,
    /// The page multiple of the layout pass, and of the world's main source now.
    page_multiple: (usize, usize),
    /// The raster images shown, checked.
    sources: Vec<SourceImage>,
    /// The Markdown images' stand-ins of the layout pass, by served name.
    stand_ins: Vec<(String, Bytes)>,
    /// Where the layout pass placed each raster image.
    placements: Vec<Placement>,
    /// The same, located at the chapter lines that show them.
    placed: Vec<PlacedImage>,
    /// The layout pass's document, when it laid out the images themselves (no
    /// Markdown image stood in for): an edition that prepares none of them is it.
    layout: Option<Compiled>,
    /// Whether the world serves other images than the layout pass's.
    changed: bool,
    /// Time spent in typst's compilations.
    pub compiling: Duration,
}

/// One edition of a target, compiled on its world.
pub struct EditionDoc {
    /// The document and typst's warnings.
    pub compiled: Compiled,
    /// Raster images where they are printed, with what this edition embeds.
    pub images: Vec<PlacedImage>,
}

/// Files a world serves in place of the project's: (project-relative name, bytes).
type Overrides = Vec<(String, Bytes)>;

/// The name a Markdown raster image is served under in a build's compilations: its
/// path with an extension typst does not know, so that typst tells the format from
/// the bytes (a stand-in SVG, a prepared JPEG or PNG).
fn served_name(rel: &str) -> String {
    format!("{rel}.prepared")
}

impl TargetWork {
    /// Assembles `spec` (chapters through `chapters`, once per build), checks its
    /// images and lays it out once with stand-ins for the Markdown images. `kept` may
    /// hold a world from an earlier build of the same target (`watch`): it is used when
    /// it serves the same main source path, fonts and date, and put back there when
    /// the layout pass fails, so that typst's caches survive a broken edit.
    pub fn start(
        ctx: Context,
        spec: &TargetSpec,
        cache: &ImageCache,
        chapters: &ChapterCache,
        kept: &mut Option<GuideWorld>,
    ) -> Result<Self> {
        let manifest = ctx.manifest;
        let options =
            AssembleOptions { strict: spec.strict, page_multiple: spec.page_multiple };
        let assembled =
            assemble::assemble(manifest, spec.lang, spec.layout, &options, chapters)?;
        let mut sources = markdown_sources(&assembled, cache, manifest)?;
        // The layout pass only needs each Markdown image's shape (the layout sets its
        // width): an empty SVG of the same proportions stands in, so typst never
        // decodes the original.
        let mut aliases = BTreeMap::new();
        let mut stand_ins = Vec::new();
        for source in &sources {
            let served = served_name(&source.rel);
            aliases.insert(format!("/{}", source.rel), format!("/{served}"));
            stand_ins.push((served, images::stand_in(&source.info, &source.rel)));
        }
        let main = assembled.main_with(spec.page_multiple, &aliases);
        let mut world = match kept.take() {
            Some(mut world) if reusable(&world, ctx, &assembled.main_path) => {
                world.forget_reads();
                world.set_main(main);
                world.set_line_map(assembled.line_map.clone());
                world
            }
            _ => GuideWorld::new(
                &manifest.root,
                &assembled.main_path,
                main,
                ctx.fonts.clone(),
                ctx.date,
            )
            .with_line_map(assembled.line_map.clone()),
        };
        world.set_image_overrides(&stand_ins);
        let started = Instant::now();
        let laid_out = compile::compile(&world).and_then(|compiled| {
            typst_sources(&world, &compiled.document, cache, manifest, &mut sources)?;
            Ok(compiled)
        });
        let compiling = started.elapsed();
        let compiled = match laid_out {
            Ok(compiled) => compiled,
            Err(err) => {
                *kept = Some(world);
                return Err(err);
            }
        };
        let by_source: Vec<(String, Bytes)> = stand_ins
            .iter()
            .map(|(served, bytes)| {
                let rel = served.strip_suffix(".prepared").unwrap_or(served);
                (format!("{rel}.svg"), bytes.clone())
            })
            .collect();
        let placements = images::placements(&compiled.document, &sources, &by_source);
        let placed = placed_images(&placements, &sources, &assembled, &world);
        let layout = stand_ins.is_empty().then_some(compiled);
        Ok(Self {
            assembled,
            world,
            aliases,
            page_multiple: (spec.page_multiple, spec.page_multiple),
            sources,
            stand_ins,
            placements,
            placed,
            layout,
            changed: false,
            compiling,
        })
    }

    /// Compiles the edition with every raster image prepared for `target` through
    /// `cache`, padded to `page_multiple` pages (the layout pass's document when
    /// nothing differs). Use what needs the world (placing warnings, locating export
    /// failures) before compiling the next edition.
    pub fn edition(
        &mut self,
        cache: &ImageCache,
        target: ImageTarget,
        page_multiple: usize,
    ) -> Result<EditionDoc> {
        let (placed, overrides) = self.prepared(cache, target)?;
        let (layout_multiple, main_multiple) = self.page_multiple;
        let reuse = overrides.is_empty() && page_multiple == layout_multiple;
        if reuse && self.layout.is_some() {
            if self.changed || main_multiple != layout_multiple {
                // Spans of the layout pass are placed in its own main source.
                self.set_main(layout_multiple);
                self.world.set_image_overrides(&[]);
                self.changed = false;
            }
            let layout = self.layout.as_ref().expect("checked above");
            let compiled = Compiled {
                document: layout.document.clone(),
                warnings: self.chapter_warnings(layout.warnings.clone()),
            };
            return Ok(EditionDoc { compiled, images: placed });
        }
        self.set_main(page_multiple);
        self.world.set_image_overrides(&overrides);
        self.changed = true;
        let started = Instant::now();
        let mut compiled = compile::compile(&self.world)?;
        self.compiling += started.elapsed();
        compiled.warnings = self.chapter_warnings(compiled.warnings);
        Ok(EditionDoc { compiled, images: placed })
    }

    /// The chapters' own warnings (raw HTML printed as text…) first, then typst's.
    fn chapter_warnings(&self, typst: Vec<Text>) -> Vec<Text> {
        let mut warnings = self.assembled.warnings.clone();
        warnings.extend(typst);
        warnings
    }

    /// Makes the world's main source the one padded to `page_multiple` pages, unless
    /// it is already (a new main source makes typst read every file again).
    fn set_main(&mut self, page_multiple: usize) {
        if self.page_multiple.1 != page_multiple {
            self.world.set_main(self.assembled.main_with(page_multiple, &self.aliases));
            self.page_multiple.1 = page_multiple;
        }
    }

    /// The raster images as placed with what an edition for `target` embeds (no
    /// compilation): what `livret images` lists.
    pub fn images(
        &self,
        cache: &ImageCache,
        target: ImageTarget,
    ) -> Result<Vec<PlacedImage>> {
        Ok(self.prepared(cache, target)?.0)
    }

    /// Every placed image prepared for `target`: the placements with what is embedded,
    /// and the files served in place of the originals (a Markdown image typst did not
    /// place keeps its stand-in).
    fn prepared(
        &self,
        cache: &ImageCache,
        target: ImageTarget,
    ) -> Result<(Vec<PlacedImage>, Overrides)> {
        let mut placed = self.placed.clone();
        let mut overrides = prepare(
            &self.sources,
            &self.placements,
            &mut placed,
            &self.aliases,
            cache,
            target,
        )?;
        for (served, bytes) in &self.stand_ins {
            if !overrides.iter().any(|(name, _)| name == served) {
                overrides.push((served.clone(), bytes.clone()));
            }
        }
        Ok((placed, overrides))
    }
}

/// Whether a world kept from an earlier build can compile this target again.
fn reusable(world: &GuideWorld, ctx: Context, main_path: &str) -> bool {
    use typst::World;
    world.main_path() == main_path
        && Arc::ptr_eq(world.fonts(), ctx.fonts)
        && world.today(None) == Some(ctx.date)
}

/// Adds the raster images of Typst chapters, known once typst has loaded them, to
/// `sources` (checked, each named by the first call that shows it).
fn typst_sources(
    world: &GuideWorld,
    document: &typst_layout::PagedDocument,
    cache: &ImageCache,
    manifest: &Manifest,
    sources: &mut Vec<SourceImage>,
) -> Result<()> {
    for rel in world.raster_files() {
        if !sources.iter().any(|s| s.rel == rel) {
            let place = || typst_image_place(world, document, &rel);
            sources.push(cache.source(&manifest.root, &rel, &place)?);
        }
    }
    Ok(())
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
        .and_then(|span| compile::place(world, span))
        .filter(|place| place.starts_with("sources/"))
        .or_else(|| compile::chapter_line_naming(world, rel));
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
                // A Typst chapter's image shown by a layout's function: the chapter's line.
                None => compile::place(world, p.span)
                    .filter(|place| place.starts_with("sources/"))
                    .or_else(|| compile::chapter_line_naming(world, &p.rel))
                    .or_else(|| compile::place(world, p.span))
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
/// embedded in `placed` and gives the files to serve in place of the originals (a
/// Markdown image under its name in `aliases`).
fn prepare(
    sources: &[SourceImage],
    placements: &[Placement],
    placed: &mut [PlacedImage],
    aliases: &BTreeMap<String, String>,
    cache: &ImageCache,
    target: ImageTarget,
) -> Result<Vec<(String, Bytes)>> {
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
        let alias = aliases.get(&format!("/{}", source.rel));
        let variant = cache.variant(source, widest, target, alias.is_none())?;
        for p in placed.iter_mut().filter(|p| p.path == source.rel) {
            p.embedded = Some((variant.width, variant.height, variant.bytes.len()));
        }
        match alias {
            // Served under its own name, replacing the stand-in.
            Some(served) => {
                let served = served.trim_start_matches('/').to_string();
                overrides.push((served, variant.bytes));
            }
            None if variant.bytes == source.bytes => {}
            None => overrides.push((source.rel.clone(), variant.bytes)),
        }
    }
    Ok(overrides)
}

/// One warning per place (chapter line and page) with characters no font in `lang`'s
/// stack can show (typst draws empty boxes), naming them.
pub fn glyph_warnings(
    world: &GuideWorld,
    document: &typst_layout::PagedDocument,
    lang: &str,
) -> Vec<Text> {
    let mut places: Vec<(Option<String>, usize, Vec<char>)> = Vec::new();
    for missing in inspect::missing_glyphs(document) {
        let place = compile::place(world, missing.span).map(|p| p.to_string());
        match places.iter_mut().find(|(p, page, _)| *p == place && *page == missing.page)
        {
            Some((_, _, chars)) if !chars.contains(&missing.ch) => chars.push(missing.ch),
            Some(_) => {}
            None => places.push((place, missing.page, vec![missing.ch])),
        }
    }
    places
        .into_iter()
        .map(|(place, page, chars)| {
            let shown: Vec<String> =
                chars.iter().map(|c| format!("`{c}` (U+{:04X})", *c as u32)).collect();
            let warning = tr!(
                "build-no-glyph",
                lang = lang,
                count = chars.len(),
                chars = shown.join(", "),
                page = page
            );
            match place {
                Some(place) => Text::raw(place).join(": ", &warning),
                None => warning,
            }
        })
        .collect()
}

/// A reading PDF's bytes, or typst's check failures not yet located in the chapters.
pub type Unlocated = std::result::Result<Vec<u8>, EcoVec<SourceDiagnostic>>;

/// Exports a reading PDF (tagged), meeting `standard` if given, declaring the reading
/// direction `dir` for viewers, written compact (object streams) unless `standard`
/// predates them. It needs no world (which may be compiling another edition
/// meanwhile): typst's check failures come back unlocated, for [`located`].
pub fn reading_bytes(
    compiled: &Compiled,
    ident: &str,
    date: Datetime,
    standard: Option<typst_pdf::PdfStandard>,
    dir: Direction,
) -> Result<Unlocated> {
    let standards: Vec<_> = standard.into_iter().collect();
    match export::pdf_checked(&compiled.document, ident, date, true, &standards) {
        Ok(bytes) => {
            let compact = pdf_prefs::compact_allowed(standard);
            Ok(Ok(pdf_prefs::finish(bytes, pdf_prefs::Finish { dir, compact })?))
        }
        Err(diags) => Ok(Err(diags)),
    }
}
