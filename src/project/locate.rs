//! Where a value of `sources/guide.toml` is written: the spans TOML gives the guide id
//! and each language code (their text may occur earlier, in a title or a comment),
//! and the place of the first byte that is not UTF-8.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::util::diag::line_col;

/// Only the located values; everything else of the manifest is ignored here.
#[derive(Deserialize)]
struct Located {
    guide: Option<LocatedGuide>,
    #[serde(default)]
    language: Vec<LocatedLanguage>,
}

/// The `[guide]` table's id and chapter list.
#[derive(Deserialize)]
struct LocatedGuide {
    id: Option<Spanned<toml::Value>>,
    #[serde(default)]
    chapters: Vec<Spanned<toml::Value>>,
}

/// A `[[language]]` entry's code.
#[derive(Deserialize)]
struct LocatedLanguage {
    code: Option<Spanned<toml::Value>>,
}

/// The byte offset of the `[guide]` id's value.
pub fn guide_id(text: &str) -> Option<usize> {
    let located: Located = toml::from_str(text).ok()?;
    Some(located.guide?.id?.span().start)
}

/// The byte range of chapter `stem`'s string (its quotes included) in the `[guide]`
/// chapter list.
pub fn chapter(text: &str, stem: &str) -> Option<std::ops::Range<usize>> {
    let located: Located = toml::from_str(text).ok()?;
    let chapters = located.guide?.chapters;
    let found = chapters.into_iter().find(|c| c.get_ref().as_str() == Some(stem))?;
    Some(found.span())
}

/// The byte offset of the code of the `index`-th `[[language]]` entry.
pub fn language_code(text: &str, index: usize) -> Option<usize> {
    let mut located: Located = toml::from_str(text).ok()?;
    if index >= located.language.len() {
        return None;
    }
    Some(located.language.swap_remove(index).code?.span().start)
}

/// The byte offset of `key`'s value in the `index`-th `[[print]]` entry, or of its
/// first key when `key` is not written there.
pub fn print_value(text: &str, index: usize, key: &str) -> Option<usize> {
    #[derive(Deserialize)]
    struct Prints {
        #[serde(default)]
        print: Vec<std::collections::BTreeMap<String, Spanned<toml::Value>>>,
    }
    let mut prints: Prints = toml::from_str(text).ok()?;
    if index >= prints.print.len() {
        return None;
    }
    let entry = prints.print.swap_remove(index);
    let at = entry.get(key).or_else(|| entry.values().min_by_key(|v| v.span().start));
    Some(at?.span().start)
}

/// The `[guide]` values a layout shows, each with its place.
#[derive(Deserialize)]
struct GuideValues {
    title: Option<BTreeMap<String, Spanned<toml::Value>>>,
    subtitle: Option<BTreeMap<String, Spanned<toml::Value>>>,
    changes: Option<BTreeMap<String, Spanned<toml::Value>>>,
    publisher: Option<Spanned<toml::Value>>,
    edition: Option<Spanned<toml::Value>>,
    date: Option<Spanned<toml::Value>>,
    licence: Option<Spanned<toml::Value>>,
}

/// The byte offset of the `[guide]` value `key` (`publisher`, `date`…); for a value
/// given per language (`title`, `subtitle`, `changes`), of `lang`'s, else the source
/// language's (`fallback`), as the guide uses it.
pub fn guide_value(text: &str, key: &str, lang: &str, fallback: &str) -> Option<usize> {
    #[derive(Deserialize)]
    struct Doc {
        guide: Option<GuideValues>,
    }
    let guide = toml::from_str::<Doc>(text).ok()?.guide?;
    let per_language = |map: Option<BTreeMap<String, Spanned<toml::Value>>>| {
        let map = map?;
        map.get(lang).or_else(|| map.get(fallback)).map(|v| v.span().start)
    };
    match key {
        "title" => per_language(guide.title),
        "subtitle" => per_language(guide.subtitle),
        "changes" => per_language(guide.changes),
        "publisher" => Some(guide.publisher?.span().start),
        "edition" => Some(guide.edition?.span().start),
        "date" => Some(guide.date?.span().start),
        "licence" => Some(guide.licence?.span().start),
        _ => None,
    }
}

/// The byte offset of `key`'s value in the `[[language]]` entry whose code is `code`
/// (of its code when `key` is not written there).
pub fn language_value(text: &str, code: &str, key: &str) -> Option<usize> {
    #[derive(Deserialize)]
    struct Languages {
        #[serde(default)]
        language: Vec<BTreeMap<String, Spanned<toml::Value>>>,
    }
    let languages: Languages = toml::from_str(text).ok()?;
    let entry = languages.language.into_iter().find(|entry| {
        entry.get("code").and_then(|c| c.get_ref().as_str().map(|c| c == code))
            == Some(true)
    })?;
    let at = entry.get(key).or_else(|| entry.get("code"))?;
    Some(at.span().start)
}

/// The text of a file that must be UTF-8, or the line and column (1-based) of its
/// first invalid byte and that byte.
pub fn utf8(bytes: Vec<u8>) -> Result<String, ((usize, usize), u8)> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        (line_col(valid, at), bytes[at])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_where_they_are_written() {
        let text = "# id = x\n[guide]\ntitle.fr = \"fr Fr\"\nid = \"Bad\"\n\n[[language]]\ncode = \"fr\"\n[[language]]\ncode = \"x y\"\n";
        assert_eq!(line_col(text, guide_id(text).unwrap()), (4, 6));
        assert_eq!(line_col(text, language_code(text, 0).unwrap()), (7, 8));
        assert_eq!(line_col(text, language_code(text, 1).unwrap()), (9, 8));
        assert_eq!(language_code(text, 2), None);
        let text = "[guide]\nchapters = [\n  \"01-a\", '02-b', # x\n]\n";
        assert_eq!(&text[chapter(text, "02-b").unwrap()], "'02-b'");
        assert_eq!(&text[chapter(text, "01-a").unwrap()], "\"01-a\"");
        assert_eq!(chapter(text, "03-c"), None);
        let prints =
            "[[print]]\nlayout = \"a\"\nsheet = \"a4\"\n\n[[print]]\nlayout = \"b\"\n";
        assert_eq!(line_col(prints, print_value(prints, 0, "sheet").unwrap()), (3, 9));
        assert_eq!(line_col(prints, print_value(prints, 1, "sheet").unwrap()), (6, 10));
        assert_eq!(print_value(prints, 2, "sheet"), None);
        let text = "[guide]\ndate = 2026-01-01\n[guide.title]\nfr = \"T\"\nen = \"E\"\n\n[[language]]\ncode = \"fr\"\n\n[[language]]\ncode = \"en\"\nname = \"English\"\n";
        let line = |at: Option<usize>| line_col(text, at.unwrap()).0;
        assert_eq!(line(guide_value(text, "date", "fr", "fr")), 2);
        assert_eq!(line(guide_value(text, "title", "en", "fr")), 5);
        assert_eq!(line(guide_value(text, "title", "bm", "fr")), 4);
        assert_eq!(line(language_value(text, "en", "name")), 12);
        assert_eq!(line(language_value(text, "fr", "name")), 8);
    }

    #[test]
    fn first_bad_byte_is_placed() {
        assert_eq!(utf8(b"a\nb\xe9c".to_vec()), Err(((2, 2), 0xe9)));
        assert_eq!(utf8(b"ok".to_vec()), Ok("ok".into()));
    }
}
