//! A chapter as a sequence of blocks — headings, paragraphs, list items, table cells,
//! "à retenir" boxes, footnote texts, image alt texts — each with its kind, where it
//! sits in the structure, its source text and its lines: the unit translators review.
//!
//! Markdown is split with the parser options typesetting uses ([`parser_options`]),
//! so what is a block here is what is typeset. Typst chapters are split into their
//! top-level markup blocks: runs of markup between paragraph breaks, each heading and
//! list item on its own.

pub mod align;
mod markdown;
mod typst;

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a block is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A heading's text (without its `#` marks).
    Heading,
    /// A paragraph outside any list, quote, box or note.
    Paragraph,
    /// A list item's own text (its nested lists are blocks of their own).
    Item,
    /// A table cell (header cells too; an empty cell is an empty block).
    Cell,
    /// A paragraph or item text inside an "à retenir" box or another callout
    /// (`> [!IMPORTANT]`, `> [!NOTE]`, `> [!TIP]`, `> [!WARNING]`, `> [!CAUTION]`).
    Callout,
    /// A paragraph of a plain quote (`> …`).
    Quote,
    /// A footnote definition's text (`[^label]: …`).
    Footnote,
    /// The alt text of an image that stands alone in its paragraph.
    Alt,
    /// A definition list's term.
    Term,
    /// A definition list's definition.
    Definition,
    /// A code block's content, or a Typst chapter's top-level code (`#table(…)`).
    Code,
    /// A raw HTML block.
    Html,
}

impl Kind {
    /// The kind's name as written in reports, JSON and snapshots (`heading`, `item`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Item => "item",
            Kind::Cell => "cell",
            Kind::Callout => "callout",
            Kind::Quote => "quote",
            Kind::Footnote => "footnote",
            Kind::Alt => "alt",
            Kind::Term => "term",
            Kind::Definition => "definition",
            Kind::Code => "code",
            Kind::Html => "html",
        }
    }

    /// The kind in words, in the interface language (`heading` → "heading").
    pub fn said(self) -> crate::i18n::Text {
        use crate::tr;
        match self {
            Kind::Heading => tr!("project-kind-heading"),
            Kind::Paragraph => tr!("project-kind-paragraph"),
            Kind::Item => tr!("project-kind-item"),
            Kind::Cell => tr!("project-kind-cell"),
            Kind::Callout => tr!("project-kind-callout"),
            Kind::Quote => tr!("project-kind-quote"),
            Kind::Footnote => tr!("project-kind-footnote"),
            Kind::Alt => tr!("project-kind-alt"),
            Kind::Term => tr!("project-kind-term"),
            Kind::Definition => tr!("project-kind-definition"),
            Kind::Code => tr!("project-kind-code"),
            Kind::Html => tr!("project-kind-html"),
        }
    }

    /// The kind named `name` (see [`Kind::name`]).
    pub fn from_name(name: &str) -> Option<Kind> {
        ALL_KINDS.into_iter().find(|k| k.name() == name)
    }
}

/// Every kind, for lookups by name.
const ALL_KINDS: [Kind; 12] = [
    Kind::Heading,
    Kind::Paragraph,
    Kind::Item,
    Kind::Cell,
    Kind::Callout,
    Kind::Quote,
    Kind::Footnote,
    Kind::Alt,
    Kind::Term,
    Kind::Definition,
    Kind::Code,
    Kind::Html,
];

/// Something in a block a translation keeps as it is: where it points, not words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "target")]
pub enum Anchor {
    /// An image's file as written (`images/fleuve.jpg`).
    Image(String),
    /// A link's destination as written.
    Link(String),
    /// A footnote label, referred to (`[^grin]`) or defined (`[^grin]: …`).
    Footnote(String),
}

