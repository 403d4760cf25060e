//! `livret report merge`: the shards' report.json into one.

use crate::build::report;
use crate::cli::args::ReportCommand;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::tr;
use crate::util::diag::Result;
use crate::util::fs::write_atomic;

/// Runs `livret report …`.
pub fn run(command: ReportCommand) -> Result<ExitStatus> {
    let ReportCommand::Merge { reports, output } = command;
    let merged = report::merge(&reports)?;
    let json = serde_json::to_string_pretty(&merged).expect("serialises");
    match output {
        Some(path) => {
            write_atomic(&path, format!("{json}\n").as_bytes())?;
            term::info(&tr!(
                "cli-report-merged",
                path = &path,
                count = merged.outputs.len(),
                reports = reports.len()
            ));
        }
        None => println!("{json}"),
    }
    Ok(ExitStatus::Success)
}
