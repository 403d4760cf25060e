//! `out/<guide>/report.json`: every output of the guide's finished targets (path,
//! SHA-256, size, kind, language, layout, pages, sheets), from the targets' records.

use serde::Serialize;

use crate::diag::Result;
use crate::export::write_atomic;
use crate::incremental::{self, Output};
use crate::manifest::Manifest;

/// One output file in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportEntry {
    /// The file, its hash, size and kind.
    #[serde(flatten)]
    pub output: Output,
    /// Language code.
    pub lang: String,
    /// Layout name.
    pub layout: String,
    /// Pages of the booklet (reading and screen editions).
    pub pages: Option<usize>,
    /// Sheets per copy (print files and tickets).
    pub sheets: Option<usize>,
    /// The print scheme (print files and tickets).
    pub scheme: Option<String>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The guide's id.
    pub guide: String,
    /// Its edition number.
    pub edition: u32,
    /// Every output, by language then layout.
    pub outputs: Vec<ReportEntry>,
}

/// The report of every target of the manifest that has a record.
pub fn collect(manifest: &Manifest) -> Report {
    let mut outputs = Vec::new();
    for language in &manifest.languages {
        for layout in manifest.layout_names() {
            let Some(record) =
                incremental::read_record(&manifest.root, &language.code, layout)
            else {
                continue;
            };
            let target = &record.target;
            for output in record.outputs {
                let print = target.prints.iter().find(|p| {
                    p.pdf.display().to_string() == output.path
                        || p.ticket.display().to_string() == output.path
                });
                let pages = matches!(output.kind.as_str(), "reading" | "screen")
                    .then_some(target.pages);
                outputs.push(ReportEntry {
                    lang: target.lang.clone(),
                    layout: target.layout.clone(),
                    pages,
                    sheets: print.map(|p| p.sheets),
                    scheme: print.map(|p| p.scheme.clone()),
                    output,
                });
            }
        }
    }
    Report { guide: manifest.guide.id.clone(), edition: manifest.guide.edition, outputs }
}

/// Writes `out/<guide>/report.json`.
pub fn write(manifest: &Manifest) -> Result<()> {
    let report = collect(manifest);
    let json = serde_json::to_vec_pretty(&report).expect("plain data");
    write_atomic(
        &manifest.root.join(format!("out/{}/report.json", manifest.guide.id)),
        &json,
    )
}
