//! The table `livret build` ends with: one line per target with its pages, sheets per
//! run for each print preset, file sizes and warnings.

use crate::build::BuiltTarget;
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
        "warnings".into(),
    ]];
    rows.extend(built.iter().map(row));
    let widths: Vec<usize> = (0..7)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                if c == 1 || c == 6 {
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
fn row(t: &BuiltTarget) -> [String; 7] {
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
    let state = if t.up_to_date { " (kept)" } else { "" };
    [
        format!("{} {}{state}", t.lang, t.layout),
        t.pages.to_string(),
        if sheets.is_empty() { "-".into() } else { sheets.join(", ") },
        human_size(t.bytes),
        human_size(t.screen_bytes),
        if prints.is_empty() { "-".into() } else { prints.join(", ") },
        t.warnings.len().to_string(),
    ]
}
