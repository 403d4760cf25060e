//! Running a build: the manifest, fonts and date loaded once, the lock taken, the
//! targets built in parallel (rayon), each skipped when up to date and recorded when
//! done, then `report.json` written.

use std::fs;

use rayon::prelude::*;

use crate::build::lock::BuildLock;
use crate::build::options::BuildOptions;
use crate::build::output::BuiltTarget;
use crate::build::target::{Context, standard_name};
use crate::build::{edition, incremental, report};
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
    let manifest = manifest::load(&options.project)?;
    let targets =
        targets::targets(&manifest, &options.langs, &options.layouts, options.shard)?;
    let fonts = Fonts::load(&manifest.root, options.system_fonts)?;
    let date = world::build_date(manifest.date()?)?;
    let ctx = Context { manifest: &manifest, fonts: &fonts, date };
    let _lock = BuildLock::acquire(&manifest.root)?;
    let fixed = fixed_fingerprint(&manifest, &fonts, options)?;
    let jobs = options.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::new(format!("cannot start {jobs} build threads ({e})")))?;
    let results: Vec<Result<BuiltTarget>> = pool.install(|| {
        targets
            .par_iter()
            .map(|id| build_target(ctx, id, options, &fixed, &|what| stage(id, what)))
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
