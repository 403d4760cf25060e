//! `livret watch`: rebuild one target whenever a source, layout, font or the manifest
//! changes, through the build's own pipeline (`build --no-print`: the reading PDF and
//! the screen edition, checked images, compact output, `--pdf-standard`,
//! `--system-fonts`), keeping typst's world and caches between rebuilds.
//!
//! A save is seen by [`crate::ops::watcher`] (a file written in place is rebuilt as
//! soon as its writer closes it), and the reading PDF is written before the screen
//! edition is compiled, so the PDF being looked at lands first; the bytes are the
//! build's either way.
//!
//! Each rebuild writes the target's record and `report.json` as `livret build` does,
//! so the report stays true and a later `build --no-print` finds the target up to
//! date. A rebuild that takes longer than `--timeout` ends the watch with an error
//! (typst cannot be interrupted).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use typst_layout::PagedDocument;

use crate::build::lock::BuildLock;
use crate::build::orchestrate::{self, Outcome};
use crate::build::{BuildOptions, Project, edition, report};
use crate::ops::serve::LiveView;
use crate::ops::watcher::Watcher;
use crate::project::manifest;
use crate::project::targets::TargetId;
use crate::tr;
use crate::typeset::fonts::Fonts;
use crate::typeset::world::GuideWorld;
use crate::util::deadline::{self, Waited};
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
    /// Give up (and stop watching) when one rebuild takes longer.
    pub timeout: Duration,
    /// Also use the system's fonts.
    pub system_fonts: bool,
    /// A PDF standard the reading PDFs must meet.
    pub pdf_standard: Option<typst_pdf::PdfStandard>,
    /// Going on after a watch process ran out of memory: the builds done, and the time
    /// after which a change is new (build at once; otherwise wait for the next change).
    pub resume: Option<(usize, SystemTime)>,
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
        /// Time from the change to the written PDFs and records.
        took: Duration,
        /// Of which typst's compilations (incremental after the first build).
        compile: Duration,
        /// Warnings, located.
        warnings: Vec<String>,
    },
    /// The sources have an error; the previous PDF stays as it was.
    Failed(Error),
    /// The pages are served at this address (once, before the first build).
    Serving(std::net::SocketAddr),
}

/// The project's folders a build reads: a change in any of them calls for a rebuild.
const WATCHED: [&str; 3] = ["sources", "layouts", "fonts"];

