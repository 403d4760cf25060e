//! Raw HTML in a Markdown chapter: comments are never printed, a comment left open
//! is refused at its line, `<br>` breaks the line, and any other HTML is printed as
//! the text it is, with a warning (livret does not render HTML).

use std::ops::Range;

use crate::util::html::uncomment;

use super::{Refusal, Writer, is_line_break};

impl Writer {
    /// Starts an HTML block at the current line.
    pub(super) fn html_block_start(&mut self) {
        self.newline();
        self.html = Some((self.md_line, String::new()));
    }

    /// Collects a line of the open HTML block (or, outside one, inline HTML).
    pub(super) fn html(&mut self, html: &str) {
        match &mut self.html {
            Some((_, text)) => text.push_str(html),
            None => self.inline_html(html),
        }
    }

    /// Ends the HTML block: its comments left out, the rest printed as text.
    pub(super) fn html_block_end(&mut self) {
        let Some((first, text)) = self.html.take() else { return };
        let line_at = |offset: usize| first + text[..offset].matches('\n').count();
        let parts = uncomment(&text);
        if let Some(open) = parts.unclosed {
            self.fail(unclosed_comment(line_at(open)));
        }
        for (offset, piece) in parts.rest {
            let trimmed = piece.trim();
            if trimmed.is_empty() || is_line_break(trimmed) {
                continue;
            }
            let lead = piece.len() - piece.trim_start().len();
            let line = line_at(offset + lead);
            self.not_rendered(trimmed, line);
            self.text(trimmed);
            self.text(" ");
        }
        self.push("\n\n");
    }

    /// Inline HTML: comments (even split over several events) dropped, `<br>` a line
    /// break, anything else printed as text with a warning.
    fn inline_html(&mut self, html: &str) {
        let mut html = html;
        if self.open_comment {
            let Some(end) = html.find("-->") else { return };
            self.open_comment = false;
            html = &html[end + 3..];
        }
        let parts = uncomment(html);
        self.open_comment = parts.unclosed.is_some();
        for (_, piece) in parts.rest {
            if piece.is_empty() {
                continue;
            }
            if is_line_break(piece) {
                self.push("#linebreak()");
                continue;
            }
            if !piece.trim().is_empty() {
                self.not_rendered(piece.trim(), self.md_line);
            }
            self.text(piece);
        }
    }

    /// Notes that raw HTML is printed as text.
    fn not_rendered(&mut self, html: &str, line: usize) {
        let first = html.lines().next().unwrap_or_default();
        let shown: String = first.chars().take(40).collect();
        let more = if shown.len() < html.len() { "…" } else { "" };
        self.warnings.push(Refusal {
            line,
            message: crate::tr!("typeset-raw-html", html = format!("{shown}{more}")),
            hint: crate::tr!("typeset-raw-html-hint"),
        });
    }

    /// Keeps the first error met while writing (the caller stops there).
    pub(super) fn fail(&mut self, refusal: Refusal) {
        self.error.get_or_insert(refusal);
    }
}

/// The refusal of a `<!--` that is never closed at `line`.
pub(super) fn unclosed_comment(line: usize) -> Refusal {
    Refusal {
        line,
        message: crate::tr!("typeset-comment-unclosed"),
        hint: crate::tr!("typeset-comment-unclosed-hint"),
    }
}

/// A `<!--` written in the chapter that no comment, HTML or code took in: a comment
/// CommonMark did not recognise (it is left open), so it would be printed.
pub(super) fn stray_comment(markdown: &str, taken: &[Range<usize>]) -> Option<usize> {
    markdown.match_indices("<!--").map(|(at, _)| at).find(|&at| {
        !markdown[..at].ends_with('\\') && !taken.iter().any(|r| r.contains(&at))
    })
}
