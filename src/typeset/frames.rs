//! Placement with typst frames: booklet pages onto sheet frames, by a plan.
//!
//! Used by `build`, where the pages are typst frames already; the result is a
//! [`PagedDocument`] of sheet sides that exports like any other document.

use std::collections::HashMap;
use std::sync::Arc;

use typst::ecow::EcoVec;
use typst::foundations::Datetime;
use typst::foundations::{Content, Smart};
use typst::layout::{
    Abs, Frame, FrameItem, GroupItem, Point, Ratio, Sides, Size, Transform,
};
use typst::model::DocumentInfo;
use typst::syntax::Span;
use typst::visualize::{Color, Curve, DashPattern, FixedStroke, Geometry, Paint};
use typst_layout::{Page, PagedDocument};

use crate::typeset::fonts::Fonts;
use crate::typeset::markdown::string_literal;
use crate::typeset::world::GuideWorld;
use livret_impose::{
    Drawing, Imposition, MarkOptions, Rotation, SideRef, Slot, drawings,
};

/// Lays the booklet's `pages` onto sheet sides in `order`.
///
/// The marks are the crate's [`drawings`] of each side; `slug` turns a slug line's text
/// (with `{title}` replaced, see [`livret_impose::slug_texts`]) into a frame, typically
/// laid out by typst; `None` skips that slug.
pub fn place_frames(
    plan: &Imposition,
    pages: &[Page],
    order: &[SideRef],
    marks: MarkOptions,
    title: &str,
    mut slug: impl FnMut(&str) -> Option<Frame>,
) -> PagedDocument {
    let sheet = Size::new(Abs::pt(plan.sheet.width), Abs::pt(plan.sheet.height));
    let mut out = EcoVec::new();
    for (n, side_ref) in order.iter().enumerate() {
        let Some(side) = side_ref.get(plan) else { continue };
        let mut frame = Frame::hard(sheet);
        for slot in &side.slots {
            if let Some(page) = slot.page.and_then(|p| pages.get(p)) {
                place_page(&mut frame, slot, &page.frame, plan.scale);
            }
        }
        for drawing in drawings(side, marks, title) {
            paint(&mut frame, &drawing, &mut slug);
        }
        out.push(plain_page(frame, n + 1));
    }
    PagedDocument::new(out, DocumentInfo::default())
}

/// A page made of a frame we assembled ourselves (a sheet, a proof, a contact sheet):
/// no bleed, no numbering, the default fill.
pub fn plain_page(frame: Frame, number: usize) -> Page {
    Page {
        frame,
        bleed: Sides::splat(Abs::zero()),
        fill: Smart::Auto,
        numbering: None,
        supplement: Content::empty(),
        number: number as u64,
    }
}

/// Where [`place_frames`] puts a page of its slot: the map from the page's coordinates
/// to the slot's (pt, y down) — turned, scaled, shifted by creep — as `[sx ky kx sy tx ty]`.
fn slot_transform(slot: &Slot, scale: f64) -> Transform {
    let (w, h) = (Abs::pt(slot.width), Abs::pt(slot.height));
    let (dx, dy) = slot.content_offset();
    let s = Ratio::new(scale);
    let z = Ratio::zero();
    let one = Ratio::one();
    // Exact quarter turns, clockwise as displayed (y down): (u, v) → rotated, then moved
    // so the turned page fills the slot's box.
    let (sx, ky, kx, sy, tx, ty) = match slot.rotation {
        Rotation::R0 => (one, z, z, one, Abs::zero(), Abs::zero()),
        Rotation::R90 => (z, one, -one, z, w, Abs::zero()),
        Rotation::R180 => (-one, z, z, -one, w, h),
        Rotation::R270 => (z, -one, one, z, Abs::zero(), h),
    };
    let turn = Transform { sx, ky, kx, sy, tx: tx + Abs::pt(dx), ty: ty + Abs::pt(dy) };
    turn.pre_concat(Transform::scale(s, s))
}

