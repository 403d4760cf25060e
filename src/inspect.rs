//! Reading laid-out documents: what a reader would see that the sources do not say.

use typst::layout::{Frame, FrameItem};
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
