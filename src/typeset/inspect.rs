//! Reading laid-out documents: what a reader would see that the sources do not say.

use typst::foundations::{Content, Label, Selector, Value};
use typst::introspection::{Introspector, Location, MetadataElem, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::model::HeadingElem;
use typst::pdf::ArtifactElem;
use typst::syntax::Span;
use typst::utils::PicoStr;
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

/// Every `metadata(…) <label>` of a document: its string value (empty for other
/// values) and its 0-based page, in document order.
pub fn labelled_metadata(document: &PagedDocument, label: &str) -> Vec<(String, usize)> {
    let introspector = document.introspector();
    let Some(label) = Label::new(PicoStr::intern(label)) else { return Vec::new() };
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c: &Content| {
            let id = match &c.to_packed::<MetadataElem>()?.value {
                Value::Str(s) => s.to_string(),
                _ => String::new(),
            };
            let page = introspector.page(c.location()?)?.get() - 1;
            Some((id, page))
        })
        .collect()
}

/// The chapter (stem) a 0-based page belongs to, from the layout's `<livret-chapter>`
/// marks; `None` before the first chapter.
pub fn chapter_of_page(document: &PagedDocument, page: usize) -> Option<String> {
    labelled_metadata(document, "livret-chapter")
        .into_iter()
        .take_while(|(_, start)| *start <= page)
        .last()
        .map(|(id, _)| id)
}

/// A heading left alone at the bottom of a page: its text continues on the next page.
#[derive(Debug, Clone, PartialEq)]
pub struct LonelyHeading {
    /// 1-based page number.
    pub page: usize,
    /// The heading's text.
    pub text: String,
    /// Where the heading is written.
    pub span: Span,
}

/// An item of a page's body (not its header, footer or other artifacts), in the order
/// typst placed it, which for a flow is reading order.
enum BodyItem<'a> {
    /// Something that puts ink on the page.
    Ink,
    /// An element starts.
    Start(&'a Content),
    /// An element ends.
    End(Location),
    /// A group's items begin (placed content: a block, a paragraph's lines).
    Enter,
    /// A group's items end.
    Leave,
}

/// Calls `f` on the body items of a frame, depth first, skipping artifacts.
fn body_items<'a>(
    frame: &'a Frame,
    artifacts: &mut Vec<Location>,
    f: &mut impl FnMut(BodyItem<'a>),
) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                f(BodyItem::Enter);
                body_items(&group.frame, artifacts, f);
                f(BodyItem::Leave);
            }
            FrameItem::Tag(Tag::Start(content, _)) => {
                if content.is::<ArtifactElem>() {
                    artifacts.extend(content.location());
                } else if artifacts.is_empty() {
                    f(BodyItem::Start(content));
                }
            }
            FrameItem::Tag(Tag::End(location, ..)) => {
                if artifacts.last() == Some(location) {
                    artifacts.pop();
                } else if artifacts.is_empty() {
                    f(BodyItem::End(*location));
                }
            }
            FrameItem::Text(_) | FrameItem::Shape(..) | FrameItem::Image(..) => {
                if artifacts.is_empty() {
                    f(BodyItem::Ink);
                }
            }
            FrameItem::Link(..) => {}
        }
    }
}

/// Headings that end a page's body with nothing after them: the reader meets the
/// heading at the foot of one page and its text overleaf.
pub fn lonely_headings(document: &PagedDocument) -> Vec<LonelyHeading> {
    let mut out = Vec::new();
    let last_page = document.pages().len();
    for (i, page) in document.pages().iter().enumerate() {
        // The heading being drawn (with the group depth of its start tag), and the
        // heading drawn last if nothing was drawn after it yet. A heading's drawing
        // is the group that follows its start tag, or everything up to its end tag
        // (its end tag can land on a later page when typst moves what follows).
        let mut depth = 0;
        let mut open: Option<(&Content, usize)> = None;
        let mut pending: Option<&Content> = None;
        body_items(&page.frame, &mut Vec::new(), &mut |item| match item {
            BodyItem::Start(content) if content.is::<HeadingElem>() => {
                open = Some((content, depth));
                pending = None;
            }
            BodyItem::End(location) => {
                if let Some((content, _)) = open
                    && content.location() == Some(location)
                {
                    pending = Some(content);
                    open = None;
                }
            }
            BodyItem::Enter => depth += 1,
            BodyItem::Leave => {
                depth -= 1;
                if let Some((content, at)) = open
                    && at == depth
                {
                    pending = Some(content);
                    open = None;
                }
            }
            BodyItem::Ink if open.is_none() => pending = None,
            _ => {}
        });
        if let Some(heading) = pending
            && i + 1 < last_page
        {
            let text = heading
                .to_packed::<HeadingElem>()
                .map(|h| h.body.plain_text().to_string())
                .unwrap_or_default();
            out.push(LonelyHeading { page: i + 1, text, span: heading.span() });
        }
    }
    out
}

/// 1-based numbers of pages whose body is empty (a running header or page number
/// alone), unless the layout marked them as deliberate blanks with
/// `metadata(…) <livret-blank>`.
pub fn empty_pages(document: &PagedDocument) -> Vec<usize> {
    let blanks: Vec<usize> =
        labelled_metadata(document, "livret-blank").into_iter().map(|(_, p)| p).collect();
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        let mut inked = false;
        body_items(&page.frame, &mut Vec::new(), &mut |item| {
            if matches!(item, BodyItem::Ink) {
                inked = true;
            }
        });
        if !inked && !blanks.contains(&i) {
            out.push(i + 1);
        }
    }
    out
}
