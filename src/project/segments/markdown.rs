//! Markdown chapters → blocks, walking pulldown-cmark's events with their offsets.

use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, Event, Parser, Tag, TagEnd};

use super::{Anchor, Kind, Piece, parser_options};

/// Containers deeper than this are left out of a block's path (the path stays short
/// for pathological nesting; typesetting refuses such chapters anyway).
const MAX_PATH_DEPTH: usize = 40;

/// An open element around the text being read.
#[derive(Debug, Clone)]
enum Frame {
    Paragraph,
    Heading(u8),
    Quote,
    Callout(&'static str),
    Code,
    Html,
    List(bool),
    Item,
    Footnote(String),
    DefinitionList,
    Term,
    Definition,
    Table,
    Head,
    /// A row, with its 1-based number among the table's body rows.
    Row(usize),
    /// A cell, with its 1-based column.
    Cell(usize),
    Other,
}

impl Frame {
    /// The frame's part of a block's path (`None`: not shown).
    fn name(&self) -> Option<String> {
        Some(match self {
            Frame::Paragraph | Frame::Other => return None,
            Frame::Heading(level) => format!("heading{level}"),
            Frame::Quote => "quote".into(),
            Frame::Callout(kind) => format!("callout:{kind}"),
            Frame::Code => "code".into(),
            Frame::Html => "html".into(),
            Frame::List(true) => "enum".into(),
            Frame::List(false) => "list".into(),
            Frame::Item => "item".into(),
            Frame::Footnote(_) => "footnote".into(),
            Frame::DefinitionList => "terms".into(),
            Frame::Term => "term".into(),
            Frame::Definition => "definition".into(),
            Frame::Table => "table".into(),
            Frame::Head => "head".into(),
            Frame::Row(n) => format!("row{n}"),
            Frame::Cell(n) => format!("cell{n}"),
        })
    }
}

/// The inline content read so far for the next block.
#[derive(Default)]
struct Leaf {
    range: Option<Range<usize>>,
    anchors: Vec<Anchor>,
    /// Images opened, and how many are open now.
    images: usize,
    in_image: usize,
    /// The alt text's range of the (last) image.
    alt: Option<Range<usize>>,
    /// Whether anything but an image (and line breaks) was read.
    outside_image: bool,
}

/// Walks the events and collects the blocks.
struct Splitter<'a> {
    text: &'a str,
    frames: Vec<Frame>,
    leaf: Leaf,
    out: Vec<Piece>,
    /// Rows of the innermost table so far, and cells of its current row.
    rows: Vec<(usize, usize)>,
    /// Open headings and cells: blocks found before them, and where their text goes.
    empties: Vec<(usize, usize)>,
}

/// The blocks of a Markdown chapter (BOM already removed).
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let mut s = Splitter {
        text,
        frames: Vec::new(),
        leaf: Leaf::default(),
        out: Vec::new(),
        rows: Vec::new(),
        empties: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => s.start(tag, range),
            Event::End(tag) => s.end(tag, range),
            Event::FootnoteReference(label) => {
                s.inline(range, true);
                s.leaf.anchors.push(Anchor::Footnote(label.to_string()));
            }
            Event::SoftBreak | Event::HardBreak => s.inline(range, false),
            Event::Rule => s.flush(),
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::TaskListMarker(_) => s.inline(range, true),
        }
    }
    s.flush();
    s.out
}

/// The name livret's callout boxes go by for a GitHub alert kind.
fn callout_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

