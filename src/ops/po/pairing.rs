//! Each block of a source chapter with the translation block that translates it, and
//! whether that translation is still right: the accepted snapshot against the current
//! source (see `project::changes`), the translation aligned (see
//! `project::segments::align`) to the structure it follows more closely — the
//! accepted one (not yet updated) or the current one. A block the translation lacks,
//! or has in excess, costs only itself.

use crate::project::block_ids;
use crate::project::changes::{self, ChangeKind, Comparison};
use crate::project::chapters::{self, ChapterFile};
use crate::project::manifest::Manifest;
use crate::project::review::accepted_snapshot;
use crate::project::segments::align::{Parting, align};
use crate::project::segments::{self, Block, Format, is_untranslated, normalize};
use crate::project::snapshot::{AcceptedBlock, Snapshot};
use crate::project::status::{self, StatusFile};
use crate::util::diag::Result;
use crate::util::fs::read_project_text;
use crate::util::text::{BOM, without_bom};

/// A chapter file's text and blocks.
pub struct Chapter {
    /// The file.
    pub file: ChapterFile,
    /// Its text (without a byte order mark: block ranges count from there).
    pub text: String,
    /// Whether the file starts with a byte order mark.
    pub bom: bool,
    /// Its blocks.
    pub blocks: Vec<Block>,
}

impl Chapter {
    /// Reads and splits a chapter file.
    pub fn read(manifest: &Manifest, file: ChapterFile) -> Result<Chapter> {
        let raw = read_project_text(&manifest.root, &file.rel)?;
        let bom = raw.starts_with(BOM);
        let text = without_bom(raw);
        let blocks = segments::segment(&text, Format::from_extension(file.extension()));
        Ok(Chapter { file, text, bom, blocks })
    }
}

/// Where a source block's translation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Index of its translation block, when the translation has one.
    pub translation: Option<usize>,
    /// Whether that block still holds the source text under the untranslated mark.
    pub untranslated: bool,
    /// Whether the translation needs review: the source block changed since it was
    /// accepted, was never accepted, or a translator marked it fuzzy.
    pub fuzzy: bool,
    /// The accepted source text, when the block changed since.
    pub previous: Option<String>,
    /// Whether the block is accepted against its current text.
    pub accepted: bool,
}

/// A source block removed since the translation was accepted.
pub struct Removed {
    /// Its index in the snapshot.
    pub old: usize,
    /// The block as accepted.
    pub block: AcceptedBlock,
    /// Its translation block, when the translation still has it.
    pub translation: Option<usize>,
}

/// A source chapter and what its translation has for each block.
pub struct Pairing {
    /// The source chapter, its blocks named (see `project::block_ids`).
    pub source: Chapter,
    /// The translation, when its file exists.
    pub translation: Option<Chapter>,
    /// One unit per source block.
    pub units: Vec<Unit>,
    /// Where the translation's blocks leave the structure they follow, when they do.
    pub parting: Option<Parting>,
    /// Whether the translation follows the current source's structure block for block.
    pub follows_source: bool,
    /// The accepted snapshot, when there is one.
    pub snapshot: Option<Snapshot>,
    /// The snapshot against the current source.
    pub comparison: Option<Comparison>,
    /// Source blocks removed since acceptance.
    pub removed: Vec<Removed>,
    /// Translation blocks that translate no block of the source, current or accepted
    /// (a reviewer's note, an extra bullet): they are the translator's own.
    pub extra: Vec<usize>,
}

