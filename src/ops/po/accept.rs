//! What an import records as reviewed, block by block, in the chapter's snapshot
//! (see `project::snapshot`): a block imported without the fuzzy flag is accepted
//! against the source text its entry was made for (its msgid: the current text, or
//! an older one, which `check` then shows as changed); a block the translator left
//! fuzzy, or that is still untranslated, is `pending`; any other block keeps what
//! the snapshot said of it. The status hash is set to the current source's, and a
//! chapter whose blocks are all accepted against their current text is current.

use super::pairing::Pairing;
use crate::project::changes::{self, ChangeKind};
use crate::project::manifest::Manifest;
use crate::project::snapshot::{self, AcceptedBlock, Snapshot};
use crate::project::status::{self, StatusFile};
use crate::util::diag::Result;

/// What an import says of one source block's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Nothing new: as the snapshot had it.
    Keep,
    /// Reviewed against this source text.
    Accept(String),
    /// Not accepted (fuzzy, or untranslated).
    Pending,
}

/// Records `decisions` (one per source block) for chapter `stem` (`rewritten`:
/// whether the import wrote the chapter in the source's structure); gives how many
/// blocks were newly accepted and whether the chapter is current. The snapshot is
/// written here; `status` is updated in memory (the caller writes it).
pub fn record(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    chapter: (&Pairing, bool),
    decisions: &[Decision],
    status: &mut StatusFile,
) -> Result<(usize, bool)> {
    let (pairing, rewritten) = chapter;
    let blocks = &pairing.source.blocks;
    let hash = status::hash_file(&manifest.root, &pairing.source.file.rel)?;
    let mut old_of_new = pairing.comparison.as_ref().map(|c| c.old_of_new.clone());
    if let (Some(map), Some(cmp)) = (old_of_new.as_mut(), &pairing.comparison) {
        for c in cmp.changes.iter().filter(|c| c.kind == ChangeKind::Moved) {
            if let (Some(i), Some(j)) = (c.old, c.new) {
                map[j] = Some(i);
            }
        }
    }
    let mut out = Vec::new();
    let mut olds = Vec::new();
    let mut newly = 0;
    for (j, (block, decision)) in blocks.iter().zip(decisions).enumerate() {
        let mut entry = AcceptedBlock::of(block);
        match decision {
            Decision::Accept(text) => {
                newly += usize::from(!pairing.units[j].accepted);
                entry.text = text.replace("\r\n", "\n");
            }
            Decision::Pending => entry.pending = true,
            Decision::Keep => match (&pairing.snapshot, old_of_new.as_ref()) {
                (Some(snap), Some(map)) => match map[j] {
                    Some(i) => {
                        entry = AcceptedBlock {
                            id: block.id.clone(),
                            ..snap.blocks[i].clone()
                        }
                    }
                    // Added since: it stays added until reviewed.
                    None => continue,
                },
                _ => entry.pending = true,
            },
        }
        out.push(entry);
        olds.push(old_of_new.as_ref().and_then(|m| m[j]));
    }
    if !rewritten {
        // The chapter still has the translations of blocks removed from the source:
        // they stay in the snapshot (`check` keeps showing them as removed).
        for r in pairing.removed.iter().filter(|r| r.translation.is_some()) {
            let at = olds
                .iter()
                .position(|o| o.is_some_and(|o| o > r.old))
                .unwrap_or(out.len());
            out.insert(at, r.block.clone());
            olds.insert(at, Some(r.old));
        }
    }
    let mut snap = Snapshot { accepted: hash.clone(), blocks: out };
    let current = changes::compare(&snap.blocks, blocks).changes.is_empty();
    if current {
        snap = Snapshot::of(&hash, blocks);
    }
    let before = status.accepted.get(stem) == Some(&hash)
        && pairing.snapshot.as_ref() == Some(&snap);
    if !before {
        snapshot::write(manifest, lang, stem, &snap)?;
        status.accepted.insert(stem.to_string(), hash);
    }
    Ok((newly, current))
}
