//! The translation checks of `project::qa` run over a language's chapters: each
//! translated Markdown block against its source block, located in both files, with
//! the findings marked as intended in status.toml kept apart.

use serde::Serialize;

use crate::i18n::Text;
use crate::ops::po::block_id;
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::qa::{self, Check};
use crate::project::review::{read_chapter, read_source};
use crate::project::segments::align::align;
use crate::project::segments::{Block, Kind, is_untranslated};
use crate::project::status::StatusFile;
use crate::util::diag::Result;

/// One check's finding in one translated block.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QaFinding {
    /// Chapter stem.
    pub chapter: String,
    /// The block's id (as `--accept`, `--intended` and the PO msgctxt name it).
    pub id: String,
    /// The check (`numbers`, `urls`, `emails`, `footnotes`, `emphasis`, `strong`,
    /// `punctuation`, `identical`).
    pub check: Check,
    /// What differs, in words (in English in JSON).
    pub message: Text,
    /// The translation file.
    pub file: String,
    /// The translation block's first line.
    pub line: usize,
    /// The source file.
    pub source_file: String,
    /// The source block's first line.
    pub source_line: usize,
    /// The source's values the translation lacks (numbers, URLs… as written).
    pub source_values: Vec<String>,
    /// The translation's values the source lacks.
    pub translation_values: Vec<String>,
    /// Whether the translator marked it as intended (`check --intended`): shown in
    /// JSON, not counted as a problem.
    pub intended: bool,
}

/// The findings of translation `lang` of chapter `stem`, in every translation block
/// paired with a source block (blocks one side lacks are reported apart) and not
/// left untranslated: nothing when either file is missing or the chapter is Typst.
pub fn chapter_findings(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    status: &StatusFile,
) -> Result<Vec<QaFinding>> {
    let source = manifest.guide.source_language.as_str();
    let (Some(src), Some(tr)) =
        (chapters::find(manifest, source, stem)?, chapters::find(manifest, lang, stem)?)
    else {
        return Ok(Vec::new());
    };
    if !src.is_markdown() || !tr.is_markdown() {
        return Ok(Vec::new());
    }
    let (src, tr) = (read_source(manifest, stem, src)?, read_chapter(manifest, tr)?);
    let mut out = Vec::new();
    for (s, t) in pairs(&src.blocks, &tr.blocks) {
        // A block left in the source's words under the `[fr] ` mark is no translation
        // yet (`check` lists it apart): nothing to compare, not even `identical`.
        if matches!(s.kind, Kind::Code | Kind::Html) || is_untranslated(&t.text, source) {
            continue;
        }
        let id = block_id(stem, s);
        for f in qa::check_block(&s.text, &t.text) {
            out.push(QaFinding {
                chapter: stem.to_string(),
                intended: status.is_intended(&id, f.check.name()),
                id: id.clone(),
                check: f.check,
                message: Text::of(f.message),
                file: tr.file.rel.clone(),
                line: t.line,
                source_file: src.file.rel.clone(),
                source_line: s.line,
                source_values: f.source,
                translation_values: f.translation,
            });
        }
    }
    Ok(out)
}

/// Each source block with the translation block that translates it, as far as the
/// two align (a block one side lacks costs only itself).
fn pairs<'a>(
    source: &'a [Block],
    translation: &'a [Block],
) -> Vec<(&'a Block, &'a Block)> {
    align(source, translation)
        .pairs
        .iter()
        .zip(source)
        .filter_map(|(p, s)| Some((s, translation.get((*p)?)?)))
        .collect()
}
