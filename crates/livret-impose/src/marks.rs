//! One geometry for the printer's marks, two painters.
//!
//! The plan says where each [`Mark`] goes; [`drawings`] turns the marks of one sheet side
//! into the exact primitives to paint (lines with width, dash and ink; filled rectangles;
//! texts with position, size and the final string). Both backends paint only these: the
//! PDF backend (module `pdf`) as content-stream operators, livret's typst placement as
//! frame items. What a mark looks like is decided here and nowhere else.

use crate::geometry::Rect;
use crate::plan::{Imposition, Line, Mark, SidePlan};

/// Width of every mark line, in pt.
pub const MARK_WIDTH: f64 = 0.25;

/// Dash of fold lines, in pt: on, off.
pub const FOLD_DASH: [f64; 2] = [3.0, 2.0];

/// Dash of the zine's slit, in pt: on, off. Gaps longer than the dashes read as the
/// dotted line the ticket asks to cut, apart from the fold's long dashes it lies on.
pub const SLIT_DASH: [f64; 2] = [1.0, 1.5];

/// Font size of the slug line, in pt.
pub const SLUG_SIZE: f64 = 6.0;

/// One kind of mark as the command line and presets name it; `all` is every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// Crop marks at the trim.
    Crop,
    /// Fold lines and the zine's slit.
    Fold,
    /// Collation marks on signature spines.
    Collation,
    /// The slug line (title, sheet, side, scheme).
    Slug,
    /// All of them.
    All,
}

impl std::str::FromStr for MarkKind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim() {
            "crop" => Ok(Self::Crop),
            "fold" => Ok(Self::Fold),
            "collation" => Ok(Self::Collation),
            "slug" => Ok(Self::Slug),
            "all" => Ok(Self::All),
            other => Err(format!(
                "unknown mark `{other}` (expected crop, fold, collation, slug or all)"
            )),
        }
    }
}

/// Which marks to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkOptions {
    /// Crop marks at the trim.
    pub crop: bool,
    /// Fold lines and the zine's slit.
    pub fold: bool,
    /// Collation marks on signature spines.
    pub collation: bool,
    /// The slug line (title, sheet, side, scheme).
    pub slug: bool,
}

impl MarkOptions {
    /// Every kind of mark.
    pub const ALL: MarkOptions =
        MarkOptions { crop: true, fold: true, collation: true, slug: true };

    /// The marks `kinds` ask for.
    pub fn from_kinds(kinds: &[MarkKind]) -> Self {
        let mut marks = Self::default();
        for kind in kinds {
            match kind {
                MarkKind::Crop => marks.crop = true,
                MarkKind::Fold => marks.fold = true,
                MarkKind::Collation => marks.collation = true,
                MarkKind::Slug => marks.slug = true,
                MarkKind::All => marks = Self::ALL,
            }
        }
        marks
    }

    /// Parses `crop,fold,collation,slug` (any subset; `all`, or empty for none).
    pub fn parse(list: &[String]) -> Result<Self, String> {
        let kinds = list
            .iter()
            .flat_map(|s| s.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<MarkKind>, String>>()?;
        Ok(Self::from_kinds(&kinds))
    }

    /// Whether this kind of mark is asked for.
    pub fn wants(&self, mark: &Mark) -> bool {
        match mark {
            Mark::Crop(_) => self.crop,
            Mark::Fold(_) | Mark::Slit(_) => self.fold,
            Mark::Collation { .. } => self.collation,
            Mark::Slug { .. } => self.slug,
        }
    }
}

/// The ink of every mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Registration: prints on every plate (a Separation `/All` in PDF; black where the
    /// painter has no separations).
    Registration,
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Line width in pt.
    pub width: f64,
    /// Dash pattern in pt (on, off, …), phase 0; empty for a solid line.
    pub dash: &'static [f64],
    /// The ink.
    pub ink: Ink,
}

/// One thing to paint on a sheet side, in sheet coordinates (pt, top-left origin, y down).
#[derive(Debug, Clone, PartialEq)]
pub enum Drawing {
    /// A stroked straight line.
    Line {
        /// From (x1, y1) to (x2, y2).
        line: Line,
        /// How it is stroked.
        stroke: Stroke,
    },
    /// A filled rectangle.
    Fill {
        /// The rectangle.
        rect: Rect,
        /// The ink.
        ink: Ink,
    },
    /// One line of text.
    Text {
        /// Left end of the text in pt.
        x: f64,
        /// Vertical centre of the text in pt.
        y: f64,
        /// Font size in pt.
        size: f64,
        /// The text as printed (`{title}` already replaced).
        text: String,
        /// The ink.
        ink: Ink,
    },
}

/// The drawings for the marks of `side` that `options` asks for, in the plan's order;
/// `title` replaces `{title}` in slug lines.
pub fn drawings(side: &SidePlan, options: MarkOptions, title: &str) -> Vec<Drawing> {
    side.marks.iter().filter(|m| options.wants(m)).map(|m| drawing(m, title)).collect()
}

/// The drawing of one mark.
pub fn drawing(mark: &Mark, title: &str) -> Drawing {
    let ink = Ink::Registration;
    let line = |line: &Line, dash: &'static [f64]| Drawing::Line {
        line: *line,
        stroke: Stroke { width: MARK_WIDTH, dash, ink },
    };
    match mark {
        Mark::Crop(l) => line(l, &[]),
        Mark::Fold(l) => line(l, &FOLD_DASH),
        Mark::Slit(l) => line(l, &SLIT_DASH),
        Mark::Collation { rect, .. } => Drawing::Fill { rect: *rect, ink },
        Mark::Slug { x, y, text } => Drawing::Text {
            x: *x,
            y: *y,
            size: SLUG_SIZE,
            text: slug_text(text, title),
            ink,
        },
    }
}

/// The slug text with `{title}` replaced (and its separator dropped when there is no title).
pub fn slug_text(text: &str, title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        text.replace("{title} · ", "").replace("{title}", "")
    } else {
        text.replace("{title}", title)
    }
}

/// Every distinct slug text of the plan, `{title}` replaced, in order of first use.
pub fn slug_texts(plan: &Imposition, title: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for side in plan.sheets.iter().flat_map(|s| [&s.front, &s.back]) {
        for mark in &side.marks {
            if let Mark::Slug { text, .. } = mark {
                let text = slug_text(text, title);
                if !texts.contains(&text) {
                    texts.push(text);
                }
            }
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_title_is_substituted() {
        assert_eq!(
            slug_text("{title} · sheet 1/2 front", "Guide"),
            "Guide · sheet 1/2 front"
        );
        assert_eq!(slug_text("{title} · sheet 1/2 front", " "), "sheet 1/2 front");
    }

    #[test]
    fn only_asked_marks_are_drawn() {
        let l = Line { x1: 0.0, y1: 0.0, x2: 1.0, y2: 0.0 };
        let side =
            SidePlan { slots: Vec::new(), marks: vec![Mark::Crop(l), Mark::Slit(l)] };
        let fold = MarkOptions { fold: true, ..MarkOptions::default() };
        let drawn = drawings(&side, fold, "");
        let [Drawing::Line { stroke, .. }] = drawn.as_slice() else {
            panic!("{drawn:?}")
        };
        assert_eq!(stroke.dash, &SLIT_DASH);
        assert_eq!(drawings(&side, MarkOptions::ALL, "").len(), 2);
    }
}
