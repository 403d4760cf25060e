//! A translation against its source, block by block: the same structure (the same
//! sequence of kinds and places, the same images and link targets, footnotes referred
//! to and defined in the same places, whatever their labels)
//! pairs block `i` of one with block `i` of the other; otherwise the first place
//! where they part is named, and the chapter is compared as a whole.

use serde::Serialize;

use super::{Anchor, Block, Kind};

/// What alignment looks at in a block: a chapter's [`Block`], or a block of an
/// accepted snapshot (which has no lines).
pub trait Placed {
    /// The block's kind.
    fn kind(&self) -> Kind;
    /// Its path (see [`Block::path`]).
    fn path(&self) -> &str;
    /// Its anchors.
    fn anchors(&self) -> &[Anchor];
    /// Its 1-based first line, when it has one.
    fn line(&self) -> Option<usize>;
}

impl Placed for Block {
    fn kind(&self) -> Kind {
        self.kind
    }
    fn path(&self) -> &str {
        &self.path
    }
    fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }
    fn line(&self) -> Option<usize> {
        Some(self.line)
    }
}

/// How a translation's blocks line up with its source's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum Alignment {
    /// Same structure: source block `i` is translated by translation block `i`.
    Aligned,
    /// The structures differ from this place on.
    Differs(Parting),
}

/// The first place where a translation's structure leaves its source's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parting {
    /// 1-based ordinal of the first block that differs (in both sequences).
    pub ordinal: usize,
    /// 1-based source line of that block (`None`: the source ended).
    pub source_line: Option<usize>,
    /// 1-based translation line of that block (`None`: the translation ended).
    pub translation_line: Option<usize>,
    /// What the source has there, e.g. `item at list/item` or `the end of the chapter`.
    pub source_has: String,
    /// What the translation has there.
    pub translation_has: String,
}

impl Parting {
    /// One sentence for a report, without file names: "the source has … at line 12,
    /// the translation … at line 14".
    pub fn describe(&self) -> String {
        let at =
            |line: Option<usize>| line.map_or(String::new(), |l| format!(" (line {l})"));
        format!(
            "the source has {}{}, the translation {}{}",
            self.source_has,
            at(self.source_line),
            self.translation_has,
            at(self.translation_line)
        )
    }
}

/// Lines `translation` up with `source`.
pub fn align(source: &[impl Placed], translation: &[impl Placed]) -> Alignment {
    let (s_anchors, t_anchors) = (canonical(source), canonical(translation));
    let n = source.len().max(translation.len());
    for i in 0..n {
        let (s, t) = (source.get(i), translation.get(i));
        if let (Some(s), Some(t)) = (s, t)
            && s.kind() == t.kind()
            && s.path() == t.path()
            && s_anchors[i] == t_anchors[i]
        {
            continue;
        }
        return Alignment::Differs(Parting {
            ordinal: i + 1,
            source_line: s.and_then(Placed::line),
            translation_line: t.and_then(Placed::line),
            source_has: what(s),
            translation_has: what(t),
        });
    }
    Alignment::Aligned
}

/// Each block's anchors as compared: footnote labels, which translators may
/// translate (`[^militaire]`, `[^military]`), replaced by the order in which the
/// chapter first names them; image and link targets as written.
fn canonical(blocks: &[impl Placed]) -> Vec<Vec<Anchor>> {
    let mut labels: Vec<&str> = Vec::new();
    blocks
        .iter()
        .map(|b| {
            b.anchors()
                .iter()
                .map(|a| match a {
                    Anchor::Footnote(label) => {
                        let n =
                            labels.iter().position(|l| l == label).unwrap_or_else(|| {
                                labels.push(label);
                                labels.len() - 1
                            });
                        Anchor::Footnote(n.to_string())
                    }
                    other => other.clone(),
                })
                .collect()
        })
        .collect()
}

/// A block's place in words, for [`Parting`].
fn what(block: Option<&impl Placed>) -> String {
    let Some(b) = block else { return "the end of the chapter".to_string() };
    let mut s = format!("{} `{}`", b.kind().name(), b.path());
    if !b.anchors().is_empty() {
        let anchors: Vec<String> = b
            .anchors()
            .iter()
            .map(|a| match a {
                Anchor::Image(t) => format!("image {t}"),
                Anchor::Link(t) => format!("link {t}"),
                Anchor::Footnote(l) => format!("note [^{l}]"),
            })
            .collect();
        s.push_str(&format!(" with {}", anchors.join(", ")));
    }
    s
}
