//! `livret check`: the translation reports, as a table and lines or as JSON.

use crate::cli::args::CheckArgs;
use crate::cli::budget;
use crate::cli::check_changes as changes;
use crate::cli::check_findings as findings;
use crate::cli::outcome::{ExitStatus, show_report};
use crate::i18n::{self, Text};
use crate::ops::check::{self, CheckOptions, LanguageReport};
use crate::project::chapters;
use crate::tr;
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
    let mut rows = vec![[
        tr!("cli-check-col-language").to_string(),
        tr!("cli-check-col-chapters").to_string(),
        tr!("cli-check-col-missing").to_string(),
        tr!("cli-check-col-stale").to_string(),
        tr!("cli-check-col-no-glyph").to_string(),
        tr!("cli-check-col-layouts").to_string(),
    ]];
    rows.extend(reports.iter().map(|r| {
        [
            r.lang.clone(),
            format!("{}/{}", r.translated, r.chapters),
            r.missing.len().to_string(),
            r.stale.len().to_string(),
            r.unshowable.len().to_string(),
            layout_cells(r),
        ]
    }));
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                if (1..=4).contains(&c) {
                    format!("{cell:>w$}")
                } else {
                    format!("{cell:<w$}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    for r in reports {
        problem_lines(r, &mut out);
    }
    out
}

/// A language's pages and sheets per layout, the source language's in brackets.
fn layout_cells(r: &LanguageReport) -> String {
    let pages: Vec<String> = r
        .layouts
        .iter()
        .map(|l| {
            let sheets: Vec<String> = l
                .sheets
                .iter()
                .map(|(p, here, there)| format!("{p} {here} ({there})"))
                .collect();
            let pages = tr!(
                "cli-check-layout-pages",
                layout = &l.layout,
                pages = l.pages,
                source = l.source_pages
            );
            if sheets.is_empty() {
                pages.to_string()
            } else {
                tr!("cli-check-layout-sheets", pages = pages, sheets = sheets.join(", "))
                    .to_string()
            }
        })
        .collect();
    pages.join("; ")
}

/// One line per problem of a language, each saying what to do.
fn problem_lines(r: &LanguageReport, out: &mut String) {
    for m in &r.missing {
        let missing = chapters::missing_translation(m);
        line(out, &r.lang, tr!("cli-check-missing", missing = missing));
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
        let text = tr!(
            "cli-check-no-glyph",
            place = u.place.to_string(),
            character = u.character.to_string(),
            code = u.code_point.to_string(),
            name = u.name.to_string()
        );
        line(out, &r.lang, text);
    }
    layout_lines(r, out);
    for o in &r.overflows {
        let text = tr!(
            "cli-check-overflow",
            text = o.text.to_string(),
            excess = i18n::decimal(o.excess_mm, 1),
            layout = o.layout.to_string(),
            page = o.page
        );
        line(out, &r.lang, placed(o.place.as_ref(), text));
    }
    for h in &r.lonely_headings {
        let text = tr!(
            "cli-check-lonely-heading",
            heading = h.heading.to_string(),
            page = h.page,
            layout = h.layout.to_string()
        );
        line(out, &r.lang, placed(h.place.as_ref(), text));
    }
    for e in &r.empty_pages {
        let text = match &e.chapter {
            Some(chapter) => tr!(
                "cli-check-empty-page-in",
                page = e.page,
                layout = e.layout.to_string(),
                chapter = chapter.to_string()
            ),
            None => {
                tr!("cli-check-empty-page", page = e.page, layout = e.layout.to_string())
            }
        };
        line(out, &r.lang, text);
    }
    for w in &r.warnings {
        line(out, &r.lang, tr!("cli-check-warning", warning = w.to_string()));
    }
    findings::orphan_lines(&r.lang, &r.orphans, out);
    findings::finding_lines(&r.lang, &r.findings, out);
}

/// The layouts of a language that need more sheets than the source language's.
fn layout_lines(r: &LanguageReport, out: &mut String) {
    for l in &r.layouts {
        for (preset, here, there) in &l.sheets {
            if here > there {
                let text = tr!(
                    "cli-check-more-sheets",
                    layout = &l.layout,
                    count = *here,
                    preset = preset.to_string(),
                    more = here - there
                );
                line(out, &r.lang, text);
            }
        }
    }
}

/// One line of a language's problems: `lang: text`.
fn line(out: &mut String, lang: &str, text: Text) {
    out.push_str(&format!("{lang}: {text}\n"));
}

/// `text` after the place it is about (`file:line: `), when there is one.
fn placed(place: Option<&impl std::fmt::Display>, text: Text) -> Text {
    match place {
        Some(place) => Text::raw(format!("{place}: ")).join("", &text),
        None => text,
    }
}
