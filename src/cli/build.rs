//! `livret build`: the options, progress lines, the summary table, the closing line.

use crate::build::{self, BuildOptions, package};
use crate::cli::args::{BuildArgs, Format};
use crate::cli::outcome::ExitStatus;
use crate::cli::progress::BuildDisplay;
use crate::cli::{table, term};
use crate::project::{manifest, paths};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret build` (or lists its targets with `--list-targets`).
pub fn run(args: BuildArgs) -> Result<ExitStatus> {
    let options = BuildOptions {
        project: args.project.project,
        langs: args.langs,
        layouts: args.layouts,
        strict: args.strict,
        print: !args.no_print,
        system_fonts: args.fonts.system_fonts,
        force: args.force,
        jobs: args.jobs,
        timeout: Some(std::time::Duration::from_secs(args.timeout)),
        shard: args.shard,
        pdf_standard: args.pdf_standard,
        memory: args.memory.0,
        reading_first: false,
    };
    if args.list_targets {
        return list_targets(&options, args.format);
    }
    let display = BuildDisplay::new(term::get().quiet, &options.project);
    let built =
        build::build(&options, |id, what| display.stage(id, what), |t| display.done(t))?;
    if !term::get().quiet {
        print!("{}", term::printable(&table::summary(&built)));
    }
    let manifest = manifest::load(&options.project)?;
    if let Some(dir) = &args.package {
        let files = package::package(&manifest, &built, dir)?;
        term::info(&tr!("cli-build-packaged", count = files.len(), path = dir));
    }
    let fresh = built.iter().filter(|t| !t.up_to_date).count();
    let report = paths::shown(&options.project, &paths::report_json(&manifest.guide.id));
    term::info(&tr!(
        "cli-build-done",
        count = fresh,
        kept = built.len() - fresh,
        report = report
    ));
    Ok(ExitStatus::Success)
}

/// The hidden `__isolated JOB`: one target of `build --memory`, in this process
/// (the child), its outcome said on standard output for the parent.
pub fn run_child(job: &str) -> Result<ExitStatus> {
    let job: build::isolate::ChildJob = serde_json::from_str(job).map_err(|e| {
        crate::util::diag::Error::new(tr!("cli-build-not-a-job", reason = e.to_string()))
    })?;
    build::isolate::child_main(&job, build::orchestrate::build_child);
    Ok(ExitStatus::Success)
}

/// `--list-targets`: what would be built, one per line or as JSON.
fn list_targets(options: &BuildOptions, format: Format) -> Result<ExitStatus> {
    let manifest = manifest::load(&options.project)?;
    let targets = options.targets(&manifest)?;
    match format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&targets).expect("serialises"))
        }
        Format::Human => {
            for t in &targets {
                println!("{}", term::printable(&format!("{} {}", t.lang, t.layout)));
            }
        }
    }
    Ok(ExitStatus::Success)
}
