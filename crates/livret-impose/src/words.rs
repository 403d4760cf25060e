//! Counted words of the ticket and its notes, agreed with their number in each language
//! (French takes the singular for 0 and 1, English for 1 only): "1 feuille", "2 sheets".

/// `one` or `other` for `n` things, by the French rule (0 and 1 take the singular).
pub fn fr(n: usize, one: &'static str, other: &'static str) -> &'static str {
    if n <= 1 { one } else { other }
}

/// `one` or `other` for `n` things, by the English rule (only 1 takes the singular).
pub fn en(n: usize, one: &'static str, other: &'static str) -> &'static str {
    if n == 1 { one } else { other }
}

#[cfg(test)]
mod tests {
    #[test]
    fn singular_and_plural_in_each_language() {
        assert_eq!(super::fr(0, "feuille", "feuilles"), "feuille");
        assert_eq!(super::fr(1, "feuille", "feuilles"), "feuille");
        assert_eq!(super::fr(2, "feuille", "feuilles"), "feuilles");
        assert_eq!(super::en(0, "sheet", "sheets"), "sheets");
        assert_eq!(super::en(1, "sheet", "sheets"), "sheet");
        assert_eq!(super::en(3, "sheet", "sheets"), "sheets");
    }
}
