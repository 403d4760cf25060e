//! The words a layout prints (contents, boxes, colophon), per language, with French
//! and English defaults.

use serde::Deserialize;

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
    /// Note printed for a draft translation.
    pub draft: Option<String>,
    /// Heading of the edition's list of changes in the colophon.
    pub changes: Option<String>,
}

/// The labels with every word filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedLabels {
    /// Pairs of (Typst key, text), in a fixed order.
    pub entries: Vec<(&'static str, String)>,
}

impl Labels {
    /// Fills missing words from the defaults for `code` (French, else English).
    pub fn resolve(&self, code: &str) -> ResolvedLabels {
        let fr = code == "fr";
        let pick = |own: &Option<String>, fr_word: &str, en_word: &str| {
            own.clone().unwrap_or_else(|| if fr { fr_word } else { en_word }.to_string())
        };
        let entries = vec![
            ("contents", pick(&self.contents, "Sommaire", "Contents")),
            ("remember", pick(&self.remember, "À retenir", "Remember")),
            ("warning", pick(&self.warning, "Attention", "Warning")),
            ("tip", pick(&self.tip, "Conseil", "Tip")),
            ("notes", pick(&self.notes, "Notes", "Notes")),
            (
                "untranslated",
                pick(
                    &self.untranslated,
                    "Chapitre pas encore traduit : texte de la langue source.",
                    "Not yet translated: this chapter is shown in the source language.",
                ),
            ),
            ("edition", pick(&self.edition, "Édition", "Edition")),
            ("publisher", pick(&self.publisher, "Publié par", "Published by")),
            ("licence", pick(&self.licence, "Licence", "Licence")),
            ("date", pick(&self.date, "Date", "Date")),
            ("changes", pick(&self.changes, "Dans cette édition", "In this edition")),
            (
                "draft",
                pick(
                    &self.draft,
                    "Traduction d'exemple, à relire par un locuteur natif.",
                    "Sample translation, awaiting review by a native speaker.",
                ),
            ),
        ];
        ResolvedLabels { entries }
    }
}
