//! Running a build: the project opened once, the lock taken, the targets built in
//! parallel (rayon), each skipped when up to date and recorded when done, then
//! `report.json` written. `watch` builds its one target through [`build_target`] too.
//!
//! typst cannot be stopped from outside, so each target runs under the deadline runner
//! (`util::deadline`) and the build stops waiting for it after `--timeout`: the error
//! names the target and the process ends; what the target wrote is either whole
//! (atomic writes) or not recorded (its record is written last), so the next build
//! makes it again.

use std::fs;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::build::edition::{self, Edition};
use crate::build::lock::BuildLock;
use crate::build::open::Project;
use crate::build::options::BuildOptions;
use crate::build::output::BuiltTarget;
use crate::build::refusals::standard_name;
use crate::build::target::Context;
use crate::build::{incremental, isolate, report};
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::project::targets::TargetId;
use crate::tr;
use crate::typeset::fonts::Fonts;
use crate::typeset::world::GuideWorld;
use crate::util::deadline::{self, Waited};
use crate::util::diag::{Error, Result};

/// Builds the reading PDFs, several targets at once; calls `stage` when a target
/// starts a stage (for progress bars) and `report` as each target is done (in the
/// order they finish).
pub fn build(
    options: &BuildOptions,
    stage: impl Fn(&TargetId, &str) + Sync,
    report: impl FnMut(&BuiltTarget) + Send,
) -> Result<Vec<BuiltTarget>> {
    let report = Mutex::new(report);
    let manifest = Arc::new(crate::project::manifest::load(&options.project)?);
    let targets = options.targets(&manifest)?;
    // The fonts and the fingerprint (which hashes them) only when this process
    // compiles: a target in a child process opens the project itself.
    let opened =
        if options.print || targets.iter().any(|id| !isolated(options, &manifest, id)) {
            Some(Project::with_manifest(manifest.clone(), options.system_fonts)?)
        } else {
            crate::typeset::world::build_date(manifest.date()?)?;
            None
        };
    if let Some(project) = opened.as_ref().filter(|_| options.print) {
        // Every print preset checked before any target compiles or writes.
        crate::typeset::preflight::check_presets(
            &project.manifest,
            &options.layouts,
            &project.fonts,
            project.date,
        )?;
    }
    let _lock = BuildLock::acquire(&manifest.root)?;
    let opened = match opened {
        Some(project) => {
            let fixed = fixed_fingerprint(&project.manifest, &project.fonts, options)?;
            Some((project, fixed))
        }
        None => None,
    };
    let shared = Arc::new(Shared {
        manifest: manifest.clone(),
        opened,
        options: options.clone(),
        chapters: edition::Shared::default(),
        gave_up: Mutex::new(None),
    });
    let jobs = options.jobs.unwrap_or(0);
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map_err(|e| {
            Error::new(tr!("build-threads-failed", count = jobs, reason = e.to_string()))
        })?;
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
pub fn fixed_fingerprint(
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

/// Whether the target `id` is built in a child process under the memory budget (its
/// language shows Typst chapters, which run code).
fn isolated(options: &BuildOptions, manifest: &Manifest, id: &TargetId) -> bool {
    options.memory.is_some() && isolate::runs_code(manifest, &id.lang)
}

/// What every target's thread shares (owned: the thread may outlive the build).
struct Shared {
    manifest: Arc<Manifest>,
    /// The project with its fonts and the build's fingerprint, when a target is built
    /// in this process (or print presets are checked).
    opened: Option<(Project, String)>,
    options: BuildOptions,
    /// The chapters converted so far, once per build.
    chapters: edition::Shared,
    /// The error of the first target that took too long: the others then stop.
    gave_up: Mutex<Option<Error>>,
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
        && isolated(&shared.options, &shared.manifest, id)
    {
        // In a child process under the budget (stopped, not abandoned, past --timeout).
        let fixed = shared.opened.as_ref().map(|(_, fixed)| fixed.as_str());
        let job = isolate::job(&shared.options, id, fixed, memory);
        return isolate::build_in_child(
            &shared.manifest,
            &job,
            shared.options.timeout,
            stage,
        );
    }
    let (thread_shared, thread_id) = (shared.clone(), id.clone());
    let work = move |note: &(dyn Fn(String) + Sync)| {
        let s = &*thread_shared;
        let on_stage = |what: &str| note(what.to_string());
        let (project, fixed) = s.opened.as_ref().expect("opened for in-process targets");
        let mut world = None;
        build_target(
            project.context(),
            &thread_id,
            &s.options,
            fixed,
            &s.chapters,
            &mut world,
            &on_stage,
        )
        .map(|outcome| outcome.target())
    };
    let name = format!("livret {} {}", id.lang, id.layout);
    match deadline::run(&name, shared.options.timeout, work, |what| stage(&what))? {
        Waited::Done(result) => result,
        Waited::TimedOut(limit) => {
            let err = isolate::timed_out(id, limit);
            if let Ok(mut first) = shared.gave_up.lock() {
                first.get_or_insert_with(|| err.clone());
            }
            Err(err)
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
    let project = Project::open(&job.project, job.system_fonts)?;
    let fixed = match &job.fixed {
        Some(fixed) => fixed.clone(),
        None => fixed_fingerprint(&project.manifest, &project.fonts, &options)?,
    };
    let id = TargetId { lang: job.lang.clone(), layout: job.layout.clone() };
    let stage = |what: &str| println!("stage\t{}", what.replace('\n', " "));
    let chapters = edition::Shared::default();
    let mut world = None;
    let ctx = project.context();
    build_target(ctx, &id, &options, &fixed, &chapters, &mut world, &stage)
        .map(Outcome::target)
}

/// What became of one target.
pub enum Outcome {
    /// Nothing it depends on changed: its recorded files were kept.
    UpToDate(Box<BuiltTarget>),
    /// Built and recorded.
    Built(Box<Edition>),
}

impl Outcome {
    /// What the build reports for the target.
    pub fn target(self) -> BuiltTarget {
        match self {
            Self::UpToDate(target) => *target,
            Self::Built(edition) => edition.target,
        }
    }
}

/// Builds one target unless it is up to date (or `options.force`), and records what it
/// read and wrote. `kept` holds the world of an earlier build of the target, if any,
/// and keeps this one's afterwards.
pub fn build_target(
    ctx: Context,
    id: &TargetId,
    options: &BuildOptions,
    fixed: &str,
    chapters: &edition::Shared,
    kept: &mut Option<GuideWorld>,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<Outcome> {
    let root = &ctx.manifest.root;
    let TargetId { lang, layout } = id;
    if !options.force
        && let Some(mut done) = incremental::up_to_date(root, lang, layout, fixed)
    {
        done.up_to_date = true;
        return Ok(Outcome::UpToDate(Box::new(done)));
    }
    // A stale record must not outlive a half-done rebuild.
    let record = paths::record(root, lang, layout);
    match fs::remove_file(&record) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::io("remove the build record", &record, e));
        }
        _ => {}
    }
    let started = std::time::Instant::now();
    let mut edition = edition::build(ctx, id, options, chapters, kept, stage)?;
    edition.target.millis = started.elapsed().as_millis() as u64;
    incremental::write_record(
        root,
        fixed,
        &edition.inputs,
        edition.outputs.clone(),
        &edition.target,
    )?;
    Ok(Outcome::Built(Box::new(edition)))
}
