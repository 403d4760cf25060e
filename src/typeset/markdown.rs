//! Markdown chapters → Typst markup.
//!
//! Every piece of text a translator writes is escaped, so it can never run as
//! Typst code: the only code in the output is what this module writes itself
//! (calls to the layout's functions and to Typst's `list`, `table`, …).

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{BlockQuoteKind, Event, Options, Parser, Tag, TagEnd};

use crate::i18n::Text;
use crate::tr;

/// A chapter converted to Typst markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    /// Typst markup, ready to be placed in a content block.
    pub typst: String,
    /// For each line of `typst` (0-based), the 1-based Markdown line it came from.
    pub lines: Vec<usize>,
    /// What is printed otherwise than written (raw HTML as text, a link that is not
    /// made live), each with its line and what to do.
    pub warnings: Vec<Refusal>,
}

/// An image reference found in the Markdown, resolved by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// The destination as written in the Markdown.
    pub dest: &'a str,
    /// The 1-based Markdown line of the reference.
    pub line: usize,
}

/// Marks a footnote reference until definitions are known (never produced by escaping).
const FOOTNOTE_MARK: char = '\u{E000}';

/// Marks where a footnote definition was written, to print it there when no text
/// refers to it (never produced by escaping).
const DEFINITION_MARK: char = '\u{E001}';

/// How many Markdown elements may be open inside one another (a list in a list item
/// in a list counts 3). Real chapters use fewer than 10; typst stops at 40 to 80
/// levels with "maximum show rule depth exceeded" (a hint about show rules that
/// misleads a translator), and thousands of levels cost gigabytes before it does.
pub const MAX_DEPTH: usize = 32;

/// How many lists and quotes may be open inside one another: typst stops at 16
/// quotes in the layouts' show rules, and a pocket page has no width left long before.
pub const MAX_BLOCK_DEPTH: usize = 12;

/// Why a chapter cannot be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvertError<E> {
    /// The image resolver refused an image.
    Image(E),
    /// The Markdown holds something livret does not print.
    Refused(Refusal),
}

/// Something in a chapter livret refuses rather than print wrongly or drop (or, as a
/// warning, prints otherwise than written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 1-based Markdown line.
    pub line: usize,
    /// What is refused.
    pub message: Text,
    /// How to fix it.
    pub hint: Text,
}

/// The pulldown-cmark options livret parses chapters with.
///
/// Left out on purpose, so that their syntax stays text and nothing is dropped:
/// math (`$5 and $10` would lose its dollars), wikilinks, superscript and subscript,
/// smart punctuation (typst sets quotes itself), heading attributes (`{2024}` at the
/// end of a heading would vanish) and metadata blocks (a `---` line further down is
/// a rule; front matter at the top is refused by [`to_typst`]).
/// They are defined once in `project::segments`, so that the blocks translators
/// review are the blocks typeset.
pub fn parser_options() -> Options {
    crate::project::segments::parser_options()
}

