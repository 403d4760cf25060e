//! `livret proof`: a translation's pages beside the source's, chapter by chapter, on
//! wide sheets, for reviewers who compare the two.

use std::collections::HashMap;
use std::path::PathBuf;

use typst::ecow::EcoVec;
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point, Size};
use typst::model::DocumentInfo;
use typst::syntax::Span;
use typst::visualize::{Color, FixedStroke, Geometry, Paint};
use typst_layout::{Page, PagedDocument};

use crate::build::Project;
use crate::build::print;
use crate::build::target::{CompiledTarget, TargetSpec, compile_target};
use crate::i18n::Text;
use crate::ops::proof_changes;
use crate::project::manifest;
use crate::project::paths::TargetPaths;
use crate::tr;
use crate::typeset::export;
use crate::typeset::frames::plain_page;
use crate::typeset::inspect;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_project;
use livret_impose::mm;

/// What to proof.
#[derive(Debug, Clone, Default)]
pub struct ProofOptions {
    /// The project folder.
    pub project: PathBuf,
    /// The translation to proof.
    pub lang: String,
    /// The language to compare with (default: the source language).
    pub against: Option<String>,
    /// The layout (default: the first in guide.toml).
    pub layout: Option<String>,
    /// Mark the source blocks changed since the translation was accepted, and their
    /// translations.
    pub changes: bool,
    /// Also use the system's fonts.
    pub system_fonts: bool,
}

/// A written proof.
#[derive(Debug, Clone)]
pub struct Proof {
    /// The proof PDF, relative to the project root.
    pub pdf: PathBuf,
    /// Proof sheets.
    pub sheets: usize,
    /// With `changes`: the changed blocks found, the sheets that carry a mark, and the
    /// stale chapters whose changes are unknown (no snapshot of the accepted source).
    pub changes: Option<(usize, usize, Vec<String>)>,
}

/// One part of the booklet: front matter, a chapter, or back matter.
#[derive(Debug, Clone, PartialEq)]
struct Section {
    /// Chapter stem, or `front` / `back`.
    id: String,
    /// Page indices (0-based) in the document.
    pages: std::ops::Range<usize>,
}

/// Splits a compiled book into sections at its chapter marks.
fn sections(document: &PagedDocument) -> Vec<Section> {
    let starts = inspect::labelled_metadata(document, "livret-chapter");
    let end = inspect::labelled_metadata(document, "livret-end")
        .first()
        .map_or(document.pages().len(), |(_, p)| p + 1);
    let total = document.pages().len();
    let mut out = Vec::new();
    let first = starts.first().map_or(end, |(_, p)| *p);
    out.push(Section { id: "front".into(), pages: 0..first });
    for (i, (id, start)) in starts.iter().enumerate() {
        let stop = starts.get(i + 1).map_or(end, |(_, p)| *p);
        out.push(Section { id: id.clone(), pages: *start..stop.max(*start) });
    }
    out.push(Section { id: "back".into(), pages: end.min(total)..total });
    out
}

/// Builds the proof of `lang` against the source (or `against`) in one layout.
pub fn proof(options: &ProofOptions) -> Result<Proof> {
    let manifest = std::sync::Arc::new(manifest::load(&options.project)?);
    let against =
        options.against.clone().unwrap_or_else(|| manifest.guide.source_language.clone());
    let layout = match &options.layout {
        Some(l) => l.clone(),
        None => manifest.layouts[0].name.clone(),
    };
    for lang in [&options.lang, &against] {
        if manifest.language(lang).is_none() {
            let known: Vec<&str> =
                manifest.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(Error::new(tr!(
                "ops-proof-unknown-language",
                lang = lang.as_str()
            ))
            .with_hint(tr!("ops-proof-known-languages", langs = known.join(", "))));
        }
    }
    if options.changes {
        proof_changes::check_against(&manifest, &against)?;
    }
    let project = Project::with_manifest(manifest.clone(), options.system_fonts)?;
    let ctx = project.context();
    let compile = |lang: &str| {
        compile_target(
            ctx,
            &TargetSpec { lang, layout: &layout, strict: false, page_multiple: 4 },
        )
    };
    let left = compile(&against)?;
    let right = compile(&options.lang)?;
    let rows = rows(&left, &right, &against, &options.lang);
    let marks = match options.changes {
        true => Some(proof_changes::marks(&manifest, &options.lang, [&left, &right])?),
        false => None,
    };
    let paths = TargetPaths::new(&manifest.guide.id, &options.lang, &layout);
    let captions: Vec<String> =
        rows.iter().flat_map(|r| [r.left.1.clone(), r.right.1.clone()]).collect();
    let captions_typ = paths.captions_typ();
    let frames = crate::typeset::frames::slug_frames(
        &manifest.root,
        &captions_typ,
        &project.fonts,
        project.date,
        "Andika",
        &captions,
    );
    let page = print::page_size(&left.compiled.document);
    let docs = [&left.compiled.document, &right.compiled.document];
    let no_marks = proof_changes::Marks::default();
    let marked = marks.as_ref().unwrap_or(&no_marks);
    let pages: EcoVec<Page> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| plain_page(sheet(row, docs, page, &frames, marked), i + 1))
        .collect();
    let count = pages.len();
    let changes = marks.map(|m| {
        let sheets = rows.iter().filter(|r| m.on_row(r.left.0, r.right.0)).count();
        (m.blocks, sheets, m.unknown)
    });
    let document = PagedDocument::new(pages, DocumentInfo::default());
    let pdf = paths.proof_pdf(&against);
    let name = pdf.file_stem().and_then(|s| s.to_str()).unwrap_or("proof").to_string();
    let bytes = export::pdf(&document, &name, project.date, false)?;
    write_project(&manifest.root, &pdf, &bytes)?;
    Ok(Proof { pdf, sheets: count, changes })
}

