//! One target (language × layout) built: the reading PDF (print edition), the screen
//! edition, their size budgets, and the print files of the layout's presets.

use std::collections::BTreeMap;
use std::path::Path;

use crate::build::options::BuildOptions;
use crate::build::output::{BuiltTarget, PlacedImage};
use crate::build::print;
use crate::build::sheets;
use crate::build::target::{
    CompiledTarget, Context, TargetSpec, compile_edition, export_reading, glyph_warnings,
};
use crate::images::{ImageCache, ImageTarget};
use crate::project::manifest::{ByteSize, Direction};
use crate::project::paths::TargetPaths;
use crate::typeset::preflight;
use crate::util::diag::Result;
use crate::util::hash::ReadLog;
use crate::util::{fs::write_project, human_size};
use livret_impose::to_mm;

/// A built target and what it read.
pub struct Edition {
    /// What the build reports (timing and input count left for the caller).
    pub target: BuiltTarget,
    /// Every project file it read, sorted, with the hash of its bytes as read
    /// (`None` for a file asked for but never read).
    pub inputs: Vec<(String, Option<String>)>,
    /// The generated main source's path.
    pub main: String,
}

/// Exports one edition's PDF, declaring `lang`'s reading direction for viewers.
fn reading_pdf(
    ctx: Context,
    target: &CompiledTarget,
    stem: &str,
    options: &BuildOptions,
    lang: &str,
) -> Result<Vec<u8>> {
    let dir = ctx.manifest.language(lang).map_or(Direction::Ltr, |l| l.dir);
    export_reading(target, stem, ctx.date, options.pdf_standard, dir)
}

/// Builds one reading PDF, its screen edition and the print files of its presets.
pub fn build(
    ctx: Context,
    lang: &str,
    layout: &str,
    options: &BuildOptions,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<Edition> {
    let manifest = ctx.manifest;
    let root = &manifest.root;
    let cache = ImageCache::new(root);
    let paths = TargetPaths::new(&manifest.guide.id, lang, layout);
    let spec = TargetSpec { lang, layout, strict: options.strict, page_multiple: 4 };
    stage("print edition");
    let target = compile_edition(ctx, &spec, &cache, ImageTarget::PRINT)?;
    // What depends on the page count (the zine's eight), before anything is written.
    preflight::check_pages(manifest, layout, &target.compiled.document, options.print)?;
    test_pause_after_reading();
    let assembled = &target.assembled;
    write_project(root, &assembled.main_path, assembled.main.as_bytes())?;
    let document = &target.compiled.document;
    let bytes = reading_pdf(ctx, &target, &paths.stem, options, lang)?;
    let rel = paths.reading_pdf();
    write_project(root, &rel, &bytes)?;
    let page = print::page_size(document);
    let mut warnings = reading_warnings(&target, lang);

    // The screen edition: the same pages with images for phones.
    stage("screen edition");
    let screen = compile_edition(ctx, &spec, &cache, ImageTarget::SCREEN)?;
    let screen_bytes = reading_pdf(ctx, &screen, &paths.screen_stem(), options, lang)?;
    let screen_pdf = paths.screen_pdf();
    write_project(root, &screen_pdf, &screen_bytes)?;
    let layout_entry = manifest.layout(layout).expect("selected from the manifest");
    let editions = [
        (&layout_entry.print_budget, "print", &rel, bytes.len(), &target.images),
        (
            &layout_entry.screen_budget,
            "screen",
            &screen_pdf,
            screen_bytes.len(),
            &screen.images,
        ),
    ];
    warnings.extend(editions.into_iter().filter_map(
        |(budget, edition, pdf, size, images)| {
            let budget = budget.as_ref().filter(|b| size as u64 > b.bytes)?;
            Some(budget_warning(pdf, size, edition, budget, images))
        },
    ));

    let printed = if options.print {
        sheets::write(ctx, &spec, &paths, &target, &cache, stage)?
    } else {
        sheets::Printed::default()
    };
    warnings.extend(printed.warnings);

    let compiled: Vec<&CompiledTarget> =
        [&target, &screen].into_iter().chain(printed.compiled.iter()).collect();
    let inputs = inputs(&compiled, &cache);
    let built = BuiltTarget {
        lang: lang.to_string(),
        layout: layout.to_string(),
        pdf: rel,
        pages: document.pages().len(),
        page_mm: (to_mm(page.width), to_mm(page.height)),
        bytes: bytes.len(),
        untranslated: target.assembled.untranslated.clone(),
        warnings,
        prints: printed.prints,
        screen_pdf,
        screen_bytes: screen_bytes.len(),
        images: target.images.clone(),
        image_decodes: cache.decodes(),
        up_to_date: false,
        millis: 0,
        inputs: inputs.len(),
    };
    Ok(Edition { target: built, inputs, main: target.assembled.main_path.clone() })
}

/// What a target read: chapters and Markdown images (read by livret), and every file
/// typst loaded in any of its compilations (the first is the print edition), sorted,
/// each with the hash of its bytes as read: the same path read with other bytes by
/// another compilation (saved meanwhile) gets a mark that no file matches.
fn inputs(
    compiled: &[&CompiledTarget],
    cache: &ImageCache,
) -> Vec<(String, Option<String>)> {
    let first = &compiled[0].assembled;
    let mut paths: Vec<String> = first.chapter_files.clone();
    paths.extend(first.images.iter().map(|i| i.path.clone()));
    let reads = ReadLog::default();
    for target in compiled {
        paths.extend(target.world.loaded_files());
        let read =
            target.assembled.read.iter().cloned().chain(target.world.read_hashes());
        for (rel, hash) in read {
            reads.note_hash(&rel, hash);
        }
    }
    for (rel, hash) in cache.read_hashes() {
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
fn reading_warnings(target: &CompiledTarget, lang: &str) -> Vec<String> {
    let mut warnings = target.compiled.warnings.clone();
    warnings.extend(glyph_warnings(&target.world, &target.compiled.document, lang));
    for image in &target.images {
        if let Some(w) = image.blurry_warning()
            && !warnings.contains(&w)
        {
            warnings.push(w);
        }
    }
    warnings
}

/// The warning for an edition over its size budget, naming its biggest images.
fn budget_warning(
    pdf: &Path,
    size: usize,
    edition: &str,
    budget: &ByteSize,
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
        "{} is {}, over the layout's {edition} budget of {}{images}",
        pdf.display(),
        human_size(size),
        budget.text
    )
}
