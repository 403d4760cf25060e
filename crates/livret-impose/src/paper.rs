//! Paper: its weight or caliper (thickness), and how many sheets of it fold and staple
//! cleanly together (for the stacks of a plan, see the `thickness` module).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::geometry::{mm, to_mm};

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
        let gsm = weight_number(text).ok_or_else(|| {
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

/// The grams per square metre `text` gives (`80`, `80gsm`, `80g`, `80 g/m²`), if it is
/// a number; whether a printer takes it is [`Paper::problem`]'s.
pub fn weight_number(text: &str) -> Option<f64> {
    let t = text.trim().to_ascii_lowercase();
    let number = t
        .trim_end_matches("g/m²")
        .trim_end_matches("g/m2")
        .trim_end_matches("gsm")
        .trim_end_matches('g')
        .trim();
    number.parse().ok()
}

/// How many sheets (or pieces) fold and staple cleanly together on this paper.
pub fn fold_limit(paper: Paper) -> usize {
    ((mm(FOLD_LIMIT_MM) / paper.caliper() + 1e-9).floor() as usize).max(1)
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
