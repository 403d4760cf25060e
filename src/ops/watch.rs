//! `livret watch`: rebuild one reading PDF whenever a source, layout, font or the
//! manifest changes, reusing typst's incremental state between rebuilds.
//!
//! The PDF watch writes is the build's reading PDF (the path people open); as it is not
//! what `livret build` made, watch forgets that target's build record and rewrites
//! `report.json` without it, so the report stays true and the next build remakes the
//! target instead of calling it up to date. A rebuild that takes longer than
//! `--timeout` ends the watch with an error (typst cannot be interrupted).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use typst_kit::watcher::Watcher;
use typst_layout::PagedDocument;

use crate::build::report;
use crate::build::target::glyph_warnings;
use crate::ops::serve::LiveView;
use crate::project::manifest;
use crate::project::paths::{self, TargetPaths};
use crate::typeset::assemble::{self, AssembleOptions};
use crate::typeset::compile;
use crate::typeset::fonts::Fonts;
use crate::typeset::world::{self, GuideWorld};
use crate::typeset::{export, pdf_prefs};
use crate::util::diag::{Error, Result};
use crate::util::fs::files_under;

/// What to watch.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// The project folder.
    pub project: PathBuf,
    /// The language to rebuild.
    pub lang: String,
    /// The layout (default: the first in guide.toml).
    pub layout: Option<String>,
    /// Stop after this many builds (for tests and benchmarks); `None` = forever.
    pub max_builds: Option<usize>,
    /// Show the pages in a browser on localhost: `Some(port)`, `Some(None)` for the
    /// first free port of 3000–3005; `None` serves nothing.
    pub serve: Option<Option<u16>>,
    /// Give up (and stop watching) when one compilation takes longer.
    pub timeout: Duration,
}

/// The outcome of one (re)build.
#[derive(Debug, Clone)]
pub enum WatchEvent {
    /// The PDF was written.
    Built {
        /// The PDF, relative to the project root.
        pdf: PathBuf,
        /// Page count.
        pages: usize,
        /// Time from the change to the written PDF.
        took: Duration,
        /// Of which typst's compilation (incremental after the first build).
        compile: Duration,
        /// Warnings, located.
        warnings: Vec<String>,
    },
    /// The sources have an error; the previous PDF stays as it was.
    Failed(Error),
    /// The pages are served at this address (once, before the first build).
    Serving(std::net::SocketAddr),
}

/// Every file under the watched folders, with modification times.
fn watched_files(root: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
    ["sources", "layouts", "fonts"]
        .iter()
        .flat_map(|sub| files_under(&root.join(sub)).unwrap_or_default())
        .map(|path| {
            let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
            (path, modified)
        })
        .collect()
}

/// The live view of `--serve`, started before the first build.
fn start_view(
    root: &Path,
    options: &WatchOptions,
    report: &mut impl FnMut(&WatchEvent),
) -> Result<Option<LiveView>> {
    let Some(port) = options.serve else { return Ok(None) };
    let manifest = manifest::load(root)?;
    let title = format!("{} ({})", manifest.title(&options.lang), options.lang);
    let rtl = manifest
        .language(&options.lang)
        .is_some_and(|l| l.dir == manifest::Direction::Rtl);
    let view = LiveView::start(&title, port, rtl)?;
    report(&WatchEvent::Serving(view.addr()));
    Ok(Some(view))
}

/// The event of one rebuild, shown in the live view too.
fn event_of(
    result: Result<Rebuilt>,
    took: Duration,
    view: &mut Option<LiveView>,
) -> WatchEvent {
    match result {
        Ok(rebuilt) => {
            if let Some(view) = view {
                let status = format!(
                    "{} pages, built in {} ms",
                    rebuilt.document.pages().len(),
                    took.as_millis()
                );
                view.built(
                    rebuilt.document.clone(),
                    rebuilt.bytes,
                    status,
                    rebuilt.warnings.clone(),
                );
            }
            WatchEvent::Built {
                pdf: rebuilt.pdf,
                pages: rebuilt.document.pages().len(),
                took,
                compile: rebuilt.compile,
                warnings: rebuilt.warnings,
            }
        }
        Err(err) => {
            if let Some(view) = view {
                view.failed(&err);
            }
            WatchEvent::Failed(err)
        }
    }
}

