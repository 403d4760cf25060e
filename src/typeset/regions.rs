//! Where chosen lines of the chapter files lie on the laid-out pages: the boxes around
//! the text that came from them, for marking changed passages on proofs.

use std::collections::BTreeMap;
use std::ops::Range;

use typst::World;
use typst::WorldExt;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst_layout::PagedDocument;

use crate::typeset::world::GuideWorld;

/// A passage to find: lines of one chapter file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Project-relative path of the chapter file.
    pub file: String,
    /// 1-based lines, end exclusive.
    pub lines: Range<usize>,
}

/// Text of one passage on one page: the box around it, in pt from the page's top-left.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Index of the passage in the list asked for.
    pub passage: usize,
    /// 0-based page.
    pub page: usize,
    /// Left, top, right, bottom in pt.
    pub bounds: (f64, f64, f64, f64),
}

/// The chapter file and 1-based line a span of the world's sources came from: through
/// the line map for the generated main source, as they are for included Typst files.
pub fn origin(world: &GuideWorld, span: Span) -> Option<(String, usize)> {
    let id = span.id()?;
    let range = world.range(span)?;
    let source = world.source(id).ok()?;
    let line = source.lines().byte_to_line(range.start)?;
    let path = id.vpath().get_without_slash();
    if path == world.main_path() {
        let origin = world.line_map().get(line)?.as_ref()?;
        return Some((origin.file.clone(), origin.line));
    }
    Some((path.to_string(), line + 1))
}

/// The boxes of text from each passage, one per passage and page, in page order.
pub fn find(
    world: &GuideWorld,
    document: &PagedDocument,
    passages: &[Passage],
) -> Vec<Region> {
    let mut found: BTreeMap<(usize, usize), (f64, f64, f64, f64)> = BTreeMap::new();
    if passages.is_empty() {
        return Vec::new();
    }
    for (page, p) in document.pages().iter().enumerate() {
        text_boxes(&p.frame, Transform::identity(), &mut |span, bounds| {
            let Some((file, line)) = origin(world, span) else { return };
            for (i, passage) in passages.iter().enumerate() {
                if passage.file == file && passage.lines.contains(&line) {
                    let entry = found.entry((page, i)).or_insert(bounds);
                    *entry = union(*entry, bounds);
                }
            }
        });
    }
    found
        .into_iter()
        .map(|((page, passage), bounds)| Region { passage, page, bounds })
        .collect()
}

/// The smallest box holding both.
fn union(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> (f64, f64, f64, f64) {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

/// Calls `f(span, box)` for every text run of a frame and its groups, the box in the
/// outer frame's coordinates approximated from the font size (ascent 0.8 em, descent
/// 0.25 em) and the glyphs' advances.
fn text_boxes(
    frame: &Frame,
    ts: Transform,
    f: &mut impl FnMut(Span, (f64, f64, f64, f64)),
) {
    for (pos, item) in frame.items() {
        let local = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => {
                text_boxes(&group.frame, local.pre_concat(group.transform), f);
            }
            FrameItem::Text(text) => {
                let Some(span) =
                    text.glyphs.iter().map(|g| g.span.0).find(|s| !s.is_detached())
                else {
                    continue;
                };
                let width: Abs =
                    text.glyphs.iter().map(|g| g.x_advance.at(text.size)).sum();
                let corners = [
                    Point::new(Abs::zero(), -text.size * 0.8),
                    Point::new(width, text.size * 0.25),
                ]
                .map(|p| p.transform(local));
                let (a, b) = (corners[0], corners[1]);
                f(
                    span,
                    (
                        a.x.to_pt().min(b.x.to_pt()),
                        a.y.to_pt().min(b.y.to_pt()),
                        a.x.to_pt().max(b.x.to_pt()),
                        a.y.to_pt().max(b.y.to_pt()),
                    ),
                );
            }
            _ => {}
        }
    }
}