/// Every file under the watched folders, with modification times.
fn watched_files(root: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
    WATCHED
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
                let status = tr!(
                    "ops-watch-status",
                    pages = rebuilt.document.pages().len(),
                    millis = took.as_millis() as u64
                )
                .to_string();
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

/// What a rebuild keeps for the next one: the fonts (while no font file changes) and
/// the world with typst's caches.
#[derive(Default)]
pub struct Kept {
    fonts: Option<Arc<Fonts>>,
    /// The world of the last build (its main source is the reading edition's).
    pub world: Option<GuideWorld>,
    /// The build's fixed fingerprint (it hashes the fonts) for this manifest text.
    fixed: Option<(String, String)>,
}

/// Watches and rebuilds until interrupted (or `max_builds` is reached).
pub fn watch(options: &WatchOptions, mut report: impl FnMut(&WatchEvent)) -> Result<()> {
    let root = options
        .project
        .canonicalize()
        .map_err(|e| Error::io("open project folder", &options.project, e))?;
    // Watching from the start: a save during the first build is rebuilt after it.
    let mut watcher = Watcher::new(&root, &WATCHED).map_err(watch_failed)?;
    watcher.update().map_err(watch_failed)?;
    let mut fonts_state = None;
    let mut kept = Kept::default();
    let mut view = start_view(&root, options, &mut report)?;
    let (mut builds, mut resumed) = match options.resume {
        Some((builds, since)) => (builds, Some(since)),
        None => (0, None),
    };
    if options.max_builds.is_some_and(|max| builds >= max) {
        return Ok(()); // the build that ran out of memory was the last one asked for
    }
    let mut started = Instant::now();
    loop {
        let files = watched_files(&root);
        if let Some(since) = resumed.take() {
            // Watching first, then looking: a change in between is not lost.
            if !changed_since(&files, since) {
                wait_for_change(&mut watcher)?;
            }
            started = Instant::now();
            continue;
        }
        let font_files: Vec<_> = files
            .iter()
            .filter(|(p, _)| p.starts_with(root.join("fonts")))
            .cloned()
            .collect();
        if fonts_state.as_ref() != Some(&font_files) {
            kept = Kept::default(); // new fonts: a new world
            fonts_state = Some(font_files);
        }
        // The lock is taken before the time limit starts: a build running beside the
        // watch is waited for (however long: the save is rebuilt after it), and only
        // the rebuild itself is timed.
        let (back, result) = match BuildLock::acquire_waiting(&root, Duration::MAX) {
            Ok(lock) => {
                let done = rebuild_within(&root, options, kept)?;
                drop(lock);
                done
            }
            Err(err) => (kept, Err(err)),
        };
        kept = back;
        let event = event_of(result, started.elapsed(), &mut view);
        report(&event);
        typst::comemo::evict(10);
        builds += 1;
        if options.max_builds.is_some_and(|max| builds >= max) {
            return Ok(());
        }
        wait_for_change(&mut watcher)?;
        started = Instant::now();
    }
}

/// Waits until a file of the watched folders changes (at once when one changed since
/// the last wait: during the rebuild).
fn wait_for_change(watcher: &mut Watcher) -> Result<()> {
    watcher.wait().map(|_| ()).map_err(watch_failed)
}

/// The error of a file watcher that failed.
fn watch_failed(err: notify::Error) -> Error {
    Error::new(tr!("ops-watch-failed", reason = err.to_string()))
}

/// Whether a file was modified after `since`.
fn changed_since(files: &[(PathBuf, Option<SystemTime>)], since: SystemTime) -> bool {
    files.iter().any(|(_, modified)| modified.is_some_and(|m| m > since))
}

/// What one successful rebuild made.
pub struct Rebuilt {
    /// The PDF, relative to the project root.
    pub pdf: PathBuf,
    /// Its bytes (served by the live view).
    pub bytes: Vec<u8>,
    /// The laid-out pages.
    pub document: Arc<PagedDocument>,
    /// Warnings, located.
    pub warnings: Vec<String>,
    /// Time in typst's compilations.
    pub compile: Duration,
}

/// One rebuild under the time limit, on a thread of its own that takes what was kept
/// and gives it back; an error when the rebuild outlives the limit (the watch stops).
fn rebuild_within(
    root: &Path,
    options: &WatchOptions,
    kept: Kept,
) -> Result<(Kept, Result<Rebuilt>)> {
    let (root, thread_options) = (root.to_path_buf(), options.clone());
    let work = move |_: &(dyn Fn(()) + Sync)| {
        let mut kept = kept;
        let result = rebuild(&root, &thread_options, &mut kept);
        (kept, result)
    };
    match deadline::run("livret watch", Some(options.timeout), work, |()| {})? {
        Waited::Done(done) => Ok(done),
        Waited::TimedOut(limit) => {
            let seconds = limit.as_secs();
            Err(Error::new(tr!("ops-watch-timed-out", seconds = seconds))
                .with_hint(tr!("build-timed-out-loop"))
                .with_hint(tr!("build-timed-out-more")))
        }
    }
}

/// One rebuild of the watched target through the build's pipeline, reusing the kept
/// fonts and world; writes the target's record and `report.json` (the desk's preview
/// rebuilds through it too). The caller holds the project's [`BuildLock`].
pub fn rebuild(root: &Path, options: &WatchOptions, kept: &mut Kept) -> Result<Rebuilt> {
    let manifest = Arc::new(manifest::load(root)?);
    let project = match &kept.fonts {
        Some(fonts) => Project::with_fonts(manifest, fonts.clone())?,
        None => Project::with_manifest(manifest, options.system_fonts)?,
    };
    kept.fonts = Some(project.fonts.clone());
    let id = TargetId {
        lang: project.language(&options.lang)?,
        layout: project.layout_or_first(options.layout.as_deref())?,
    };
    let build = BuildOptions {
        project: root.to_path_buf(),
        langs: vec![id.lang.clone()],
        layouts: vec![id.layout.clone()],
        print: false,
        system_fonts: options.system_fonts,
        force: true,
        timeout: Some(options.timeout),
        pdf_standard: options.pdf_standard,
        reading_first: true,
        ..BuildOptions::default()
    };
    let fixed = match &kept.fixed {
        Some((text, fixed)) if *text == project.manifest.text => fixed.clone(),
        _ => {
            let fixed = orchestrate::fixed_fingerprint(
                &project.manifest,
                &project.fonts,
                &build,
            )?;
            kept.fixed = Some((project.manifest.text.clone(), fixed.clone()));
            fixed
        }
    };
    let chapters = edition::Shared::default();
    let ctx = project.context();
    let outcome = orchestrate::build_target(
        ctx,
        &id,
        &build,
        &fixed,
        &chapters,
        &mut kept.world,
        &|_| {},
    )?;
    let edition = match outcome {
        Outcome::Built(edition) => edition,
        Outcome::UpToDate(_) => return Err(Error::new(tr!("ops-watch-not-forced"))),
    };
    report::write(&project.manifest)?;
    let (document, bytes) = edition.reading;
    Ok(Rebuilt {
        pdf: edition.target.pdf,
        bytes,
        document,
        warnings: edition.target.warnings.into_iter().map(String::from).collect(),
        compile: edition.compiling,
    })
}
