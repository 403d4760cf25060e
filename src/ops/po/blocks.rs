//! One chapter's blocks for an editor (`livret desk`): each source block with its
//! translation, where its review stands and the word diff of a source that changed
//! since acceptance; and a save of edited blocks through `po import`'s own merge: the
//! base the editor started from decides whose text a block keeps, a block changed
//! meanwhile elsewhere (another tab, an editor, an import) is a conflict shown with
//! both texts and never overwritten, and only the edited blocks' lines change.

use serde::Serialize;

use super::folder::Located;
use super::import::{ChapterImport, ImportReport, plan, refusal, write_all};
use super::pairing::{self, Unit};
use super::pofile::Entry;
use super::text::{entry_text, translatable};
use super::{PoDir, base, block_id, check_lang};
use crate::project::changes::{DiffOp, word_diff};
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::status;
use crate::tr;
use crate::util::diag::{Error, Result};

/// Where a block's translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockState {
    /// Translated and accepted against the current source.
    Current,
    /// The source changed since the translation was accepted (see `diff`).
    Stale,
    /// Translated, not accepted yet (new, edited, or marked fuzzy).
    Review,
    /// No translation yet (or the source text under the untranslated mark).
    Untranslated,
}

/// One source block and its translation, as an editor shows it.
#[derive(Debug, Clone, Serialize)]
pub struct EditorBlock {
    /// The block's id as `check` and the PO files name it (`chapter#id`).
    pub id: String,
    /// Its kind (`paragraph`, `heading`, `item`…).
    pub kind: &'static str,
    /// The source's text, without container marks.
    pub source: String,
    /// The translation's text, when there is one.
    pub translation: Option<String>,
    /// The base of the translation (see `po::base`): sent back with a save.
    pub base: String,
    /// Where its review stands.
    pub state: BlockState,
    /// The word diff from the accepted source text to the current one (stale blocks).
    pub diff: Vec<DiffOp>,
    /// First and last line of the translation block in its file.
    pub lines: Option<(usize, usize)>,
    /// Whether it is words to translate (code and raw HTML are not).
    pub editable: bool,
}

/// A chapter's blocks for an editor.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterBlocks {
    /// The translation.
    pub lang: String,
    /// Chapter stem.
    pub chapter: String,
    /// The source file, relative to the project.
    pub source_file: String,
    /// The translation's file (whether it exists or not).
    pub file: String,
    /// Whether both are Markdown (Typst chapters are shown, not edited).
    pub editable: bool,
    /// One per source block.
    pub blocks: Vec<EditorBlock>,
}

/// How far one chapter's translation is.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Chapter stem.
    pub chapter: String,
    /// Blocks to translate.
    pub total: usize,
    /// Accepted against the current source.
    pub current: usize,
    /// Changed in the source since.
    pub stale: usize,
    /// Translated, waiting for review (fuzzy).
    pub review: usize,
    /// Not translated.
    pub untranslated: usize,
}

/// One block's new text from an editor, with the base it was edited from.
#[derive(Debug, Clone)]
pub struct BlockEdit {
    /// `chapter#id`.
    pub id: String,
    /// The base of the text the editor started from (`none` when it was empty).
    pub base: String,
    /// The new text, without container marks.
    pub text: String,
}

/// The blocks of chapter `stem` in translation `lang`.
pub fn chapter_blocks(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
) -> Result<ChapterBlocks> {
    check_lang(manifest, lang)?;
    let status = status::read(manifest, lang)?;
    let source = &manifest.guide.source_language;
    let src = source_file(manifest, source, stem)?;
    let translation = chapters::find(manifest, lang, stem)?;
    let editable =
        src.is_markdown() && translation.as_ref().is_none_or(|t| t.is_markdown());
    let file = match &translation {
        Some(t) => t.rel.clone(),
        None => format!("sources/{lang}/{stem}.{}", src.extension()),
    };
    let source_file = src.rel.clone();
    let pairing = pairing::pair(manifest, lang, stem, src, &status)?;
    let tr_blocks = pairing.translation.as_ref().map(|t| &t.blocks[..]).unwrap_or(&[]);
    let blocks = pairing
        .source
        .blocks
        .iter()
        .zip(&pairing.units)
        .map(|(block, unit)| {
            let tr = unit.translation.and_then(|i| tr_blocks.get(i));
            let text = tr.filter(|_| !unit.untranslated).map(entry_text);
            EditorBlock {
                id: block_id(stem, block),
                kind: block.kind.name(),
                source: entry_text(block),
                base: base::hash_of(text.as_deref().unwrap_or("")),
                state: state_of(unit, text.is_some()),
                diff: unit
                    .previous
                    .as_ref()
                    .map(|old| word_diff(old, &block.text))
                    .unwrap_or_default(),
                lines: tr.map(|b| (b.line, b.end_line)),
                editable: editable && translatable(block.kind),
                translation: text,
            }
        })
        .collect();
    Ok(ChapterBlocks {
        lang: lang.to_string(),
        chapter: stem.to_string(),
        source_file,
        file,
        editable,
        blocks,
    })
}

