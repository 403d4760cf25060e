//! Text read from files a person wrote: what every reader of such text does first.

/// The UTF-8 byte order mark some editors (Notepad, Word, Google Docs exports) put
/// at the start of a file.
pub const BOM: char = '\u{feff}';

/// Drops a leading byte order mark, which would otherwise be read as text: before
/// `# Title` it turns the heading into a paragraph; before a TOML key, into an error.
pub fn without_bom(text: String) -> String {
    match text.strip_prefix(BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// The line ending a text mostly uses: `"\r\n"` when most of its line breaks are
/// CRLF (a file saved on Windows), else `"\n"`.
pub fn line_ending(text: &str) -> &'static str {
    let breaks = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    if crlf * 2 > breaks { "\r\n" } else { "\n" }
}

/// `text` with every line break written `eol` (`"\n"` or `"\r\n"`): a chapter
/// livret writes keeps the line endings its author's editor uses, never a mix.
pub fn with_line_ending(text: &str, eol: &str) -> String {
    let lf = text.replace("\r\n", "\n");
    if eol == "\n" { lf } else { lf.replace('\n', eol) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_follow_the_majority_and_are_made_one() {
        assert_eq!(line_ending("a\r\nb\r\nc\n"), "\r\n");
        assert_eq!(line_ending("a\nb\r\nc\n"), "\n");
        assert_eq!(line_ending("no break"), "\n");
        assert_eq!(with_line_ending("a\nb\r\nc", "\r\n"), "a\r\nb\r\nc");
        assert_eq!(with_line_ending("a\nb\r\nc", "\n"), "a\nb\nc");
    }

    #[test]
    fn only_a_leading_mark_is_dropped() {
        assert_eq!(without_bom("\u{feff}# Titre".into()), "# Titre");
        assert_eq!(without_bom("# Titre".into()), "# Titre");
        assert_eq!(without_bom("a\u{feff}b".into()), "a\u{feff}b");
        assert_eq!(without_bom("\u{feff}\u{feff}x".into()), "\u{feff}x");
    }
}
