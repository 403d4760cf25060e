//! How a command ends: its exit status, and reports printed as text or JSON.

use std::process::ExitCode;

use crate::cli::args::Format;

/// How the process ends: 0 success, 1 problems found, 2 bad usage or bad input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Done, nothing to report.
    Success,
    /// The command ran and found problems (`check`, `fonts`, `images`).
    Problems,
    /// Bad usage or bad input: nothing (more) was done.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Problems => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Prints a report as JSON or as text for people; exit status 1 when it found problems.
pub fn show_report<T: serde::Serialize + ?Sized>(
    format: Format,
    report: &T,
    human: impl FnOnce(&T) -> String,
    problems: bool,
) -> ExitStatus {
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(report).expect("reports serialise")
        ),
        Format::Human => print!("{}", crate::cli::term::printable(&human(report))),
    }
    if problems { ExitStatus::Problems } else { ExitStatus::Success }
}