/// Pairs the blocks of chapter `stem` (its source file `src`) with translation `lang`.
pub fn pair(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    src: ChapterFile,
    status: &StatusFile,
) -> Result<Pairing> {
    let hash = status::hash_file(&manifest.root, &src.rel)?;
    let mut source = Chapter::read(manifest, src)?;
    block_ids::identify(manifest, stem, &mut source.blocks)?;
    let untranslated = Unit {
        translation: None,
        untranslated: false,
        fuzzy: false,
        previous: None,
        accepted: false,
    };
    let mut pairing = Pairing {
        units: vec![untranslated; source.blocks.len()],
        source,
        translation: None,
        parting: None,
        follows_source: false,
        snapshot: None,
        comparison: None,
        removed: Vec::new(),
        extra: Vec::new(),
    };
    if let Some(h) = status.accepted.get(stem) {
        let blocks = &pairing.source.blocks;
        pairing.snapshot = accepted_snapshot(manifest, lang, stem, h, &hash, blocks)?;
    }
    if let Some(file) = chapters::find(manifest, lang, stem)? {
        pairing.translation = Some(Chapter::read(manifest, file)?);
        pair_blocks(&mut pairing, &manifest.guide.source_language);
    }
    Ok(pairing)
}

/// Fills the units of a pairing whose translation exists.
fn pair_blocks(p: &mut Pairing, source_lang: &str) {
    let tr = p.translation.as_ref().expect("a translation");
    let now = align(&p.source.blocks, &tr.blocks);
    p.follows_source = now.exact();
    let mut used = vec![false; tr.blocks.len()];
    match &p.snapshot {
        Some(snap) => {
            let cmp = changes::compare(&snap.blocks, &p.source.blocks);
            let then = align(&snap.blocks, &tr.blocks);
            let through_snapshot = then.paired() >= now.paired();
            let mut old_of_new = cmp.old_of_new.clone();
            for c in cmp.changes.iter().filter(|c| c.kind == ChangeKind::Moved) {
                if let (Some(i), Some(j)) = (c.old, c.new) {
                    old_of_new[j] = Some(i);
                }
            }
            for (j, unit) in p.units.iter_mut().enumerate() {
                unit.translation = if through_snapshot {
                    old_of_new[j].and_then(|i| then.pairs[i])
                } else {
                    now.pairs[j]
                };
                unit.accepted = unit.translation.is_some();
            }
            for c in &cmp.changes {
                mark_change(&mut p.units, c, &snap.blocks, &p.source.blocks);
                if c.kind == ChangeKind::Removed
                    && let Some(i) = c.old
                {
                    let translation = then.pairs[i].filter(|_| through_snapshot);
                    p.removed.push(Removed {
                        old: i,
                        block: snap.blocks[i].clone(),
                        translation,
                    });
                }
            }
            p.parting = now.parting(&p.source.blocks, &tr.blocks);
            p.comparison = Some(cmp);
        }
        None => {
            for (j, unit) in p.units.iter_mut().enumerate() {
                unit.translation = now.pairs[j];
                unit.fuzzy = true;
            }
            p.parting = now.parting(&p.source.blocks, &tr.blocks);
        }
    }
    for unit in p.units.iter_mut() {
        if let Some(i) = unit.translation {
            used[i] = true;
            unit.untranslated = is_untranslated(&tr.blocks[i].text, source_lang);
            if unit.untranslated {
                unit.fuzzy = false;
                unit.accepted = false;
            }
        }
    }
    for r in &p.removed {
        if let Some(i) = r.translation {
            used[i] = true;
        }
    }
    p.extra = (0..tr.blocks.len()).filter(|&i| !used[i]).collect();
}

/// Marks the unit of a changed, moved, added or unreviewed source block.
fn mark_change(
    units: &mut [Unit],
    c: &changes::Change,
    accepted: &[AcceptedBlock],
    current: &[Block],
) {
    let Some(j) = c.new else { return };
    let unit = &mut units[j];
    unit.accepted = false;
    match c.kind {
        ChangeKind::Changed => {
            unit.fuzzy = true;
            unit.previous = c.old.map(|i| accepted[i].text.clone());
        }
        // The same words elsewhere: the translation still says them; moved and
        // edited, it needs review.
        ChangeKind::Moved => {
            let was = c.old.map(|i| &accepted[i].text);
            if let Some(was) = was.filter(|w| normalize(w) != normalize(&current[j].text))
            {
                unit.fuzzy = true;
                unit.previous = Some(was.clone());
            }
        }
        ChangeKind::Added | ChangeKind::Unreviewed => unit.fuzzy = true,
        ChangeKind::Removed => {}
    }
}
