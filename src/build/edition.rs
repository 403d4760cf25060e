//! One target (language × layout) built: the reading PDF (print edition), the screen
//! edition, their size budgets, and the print files of the layout's presets.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use typst_layout::PagedDocument;

use crate::build::options::BuildOptions;
use crate::build::output::{
    BuiltTarget, Output, OutputKind, PlacedImage, Written, write_output,
};
use crate::build::print;
use crate::build::refusals::{Failing, failures, located};
use crate::build::sheets;
use crate::build::target::{
    Context, EditionDoc, TargetSpec, TargetWork, glyph_warnings, reading_bytes,
};
use crate::i18n::Text;
use crate::images::{ImageCache, ImageTarget};
use crate::project::manifest::{ByteSize, Direction};
use crate::project::paths::TargetPaths;
use crate::project::targets::TargetId;
use crate::tr;
use crate::typeset::assemble::ChapterCache;
use crate::typeset::preflight;
use crate::typeset::world::GuideWorld;
use crate::util::diag::Result;
use crate::util::hash::ReadLog;
use crate::util::human_size;
use livret_impose::to_mm;

/// A built target and what it read and wrote.
pub struct Edition {
    /// What the build reports (timing and input count left for the caller).
    pub target: BuiltTarget,
    /// Every project file it read, sorted, with the hash of its bytes as read
    /// (`None` for a file asked for but never read).
    pub inputs: Vec<(String, Option<String>)>,
    /// Every file it wrote, hashed from the bytes written.
    pub outputs: Vec<Output>,
    /// The print edition's document and PDF bytes (for `watch`'s live view).
    pub reading: (Arc<PagedDocument>, Vec<u8>),
    /// Time spent in typst's compilations.
    pub compiling: Duration,
}

/// What one target's build shares with the others of the build: the chapters
/// converted so far.
#[derive(Default)]
pub struct Shared {
    /// Chapters read and converted once per build.
    pub chapters: ChapterCache,
}

