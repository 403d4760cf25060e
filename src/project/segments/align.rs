//! A translation against its source, block by block, by sequence alignment: blocks
//! pair when they have the same kind and place and the same images and link targets
//! (footnote labels aside, which translators may translate); among the pairings
//! that pair the most blocks, the one whose pairs look most alike (lengths, numbers)
//! wins. A block the other side does not have (a reviewer's note, an extra bullet, a
//! missing image) costs only itself: the blocks before and after it still pair.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::{Anchor, Block, Kind};
use crate::i18n::Text;
use crate::tr;

/// Above this many source × translation blocks, the alignment is a plain diff of
/// the blocks' kinds and places (linear memory) instead of the weighted one.
const MAX_CELLS: usize = 4_000_000;
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
    /// Its text.
    fn text(&self) -> &str;
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
    fn text(&self) -> &str {
        &self.text
    }
}

/// How a translation's blocks line up with its source's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// For each source block, the index of the translation block that translates it.
    pub pairs: Vec<Option<usize>>,
    /// Translation blocks that translate no source block, in order.
    pub extra: Vec<usize>,
}

impl Alignment {
    /// Whether source block `i` is translated by translation block `i`, for every
    /// block of both.
    pub fn exact(&self) -> bool {
        self.extra.is_empty() && self.pairs.iter().enumerate().all(|(i, p)| *p == Some(i))
    }

    /// How many source blocks are paired.
    pub fn paired(&self) -> usize {
        self.pairs.iter().flatten().count()
    }

    /// Where the two sides part, when they do (`None`: [`Alignment::exact`]).
    pub fn parting(
        &self,
        source: &[impl Placed],
        translation: &[impl Placed],
    ) -> Option<Parting> {
        if self.exact() {
            return None;
        }
        let n = source.len().max(translation.len());
        let k = (0..n)
            .find(|&k| self.pairs.get(k).copied().flatten() != Some(k))
            .unwrap_or(n.saturating_sub(1));
        let (s, t) = (source.get(k), translation.get(k));
        let lines = |l: Vec<Option<usize>>| l.into_iter().flatten().collect::<Vec<_>>();
        Some(Parting {
            ordinal: k + 1,
            source_line: s.and_then(Placed::line),
            translation_line: t.and_then(Placed::line),
            source_has: what(s),
            translation_has: what(t),
            source_only: lines(
                self.pairs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.is_none())
                    .map(|(i, _)| source[i].line())
                    .collect(),
            ),
            translation_only: lines(
                self.extra.iter().map(|&j| translation[j].line()).collect(),
            ),
        })
    }
}

/// Where a translation's blocks leave its source's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parting {
    /// 1-based ordinal of the first block that differs (in both sequences).
    pub ordinal: usize,
    /// 1-based source line of that block (`None`: the source ended).
    pub source_line: Option<usize>,
    /// 1-based translation line of that block (`None`: the translation ended).
    pub translation_line: Option<usize>,
    /// What the source has there, e.g. `a list item` or `the end of the chapter`.
    pub source_has: Text,
    /// What the translation has there.
    pub translation_has: Text,
    /// Lines of the source blocks the translation has no block for.
    pub source_only: Vec<usize>,
    /// Lines of the translation blocks that translate no source block.
    pub translation_only: Vec<usize>,
}

impl Parting {
    /// One sentence for a report, without file names: "the source has … at line 12,
    /// the translation … at line 14".
    pub fn describe(&self) -> Text {
        self.describe_against(tr!("project-parting-translation"))
    }

    /// [`Parting::describe`] naming the other side otherwise ("the imported chapter").
    pub fn describe_against(&self, other: Text) -> Text {
        let at = |has: &Text, line: Option<usize>| match line {
            Some(line) => tr!("project-parting-at-line", what = has, line = line),
            None => has.clone(),
        };
        tr!(
            "project-parting",
            source = at(&self.source_has, self.source_line),
            other = other,
            translation = at(&self.translation_has, self.translation_line)
        )
    }

    /// The blocks left unpaired, in words: "source line(s) 12 have no counterpart in
    /// the translation; translation line(s) 14 none in the source".
    pub fn unpaired(&self) -> Text {
        let list =
            |l: &[usize]| l.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
        let source = (!self.source_only.is_empty()).then(|| {
            tr!(
                "project-unpaired-source",
                count = self.source_only.len(),
                lines = list(&self.source_only)
            )
        });
        let translation = (!self.translation_only.is_empty()).then(|| {
            tr!(
                "project-unpaired-translation",
                count = self.translation_only.len(),
                lines = list(&self.translation_only)
            )
        });
        match (source, translation) {
            (Some(s), Some(t)) => s.join("; ", &t),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => self.describe(),
        }
    }
}

/// What must be equal for two blocks to pair: kind, place, images and link targets.
type Signature = (Kind, String, Vec<Anchor>);

/// A block's [`Signature`] (footnote labels blanked: translators may rename them).
fn signature(b: &impl Placed) -> Signature {
    let anchors = b
        .anchors()
        .iter()
        .map(|a| match a {
            Anchor::Footnote(_) => Anchor::Footnote(String::new()),
            other => other.clone(),
        })
        .collect();
    (b.kind(), b.path().to_string(), anchors)
}

