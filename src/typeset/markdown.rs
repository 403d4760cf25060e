//! Markdown chapters → Typst markup.
//!
//! Every piece of text a translator writes is escaped, so it can never run as
//! Typst code: the only code in the output is what this module writes itself
//! (calls to the layout's functions and to Typst's `list`, `table`, …).

use std::collections::HashMap;

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event, Options, Parser, Tag, TagEnd,
};

/// A chapter converted to Typst markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    /// Typst markup, ready to be placed in a content block.
    pub typst: String,
    /// For each line of `typst` (0-based), the 1-based Markdown line it came from.
    pub lines: Vec<usize>,
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

/// Converts Markdown to Typst markup.
///
/// `resolve_image` maps an image destination to the project path Typst should load
/// (e.g. `/sources/images/x.svg`), or fails with a message that the caller locates.
pub fn to_typst<E>(
    markdown: &str,
    mut resolve_image: impl FnMut(ImageRef) -> Result<String, E>,
) -> Result<Converted, E> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);

    let mut w = Writer::default();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        w.md_line = line_of(range.start);
        match event {
            Event::Start(tag) => w.start(tag, &mut resolve_image)?,
            Event::End(tag) => w.end(tag),
            Event::Text(text) => w.text(&text),
            Event::Code(code) => {
                let code = format!("#raw({})", string_literal(&code));
                w.push(&code);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => w.text(&text),
            Event::Html(html) | Event::InlineHtml(html) => {
                // Raw HTML is shown as text (never interpreted); comments are dropped.
                if !html.trim_start().starts_with("<!--") {
                    w.text(&html);
                }
            }
            Event::FootnoteReference(label) => {
                w.push(&format!("{FOOTNOTE_MARK}{label}{FOOTNOTE_MARK}"));
            }
            Event::SoftBreak => {
                if w.in_heading || w.capture.is_some() {
                    w.push(" ")
                } else {
                    w.push("\n")
                }
            }
            Event::HardBreak => w.push("\\\n"),
            Event::Rule => w.block("#line(length: 100%)"),
            Event::TaskListMarker(done) => w.push(if done { "☑ " } else { "☐ " }),
        }
    }
    Ok(w.finish())
}

