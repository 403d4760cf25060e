//! Ink coverage of printed sides, so a print shop can price a job.
//!
//! Each pixel of a side drawn small (composited over white paper) becomes ink amounts
//! from 0 to 1:
//! - for a black-and-white printer (`gray`), black only: its darkness, 1 − the
//!   luminance with the Rec. 709 weights (as images are turned grey);
//! - for a colour printer, the plain conversion without colour profile: K = 1 − max(R,
//!   G, B), then C = (1 − R − K) / (1 − K), and M, Y likewise from G, B (0 on black).
//!
//! A side's coverage of an ink is the mean of its pixels' amounts: 0 for a blank side,
//! 1 for a side printed solid with that ink. The total of a side is the sum of its four
//! inks (at most 4, "400 %"); a side printed solid black is 1 ("100 %").
//!
//! Sides are not drawn whole: each page is drawn once ([`pages`] for a build's typst
//! pages, [`pdf`] for any PDF, within the limits of [`budget`]), kept as a coarse grid
//! ([`grid`]) by its content ([`cache`]), and each side composed from its pages'
//! placements plus its marks ([`marks`]). [`measure`] draws whole sides: the reference
//! the composition is tested against.

pub mod budget;
pub mod cache;
pub mod grid;
pub mod marks;
pub mod pages;
pub mod pdf;
pub mod standard_fonts;

use crate::i18n::Text;
use crate::tr;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use typst::utils::Scalar;
use typst_layout::{Page, PagedDocument};
use typst_render::RenderOptions;

/// The resolution sides are drawn at to measure them: enough for a share of the area.
pub const INK_DPI: f64 = 25.0;

/// Most pixels a page is drawn with to measure it (a poster is drawn coarser).
pub const MAX_PIXELS: u64 = 1 << 20;

/// Coverage of each ink, each from 0 (none) to 1 (solid).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Inks {
    /// Cyan.
    pub c: f64,
    /// Magenta.
    pub m: f64,
    /// Yellow.
    pub y: f64,
    /// Black.
    pub k: f64,
}

impl Inks {
    /// The sum of the four inks (the "total area coverage", 0 to 4).
    pub fn total(&self) -> f64 {
        self.c + self.m + self.y + self.k
    }

    /// The mean of `inks` (none for none).
    pub fn mean_of(inks: &[Inks]) -> Inks {
        let sum = inks.iter().fold(Inks::default(), |sum, i| sum.add(*i));
        if inks.is_empty() { sum } else { sum.div(inks.len() as f64) }
    }

    /// Each ink the larger of the two.
    fn max(self, other: Inks) -> Inks {
        Inks {
            c: self.c.max(other.c),
            m: self.m.max(other.m),
            y: self.y.max(other.y),
            k: self.k.max(other.k),
        }
    }

    /// The inks added.
    fn add(self, other: Inks) -> Inks {
        Inks {
            c: self.c + other.c,
            m: self.m + other.m,
            y: self.y + other.y,
            k: self.k + other.k,
        }
    }

    /// Each ink multiplied by `f`.
    fn scaled(self, f: f64) -> Inks {
        Inks { c: self.c * f, m: self.m * f, y: self.y * f, k: self.k * f }
    }

    /// Each ink divided by `n`.
    fn div(self, n: f64) -> Inks {
        Inks { c: self.c / n, m: self.m / n, y: self.y / n, k: self.k / n }
    }
}

/// The ink a print file takes per printed side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InkCoverage {
    /// Measured for a black-and-white printer (black ink only).
    pub gray: bool,
    /// Printed sides measured (the print file's pages).
    pub sides: usize,
    /// Mean coverage of each ink over the sides.
    pub mean: Inks,
    /// Largest coverage of each ink on any one side.
    pub max: Inks,
    /// The side with the most ink in total, as its page of the print file (1-based).
    pub fullest_page: usize,
    /// That side's total ink (0 to 4).
    pub fullest_total: f64,
    /// Input pages whose ink was not measured (their sides count without them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmeasured: Vec<Unmeasured>,
    /// Estimated from a sample of the pages, not measured on every page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated: Option<Estimate>,
}

/// Ink estimated from some pages drawn: the others count as their mean, spread evenly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    /// Pages drawn and measured.
    pub measured: usize,
    /// Pages the print file shows.
    pub pages: usize,
}

/// A page whose ink was not measured, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmeasured {
    /// The page of the input (1-based).
    pub page: usize,
    /// Why, in words (a limit it is past).
    pub reason: Text,
}

impl InkCoverage {
    /// Whether no page of the `pages` an imposition shows was measured (each is past
    /// the drawing limits): the figures then count only the marks.
    pub fn none_measured(&self, pages: usize) -> bool {
        self.unmeasured.len() >= pages.max(1)
            || self.estimated.is_some_and(|e| e.measured == 0)
    }

    /// A note for the user on pages not measured, if any: which, and why.
    pub fn unmeasured_note(&self) -> Option<Text> {
        let first = self.unmeasured.first()?;
        let pages: Vec<String> =
            self.unmeasured.iter().take(8).map(|u| u.page.to_string()).collect();
        let more = self.unmeasured.len().saturating_sub(pages.len());
        let (count, pages) = (self.unmeasured.len(), pages.join(", "));
        Some(tr!(
            "typeset-ink-unmeasured",
            count = count,
            pages = pages,
            more = more,
            reason = &first.reason
        ))
    }
}

