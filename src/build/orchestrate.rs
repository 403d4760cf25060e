//! Running a build: the manifest, fonts and date loaded once, the lock taken, the
//! targets built in parallel (rayon), each skipped when up to date and recorded when
//! done, then `report.json` written.
//!
//! typst cannot be stopped from outside, so each target runs on a thread of its own
//! and the build stops waiting for it after `--timeout`: the error names the target
//! and the process ends; what the target wrote is either whole (atomic writes) or not
//! recorded (its record is written last), so the next build makes it again.

use std::fs;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use rayon::prelude::*;

use crate::build::lock::BuildLock;
use crate::build::options::BuildOptions;
use crate::build::output::BuiltTarget;
use crate::build::target::{Context, standard_name};
use crate::build::{edition, incremental, isolate, report};
use crate::project::manifest::{self, Manifest};
use crate::project::paths;
use crate::project::targets::{self, TargetId};
use crate::typeset::fonts::Fonts;
use crate::typeset::world;
use crate::util::diag::{Error, Result};

/// Builds the reading PDFs, several targets at once; calls `stage` when a target
/// starts a stage (for progress bars) and `report` as each target is done (in the
/// order they finish).
pub fn build(
    options: &BuildOptions,
    stage: impl Fn(&TargetId, &str) + Sync,
    report: impl FnMut(&BuiltTarget) + Send,
) -> Result<Vec<BuiltTarget>> {
    let report = std::sync::Mutex::new(report);
    let manifest = Arc::new(manifest::load(&options.project)?);
    let targets =
        targets::targets(&manifest, &options.langs, &options.layouts, options.shard)?;
    let fonts = Fonts::load(&manifest.root, options.system_fonts)?;
    let date = world::build_date(manifest.date()?)?;
    if options.print {
        // Every print preset checked before any target compiles or writes.
        crate::typeset::preflight::check_presets(
            &manifest,
            &options.layouts,
            &fonts,
            date,
        )?;
    }
    let _lock = BuildLock::acquire(&manifest.root)?;
    let fixed = fixed_fingerprint(&manifest, &fonts, options)?;
    let shared = Arc::new(Shared {
        manifest: manifest.clone(),
        fonts,
        date,
        options: options.clone(),
        fixed,
        gave_up: Mutex::new(None),
    });
    let jobs = options.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::new(format!("cannot start {jobs} build threads ({e})")))?;
    let results: Vec<Result<BuiltTarget>> = pool.install(|| {
        targets
            .par_iter()
            .map(|id| build_limited(&shared, id, &|what| stage(id, what)))
            .inspect(|result| {
                if let (Ok(target), Ok(mut report)) = (result, report.lock()) {
                    report(target);
                }
            })
            .collect()
    });
    if let Some(err) = shared.gave_up.lock().ok().and_then(|mut e| e.take()) {
        return Err(err);
    }
    let built = results.into_iter().collect::<Result<Vec<_>>>()?;
    report::write(&manifest)?;
    Ok(built)
}

/// The fingerprint every target shares: the options that change output, the manifest,
/// the fonts, livret's version.
fn fixed_fingerprint(
    manifest: &Manifest,
    fonts: &Fonts,
    options: &BuildOptions,
) -> Result<String> {
    incremental::fixed_fingerprint(
        manifest,
        fonts,
        &[
            ("strict", options.strict.to_string()),
            ("print", options.print.to_string()),
            ("system-fonts", options.system_fonts.to_string()),
            ("pdf-standard", options.pdf_standard.map(standard_name).unwrap_or_default()),
        ],
    )
}

/// What every target's thread shares (owned: the thread may outlive the build).
struct Shared {
    manifest: Arc<Manifest>,
    fonts: Arc<Fonts>,
    date: typst::foundations::Datetime,
    options: BuildOptions,
    fixed: String,
    /// The error of the first target that took too long: the others then stop.
    gave_up: Mutex<Option<Error>>,
}

/// What a target's thread tells the build: a stage started, or the target is done.
enum Progress {
    Stage(String),
    Done(Box<Result<BuiltTarget>>),
}

