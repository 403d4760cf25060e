//! Block ids that survive edits: the name of a source block in PO files (`msgctxt`
//! `<chapter>#<id>`), in `check`'s report and in `check --accept CHAPTER#ID`.
//!
//! A block first seen gets the id of its content, `<kind>-<8 hex digits>` of its
//! kind and its text with white space made single (`paragraph-3f2a9c1b`), with `-2`,
//! `-3`… for a second and third block of the same kind and text. The ids of the
//! source chapter's blocks are then remembered in `sources/<source>/.ids/<chapter>.txt`
//! (the format of `project::snapshot`): when the chapter changes, its blocks as last
//! seen are compared with the new ones (`project::changes::compare`), and a block
//! unchanged, edited or moved keeps its id; only a new block gets a new one. So
//! inserting, deleting, moving or editing a block renames no other block.
//!
//! [`identify`] is the one function that names a chapter's blocks; every command that
//! shows or reads ids calls it.

use std::collections::HashSet;

use crate::i18n::Text;
use crate::project::changes::{self, ChangeKind};
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::project::segments::{Block, Kind, normalize};
use crate::project::snapshot::{self, AcceptedBlock, Snapshot};
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::{FileLock, lock_project, read_project_if_exists, write_project};
use crate::util::hash::sha256_hex;
use crate::util::text::without_bom;

/// The id a block gets from its content: `<kind>-<8 hex digits>`.
pub fn content_id(kind: Kind, text: &str) -> String {
    let hex = sha256_hex(format!("{}\u{0}{}", kind.name(), normalize(text)).as_bytes());
    format!("{}-{}", kind.name(), &hex[..8])
}

/// `id`, or `id-2`, `id-3`… the first not in `used`; marks it used.
pub fn fresh(id: String, used: &mut HashSet<String>) -> String {
    if used.insert(id.clone()) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| used.insert(c.clone()))
        .expect("some suffix is free")
}

/// Gives the blocks of a snapshot written before ids the id of their text.
pub fn fill(mut snap: Snapshot) -> Snapshot {
    let mut used: HashSet<String> =
        snap.blocks.iter().map(|b| b.id.clone()).filter(|i| !i.is_empty()).collect();
    for b in snap.blocks.iter_mut().filter(|b| b.id.is_empty()) {
        b.id = fresh(content_id(b.kind, &b.text), &mut used);
    }
    snap
}

/// `<chapter>#<id>`: a block's name across the guide (a PO entry's msgctxt).
pub fn qualified(chapter: &str, id: &str) -> String {
    format!("{chapter}#{id}")
}

/// The chapter and the id of a [`qualified`] name.
pub fn split(name: &str) -> Option<(&str, &str)> {
    name.rsplit_once('#').filter(|(c, id)| !c.is_empty() && !id.is_empty())
}

/// The ids of `blocks`, given the chapter's blocks as last seen with their ids
/// (`previous`, empty when never seen): each block that compares as unchanged,
/// changed or moved keeps its id, the others get the id of their content.
pub fn assign(previous: &[AcceptedBlock], blocks: &[Block]) -> Vec<String> {
    let mut ids: Vec<Option<String>> = vec![None; blocks.len()];
    if !previous.is_empty() {
        let cmp = changes::compare(previous, blocks);
        for (j, old) in cmp.old_of_new.iter().enumerate() {
            ids[j] = old.map(|i| previous[i].id.clone());
        }
        for c in cmp.changes.iter().filter(|c| c.kind == ChangeKind::Moved) {
            if let (Some(i), Some(j)) = (c.old, c.new) {
                ids[j] = Some(previous[i].id.clone());
            }
        }
    }
    let mut used = HashSet::new();
    for id in ids.iter_mut() {
        // An id kept twice (a damaged file) is kept once.
        if let Some(i) = id.as_ref()
            && (i.is_empty() || !used.insert(i.clone()))
        {
            *id = None;
        }
    }
    blocks
        .iter()
        .zip(ids)
        .map(|(b, id)| {
            id.unwrap_or_else(|| fresh(content_id(b.kind, &b.text), &mut used))
        })
        .collect()
}

/// Gives each block of source chapter `chapter` its id (see the module's doc), and
/// remembers them in `sources/<source>/.ids/<chapter>.txt` when they changed: under
/// [`lock`], from the file as it is then, so two commands naming new blocks at once
/// agree and neither loses the other's ids.
pub fn identify(manifest: &Manifest, chapter: &str, blocks: &mut [Block]) -> Result<()> {
    let rel = paths::block_ids(&manifest.guide.source_language, chapter);
    let old = read_ids(manifest, &rel)?;
    let text = name(manifest, chapter, old.as_ref(), blocks);
    if old.as_ref().map(|(t, _)| t) == Some(&text) {
        return Ok(());
    }
    let _lock = lock(manifest)?;
    let now = read_ids(manifest, &rel)?;
    let text =
        if now == old { text } else { name(manifest, chapter, now.as_ref(), blocks) };
    if now.as_ref().map(|(t, _)| t) != Some(&text) {
        write_project(&manifest.root, &rel, text.as_bytes())?;
    }
    Ok(())
}

/// Takes the lock on the source's block ids (`sources/<source>/.ids/`), waiting for
/// any other livret writing them. Taking it again in the same thread is free.
pub fn lock(manifest: &Manifest) -> Result<FileLock> {
    let source = &manifest.guide.source_language;
    let path = format!("sources/{source}/{}", paths::IDS_DIR);
    let what = tr!("project-block-ids", code = source.as_str(), path = path);
    lock_project(&manifest.root, paths::ids_lock(source), &what, LOCK_WAIT)
}

