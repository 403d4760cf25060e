//! Placement with typst frames: booklet pages onto sheet frames, by a plan.
//!
//! Used by `build`, where the pages are typst frames already; the result is a
//! [`PagedDocument`] of sheet sides that exports like any other document.

use typst::ecow::EcoVec;
use typst::foundations::{Content, Smart};
use typst::layout::{
    Abs, Frame, FrameItem, GroupItem, Point, Ratio, Sides, Size, Transform,
};
use typst::model::DocumentInfo;
use typst::syntax::Span;
use typst::visualize::{Color, Curve, DashPattern, FixedStroke, Geometry, Paint};
use typst_layout::{Page, PagedDocument};

use super::plan::{Imposition, Mark, Rotation, Slot};

/// One side of one sheet, 0-based sheet index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRef {
    /// The front of sheet i (output page 2i+1 in a normal print file).
    Front(usize),
    /// The back of sheet i.
    Back(usize),
}

/// Every side in print order: front and back of sheet 1, then of sheet 2, …
pub fn all_sides(plan: &Imposition) -> Vec<SideRef> {
    (0..plan.sheets.len()).flat_map(|i| [SideRef::Front(i), SideRef::Back(i)]).collect()
}

/// The sides a print file holds: every front and back, except for the zine, which is
/// printed on one side only (its fronts alone).
pub fn print_order(plan: &Imposition) -> Vec<SideRef> {
    if plan.scheme == super::plan::Scheme::Zine {
        (0..plan.sheets.len()).map(SideRef::Front).collect()
    } else {
        all_sides(plan)
    }
}

/// For printers without duplex: the fronts in order, then the backs in the same
/// sheet order, fed again after turning the stack over about the flip axis.
pub fn manual_duplex(plan: &Imposition) -> (Vec<SideRef>, Vec<SideRef>) {
    let n = plan.sheets.len();
    ((0..n).map(SideRef::Front).collect(), (0..n).map(SideRef::Back).collect())
}

/// Which marks to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkOptions {
    /// Crop marks at the trim.
    pub crop: bool,
    /// Fold lines and the zine's slit.
    pub fold: bool,
    /// Collation marks on signature spines.
    pub collation: bool,
    /// The slug line (title, sheet, side, scheme).
    pub slug: bool,
}

impl MarkOptions {
    /// Parses `crop,fold,collation,slug` (any subset; `all`, or empty for none).
    pub fn parse(list: &[String]) -> Result<Self, String> {
        let mut marks = Self::default();
        for item in list
            .iter()
            .flat_map(|s| s.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match item {
                "crop" => marks.crop = true,
                "fold" => marks.fold = true,
                "collation" => marks.collation = true,
                "slug" => marks.slug = true,
                "all" => {
                    marks = Self { crop: true, fold: true, collation: true, slug: true }
                }
                other => {
                    return Err(format!(
                        "unknown mark `{other}` (expected crop, fold, collation, slug or all)"
                    ));
                }
            }
        }
        Ok(marks)
    }
}

/// Lays the booklet's `pages` onto sheet sides in `order`.
///
/// `slug` turns a slug line's text (with `{title}` replaced) into a frame, typically
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
        let side = match *side_ref {
            SideRef::Front(i) => &plan.sheets[i].front,
            SideRef::Back(i) => &plan.sheets[i].back,
        };
        let mut frame = Frame::hard(sheet);
        for slot in &side.slots {
            if let Some(page) = slot.page.and_then(|p| pages.get(p)) {
                place_page(&mut frame, slot, &page.frame, plan.scale);
            }
        }
        for mark in &side.marks {
            draw_mark(&mut frame, mark, marks, title, &mut slug);
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

/// Puts one page into its slot: rotated, scaled, shifted by creep, clipped to the slot.
fn place_page(sheet: &mut Frame, slot: &Slot, page: &Frame, scale: f64) {
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
    let mut inner = GroupItem::new(page.clone());
    inner.transform = turn.pre_concat(Transform::scale(s, s));
    let mut content = Frame::hard(Size::new(w, h));
    content.push(Point::zero(), FrameItem::Group(inner));
    let mut outer = GroupItem::new(content);
    outer.clip = Some(Curve::rect(Size::new(w, h)));
    sheet.push(Point::new(Abs::pt(slot.x), Abs::pt(slot.y)), FrameItem::Group(outer));
}

/// Draws one mark if its kind is enabled.
fn draw_mark(
    frame: &mut Frame,
    mark: &Mark,
    marks: MarkOptions,
    title: &str,
    slug: &mut impl FnMut(&str) -> Option<Frame>,
) {
    let black = Paint::Solid(Color::BLACK);
    let hairline = FixedStroke::from_pair(black.clone(), Abs::pt(0.25));
    let dashed = |on: f64, off: f64| FixedStroke {
        dash: Some(DashPattern {
            array: vec![Abs::pt(on), Abs::pt(off)],
            phase: Abs::zero(),
        }),
        ..hairline.clone()
    };
    let line = |frame: &mut Frame, l: &super::plan::Line, stroke: FixedStroke| {
        let start = Point::new(Abs::pt(l.x1), Abs::pt(l.y1));
        let delta = Point::new(Abs::pt(l.x2 - l.x1), Abs::pt(l.y2 - l.y1));
        frame.push(
            start,
            FrameItem::Shape(Geometry::Line(delta).stroked(stroke), Span::detached()),
        );
    };
    match mark {
        Mark::Crop(l) if marks.crop => line(frame, l, hairline.clone()),
        Mark::Fold(l) if marks.fold => line(frame, l, dashed(3.0, 2.0)),
        Mark::Slit(l) if marks.fold => line(frame, l, dashed(1.0, 1.5)),
        Mark::Collation { rect, .. } if marks.collation => {
            let size = Size::new(Abs::pt(rect.width), Abs::pt(rect.height));
            let shape = Geometry::Rect(size).filled(black);
            frame.push(
                Point::new(Abs::pt(rect.x), Abs::pt(rect.y)),
                FrameItem::Shape(shape, Span::detached()),
            );
        }
        Mark::Slug { x, y, text } if marks.slug => {
            if let Some(text_frame) = slug(&text.replace("{title}", title)) {
                let top = Abs::pt(*y) - text_frame.height() / 2.0;
                frame.push_frame(Point::new(Abs::pt(*x), top), text_frame);
            }
        }
        _ => {}
    }
}
