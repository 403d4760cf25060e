//! What a newcomer's mistakes in `sources/guide.toml` mean: a date not written
//! year-month-day, a table or key written twice, text without quotes, a misspelt or
//! missing key, a value of the wrong kind. Each becomes a message that names the line
//! and says what to write instead.

use serde::Deserialize;
use toml::value::Datetime;

use crate::i18n::Text;
use crate::tr;

/// The message the date's deserialiser gives to the TOML error it cannot explain
/// itself (replaced by [`explain`], never shown).
pub const DATE_REFUSED: &str = "livret: the date is not year-month-day";

/// Reads the guide's date: a TOML date (`2026-03-15`), or the same written in quotes
/// (`"2026-03-15"`, only this exact form: nothing else is read without ambiguity).
pub fn guide_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Datetime, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::Datetime(date) if date.date.is_some() => Ok(date),
        toml::Value::String(text) => {
            quoted_date(&text).ok_or_else(|| serde::de::Error::custom(DATE_REFUSED))
        }
        _ => Err(serde::de::Error::custom(DATE_REFUSED)),
    }
}

/// `"2026-03-15"` (four-digit year, two-digit month and day, a real day) as a date.
fn quoted_date(text: &str) -> Option<Datetime> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    let date: Datetime = text.parse().ok()?;
    let d = date.date?;
    let days = match d.month {
        2 if d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&d.day).then_some(date)
}

