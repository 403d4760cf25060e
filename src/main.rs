//! The `livret` command: arguments → dispatch → errors with hints → exit code.

mod args;

use std::process::ExitCode;

use clap::Parser;
use livret::build::{self, BuildOptions};
use livret::check::{self, CheckOptions};
use livret::diag::Result;
use livret::image_report::{self, ImageReportOptions};
use livret::preview::{self, PreviewOptions};
use livret::progress::BuildDisplay;
use livret::proof::{self, ProofOptions};
use livret::term::{self, Term};
use livret::watch::{self, WatchEvent, WatchOptions};

use livret::impose_command::{self, ImposeConfig};

use crate::args::{BuildArgs, CheckArgs, Cli, Command, ImposeArgs, ReportCommand};

/// How the process ends: 0 success, 1 problems found, 2 bad usage or input.
enum ExitStatus {
    Success,
    Problems,
    Error,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            // clap's "tip:" lines read as livret's other hints.
            let text = err.render().to_string();
            let text =
                text.replace("\n\n  tip: ", "\nhint: ").replace("  tip: ", "hint: ");
            eprint!("{text}");
            return ExitCode::from(2);
        }
        Err(err) => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
    };
    Term::new(cli.color, cli.quiet, cli.verbose).install();
    let status = match dispatch(cli.command) {
        Ok(status) => status,
        Err(err) => {
            eprintln!("{}", term::render_error(&err));
            ExitStatus::Error
        }
    };
    match status {
        ExitStatus::Success => ExitCode::SUCCESS,
        ExitStatus::Problems => ExitCode::from(1),
        ExitStatus::Error => ExitCode::from(2),
    }
}

/// Runs one command.
fn dispatch(command: Command) -> Result<ExitStatus> {
    match command {
        Command::Build(args) => run_build(args),
        Command::Impose(args) => run_impose(args),
        Command::Check(args) => run_check(args),
        Command::New { dir, langs, layouts, force } => {
            let files = livret::new::create(&livret::new::NewOptions {
                dir: dir.clone(),
                langs,
                layouts,
                force,
            })?;
            term::info(&format!("created {} with {} files", dir.display(), files.len()));
            term::info(&format!(
                "next: cd {} && livret build   (then edit sources/guide.toml and the chapters)",
                dir.display()
            ));
            Ok(ExitStatus::Success)
        }
        Command::Fonts { project, format } => {
            let json = json_format(&format)?;
            let report = livret::fonts::report(&project.project)?;
            Ok(show_report(json, &report, livret::fonts::render_human, report.has_gaps()))
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(
                shell,
                &mut command,
                "livret",
                &mut std::io::stdout(),
            );
            Ok(ExitStatus::Success)
        }
        Command::Man { dir } => {
            let command = <Cli as clap::CommandFactory>::command();
            std::fs::create_dir_all(&dir)
                .map_err(|e| livret::diag::Error::io("create folder", &dir, e))?;
            clap_mangen::generate_to(command, &dir)
                .map_err(|e| livret::diag::Error::io("write manual pages in", &dir, e))?;
            term::info(&format!("wrote the manual pages in {}", dir.display()));
            Ok(ExitStatus::Success)
        }
        Command::Report(ReportCommand::Merge { reports, output }) => {
            let merged = livret::report::merge(&reports)?;
            let json = serde_json::to_string_pretty(&merged).expect("serialises");
            match output {
                Some(path) => {
                    livret::export::write_atomic(&path, format!("{json}\n").as_bytes())?;
                    term::info(&format!(
                        "wrote {} ({} outputs from {} reports)",
                        path.display(),
                        merged.outputs.len(),
                        reports.len()
                    ));
                }
                None => println!("{json}"),
            }
            Ok(ExitStatus::Success)
        }
        Command::Images(args) => {
            let json = json_format(&args.format)?;
            let options = ImageReportOptions {
                project: args.project.project,
                langs: args.langs,
                layouts: args.layouts,
            };
            let reports = image_report::report(&options)?;
            let blurry = reports.iter().any(|r| r.images.iter().any(|i| i.blurry));
            Ok(show_report(json, &reports, |r| image_report::render_human(r), blurry))
        }
        Command::Preview(args) => {
            let options = PreviewOptions {
                project: args.project.project,
                langs: args.langs,
                layouts: args.layouts,
                dpi: args.dpi,
                pages: !args.contact_only,
            };
            for done in preview::preview(&options)? {
                term::info(&format!(
                    "wrote {} and {} page PNG(s)",
                    done.contact_sheet.display(),
                    done.pages.len()
                ));
            }
            Ok(ExitStatus::Success)
        }
        Command::Watch(args) => {
            let options = WatchOptions {
                project: args.project.project,
                lang: args.lang,
                layout: args.layout,
                max_builds: args.max_builds,
                serve: args.serve.then_some(args.port),
            };
            watch::watch(&options, |event| {
                use std::io::Write;
                match event {
                    WatchEvent::Built { pdf, pages, took, compile, warnings } => {
                        for w in warnings {
                            term::warning(w);
                        }
                        term::info(&format!(
                            "built {} ({pages} pages) in {} ms (typst {} ms)",
                            pdf.display(),
                            took.as_millis(),
                            compile.as_millis()
                        ));
                    }
                    WatchEvent::Failed(err) => {
                        eprintln!("{}", term::render_error(err));
                        term::info("failed; watching for the next change");
                    }
                    WatchEvent::Serving(addr) => {
                        term::info(&format!("serving the pages at http://{addr}/"));
                    }
                }
                let _ = std::io::stdout().flush();
            })?;
            Ok(ExitStatus::Success)
        }
        Command::Proof(args) => {
            let options = ProofOptions {
                project: args.project.project,
                lang: args.lang,
                against: args.against,
                layout: args.layout,
            };
            let done = proof::proof(&options)?;
            term::info(&format!(
                "wrote {} ({} proof sheet(s))",
                done.pdf.display(),
                done.sheets
            ));
            Ok(ExitStatus::Success)
        }
    }
}

