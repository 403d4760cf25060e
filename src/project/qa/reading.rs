//! A block's Markdown read for the checks: its visible text (without link targets,
//! URLs and e-mail addresses, which the numbers check must not read), its URLs and
//! link targets, e-mail addresses, footnote references, emphasis and strong counts.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag};
use regex::Regex;

use crate::project::segments::{self, parser_options};

/// A bare URL in text: a scheme or `www.`, up to a space or a bracket.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]{}]+").expect("valid regex")
});

/// An e-mail address.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+")
        .expect("valid regex")
});

/// A footnote reference as written (`[^label]`).
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^([^\]\s]+)\]").expect("valid regex"));

/// What the checks compare of one text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The visible text, URLs and e-mail addresses blanked out.
    pub text: String,
    /// URLs in the text and link targets (not e-mail links), as written.
    pub urls: Vec<String>,
    /// E-mail addresses, in the text or as `mailto:` links.
    pub emails: Vec<String>,
    /// Footnote references.
    pub footnotes: usize,
    /// Emphasis spans.
    pub emphasis: usize,
    /// Strong emphasis spans.
    pub strong: usize,
}

impl Reading {
    /// Reads a block's Markdown. Continuation lines may carry their container's marks
    /// (`> `, indentation), which are dropped first.
    pub fn of(markdown: &str) -> Reading {
        let body = segments::without_container_marks(markdown);
        // Footnote references are read as such only when their labels are defined.
        let mut doc = body.clone();
        for label in FOOTNOTE.captures_iter(&body).map(|c| c[1].to_string()) {
            doc.push_str(&format!("\n\n[^{label}]: ."));
        }
        let mut r = Reading::default();
        let mut visible = String::new();
        for (event, range) in Parser::new_ext(&doc, parser_options()).into_offset_iter() {
            if range.start >= body.len() {
                break;
            }
            match event {
                Event::Start(Tag::Emphasis) => r.emphasis += 1,
                Event::Start(Tag::Strong) => r.strong += 1,
                Event::Start(Tag::Link { dest_url, .. }) => {
                    match dest_url.strip_prefix("mailto:") {
                        Some(address) => r.emails.push(address.to_string()),
                        None if EMAIL.is_match(&dest_url)
                            && !dest_url.contains("://") =>
                        {
                            r.emails.push(dest_url.to_string())
                        }
                        None => r.urls.push(dest_url.to_string()),
                    }
                }
                Event::FootnoteReference(_) => r.footnotes += 1,
                Event::Text(t) | Event::Code(t) => {
                    visible.push_str(&t);
                }
                Event::SoftBreak | Event::HardBreak => visible.push(' '),
                Event::End(_) => visible.push(' '),
                _ => {}
            }
        }
        // Autolinks (`<https://…>`) are links and their text: count them once.
        let linked: Vec<String> = r.urls.clone();
        for m in URL.find_iter(&visible) {
            let url = trim_url(m.as_str());
            if !linked.iter().any(|l| l == url) {
                r.urls.push(url.to_string());
            }
        }
        let mailed: Vec<String> = r.emails.clone();
        for m in EMAIL.find_iter(&visible) {
            let address = m.as_str().trim_end_matches('.');
            if !mailed.iter().any(|l| l == address) {
                r.emails.push(address.to_string());
            }
        }
        let blank = |text: &str, re: &Regex| re.replace_all(text, " ").into_owned();
        r.text = blank(&blank(&visible, &URL), &EMAIL);
        r
    }
}

/// A URL without the punctuation that ends the sentence around it.
fn trim_url(url: &str) -> &str {
    url.trim_end_matches(['.', ',', ';', ':', '!', '?', '»', '"', '\'', '’', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_addresses_notes_and_emphasis_are_read() {
        let r = Reading::of(
            "Voir **le site** [ici](https://a.org/x) ou <https://b.org>, écrire à\n> [contact](mailto:c@d.ml) ou e@f.org, *vite*[^n] www.g.ml.",
        );
        assert_eq!(r.urls, ["https://a.org/x", "https://b.org", "www.g.ml"]);
        assert_eq!(r.emails, ["c@d.ml", "e@f.org"]);
        assert_eq!((r.footnotes, r.emphasis, r.strong), (1, 1, 1));
        assert!(!r.text.contains("a.org") && !r.text.contains("f.org"), "{}", r.text);
        assert!(r.text.contains("le site") && r.text.contains("vite"), "{}", r.text);
    }
}
