//! `livret po export` and `livret po import`: what was written, chapter by chapter.

use crate::cli::args::{PoArgs, PoCommand};
use crate::cli::outcome::{ExitStatus, show_report};
use crate::cli::term;
use crate::ops::po::export::{self, ExportOptions, ExportReport};
use crate::ops::po::import::{self, ImportOptions, ImportReport, Outcome};
use crate::util::diag::Result;

/// Runs `livret po export` or `livret po import`.
pub fn run(command: PoCommand) -> Result<ExitStatus> {
    match command {
        PoCommand::Export(args) => run_export(args),
        PoCommand::Import(args) => run_import(args),
    }
}

/// Runs `livret po export`.
fn run_export(args: PoArgs) -> Result<ExitStatus> {
    let report = export::export(&ExportOptions {
        project: args.project.project,
        lang: args.lang,
        dir: args.dir,
    })?;
    for skipped in &report.skipped {
        term::warning(skipped);
    }
    for c in report.chapters.iter().filter(|c| c.unpaired.is_some()) {
        term::warning(&format!(
            "sources/{}/{}.md is built differently from the source ({}): its msgstr texts start empty",
            report.lang,
            c.chapter,
            c.unpaired.as_deref().unwrap_or("")
        ));
    }
    Ok(show_report(args.format, &report, render_export, false))
}

/// The export as text.
fn render_export(r: &ExportReport) -> String {
    let mut out = String::new();
    for c in &r.chapters {
        out.push_str(&format!(
            "{}  {} entries: {} translated, {} fuzzy, {} untranslated\n",
            c.file, c.entries, c.translated, c.fuzzy, c.untranslated
        ));
    }
    out.push_str(&format!("{}  the template (every text of the guide)\n", r.template));
    out.push_str(&format!(
        "next: translate in a PO editor, then: livret po import --lang {} {}\n",
        r.lang, r.dir
    ));
    out
}

/// Runs `livret po import`.
fn run_import(args: PoArgs) -> Result<ExitStatus> {
    let report = import::import(&ImportOptions {
        project: args.project.project,
        lang: args.lang,
        dir: args.dir,
    })?;
    for notice in &report.notices {
        term::warning(notice);
    }
    Ok(show_report(args.format, &report, render_import, false))
}

/// The import as text.
fn render_import(r: &ImportReport) -> String {
    let mut out = String::new();
    for c in &r.chapters {
        let line = match c.outcome {
            Outcome::Written | Outcome::Unchanged => {
                let done =
                    if c.outcome == Outcome::Written { "written" } else { "unchanged" };
                let review = if c.current {
                    "all accepted".to_string()
                } else {
                    format!("{} fuzzy still to review", c.fuzzy)
                };
                format!("{}  {done}: {} blocks, {review}", c.file, c.translated)
            }
            Outcome::Incomplete => format!(
                "{}  not written: {} of {} blocks untranslated (first: {})",
                c.file,
                c.untranslated,
                c.untranslated + c.translated,
                c.first_untranslated.as_deref().unwrap_or("?")
            ),
            Outcome::Untranslated if c.exists => format!(
                "{}  left as it is: no translation in the PO files{}",
                c.file,
                c.unpaired.as_deref().map_or(String::new(), |why| format!(
                    " (its blocks could not be paired with the source's: {why})"
                ))
            ),
            Outcome::Untranslated => continue,
        };
        out.push_str(&line);
        out.push('\n');
    }
    let waiting = r
        .chapters
        .iter()
        .filter(|c| c.outcome == Outcome::Untranslated && !c.exists)
        .count();
    if waiting > 0 {
        out.push_str(&format!(
            "{waiting} chapter(s) with no translation yet: the build shows them in the source language\n"
        ));
    }
    out
}
