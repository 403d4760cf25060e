//! The table `livret build` ends with: one line per target with its pages, sheets per
//! run for each print preset, file sizes, the ink per printed side and warnings.

use crate::build::BuiltTarget;
use crate::build::output::BuiltPrint;
use crate::i18n;
use crate::tr;
use crate::util::human_size;

/// The summary table, aligned in columns.
pub fn summary(built: &[BuiltTarget]) -> String {
    let mut rows = vec![[
        tr!("cli-table-target").to_string(),
        tr!("cli-table-pages").to_string(),
        tr!("cli-table-sheets").to_string(),
        tr!("cli-table-reading").to_string(),
        tr!("cli-table-screen").to_string(),
        tr!("cli-table-print-files").to_string(),
        tr!("cli-table-ink").to_string(),
        tr!("cli-table-warnings").to_string(),
    ]];
    rows.extend(built.iter().map(row));
    let widths: Vec<usize> = (0..8)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                if c == 1 || c == 7 {
                    format!("{cell:>w$}")
                } else {
                    format!("{cell:<w$}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// One target's cells.
fn row(t: &BuiltTarget) -> [String; 8] {
    let sheets: Vec<String> = t
        .prints
        .iter()
        .map(|p| {
            if p.booklets > 1 {
                tr!(
                    "cli-table-sheets-for-booklets",
                    preset = &p.preset,
                    sheets = p.sheets,
                    booklets = p.booklets
                )
                .to_string()
            } else {
                format!("{} {}", p.preset, p.sheets)
            }
        })
        .collect();
    let prints: Vec<String> = t.prints.iter().map(|p| human_size(p.bytes)).collect();
    let inks: Vec<String> = t.prints.iter().map(ink).collect();
    let target = if t.up_to_date {
        tr!("cli-table-target-kept", lang = &t.lang, layout = &t.layout).to_string()
    } else {
        format!("{} {}", t.lang, t.layout)
    };
    [
        target,
        t.pages.to_string(),
        if sheets.is_empty() { "-".into() } else { sheets.join(", ") },
        human_size(t.bytes),
        human_size(t.screen_bytes),
        if prints.is_empty() { "-".into() } else { prints.join(", ") },
        if inks.is_empty() { "-".into() } else { inks.join(", ") },
        t.warnings.len().to_string(),
    ]
}

/// A print file's ink: the mean side's and the fullest side's total coverage (`K` alone
/// for a black-and-white preset), `?` when it was not measured (an older record).
fn ink(p: &BuiltPrint) -> String {
    match &p.ink {
        Some(ink) => {
            let mean = i18n::decimal((ink.mean.total() * 100.0).round(), 0);
            let max = i18n::decimal((ink.fullest_total * 100.0).round(), 0);
            if ink.gray {
                tr!("cli-table-ink-black", mean = mean, max = max).to_string()
            } else {
                tr!("cli-table-ink-colour", mean = mean, max = max).to_string()
            }
        }
        None => "?".into(),
    }
}
