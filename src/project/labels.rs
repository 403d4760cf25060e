//! The words a layout prints (contents, boxes, colophon), per language: livret has its
//! own in French and English; every other language brings its own in guide.toml, and a
//! build warns about the ones it lacks.

use serde::Deserialize;

use crate::i18n::Text;

/// Words printed by the layout, per language. Missing ones fall back to defaults.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Labels {
    /// Table of contents heading.
    pub contents: Option<String>,
    /// Title of the "to remember" box.
    pub remember: Option<String>,
    /// Title of the warning box.
    pub warning: Option<String>,
    /// Title of the tip box.
    pub tip: Option<String>,
    /// Title of the lined pages before the back cover.
    pub notes: Option<String>,
    /// Banner on a chapter shown in the source language because it is not translated yet.
    pub untranslated: Option<String>,
    /// "Edition" in the colophon.
    pub edition: Option<String>,
    /// "Published by" in the colophon.
    pub publisher: Option<String>,
    /// "Licence" in the colophon.
    pub licence: Option<String>,
    /// "Date" in the colophon.
    pub date: Option<String>,
    /// Heading of the edition's list of changes in the colophon.
    pub changes: Option<String>,
    /// Note printed for a draft translation.
    pub draft: Option<String>,
}

/// The languages livret has words of its own for.
pub const SHIPPED: [&str; 2] = ["fr", "en"];

/// Every label: its key in guide.toml (and in the layout), its French and English words.
pub const WORDS: [(&str, &str, &str); 12] = [
    ("contents", "Sommaire", "Contents"),
    ("remember", "À retenir", "Remember"),
    ("warning", "Attention", "Warning"),
    ("tip", "Conseil", "Tip"),
    ("notes", "Notes", "Notes"),
    (
        "untranslated",
        "Chapitre pas encore traduit : texte de la langue source.",
        "Not yet translated: this chapter is shown in the source language.",
    ),
    ("edition", "Édition", "Edition"),
    ("publisher", "Publié par", "Published by"),
    ("licence", "Licence", "Licence"),
    ("date", "Date", "Date"),
    ("changes", "Dans cette édition", "In this edition"),
    (
        "draft",
        "Traduction d'exemple, à relire par un locuteur natif.",
        "Sample translation, awaiting review by a native speaker.",
    ),
];

/// The labels with every word filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedLabels {
    /// Pairs of (Typst key, text), in a fixed order.
    pub entries: Vec<(&'static str, String)>,
}

/// livret's own word for `key` in `code`, if it has one (French and English).
pub fn shipped_word(code: &str, key: &str) -> Option<&'static str> {
    let (_, fr, en) = WORDS.iter().find(|(k, _, _)| *k == key)?;
    match code {
        "fr" => Some(fr),
        "en" => Some(en),
        _ => None,
    }
}

/// Whether a label is still a placeholder: it starts with a language mark such as
/// `[fr] `, as `livret new` writes the source's words for a language to translate.
pub fn is_placeholder(word: &str) -> bool {
    word.strip_prefix('[').and_then(|rest| rest.split_once("] ")).is_some_and(
        |(code, _)| {
            !code.is_empty()
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        },
    )
}

impl Labels {
    /// The words set in guide.toml, in [`WORDS`]' order.
    fn own(&self) -> [&Option<String>; 12] {
        [
            &self.contents,
            &self.remember,
            &self.warning,
            &self.tip,
            &self.notes,
            &self.untranslated,
            &self.edition,
            &self.publisher,
            &self.licence,
            &self.date,
            &self.changes,
            &self.draft,
        ]
    }

    /// Fills missing words from the defaults for `code` (French, else English).
    pub fn resolve(&self, code: &str) -> ResolvedLabels {
        let fallback = if code == "fr" { "fr" } else { "en" };
        let entries = WORDS
            .iter()
            .zip(self.own())
            .map(|((key, _, _), own)| {
                let word = own.clone().unwrap_or_else(|| {
                    shipped_word(fallback, key).unwrap_or_default().to_string()
                });
                (*key, word)
            })
            .collect();
        ResolvedLabels { entries }
    }

    /// The labels `code` does not have in its own words: not set in guide.toml when
    /// livret has no word of its own in that language (they print in English).
    pub fn missing(&self, code: &str) -> Vec<&'static str> {
        if SHIPPED.contains(&code) {
            return Vec::new();
        }
        WORDS
            .iter()
            .zip(self.own())
            .filter(|(_, own)| own.is_none())
            .map(|(w, _)| w.0)
            .collect()
    }

    /// The labels set in guide.toml that are still placeholders ([`is_placeholder`]).
    pub fn to_translate(&self) -> Vec<&'static str> {
        WORDS
            .iter()
            .zip(self.own())
            .filter(|(_, own)| own.as_deref().is_some_and(is_placeholder))
            .map(|(w, _)| w.0)
            .collect()
    }

    /// The build's warnings for `code`'s labels: those missing (printed in English) and
    /// those still to translate, each naming the labels.
    pub fn warnings(&self, code: &str) -> Vec<Text> {
        let mut out = Vec::new();
        let missing = self.missing(code);
        if !missing.is_empty() {
            out.push(crate::tr!(
                "labels-missing",
                lang = code,
                count = missing.len(),
                labels = missing.join(", "),
            ));
        }
        let placeholders = self.to_translate();
        if !placeholders.is_empty() {
            out.push(crate::tr!(
                "labels-to-translate",
                lang = code,
                count = placeholders.len(),
                labels = placeholders.join(", "),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_without_words_of_its_own_is_told_which_are_missing() {
        assert!(Labels::default().missing("fr").is_empty());
        assert!(Labels::default().missing("en").is_empty());
        assert_eq!(Labels::default().missing("ff").len(), 12);
        let some = Labels { contents: Some("Tinndinoore".into()), ..Labels::default() };
        let missing = some.missing("ff");
        assert_eq!(missing.len(), 11);
        assert!(!missing.contains(&"contents") && missing.contains(&"draft"));
        let warnings = some.warnings("ff");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("ff") && warnings[0].contains("remember, warning"));
        // The English words are what prints meanwhile.
        let resolved = some.resolve("ff");
        assert_eq!(resolved.entries[0], ("contents", "Tinndinoore".to_string()));
        assert_eq!(resolved.entries[1], ("remember", "Remember".to_string()));
    }

    #[test]
    fn marked_words_are_still_to_translate() {
        assert!(is_placeholder("[fr] Sommaire"));
        assert!(!is_placeholder("Sommaire [fr] "));
        assert!(!is_placeholder("[note]Sommaire"));
        let labels = Labels {
            contents: Some("[fr] Sommaire".into()),
            notes: Some("Kɔlɔsiliw".into()),
            ..Labels::default()
        };
        assert_eq!(labels.to_translate(), ["contents"]);
        assert!(Labels::default().warnings("fr").is_empty());
    }
}
