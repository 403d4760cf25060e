//! Links in a Markdown chapter: only web, mail and telephone addresses become live
//! links in the PDF. Any other destination (`javascript:`, `file:`, `data:`, a path
//! on the writer's computer, a fragment) keeps its text, not live, with a warning.

use pulldown_cmark::LinkType;

use super::{Refusal, Writer, string_literal};

/// The schemes a PDF link may use (compared without case).
pub const LIVE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

impl Writer {
    /// Opens a link: live when its destination is safe, else plain text.
    pub(super) fn link_start(&mut self, link_type: LinkType, dest: &str) {
        // `[text]()` is valid CommonMark, and typst refuses an empty URL.
        if dest.trim().is_empty() {
            return self.push("#[");
        }
        let url = match link_type {
            LinkType::Email => format!("mailto:{}", dest.trim()),
            _ => dest.trim().to_string(),
        };
        if is_live(&url) {
            self.push(&format!("#link({})[", string_literal(&url)));
            return;
        }
        let shown: String = url.chars().take(40).collect();
        let more = if shown.len() < url.len() { "…" } else { "" };
        self.warnings.push(Refusal {
            line: self.md_line,
            message: format!(
                "the link to `{}{more}` is printed as plain text: only http, https, mailto and tel links are made live",
                shown.escape_debug()
            ),
            hint: "link to a web address (https://…), an e-mail (mailto:…) or a telephone number (tel:…), or write the text without a link",
        });
        self.push("#[");
    }
}

/// Whether `url` starts with a scheme a PDF link may use, followed by something.
pub fn is_live(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    !rest.trim().is_empty() && LIVE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
}

#[cfg(test)]
mod tests {
    use super::is_live;

    #[test]
    fn only_safe_schemes_are_live() {
        for url in ["https://example.org", "HTTP://x.ml", "mailto:a@b.ml", "tel:+22320"] {
            assert!(is_live(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:x",
            "java\tscript:x",
            "file:///etc/passwd",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "chapitre-2.md",
            "#section",
            "//example.org",
            "https:",
            "https\u{0}:x",
        ] {
            assert!(!is_live(url), "{url}");
        }
    }
}
