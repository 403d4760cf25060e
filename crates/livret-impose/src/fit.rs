//! Pages of mixed sizes and orientations: the slot size, and how each page goes into
//! its slot (turned a quarter, scaled). Pure arithmetic, no I/O.
//!
//! The slot is the **most common page size** (ties: the one met first). A document merged
//! from two sources (Letter and A4, or a few landscape tables in a portrait report) is
//! mostly one size: those pages are placed exactly as they are (scale 1, bleed kept) and
//! only the odd ones are fitted. The first page's size would let a cover of another size
//! decide the whole job; the largest size would shrink every ordinary page to make room
//! for one large one.
//!
//! With [`TurnPages::Auto`] the job's orientation is the one most pages have, and a page
//! of the other orientation is turned a quarter counter-clockwise (its top to the left,
//! as landscape pages in books are: the reader turns the booklet clockwise to read it).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::choice::Rotation;
use crate::geometry::Size;
pub use crate::ticket::Note;
use crate::words;

/// Two trim sizes closer than this on both sides count as the same page size, in pt.
pub const SIZE_TOLERANCE: f64 = 1.0;

/// How a page whose size differs from the slot's is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageFit {
    /// It is not: every page must have the slot's size (after turning).
    #[default]
    Exact,
    /// Centred in its slot, scaled down only if it is larger.
    Center,
    /// Scaled (down or up) to fill its slot, keeping its proportions, centred.
    Scale,
}

/// Whether pages whose orientation differs from the slot's are turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TurnPages {
    /// Turned a quarter counter-clockwise, so that they fill their slot.
    #[default]
    Auto,
    /// Kept as they are (then they need a fit other than [`PageFit::Exact`]).
    None,
}

impl FromStr for TurnPages {
    type Err = String;

    /// Parses `auto` or `none`.
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(TurnPages::Auto),
            "none" => Ok(TurnPages::None),
            other => Err(format!("unknown page turning `{other}`; use auto or none")),
        }
    }
}

impl fmt::Display for TurnPages {
    /// `auto` or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TurnPages::Auto => "auto",
            TurnPages::None => "none",
        })
    }
}

/// How one page goes into its slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Extra clockwise turn of the page before the slot's own rotation.
    pub turn: Rotation,
    /// Scale relative to the plan's (1 = as large as a slot-sized page).
    pub scale: f64,
    /// Whether the page, once turned, has the slot's size (then it fills the slot exactly).
    pub exact: bool,
}

/// Whether two sizes agree within [`SIZE_TOLERANCE`].
pub fn same_size(a: Size, b: Size) -> bool {
    (a.width - b.width).abs() <= SIZE_TOLERANCE
        && (a.height - b.height).abs() <= SIZE_TOLERANCE
}

/// Which way a size leans: `Some(true)` landscape, `Some(false)` portrait, `None` square.
fn leaning(size: Size) -> Option<bool> {
    if (size.width - size.height).abs() <= SIZE_TOLERANCE {
        None
    } else {
        Some(size.width > size.height)
    }
}

/// The turn that gives `size` the orientation of `slot` (none for squares or with
/// [`TurnPages::None`]).
pub fn turn_for(size: Size, slot: Size, turn: TurnPages) -> Rotation {
    match (turn, leaning(size), leaning(slot)) {
        (TurnPages::Auto, Some(a), Some(b)) if a != b => Rotation::R270,
        _ => Rotation::R0,
    }
}

/// The slot size for pages of `sizes` (as displayed): the most common size, after
/// turning pages to the most common orientation with [`TurnPages::Auto`]; ties go to the
/// size met first. `None` when there are no pages.
pub fn slot_size(sizes: &[Size], turn: TurnPages) -> Option<Size> {
    let first = *sizes.first()?;
    let oriented: Vec<Size> = match turn {
        TurnPages::None => sizes.to_vec(),
        TurnPages::Auto => {
            let count =
                |l: bool| sizes.iter().filter(|s| leaning(**s) == Some(l)).count();
            let (wide, tall) = (count(true), count(false));
            let first_lean = sizes.iter().find_map(|s| leaning(*s)).unwrap_or(false);
            let landscape = wide > tall || (wide == tall && first_lean);
            sizes
                .iter()
                .map(|s| match leaning(*s) {
                    Some(l) if l != landscape => s.rotated(),
                    _ => *s,
                })
                .collect()
        }
    };
    // Distinct sizes in the order met, with their counts.
    let mut groups: Vec<(Size, usize)> = Vec::new();
    for size in &oriented {
        match groups.iter_mut().find(|g| same_size(g.0, *size)) {
            Some(group) => group.1 += 1,
            None => groups.push((*size, 1)),
        }
    }
    let most = groups.iter().map(|g| g.1).max().unwrap_or(0);
    Some(groups.iter().find(|g| g.1 == most).map_or(first, |g| g.0))
}

