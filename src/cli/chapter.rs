//! `livret chapter rename`: what was moved and edited.

use crate::cli::args::{ChapterCommand, RenameArgs};
use crate::cli::outcome::{ExitStatus, show_report};
use crate::cli::term;
use crate::ops::chapter::{self, RenameOptions, RenameReport};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret chapter …`.
pub fn run(command: ChapterCommand) -> Result<ExitStatus> {
    match command {
        ChapterCommand::Rename(args) => run_rename(args),
    }
}

/// Runs `livret chapter rename`.
fn run_rename(args: RenameArgs) -> Result<ExitStatus> {
    let report = chapter::rename(&RenameOptions {
        project: args.project.project,
        old: args.old,
        new: args.new,
        dry_run: args.dry_run,
    })?;
    for note in &report.notes {
        term::warning(note);
    }
    Ok(show_report(args.format, &report, render, false))
}

/// The rename as text.
fn render(r: &RenameReport) -> String {
    let mut out = String::new();
    for (from, to) in &r.moved {
        let text = if r.dry_run {
            tr!("cli-rename-would-move", from = from.to_string(), to = to.to_string())
        } else {
            tr!("cli-rename-moved", from = from.to_string(), to = to.to_string())
        };
        out.push_str(&format!("{text}\n"));
    }
    for file in &r.edited {
        let text = if r.dry_run {
            tr!("cli-rename-would-edit", file = file.to_string())
        } else {
            tr!("cli-rename-edited", file = file.to_string())
        };
        out.push_str(&format!("{text}\n"));
    }
    let last = if r.dry_run {
        tr!("cli-rename-dry-run")
    } else {
        tr!("cli-rename-done", old = &r.old, new = &r.new)
    };
    out.push_str(&format!("{last}\n"));
    out
}
