//! Footnotes placed once the whole chapter is read: each reference becomes its note,
//! and a definition no text refers to is printed where it was written.

use super::{Converted, DEFINITION_MARK, FOOTNOTE_MARK, Writer, escape_markup};

impl Writer {
    /// Places the footnotes: each reference becomes its note; a definition no text
    /// refers to (or a second one of a label) is printed where it was written, as a
    /// paragraph after its label, so that no words are lost.
    pub(super) fn finish(mut self) -> Converted {
        if !self.out.ends_with('\n') {
            self.out.push('\n');
            self.lines.push(self.md_line);
        }
        let placed = self.place_definitions(&self.out, 0);
        let typst = self.with_notes(&placed, 0);
        Converted { typst, lines: self.lines, warnings: self.warnings }
    }

    /// Prints, where they were written, the definitions marked in `text` that no text
    /// refers to (a definition inside a definition is placed with its body, a few
    /// levels deep).
    fn place_definitions(&self, text: &str, depth: usize) -> String {
        let mut placed = String::with_capacity(text.len());
        let mut parts = text.split(DEFINITION_MARK);
        placed.push_str(parts.next().unwrap_or(""));
        while let Some(index) = parts.next() {
            let index: usize = index.parse().unwrap_or(usize::MAX);
            if let Some((label, body)) = self.definitions.get(index) {
                let used = self.referenced.contains(label)
                    && self.first_definition.get(label) == Some(&index);
                if !used && depth < 4 {
                    let body = self.place_definitions(body, depth + 1);
                    placed.push_str(&format!("#super[{}] {body}", escape_markup(label)));
                }
            }
            placed.push_str(parts.next().unwrap_or(""));
        }
        placed
    }

    /// Replaces footnote marks in `text` by the notes (notes may refer to notes, a
    /// few levels deep; a note referring to itself shows its label).
    fn with_notes(&self, text: &str, depth: usize) -> String {
        let mut out = String::with_capacity(text.len());
        let mut parts = text.split(FOOTNOTE_MARK);
        out.push_str(parts.next().unwrap_or(""));
        while let Some(label) = parts.next() {
            let body = self.first_definition.get(label).map(|&i| &self.definitions[i].1);
            match body {
                Some(body) if depth < 4 => {
                    let body = self.place_definitions(body, depth + 1);
                    let body = self.with_notes(&body, depth + 1);
                    out.push_str(&format!("#footnote[{body}]"));
                }
                _ => out.push_str(&escape_markup(&format!("[^{label}]"))),
            }
            out.push_str(parts.next().unwrap_or(""));
        }
        out
    }
}