/// How a page of `size` goes into a slot for pages of `slot` (both unscaled, as
/// displayed); `None` when it differs from the slot and `fit` is [`PageFit::Exact`].
pub fn place(size: Size, slot: Size, fit: PageFit, turn: TurnPages) -> Option<Placed> {
    let quarter = turn_for(size, slot, turn);
    let turned = if quarter.is_quarter() { size.rotated() } else { size };
    if same_size(turned, slot) {
        return Some(Placed { turn: quarter, scale: 1.0, exact: true });
    }
    let fill = (slot.width / turned.width).min(slot.height / turned.height);
    let scale = match fit {
        PageFit::Exact => return None,
        PageFit::Center => fill.min(1.0),
        PageFit::Scale => fill,
    };
    Some(Placed { turn: quarter, scale, exact: false })
}

/// What fitting did to a document's pages, for warnings and the job ticket.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FitReport {
    /// Pages (1-based) turned a quarter.
    pub turned: Vec<usize>,
    /// Pages (1-based) scaled, with their scale.
    pub scaled: Vec<(usize, f64)>,
    /// Pages (1-based) centred at their own size in a slot of another size.
    pub centred: Vec<usize>,
    /// The first page (1-based) that differs from the slot when nothing may be fitted.
    pub mismatch: Option<usize>,
}

impl FitReport {
    /// Fits every page of `sizes` into slots of `slot`.
    pub fn new(sizes: &[Size], slot: Size, fit: PageFit, turn: TurnPages) -> Self {
        let mut report = FitReport::default();
        for (index, size) in sizes.iter().enumerate() {
            let page = index + 1;
            let Some(placed) = place(*size, slot, fit, turn) else {
                report.mismatch.get_or_insert(page);
                continue;
            };
            if placed.turn.is_quarter() {
                report.turned.push(page);
            }
            if (placed.scale - 1.0).abs() > 1e-3 {
                report.scaled.push((page, placed.scale));
            } else if !placed.exact {
                report.centred.push(page);
            }
        }
        report
    }
}

/// Page numbers as a short list: `3, 7, 9`; past eight, the first eight and `more(rest)`.
pub fn page_list(pages: &[usize], more: impl Fn(usize) -> String) -> String {
    let shown: Vec<String> = pages.iter().take(8).map(|p| p.to_string()).collect();
    let mut text = shown.join(", ");
    if pages.len() > 8 {
        text.push_str(&more(pages.len() - 8));
    }
    text
}

/// The range of scales as whole percents: `94 %` or `94–97 %`.
fn percent_range(scaled: &[(usize, f64)]) -> String {
    let pc = |v: f64| (v * 100.0).round();
    let low = scaled.iter().map(|s| pc(s.1)).fold(f64::INFINITY, f64::min);
    let high = scaled.iter().map(|s| pc(s.1)).fold(0.0, f64::max);
    if low == high { format!("{low} %") } else { format!("{low}–{high} %") }
}

impl FitReport {
    /// The ticket's notes on turned, scaled and centred pages (none when all fit exactly).
    pub fn notes(&self) -> Vec<Note> {
        let fr = |p: &[usize]| {
            let word = words::fr(p.len(), "page", "pages");
            format!("{word} {}", page_list(p, |n| format!(" et {n} autres")))
        };
        let en = |p: &[usize]| {
            let word = words::en(p.len(), "page", "pages");
            format!("{word} {}", page_list(p, |n| format!(" and {n} more")))
        };
        let mut notes = Vec::new();
        if !self.turned.is_empty() {
            notes.push(Note {
                fr: format!(
                    "Note : {} {} d'un quart de tour (haut vers la gauche) pour remplir {} ; tournez le livret pour {}.",
                    fr(&self.turned),
                    words::fr(self.turned.len(), "tournée", "tournées"),
                    words::fr(self.turned.len(), "sa case", "leur case"),
                    words::fr(self.turned.len(), "la lire", "les lire")
                ),
                en: format!(
                    "Note: {} turned a quarter (top to the left) to fill {}; turn the booklet to read {}.",
                    en(&self.turned),
                    words::en(self.turned.len(), "its slot", "their slot"),
                    words::en(self.turned.len(), "it", "them")
                ),
            });
        }
        if !self.scaled.is_empty() {
            let pages: Vec<usize> = self.scaled.iter().map(|s| s.0).collect();
            let range = percent_range(&self.scaled);
            notes.push(Note {
                fr: format!(
                    "Note : {} d'un autre format, {} ({range}) et {}.",
                    fr(&pages),
                    words::fr(pages.len(), "mise à l'échelle", "mises à l'échelle"),
                    words::fr(
                        pages.len(),
                        "centrée dans sa case",
                        "centrées dans leur case"
                    )
                ),
                en: format!(
                    "Note: {} of another size, scaled ({range}) and centred in {}.",
                    en(&pages),
                    words::en(pages.len(), "its slot", "their slot")
                ),
            });
        }
        if !self.centred.is_empty() {
            notes.push(Note {
                fr: format!(
                    "Note : {} d'un autre format, {} sans mise à l'échelle.",
                    fr(&self.centred),
                    words::fr(
                        self.centred.len(),
                        "centrée dans sa case",
                        "centrées dans leur case"
                    )
                ),
                en: format!(
                    "Note: {} of another size, centred in {} at {} own size.",
                    en(&self.centred),
                    words::en(self.centred.len(), "its slot", "their slot"),
                    words::en(self.centred.len(), "its", "their")
                ),
            });
        }
        notes
    }
}
