//! Each block of a source chapter with the translation block that translates it, and
//! whether that translation is still right: the accepted snapshot against the current
//! source (see `project::changes`), the translation aligned to the structure it
//! follows — the accepted one (not yet updated) or the current one.

use crate::project::changes::{self, ChangeKind};
use crate::project::chapters::{self, ChapterFile};
use crate::project::manifest::Manifest;
use crate::project::segments::align::{Alignment, Parting, align};
use crate::project::segments::{self, Block, Format};
use crate::project::snapshot;
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
    /// Whether the translation needs review: the source block changed since it was
    /// accepted, or was never accepted.
    pub fuzzy: bool,
    /// The accepted source text, when the block changed since.
    pub previous: Option<String>,
    /// Whether the block is accepted against its current text.
    pub accepted: bool,
}

/// A source chapter and what its translation has for each block.
pub struct Pairing {
    /// The source chapter.
    pub source: Chapter,
    /// The translation, when its file exists.
    pub translation: Option<Chapter>,
    /// One unit per source block.
    pub units: Vec<Unit>,
    /// Where the translation's structure leaves both the accepted and the current
    /// source, when it does: no block is paired.
    pub parting: Option<Parting>,
    /// Whether the translation follows the current source's structure block for block.
    pub follows_source: bool,
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
    let source = Chapter::read(manifest, src)?;
    let untranslated =
        Unit { translation: None, fuzzy: false, previous: None, accepted: false };
    let mut units = vec![untranslated; source.blocks.len()];
    let translation = match chapters::find(manifest, lang, stem)? {
        Some(file) => Some(Chapter::read(manifest, file)?),
        None => None,
    };
    let Some(tr) = &translation else {
        return Ok(Pairing {
            source,
            translation,
            units,
            parting: None,
            follows_source: false,
        });
    };
    let follows_source = align(&source.blocks, &tr.blocks) == Alignment::Aligned;
    let accepted = status.accepted.get(stem);
    let snap = match accepted {
        Some(h) if *h != hash => {
            snapshot::read(manifest, lang, stem)?.filter(|s| s.accepted == *h)
        }
        _ => None,
    };
    let mut parting = None;
    if let Some(snap) =
        snap.as_ref().filter(|s| align(&s.blocks, &tr.blocks) == Alignment::Aligned)
    {
        // The translation follows the accepted structure: pair through the snapshot.
        let cmp = changes::compare(&snap.blocks, &source.blocks);
        for (j, unit) in units.iter_mut().enumerate() {
            unit.translation = cmp.old_of_new[j];
            unit.accepted = unit.translation.is_some();
        }
        mark_changes(&mut units, &cmp.changes, &snap.blocks, |c| c.old);
    } else if follows_source {
        let current = accepted.is_some_and(|h| *h == hash);
        for (j, unit) in units.iter_mut().enumerate() {
            unit.translation = Some(j);
            unit.fuzzy = !current;
            unit.accepted = current;
        }
        // The snapshot read above: the one accepted, when the source changed since.
        if let Some(snap) = &snap {
            // Updated to the current structure, reviewed block by block since.
            let cmp = changes::compare(&snap.blocks, &source.blocks);
            for unit in units.iter_mut() {
                unit.fuzzy = false;
                unit.accepted = true;
            }
            mark_changes(&mut units, &cmp.changes, &snap.blocks, |c| c.new);
        }
    } else if let Alignment::Differs(p) = align(&source.blocks, &tr.blocks) {
        parting = Some(p);
    }
    Ok(Pairing { source, translation, units, parting, follows_source })
}

/// Marks the units of changed, moved and added source blocks; `translated_by` says
/// which index of a change is the translation block's.
fn mark_changes(
    units: &mut [Unit],
    changes: &[changes::Change],
    accepted: &[snapshot::AcceptedBlock],
    translated_by: impl Fn(&changes::Change) -> Option<usize>,
) {
    for c in changes {
        let Some(j) = c.new else { continue };
        let unit = &mut units[j];
        unit.accepted = false;
        match c.kind {
            ChangeKind::Changed => {
                unit.translation = translated_by(c);
                unit.fuzzy = true;
                unit.previous = c.old.map(|i| accepted[i].text.clone());
            }
            // The same words elsewhere: the translation still says them.
            ChangeKind::Moved => unit.translation = translated_by(c),
            ChangeKind::Added => {
                unit.translation = translated_by(c);
                unit.fuzzy = unit.translation.is_some();
            }
            ChangeKind::Removed => {}
        }
    }
}
