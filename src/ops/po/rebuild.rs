//! A translated chapter made from PO entries: the chapter's Markdown with each
//! block's text replaced by its translation, everything between blocks (heading
//! marks, list markers, `> [!IMPORTANT]`, image paths, `[^label]:`, blank lines) kept.
//!
//! The frame is the translation's own file when it has a block for every source
//! block and none for a block removed from the source (its own line breaks, spacing
//! and blocks of its own — a reviewer's note — stay, and a block whose translation
//! did not change keeps its bytes); otherwise the source chapter's, a block without a
//! translation keeping the source text under the untranslated mark.

use std::collections::BTreeMap;
use std::ops::Range;

use super::pairing::Pairing;
use super::text::{continuation_marks, entry_text, placed, translatable};
use crate::i18n::Text;
use crate::project::segments::{Anchor, Block, Format, Kind, segment, untranslated_mark};
use crate::tr;
use crate::util::text::{BOM, line_ending, with_line_ending};

/// The chapter text with `translations[j]` (when `Some`) in place of source block
/// `j`, with a byte order mark when the frame's file had one and the translation's
/// line endings (a new translation takes the source's), never a mix. `Err`: the
/// lines of the translation's blocks of its own that a chapter in the source's frame
/// would lose (it lacks some source blocks too, and they are not top-level paragraphs).
pub fn rebuild(
    pairing: &Pairing,
    translations: &[Option<String>],
    source_lang: &str,
) -> Result<String, Vec<usize>> {
    let text = framed(pairing, translations, source_lang)?;
    let own = pairing.translation.as_ref().unwrap_or(&pairing.source);
    Ok(with_line_ending(&text, line_ending(&own.text)))
}

/// [`rebuild`] before its line endings are made the translation's.
fn framed(
    pairing: &Pairing,
    translations: &[Option<String>],
    source_lang: &str,
) -> Result<String, Vec<usize>> {
    if let Some(tr) = &pairing.translation
        && pairing.units.iter().all(|u| u.translation.is_some())
        && pairing.removed.iter().all(|r| r.translation.is_none())
    {
        let mut edits = Vec::new();
        for (j, unit) in pairing.units.iter().enumerate() {
            let (Some(i), Some(Some(t))) = (unit.translation, translations.get(j)) else {
                continue;
            };
            let block = &tr.blocks[i];
            if unit.untranslated || *t != entry_text(block) {
                edits.push(edit(&tr.text, block, t));
            }
        }
        return Ok(patch(&tr.text, tr.bom, edits));
    }
    let mark = untranslated_mark(source_lang);
    let mut edits = Vec::new();
    for (j, block) in pairing.source.blocks.iter().enumerate() {
        match translations.get(j) {
            Some(Some(t)) => edits.push(edit(&pairing.source.text, block, t)),
            _ if translatable(block.kind) && !block.text.trim().is_empty() => {
                let t = format!("{mark}{}", entry_text(block));
                edits.push(edit(&pairing.source.text, block, &t));
            }
            _ => {}
        }
    }
    edits.extend(own_blocks(pairing)?);
    let text = patch(&pairing.source.text, pairing.source.bom, edits);
    // The translation's own blocks must come out as blocks of their own, and every
    // source block still in its place.
    // (Without blocks of its own, the import checks the structure itself.)
    if let Some(tr) = pairing.translation.as_ref().filter(|_| !pairing.extra.is_empty()) {
        let body = text.strip_prefix(BOM).unwrap_or(&text);
        let blocks = segment(body, Format::Markdown);
        let a = crate::project::segments::align::align(&pairing.source.blocks, &blocks);
        if a.pairs.iter().any(Option::is_none) || a.extra.len() != pairing.extra.len() {
            return Err(pairing.extra.iter().map(|&i| tr.blocks[i].line).collect());
        }
    }
    Ok(text)
}

/// An edit of the source's frame: a range of it and its new text.
type Edit = (Range<usize>, String);

/// The edit putting translation `t` in place of `block` of `chapter`.
fn edit(chapter: &str, block: &Block, t: &str) -> Edit {
    let marks = continuation_marks(chapter, block);
    (block.range.clone(), placed(block.kind, t, &marks))
}