/// Converts Markdown to Typst markup.
///
/// `resolve_image` maps an image destination to the project path Typst should load
/// (e.g. `/sources/images/x.svg`), or fails with a message that the caller locates.
pub fn to_typst<E>(
    markdown: &str,
    mut resolve_image: impl FnMut(ImageRef) -> Result<String, E>,
) -> Result<Converted, ConvertError<E>> {
    let markdown = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    if let Some(refusal) = front_matter::front_matter(markdown) {
        return Err(ConvertError::Refused(refusal));
    }
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);

    // Lines are 1-based; output before any event (an empty chapter) maps to line 1.
    let mut w = Writer { md_line: 1, ..Writer::default() };
    let (mut depth, mut blocks) = (0, 0);
    // What HTML and code took in: a `<!--` anywhere else was left open.
    let mut taken = Vec::new();
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        w.md_line = line_of(range.start);
        if matches!(
            event,
            Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Code(_)
                | Event::Start(Tag::HtmlBlock | Tag::CodeBlock(_))
        ) {
            taken.push(range.clone());
        }
        match event {
            Event::Start(tag) => {
                depth += 1;
                blocks += usize::from(matches!(tag, Tag::List(_) | Tag::BlockQuote(_)));
                if depth > MAX_DEPTH || blocks > MAX_BLOCK_DEPTH {
                    return Err(ConvertError::Refused(too_deep(w.md_line)));
                }
                w.start(tag, &mut resolve_image)?
            }
            Event::End(tag) => {
                depth -= 1;
                blocks -=
                    usize::from(matches!(tag, TagEnd::List(_) | TagEnd::BlockQuote(_)));
                w.end(tag)
            }
            event => w.leaf(event),
        }
        if let Some(refusal) = w.error.take() {
            return Err(ConvertError::Refused(refusal));
        }
    }
    if let Some(at) = html::stray_comment(markdown, &taken) {
        return Err(ConvertError::Refused(html::unclosed_comment(line_of(at))));
    }
    Ok(w.finish())
}

/// The refusal of an element nested deeper than [`MAX_DEPTH`].
fn too_deep(line: usize) -> Refusal {
    Refusal {
        line,
        message: tr!(
            "typeset-markdown-too-deep",
            lists = MAX_BLOCK_DEPTH,
            elements = MAX_DEPTH
        ),
        hint: tr!("typeset-markdown-too-deep-hint"),
    }
}

/// Builds the output while walking the events.
#[derive(Default)]
struct Writer {
    out: String,
    lines: Vec<usize>,
    md_line: usize,
    in_heading: bool,
    /// Open footnote definitions, innermost last (a definition may hold a list that
    /// holds another): (label, buffer).
    footnote: Vec<(String, String)>,
    /// Every footnote definition in order: (label, body).
    definitions: Vec<(String, String)>,
    /// Label → index in `definitions` of its first definition (the one used).
    first_definition: HashMap<String, usize>,
    /// Labels some text refers to.
    referenced: HashSet<String>,
    /// Alt text being collected for an image: (typst path, alt so far, title).
    capture: Option<(String, String, String)>,
    /// Per open definition list: what is open in it.
    terms: Vec<TermState>,
    /// The words of the open heading, and how often each heading anchor was given.
    heading_text: String,
    anchors: HashMap<String, usize>,
    /// The open HTML block: its first line and its text so far.
    html: Option<(usize, String)>,
    /// Whether inline HTML left a comment open (it goes on in the next event).
    open_comment: bool,
    /// What is printed otherwise than written.
    warnings: Vec<Refusal>,
    /// The first refusal met inside an event (the conversion stops there).
    error: Option<Refusal>,
}

/// What is open inside a definition list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TermState {
    None,
    Title,
    Definition,
}