/// One block of a chapter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// 1-based position in the chapter's sequence of blocks.
    pub ordinal: usize,
    /// What it is.
    pub kind: Kind,
    /// Where it sits: its containers and itself, outermost first, e.g.
    /// `callout:remember/list/item`, `table/head/cell`, `heading2`.
    pub path: String,
    /// Byte range of the block's own text in the chapter (BOM removed): the content
    /// without the heading marks, list marker or `[^label]:` that frame it, and
    /// without the nested blocks it holds.
    pub range: Range<usize>,
    /// 1-based line where the block starts.
    pub line: usize,
    /// 1-based line where it ends (the same as `line` for a one-line block).
    pub end_line: usize,
    /// The block's Markdown (or Typst markup) exactly as in the file: `&chapter[range]`.
    pub text: String,
    /// Image targets, link targets and footnote labels, in order of appearance.
    pub anchors: Vec<Anchor>,
    /// The block's id, which survives edits elsewhere in the chapter (see
    /// `project::block_ids`); empty until the chapter's blocks are identified.
    pub id: String,
}

impl Block {
    /// Whether the 1-based `line` falls within the block.
    pub fn contains_line(&self, line: usize) -> bool {
        (self.line..=self.end_line).contains(&line)
    }

    /// The block's text with every run of white space (line breaks included) made
    /// one space and the ends trimmed: what "the same text" means when comparing.
    pub fn normalized(&self) -> String {
        normalize(&self.text)
    }
}

/// A block's text with its continuation lines' container marks (`> `, indentation)
/// dropped: what a translator writes for it (PO entries) and what the checks read.
pub fn without_container_marks(text: &str) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        out.push_str(line.trim_start_matches([' ', '\t', '>']));
    }
    out
}

/// `text` with the container marks that start its continuation lines (`> `,
/// indentation) left out, every run of white space made one space and the ends
/// trimmed: a block inside a quote and the same words in a PO entry compare equal.
pub fn normalize(text: &str) -> String {
    let mut lines = text.split('\n');
    let mut out: Vec<&str> = lines.next().unwrap_or("").split_whitespace().collect();
    for line in lines {
        out.extend(line.trim_start_matches([' ', '\t', '>']).split_whitespace());
    }
    out.join(" ")
}

/// The mark written before a block of a translation that still holds its source
/// text (`[fr] `): the block is not translated yet, and the reader of the PDF sees it.
pub fn untranslated_mark(source_lang: &str) -> String {
    format!("[{source_lang}] ")
}

/// Whether a translation block's text is its source text under the
/// [`untranslated_mark`].
pub fn is_untranslated(text: &str, source_lang: &str) -> bool {
    text.trim_start().starts_with(&untranslated_mark(source_lang))
}

/// How a chapter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.md`
    Markdown,
    /// `.typ`
    Typst,
}

impl Format {
    /// The format of a chapter file with this extension (`md` or `typ`).
    pub fn from_extension(ext: &str) -> Format {
        if ext == "typ" { Format::Typst } else { Format::Markdown }
    }
}

/// The pulldown-cmark options chapters are parsed with, for segments and for
/// typesetting alike (`typeset::markdown::parser_options` returns these; why some
/// options are left out is said there).
pub fn parser_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// Splits a chapter's text into blocks, in order. Never fails: text that is not
/// valid Markdown or Typst is still split as the parsers read it. A byte order mark
/// at the start is skipped (ranges count from after it).
pub fn segment(text: &str, format: Format) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pieces = match format {
        Format::Markdown => markdown::pieces(text),
        Format::Typst => typst::pieces(text),
    };
    let starts = line_starts(text);
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| Block {
            ordinal: i + 1,
            kind: p.kind,
            path: p.path,
            line: line_of(&starts, p.range.start),
            end_line: line_of(&starts, p.range.end.saturating_sub(1).max(p.range.start)),
            text: text[p.range.clone()].to_string(),
            range: p.range,
            anchors: p.anchors,
            id: String::new(),
        })
        .collect()
}

/// A block as a splitter finds it, before lines and ordinals are added.
struct Piece {
    kind: Kind,
    path: String,
    range: Range<usize>,
    anchors: Vec<Anchor>,
}

/// Byte offsets where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// The 1-based line of a byte offset.
fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).max(1)
}

#[cfg(test)]
mod tests;
