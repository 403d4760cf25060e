//! Where an export failure is placed: typst's refusals of a PDF (a standard the
//! document cannot meet) named at the user's files — each image the standard refuses
//! at the chapter line that shows it, whether a Markdown chapter shows it or a Typst
//! chapter names it (through a layout's function or not) — instead of at the layout.

use typst::diag::SourceDiagnostic;
use typst::foundations::Datetime;

use crate::build::target::Unlocated;
use crate::i18n::Text;
use crate::tr;
use crate::typeset::assemble::ImageUse;
use crate::typeset::compile;
use crate::typeset::export;
use crate::typeset::world::GuideWorld;
use crate::util::diag::{Error, Result};

/// Where an export failure is placed: the world of the target's compilations (the
/// main source's lines are the same for every edition, so any edition's world will
/// do), the Markdown images it shows and the build's date.
#[derive(Clone, Copy)]
pub struct Failing<'a> {
    /// The world that compiled the edition.
    pub world: &'a GuideWorld,
    /// The Markdown chapters' images.
    pub images: &'a [ImageUse],
    /// The build's date.
    pub date: Datetime,
}

/// The bytes of [`reading_bytes`], or its check failures located through `at`.
pub fn located(
    at: Failing,
    ident: &str,
    standard: Option<typst_pdf::PdfStandard>,
    exported: Unlocated,
) -> Result<Vec<u8>> {
    exported.map_err(|diags| failures(at, ident, standard, &diags))
}

/// The error for typst's failures to export `ident`, located through `at`: the images
/// the standard refuses first, each at its chapter line; then typst's own messages but
/// those these images explain.
pub fn failures(
    at: Failing,
    ident: &str,
    standard: Option<typst_pdf::PdfStandard>,
    diags: &[SourceDiagnostic],
) -> Error {
    let culprits = culprit_images(at, standard);
    let mut rendered: Vec<Text> = culprits.iter().map(|c| c.0.clone()).collect();
    let explained = |d: &SourceDiagnostic| {
        culprits.iter().any(|(_, why)| why.split("; ").any(|m| m == d.message.as_str()))
    };
    rendered.extend(
        diags
            .iter()
            .filter(|d| !explained(d))
            .map(|d| Text::of(compile::render(at.world, d))),
    );
    let pdf = format!("{ident}.pdf");
    let mut message = match standard {
        Some(s) => tr!("build-not-standard", pdf = pdf, standard = standard_name(s)),
        None => tr!("build-pdf-failed", pdf = pdf),
    };
    let next = format!("\n{} ", tr!("term-error"));
    for (i, place) in rendered.iter().enumerate() {
        message = message.join(if i == 0 { ": " } else { &next }, place);
    }
    let mut err = Error::new(message);
    // Typst's advice on what it refused (convert the image…), once each.
    for d in diags.iter().filter(|d| explained(d)) {
        for hint in &d.hints {
            if !err.hints.iter().any(|h| *h == hint.v.as_str()) {
                err = err.with_hint(hint.v.to_string());
            }
        }
    }
    err.with_hint(tr!("build-pdf-failed-hint"))
}

/// When the standard refuses what the layout placed, the images that cannot meet it,
/// each with its place (`chapter:line: image `path`: why`) and why (typst's words).
fn culprit_images(
    at: Failing,
    standard: Option<typst_pdf::PdfStandard>,
) -> Vec<(Text, String)> {
    let Some(standard) = standard else { return Vec::new() };
    let mut seen = std::collections::BTreeSet::new();
    let markdown = at
        .images
        .iter()
        .map(|u| (u.path.clone(), Some(format!("{}:{}", u.chapter, u.line))));
    let typst = typst_images(at.world)
        .into_iter()
        .filter(|rel| !at.images.iter().any(|u| u.path == *rel))
        .map(|rel| {
            let place = compile::chapter_line_naming(at.world, &rel);
            (rel, place)
        });
    markdown
        .chain(typst)
        .filter(|(path, _)| seen.insert(path.clone()))
        .filter_map(|(path, place)| {
            let why = export::image_refusal(at.world, at.date, &path, standard)?;
            let refused = tr!("build-image-refused", path = &path, why = why.as_str());
            let said = match place {
                Some(place) => Text::raw(place).join(": ", &refused),
                None => refused,
            };
            Some((said, why))
        })
        .collect()
}

/// The images typst read for the document (named by Typst chapters or layouts).
fn typst_images(world: &GuideWorld) -> Vec<String> {
    world
        .loaded_files()
        .into_iter()
        .filter(|f| {
            crate::images::is_raster(f) || f.to_ascii_lowercase().ends_with(".svg")
        })
        .collect()
}

/// The name typst gives a PDF standard (`a-2b`), as people write it (`PDF/A-2b`).
pub fn standard_name(standard: typst_pdf::PdfStandard) -> String {
    let name = serde_json::to_value(standard)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    match name.strip_prefix("a-") {
        Some(level) => format!("PDF/A-{level}"),
        None => format!("PDF {name}"),
    }
}