impl Writer {
    /// Appends output, recording the Markdown line of each finished output line.
    ///
    /// Nothing is written while an image's alt text or a code block is collected:
    /// markup there (emphasis in an alt text) cannot be shown, its words are kept.
    fn push(&mut self, s: &str) {
        if self.capture.is_some() {
            return;
        }
        if let Some((_, buf)) = self.footnote.last_mut() {
            buf.push_str(&s.replace('\n', " "));
            return;
        }
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
                self.lines.push(self.md_line);
            }
            self.out.push_str(part);
        }
    }

    /// Records what is open in the innermost definition list.
    fn set_term_state(&mut self, state: TermState) {
        if let Some(last) = self.terms.last_mut() {
            *last = state;
        }
    }

    /// Makes sure the next output starts a line.
    fn newline(&mut self) {
        let at_start = match self.footnote.last() {
            Some((_, buf)) => buf.is_empty() || buf.ends_with(' '),
            None => self.out.is_empty() || self.out.ends_with('\n'),
        };
        if !at_start {
            self.push("\n");
        }
    }

    /// Writes a block-level line of code on its own line.
    fn block(&mut self, code: &str) {
        self.newline();
        self.push(code);
        self.push("\n");
    }

    /// Writes an event that opens nothing.
    fn leaf(&mut self, event: Event) {
        match event {
            Event::Start(_) | Event::End(_) => {
                unreachable!("tags are handled by the caller")
            }
            Event::Text(text) => self.text(&text),
            // Inside an image's alt text only words can go: keep them all.
            Event::Code(text) if self.capture.is_some() => self.text(&text),
            Event::SoftBreak | Event::HardBreak if self.capture.is_some() => {
                self.text(" ")
            }
            Event::FootnoteReference(label) if self.capture.is_some() => {
                self.text(&format!("[^{label}]"))
            }
            Event::Code(code) => {
                let code = format!("#raw({})", string_literal(&code));
                self.push(&code);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            Event::FootnoteReference(label) => {
                self.referenced.insert(label.to_string());
                self.push(&format!("{FOOTNOTE_MARK}{label}{FOOTNOTE_MARK}"));
            }
            Event::SoftBreak => {
                if self.in_heading {
                    self.heading_text.push(' ');
                    self.push(" ")
                } else {
                    self.push("\n")
                }
            }
            Event::HardBreak if self.in_heading => {
                self.heading_text.push(' ');
                self.push("#linebreak()")
            }
            Event::HardBreak => self.push("\\\n"),
            Event::Rule => self.block("#line(length: 100%)"),
            Event::TaskListMarker(done) => self.push(if done { "☑ " } else { "☐ " }),
        }
    }

    /// Writes escaped text.
    fn text(&mut self, text: &str) {
        if let Some((_, alt, _)) = &mut self.capture {
            alt.push_str(text);
            return;
        }
        if self.in_heading {
            self.heading_text.push_str(text);
        }
        let escaped = escape_markup(text);
        self.push(&escaped);
    }

    /// Writes the opening of a tag.
    fn start<E>(
        &mut self,
        tag: Tag,
        resolve_image: &mut impl FnMut(ImageRef) -> Result<String, E>,
    ) -> Result<(), ConvertError<E>> {
        match tag {
            Tag::Paragraph => self.newline(),
            Tag::Heading { level, .. } => {
                self.newline();
                self.in_heading = true;
                let marks = "=".repeat(level as usize);
                self.push(&format!("{marks} "));
            }
            Tag::BlockQuote(kind) => self.quote_start(kind),
            Tag::CodeBlock(kind) => self.code_block_start(kind),
            Tag::HtmlBlock => self.html_block_start(),
            Tag::List(None) => {
                self.newline();
                self.push("#list(\n");
            }
            Tag::List(Some(start)) => {
                self.newline();
                self.push(&format!("#enum(start: {start},\n"));
            }
            Tag::Item => self.push("["),
            Tag::FootnoteDefinition(label) => {
                self.footnote.push((label.to_string(), String::new()));
            }
            Tag::DefinitionList => {
                self.newline();
                self.push("#terms(\n");
                self.terms.push(TermState::None);
            }
            Tag::DefinitionListTitle => self.term_title_start(),
            Tag::DefinitionListDefinition => self.term_definition_start(),
            Tag::Table(alignments) => self.table_start(&alignments),
            Tag::TableHead => self.push("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.push("["),
            Tag::Emphasis => self.push("#emph["),
            Tag::Strong => self.push("#strong["),
            Tag::Strikethrough => self.push("#strike["),
            Tag::Superscript => self.push("#super["),
            Tag::Subscript => self.push("#sub["),
            Tag::Link { link_type, dest_url, .. } => {
                self.link_start(link_type, &dest_url)
            }
            Tag::Image { dest_url, title, .. } => {
                self.image_start(&dest_url, &title, resolve_image)?
            }
            Tag::MetadataBlock(_) => {}
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.push("\n\n"),
            TagEnd::Heading(_) => {
                self.in_heading = false;
                self.anchor_heading();
                self.push("\n\n");
            }
            TagEnd::BlockQuote(_) => {
                self.newline();
                self.push("]\n\n");
            }
            TagEnd::CodeBlock => {
                if let Some((_, code, _)) = self.capture.take() {
                    let code = code.replace("\r\n", "\n");
                    let code = code.strip_suffix('\n').unwrap_or(&code).to_string();
                    self.push(&string_literal(&code));
                }
                self.push(")\n\n");
            }
            TagEnd::HtmlBlock => self.html_block_end(),
            TagEnd::List(_) => {
                self.newline();
                self.push(")\n\n");
            }
            TagEnd::Item => {
                // Trim the paragraph break a loose item ends with, keep the line count.
                self.push("],\n");
            }
            TagEnd::FootnoteDefinition => {
                if let Some((label, buf)) = self.footnote.pop() {
                    let index = self.definitions.len();
                    self.first_definition.entry(label.clone()).or_insert(index);
                    self.definitions.push((label, buf.trim().to_string()));
                    // Printed here only if no text refers to it (known at the end).
                    self.block(&format!("{DEFINITION_MARK}{index}{DEFINITION_MARK}"));
                }
            }
            TagEnd::DefinitionList => {
                if self.terms.pop().is_some_and(|state| state != TermState::None) {
                    self.push("]),\n");
                }
                self.push(")\n\n");
            }
            TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => {}
            TagEnd::Table => {
                self.newline();
                self.push(")\n\n");
            }
            TagEnd::TableHead => self.push("),\n"),
            TagEnd::TableRow => self.push("\n"),
            TagEnd::TableCell => self.push("], "),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => self.push("]"),
            TagEnd::Image => {
                if let Some((path, alt, title)) = self.capture.take() {
                    let caption = if title.is_empty() {
                        String::new()
                    } else {
                        format!(", caption: [{}]", escape_markup(&title))
                    };
                    let call = format!(
                        "#book-image({}, alt: {}{caption})",
                        string_literal(&path),
                        string_literal(&alt)
                    );
                    self.push(&call);
                }
            }
            TagEnd::MetadataBlock(_) => {}
        }
    }
}

/// Whether inline HTML is a line break tag: `<br>`, `<br/>`, `<BR />`.
fn is_line_break(html: &str) -> bool {
    let inner = html.trim().trim_start_matches('<').trim_end_matches('>');
    inner.trim_end_matches('/').trim().eq_ignore_ascii_case("br")
}

/// The callout kind the layout's `callout` function takes.
fn callout_kind(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Important | BlockQuoteKind::Note => "remember",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Warning | BlockQuoteKind::Caution => "warning",
    }
}

/// Escapes text so that Typst markup shows it literally.
///
/// Every ASCII character that can start markup, code, math, a comment, a label,
/// a reference, a shorthand or a list is preceded by a backslash, and so is `(`,
/// which would otherwise continue a preceding `#call[…]`. Quotes are left to
/// Typst's smart quotes (they cannot start code).
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '[' | ']' | '='
            | '-' | '+' | '/' | '~' | '.' | ':' | '{' | '}' | '(' => {
                out.push('\\');
                out.push(c);
            }
            // Our own placeholder character must not be forged by a translator.
            FOOTNOTE_MARK => out.push_str("\\u{e000}"),
            DEFINITION_MARK => out.push_str("\\u{e001}"),
            // Line and paragraph separators, which typst reads as line ends (a heading
            // would end there), and other characters that end lines: a space.
            c if is_line_end(c) => out.push(' '),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` ends a line for typst or for some editor: line feed, carriage
/// return, vertical tab, form feed, next line (U+0085), line and paragraph separators
/// (U+2028, U+2029).
pub fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Writes a Typst string literal holding `text` exactly.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Typst counts these as line ends: written raw, they would shift the line
            // map that places messages in chapters.
            c if c.is_control() || is_line_end(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

mod blocks;
mod front_matter;
mod html;
pub mod links;
mod notes;

#[cfg(test)]
mod tests;
