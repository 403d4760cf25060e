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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_mark_is_dropped() {
        assert_eq!(without_bom("\u{feff}# Titre".into()), "# Titre");
        assert_eq!(without_bom("# Titre".into()), "# Titre");
        assert_eq!(without_bom("a\u{feff}b".into()), "a\u{feff}b");
        assert_eq!(without_bom("\u{feff}\u{feff}x".into()), "\u{feff}x");
    }
}
