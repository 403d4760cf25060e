//! What changed in a source chapter since its translation was accepted: the accepted
//! blocks against the current ones, each change a block changed, added, removed or
//! moved, with a word-level diff of its text; and accepting one such change.
//!
//! Blocks are compared by kind and text with white space made single (rewrapping a
//! paragraph changes nothing). The sequences are diffed with `similar` (Myers), the
//! words of a changed block too (Patience, over words with their trailing spaces); a
//! block removed in one place and added with the same kind and text in another is
//! moved; within one stretch of differences, removed and added blocks of the same
//! kind and path pair up in order as changed; what is left is removed or added.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffTag, TextDiff, capture_diff_slices};

use crate::project::segments::Block;
use crate::project::segments::align::Placed;
use crate::project::snapshot::{AcceptedBlock, Snapshot};

/// Blocks longer than this many bytes get a whole-text diff (old removed, new added)
/// instead of a word diff, so a pathological chapter cannot take minutes.
const MAX_WORD_DIFF_BYTES: usize = 64 * 1024;

/// How a source block differs from the accepted one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Same place, new text.
    Changed,
    /// A block the accepted source did not have.
    Added,
    /// A block of the accepted source that is gone.
    Removed,
    /// The same text at another place.
    Moved,
    /// The same text, but its translation is not accepted yet (marked `pending` in
    /// the snapshot: a translator's `#, fuzzy`, or imported untranslated).
    Unreviewed,
}

/// One change: indices into the accepted blocks (`old`) and the current blocks (`new`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// 0-based index in the snapshot's blocks (`None` for an added block).
    pub old: Option<usize>,
    /// 0-based index in the current blocks (`None` for a removed block).
    pub new: Option<usize>,
    /// For a removed block: the 0-based index of the current block it was before
    /// (the number of current blocks when it was last).
    pub at: usize,
}

/// The comparison of a snapshot with the current blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The changes, in the order of the current source (a removed block where it was).
    pub changes: Vec<Change>,
    /// For each current block, its unchanged or changed counterpart in the snapshot.
    pub old_of_new: Vec<Option<usize>>,
}

/// What makes two blocks "the same text".
fn key(kind: &str, text: &str) -> String {
    format!("{kind}\u{0}{}", crate::project::segments::normalize(text))
}

/// Compares the accepted blocks with the current ones.
pub fn compare(old: &[AcceptedBlock], new: &[Block]) -> Comparison {
    let old_keys: Vec<String> = old.iter().map(|b| key(b.kind.name(), &b.text)).collect();
    let new_keys: Vec<String> = new.iter().map(|b| key(b.kind.name(), &b.text)).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);
    let mut old_of_new = vec![None; new.len()];
    // Stretches of differences: (old indices, new indices).
    let mut hunks: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut open = false;
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in o.zip(n) {
                old_of_new[j] = Some(i);
            }
            open = false;
            continue;
        }
        if !open {
            hunks.push((Vec::new(), Vec::new()));
            open = true;
        }
        let hunk = hunks.last_mut().expect("just pushed");
        hunk.0.extend(o);
        hunk.1.extend(n);
    }
    let mut changes = moves(&old_keys, &new_keys, &mut hunks);
    for (olds, news) in &hunks {
        pair_in_hunk(old, new, olds, news, &mut changes, &mut old_of_new);
    }
    edited_moves(old, new, &mut changes);
    let changed: std::collections::HashSet<usize> =
        changes.iter().filter_map(|c| c.new).collect();
    for (j, o) in old_of_new.iter().enumerate() {
        if let Some(i) = *o
            && old[i].pending
            && !changed.contains(&j)
        {
            changes.push(Change {
                kind: ChangeKind::Unreviewed,
                old: Some(i),
                new: Some(j),
                at: j,
            });
        }
    }
    for c in &mut changes {
        if c.kind == ChangeKind::Removed {
            c.at = removed_at(c.old.expect("removed has old"), &old_of_new, new.len());
        }
    }
    changes.sort_by_key(|c| (c.new.unwrap_or(c.at), c.new.is_some(), c.old));
    Comparison { changes, old_of_new }
}

