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

/// Text that runs past the edge of the area it was laid out in (an over-long word in
/// a narrow column, a title too long, a table wider than the page).
#[derive(Debug, Clone, PartialEq)]
pub struct Overflow {
    /// 1-based page number.
    pub page: usize,
    /// How far past the area's edge, in pt.
    pub excess: f64,
    /// The text that overflows.
    pub text: String,
    /// Where that text came from.
    pub span: Span,
}

/// Finds text running out of its area. Each direct child group of a page is an area
/// typst laid out (the body inside the margins, the header, the footer): text placed
/// beyond such a group's width overflows it.
pub fn overflows(document: &PagedDocument) -> Vec<Overflow> {
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        for (_, item) in page.frame.items() {
            let FrameItem::Group(group) = item else { continue };
            let width = group.frame.width().to_pt();
            let mut found: Option<Overflow> = None;
            text_extents(
                &group.frame,
                Transform::identity(),
                &mut |x0, x1, em, text, span| {
                    let excess = (x1 - width).max(-x0);
                    // Typst lets hyphens and punctuation hang a little into the margin at
                    // line ends (protrusion): only more than half an em is an overflow.
                    if excess > 0.5 * em
                        && found.as_ref().is_none_or(|f| excess > f.excess)
                    {
                        found = Some(Overflow {
                            page: i + 1,
                            excess,
                            text: text.to_string(),
                            span,
                        });
                    }
                },
            );
            out.extend(found);
        }
    }
    out
}

/// Calls `f(x0, x1, em, text, span)` for every text run, x in the frame's coordinates,
/// without the run's trailing spaces; `em` is the font size in pt.
fn text_extents(
    frame: &Frame,
    ts: Transform,
    f: &mut impl FnMut(f64, f64, f64, &str, Span),
) {
    for (pos, item) in frame.items() {
        let local = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            // Content a group clips cannot overflow visibly.
            FrameItem::Group(group) if group.clip.is_none() => {
                text_extents(&group.frame, local.pre_concat(group.transform), f);
            }
            FrameItem::Text(text) => {
                let inked = text
                    .glyphs
                    .iter()
                    .rposition(|g| {
                        !text
                            .text
                            .get(g.range())
                            .is_some_and(|t| t.chars().all(char::is_whitespace))
                    })
                    .map_or(0, |last| last + 1);
                let width: Abs =
                    text.glyphs[..inked].iter().map(|g| g.x_advance.at(text.size)).sum();
                let a = Point::zero().transform(local).x.to_pt();
                let b = Point::new(width, Abs::zero()).transform(local).x.to_pt();
                let span = text.glyphs.first().map_or(Span::detached(), |g| g.span.0);
                f(a.min(b), a.max(b), text.size.to_pt(), &text.text, span);
            }
            _ => {}
        }
    }
}
