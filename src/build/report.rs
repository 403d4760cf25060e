//! `out/<guide>/report.json`: every output of the guide's finished targets (path,
//! SHA-256, size, kind, language, layout, pages, sheets), from the targets' records.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::build::incremental;
use crate::build::output::Output;
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::tr;
use crate::typeset::ink::InkCoverage;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_project;
use livret_impose::Scheme;

/// One output file in the report.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Sheets one run takes (print files and tickets).
    pub sheets: Option<usize>,
    /// Booklets one run makes (print files and tickets).
    #[serde(default)]
    pub booklets: Option<usize>,
    /// The print scheme (print files and tickets).
    pub scheme: Option<Scheme>,
    /// The ink per printed side (print files, tickets and job sheets).
    #[serde(default)]
    pub ink: Option<InkCoverage>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
                    [&p.pdf, &p.ticket, &p.job_sheet]
                        .iter()
                        .any(|f| f.display().to_string() == output.path)
                });
                let pages = output.kind.is_booklet().then_some(target.pages);
                outputs.push(ReportEntry {
                    lang: target.lang.clone(),
                    layout: target.layout.clone(),
                    pages,
                    sheets: print.map(|p| p.sheets),
                    booklets: print.map(|p| p.booklets),
                    scheme: print.map(|p| p.scheme),
                    ink: print.and_then(|p| p.ink.clone()),
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
    write_project(&manifest.root, paths::report_json(&manifest.guide.id), &json)
}

/// Reads one report file.
fn read(path: &Path) -> Result<Report> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        Error::new(tr!("build-report-unreadable", path = path, reason = e.to_string()))
            .with_hint(tr!("build-report-unreadable-hint"))
    })
}

/// Merges the reports of sharded builds of one guide and edition: every output once,
/// by language, layout and path. Two reports that disagree about a file are an error.
pub fn merge(paths: &[PathBuf]) -> Result<Report> {
    let mut merged: Option<Report> = None;
    for path in paths {
        let report = read(path)?;
        let Some(into) = &mut merged else {
            merged = Some(report);
            continue;
        };
        if (&report.guide, report.edition) != (&into.guide, into.edition) {
            return Err(Error::new(tr!(
                "build-report-other-guide",
                path = path,
                guide = &report.guide,
                edition = report.edition,
                first_guide = &into.guide,
                first_edition = into.edition
            ))
            .with_hint(tr!("build-report-other-guide-hint")));
        }
        for entry in report.outputs {
            match into.outputs.iter().find(|e| e.output.path == entry.output.path) {
                Some(known) if known.output.sha256 != entry.output.sha256 => {
                    return Err(Error::new(tr!(
                        "build-report-differs",
                        path = path,
                        file = &entry.output.path
                    ))
                    .with_hint(tr!("build-report-differs-hint")));
                }
                Some(_) => {}
                None => into.outputs.push(entry),
            }
        }
    }
    let mut merged = merged.ok_or_else(|| Error::new(tr!("build-report-none")))?;
    merged.outputs.sort_by(|a, b| {
        (&a.lang, &a.layout, &a.output.path).cmp(&(&b.lang, &b.layout, &b.output.path))
    });
    Ok(merged)
}
