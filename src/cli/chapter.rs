//! `livret chapter rename`: what was moved and edited.

use crate::cli::args::{ChapterCommand, RenameArgs};
use crate::cli::outcome::{ExitStatus, show_report};
use crate::cli::term;
use crate::ops::chapter::{self, RenameOptions, RenameReport};
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
    let verb = if r.dry_run { "would move" } else { "moved" };
    let mut out = String::new();
    for (from, to) in &r.moved {
        out.push_str(&format!("{verb} {from} -> {to}\n"));
    }
    let edit = if r.dry_run { "would edit" } else { "edited" };
    for file in &r.edited {
        out.push_str(&format!("{edit} {file}\n"));
    }
    if r.dry_run {
        out.push_str("nothing was changed (--dry-run)\n");
    } else {
        out.push_str(&format!("chapter `{}` is now `{}`\n", r.old, r.new));
    }
    out
}
