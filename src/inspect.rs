//! Reading laid-out documents: what a reader would see that the sources do not say.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst_layout::PagedDocument;

/// A character drawn with no glyph (an empty box, "tofu").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// 1-based page number.
    pub page: usize,
    /// The character no font could show.
    pub ch: char,
    /// Where the character came from in the sources.
    pub span: Span,
}

/// Every character that was set with the fonts' "missing glyph" (glyph 0), in page order.
pub fn missing_glyphs(document: &PagedDocument) -> Vec<MissingGlyph> {
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(&page.frame, &mut |item| {
            if let FrameItem::Text(text) = item {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    let chars = text.text.get(glyph.range()).unwrap_or("");
                    for ch in chars.chars().filter(|c| !c.is_whitespace()) {
                        out.push(MissingGlyph { page: i + 1, ch, span: glyph.span.0 });
                    }
                }
            }
        });
    }
    out
}

/// Calls `f` on every item of a frame and its groups, depth first.
fn walk(frame: &Frame, f: &mut impl FnMut(&FrameItem)) {
    for (_, item) in frame.items() {
        f(item);
        if let FrameItem::Group(group) = item {
            walk(&group.frame, f);
        }
    }
}

/// The box around everything drawn on a frame (text, shapes, images), in pt from the
/// frame's top-left as (x0, y0, x1, y1); `None` for an empty frame. Text boxes are
/// approximated from the font size (ascent 0.8 em, descent 0.25 em).
pub fn content_bounds(frame: &Frame) -> Option<(f64, f64, f64, f64)> {
    let mut bounds: Option<(f64, f64, f64, f64)> = None;
    collect_bounds(frame, Transform::identity(), &mut bounds);
    bounds
}

/// Adds the boxes of a frame's items, under `ts`, to `acc`.
fn collect_bounds(frame: &Frame, ts: Transform, acc: &mut Option<(f64, f64, f64, f64)>) {
    for (pos, item) in frame.items() {
        let local = ts.pre_concat(Transform::translate(pos.x, pos.y));
        let rect = match item {
            FrameItem::Group(group) => {
                collect_bounds(&group.frame, local.pre_concat(group.transform), acc);
                continue;
            }
            FrameItem::Text(text) => {
                let em = text.size;
                Some((
                    Point::new(Abs::zero(), -em * 0.8),
                    Point::new(text.width(), em * 0.25),
                ))
            }
            FrameItem::Shape(shape, _) => {
                let r = shape.bbox(true);
                Some((r.min, r.max))
            }
            FrameItem::Image(_, size, _) => {
                Some((Point::zero(), Point::new(size.x, size.y)))
            }
            FrameItem::Link(..) | FrameItem::Tag(_) => None,
        };
        if let Some((min, max)) = rect {
            for corner in [min, Point::new(max.x, min.y), Point::new(min.x, max.y), max] {
                let p = corner.transform(local);
                let (x, y) = (p.x.to_pt(), p.y.to_pt());
                *acc = Some(match *acc {
                    None => (x, y, x, y),
                    Some((x0, y0, x1, y1)) => {
                        (x0.min(x), y0.min(y), x1.max(x), y1.max(y))
                    }
                });
            }
        }
    }
}
