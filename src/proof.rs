//! `livret proof`: a translation's pages beside the source's, chapter by chapter, on
//! wide sheets, for reviewers who compare the two.

use std::path::PathBuf;

use typst::ecow::EcoVec;
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point, Size};
use typst::model::DocumentInfo;
use typst::syntax::Span;
use typst::visualize::{Color, FixedStroke, Geometry, Paint};
use typst_layout::PagedDocument;

use crate::assemble;
use crate::build::{CompiledTarget, compile_target};
use crate::diag::{Error, Result};
use crate::export;
use crate::impose::mm;
use crate::impose::place::plain_page;
use crate::inspect;
use crate::manifest;
use crate::print;
use crate::world::{self, Fonts};

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
}

/// A written proof.
#[derive(Debug, Clone)]
pub struct Proof {
    /// The proof PDF, relative to the project root.
    pub pdf: PathBuf,
    /// Proof sheets.
    pub sheets: usize,
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
    let manifest = manifest::load(&options.project)?;
    let against =
        options.against.clone().unwrap_or_else(|| manifest.guide.source_language.clone());
    let layout = match &options.layout {
        Some(l) => l.clone(),
        None => manifest.layouts[0].name.clone(),
    };
    for lang in [&options.lang, &against] {
        if manifest.language(lang).is_none() {
            return Err(Error::new(format!("unknown language `{lang}`")));
        }
    }
    let fonts = Fonts::load(&manifest.root, false)?;
    let date = world::build_date(manifest.date()?)?;
    let left = compile_target(&manifest, &fonts, date, &against, &layout, false, 4)?;
    let right =
        compile_target(&manifest, &fonts, date, &options.lang, &layout, false, 4)?;

    let page = print::page_size(&left.compiled.document);
    let margin = mm(12.0);
    let gutter = mm(10.0);
    let sheet = Size::new(
        Abs::pt(2.0 * page.width + gutter + 2.0 * margin),
        Abs::pt(page.height + 2.0 * margin),
    );
    let left_sections = sections(&left.compiled.document);
    let right_sections = sections(&right.compiled.document);
    let file_of = |t: &CompiledTarget, id: &str| -> String {
        t.assembled
            .chapter_files
            .iter()
            .find(|f| {
                f.rsplit('/').next().and_then(|n| n.rsplit_once('.')).map(|(s, _)| s)
                    == Some(id)
            })
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };

    // Every caption the sheets need, laid out by typst.
    let mut captions = Vec::new();
    let mut rows = Vec::new();
    for left_section in &left_sections {
        let Some(right_section) = right_sections.iter().find(|s| s.id == left_section.id)
        else {
            continue;
        };
        let n = left_section.pages.len().max(right_section.pages.len());
        for i in 0..n {
            let l = left_section.pages.clone().nth(i);
            let r = right_section.pages.clone().nth(i);
            let caption = |lang: &str, t: &CompiledTarget, p: Option<usize>| {
                let what = match left_section.id.as_str() {
                    "front" | "back" => format!("{} matter", left_section.id),
                    id => file_of(t, id),
                };
                match p {
                    Some(p) => format!("{lang} · {what} · page {}", p + 1),
                    None => format!("{lang} · {what} · (no page)"),
                }
            };
            let (lc, rc) =
                (caption(&against, &left, l), caption(&options.lang, &right, r));
            captions.push(lc.clone());
            captions.push(rc.clone());
            rows.push((l, r, lc, rc));
        }
    }
    let dir = assemble::out_dir(&manifest, &options.lang, &layout);
    let frames = print::slug_frames(
        &manifest.root,
        &format!("{dir}/captions.typ"),
        &fonts,
        date,
        "Andika",
        &captions,
    );

    let mut pages = EcoVec::new();
    let black = Paint::Solid(Color::BLACK);
    for (i, (l, r, lc, rc)) in rows.iter().enumerate() {
        let mut frame = Frame::hard(sheet);
        for (k, (p, doc, caption)) in
            [(l, &left.compiled.document, lc), (r, &right.compiled.document, rc)]
                .into_iter()
                .enumerate()
        {
            let x = Abs::pt(margin + k as f64 * (page.width + gutter));
            let y = Abs::pt(margin);
            if let Some(p) = p {
                let mut group = GroupItem::new(doc.pages()[*p].frame.clone());
                group.clip = Some(typst::visualize::Curve::rect(Size::new(
                    Abs::pt(page.width),
                    Abs::pt(page.height),
                )));
                frame.push(Point::new(x, y), FrameItem::Group(group));
            }
            let border =
                Geometry::Rect(Size::new(Abs::pt(page.width), Abs::pt(page.height)))
                    .stroked(FixedStroke::from_pair(black.clone(), Abs::pt(0.3)));
            frame.push(Point::new(x, y), FrameItem::Shape(border, Span::detached()));
            if let Some(text) = frames.get(caption) {
                frame.push_frame(
                    Point::new(x, y - Abs::pt(mm(3.0)) - text.height()),
                    text.clone(),
                );
            }
        }
        pages.push(plain_page(frame, i + 1));
    }
    let count = pages.len();
    let document = PagedDocument::new(pages, DocumentInfo::default());
    let name = format!("{}-{}-{layout}-proof-{against}", manifest.guide.id, options.lang);
    let bytes = export::pdf(&document, &name, date, false)?;
    let pdf = PathBuf::from(&dir).join(format!("{name}.pdf"));
    export::write_atomic(&manifest.root.join(&pdf), &bytes)?;
    Ok(Proof { pdf, sheets: count })
}
