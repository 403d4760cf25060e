//! Links in a Markdown chapter: only web, mail and telephone addresses, and links to
//! a heading of the guide (`#titre`, as GitHub names headings), become live links in
//! the PDF. Any other destination (`javascript:`, `file:`, `data:`, a path on the
//! writer's computer) keeps its text, not live, with a warning.

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
        // A heading of the guide: live when exactly one heading has that anchor.
        if let Some(anchor) = url.strip_prefix('#').map(slug).filter(|a| !a.is_empty()) {
            self.push(&format!("#{ANCHOR_LINK}({})[", string_literal(&anchor)));
            return;
        }
        let shown: String = url.chars().take(40).collect();
        let more = if shown.len() < url.len() { "…" } else { "" };
        self.warnings.push(Refusal {
            line: self.md_line,
            message: crate::tr!(
                "typeset-link-not-live",
                link = format!("{}{more}", shown.escape_debug())
            ),
            hint: crate::tr!("typeset-link-not-live-hint"),
        });
        self.push("#[");
    }
}

/// The function the generated main source defines to link to a heading's anchor:
/// a live link when one heading has it, plain text otherwise (never an error).
pub const ANCHOR_LINK: &str = "livret-anchor-link";

impl Writer {
    /// Gives the heading just written its anchor, as GitHub names it (`Mots clés` →
    /// `mots-clés`; a second `mots-clés` → `mots-clés-1`), as a label.
    pub(super) fn anchor_heading(&mut self) {
        let base = slug(&std::mem::take(&mut self.heading_text));
        // In a note, a heading is only words: no label to attach.
        if !self.footnote.is_empty() || !typst::syntax::is_valid_label_literal_id(&base) {
            return;
        }
        let seen = self.anchors.entry(base.clone()).or_insert(0);
        let anchor = if *seen == 0 { base } else { format!("{base}-{seen}") };
        *seen += 1;
        self.push(&format!(" <{anchor}>"));
    }
}

/// A heading's anchor as GitHub makes it: lowercase, spaces as dashes, punctuation
/// left out.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphabetic() || c.is_ascii_digit() || c == '-' || c == '_' {
            out.push(c);
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

/// Whether `url` starts with a scheme a PDF link may use, followed by something.
pub fn is_live(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    !rest.trim().is_empty() && LIVE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
}

#[cfg(test)]
mod tests {
    use super::{is_live, slug};

    #[test]
    fn anchors_are_named_as_github_does() {
        assert_eq!(slug(" Mots clés : l'essentiel "), "mots-clés--lessentiel");
        assert_eq!(slug("Étape 2 — Signaler"), "étape-2--signaler");
        assert_eq!(slug("!!!"), "");
    }

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
            "//example.org",
            "https:",
            "https\u{0}:x",
        ] {
            assert!(!is_live(url), "{url}");
        }
    }
}