/// How long a command waits for another one writing the block ids.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// The ids file `rel`, as text and blocks (`None`: there is none).
fn read_ids(
    manifest: &Manifest,
    rel: &str,
) -> Result<Option<(String, Vec<AcceptedBlock>)>> {
    let Some(bytes) = read_project_if_exists(&manifest.root, rel)? else {
        return Ok(None);
    };
    let text = String::from_utf8(bytes).map(without_bom).map_err(|_| {
        Error::new(tr!("util-not-utf8", path = rel)).with_hint(delete(rel))
    })?;
    let blocks = snapshot::parse_blocks(&text).map(|(_, b)| b).map_err(|(l, m)| {
        Error::at(std::path::Path::new(rel), Some((l, 1)), m).with_hint(delete(rel))
    })?;
    Ok(Some((text, blocks)))
}

/// Names `blocks` after the chapter's blocks as last seen (`old`); gives the ids
/// file's new text.
fn name(
    manifest: &Manifest,
    chapter: &str,
    old: Option<&(String, Vec<AcceptedBlock>)>,
    blocks: &mut [Block],
) -> String {
    let ids = assign(old.map_or(&[][..], |(_, b)| b), blocks);
    for (block, id) in blocks.iter_mut().zip(ids) {
        block.id = id;
    }
    let seen: Vec<AcceptedBlock> = blocks.iter().map(AcceptedBlock::of).collect();
    render(&manifest.guide.source_language, chapter, &seen)
}

/// The text of the ids file of `chapter`: a heading naming it, then the blocks.
fn render(source: &str, chapter: &str, seen: &[AcceptedBlock]) -> String {
    let mut text = format!(
        "# livret: the blocks of sources/{source}/{chapter} as last seen, with their ids (the\n# msgctxt of PO files, the ids `livret check` shows). Written by livret; do not edit.\n"
    );
    snapshot::render_blocks(seen, &mut text);
    text
}

/// Writes the ids file of `chapter` again with its heading naming it, after a rename
/// moved it (nothing when it has none). The caller holds [`lock`].
pub fn retitle(manifest: &Manifest, chapter: &str) -> Result<()> {
    let rel = paths::block_ids(&manifest.guide.source_language, chapter);
    let Some((old, blocks)) = read_ids(manifest, &rel)? else { return Ok(()) };
    let text = render(&manifest.guide.source_language, chapter, &blocks);
    if text != old {
        write_project(&manifest.root, &rel, text.as_bytes())?;
    }
    Ok(())
}

/// The hint for a damaged ids file.
fn delete(rel: &str) -> Text {
    tr!("project-block-ids-damaged-hint", path = rel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::segments::{Format, segment};

    /// The blocks of `md` with the ids `assign` gives after `before`.
    fn ids_after(before: &str, md: &str) -> Vec<(String, String)> {
        let mut old = segment(before, Format::Markdown);
        let first = assign(&[], &old);
        for (b, id) in old.iter_mut().zip(first) {
            b.id = id;
        }
        let previous: Vec<AcceptedBlock> = old.iter().map(AcceptedBlock::of).collect();
        let new = segment(md, Format::Markdown);
        let ids = assign(&previous, &new);
        new.into_iter().map(|b| b.text).zip(ids).collect()
    }

    #[test]
    fn ids_survive_insertions_deletions_moves_and_edits_elsewhere() {
        let before = "# Titre\n\nUn.\n\nDeux.\n\nTrois.\n\n- a\n- a\n";
        let first: Vec<(String, String)> = ids_after("", before);
        let id = |text: &str, list: &[(String, String)]| {
            list.iter().find(|(t, _)| t == text).unwrap().1.clone()
        };
        // Two blocks of the same text: told apart by a suffix.
        let items: Vec<&String> =
            first.iter().filter(|(t, _)| t == "a").map(|(_, i)| i).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(format!("{}-2", items[0]), *items[1]);
        assert!(id("Un.", &first).starts_with("paragraph-"));
        let after = ids_after(
            before,
            "# Titre\n\nNouveau.\n\nDeux, corrigé.\n\n- a\n- a\n\nUn.\n",
        );
        // Inserted before, deleted after, moved: the others keep their ids.
        assert_eq!(id("Un.", &after), id("Un.", &first));
        assert_eq!(id("Titre", &after), id("Titre", &first));
        // Edited: new words, same id.
        assert_eq!(id("Deux, corrigé.", &after), id("Deux.", &first));
        let after_items: Vec<&String> =
            after.iter().filter(|(t, _)| t == "a").map(|(_, i)| i).collect();
        assert_eq!(after_items, items);
        let new = id("Nouveau.", &after);
        assert!(first.iter().all(|(_, i)| *i != new));
    }

    #[test]
    fn a_block_moved_and_edited_keeps_its_id() {
        let before = "Le comité se réunit chaque mois à la mairie.\n\nDeux.\n\nTrois.\n";
        let after =
            "Deux.\n\nTrois.\n\nLe comité se réunit chaque semaine à la mairie.\n";
        let first = ids_after("", before);
        let then = ids_after(before, after);
        assert_eq!(then[2].1, first[0].1, "{then:?}");
        assert_eq!(then[0].1, first[1].1);
    }
}
