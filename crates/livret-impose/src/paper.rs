//! Paper: its weight or caliper (thickness), the creep it makes in a folded stack, the
//! spine it gives, and when a stack is too thick to fold and staple cleanly.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::choice::Scheme;
use crate::geometry::{mm, to_mm};
use crate::plan::Imposition;

/// Millimetres of thickness per g/m² of ordinary uncoated paper (a bulk of 1.25 cm³/g:
/// 80 g/m² office paper is 0.1 mm thick).
pub const MM_PER_GSM: f64 = 0.00125;

/// The paper assumed when none is given: 80 g/m² office paper.
pub const DEFAULT_WEIGHT_GSM: f64 = 80.0;

/// The thickest stack folded at once and stapled cleanly, in mm (20 sheets of 80 g/m²,
/// what a long-reach office stapler goes through).
pub const FOLD_LIMIT_MM: f64 = 2.0;

/// Paper as given: by weight (g/m²) or by caliper (thickness).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// Grammage in g/m²; its thickness is estimated ([`MM_PER_GSM`]).
    Weight(f64),
    /// Thickness of one sheet, in pt.
    Caliper(f64),
}

impl Default for Paper {
    /// 80 g/m² office paper.
    fn default() -> Self {
        Paper::Weight(DEFAULT_WEIGHT_GSM)
    }
}

impl Paper {
    /// The thickness of one sheet, in pt.
    pub fn caliper(self) -> f64 {
        match self {
            Paper::Weight(gsm) => mm(gsm * MM_PER_GSM),
            Paper::Caliper(pt) => pt,
        }
    }

    /// Why it cannot be used, if it cannot: not a number, or beyond what a printer takes
    /// (30 to 400 g/m², a caliper of 0.03 to 0.6 mm).
    pub fn problem(self) -> Option<String> {
        match self {
            Paper::Weight(gsm) if !(30.0..=400.0).contains(&gsm) => Some(format!(
                "a paper of {gsm} g/m² is not one a printer takes (30 to 400 g/m²)"
            )),
            Paper::Caliper(pt) if !(0.03..=0.6).contains(&to_mm(pt)) => Some(format!(
                "a paper {} mm thick is not one a printer takes (0.03 to 0.6 mm)",
                to_mm(pt)
            )),
            _ => None,
        }
    }
}

impl fmt::Display for Paper {
    /// `80 g/m²` or `0.1 mm`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Paper::Weight(gsm) => write!(f, "{gsm} g/m²"),
            Paper::Caliper(pt) => {
                write!(f, "{} mm", (to_mm(*pt) * 1000.0).round() / 1000.0)
            }
        }
    }
}

impl FromStr for Paper {
    type Err = String;

    /// Parses a weight (`80`, `80gsm`, `80g`) only; see [`Paper::Caliper`] for thickness.
    fn from_str(text: &str) -> Result<Self, String> {
        let t = text.trim().to_ascii_lowercase();
        let number = t
            .trim_end_matches("g/m²")
            .trim_end_matches("g/m2")
            .trim_end_matches("gsm")
            .trim_end_matches('g')
            .trim();
        let gsm: f64 = number.parse().map_err(|_| {
            format!(
                "`{text}` is not a paper weight; write grams per square metre, e.g. 80"
            )
        })?;
        let paper = Paper::Weight(gsm);
        match paper.problem() {
            Some(p) => Err(p),
            None => Ok(paper),
        }
    }
}

/// A stack folded at once: how many sheets (or pieces) and how thick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoldedStack {
    /// Sheets or pieces folded together (the largest such stack of the job).
    pub leaves: usize,
    /// Its thickness before folding, in pt.
    pub thickness: f64,
    /// The spine of the folded booklet (twice the stack), in pt.
    pub spine: f64,
}

/// The largest stack the job folds at once (saddle: every sheet; cutstack: every piece;
/// copies: one booklet's sheets; signatures: one signature's pieces); `None` for the
/// zine and flat schemes, which fold no stack.
pub fn folded_stack(plan: &Imposition, paper: Paper) -> Option<FoldedStack> {
    let t = plan.ticket();
    let leaves = match plan.scheme {
        Scheme::Zine | Scheme::Cards | Scheme::Wire => return None,
        Scheme::Saddle | Scheme::Copies => t.sheets,
        Scheme::Cutstack => t.sheets * t.piles,
        Scheme::Signatures => {
            t.sheets_per_signature.iter().copied().max().unwrap_or(1) * t.piles
        }
    };
    let thickness = leaves as f64 * paper.caliper();
    Some(FoldedStack { leaves, thickness, spine: 2.0 * thickness })
}

/// How many sheets (or pieces) fold and staple cleanly together on this paper.
pub fn fold_limit(paper: Paper) -> usize {
    ((mm(FOLD_LIMIT_MM) / paper.caliper() + 1e-9).floor() as usize).max(1)
}

/// The signatures to suggest when the stack is too thick: sheets per signature (pieces
/// per signature divided by the pieces each sheet is cut into) and how many signatures.
pub fn suggested_signatures(plan: &Imposition, paper: Paper) -> (usize, usize) {
    let t = plan.ticket();
    let per_sheet = t.piles.max(1);
    let k = (fold_limit(paper) / per_sheet).max(1);
    let folios = plan.padded.div_ceil(4);
    let sheets_needed = folios.div_ceil(per_sheet);
    (k, sheets_needed.div_ceil(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_become_thickness_and_absurd_papers_are_refused() {
        assert!((to_mm(Paper::Weight(80.0).caliper()) - 0.1).abs() < 1e-9);
        assert_eq!("80".parse::<Paper>(), Ok(Paper::Weight(80.0)));
        assert_eq!("120gsm".parse::<Paper>(), Ok(Paper::Weight(120.0)));
        assert_eq!("90 g/m²".parse::<Paper>(), Ok(Paper::Weight(90.0)));
        assert!("5".parse::<Paper>().unwrap_err().contains("30 to 400"));
        assert!("heavy".parse::<Paper>().is_err());
        assert!(Paper::Caliper(mm(2.0)).problem().is_some());
        assert_eq!(fold_limit(Paper::Weight(80.0)), 20);
        assert_eq!(fold_limit(Paper::Weight(160.0)), 10);
    }
}