/// Builds one reading PDF, its screen edition and the print files of its presets,
/// compiling on the world `kept` holds when it is one of an earlier build of this
/// target, and leaving the world there afterwards (`watch` keeps typst's caches).
pub fn build(
    ctx: Context,
    id: &TargetId,
    options: &BuildOptions,
    shared: &Shared,
    kept: &mut Option<GuideWorld>,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<Edition> {
    let cache = ImageCache::new(&ctx.manifest.root);
    let spec = TargetSpec {
        lang: &id.lang,
        layout: &id.layout,
        strict: options.strict,
        page_multiple: 4,
    };
    stage(&tr!("build-stage-print-edition"));
    let mut work = TargetWork::start(ctx, &spec, &cache, &shared.chapters, kept)?;
    let result = editions(ctx, &spec, options, &mut work, &cache, stage);
    *kept = Some(work.world);
    result
}

/// The editions and print files of a target laid out in `work`.
fn editions(
    ctx: Context,
    spec: &TargetSpec,
    options: &BuildOptions,
    work: &mut TargetWork,
    cache: &ImageCache,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<Edition> {
    let (lang, layout) = (spec.lang, spec.layout);
    let manifest = ctx.manifest;
    let root = &manifest.root;
    let paths = TargetPaths::new(&manifest.guide.id, lang, layout);
    test_pause_after_reading();
    let print = work.edition(cache, ImageTarget::PRINT, 4)?;
    // What depends on the page count (the zine's eight), before anything is written.
    preflight::check_pages(manifest, layout, &print.compiled.document, options.print)?;
    let mut written = Written::new(root);
    let assembled = &work.assembled;
    written.write(
        &assembled.main_path.clone(),
        assembled.main.as_bytes(),
        OutputKind::Source,
    )?;
    let mut warnings = reading_warnings(work, &print, lang);
    let page = print::page_size(&print.compiled.document);
    stage(&tr!("build-stage-screen-edition"));
    let (bytes, screen) =
        reading_pdfs(ctx, spec, options, work, cache, &print, &mut written)?;
    let rel = paths.reading_pdf();
    let layout_entry = manifest.layout(layout).expect("selected from the manifest");
    let editions = [
        (&layout_entry.print_budget, "print", &rel, bytes.len(), &print.images),
        (
            &layout_entry.screen_budget,
            "screen",
            &screen.pdf,
            screen.bytes,
            &screen.images,
        ),
    ];
    warnings.extend(over_budget(editions));

    let printed = if options.print {
        sheets::write(ctx, spec, &paths, work, &print, cache, stage)?
    } else {
        sheets::Printed::default()
    };
    warnings.extend(printed.warnings);
    written.outputs.extend(printed.outputs);

    let inputs = inputs(work, cache);
    written.in_record_order();
    let document = print.compiled.document;
    let built = BuiltTarget {
        lang: lang.to_string(),
        layout: layout.to_string(),
        pdf: rel,
        pages: document.pages().len(),
        page_mm: (to_mm(page.width), to_mm(page.height)),
        bytes: bytes.len(),
        untranslated: work.assembled.untranslated.clone(),
        warnings,
        prints: printed.prints,
        screen_pdf: screen.pdf,
        screen_bytes: screen.bytes,
        images: print.images,
        image_decodes: cache.decodes(),
        up_to_date: false,
        millis: 0,
        inputs: inputs.len(),
    };
    Ok(Edition {
        target: built,
        inputs,
        outputs: written.outputs,
        reading: (Arc::new(document), bytes),
        compiling: work.compiling,
    })
}

/// The screen edition as written: its path, size and images.
struct Screen {
    pdf: PathBuf,
    bytes: usize,
    images: Vec<PlacedImage>,
}

/// Writes both reading PDFs: the print edition (`print`, compiled) is exported,
/// compacted and written on one core while the screen edition (the same pages with
/// images for phones) is compiled and exported on the other; typst's check failures
/// are located afterwards. Gives the print edition's bytes and the screen edition.
fn reading_pdfs(
    ctx: Context,
    spec: &TargetSpec,
    options: &BuildOptions,
    work: &mut TargetWork,
    cache: &ImageCache,
    print: &EditionDoc,
    written: &mut Written,
) -> Result<(Vec<u8>, Screen)> {
    let paths = TargetPaths::new(&ctx.manifest.guide.id, spec.lang, spec.layout);
    let (root, rel) = (&ctx.manifest.root, paths.reading_pdf());
    let standard = options.pdf_standard;
    let dir = ctx.manifest.language(spec.lang).map_or(Direction::Ltr, |l| l.dir);
    let reading = || -> Result<_> {
        let exported =
            reading_bytes(&print.compiled, &paths.stem, ctx.date, standard, dir)?;
        match exported {
            Ok(bytes) => {
                let output = write_output(root, &rel, &bytes, OutputKind::Reading)?;
                Ok(Ok((bytes, output)))
            }
            Err(diags) => Ok(Err(diags)),
        }
    };
    let mut screen = || -> Result<_> {
        let screen = work.edition(cache, ImageTarget::SCREEN, 4)?;
        let stem = paths.screen_stem();
        let bytes = reading_bytes(&screen.compiled, &stem, ctx.date, standard, dir)?;
        Ok((screen.images, bytes))
    };
    let (exported, screen) = if options.reading_first {
        let exported = reading();
        (exported, screen())
    } else {
        rayon::join(reading, screen)
    };
    let (bytes, output) = match exported? {
        Ok(done) => done,
        Err(diags) => {
            return Err(failures(failing(work, ctx), &paths.stem, standard, &diags));
        }
    };
    written.outputs.push(output);
    let (images, screen_bytes) = screen?;
    let screen_bytes =
        located(failing(work, ctx), &paths.screen_stem(), standard, screen_bytes)?;
    let pdf = paths.screen_pdf();
    written.write_path(&pdf, &screen_bytes, OutputKind::Screen)?;
    Ok((bytes, Screen { pdf, bytes: screen_bytes.len(), images }))
}

/// Where an export failure of `work` is placed.
fn failing<'a>(work: &'a TargetWork, ctx: Context) -> Failing<'a> {
    Failing { world: &work.world, images: &work.assembled.images, date: ctx.date }
}

