//! One block of an import: whose text it keeps — the chapter's or the PO's — against
//! the base its entry was exported with (see [`super::base`]), and what the import
//! then records of its review.

use super::accept::Decision;
use super::base;
use super::folder::Located;
use super::pairing::Pairing;
use super::pofile::Entry;
use super::text::entry_text;
use crate::project::segments::Block;
use serde::Serialize;

/// A block changed both in a PO file and in the chapter since the PO was exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// `file:line` of the entry's msgstr.
    pub po: String,
    /// `file:line` of the block in the translation.
    pub chapter: String,
    /// `file:line` of the source block.
    pub source: String,
    /// The PO's translation.
    pub po_text: String,
    /// The chapter's.
    pub chapter_text: String,
}

/// What an entry whose translation the block now holds says of its review: accepted
/// against the source text it was made for (its msgid) unless fuzzy; fuzzy makes an
/// accepted block pending again and leaves any other as it was.
pub fn review_decision(entry: &Entry, block: &Block, accepted: bool) -> Decision {
    if entry.is_fuzzy() {
        return if accepted { Decision::Pending } else { Decision::Keep };
    }
    if base::same(&entry.msgid, &entry_text(block)) {
        Decision::Accept(block.text.clone())
    } else {
        Decision::Accept(entry.msgid.clone())
    }
}

/// What the chapter has now for each source block (`None`: nothing, or the source
/// text under the untranslated mark).
pub fn current_texts(pairing: &Pairing) -> Vec<Option<String>> {
    pairing
        .units
        .iter()
        .map(|u| match (&pairing.translation, u.translation) {
            (Some(tr), Some(i)) if !u.untranslated => tr.blocks.get(i).map(entry_text),
            _ => None,
        })
        .collect()
}

/// Whose text a block keeps.
pub enum Merge {
    /// The chapter's: the PO says the same, or nothing.
    Chapter,
    /// The chapter's, changed since the export, which the PO left as it was.
    KeptEdit,
    /// The PO's: only the PO changed it.
    Po,
    /// Both changed it.
    Conflict,
}

/// Merges one entry with the chapter's text for its block, against the entry's base.
pub fn merge(l: &Located, po: Option<&str>, chapter: Option<&str>) -> Merge {
    let Some(po) = po else { return Merge::Chapter };
    if chapter.is_some_and(|c| base::same(c, po)) {
        return Merge::Chapter;
    }
    let exported = base::of(&l.entry);
    let po_changed = exported.is_none_or(|b| b != base::hash_of(po));
    let chapter_changed = match exported {
        Some(b) => b != base::hash_of(chapter.unwrap_or("")),
        None => chapter.is_some(),
    };
    match (po_changed, chapter_changed) {
        (false, _) => Merge::KeptEdit,
        (true, false) => Merge::Po,
        (true, true) => Merge::Conflict,
    }
}

/// The conflict of entry `l` with source block `j`.
pub fn conflict(l: &Located, pairing: &Pairing, j: usize) -> Conflict {
    let block = &pairing.source.blocks[j];
    let tr = pairing.translation.as_ref();
    let tr_block = pairing.units[j].translation.and_then(|i| tr?.blocks.get(i));
    let chapter = match (tr, tr_block) {
        (Some(t), Some(b)) => format!("{}:{}", t.file.rel, b.line),
        (Some(t), None) => t.file.rel.clone(),
        _ => String::new(),
    };
    Conflict {
        po: l.at(),
        chapter,
        source: format!("{}:{}", pairing.source.file.rel, block.line),
        po_text: l.entry.msgstr.clone(),
        chapter_text: tr_block.map(entry_text).unwrap_or_default(),
    }
}
