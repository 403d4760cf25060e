//! Checks of a translated block against its source block, like Weblate's: the same
//! numbers (whatever digits write them), URLs and e-mail addresses, footnote
//! references, emphasis and strong counts, the same final `?` `!` `:`, and a
//! translation that is the source text itself. Pure functions over the two texts;
//! `check` and the PO export show what they find (see `ops::check::qa`).
//!
//! A finding is a warning that the translator looks at, not an error: a translation
//! may rightly say "three" for "3" or end a question otherwise. Such a finding is
//! marked as intended in status.toml (see [`crate::project::status`]).

mod numbers;
mod reading;
mod words;

use crate::i18n::Text;
use crate::tr;
use serde::{Deserialize, Serialize};

use crate::project::segments::normalize;
use reading::Reading;

/// What a check looks at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// Numbers: phone numbers, dates, amounts, times (N'Ko and Arabic-Indic digits
    /// count as their Latin values).
    Numbers,
    /// URLs and link targets.
    Urls,
    /// E-mail addresses.
    Emails,
    /// Footnote references (`[^note]`).
    Footnotes,
    /// Emphasis (`*word*`).
    Emphasis,
    /// Strong emphasis (`**word**`).
    Strong,
    /// The final `?`, `!` or `:`.
    Punctuation,
    /// A long source text left as the translation.
    Identical,
}

/// Every check, in the order findings are given.
pub const ALL_CHECKS: [Check; 8] = [
    Check::Numbers,
    Check::Urls,
    Check::Emails,
    Check::Footnotes,
    Check::Emphasis,
    Check::Strong,
    Check::Punctuation,
    Check::Identical,
];

impl Check {
    /// Its name in reports, JSON, PO notes and status.toml (`numbers`, `urls`, …).
    pub fn name(self) -> &'static str {
        match self {
            Check::Numbers => "numbers",
            Check::Urls => "urls",
            Check::Emails => "emails",
            Check::Footnotes => "footnotes",
            Check::Emphasis => "emphasis",
            Check::Strong => "strong",
            Check::Punctuation => "punctuation",
            Check::Identical => "identical",
        }
    }

    /// The check named `name` (see [`Check::name`]).
    pub fn from_name(name: &str) -> Option<Check> {
        ALL_CHECKS.into_iter().find(|c| c.name() == name)
    }
}

/// What a check found in one block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The check.
    pub check: Check,
    /// What differs, in words: `the source has 72, the translation has 27` (in
    /// English in JSON).
    pub message: Text,
    /// The source's values the translation lacks (numbers, URLs… as written).
    pub source: Vec<String>,
    /// The translation's values the source lacks.
    pub translation: Vec<String>,
}

/// A source with fewer letters than this may rightly be its own translation (a
/// name, an acronym, a number, a short word shared by both languages).
const IDENTICAL_MIN_LETTERS: usize = 20;

/// Checks a translated block against its source block (both as Markdown, as in the
/// chapter or the PO entry); nothing for an empty translation.
pub fn check_block(source: &str, translation: &str) -> Vec<Finding> {
    if translation.trim().is_empty() {
        return Vec::new();
    }
    let (src, tr) = (Reading::of(source), Reading::of(translation));
    let mut found = Vec::new();
    let (lost, added) = numbers::compare(&src.text, &tr.text);
    if !lost.is_empty() || !added.is_empty() {
        found.push(differing(Check::Numbers, lost, added));
    }
    for (check, a, b) in
        [(Check::Urls, &src.urls, &tr.urls), (Check::Emails, &src.emails, &tr.emails)]
    {
        let (lost, added) = words::multiset_difference(a, b);
        if !lost.is_empty() || !added.is_empty() {
            found.push(differing(check, lost, added));
        }
    }
    for (check, a, b) in [
        (Check::Footnotes, src.footnotes, tr.footnotes),
        (Check::Emphasis, src.emphasis, tr.emphasis),
        (Check::Strong, src.strong, tr.strong),
    ] {
        if a != b {
            let message = match check {
                Check::Footnotes => {
                    tr!("project-qa-footnotes", source = a, translation = b)
                }
                Check::Emphasis => {
                    tr!("project-qa-emphasis", source = a, translation = b)
                }
                _ => tr!("project-qa-strong", source = a, translation = b),
            };
            found.push(Finding {
                check,
                message,
                source: vec![a.to_string()],
                translation: vec![b.to_string()],
            });
        }
    }
    if let Some(f) = words::final_punctuation(source, translation) {
        found.push(f);
    }
    let letters = source.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= IDENTICAL_MIN_LETTERS && normalize(source) == normalize(translation) {
        found.push(Finding {
            check: Check::Identical,
            message: tr!("project-qa-identical"),
            source: Vec::new(),
            translation: Vec::new(),
        });
    }
    found
}

/// A finding of values in one text and not the other.
fn differing(check: Check, lost: Vec<String>, added: Vec<String>) -> Finding {
    let list = |v: &[String]| {
        if v.is_empty() { tr!("project-qa-none") } else { Text::raw(v.join(", ")) }
    };
    let (source, translation) = (list(&lost), list(&added));
    let message = match check {
        Check::Numbers => {
            tr!("project-qa-numbers", source = source, translation = translation)
        }
        Check::Urls => tr!("project-qa-urls", source = source, translation = translation),
        _ => tr!("project-qa-emails", source = source, translation = translation),
    };
    Finding { check, message, source: lost, translation: added }
}

#[cfg(test)]
mod tests;
