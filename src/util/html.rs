//! HTML comments in raw HTML a chapter holds: what is comment, what is not, and
//! where a comment is left open. Shared by typesetting (comments are never printed)
//! and segments (a block of comments is not text to translate).

/// Raw HTML with its comments taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncommented<'a> {
    /// The pieces between comments, each with its byte offset in the HTML.
    pub rest: Vec<(usize, &'a str)>,
    /// The byte offset of a `<!--` never closed (it runs to the end of the HTML).
    pub unclosed: Option<usize>,
}

impl Uncommented<'_> {
    /// Whether anything but comments and white space is left.
    pub fn has_content(&self) -> bool {
        self.rest.iter().any(|(_, piece)| !piece.trim().is_empty())
    }
}

/// Splits `html` around its comments: `<!--` up to the next `-->` (`<!-->` and
/// `<!--->` close at once, as HTML and CommonMark read them).
pub fn uncomment(html: &str) -> Uncommented<'_> {
    let mut rest = Vec::new();
    let mut at = 0;
    while let Some(found) = html[at..].find("<!--") {
        let open = at + found;
        rest.push((at, &html[at..open]));
        match html[open + 2..].find("-->") {
            Some(close) => at = open + 2 + close + 3,
            None => return Uncommented { rest, unclosed: Some(open) },
        }
    }
    rest.push((at, &html[at..]));
    Uncommented { rest, unclosed: None }
}

/// Whether `html` is nothing but comments and white space (an open comment counts:
/// it is refused where the chapter is typeset, never printed).
pub fn only_comments(html: &str) -> bool {
    !uncomment(html).has_content()
}

/// Escapes text for HTML (content and attribute values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_cut_out_with_offsets() {
        let u = uncomment("a<!-- x -->b<!---->c<!-->d");
        assert_eq!(u.rest, vec![(0, "a"), (11, "b"), (19, "c"), (25, "d")]);
        assert_eq!(u.unclosed, None);
        assert!(u.has_content());
    }

    #[test]
    fn an_open_comment_is_found() {
        let u = uncomment("<!-- a -->\n<!--\nNote interne\n");
        assert_eq!(u.unclosed, Some(11));
        assert!(!u.has_content());
        assert!(only_comments("<!--\nNote interne : x\n-->\n"));
        assert!(!only_comments("<!-- x --> visible"));
        assert!(!only_comments("<div>x</div>"));
    }
}