/// What a target read: chapters and Markdown images (read by livret), and every file
/// typst loaded in any of its compilations, sorted, each with the hash of its bytes
/// as read: the same path read with other bytes by another compilation (saved
/// meanwhile) gets a mark that no file matches.
fn inputs(work: &TargetWork, cache: &ImageCache) -> Vec<(String, Option<String>)> {
    let assembled = &work.assembled;
    let mut paths: Vec<String> = assembled.chapter_files.clone();
    paths.extend(assembled.images.iter().map(|i| i.path.clone()));
    paths.extend(work.world.loaded_files());
    let reads = ReadLog::default();
    let read = assembled.read.iter().cloned().chain(work.world.read_hashes());
    for (rel, hash) in read.chain(cache.read_hashes()) {
        reads.note_hash(&rel, hash);
    }
    paths.sort();
    paths.dedup();
    let hashes: BTreeMap<String, String> = reads.entries().into_iter().collect();
    paths
        .into_iter()
        .map(|rel| {
            let hash = hashes.get(&rel).cloned();
            (rel, hash)
        })
        .collect()
}

/// A hook for tests of edits made during a build: when `LIVRET_TEST_PAUSE_FILE` is
/// set, the first target to have read its inputs creates that file and waits (up to
/// a minute) until the test removes it. Not for users: it only slows a build down.
fn test_pause_after_reading() {
    static PAUSED: std::sync::atomic::AtomicBool =
        std::sync::atomic::AtomicBool::new(false);
    let Some(flag) = std::env::var_os("LIVRET_TEST_PAUSE_FILE") else { return };
    if PAUSED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let flag = std::path::PathBuf::from(flag);
    if std::fs::write(&flag, b"paused").is_err() {
        return;
    }
    for _ in 0..600 {
        if !flag.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// The reading PDF's warnings: typst's, characters no font shows, blurry images.
fn reading_warnings(work: &TargetWork, print: &EditionDoc, lang: &str) -> Vec<Text> {
    let mut warnings: Vec<Text> =
        print.compiled.warnings.iter().cloned().map(Text::of).collect();
    warnings.extend(glyph_warnings(&work.world, &print.compiled.document, lang));
    for image in &print.images {
        if let Some(w) = image.blurry_warning()
            && !warnings.contains(&w)
        {
            warnings.push(w);
        }
    }
    warnings
}

/// An edition's size budget, name, PDF, size and images.
type Sized<'a> =
    (&'a Option<ByteSize>, &'a str, &'a PathBuf, usize, &'a Vec<PlacedImage>);

/// The warnings of the editions over their size budgets.
fn over_budget(editions: [Sized<'_>; 2]) -> Vec<Text> {
    editions
        .into_iter()
        .filter_map(|(budget, edition, pdf, size, images)| {
            let budget = budget.as_ref().filter(|b| size as u64 > b.bytes)?;
            Some(budget_warning(pdf, size, edition, budget, images))
        })
        .collect()
}

/// The warning for an edition over its size budget, naming its biggest images.
fn budget_warning(
    pdf: &Path,
    size: usize,
    edition: &str,
    budget: &ByteSize,
    images: &[PlacedImage],
) -> Text {
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
    let pdf = pdf.display().to_string();
    let (size, budget, images) = (human_size(size), &budget.text, named.join(", "));
    match (edition, named.is_empty()) {
        ("print", true) => {
            tr!("build-over-print-budget", pdf = pdf, size = size, budget = budget)
        }
        ("print", false) => tr!(
            "build-over-print-budget-images",
            pdf = pdf,
            size = size,
            budget = budget,
            images = images
        ),
        (_, true) => {
            tr!("build-over-screen-budget", pdf = pdf, size = size, budget = budget)
        }
        (_, false) => tr!(
            "build-over-screen-budget-images",
            pdf = pdf,
            size = size,
            budget = budget,
            images = images
        ),
    }
}