/// The translation's blocks of its own (a reviewer's note, an extra bullet), each
/// put after the source block its previous paired block translates: a top-level
/// paragraph after a blank line, a block inside a container (an item, a box's
/// line) on the next line with its own marks, when that source block sits in the
/// same place. `Err`: the lines of those that cannot be placed so.
fn own_blocks(pairing: &Pairing) -> Result<Vec<Edit>, Vec<usize>> {
    let Some(tr) = &pairing.translation else { return Ok(Vec::new()) };
    let mut source_of = vec![None; tr.blocks.len()];
    for (j, unit) in pairing.units.iter().enumerate() {
        if let Some(i) = unit.translation {
            source_of[i] = Some(j);
        }
    }
    let src = &pairing.source;
    let mut edits = Vec::new();
    let mut misplaced = Vec::new();
    // The last first: insertions at one place end up in the translation's order.
    for &i in pairing.extra.iter().rev() {
        let own = &tr.blocks[i];
        let after = (0..i).rev().find_map(|k| source_of[k]).map(|j| &src.blocks[j]);
        let line_end = |b: &Block| {
            let end = b.range.end;
            src.text[end..].find('\n').map_or(src.text.len(), |n| end + n)
        };
        match after {
            _ if own.path == "paragraph" => {
                let at = after.map_or(0, line_end);
                let text = if after.is_some() {
                    format!("\n\n{}", own.text)
                } else {
                    format!("{}\n\n", own.text)
                };
                edits.push((at..at, text));
            }
            Some(b) if b.path == own.path => {
                let start = tr.text[..own.range.start].rfind('\n').map_or(0, |n| n + 1);
                let end = line_end_of(&tr.text, own.range.end);
                edits.push((
                    line_end(b)..line_end(b),
                    format!("\n{}", &tr.text[start..end]),
                ));
            }
            _ => misplaced.push(own.line),
        }
    }
    if misplaced.is_empty() { Ok(edits) } else { Err(misplaced) }
}

/// The end of the line `at` is on (before its line break).
fn line_end_of(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n)
}

/// `text` with each edit made, and a byte order mark when `bom`.
fn patch(text: &str, bom: bool, mut edits: Vec<Edit>) -> String {
    // From the end, an insertion after the replacement of the block before it.
    edits.sort_by_key(|(r, _)| std::cmp::Reverse((r.start, r.end)));
    let mut out = text.to_string();
    for (range, new) in edits {
        out.replace_range(range, &new);
    }
    if bom {
        out.insert(0, BOM);
    }
    out
}

/// The blocks of a text parsed on its own, the chapter's footnote `labels` defined
/// after it so that references to them are read as such.
fn standalone(text: &str, labels: &[String]) -> Vec<Block> {
    let mut doc = text.to_string();
    for label in labels {
        doc.push_str(&format!("\n\n[^{label}]: ."));
    }
    segment(&doc, Format::Markdown)
        .into_iter()
        .filter(|b| b.range.start < text.len())
        .collect()
}

/// What a text is on its own: its blocks' kinds and places, and its images, link
/// targets and footnote references, sorted (a translation may reorder them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Kind and path of each block the text makes.
    pub blocks: Vec<(Kind, String)>,
    /// Its anchors, sorted.
    pub anchors: Vec<Anchor>,
}

/// The [`Shape`] of a text; `labels` are the chapter's footnote labels.
pub fn shape_of(text: &str, labels: &[String]) -> Shape {
    let blocks = standalone(text, labels);
    let mut anchors: Vec<Anchor> =
        blocks.iter().flat_map(|b| b.anchors.clone()).collect();
    anchors.sort_by(|a, b| key(a).cmp(&key(b)));
    Shape { blocks: blocks.iter().map(|b| (b.kind, b.path.clone())).collect(), anchors }
}

impl Shape {
    /// The shape with its footnote labels renamed through `labels` (source label →
    /// the translation's), sorted again.
    pub fn renamed(mut self, labels: &BTreeMap<String, String>) -> Shape {
        for a in &mut self.anchors {
            if let Anchor::Footnote(l) = a
                && let Some(new) = labels.get(l)
            {
                *l = new.clone();
            }
        }
        self.anchors.sort_by(|a, b| key(a).cmp(&key(b)));
        self
    }
}

/// The translation's footnote label for each of the source's, when the translation
/// names its notes otherwise (`[^militaire]` → `[^military]`): labels are paired in
/// the order the paired blocks first use them.
pub fn label_map(pairing: &Pairing) -> BTreeMap<String, String> {
    let Some(tr) = pairing.translation.as_ref() else {
        return BTreeMap::new();
    };
    let labels = |b: &Block| -> Vec<String> {
        b.anchors
            .iter()
            .filter_map(|a| match a {
                Anchor::Footnote(l) => Some(l.clone()),
                _ => None,
            })
            .collect()
    };
    let mut map = BTreeMap::new();
    let mut taken = std::collections::BTreeSet::new();
    for (block, unit) in pairing.source.blocks.iter().zip(&pairing.units) {
        let Some(t) = unit.translation.and_then(|i| tr.blocks.get(i)) else { continue };
        for (s, t) in labels(block).into_iter().zip(labels(t)) {
            if !map.contains_key(&s) && taken.insert(t.clone()) {
                map.insert(s, t);
            }
        }
    }
    map
}

