//! What a translator of one chapter has to review: whether the source changed since
//! the translation was accepted and, when a snapshot of the accepted source exists,
//! each block that changed, with its lines in the source and in the translation and a
//! word diff — the data behind `check`, `proof --changes` and the PO export.

use serde::Serialize;

use crate::project::block_ids;
use crate::project::changes::{self, ChangeKind, Comparison, DiffOp, word_diff};
use crate::project::chapters::{self, ChapterFile};
use crate::project::manifest::Manifest;
use crate::project::segments::align::{Alignment, Parting, align};
use crate::project::segments::{self, Block, Format, Kind, is_untranslated};
use crate::project::snapshot::{self, Snapshot};
use crate::project::status::{self, StatusFile};
use crate::util::diag::{Error, Result};
use crate::util::fs::read_project_text;

/// Where a chapter's review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Accepted against the current source.
    Current,
    /// Never accepted.
    NeverAccepted,
    /// The source changed; only a hash was kept, so what changed is unknown.
    NoSnapshot,
    /// The source changed; `blocks` says where.
    Changed,
}

/// One changed block, located in both files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockChange {
    /// The block's id, `chapter#id`, e.g. `01-introduction#paragraph-3f2a9c1b` (see
    /// `project::block_ids`; for a removed block, the id it had).
    pub id: String,
    /// Changed, added, removed or moved.
    pub change: ChangeKind,
    /// The block's kind.
    pub kind: Kind,
    /// 1-based ordinal (see `id`).
    pub ordinal: usize,
    /// The block's first line in the current source (a removed block: the line of
    /// the block it stood before, or the line after the last one).
    pub source_line: usize,
    /// Its last line in the current source (as `source_line` for a removed block).
    pub source_end_line: usize,
    /// The first line of the aligned translation block (`None` when there is none:
    /// an added block, or the structures differ).
    pub translation_line: Option<usize>,
    /// For an added block: the line of the translation block it goes after (`None`:
    /// at the start, or not known).
    pub translation_after: Option<usize>,
    /// The accepted text (`None` for an added block).
    pub old_text: Option<String>,
    /// The current text (`None` for a removed block).
    pub new_text: Option<String>,
    /// Word diff old → new (empty for a moved block whose words are the same).
    pub diff: Vec<DiffOp>,
    /// Whether the translation still holds the source text for this block, under
    /// the mark of an untranslated block (see `segments::untranslated_mark`).
    pub untranslated: bool,
}

/// A chapter's review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChapterReview {
    /// Chapter stem.
    pub chapter: String,
    /// The source file.
    pub source: String,
    /// The translation file.
    pub translation: String,
    /// Where it stands.
    pub state: State,
    /// The changed blocks, in the order of the source (only in state `changed`).
    pub blocks: Vec<BlockChange>,
    /// Where the translation's blocks leave the source's, when they do: the blocks
    /// named there have no counterpart; the others are paired.
    pub structure: Option<Parting>,
}

/// A chapter's text and blocks.
pub struct ChapterText {
    /// The file.
    pub file: ChapterFile,
    /// Its blocks.
    pub blocks: Vec<Block>,
}

/// Reads and splits a chapter file.
pub fn read_chapter(manifest: &Manifest, file: ChapterFile) -> Result<ChapterText> {
    let text = read_project_text(&manifest.root, &file.rel)?;
    let blocks = segments::segment(&text, Format::from_extension(file.extension()));
    Ok(ChapterText { file, blocks })
}

/// Reads and splits source chapter `stem`, its blocks named (see `project::block_ids`).
pub fn read_source(
    manifest: &Manifest,
    stem: &str,
    file: ChapterFile,
) -> Result<ChapterText> {
    let mut chapter = read_chapter(manifest, file)?;
    block_ids::identify(manifest, stem, &mut chapter.blocks)?;
    Ok(chapter)
}

/// The snapshot of `stem` in `lang` that belongs to its status hash `accepted`;
/// written first from the current source `blocks` when the chapter was accepted
/// against the current source (`current`) and has no snapshot yet (status files
/// written before snapshots, or hashes accepted by hand), under `status::lock`:
/// from then on, changes are shown block by block.
pub fn accepted_snapshot(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    accepted: &str,
    current: &str,
    blocks: &[Block],
) -> Result<Option<Snapshot>> {
    let snap = snapshot::read(manifest, lang, stem)?
        .filter(|s| s.accepted == accepted)
        .map(block_ids::fill);
    if snap.is_none() && accepted == current {
        // Under the translation's lock, as its records are then: an import or an
        // accept that wrote them meanwhile (pending blocks) is not overwritten.
        let _lock = status::lock(manifest, lang)?;
        let now = status::read(manifest, lang)?;
        let kept = snapshot::read(manifest, lang, stem)?;
        if now.accepted.get(stem).map(String::as_str) != Some(current)
            || kept.as_ref().is_some_and(|s| s.accepted == current)
        {
            return Ok(kept.filter(|s| s.accepted == accepted).map(block_ids::fill));
        }
        let snap = Snapshot::of(current, blocks);
        snapshot::write(manifest, lang, stem, &snap)?;
        return Ok(Some(snap));
    }
    Ok(snap)
}

