//! Exporting laid-out documents to PDF bytes, reproducibly.

use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::util::diag::{Error, Result};

/// Exports a document to PDF bytes, reproducibly: a fixed identifier and timestamp.
/// Reading PDFs are tagged (accessible); print sheets are not (their pages are out of
/// reading order by design).
pub fn pdf(
    document: &PagedDocument,
    ident: &str,
    date: Datetime,
    tagged: bool,
) -> Result<Vec<u8>> {
    pdf_checked(document, ident, date, tagged, &[]).map_err(|diags| {
        let messages: Vec<String> = diags.iter().map(|d| d.message.to_string()).collect();
        Error::new(crate::tr!("typeset-pdf-export-failed", reason = messages.join("; ")))
    })
}

/// Like [`pdf`], conforming to `standards` (e.g. PDF/A-2b, whose checks typst runs
/// during export), with typst's diagnostics for the caller to locate.
pub fn pdf_checked(
    document: &PagedDocument,
    ident: &str,
    date: Datetime,
    tagged: bool,
    standards: &[PdfStandard],
) -> std::result::Result<Vec<u8>, EcoVec<SourceDiagnostic>> {
    let standards = PdfStandards::new(standards).map_err(|message| {
        let message = message.message().clone();
        EcoVec::from([SourceDiagnostic::error(typst::syntax::Span::detached(), message)])
    })?;
    let options = PdfOptions {
        tagged,
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("livret {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
}

/// Why the project image at `rel` cannot go into a PDF meeting `standard` (a
/// transparent image in PDF/A-1, …), found by exporting it alone: typst places such a
/// problem where the layout loads the image, which names no chapter. `None` when it
/// can, or when it does not compile alone.
pub fn image_refusal(
    world: &crate::typeset::world::GuideWorld,
    date: Datetime,
    rel: &str,
    standard: PdfStandard,
) -> Option<String> {
    let path = crate::typeset::markdown::string_literal(&format!("/{rel}"));
    let main = format!("#image({path})\n");
    let alone = crate::typeset::world::GuideWorld::new(
        world.root(),
        "out/.livret/image-alone.typ",
        main,
        world.fonts().clone(),
        date,
    );
    let document = typst::compile::<PagedDocument>(&alone).output.ok()?;
    let diags = pdf_checked(&document, "image-alone", date, false, &[standard]).err()?;
    let messages: Vec<String> = diags.iter().map(|d| d.message.to_string()).collect();
    Some(messages.join("; "))
}

/// Parses a PDF standard as typst names it (`a-2b`, `a-3u`, `1.7`, …).
pub fn parse_standard(name: &str) -> Result<PdfStandard> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).map_err(|_| {
        Error::new(crate::tr!("typeset-pdf-standard-unknown", name = name))
            .with_hint(crate::tr!("typeset-pdf-standard-hint"))
    })
}
