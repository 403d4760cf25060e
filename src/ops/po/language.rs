//! The `Language:` header of a PO file checked before anything of it is used: a file
//! without one, or for another language, is refused, naming the header's line. An
//! English PO imported with `--lang bm` once overwrote Bambara chapters; a template
//! (`.pot`) filled in without msginit has an empty `Language:`.

use super::pofile::Catalog;
use crate::tr;
use crate::util::diag::{Error, Result};

/// Checks that `catalog` (read from `text`, shown as `shown`) is a PO file of `lang`:
/// its header's `Language` is `lang`, or `lang` with a region or variant (`bm_ML`,
/// `bm-ML`, `bm@latin`).
pub fn check(shown: &str, text: &str, catalog: &Catalog, lang: &str) -> Result<()> {
    let language = catalog.header_field("Language").unwrap_or("").trim();
    let base = language.split(['_', '-', '@']).next().unwrap_or("");
    if language.eq_ignore_ascii_case(lang) || base.eq_ignore_ascii_case(lang) {
        return Ok(());
    }
    if language.is_empty() {
        let line = field_line(text, "Language").unwrap_or_else(|| header_line(text));
        let place = format!("{shown}:{line}");
        return Err(Error::new(tr!("po-no-language", place = place))
            .with_hint(tr!("po-no-language-hint", lang = lang)));
    }
    let line = field_line(text, "Language").unwrap_or_else(|| header_line(text));
    let place = format!("{shown}:{line}");
    Err(Error::new(tr!(
        "po-other-language",
        place = place,
        language = language,
        lang = lang
    ))
    .with_hint(tr!("po-other-language-hint", base = base)))
}

/// The 1-based line of the header's `"Name: …"` string, when it is written.
fn field_line(text: &str, name: &str) -> Option<usize> {
    let header_end = header_end(text);
    text.split('\n').enumerate().take(header_end).find_map(|(i, line)| {
        let inner = line.trim().strip_prefix('"')?;
        let (field, _) = inner.split_once(':')?;
        field.trim().eq_ignore_ascii_case(name).then_some(i + 1)
    })
}

/// The 1-based line of the header's `msgstr` (the first `msgid ""`'s next keyword),
/// or 1 when the file has no header.
fn header_line(text: &str) -> usize {
    let mut seen_id = false;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.starts_with("msgid ") {
            seen_id = true;
        } else if seen_id && line.starts_with("msgstr") {
            return i + 1;
        }
    }
    1
}

/// How many lines the header spans: up to its first blank line after `msgstr`.
fn header_end(text: &str) -> usize {
    let lines: Vec<&str> = text.split('\n').collect();
    let start = header_line(text);
    (start..lines.len()).find(|&i| lines[i].trim().is_empty()).unwrap_or(lines.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::po::pofile;

    const PO: &str = "# comment\nmsgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: x\\n\"\n\"Language: LANG\\n\"\n\n#, fuzzy\nmsgctxt \"a#1-paragraph\"\nmsgid \"Language: fr\"\nmsgstr \"\"\n";

    fn run(lang_field: &str, lang: &str) -> Result<()> {
        let text = PO.replace("LANG", lang_field);
        let catalog = pofile::parse(&text).unwrap();
        check("po/x.po", &text, &catalog, lang)
    }

    #[test]
    fn the_language_and_its_variants_pass() {
        for field in ["bm", "bm_ML", "bm-ML", "bm@latin", "BM"] {
            assert_eq!(run(field, "bm"), Ok(()), "{field}");
        }
    }

    #[test]
    fn another_or_no_language_is_refused_at_its_line() {
        let err = run("en", "bm").unwrap_err();
        assert!(err.message.starts_with("po/x.po:5: "), "{}", err.message);
        assert!(err.message.contains("`en`") && err.hints[0].contains("--lang en"));
        let err = run("", "bm").unwrap_err();
        assert!(err.message.starts_with("po/x.po:5: "), "{}", err.message);
        assert!(err.hints[0].contains("Language: bm"), "{:?}", err.hints);
        // No `Language:` line at all: the header's msgstr is named.
        let text = PO.replace("\"Language: LANG\\n\"\n", "");
        let catalog = pofile::parse(&text).unwrap();
        let err = check("po/x.po", &text, &catalog, "bm").unwrap_err();
        assert!(err.message.starts_with("po/x.po:3: "), "{}", err.message);
    }
}