/// The state of a block from its unit.
fn state_of(unit: &Unit, translated: bool) -> BlockState {
    if !translated {
        BlockState::Untranslated
    } else if unit.previous.is_some() {
        BlockState::Stale
    } else if unit.accepted && !unit.fuzzy {
        BlockState::Current
    } else {
        BlockState::Review
    }
}

/// The source file of chapter `stem`.
fn source_file(
    manifest: &Manifest,
    source: &str,
    stem: &str,
) -> Result<chapters::ChapterFile> {
    if !manifest.chapter_stems().any(|s| s == stem) {
        return Err(Error::new(tr!("desk-err-no-chapter", chapter = stem)));
    }
    chapters::find(manifest, source, stem)?
        .ok_or_else(|| Error::new(tr!("desk-err-no-source", chapter = stem)))
}

/// How far each chapter of translation `lang` is.
pub fn progress(manifest: &Manifest, lang: &str) -> Result<Vec<Progress>> {
    let mut out = Vec::new();
    for stem in manifest.chapter_stems() {
        let chapter = chapter_blocks(manifest, lang, stem)?;
        let blocks: Vec<&EditorBlock> =
            chapter.blocks.iter().filter(|b| b.editable || !chapter.editable).collect();
        let count = |s: BlockState| blocks.iter().filter(|b| b.state == s).count();
        out.push(Progress {
            chapter: stem.to_string(),
            total: blocks.len(),
            current: count(BlockState::Current),
            stale: count(BlockState::Stale),
            review: count(BlockState::Review),
            untranslated: count(BlockState::Untranslated),
        });
    }
    Ok(out)
}

/// Saves edited blocks of chapter `stem` as `po import` merges a PO file's entries
/// (each edit an entry with its base, marked fuzzy: written, not accepted until
/// someone accepts it); a conflict leaves the chapter as it is and is in the result.
pub fn save(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    edits: &[BlockEdit],
) -> Result<ChapterImport> {
    check_lang(manifest, lang)?;
    let source = manifest.guide.source_language.clone();
    let src = source_file(manifest, &source, stem)?;
    if !src.is_markdown()
        || chapters::find(manifest, lang, stem)?.is_some_and(|t| !t.is_markdown())
    {
        return Err(Error::new(tr!(
            "desk-err-typst-chapter",
            file = format!("sources/{lang}/{stem}.typ")
        )));
    }
    // As an import: from reading the chapter to recording reviews, others wait.
    let _lock = status::lock(manifest, lang)?;
    let status = status::read(manifest, lang)?;
    let pairing = pairing::pair(manifest, lang, stem, src, &status)?;
    let file = format!("sources/{lang}/{stem}.md");
    let mut entries = Vec::new();
    for edit in edits {
        let Some(block) =
            pairing.source.blocks.iter().find(|b| block_id(stem, b) == edit.id)
        else {
            return Err(Error::new(tr!(
                "desk-err-no-block",
                file = file.as_str(),
                id = edit.id.as_str()
            ))
            .with_hint(tr!("desk-hint-reload")));
        };
        let entry = Entry {
            comments: base::with(&[], &edit.base),
            flags: vec!["fuzzy".to_string()],
            msgctxt: Some(edit.id.clone()),
            msgid: entry_text(block),
            msgstr: edit.text.clone(),
            msgstr_line: block.line,
            ..Entry::default()
        };
        entries.push(Located { file: file.clone(), name: String::new(), entry });
    }
    let dir = PoDir::new(None, lang);
    let mut problems = Vec::new();
    let planned = plan(lang, &source, stem, pairing, &entries, &dir, &mut problems);
    if !problems.is_empty() {
        return Err(refusal(problems));
    }
    let mut report = ImportReport {
        lang: lang.to_string(),
        files: Vec::new(),
        chapters: Vec::new(),
        notices: Vec::new(),
    };
    write_all(manifest, lang, None, vec![planned], &mut report)?;
    report.chapters.pop().ok_or_else(|| Error::new(tr!("desk-err-broken")))
}

/// The base a save of `text` is made from (see `po::base`).
pub fn base_of(text: &str) -> String {
    base::hash_of(text)
}