/// Watches and rebuilds until interrupted (or `max_builds` is reached).
pub fn watch(options: &WatchOptions, mut report: impl FnMut(&WatchEvent)) -> Result<()> {
    let root = options
        .project
        .canonicalize()
        .map_err(|e| Error::io("open project folder", &options.project, e))?;
    let mut watcher = Watcher::new(None)
        .map_err(|e| Error::new(format!("cannot watch files ({e})")))?;
    let mut fonts_state = None;
    let mut fonts = None;
    let mut world: Option<GuideWorld> = None;
    let mut view = start_view(&root, options, &mut report)?;
    let mut builds = 0;
    let mut started = Instant::now();
    loop {
        let files = watched_files(&root);
        let font_files: Vec<_> = files
            .iter()
            .filter(|(p, _)| p.starts_with(root.join("fonts")))
            .cloned()
            .collect();
        if fonts_state.as_ref() != Some(&font_files) {
            fonts = Some(Fonts::load(&root, false)?);
            fonts_state = Some(font_files);
            world = None; // new fonts: a new world
        }
        let mut stuck = None;
        let fonts = fonts.as_ref().expect("loaded");
        let result = rebuild(&root, options, fonts, &mut world, &mut stuck);
        if let Some(err) = stuck {
            return Err(err);
        }
        let event = event_of(result, started.elapsed(), &mut view);
        report(&event);
        typst::comemo::evict(10);
        builds += 1;
        if options.max_builds.is_some_and(|max| builds >= max) {
            return Ok(());
        }
        watcher
            .update(files.into_iter().map(|(p, _)| p))
            .map_err(|e| Error::new(format!("cannot watch files ({e})")))?;
        watcher.wait().map_err(|e| Error::new(format!("cannot watch files ({e})")))?;
        started = Instant::now();
    }
}

/// What one successful rebuild made.
struct Rebuilt {
    /// The PDF, relative to the project root.
    pdf: PathBuf,
    /// Its bytes (served by the live view).
    bytes: Vec<u8>,
    /// The laid-out pages.
    document: Arc<PagedDocument>,
    /// Warnings, located.
    warnings: Vec<String>,
    /// Time in typst's compilation.
    compile: Duration,
}

/// One rebuild, reusing the world (and so typst's parsed sources) when there is one;
/// a compilation that outlives the time limit is put in `stuck`.
fn rebuild(
    root: &Path,
    options: &WatchOptions,
    fonts: &Arc<Fonts>,
    world: &mut Option<GuideWorld>,
    stuck: &mut Option<Error>,
) -> Result<Rebuilt> {
    let manifest = manifest::load(root)?;
    let layout = match &options.layout {
        Some(l) => l.clone(),
        None => manifest.layouts[0].name.clone(),
    };
    let date = world::build_date(manifest.date()?)?;
    let assembled = assemble::assemble(
        &manifest,
        &options.lang,
        &layout,
        &AssembleOptions { page_multiple: 4, ..Default::default() },
    )?;
    let w = match world.take() {
        Some(mut w) if w.main_path() == assembled.main_path => {
            w.set_main(assembled.main.clone());
            w.set_line_map(assembled.line_map.clone());
            w
        }
        _ => GuideWorld::new(
            root,
            &assembled.main_path,
            assembled.main.clone(),
            fonts.clone(),
            date,
        )
        .with_line_map(assembled.line_map.clone()),
    };
    let start = Instant::now();
    let (w, compiled) = match compile_within(w, options.timeout) {
        Ok((w, compiled)) => (world.insert(w), compiled),
        Err(err) => {
            *stuck = Some(err.clone());
            return Err(err);
        }
    };
    let compiled = compiled?;
    let compile_time = start.elapsed();
    let mut warnings = compiled.warnings.clone();
    warnings.extend(glyph_warnings(w, &compiled.document, &options.lang));
    let paths = TargetPaths::new(&manifest.guide.id, &options.lang, &layout);
    let dir =
        manifest.language(&options.lang).map_or(manifest::Direction::Ltr, |l| l.dir);
    let bytes = export::pdf(&compiled.document, &paths.stem, date, true)?;
    let bytes = pdf_prefs::with_direction(bytes, dir)?;
    let pdf = paths.reading_pdf();
    crate::util::fs::write_project(root, &pdf, &bytes)?;
    forget_build(&manifest, &options.lang, &layout)?;
    let document = Arc::new(compiled.document);
    Ok(Rebuilt { pdf, bytes, document, warnings, compile: compile_time })
}

/// Compiles on a thread of its own and waits at most `limit`; the world comes back
/// with the outcome, or an error when the compilation still runs.
fn compile_within(
    world: GuideWorld,
    limit: Duration,
) -> Result<(GuideWorld, Result<compile::Compiled>)> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("livret watch".into())
        .stack_size(16 << 20)
        .spawn(move || {
            let compiled = compile::compile(&world);
            let _ = send.send((world, compiled));
        })
        .map_err(|e| Error::new(format!("cannot start a build thread ({e})")))?;
    receive.recv_timeout(limit).map_err(|_| {
        Error::new(format!(
            "the rebuild gave up after {} s (--timeout); watch stopped",
            limit.as_secs()
        ))
        .with_hint("a Typst chapter may loop for ever: look for a loop or a recursion that never ends")
        .with_hint("if the guide is only large, allow more time with --timeout SECONDS")
    })
}

/// Forgets what `livret build` recorded for the target whose reading PDF watch has
/// just replaced, and rewrites `report.json` without it.
fn forget_build(manifest: &manifest::Manifest, lang: &str, layout: &str) -> Result<()> {
    let record = paths::record(&manifest.root, lang, layout);
    match fs::remove_file(&record) {
        Ok(()) => report::write(manifest),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("remove the build record", &record, e)),
    }
}