/// What a translation breaks of its msgid's shape, in words (`None`: nothing).
pub fn shape_difference(msgid: &Shape, msgstr: &Shape) -> Option<Text> {
    if msgid.blocks != msgstr.blocks {
        let words = |s: &Shape| {
            let mut list = Text::default();
            for (i, (k, p)) in s.blocks.iter().enumerate() {
                let block = tr!("po-block", kind = k.name(), path = p.as_str());
                list = if i == 0 { block } else { list.join(", ", &block) };
            }
            list
        };
        return Some(tr!(
            "po-structure-changed",
            count = msgstr.blocks.len(),
            blocks = words(msgstr),
            msgid_count = msgid.blocks.len(),
            msgid_blocks = words(msgid)
        ));
    }
    anchor_difference(&msgid.anchors, &msgstr.anchors)
}

/// Sort key of an anchor.
fn key(a: &Anchor) -> (u8, &str) {
    match a {
        Anchor::Image(t) => (0, t),
        Anchor::Link(t) => (1, t),
        Anchor::Footnote(l) => (2, l),
    }
}

/// The footnote labels defined or referred to in a chapter's blocks.
pub fn footnote_labels(blocks: &[Block]) -> Vec<String> {
    let mut labels: Vec<String> = blocks
        .iter()
        .flat_map(|b| &b.anchors)
        .filter_map(|a| match a {
            Anchor::Footnote(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

/// What a translation lost or gained against its msgid, in words (`None`: the same).
fn anchor_difference(msgid: &[Anchor], msgstr: &[Anchor]) -> Option<Text> {
    let missing: Vec<&Anchor> =
        msgid.iter().filter(|a| count(msgid, a) > count(msgstr, a)).collect();
    let extra: Vec<&Anchor> =
        msgstr.iter().filter(|a| count(msgstr, a) > count(msgid, a)).collect();
    let words = |list: &[&Anchor]| {
        let mut names: Vec<Text> = list.iter().map(|a| describe(a)).collect();
        names.dedup();
        let mut all = Text::default();
        for (i, name) in names.iter().enumerate() {
            all = if i == 0 { name.clone() } else { all.join(", ", name) };
        }
        all
    };
    match (missing.is_empty(), extra.is_empty()) {
        (true, true) => None,
        (false, true) => Some(tr!("po-anchor-dropped", anchors = words(&missing))),
        (true, false) => Some(tr!("po-anchor-added", anchors = words(&extra))),
        (false, false) => Some(tr!(
            "po-anchor-changed",
            anchors = words(&missing),
            into = words(&extra)
        )),
    }
}

/// How many times `a` is in `list`.
fn count(list: &[Anchor], a: &Anchor) -> usize {
    list.iter().filter(|b| *b == a).count()
}

/// An anchor in words.
fn describe(a: &Anchor) -> Text {
    match a {
        Anchor::Image(t) => tr!("po-anchor-image", target = t),
        Anchor::Link(t) => tr!("po-anchor-link", target = t),
        Anchor::Footnote(l) => tr!("po-anchor-footnote", label = l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_read_with_the_chapter_labels() {
        let labels = vec!["grin".to_string()];
        let a = shape_of(
            "Au *grin*[^grin], voir [ici](https://a.org) ![x](images/a.png).",
            &labels,
        );
        assert_eq!(
            a.anchors,
            vec![
                Anchor::Image("images/a.png".into()),
                Anchor::Link("https://a.org".into()),
                Anchor::Footnote("grin".into())
            ]
        );
        let b = shape_of("Au grin[^grn], voir [ici](https://b.org).", &labels);
        let why = shape_difference(&a, &b).unwrap();
        assert!(why.contains("`https://a.org`") && why.contains("[^grin]"), "{why}");
        assert!(why.contains("changes"), "{why}");
        assert_eq!(shape_difference(&a, &a), None);
        let c = shape_of(
            "Au grin[^grin].\n\n- voir [ici](https://a.org) ![x](images/a.png).",
            &labels,
        );
        let why = shape_difference(&a, &c).unwrap();
        assert!(
            why.contains("makes 2 blocks (paragraph `paragraph`, list item `list/item`)"),
            "{why}"
        );
    }
}