/// Blocks removed in one stretch and added with the same kind and text in another
/// (or the same one): moved. Takes them out of the stretches.
fn moves(
    old_keys: &[String],
    new_keys: &[String],
    hunks: &mut [(Vec<usize>, Vec<usize>)],
) -> Vec<Change> {
    let mut changes = Vec::new();
    let removed: Vec<usize> = hunks.iter().flat_map(|h| h.0.iter().copied()).collect();
    let mut taken = vec![false; old_keys.len()];
    for hunk in hunks.iter_mut() {
        hunk.1.retain(|&j| {
            let found = removed
                .iter()
                .copied()
                .find(|&i| !taken[i] && old_keys[i] == new_keys[j]);
            match found {
                Some(i) => {
                    taken[i] = true;
                    changes.push(Change {
                        kind: ChangeKind::Moved,
                        old: Some(i),
                        new: Some(j),
                        at: j,
                    });
                    false
                }
                None => true,
            }
        });
    }
    for hunk in hunks.iter_mut() {
        hunk.0.retain(|&i| !taken[i]);
    }
    changes
}

/// Within one stretch, pairs removed and added blocks of the same kind and path as
/// changed, in order, the pairs whose words are most alike first (an insertion next
/// to an edited block never takes the edited block's place); the rest are removed or
/// added.
fn pair_in_hunk(
    old: &[AcceptedBlock],
    new: &[Block],
    olds: &[usize],
    news: &[usize],
    changes: &mut Vec<Change>,
    old_of_new: &mut [Option<usize>],
) {
    // One block for one block: changed, however much. Otherwise a pair shares at
    // least 30 % of its words (a deleted block never lends its id to a new one).
    let alone = olds.len() == 1 && news.len() == 1;
    let pairs = best_pairs(olds.len(), news.len(), |a, b| {
        let (i, j) = (olds[a], news[b]);
        if old[i].kind != new[j].kind || old[i].path() != new[j].path.as_str() {
            return None;
        }
        let like = likeness(&old[i].text, &new[j].text);
        (alone || like >= 3).then_some(1 + 10 * like)
    });
    let mut paired = vec![false; olds.len()];
    for (b, &j) in news.iter().enumerate() {
        match pairs[b] {
            Some(a) => {
                paired[a] = true;
                let i = olds[a];
                old_of_new[j] = Some(i);
                changes.push(Change {
                    kind: ChangeKind::Changed,
                    old: Some(i),
                    new: Some(j),
                    at: j,
                });
            }
            None => changes.push(Change {
                kind: ChangeKind::Added,
                old: None,
                new: Some(j),
                at: j,
            }),
        }
    }
    for (a, &i) in olds.iter().enumerate() {
        if !paired[a] {
            changes.push(removed(i));
        }
    }
}

/// The in-order pairing of `n` olds with `m` news that scores most (`gain`: the
/// score of a pair, `None` when it cannot pair); for each new, its old.
fn best_pairs(
    n: usize,
    m: usize,
    gain: impl Fn(usize, usize) -> Option<u64>,
) -> Vec<Option<usize>> {
    let mut pairs = vec![None; m];
    if n.saturating_mul(m) > 250_000 {
        // Too big to weigh: in order, as the kinds allow.
        let mut next = 0;
        for (b, pair) in pairs.iter_mut().enumerate() {
            if let Some(k) = (next..n).find(|&a| gain(a, b).is_some()) {
                *pair = Some(k);
                next = k + 1;
            }
        }
        return pairs;
    }
    let w = m + 1;
    let mut score = vec![0u64; (n + 1) * w];
    for a in 1..=n {
        for b in 1..=m {
            let mut best = score[(a - 1) * w + b].max(score[a * w + b - 1]);
            if let Some(g) = gain(a - 1, b - 1) {
                best = best.max(score[(a - 1) * w + b - 1] + g);
            }
            score[a * w + b] = best;
        }
    }
    let (mut a, mut b) = (n, m);
    while a > 0 && b > 0 {
        let here = score[a * w + b];
        if gain(a - 1, b - 1).is_some_and(|g| here == score[(a - 1) * w + b - 1] + g) {
            pairs[b - 1] = Some(a - 1);
            a -= 1;
            b -= 1;
        } else if here == score[(a - 1) * w + b] {
            a -= 1;
        } else {
            b -= 1;
        }
    }
    pairs
}