/// The guide id, read from a built target's path (`out/<guide>/…`).
fn guide_id(built: &[build::BuiltTarget]) -> String {
    built
        .first()
        .and_then(|t| t.pdf.iter().nth(1).and_then(|s| s.to_str()).map(String::from))
        .unwrap_or_default()
}

/// Prints a report as JSON or as text for people; exit status 1 when it found
/// problems.
fn show_report<T: serde::Serialize + ?Sized>(
    json: bool,
    report: &T,
    human: impl FnOnce(&T) -> String,
    problems: bool,
) -> ExitStatus {
    if json {
        println!("{}", serde_json::to_string_pretty(report).expect("reports serialise"));
    } else {
        print!("{}", human(report));
    }
    if problems { ExitStatus::Problems } else { ExitStatus::Success }
}

/// Whether `--format` asks for JSON (`json`) rather than text (`human`).
fn json_format(format: &str) -> Result<bool> {
    match format {
        "human" => Ok(false),
        "json" => Ok(true),
        other => Err(livret::diag::Error::new(format!("unknown format `{other}`"))
            .with_hint("use --format human or --format json")),
    }
}

/// `livret check`.
fn run_check(args: CheckArgs) -> Result<ExitStatus> {
    let json = json_format(&args.format)?;
    let options = CheckOptions {
        project: args.project.project,
        langs: args.langs,
        accept: args.accept,
    };
    let reports = check::check(&options)?;
    let problems = reports.iter().any(|r| r.has_problems());
    Ok(show_report(json, &reports, |r| check::render_human(r), problems))
}

/// `livret impose`.
fn run_impose(args: ImposeArgs) -> Result<ExitStatus> {
    let config = ImposeConfig::new(
        args.input,
        args.output,
        &args.scheme,
        &args.sheet,
        &args.duplex,
        args.signature_sheets,
        args.creep,
        &args.marks,
        args.printer_margin,
        args.manual_duplex,
        args.plan,
        &args.blanks,
        &args.binding,
        args.fit.as_deref(),
    )?;
    let config =
        ImposeConfig { preview: args.preview.map(|d| (d, args.preview_dpi)), ..config };
    let done = impose_command::impose(&config)?;
    for warning in &done.warnings {
        term::warning(warning);
    }
    let t = done.plan.ticket();
    term::info(&format!(
        "{} pages → {} {} sheet(s) of {} ({} booklet(s))",
        t.pages, t.sheets, t.scheme, config.sheet_name, t.booklets
    ));
    for file in &done.files {
        term::info(&format!("wrote {}", file.display()));
    }
    Ok(ExitStatus::Success)
}

/// `livret build`.
fn run_build(args: BuildArgs) -> Result<ExitStatus> {
    let options = BuildOptions {
        project: args.project.project,
        langs: args.langs,
        layouts: args.layouts,
        strict: args.strict,
        print: !args.no_print,
        system_fonts: args.fonts.system_fonts,
        force: args.force,
        jobs: args.jobs,
        shard: match &args.shard {
            Some(text) => Some(text.parse().map_err(|e: String| {
                livret::diag::Error::new(format!("--shard: {e}")).with_hint(
                    "--shard 1/3 builds the first of three parts of the targets",
                )
            })?),
            None => None,
        },
        pdf_standard: match &args.pdf_standard {
            Some(name) => Some(livret::export::parse_standard(name)?),
            None => None,
        },
    };
    if args.list_targets {
        let manifest = livret::manifest::load(&options.project)?;
        let targets =
            build::targets(&manifest, &options.langs, &options.layouts, options.shard)?;
        if json_format(&args.format)? {
            println!("{}", serde_json::to_string_pretty(&targets).expect("serialises"));
        } else {
            for t in &targets {
                println!("{} {}", t.lang, t.layout);
            }
        }
        return Ok(ExitStatus::Success);
    }
    let display = BuildDisplay::new(term::get().quiet, &options.project);
    let built =
        build::build(&options, |id, what| display.stage(id, what), |t| display.done(t))?;
    if !term::get().quiet {
        print!("{}", build::summary_table(&built));
    }
    if let Some(dir) = &args.package {
        let manifest = livret::manifest::load(&options.project)?;
        let files = livret::package::package(&manifest, &built, dir)?;
        term::info(&format!(
            "packaged {} file(s) for the print shop in {} (see its README.txt)",
            files.len(),
            dir.display()
        ));
    }
    let fresh = built.iter().filter(|t| !t.up_to_date).count();
    term::info(&format!(
        "built {fresh} target(s), {} up to date (--force rebuilds them); every output is listed in {}/report.json",
        built.len() - fresh,
        if options.project == std::path::Path::new(".") {
            std::path::PathBuf::from("out")
        } else {
            options.project.join("out")
        }
        .join(guide_id(&built))
        .display()
    ));
    Ok(ExitStatus::Success)
}
