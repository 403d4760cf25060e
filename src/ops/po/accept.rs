//! What an import records as reviewed: the blocks imported without the fuzzy flag
//! are accepted against their current source text, as `check --accept CHAPTER:LINE`
//! accepts one block (see `project::changes::accept_one`); a chapter whose blocks
//! are all accepted becomes current (its hash in status.toml, a fresh snapshot).
//!
//! A chapter that only has a hash in status.toml, or none (never accepted), has no
//! accepted text to update block by block: it is accepted when all of its blocks
//! are, and left as it is otherwise.

use std::collections::BTreeSet;

use super::pairing::Pairing;
use crate::project::changes::{self, ChangeKind};
use crate::project::manifest::Manifest;
use crate::project::snapshot::{self, Snapshot};
use crate::project::status::{self, StatusFile};
use crate::util::diag::Result;

/// Records the source blocks `accepted` (0-based) of chapter `stem` as reviewed;
/// gives how many blocks were newly accepted and whether the chapter is current.
/// Snapshots are written here; `status` is updated in memory (the caller writes it).
pub fn record_accepted(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    pairing: &Pairing,
    accepted: &BTreeSet<usize>,
    status: &mut StatusFile,
) -> Result<(usize, bool)> {
    let blocks = &pairing.source.blocks;
    let hash = status::hash_file(&manifest.root, &pairing.source.file.rel)?;
    let known = status.accepted.get(stem).cloned();
    if known.as_deref() == Some(hash.as_str()) {
        return Ok((0, true));
    }
    let newly = (0..blocks.len())
        .filter(|&j| accepted.contains(&j) && !pairing.units[j].accepted)
        .count();
    if accepted.len() == blocks.len() {
        status.accepted.insert(stem.to_string(), hash.clone());
        snapshot::write(manifest, lang, stem, &Snapshot::of(&hash, blocks))?;
        return Ok((newly, true));
    }
    let snap = match &known {
        Some(h) => snapshot::read(manifest, lang, stem)?.filter(|s| s.accepted == *h),
        None => None,
    };
    let Some(mut snap) = snap else { return Ok((0, false)) };
    let before = snap.clone();
    // One change at a time: each acceptance moves the snapshot's indices.
    for _ in 0..=blocks.len() + before.blocks.len() {
        let cmp = changes::compare(&snap.blocks, blocks);
        let next = cmp.changes.iter().find(|c| match (c.kind, c.new) {
            (ChangeKind::Removed, _) => true,
            (_, Some(j)) => accepted.contains(&j),
            _ => false,
        });
        let Some(change) = next.copied() else { break };
        changes::accept_one(&mut snap, blocks, &cmp, &change);
    }
    if changes::compare(&snap.blocks, blocks).changes.is_empty() {
        status.accepted.insert(stem.to_string(), hash.clone());
        snapshot::write(manifest, lang, stem, &Snapshot::of(&hash, blocks))?;
        return Ok((newly, true));
    }
    if snap != before {
        snapshot::write(manifest, lang, stem, &snap)?;
    }
    Ok((newly, false))
}
