//! What `check` finds for one language, as the report it gives (also its JSON).

use serde::Serialize;

use super::orphans::Orphan;
use super::qa::QaFinding;
use crate::project::review::BlockChange;
use crate::project::segments::align::Parting;

/// The report for one language.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LanguageReport {
    /// Language code.
    pub lang: String,
    /// Chapters in the manifest.
    pub chapters: usize,
    /// Chapters translated: file present, no block left under the untranslated mark.
    pub translated: usize,
    /// Translation files that do not exist yet.
    pub missing: Vec<String>,
    /// Translations that still hold blocks of the source under the untranslated mark
    /// (`[fr] `), as `livret new` and a partial PO import leave them.
    pub placeholders: Vec<Placeholders>,
    /// Translations whose source chapter changed since they were accepted (or that were
    /// never accepted).
    pub stale: Vec<Stale>,
    /// Characters no font in the language's stack (nor any bundled font) can show.
    pub unshowable: Vec<Unshowable>,
    /// Page counts per layout, beside the source language's.
    pub layouts: Vec<LayoutReport>,
    /// Text running out of its area, per layout.
    pub overflows: Vec<OverflowReport>,
    /// Headings left alone at the bottom of a page, per layout.
    pub lonely_headings: Vec<LonelyHeadingReport>,
    /// Pages with nothing on them that the layout did not mean to leave blank.
    pub empty_pages: Vec<EmptyPageReport>,
    /// Typst warnings, located.
    pub warnings: Vec<crate::i18n::Text>,
    /// Translations, snapshots and status keys of chapters the guide no longer lists.
    pub orphans: Vec<Orphan>,
    /// What the translation checks found, block by block (those marked as intended
    /// included, with `intended: true`).
    pub findings: Vec<QaFinding>,
}

/// Text that runs out of its column or page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OverflowReport {
    /// Layout name.
    pub layout: String,
    /// 1-based page.
    pub page: usize,
    /// How far past the edge, in mm.
    pub excess_mm: f64,
    /// The overflowing text.
    pub text: String,
    /// `file:line` where it is written, when known.
    pub place: Option<String>,
}

/// A heading at the foot of a page whose text starts overleaf.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LonelyHeadingReport {
    /// Layout name.
    pub layout: String,
    /// 1-based page.
    pub page: usize,
    /// The heading's text.
    pub heading: String,
    /// `file:line` where it is written, when known.
    pub place: Option<String>,
}

/// An empty page in the middle of the booklet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EmptyPageReport {
    /// Layout name.
    pub layout: String,
    /// 1-based page.
    pub page: usize,
    /// The chapter it falls in, when inside one.
    pub chapter: Option<String>,
}

/// A translation that needs review.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stale {
    /// Chapter stem.
    pub chapter: String,
    /// The translation file.
    pub file: String,
    /// The source file.
    pub source: String,
    /// Whether it was ever accepted.
    pub never_accepted: bool,
    /// Whether only the hash of the accepted source was kept (no snapshot, as
    /// status.toml files written before snapshots): what changed cannot be shown.
    pub no_snapshot: bool,
    /// The source blocks that changed since acceptance, in source order (empty when
    /// never accepted or without a snapshot; empty too when only the Markdown around
    /// the text changed).
    pub changes: Vec<BlockChange>,
    /// Where the translation's blocks leave the source's, when they do: the blocks
    /// with no counterpart on the other side (the others are paired).
    pub structure: Option<Parting>,
}

/// A translation's blocks not translated yet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Placeholders {
    /// The translation file.
    pub file: String,
    /// The mark they start with (`[fr]`).
    pub mark: String,
    /// How many blocks.
    pub blocks: usize,
    /// The 1-based lines where those blocks start.
    pub lines: Vec<usize>,
}

/// A character drawn as an empty box.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unshowable {
    /// The character.
    pub character: String,
    /// `U+1230`.
    pub code_point: String,
    /// Its Unicode name.
    pub name: String,
    /// `file:line` where it is written.
    pub place: String,
}

/// Page counts of one layout.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LayoutReport {
    /// Layout name.
    pub layout: String,
    /// Pages in this language.
    pub pages: usize,
    /// Pages in the source language.
    pub source_pages: usize,
    /// Sheets per copy for each print preset: (preset, sheets here, sheets for the source).
    pub sheets: Vec<(String, usize, usize)>,
}

impl LanguageReport {
    /// An empty report for `lang` of a guide of `chapters` chapters.
    pub(super) fn new(lang: &str, chapters: usize) -> Self {
        Self {
            lang: lang.to_string(),
            chapters,
            translated: 0,
            missing: Vec::new(),
            placeholders: Vec::new(),
            stale: Vec::new(),
            unshowable: Vec::new(),
            layouts: Vec::new(),
            overflows: Vec::new(),
            lonely_headings: Vec::new(),
            empty_pages: Vec::new(),
            warnings: Vec::new(),
            orphans: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Whether anything needs a translator's attention.
    pub fn has_problems(&self) -> bool {
        !self.missing.is_empty()
            || !self.placeholders.is_empty()
            || !self.stale.is_empty()
            || !self.unshowable.is_empty()
            || !self.overflows.is_empty()
            || !self.lonely_headings.is_empty()
            || !self.empty_pages.is_empty()
            || !self.warnings.is_empty()
            || !self.orphans.is_empty()
            || self.findings.iter().any(|f| !f.intended)
    }
}