/// The map [`place_frames`] takes a page of `slot` through to the sheet (pt, y down),
/// in PDF's order `[a b c d e f]`: (x, y) → (a·x + c·y + e, b·x + d·y + f).
pub fn page_transform(slot: &Slot, scale: f64) -> [f64; 6] {
    let t = slot_transform(slot, scale);
    [
        t.sx.get(),
        t.ky.get(),
        t.kx.get(),
        t.sy.get(),
        t.tx.to_pt() + slot.x,
        t.ty.to_pt() + slot.y,
    ]
}

/// Puts one page into its slot: rotated, scaled, shifted by creep, clipped to the slot.
fn place_page(sheet: &mut Frame, slot: &Slot, page: &Frame, scale: f64) {
    let (w, h) = (Abs::pt(slot.width), Abs::pt(slot.height));
    let mut inner = GroupItem::new(page.clone());
    inner.transform = slot_transform(slot, scale);
    let mut content = Frame::hard(Size::new(w, h));
    content.push(Point::zero(), FrameItem::Group(inner));
    let mut outer = GroupItem::new(content);
    outer.clip = Some(Curve::rect(Size::new(w, h)));
    sheet.push(Point::new(Abs::pt(slot.x), Abs::pt(slot.y)), FrameItem::Group(outer));
}

/// Paints one mark drawing. Typst frames have no separations: registration ink is black.
fn paint(
    frame: &mut Frame,
    drawing: &Drawing,
    slug: &mut impl FnMut(&str) -> Option<Frame>,
) {
    let black = Paint::Solid(Color::BLACK);
    match drawing {
        Drawing::Line { line: l, stroke } => {
            let dash = (!stroke.dash.is_empty()).then(|| DashPattern {
                array: stroke.dash.iter().map(|&v| Abs::pt(v)).collect(),
                phase: Abs::zero(),
            });
            let stroke = FixedStroke {
                dash,
                ..FixedStroke::from_pair(black, Abs::pt(stroke.width))
            };
            let start = Point::new(Abs::pt(l.x1), Abs::pt(l.y1));
            let delta = Point::new(Abs::pt(l.x2 - l.x1), Abs::pt(l.y2 - l.y1));
            frame.push(
                start,
                FrameItem::Shape(Geometry::Line(delta).stroked(stroke), Span::detached()),
            );
        }
        Drawing::Fill { rect, .. } => {
            let size = Size::new(Abs::pt(rect.width), Abs::pt(rect.height));
            let shape = Geometry::Rect(size).filled(black);
            frame.push(
                Point::new(Abs::pt(rect.x), Abs::pt(rect.y)),
                FrameItem::Shape(shape, Span::detached()),
            );
        }
        Drawing::Text { x, y, text, .. } => {
            if let Some(text_frame) = slug(text) {
                let top = Abs::pt(*y) - text_frame.height() / 2.0;
                frame.push_frame(Point::new(Abs::pt(*x), top), text_frame);
            }
        }
    }
}

/// Lays out short texts (slug lines, captions, page numbers) with typst, small, in
/// `font`, one frame each; empty when typst fails.
pub fn slug_frames(
    root: &std::path::Path,
    main_path: &str,
    fonts: &Arc<Fonts>,
    date: Datetime,
    font: &str,
    texts: &[String],
) -> HashMap<String, Frame> {
    if texts.is_empty() {
        return HashMap::new();
    }
    let mut src = format!(
        "#set page(width: auto, height: auto, margin: 0pt)\n#set text(size: 6pt, font: ({}, \"Libertinus Serif\"))\n",
        string_literal(font)
    );
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            src.push_str("#pagebreak()\n");
        }
        src.push_str(&format!("#{}\n", string_literal(text)));
    }
    let world = GuideWorld::new(root, main_path, src, fonts.clone(), date);
    match typst::compile::<PagedDocument>(&world).output {
        Ok(doc) => texts
            .iter()
            .cloned()
            .zip(doc.pages().iter().map(|p| p.frame.clone()))
            .collect(),
        Err(_) => HashMap::new(),
    }
}