/// A TOML error at byte `offset` of `text` with the parser's `message`, said so that a
/// newcomer understands it, with what to do; `None` for errors explained as they are.
pub fn explain(text: &str, offset: usize, message: &str) -> Option<(Text, Vec<Text>)> {
    let (line_start, line) = line_at(text, offset);
    if message == DATE_REFUSED || is_date_line(text, line_start, line) {
        let (message, hint) = date_message(line);
        return Some((message, vec![hint]));
    }
    if message.starts_with("duplicate key") {
        return duplicate(text, line_start, line).map(|(m, h)| (m, vec![h]));
    }
    let comments = tr!("project-manifest-comments-hint");
    if message.starts_with("string values must be quoted") {
        let key = key_of(line)?;
        let value = line.split_once('=').map_or("", |(_, v)| v.trim());
        let example = format!("{key} = \"{value}\"");
        let hint = tr!("project-toml-unquoted-hint", example = example);
        return Some((tr!("project-toml-unquoted", key = key), vec![hint]));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next()?;
        let table = header_of(line).unwrap_or_default();
        let message = tr!("project-toml-missing-key", key = key, table = shown(&table));
        return Some((message, vec![comments]));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`')?;
        let expected: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let table = table_before(text, line_start).map(|(_, t)| t).unwrap_or_default();
        let mut hints: Vec<Text> = crate::util::suggest::did_you_mean(key, &expected)
            .map(|best| tr!("project-did-you-mean", key = best))
            .into_iter()
            .collect();
        hints.push(tr!("project-toml-known-keys", keys = expected.join(", ")));
        let message = tr!("project-toml-unknown-key", key = key, table = shown(&table));
        return Some((message, hints));
    }
    wrong_type(line, message).map(|message| (message, vec![comments]))
}

/// A value of the wrong kind (`edition = "2"` where a number is expected), said with
/// the kind to write.
fn wrong_type(line: &str, message: &str) -> Option<Text> {
    let expected = message.strip_prefix("invalid type: ")?.split_once(", expected ")?.1;
    let key = key_of(line)?;
    Some(match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => {
            tr!("project-toml-expected-number", key = key)
        }
        "f64" | "f32" => tr!("project-toml-expected-decimal", key = key),
        "a string" => tr!("project-toml-expected-text", key = key),
        "a sequence" => tr!("project-toml-expected-list", key = key),
        "a boolean" => tr!("project-toml-expected-boolean", key = key),
        _ => return None,
    })
}

/// The start and the text of the line holding byte `offset`.
fn line_at(text: &str, offset: usize) -> (usize, &str) {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    (start, line)
}

/// The key written on `line` (before `=`), if it is a `key = value` line.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[') && !key.starts_with('#')).then_some(key)
}

/// The table a line belongs to: the last `[header]` before `line_start`.
fn table_before(text: &str, line_start: usize) -> Option<(usize, String)> {
    let mut found = None;
    for (number, line) in text[..line_start].lines().enumerate() {
        if let Some(header) = header_of(line) {
            found = Some((number + 1, header));
        }
    }
    found
}

/// `guide.changes` for `[guide.changes]` (spaces and a comment dropped), `[[x]]`
/// given with its brackets, `None` for a line that is not a header.
fn header_of(line: &str) -> Option<String> {
    let line = line.split('#').next().unwrap_or("").trim();
    if let Some(inner) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
        return Some(format!("[[{}]]", inner.replace(' ', "")));
    }
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    Some(inner.replace(' ', ""))
}

/// A table as written in its header: `[guide]`, `[[language]]` (kept as it is).
fn shown(table: &str) -> String {
    if table.starts_with("[[") { table.to_string() } else { format!("[{table}]") }
}

/// Whether `line` sets the guide's `date` (in `[guide]`).
fn is_date_line(text: &str, line_start: usize, line: &str) -> bool {
    key_of(line) == Some("date")
        && table_before(text, line_start).is_some_and(|(_, table)| table == "guide")
}

/// The date's message: what was written, and the form to write (the same day when it
/// can be read without doubt, `15/03/2026` → `2026-03-15`).
fn date_message(line: &str) -> (Text, Text) {
    let value =
        line.split_once('=').map_or("", |(_, v)| v).split('#').next().unwrap_or("");
    let value = value.trim().trim_matches(['"', '\'']);
    let iso_shape = value.len() == 10
        && value
            .char_indices()
            .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    let message = if iso_shape {
        tr!("project-date-no-such-day", value = value)
    } else {
        tr!("project-date-form", value = value)
    };
    let hint = match day_month_year(value) {
        Some(iso) => tr!("project-date-hint-same-day", date = iso),
        None => tr!("project-date-hint"),
    };
    (message, hint)
}

/// `15/03/2026` or `15.03.2026` as `2026-03-15` when the day cannot be the month
/// (more than 12), else `None`.
fn day_month_year(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    let (day, month): (u8, u8) = (day.parse().ok()?, month.parse().ok()?);
    let year: u16 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    ((13..=31).contains(&day) && (1..=12).contains(&month))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

/// A table header (`[guide.title]`) whose table a key above already made
/// (`title.fr = …` or `title = { … }` in `[guide]`): the message names that line.
fn made_by_a_key(text: &str, line_start: usize, table: &str) -> Option<(Text, Text)> {
    let (parent, last) = table.rsplit_once('.').unwrap_or(("", table));
    let dotted = format!("{last}.");
    let mut current = String::new();
    for (number, line) in text[..line_start].lines().enumerate() {
        if let Some(header) = header_of(line) {
            current = header;
            continue;
        }
        let Some(key) = key_of(line) else { continue };
        if current == parent && (key == last || key.starts_with(&dotted)) {
            let first = number + 1;
            let hint = if key.contains('.') {
                tr!(
                    "project-toml-table-made-by-key-hint",
                    table = shown(table),
                    line = first
                )
            } else {
                tr!("project-toml-duplicate-key-hint")
            };
            let message = tr!(
                "project-toml-table-made-by-key",
                table = shown(table),
                key = key,
                line = first
            );
            return Some((message, hint));
        }
    }
    None
}

/// A table or key written twice: the message names where it is already.
fn duplicate(text: &str, line_start: usize, line: &str) -> Option<(Text, Text)> {
    if let Some(table) = header_of(line) {
        let first = text[..line_start]
            .lines()
            .position(|l| header_of(l).as_deref() == Some(table.as_str()));
        let Some(first) = first else { return made_by_a_key(text, line_start, &table) };
        let first = first + 1;
        return Some((
            tr!("project-toml-duplicate-table", table = shown(&table), line = first),
            tr!("project-toml-duplicate-table-hint", table = shown(&table), line = first),
        ));
    }
    let key = key_of(line)?;
    let (table_line, table) =
        table_before(text, line_start).unwrap_or((0, String::new()));
    let first = text[..line_start]
        .lines()
        .enumerate()
        .skip(table_line)
        .find(|(_, l)| key_of(l) == Some(key))
        .map(|(n, _)| n + 1);
    let message = match first {
        Some(first) if table.is_empty() => {
            tr!("project-toml-duplicate-key-top", key = key, line = first)
        }
        Some(first) => {
            tr!(
                "project-toml-duplicate-key",
                key = key,
                table = shown(&table),
                line = first
            )
        }
        None => tr!("project-toml-duplicate-key-elsewhere", key = key),
    };
    Some((message, tr!("project-toml-duplicate-key-hint")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unambiguous_quoted_date_is_read() {
        assert!(quoted_date("2026-03-15").is_some());
        assert!(quoted_date("2024-02-29").is_some());
        assert!(quoted_date("2026-02-29").is_none());
        assert!(quoted_date("2026-3-15").is_none());
        assert!(quoted_date("15/03/2026").is_none());
        assert!(quoted_date("2026-13-01").is_none());
        assert_eq!(day_month_year("15/03/2026").as_deref(), Some("2026-03-15"));
        assert_eq!(day_month_year("05/03/2026"), None);
    }

    #[test]
    fn a_second_table_names_the_first() {
        let text =
            "[guide]\nid = \"a\"\n\n[guide.changes]\nfr = [\"x\"]\n\n[ guide.changes ]\n";
        let at = text.rfind("changes").unwrap();
        let (message, _) = explain(text, at, "duplicate key").unwrap();
        assert!(
            message.contains("[guide.changes]") && message.contains("line 4"),
            "{message}"
        );
        let text =
            "[guide]\nid = \"a\"\n[guide.title]\nfr = \"A\"\nen = \"B\"\nfr = \"C\"\n";
        let (message, _) =
            explain(text, text.rfind("fr").unwrap(), "duplicate key").unwrap();
        assert!(message.contains("`fr`") && message.contains("line 4"), "{message}");
        assert!(message.contains("[guide.title]"), "{message}");
    }

    #[test]
    fn a_table_made_by_a_dotted_key_above_is_named() {
        let text = "[guide]\nid = \"a\"\ntitle.bm = \"K\"\n\n[guide.title]\nfr = \"T\"\n";
        let at = text.rfind("title").unwrap();
        let (message, hint) = explain(text, at, "duplicate key").unwrap();
        assert!(
            message.contains("`title.bm`") && message.contains("line 3"),
            "{message}"
        );
        assert!(hint[0].contains("[guide.title]"), "{hint:?}");
    }

    #[test]
    fn unquoted_text_missing_and_unknown_keys_and_wrong_kinds_say_what_to_write() {
        let text = "[guide]\npublisher = Mon ONG\n";
        let at = text.find("Mon").unwrap();
        let (message, hints) =
            explain(text, at, "string values must be quoted, expected literal string")
                .unwrap();
        assert!(
            message.contains("`publisher`") && message.contains("quotes"),
            "{message}"
        );
        assert!(hints[0].contains("publisher = \"Mon ONG\""), "{hints:?}");
        let (message, _) = explain(text, 0, "missing field `id`").unwrap();
        assert_eq!(message, "[guide] has no `id`: this key is needed");
        let text = "[guide]\nlicense = \"x\"\n";
        let message = "unknown field `license`, expected one of `id`, `licence`";
        let (said, hints) = explain(text, 8, message).unwrap();
        assert_eq!(said, "`license` is not a key of [guide]");
        assert_eq!(hints[0], "did you mean `licence`?");
        let text = "[guide]\nedition = \"2\"\n";
        let (said, _) =
            explain(text, 18, "invalid type: string \"2\", expected u32").unwrap();
        assert!(said.starts_with("`edition` takes a whole number"), "{said}");
        assert!(explain(text, 18, "something else").is_none());
    }
}
