//! `livret po export` and `livret po import`: what was written, chapter by chapter.

use crate::cli::args::{PoArgs, PoCommand};
use crate::cli::outcome::{ExitStatus, show_report};
use crate::cli::term;
use crate::ops::po::export::{self, ExportOptions, ExportReport};
use crate::ops::po::import::{self, ChapterImport, ImportOptions, ImportReport, Outcome};
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
            "sources/{}/{}.md is built differently from the source: {}; the source's blocks without a counterpart start empty in the PO, every other block is paired",
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
            "{}  {} entries: {} translated, {} fuzzy, {} untranslated",
            c.file, c.entries, c.translated, c.fuzzy, c.untranslated
        ));
        if c.kept > 0 {
            out.push_str(&format!(
                "; {} translation(s) of the PO file kept, not imported yet",
                c.kept
            ));
        }
        if c.obsolete > 0 {
            out.push_str(&format!(
                "; {} obsolete (#~) entr{} of blocks no longer in the source",
                c.obsolete,
                if c.obsolete == 1 { "y" } else { "ies" }
            ));
        }
        out.push('\n');
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
    let problems = report.has_problems();
    Ok(show_report(args.format, &report, render_import, problems))
}

/// The import as text.
fn render_import(r: &ImportReport) -> String {
    let mut out = String::new();
    for c in &r.chapters {
        let line = match c.outcome {
            Outcome::Written | Outcome::Unchanged => {
                let done =
                    if c.outcome == Outcome::Written { "written" } else { "unchanged" };
                let mut review = if c.current {
                    "all accepted".to_string()
                } else {
                    format!("{} fuzzy still to review", c.fuzzy)
                };
                if c.untranslated > 0 {
                    review.push_str(&format!(
                        "; {} not translated yet (the source text, marked; first: {})",
                        c.untranslated,
                        c.first_untranslated.as_deref().unwrap_or("?")
                    ));
                }
                if c.kept > 0 {
                    review.push_str(&format!(
                        "; {} block(s) changed in the chapter since the export kept as they are",
                        c.kept
                    ));
                }
                format!(
                    "{}  {done}: {} blocks translated, {review}",
                    c.file, c.translated
                )
            }
            Outcome::Conflicts => conflicts(c),
            Outcome::Unpaired => format!(
                "{}  left as it is: {}",
                c.file,
                c.unpaired.as_deref().unwrap_or("")
            ),
            Outcome::Untranslated if c.exists => {
                format!("{}  left as it is: no translation in the PO files", c.file)
            }
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
    if r.has_problems() {
        out.push_str("the chapters left as they are were not changed at all; the others were written\n");
    }
    out
}

/// The lines of a chapter left as it is for conflicts: each block with both texts.
fn conflicts(c: &ChapterImport) -> String {
    let mut out = format!(
        "{}  left as it is: {} block(s) changed both in the PO file and in the chapter since the export",
        c.file,
        c.conflicts.len()
    );
    for k in &c.conflicts {
        out.push_str(&format!(
            "\n  conflict at {} (source {}):\n    PO file {}:\n      {}\n    chapter {}:\n      {}",
            k.po,
            k.source,
            k.po,
            k.po_text.replace('\n', "\n      "),
            k.chapter,
            k.chapter_text.replace('\n', "\n      ")
        ));
    }
    out.push_str("\n  hint: choose for each block: to keep the chapter's text, empty the msgstr (or copy the chapter's text into it); to keep the PO's, copy it into the chapter; then import again");
    out
}