/// One proof sheet: a page of each side (or none) with its caption.
struct Row {
    /// The left page (0-based) and its caption.
    left: (Option<usize>, String),
    /// The right page and its caption.
    right: (Option<usize>, String),
}

/// The sheets' rows: each section's pages side by side, the longer side setting the
/// number of rows.
fn rows(
    left: &CompiledTarget,
    right: &CompiledTarget,
    against: &str,
    lang: &str,
) -> Vec<Row> {
    let left_sections = sections(&left.compiled.document);
    let right_sections = sections(&right.compiled.document);
    let mut rows = Vec::new();
    for left_section in &left_sections {
        let Some(right_section) = right_sections.iter().find(|s| s.id == left_section.id)
        else {
            continue;
        };
        let n = left_section.pages.len().max(right_section.pages.len());
        for i in 0..n {
            let caption = |lang: &str, t: &CompiledTarget, p: Option<usize>| {
                let what = match left_section.id.as_str() {
                    "front" => tr!("ops-proof-front-matter"),
                    "back" => tr!("ops-proof-back-matter"),
                    id => Text::raw(chapter_file(t, id)),
                };
                match p {
                    Some(p) => {
                        tr!("ops-proof-caption", lang = lang, what = what, page = p + 1)
                    }
                    None => tr!("ops-proof-caption-no-page", lang = lang, what = what),
                }
                .to_string()
            };
            let l = left_section.pages.clone().nth(i);
            let r = right_section.pages.clone().nth(i);
            rows.push(Row {
                left: (l, caption(against, left, l)),
                right: (r, caption(lang, right, r)),
            });
        }
    }
    rows
}

/// The chapter file of a section id (its stem), as the target read it.
fn chapter_file(t: &CompiledTarget, id: &str) -> String {
    t.assembled
        .chapter_files
        .iter()
        .find(|f| {
            f.rsplit('/').next().and_then(|n| n.rsplit_once('.')).map(|(s, _)| s)
                == Some(id)
        })
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// Draws one proof sheet: both pages clipped to their box, framed, captioned, with the
/// changed passages marked.
fn sheet(
    row: &Row,
    docs: [&PagedDocument; 2],
    page: livret_impose::Size,
    captions: &HashMap<String, Frame>,
    marks: &proof_changes::Marks,
) -> Frame {
    let margin = mm(12.0);
    let gutter = mm(10.0);
    let size = Size::new(
        Abs::pt(2.0 * page.width + gutter + 2.0 * margin),
        Abs::pt(page.height + 2.0 * margin),
    );
    let mut frame = Frame::hard(size);
    let black = Paint::Solid(Color::BLACK);
    let page_box = Size::new(Abs::pt(page.width), Abs::pt(page.height));
    for (k, ((p, caption), doc)) in
        [&row.left, &row.right].into_iter().zip(docs).enumerate()
    {
        let x = Abs::pt(margin + k as f64 * (page.width + gutter));
        let y = Abs::pt(margin);
        if let Some(p) = p {
            let mut group = GroupItem::new(doc.pages()[*p].frame.clone());
            group.clip = Some(typst::visualize::Curve::rect(page_box));
            frame.push(Point::new(x, y), FrameItem::Group(group));
            let bar_x = match k {
                0 => Abs::pt(-mm(4.5)),
                _ => Abs::pt(page.width + mm(3.0)),
            };
            for item in marks.draw(k, *p, bar_x) {
                frame.push(Point::new(x, y) + item.0, item.1);
            }
        }
        let border = Geometry::Rect(page_box)
            .stroked(FixedStroke::from_pair(black.clone(), Abs::pt(0.3)));
        frame.push(Point::new(x, y), FrameItem::Shape(border, Span::detached()));
        if let Some(text) = captions.get(caption) {
            frame.push_frame(
                Point::new(x, y - Abs::pt(mm(3.0)) - text.height()),
                text.clone(),
            );
        }
    }
    frame
}
