//! `livret po export` and `livret po import`: what was written, chapter by chapter.

use crate::cli::args::{PoArgs, PoCommand};
use crate::cli::outcome::{ExitStatus, show_report};
use crate::cli::term;
use crate::i18n::Text;
use crate::ops::po::export::{self, ExportOptions, ExportReport};
use crate::ops::po::import::{self, ChapterImport, ImportOptions, ImportReport, Outcome};
use crate::tr;
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
        let file = format!("sources/{}/{}.md", report.lang, c.chapter);
        let reason = c.unpaired.as_ref().map(|u| u.to_string()).unwrap_or_default();
        term::warning(&tr!("cli-po-unpaired", file = file, reason = reason));
    }
    Ok(show_report(args.format, &report, render_export, false))
}

/// The export as text.
fn render_export(r: &ExportReport) -> String {
    let mut out = String::new();
    for c in &r.chapters {
        let mut line = tr!(
            "cli-po-exported",
            count = c.entries,
            translated = c.translated,
            fuzzy = c.fuzzy,
            untranslated = c.untranslated
        );
        if c.kept > 0 {
            line = line.join("; ", &tr!("cli-po-exported-kept", count = c.kept));
        }
        if c.obsolete > 0 {
            line = line.join("; ", &tr!("cli-po-exported-obsolete", count = c.obsolete));
        }
        out.push_str(&format!("{}  {line}\n", c.file));
    }
    out.push_str(&format!("{}  {}\n", r.template, tr!("cli-po-template")));
    let import = format!("livret po import --lang {} {}", r.lang, r.dir);
    out.push_str(&format!("{}\n", tr!("cli-po-next", command = import)));
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
                format!("{}  {}", c.file, imported(c))
            }
            Outcome::Conflicts => conflicts(c),
            Outcome::Unpaired => {
                let reason =
                    c.unpaired.as_ref().map(|u| u.to_string()).unwrap_or_default();
                format!("{}  {}", c.file, tr!("cli-po-left-unpaired", reason = reason))
            }
            Outcome::Untranslated if c.exists => {
                format!("{}  {}", c.file, tr!("cli-po-left-untranslated"))
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
        out.push_str(&format!("{}\n", tr!("cli-po-waiting", count = waiting)));
    }
    if r.has_problems() {
        out.push_str(&format!("{}\n", tr!("cli-po-left-unchanged")));
    }
    out
}

/// What was imported into a chapter written (or found unchanged).
fn imported(c: &ChapterImport) -> Text {
    let mut review = if c.current {
        tr!("cli-po-all-accepted")
    } else {
        tr!("cli-po-fuzzy-to-review", count = c.fuzzy)
    };
    if c.untranslated > 0 {
        let first = c.first_untranslated.as_ref().map(|f| f.to_string());
        let text = tr!(
            "cli-po-not-translated-yet",
            count = c.untranslated,
            first = first.unwrap_or_else(|| "?".into())
        );
        review = review.join("; ", &text);
    }
    if c.kept > 0 {
        review = review.join("; ", &tr!("cli-po-kept-in-chapter", count = c.kept));
    }
    if c.outcome == Outcome::Written {
        tr!("cli-po-written", count = c.translated, review = review)
    } else {
        tr!("cli-po-unchanged", count = c.translated, review = review)
    }
}

/// The lines of a chapter left as it is for conflicts: each block with both texts.
fn conflicts(c: &ChapterImport) -> String {
    let mut out =
        format!("{}  {}", c.file, tr!("cli-po-conflicts", count = c.conflicts.len()));
    for k in &c.conflicts {
        out.push_str(&format!(
            "\n  {}\n    {}\n      {}\n    {}\n      {}",
            tr!("cli-po-conflict-at", place = &k.po, source = &k.source),
            tr!("cli-po-conflict-po", place = &k.po),
            k.po_text.replace('\n', "\n      "),
            tr!("cli-po-conflict-chapter", place = &k.chapter),
            k.chapter_text.replace('\n', "\n      ")
        ));
    }
    out.push_str(&format!("\n  {} {}", tr!("term-hint"), tr!("cli-po-conflicts-hint")));
    out
}