impl Splitter<'_> {
    /// Reads inline content; `content`: it is more than a line break.
    fn inline(&mut self, range: Range<usize>, content: bool) {
        let leaf = &mut self.leaf;
        if leaf.in_image > 0 {
            leaf.alt = Some(union(leaf.alt.take(), &range));
        } else if content {
            leaf.outside_image = true;
        }
        leaf.range = Some(union(leaf.range.take(), &range));
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let frame = match tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => return self.inline(range, true),
            Tag::Link { dest_url, .. } => {
                self.inline(range, true);
                self.leaf.anchors.push(Anchor::Link(dest_url.to_string()));
                return;
            }
            Tag::Image { dest_url, .. } => {
                let leaf = &mut self.leaf;
                leaf.range = Some(union(leaf.range.take(), &range));
                leaf.images += 1;
                leaf.in_image += 1;
                // Where the alt text goes, even when it is empty: after `![`.
                let at = (range.start + 2).min(range.end);
                leaf.alt = Some(at..at);
                leaf.anchors.push(Anchor::Image(dest_url.to_string()));
                return;
            }
            Tag::Paragraph => Frame::Paragraph,
            Tag::Heading { level, .. } => Frame::Heading(level as u8),
            Tag::BlockQuote(None) => Frame::Quote,
            Tag::BlockQuote(Some(kind)) => Frame::Callout(callout_name(kind)),
            Tag::CodeBlock(_) => Frame::Code,
            Tag::HtmlBlock => Frame::Html,
            Tag::List(start) => Frame::List(start.is_some()),
            Tag::Item => Frame::Item,
            Tag::FootnoteDefinition(label) => Frame::Footnote(label.to_string()),
            Tag::DefinitionList => Frame::DefinitionList,
            Tag::DefinitionListTitle => Frame::Term,
            Tag::DefinitionListDefinition => Frame::Definition,
            Tag::Table(_) => {
                self.rows.push((0, 0));
                Frame::Table
            }
            Tag::TableHead => {
                if let Some(row) = self.rows.last_mut() {
                    row.1 = 0;
                }
                Frame::Head
            }
            Tag::TableRow => match self.rows.last_mut() {
                Some(row) => {
                    *row = (row.0 + 1, 0);
                    Frame::Row(row.0)
                }
                None => Frame::Other,
            },
            Tag::TableCell => match self.rows.last_mut() {
                Some(row) => {
                    row.1 += 1;
                    Frame::Cell(row.1)
                }
                None => Frame::Other,
            },
            Tag::MetadataBlock(_) => Frame::Other,
        };
        self.flush();
        if matches!(frame, Frame::Heading(_) | Frame::Cell(_)) {
            // An empty heading or cell is still a block: remember where its text goes.
            let at = self.text_start(range);
            self.empties.push((self.out.len(), at));
        }
        self.frames.push(frame);
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => return self.inline(range, true),
            TagEnd::Image => {
                let leaf = &mut self.leaf;
                leaf.range = Some(union(leaf.range.take(), &range));
                leaf.in_image = leaf.in_image.saturating_sub(1);
                return;
            }
            _ => {}
        }
        self.flush();
        let frame = self.frames.pop();
        if matches!(frame, Some(Frame::Heading(_) | Frame::Cell(_)))
            && let Some((count, at)) = self.empties.pop()
            && count == self.out.len()
        {
            self.frames.push(frame.expect("just popped"));
            self.push_piece(at..at, Vec::new(), None);
            self.frames.pop();
        }
        if matches!(tag, TagEnd::Table) {
            self.rows.pop();
        }
    }

    /// Where the text of a heading or cell starting at `range` begins: after the
    /// `#` marks and spaces of an ATX heading, after leading spaces and a `|`.
    fn text_start(&self, range: Range<usize>) -> usize {
        let bytes = self.text.as_bytes();
        let mut at = range.start;
        let end = range.end.min(bytes.len());
        while at < end && matches!(bytes[at], b'#' | b' ' | b'\t' | b'|') {
            at += 1;
        }
        at
    }

    /// Ends the block being read, if any.
    fn flush(&mut self) {
        let leaf = std::mem::take(&mut self.leaf);
        let Some(range) = leaf.range else { return };
        // A block of HTML comments is a hidden note, never printed: not text to translate.
        if matches!(self.frames.last(), Some(Frame::Html))
            && crate::util::html::only_comments(&self.text[range.clone()])
        {
            return;
        }
        if leaf.images == 1 && !leaf.outside_image {
            let alt = leaf.alt.unwrap_or(range);
            self.push_piece(alt, leaf.anchors, Some(Kind::Alt));
        } else {
            self.push_piece(range, leaf.anchors, None);
        }
    }

    /// Adds a block read inside the open frames (`kind`: unless they decide it).
    fn push_piece(
        &mut self,
        range: Range<usize>,
        mut anchors: Vec<Anchor>,
        kind: Option<Kind>,
    ) {
        let kind = kind.unwrap_or_else(|| self.kind());
        let mut parts: Vec<String> =
            self.frames.iter().filter_map(Frame::name).take(MAX_PATH_DEPTH).collect();
        if kind == Kind::Alt {
            parts.push("image".into());
        }
        if let Some(label) = self.frames.iter().rev().find_map(|f| match f {
            Frame::Footnote(label) => Some(label.clone()),
            _ => None,
        }) {
            anchors.insert(0, Anchor::Footnote(label));
        }
        let path = if parts.is_empty() { "paragraph".into() } else { parts.join("/") };
        self.out.push(Piece { kind, path, range, anchors });
    }

    /// The kind of text read inside the open frames: the innermost one that says,
    /// text of an "à retenir" box (or any callout) counting as the box's.
    fn kind(&self) -> Kind {
        let in_callout = self.frames.iter().any(|f| matches!(f, Frame::Callout(_)));
        for frame in self.frames.iter().rev() {
            return match frame {
                Frame::Heading(_) => Kind::Heading,
                Frame::Code => Kind::Code,
                Frame::Html => Kind::Html,
                Frame::Cell(_) => Kind::Cell,
                Frame::Term => Kind::Term,
                Frame::Definition => Kind::Definition,
                Frame::Item | Frame::Quote | Frame::Callout(_) if in_callout => {
                    Kind::Callout
                }
                Frame::Item => Kind::Item,
                Frame::Footnote(_) => Kind::Footnote,
                Frame::Quote => Kind::Quote,
                _ => continue,
            };
        }
        Kind::Paragraph
    }
}

/// `range` widened to cover `more`.
fn union(range: Option<Range<usize>>, more: &Range<usize>) -> Range<usize> {
    match range {
        Some(r) => r.start.min(more.start)..r.end.max(more.end),
        None => more.clone(),
    }
}
