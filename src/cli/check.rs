//! `livret check`: the translation reports, as a table and lines or as JSON.

use crate::cli::args::CheckArgs;
use crate::cli::budget;
use crate::cli::check_changes as changes;
use crate::cli::check_findings as findings;
use crate::cli::outcome::{ExitStatus, show_report};
use crate::ops::check::{self, CheckOptions, LanguageReport};
use crate::project::chapters;
use crate::util::diag::Result;

/// Runs `livret check`: exit status 1 when a language needs attention.
pub fn run(args: CheckArgs) -> Result<ExitStatus> {
    let options = CheckOptions {
        project: args.project.project,
        langs: args.langs,
        accept: args.accept,
        intended: args.intended,
        system_fonts: args.fonts.system_fonts,
    };
    let reports = budget::within(args.timeout, "check", move || check::check(&options))?;
    let problems = reports.iter().any(|r| r.has_problems());
    Ok(show_report(args.format, &reports, |r| render_human(r), problems))
}

/// The human report: a table, then one line per problem with what to do.
fn render_human(reports: &[LanguageReport]) -> String {
    let mut out = String::new();
    out.push_str(
        "language  chapters  missing  stale  no-glyph  per layout: pages, sheets per print preset (source language's in brackets)\n",
    );
    for r in reports {
        let pages: Vec<String> = r
            .layouts
            .iter()
            .map(|l| {
                let sheets: Vec<String> = l
                    .sheets
                    .iter()
                    .map(|(p, here, there)| format!("{p} {here} ({there})"))
                    .collect();
                let sheets = if sheets.is_empty() {
                    String::new()
                } else {
                    format!(": {}", sheets.join(", "))
                };
                format!("{} {} p. ({}){sheets}", l.layout, l.pages, l.source_pages)
            })
            .collect();
        out.push_str(&format!(
            "{:<9} {:>3}/{:<4} {:>7}  {:>5}  {:>8}  {}\n",
            r.lang,
            r.translated,
            r.chapters,
            r.missing.len(),
            r.stale.len(),
            r.unshowable.len(),
            pages.join("; ")
        ));
    }
    for r in reports {
        problem_lines(r, &mut out);
    }
    out
}

/// One line per problem of a language, each saying what to do.
fn problem_lines(r: &LanguageReport, out: &mut String) {
    for m in &r.missing {
        out.push_str(&format!(
            "{}: {} (the source chapter is shown with a banner)\n",
            r.lang,
            chapters::missing_translation(m)
        ));
    }
    for p in &r.placeholders {
        let lines: Vec<String> = p.lines.iter().map(|l| l.to_string()).collect();
        let line = crate::tr!(
            "placeholders-not-translated",
            lang = r.lang.as_str(),
            file = p.file.as_str(),
            count = p.blocks,
            lines = lines.join(", "),
            mark = p.mark.as_str(),
        );
        out.push_str(&format!("{line}\n"));
    }
    for s in &r.stale {
        changes::stale_lines(&r.lang, s, out);
    }
    for u in &r.unshowable {
        out.push_str(&format!(
            "{}: {}: `{}` {} {} has no glyph in the language's fonts (it prints as an empty box)\n",
            r.lang, u.place, u.character, u.code_point, u.name
        ));
    }
    for l in &r.layouts {
        for (preset, here, there) in &l.sheets {
            if here > there {
                out.push_str(&format!(
                    "{}: {} needs {here} sheet(s) per copy on {preset}, {} more than the source language\n",
                    r.lang,
                    l.layout,
                    here - there
                ));
            }
        }
    }
    for o in &r.overflows {
        let place = o.place.as_ref().map_or(String::new(), |p| format!("{p}: "));
        out.push_str(&format!(
            "{}: {place}`{}` runs {:.1} mm out of its column in {} (page {}); shorten it, allow a break (a hyphen or a space), or check the layout\n",
            r.lang, o.text, o.excess_mm, o.layout, o.page
        ));
    }
    for h in &r.lonely_headings {
        let place = h.place.as_ref().map_or(String::new(), |p| format!("{p}: "));
        out.push_str(&format!(
            "{}: {place}heading `{}` ends page {} of {} with nothing after it, its text starts overleaf; shorten what follows it or the page before it\n",
            r.lang, h.heading, h.page, h.layout
        ));
    }
    for e in &r.empty_pages {
        let within = e.chapter.as_ref().map_or(String::new(), |c| format!(" (in {c})"));
        out.push_str(&format!(
            "{}: page {} of {} is empty{within}; look for a page break too many, or something too big for the page before it\n",
            r.lang, e.page, e.layout
        ));
    }
    for w in &r.warnings {
        out.push_str(&format!("{}: warning: {w}\n", r.lang));
    }
    findings::orphan_lines(&r.lang, &r.orphans, out);
    findings::finding_lines(&r.lang, &r.findings, out);
}
