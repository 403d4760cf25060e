//! What `check` reads off a language's laid-out pages: characters drawn as empty
//! boxes, text out of its area, headings left alone, empty pages, and what the page
//! count does to each print preset's sheets.

use crate::build::print::{self, PrintJob};
use crate::build::target::CompiledTarget;
use crate::ops::check::findings::{
    EmptyPageReport, LanguageReport, LayoutReport, LonelyHeadingReport, OverflowReport,
    Unshowable,
};
use crate::project::manifest::Manifest;
use crate::typeset::compile::place;
use crate::typeset::inspect;
use crate::util::diag::Result;
use livret_impose::to_mm;

/// Every character no font could show, once each, located in its chapter.
pub fn unshowable(target: &CompiledTarget) -> Vec<Unshowable> {
    let mut found: Vec<Unshowable> = Vec::new();
    for missing in inspect::missing_glyphs(&target.compiled.document) {
        let entry = Unshowable {
            character: missing.ch.to_string(),
            code_point: format!("U+{:04X}", missing.ch as u32),
            name: unicode_names2::name(missing.ch)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "unnamed".into()),
            place: place(&target.world, missing.span)
                .unwrap_or_else(|| format!("page {}", missing.page)),
        };
        if !found.contains(&entry) {
            found.push(entry);
        }
    }
    found
}

/// Adds one layout's findings to `report`: overflows, lonely headings, empty pages,
/// and the page count beside the source's with the sheets each preset takes.
pub fn layout_findings(
    manifest: &Manifest,
    layout: &str,
    target: &CompiledTarget,
    source_pages: usize,
    report: &mut LanguageReport,
) -> Result<()> {
    let document = &target.compiled.document;
    for o in inspect::overflows(document) {
        report.overflows.push(OverflowReport {
            layout: layout.to_string(),
            page: o.page,
            excess_mm: (to_mm(o.excess) * 10.0).round() / 10.0,
            text: o.text,
            place: place(&target.world, o.span),
        });
    }
    for h in inspect::lonely_headings(document) {
        report.lonely_headings.push(LonelyHeadingReport {
            layout: layout.to_string(),
            page: h.page,
            heading: h.text,
            place: place(&target.world, h.span),
        });
    }
    for page in inspect::empty_pages(document) {
        report.empty_pages.push(EmptyPageReport {
            layout: layout.to_string(),
            page,
            chapter: inspect::chapter_of_page(document, page - 1),
        });
    }
    let pages = document.pages().len();
    report.layouts.push(LayoutReport {
        layout: layout.to_string(),
        pages,
        source_pages,
        sheets: sheets(manifest, layout, target, pages, source_pages)?,
    });
    Ok(())
}

/// For each print preset of `layout`: (preset, sheets for `pages`, sheets for the
/// source's `source_pages`).
fn sheets(
    manifest: &Manifest,
    layout: &str,
    target: &CompiledTarget,
    pages: usize,
    source_pages: usize,
) -> Result<Vec<(String, usize, usize)>> {
    let page = print::page_size(&target.compiled.document);
    let mut sheets = Vec::new();
    for preset in manifest.print.iter().filter(|p| p.layout == layout) {
        let job = PrintJob::from_preset(preset);
        let multiple = job.page_multiple(page)?;
        let here = job.plan(pages.next_multiple_of(multiple), page)?.sheets.len();
        let there = job.plan(source_pages.next_multiple_of(multiple), page)?.sheets.len();
        sheets.push((job.name(), here, there));
    }
    Ok(sheets)
}