/// Measures every page of `document` (sheet sides in print order) by drawing each
/// whole, in parallel: the reference the composed measures are checked against.
pub fn measure(document: &PagedDocument, gray: bool) -> InkCoverage {
    let sides: Vec<Inks> =
        document.pages().par_iter().map(|page| side(page, gray)).collect();
    summarise(&sides, gray)
}

/// The coverage of one side drawn at [`INK_DPI`].
pub fn side(page: &Page, gray: bool) -> Inks {
    let options =
        RenderOptions { pixel_per_pt: Scalar::new(INK_DPI / 72.0), render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    pixels(pixmap.data(), gray)
}

/// The mean ink of premultiplied RGBA pixels laid over white paper.
pub fn pixels(premultiplied: &[u8], gray: bool) -> Inks {
    let mut sum = Inks::default();
    let mut count = 0usize;
    for px in premultiplied.chunks_exact(4) {
        // Over white: a premultiplied colour plus the white showing through.
        let over = |c: u8| (c as f64 + (255 - px[3]) as f64) / 255.0;
        let (r, g, b) = (over(px[0]), over(px[1]), over(px[2]));
        sum = sum.add(pixel_inks(r, g, b, gray));
        count += 1;
    }
    if count == 0 { sum } else { sum.div(count as f64) }
}

/// The inks of one colour (components 0 to 1), as the module's documentation says.
pub fn pixel_inks(r: f64, g: f64, b: f64, gray: bool) -> Inks {
    if gray {
        let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return Inks { k: (1.0 - luminance).clamp(0.0, 1.0), ..Inks::default() };
    }
    let k = 1.0 - r.max(g).max(b);
    if k >= 1.0 - 1e-9 {
        return Inks { k: 1.0, ..Inks::default() };
    }
    let ink = |v: f64| ((1.0 - v - k) / (1.0 - k)).clamp(0.0, 1.0);
    Inks { c: ink(r), m: ink(g), y: ink(b), k }
}

/// The mean and largest of the sides' coverages.
pub fn summarise(sides: &[Inks], gray: bool) -> InkCoverage {
    let mut total = Inks::default();
    let mut max = Inks::default();
    let mut fullest = (0, 0.0);
    for (i, s) in sides.iter().enumerate() {
        total = total.add(*s);
        max = max.max(*s);
        if i == 0 || s.total() > fullest.1 {
            fullest = (i, s.total());
        }
    }
    let n = sides.len().max(1) as f64;
    InkCoverage {
        gray,
        sides: sides.len(),
        mean: total.div(n),
        max,
        fullest_page: fullest.0 + 1,
        fullest_total: fullest.1,
        unmeasured: Vec::new(),
        estimated: None,
    }
}

/// Side `page` (1-based, in print order) as its sheet (1-based) and whether it is a
/// back: fronts and backs alternate, unless the job is printed on one side only.
pub fn sheet_side(page: usize, one_sided: bool) -> (usize, bool) {
    if one_sided { (page, false) } else { (page.div_ceil(2), page.is_multiple_of(2)) }
}

/// A share (0 to 1, or more for a total) as a whole percentage: `12 %`.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", (share * 100.0).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_is_no_ink_and_black_is_all_black() {
        assert_eq!(pixel_inks(1.0, 1.0, 1.0, false).total(), 0.0);
        assert_eq!(pixel_inks(1.0, 1.0, 1.0, true).total(), 0.0);
        assert_eq!(pixel_inks(0.0, 0.0, 0.0, false), Inks { k: 1.0, ..Inks::default() });
        assert_eq!(pixel_inks(0.0, 0.0, 0.0, true), Inks { k: 1.0, ..Inks::default() });
    }

    #[test]
    fn colours_split_into_inks() {
        let red = pixel_inks(1.0, 0.0, 0.0, false);
        assert_eq!((red.c, red.m, red.y, red.k), (0.0, 1.0, 1.0, 0.0));
        let grey = pixel_inks(0.5, 0.5, 0.5, false);
        assert!((grey.k - 0.5).abs() < 1e-9 && grey.c == 0.0 && grey.m == 0.0);
        // On a black-and-white printer red is a dark grey, and never less black than
        // the colour printer's.
        let red_gray = pixel_inks(1.0, 0.0, 0.0, true);
        assert!((red_gray.k - 0.7874).abs() < 1e-3, "{red_gray:?}");
    }

    #[test]
    fn transparent_pixels_are_paper() {
        // Premultiplied: a fully transparent pixel is (0, 0, 0, 0), white paper.
        assert_eq!(pixels(&[0, 0, 0, 0, 0, 0, 0, 255], true).k, 0.5);
    }

    #[test]
    fn summary_keeps_the_fullest_side() {
        let a = Inks { k: 0.2, ..Inks::default() };
        let b = Inks { c: 0.5, k: 0.1, ..Inks::default() };
        let s = summarise(&[a, b, Inks::default()], false);
        assert_eq!(s.sides, 3);
        assert_eq!(s.fullest_page, 2);
        assert!((s.mean.k - 0.1).abs() < 1e-9);
        assert_eq!(s.max.k, 0.2);
        assert_eq!(s.max.c, 0.5);
    }
}
