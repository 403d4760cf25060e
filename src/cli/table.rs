//! The table `livret build` ends with: one line per target with its pages, sheets per
//! run for each print preset, file sizes, the ink per printed side and warnings.

use crate::build::BuiltTarget;
use crate::build::output::BuiltPrint;
use crate::util::human_size;

/// The summary table, aligned in columns.
pub fn summary(built: &[BuiltTarget]) -> String {
    let mut rows = vec![[
        "target".to_string(),
        "pages".into(),
        "sheets per run (booklets)".into(),
        "reading".into(),
        "screen".into(),
        "print files".into(),
        "ink per side (mean/max)".into(),
        "warnings".into(),
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
                format!("{} {} for {}", p.preset, p.sheets, p.booklets)
            } else {
                format!("{} {}", p.preset, p.sheets)
            }
        })
        .collect();
    let prints: Vec<String> = t.prints.iter().map(|p| human_size(p.bytes)).collect();
    let inks: Vec<String> = t.prints.iter().map(ink).collect();
    let state = if t.up_to_date { " (kept)" } else { "" };
    [
        format!("{} {}{state}", t.lang, t.layout),
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
            let k = if ink.gray { " K" } else { "" };
            format!(
                "{:.0}/{:.0} %{k}",
                ink.mean.total() * 100.0,
                ink.fullest_total * 100.0
            )
        }
        None => "?".into(),
    }
}