/// How alike two texts' words are (punctuation aside), 0 to 10: twice the words
/// they share over the words of both.
fn likeness(a: &str, b: &str) -> u64 {
    let words = |t: &str| {
        let mut m = std::collections::HashMap::new();
        for w in t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            *m.entry(w.to_lowercase()).or_insert(0u64) += 1;
        }
        m
    };
    let (x, y) = (words(a), words(b));
    let total: u64 = x.values().sum::<u64>() + y.values().sum::<u64>();
    let shared: u64 = x.iter().map(|(w, n)| (*n).min(*y.get(w).unwrap_or(&0))).sum();
    (20 * shared).checked_div(total).unwrap_or(10)
}

/// A block removed in one place and added in another with most of its words (60 %
/// or more) and the same kind and path: moved, and edited. Replaces such pairs of
/// changes with one move.
fn edited_moves(old: &[AcceptedBlock], new: &[Block], changes: &mut Vec<Change>) {
    let added: Vec<usize> = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Added)
        .filter_map(|c| c.new)
        .collect();
    for j in added {
        let best = changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Removed)
            .filter_map(|c| c.old)
            .filter(|&i| {
                old[i].kind == new[j].kind && old[i].path() == new[j].path.as_str()
            })
            .map(|i| (likeness(&old[i].text, &new[j].text), i))
            .filter(|(like, _)| *like >= 6)
            .max_by_key(|(like, i)| (*like, std::cmp::Reverse(*i)));
        let Some((_, i)) = best else { continue };
        changes.retain(|c| c.old != Some(i) && c.new != Some(j));
        changes.push(Change {
            kind: ChangeKind::Moved,
            old: Some(i),
            new: Some(j),
            at: j,
        });
    }
}

/// A removed block (its place among the current blocks is set later).
fn removed(i: usize) -> Change {
    Change { kind: ChangeKind::Removed, old: Some(i), new: None, at: 0 }
}

/// The current block a removed old block `i` stood before: the first current block
/// whose counterpart comes after it.
fn removed_at(i: usize, old_of_new: &[Option<usize>], len: usize) -> usize {
    old_of_new.iter().position(|o| o.is_some_and(|o| o > i)).unwrap_or(len)
}

/// One stretch of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// `equal`, `delete` (only in the old text) or `insert` (only in the new).
    pub op: DiffOpKind,
    /// The words (and the spaces between them).
    pub text: String,
}

/// What a [`DiffOp`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiffOpKind {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// A word-level diff of `old` → `new`, consecutive words of one kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffOpKind, text: &str| match ops.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ if text.is_empty() => {}
        _ => ops.push(DiffOp { op, text: text.to_string() }),
    };
    if old.len() > MAX_WORD_DIFF_BYTES || new.len() > MAX_WORD_DIFF_BYTES {
        push(DiffOpKind::Delete, old);
        push(DiffOpKind::Insert, new);
        return ops;
    }
    // Line ends are not words: a CRLF source against its LF snapshot changes nothing.
    let (old, new) = (old.replace("\r\n", "\n"), new.replace("\r\n", "\n"));
    let (old_words, new_words) = (words(&old), words(&new));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_slices(&old_words, &new_words);
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOpKind::Equal,
            ChangeTag::Delete => DiffOpKind::Delete,
            ChangeTag::Insert => DiffOpKind::Insert,
        };
        push(op, change.value());
    }
    ops
}

/// `text` cut into words, each with the white space after it (white space alone at
/// the start is a word of its own), so that a diff never pairs spaces by themselves.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if !space && in_space && i > start {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Accepts one change into the snapshot: the changed block takes its new text, an
/// added block is inserted after the block before it, a removed one dropped, a moved
/// one taken to its new place.
pub fn accept_one(snap: &mut Snapshot, new: &[Block], cmp: &Comparison, change: &Change) {
    match (change.kind, change.old, change.new) {
        (ChangeKind::Changed | ChangeKind::Unreviewed, Some(i), Some(j)) => {
            snap.blocks[i] = AcceptedBlock::of(&new[j])
        }
        (ChangeKind::Removed, Some(i), _) => {
            snap.blocks.remove(i);
        }
        (ChangeKind::Added | ChangeKind::Moved, old, Some(j)) => {
            // After the counterpart of the nearest earlier block that stayed in place.
            let after =
                (0..j).rev().find_map(|k| cmp.old_of_new[k].filter(|&o| Some(o) != old));
            let mut at = after.map_or(0, |o| o + 1);
            if let Some(i) = old {
                snap.blocks.remove(i);
                if i < at {
                    at -= 1;
                }
            }
            snap.blocks.insert(at.min(snap.blocks.len()), AcceptedBlock::of(&new[j]));
        }
        _ => {}
    }
}
