//! The opening of the blocks that take more than a line of code to start: quotes and
//! callouts, code blocks, definition lists, tables, images.

use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind};

use crate::tr;

use super::{
    ConvertError, ImageRef, Refusal, TermState, Writer, callout_kind, string_literal,
};

impl Writer {
    /// Opens a block quote, or a callout (`> [!NOTE]`).
    pub(super) fn quote_start(&mut self, kind: Option<BlockQuoteKind>) {
        self.newline();
        let call = match kind {
            None => "#quote(block: true)[".to_string(),
            Some(kind) => format!("#callout(\"{}\")[", callout_kind(kind)),
        };
        self.push(&call);
        self.push("\n");
    }

    /// Opens a code block: its text is collected until it ends.
    pub(super) fn code_block_start(&mut self, kind: CodeBlockKind) {
        self.newline();
        let lang = match kind {
            CodeBlockKind::Fenced(lang) if !lang.is_empty() => {
                format!("lang: {}, ", string_literal(&lang))
            }
            _ => String::new(),
        };
        self.push(&format!("#raw(block: true, {lang}"));
        self.capture = Some((String::from("\u{0}code"), String::new(), String::new()));
    }

    /// Opens a term of a definition list (closing the previous item).
    pub(super) fn term_title_start(&mut self) {
        if self.terms.last().is_some_and(|&state| state != TermState::None) {
            self.push("]),\n");
        }
        self.push("terms.item([");
        self.set_term_state(TermState::Title);
    }

    /// Opens a definition of the current term (a second one is a new paragraph).
    pub(super) fn term_definition_start(&mut self) {
        if self.terms.last() == Some(&TermState::Title) {
            self.push("], [");
        } else {
            self.push("\n\n");
        }
        self.set_term_state(TermState::Definition);
    }

    /// Opens a table with its columns' alignments.
    pub(super) fn table_start(&mut self, alignments: &[Alignment]) {
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

    /// Opens an image: its file resolved, its alt text collected until it ends; an
    /// image without a file is refused.
    pub(super) fn image_start<E>(
        &mut self,
        dest: &str,
        title: &str,
        resolve_image: &mut impl FnMut(ImageRef) -> Result<String, E>,
    ) -> Result<(), ConvertError<E>> {
        if dest.trim().is_empty() {
            return Err(ConvertError::Refused(Refusal {
                line: self.md_line,
                message: tr!("typeset-image-without-file"),
                hint: tr!("typeset-image-without-file-hint"),
            }));
        }
        let image = ImageRef { dest, line: self.md_line };
        let path = resolve_image(image).map_err(ConvertError::Image)?;
        self.capture = Some((path, String::new(), title.to_string()));
        Ok(())
    }
}