/// Builds one target on a thread of its own and waits at most `options.timeout` for
/// it, passing its stages on; an error naming the target when it takes longer.
fn build_limited(
    shared: &Arc<Shared>,
    id: &TargetId,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<BuiltTarget> {
    if let Some(err) = shared.gave_up.lock().ok().and_then(|e| e.clone()) {
        return Err(err);
    }
    if let Some(memory) = shared.options.memory
        && isolate::runs_code(&shared.manifest, &id.lang)
    {
        // In a child process under the budget (stopped, not abandoned, past --timeout).
        let job = isolate::job(&shared.options, id, &shared.fixed, memory);
        return isolate::build_in_child(
            &shared.manifest,
            &job,
            shared.options.timeout,
            stage,
        );
    }
    let (send, receive) = mpsc::channel();
    let (thread_shared, thread_id) = (shared.clone(), id.clone());
    std::thread::Builder::new()
        .name(format!("livret {} {}", id.lang, id.layout))
        .stack_size(16 << 20)
        .spawn(move || {
            let s = &*thread_shared;
            let ctx = Context { manifest: &s.manifest, fonts: &s.fonts, date: s.date };
            let on_stage = |what: &str| {
                let _ = send.send(Progress::Stage(what.to_string()));
            };
            let result = build_target(ctx, &thread_id, &s.options, &s.fixed, &on_stage);
            let _ = send.send(Progress::Done(Box::new(result)));
        })
        .map_err(|e| Error::new(format!("cannot start a build thread ({e})")))?;
    let limit = shared.options.timeout;
    let deadline = limit.map(|limit| Instant::now() + limit);
    loop {
        let message = match deadline {
            Some(deadline) => receive
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .map_err(|e| matches!(e, mpsc::RecvTimeoutError::Timeout)),
            None => receive.recv().map_err(|_| false),
        };
        match message {
            Ok(Progress::Stage(what)) => stage(&what),
            Ok(Progress::Done(result)) => return *result,
            Err(true) => {
                let err = isolate::timed_out(id, limit.unwrap_or_default());
                if let Ok(mut first) = shared.gave_up.lock() {
                    first.get_or_insert_with(|| err.clone());
                }
                return Err(err);
            }
            Err(false) => {
                return Err(Error::new(format!(
                    "the build of {} {} stopped unexpectedly",
                    id.lang, id.layout
                )));
            }
        }
    }
}

/// Builds the one target of a child process's job (see [`isolate`]), in this process.
pub fn build_child(job: &isolate::ChildJob) -> Result<BuiltTarget> {
    let pdf_standard = match &job.pdf_standard {
        Some(name) => Some(crate::typeset::export::parse_standard(name)?),
        None => None,
    };
    let options = BuildOptions {
        project: job.project.clone(),
        strict: job.strict,
        print: job.print,
        system_fonts: job.system_fonts,
        force: job.force,
        pdf_standard,
        ..BuildOptions::default()
    };
    let manifest = manifest::load(&job.project)?;
    let fonts = Fonts::load(&manifest.root, job.system_fonts)?;
    let date = world::build_date(manifest.date()?)?;
    let ctx = Context { manifest: &manifest, fonts: &fonts, date };
    let id = TargetId { lang: job.lang.clone(), layout: job.layout.clone() };
    let stage = |what: &str| println!("stage\t{}", what.replace('\n', " "));
    build_target(ctx, &id, &options, &job.fixed, &stage)
}

/// Builds one target unless it is up to date, and records what it read and wrote.
fn build_target(
    ctx: Context,
    id: &TargetId,
    options: &BuildOptions,
    fixed: &str,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<BuiltTarget> {
    let root = &ctx.manifest.root;
    let TargetId { lang, layout } = id;
    if !options.force {
        if let Some(mut done) = incremental::up_to_date(root, lang, layout, fixed) {
            done.up_to_date = true;
            return Ok(done);
        }
        // Not up to date: a stale record must not outlive a half-done rebuild.
        let _ = fs::remove_file(paths::record(root, lang, layout));
    }
    let started = std::time::Instant::now();
    let edition = edition::build(ctx, lang, layout, options, stage)?;
    let mut target = edition.target;
    target.millis = started.elapsed().as_millis() as u64;
    let outputs = incremental::outputs(root, &target, &edition.main)?;
    incremental::write_record(root, fixed, &edition.inputs, outputs, &target)?;
    Ok(target)
}