/// The review of `stem` in translation `lang` (`None`: either file is missing).
pub fn review(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    status: &StatusFile,
) -> Result<Option<ChapterReview>> {
    let source = manifest.guide.source_language.as_str();
    let (Some(src), Some(tr)) =
        (chapters::find(manifest, source, stem)?, chapters::find(manifest, lang, stem)?)
    else {
        return Ok(None);
    };
    let current = status::hash_file(&manifest.root, &src.rel)?;
    let mut review = ChapterReview {
        chapter: stem.to_string(),
        source: src.rel.clone(),
        translation: tr.rel.clone(),
        state: State::Current,
        blocks: Vec::new(),
        structure: None,
    };
    let Some(accepted) = status.accepted.get(stem) else {
        review.state = State::NeverAccepted;
        return Ok(Some(review));
    };
    let src = read_source(manifest, stem, src)?;
    let snap = accepted_snapshot(manifest, lang, stem, accepted, &current, &src.blocks)?;
    let Some(snap) = snap else {
        review.state = State::NoSnapshot;
        return Ok(Some(review));
    };
    let cmp = changes::compare(&snap.blocks, &src.blocks);
    if cmp.changes.is_empty() && *accepted == current {
        return Ok(Some(review));
    }
    review.state = State::Changed;
    let tr = read_chapter(manifest, tr)?;
    let side = Side::of(&snap, &src.blocks, &tr.blocks);
    // Named by the current source's lines, whichever structure pairs more.
    review.structure = align(&src.blocks, &tr.blocks).parting(&src.blocks, &tr.blocks);
    let source_lang = &manifest.guide.source_language;
    review.blocks = cmp
        .changes
        .iter()
        .map(|c| {
            let mut b = located(stem, c, &snap, &src.blocks, &tr.blocks, &cmp, &side);
            b.untranslated = side
                .translation_of(c)
                .and_then(|i| tr.blocks.get(i))
                .is_some_and(|t| is_untranslated(&t.text, source_lang));
            b
        })
        .collect();
    Ok(Some(review))
}

/// Which source structure the translation follows, with its alignment to it.
enum Side {
    /// The accepted one (not yet updated): pairs of snapshot blocks.
    Old(Alignment),
    /// The current one (already updated): pairs of current blocks.
    New(Alignment),
}

impl Side {
    /// The structure that pairs more of the translation's blocks (the accepted one
    /// when both pair as many).
    fn of(snap: &Snapshot, current: &[Block], translation: &[Block]) -> Side {
        let old = align(&snap.blocks, translation);
        let new = align(current, translation);
        if old.paired() >= new.paired() { Side::Old(old) } else { Side::New(new) }
    }

    /// The translation block of a change's block, when it has one.
    fn translation_of(&self, c: &changes::Change) -> Option<usize> {
        match self {
            Side::Old(a) => c.old.and_then(|i| a.pairs.get(i).copied().flatten()),
            Side::New(a) => c.new.and_then(|j| a.pairs.get(j).copied().flatten()),
        }
    }
}

/// A change with its lines, texts and diff.
fn located(
    stem: &str,
    c: &changes::Change,
    snap: &Snapshot,
    current: &[Block],
    translation: &[Block],
    cmp: &Comparison,
    side: &Side,
) -> BlockChange {
    let old = c.old.map(|i| &snap.blocks[i]);
    let new = c.new.map(|j| &current[j]);
    let (source_line, source_end_line) = source_lines(c, current);
    let translation_line =
        side.translation_of(c).and_then(|i| translation.get(i)).map(|b| b.line);
    let translation_after = match (c.kind, side, c.new) {
        (ChangeKind::Added, Side::Old(a), Some(j)) => (0..j)
            .rev()
            .find_map(|k| cmp.old_of_new[k].and_then(|o| a.pairs[o]))
            .and_then(|o| translation.get(o))
            .map(|b| b.end_line),
        _ => None,
    };
    let kind = new.map_or_else(|| old.expect("a change has a side").kind, |b| b.kind);
    let id = new
        .map_or_else(|| old.expect("a change has a side").id.clone(), |b| b.id.clone());
    let ordinal = c.new.or(c.old).expect("a change has a side") + 1;
    let (old_text, new_text) = (old.map(|b| b.text.clone()), new.map(|b| b.text.clone()));
    let diff = match (c.kind, &old_text, &new_text) {
        (ChangeKind::Moved | ChangeKind::Unreviewed, Some(o), Some(n))
            if segments::normalize(o) == segments::normalize(n) =>
        {
            Vec::new()
        }
        _ => word_diff(
            old_text.as_deref().unwrap_or(""),
            new_text.as_deref().unwrap_or(""),
        ),
    };
    BlockChange {
        id: block_ids::qualified(stem, &id),
        change: c.kind,
        kind,
        ordinal,
        source_line,
        source_end_line,
        translation_line,
        translation_after,
        old_text,
        new_text,
        diff,
        untranslated: false,
    }
}

/// Where a change is in the current source: its block's first and last lines; for
/// a removed block, the line of the block it stood before (or the line after the
/// last block), twice.
pub fn source_lines(c: &changes::Change, current: &[Block]) -> (usize, usize) {
    match c.new.and_then(|j| current.get(j)) {
        Some(b) => (b.line, b.end_line),
        None => {
            let line = current
                .get(c.at)
                .map_or_else(|| current.last().map_or(1, |b| b.end_line + 1), |b| b.line);
            (line, line)
        }
    }
}

/// Whether a chapter stem is one of the guide's, with a suggestion if not.
pub fn known_chapter(manifest: &Manifest, chapter: &str) -> Result<()> {
    if manifest.chapter_stems().any(|s| s == chapter) {
        return Ok(());
    }
    let known: Vec<&str> = manifest.chapter_stems().collect();
    let mut err = Error::new(crate::tr!("project-unknown-chapter", chapter = chapter));
    if let Some(best) = crate::util::suggest::did_you_mean(chapter, &known) {
        err = err.with_hint(crate::tr!("project-did-you-mean", key = best));
    }
    Err(err.with_hint(crate::tr!("project-known-chapters", names = known.join(", "))))
}
