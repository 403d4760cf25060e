//! A translated chapter made from PO entries: the chapter's Markdown with each
//! block's text replaced by its translation, everything between blocks (heading
//! marks, list markers, `> [!IMPORTANT]`, image paths, `[^label]:`, blank lines) kept.
//!
//! The frame is the translation's own file when it follows the source's structure
//! block for block (its own line breaks and spacing stay, and a block whose
//! translation did not change keeps its bytes); otherwise the source chapter's.

use std::collections::BTreeMap;

use super::pairing::{Chapter, Pairing};
use super::text::{continuation_marks, entry_text, placed};
use crate::project::segments::{Anchor, Block, Format, Kind, segment};
use crate::util::text::{BOM, line_ending, with_line_ending};

/// The chapter text with `translations[j]` (when `Some`) in place of source block
/// `j`; with a byte order mark when the frame's file had one.
pub fn rebuild(pairing: &Pairing, translations: &[Option<String>]) -> String {
    let frame: &Chapter = match &pairing.translation {
        Some(tr) if pairing.follows_source => tr,
        _ => &pairing.source,
    };
    let frame_is_source = std::ptr::eq(frame, &pairing.source);
    let mut order: Vec<usize> = (0..frame.blocks.len()).collect();
    order.sort_by_key(|&j| std::cmp::Reverse(frame.blocks[j].range.start));
    let mut text = frame.text.clone();
    for j in order {
        let Some(Some(translation)) = translations.get(j) else { continue };
        let block = &frame.blocks[j];
        if !frame_is_source && *translation == entry_text(block) {
            continue;
        }
        let marks = continuation_marks(&frame.text, block);
        text.replace_range(block.range.clone(), &placed(block.kind, translation, &marks));
    }
    // The translation's own line endings (a new one takes the source's), never a mix.
    let own = pairing.translation.as_ref().unwrap_or(&pairing.source);
    let mut text = with_line_ending(&text, line_ending(&own.text));
    if frame.bom {
        text.insert(0, BOM);
    }
    text
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
/// follows the source block for block and names its notes otherwise (`[^militaire]`
/// → `[^military]`): labels are paired in the order the chapters first use them.
pub fn label_map(pairing: &Pairing) -> BTreeMap<String, String> {
    let Some(tr) = pairing.translation.as_ref().filter(|_| pairing.follows_source) else {
        return BTreeMap::new();
    };
    let order = |blocks: &[Block]| {
        let mut labels: Vec<String> = Vec::new();
        for a in blocks.iter().flat_map(|b| &b.anchors) {
            if let Anchor::Footnote(l) = a
                && !labels.contains(l)
            {
                labels.push(l.clone());
            }
        }
        labels
    };
    order(&pairing.source.blocks).into_iter().zip(order(&tr.blocks)).collect()
}

/// What a translation breaks of its msgid's shape, in words (`None`: nothing).
pub fn shape_difference(msgid: &Shape, msgstr: &Shape) -> Option<String> {
    if msgid.blocks != msgstr.blocks {
        let words = |s: &Shape| {
            let kinds: Vec<String> =
                s.blocks.iter().map(|(k, p)| format!("{} `{p}`", k.name())).collect();
            format!("{} block(s): {}", s.blocks.len(), kinds.join(", "))
        };
        return Some(format!(
            "this translation changes the chapter's structure: on its own it makes {} where the msgid makes {} (a blank line, or a line starting with `-`, `1.`, `#` or `>`, starts a new block)",
            words(msgstr),
            words(msgid)
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
fn anchor_difference(msgid: &[Anchor], msgstr: &[Anchor]) -> Option<String> {
    let missing: Vec<&Anchor> =
        msgid.iter().filter(|a| count(msgid, a) > count(msgstr, a)).collect();
    let extra: Vec<&Anchor> =
        msgstr.iter().filter(|a| count(msgstr, a) > count(msgid, a)).collect();
    let words = |list: &[&Anchor]| {
        let mut names: Vec<String> = list.iter().map(|a| describe(a)).collect();
        names.dedup();
        names.join(", ")
    };
    match (missing.is_empty(), extra.is_empty()) {
        (true, true) => None,
        (false, true) => {
            Some(format!("the translation drops {} of the msgid", words(&missing)))
        }
        (true, false) => {
            Some(format!("the translation adds {}, not in the msgid", words(&extra)))
        }
        (false, false) => Some(format!(
            "the translation changes {} of the msgid into {}",
            words(&missing),
            words(&extra)
        )),
    }
}

/// How many times `a` is in `list`.
fn count(list: &[Anchor], a: &Anchor) -> usize {
    list.iter().filter(|b| *b == a).count()
}

/// An anchor in words.
fn describe(a: &Anchor) -> String {
    match a {
        Anchor::Image(t) => format!("the image `{t}`"),
        Anchor::Link(t) => format!("the link target `{t}`"),
        Anchor::Footnote(l) => format!("the footnote label `[^{l}]`"),
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
            why.contains("2 block(s): paragraph `paragraph`, item `list/item`"),
            "{why}"
        );
    }
}