/// Builds the output while walking the events.
#[derive(Default)]
struct Writer {
    out: String,
    lines: Vec<usize>,
    md_line: usize,
    in_heading: bool,
    /// Open footnote definition: (label, buffer).
    footnote: Option<(String, String)>,
    footnotes: HashMap<String, String>,
    /// Alt text being collected for an image: (typst path, alt so far, title).
    capture: Option<(String, String, String)>,
    /// Per open definition list: what is open in it.
    terms: Vec<TermState>,
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
    fn push(&mut self, s: &str) {
        if let Some((_, buf)) = &mut self.footnote {
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
        let at_start = match &self.footnote {
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

    /// Writes escaped text.
    fn text(&mut self, text: &str) {
        if let Some((_, alt, _)) = &mut self.capture {
            alt.push_str(text);
            return;
        }
        let escaped = escape_markup(text);
        self.push(&escaped);
    }

    fn start<E>(
        &mut self,
        tag: Tag,
        resolve_image: &mut impl FnMut(ImageRef) -> Result<String, E>,
    ) -> Result<(), E> {
        match tag {
            Tag::Paragraph => self.newline(),
            Tag::Heading { level, .. } => {
                self.newline();
                self.in_heading = true;
                let marks = "=".repeat(level as usize);
                self.push(&format!("{marks} "));
            }
            Tag::BlockQuote(kind) => {
                self.newline();
                let call = match kind {
                    None => "#quote(block: true)[".to_string(),
                    Some(kind) => format!("#callout(\"{}\")[", callout_kind(kind)),
                };
                self.push(&call);
                self.push("\n");
            }
            Tag::CodeBlock(kind) => {
                self.newline();
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => {
                        format!("lang: {}, ", string_literal(&lang))
                    }
                    _ => String::new(),
                };
                self.push(&format!("#raw(block: true, {lang}"));
                self.capture =
                    Some((String::from("\u{0}code"), String::new(), String::new()));
            }
            Tag::HtmlBlock => self.newline(),
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
                self.footnote = Some((label.to_string(), String::new()));
            }
            Tag::DefinitionList => {
                self.newline();
                self.push("#terms(\n");
                self.terms.push(TermState::None);
            }
            Tag::DefinitionListTitle => {
                if self.terms.last().is_some_and(|&state| state != TermState::None) {
                    self.push("]),\n");
                }
                self.push("terms.item([");
                self.set_term_state(TermState::Title);
            }
            Tag::DefinitionListDefinition => {
                if self.terms.last() == Some(&TermState::Title) {
                    self.push("], [");
                } else {
                    self.push("\n\n");
                }
                self.set_term_state(TermState::Definition);
            }
            Tag::Table(alignments) => {
                self.newline();
                let aligns: Vec<&str> = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::None | Alignment::Left => "start",
                        Alignment::Center => "center",
                        Alignment::Right => "end",
                    })
                    .collect();
                self.push(&format!(
                    "#table(columns: {}, align: ({},),\n",
                    alignments.len(),
                    aligns.join(", ")
                ));
            }
            Tag::TableHead => self.push("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.push("["),
            Tag::Emphasis => self.push("#emph["),
            Tag::Strong => self.push("#strong["),
            Tag::Strikethrough => self.push("#strike["),
            Tag::Superscript => self.push("#super["),
            Tag::Subscript => self.push("#sub["),
            Tag::Link { dest_url, .. } => {
                self.push(&format!("#link({})[", string_literal(&dest_url)));
            }
            Tag::Image { dest_url, title, .. } => {
                let path =
                    resolve_image(ImageRef { dest: &dest_url, line: self.md_line })?;
                self.capture = Some((path, String::new(), title.to_string()));
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
                self.push("\n\n");
            }
            TagEnd::BlockQuote(_) => {
                self.newline();
                self.push("]\n\n");
            }
            TagEnd::CodeBlock => {
                if let Some((_, code, _)) = self.capture.take() {
                    let code = code.strip_suffix('\n').unwrap_or(&code).to_string();
                    self.push(&string_literal(&code));
                }
                self.push(")\n\n");
            }
            TagEnd::HtmlBlock => self.push("\n\n"),
            TagEnd::List(_) => {
                self.newline();
                self.push(")\n\n");
            }
            TagEnd::Item => {
                // Trim the paragraph break a loose item ends with, keep the line count.
                self.push("],\n");
            }
            TagEnd::FootnoteDefinition => {
                if let Some((label, buf)) = self.footnote.take() {
                    self.footnotes.insert(label, buf.trim().to_string());
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

    /// Replaces footnote marks by the footnotes' content and returns the result.
    fn finish(mut self) -> Converted {
        if !self.out.ends_with('\n') {
            self.out.push('\n');
            self.lines.push(self.md_line);
        }
        let mut typst = String::with_capacity(self.out.len());
        let mut parts = self.out.split(FOOTNOTE_MARK);
        typst.push_str(parts.next().unwrap_or(""));
        while let Some(label) = parts.next() {
            match self.footnotes.get(label) {
                Some(body) => typst.push_str(&format!("#footnote[{body}]")),
                None => typst.push_str(&escape_markup(&format!("[^{label}]"))),
            }
            typst.push_str(parts.next().unwrap_or(""));
        }
        Converted { typst, lines: self.lines }
    }
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
            // Other control characters would only break lines or typesetting.
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
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
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(md: &str) -> String {
        to_typst::<()>(md, |r| Ok(format!("/sources/{}", r.dest))).unwrap().typst
    }

    #[test]
    fn headings_and_emphasis() {
        let t = convert("# Titre\n\nUn *mot* et **deux**.\n");
        assert!(t.starts_with("= Titre\n"), "{t}");
        assert!(t.contains("Un #emph[mot] et #strong[deux]\\."), "{t}");
    }

    #[test]
    fn special_characters_are_escaped() {
        let t = convert("a #b $c$ @d <e> *not* `x` // y = z\n");
        assert!(t.contains("a \\#b \\$c\\$ \\@d \\<e\\>"), "{t}");
        assert!(t.contains("\\/\\/ y \\= z"), "{t}");
    }

    #[test]
    fn callout_from_gfm_alert() {
        let t = convert("> [!IMPORTANT]\n> Gardez votre calme.\n");
        assert!(t.contains("#callout(\"remember\")["), "{t}");
        assert!(t.contains("Gardez votre calme\\."), "{t}");
    }

    #[test]
    fn nested_lists_and_tables() {
        let t = convert("- a\n  - b\n- c\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n");
        assert!(t.contains("#list(\n[a\n#list(\n[b],\n)"), "{t}");
        assert!(t.contains("#table(columns: 2, align: (start, end,),"), "{t}");
        assert!(t.contains("table.header([x], [y], ),"), "{t}");
    }

    #[test]
    fn footnotes_are_inlined() {
        let t = convert("Texte[^1].\n\n[^1]: Une note.\n");
        assert!(t.contains("Texte#footnote[Une note\\.]\\."), "{t}");
    }

    #[test]
    fn images_resolve_and_keep_alt() {
        let t = convert("![Un bouclier](images/b.svg)\n");
        assert!(
            t.contains("#book-image(\"/sources/images/b.svg\", alt: \"Un bouclier\")"),
            "{t}"
        );
    }

    #[test]
    fn line_map_follows_markdown() {
        let c =
            to_typst::<()>("# T\n\npara one\n\n\n\npara two\n", |_| Ok(String::new()))
                .unwrap();
        let line_of = |needle: &str| {
            let idx = c.typst.lines().position(|l| l.contains(needle)).unwrap();
            c.lines[idx]
        };
        assert_eq!(line_of("para one"), 3);
        assert_eq!(line_of("para two"), 7);
    }

    #[test]
    fn definition_lists_become_terms() {
        let t = convert(
            "Gendarme\n: Agent de la gendarmerie.\n\nPolicier\n: Agent de police.\n",
        );
        assert!(t.contains("terms.item([Gendarme], [Agent de la gendarmerie\\."), "{t}");
        assert!(t.contains("terms.item([Policier], ["), "{t}");
    }
}
