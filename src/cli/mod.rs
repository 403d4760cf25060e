//! The command line: typed arguments, one module per command (`run(args)`), and how
//! results are shown (text for people, JSON for tools, progress, tables, colours).

pub mod args;
mod budget;
mod build;
mod calibrate;
mod chapter;
mod check;
mod check_changes;
mod check_findings;
mod desk;
mod fonts;
mod help;
mod images;
mod impose;
mod impose_args;
mod manual;
mod new;
pub mod outcome;
mod po;
mod preview;
pub mod progress;
mod proof;
mod report;
mod supervise;
pub mod table;
pub mod term;
mod usage;
mod watch;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::i18n;

pub use outcome::ExitStatus;

use crate::cli::args::{Cli, Command};
use crate::cli::supervise::Kind;

/// Parses the command line; on a usage error (or `--help`, `--version`) prints clap's
/// text in the interface language, its tips as livret's hints, and gives the exit code to end with.
pub fn parse() -> std::result::Result<Cli, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::install(i18n::detect(i18n::flag_in_args(&args)));
    // The help texts only change what clap prints, not what it parses: the catalogue's
    // tree is built only when there is help, a version or an error to print.
    let parse = |cmd: clap::Command| {
        cmd.try_get_matches_from(&args)
            .and_then(|matches| Cli::from_arg_matches(&matches))
    };
    let parsed = parse(Cli::command()).or_else(|_| parse(help::localize(Cli::command())));
    match parsed {
        Ok(cli) => Ok(cli),
        Err(err) if err.use_stderr() => {
            eprint!("{}", usage::render(&err));
            Err(ExitCode::from(2))
        }
        Err(err) => {
            let _ = err.print();
            Err(ExitCode::SUCCESS)
        }
    }
}

/// Runs one command and prints its error, if any, with its hints.
pub fn run(command: Command) -> ExitStatus {
    let result = match command {
        Command::Build(args) => build::run(args),
        Command::Impose(args) => impose::run(args),
        Command::Calibrate(args) => calibrate::run(args),
        Command::Check(args) => {
            let (memory, project) = (args.memory.0, args.project.project.clone());
            let langs = args.langs.clone();
            supervise::run(memory, &project, &langs, Kind::Once, || check::run(args))
        }
        Command::New(args) => new::run(args),
        Command::Fonts(args) => fonts::run(args),
        Command::Completions { shell } => manual::completions(shell),
        Command::Man { dir } => manual::man(&dir),
        Command::Report(command) => report::run(command),
        Command::Images(args) => {
            let (memory, project) = (args.memory.0, args.project.project.clone());
            let langs = args.langs.clone();
            supervise::run(memory, &project, &langs, Kind::Once, || images::run(args))
        }
        Command::Preview(args) => {
            let (memory, project) = (args.memory.0, args.project.project.clone());
            let langs = args.langs.clone();
            supervise::run(memory, &project, &langs, Kind::Once, || preview::run(args))
        }
        Command::Watch(args) => {
            let (memory, project) = (args.memory.0, args.project.project.clone());
            let langs = [args.lang.clone()];
            supervise::run(memory, &project, &langs, Kind::Watch, || watch::run(args))
        }
        Command::Desk(args) => desk::run(args),
        Command::Proof(args) => {
            let (memory, project) = (args.memory.0, args.project.project.clone());
            let langs: Vec<String> =
                std::iter::once(args.lang.clone()).chain(args.against.clone()).collect();
            supervise::run(memory, &project, &langs, Kind::Once, || proof::run(args))
        }
        Command::Po(command) => po::run(command),
        Command::Chapter(command) => chapter::run(command),
        Command::BuildTarget { job } => build::run_child(&job),
    };
    result.unwrap_or_else(|err| {
        eprintln!("{}", term::render_error(&err));
        ExitStatus::Error
    })
}