/// Lines `translation` up with `source`.
pub fn align(source: &[impl Placed], translation: &[impl Placed]) -> Alignment {
    let sk: Vec<Signature> = source.iter().map(signature).collect();
    let tk: Vec<Signature> = translation.iter().map(signature).collect();
    let (n, m) = (sk.len(), tk.len());
    let pairs = if n.saturating_mul(m) > MAX_CELLS {
        plain(&sk, &tk)
    } else {
        weighted(source, translation, &sk, &tk)
    };
    let mut used = vec![false; m];
    for j in pairs.iter().flatten() {
        used[*j] = true;
    }
    let extra = (0..m).filter(|&j| !used[j]).collect();
    Alignment { pairs, extra }
}

/// The pairs of a plain diff of the signatures.
fn plain(sk: &[Signature], tk: &[Signature]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; sk.len()];
    for op in capture_diff_slices(Algorithm::Myers, sk, tk) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in o.zip(n) {
                pairs[i] = Some(j);
            }
        }
    }
    pairs
}

/// The pairs that pair the most blocks, the most alike first (dynamic programming
/// over both sequences).
fn weighted(
    source: &[impl Placed],
    translation: &[impl Placed],
    sk: &[Signature],
    tk: &[Signature],
) -> Vec<Option<usize>> {
    let (n, m) = (sk.len(), tk.len());
    // A pair is worth more than every likeness bonus together.
    let big = MAX_BONUS * (n.min(m) as u64 + 1);
    let gain = |i: usize, j: usize| {
        (sk[i] == tk[j]).then(|| big + likeness(source[i].text(), translation[j].text()))
    };
    let w = m + 1;
    let mut score = vec![0u64; (n + 1) * w];
    for i in 1..=n {
        for j in 1..=m {
            let mut best = score[(i - 1) * w + j].max(score[i * w + j - 1]);
            if let Some(g) = gain(i - 1, j - 1) {
                best = best.max(score[(i - 1) * w + j - 1] + g);
            }
            score[i * w + j] = best;
        }
    }
    let mut pairs = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = score[i * w + j];
        if gain(i - 1, j - 1).is_some_and(|g| here == score[(i - 1) * w + j - 1] + g) {
            pairs[i - 1] = Some(j - 1);
            i -= 1;
            j -= 1;
        } else if here == score[(i - 1) * w + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs
}

/// The largest [`likeness`].
const MAX_BONUS: u64 = 100;

/// How alike a source text and a translation look, whatever their languages: their
/// lengths (up to 60) and their numbers (40 when the same, 20 when neither has any).
fn likeness(source: &str, translation: &str) -> u64 {
    let (a, b) = (source.chars().count() as u64, translation.chars().count() as u64);
    let length = if a.max(b) == 0 { 60 } else { 60 * a.min(b) / a.max(b) };
    let (x, y) = (numbers(source), numbers(translation));
    let numbers = match (x.is_empty() && y.is_empty(), x == y) {
        (true, _) => 20,
        (false, true) => 40,
        (false, false) => 0,
    };
    length + numbers
}

/// The runs of digits of a text, each digit by its value (N'Ko and Arabic-Indic
/// digits as Latin ones).
fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        match digit(c) {
            Some(d) => run.push(d),
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// The Latin digit of a decimal digit of any script livret's languages write.
fn digit(c: char) -> Option<char> {
    let base = match c {
        '0'..='9' => '0',
        '\u{07C0}'..='\u{07C9}' => '\u{07C0}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    char::from_digit(c as u32 - base as u32, 10)
}

/// A block's place in words, for [`Parting`].
fn what(block: Option<&impl Placed>) -> Text {
    let Some(b) = block else { return tr!("project-block-end") };
    let path = b.path();
    let level = path.rsplit('/').next().and_then(|last| last.strip_prefix("heading"));
    let container = path.split('/').next().filter(|_| path.contains('/'));
    let said = match (b.kind(), level, container.map(container_said)) {
        (Kind::Heading, Some(level), _) => tr!("project-block-heading", level = level),
        (kind, _, Some(Some(container))) => {
            tr!("project-block-inside", kind = kind.said(), container = container)
        }
        (kind, _, _) => kind.said(),
    };
    if b.anchors().is_empty() {
        return said;
    }
    let mut anchors = Text::default();
    for (i, anchor) in b.anchors().iter().enumerate() {
        if i > 0 {
            anchors.push_str(", ");
        }
        anchors.push_text(&match anchor {
            Anchor::Image(t) => tr!("project-anchor-image", name = t.as_str()),
            Anchor::Link(t) => tr!("project-anchor-link", target = t.as_str()),
            Anchor::Footnote(l) => tr!("project-anchor-note", label = l.as_str()),
        });
    }
    tr!("project-block-with", block = said, anchors = anchors)
}

/// The container a block's path starts with, in words ("a list"), if it is one.
fn container_said(first: &str) -> Option<Text> {
    Some(match first.split(':').next().unwrap_or(first) {
        "list" | "enum" => tr!("project-in-list"),
        "quote" => tr!("project-in-quote"),
        "callout" => tr!("project-in-callout"),
        "table" => tr!("project-in-table"),
        "footnote" => tr!("project-in-footnote"),
        "terms" => tr!("project-in-terms"),
        _ => return None,
    })
}
