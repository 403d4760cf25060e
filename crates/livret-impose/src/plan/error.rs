//! Why a plan cannot be made, with a hint for the user.

use std::fmt;

/// Most page boxes a plan may hold (guards against absurd inputs).
pub const MAX_SLOTS: usize = 4_000_000;
use crate::choice::Scheme;
use crate::geometry::{SheetSize, Size, fmt_mm};

/// Why a plan cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// The input has no pages.
    NoPages,
    /// A size is not a number or outside 1 cm … 200 in (`what` names it).
    InvalidSize {
        /// Which size (`sheet` or `page`).
        what: &'static str,
        /// The size as given.
        size: Size,
    },
    /// A length option is negative or not a number.
    InvalidLength {
        /// Which option (`creep`, `printer margin`).
        what: &'static str,
        /// The value given, in pt.
        value: f64,
    },
    /// The back offset is not a number or too large on an axis.
    BackOffset {
        /// The axis, `x` or `y`.
        axis: &'static str,
        /// Its value in pt (not finite when it is not a number).
        value: f64,
    },
    /// `--signature-sheets 0`.
    ZeroSignatureSheets,
    /// The zine takes at most eight pages.
    TooManyPages {
        /// The scheme that limits the count.
        scheme: Scheme,
        /// Pages given.
        pages: usize,
        /// Pages accepted.
        max: usize,
    },
    /// The printer margin leaves no printable area.
    MarginTooLarge {
        /// The margin in pt.
        margin: f64,
        /// The sheet in pt.
        sheet: Size,
    },
    /// The creep moves the innermost pages too far toward the fold.
    CreepTooLarge {
        /// Creep per sheet in pt.
        creep: f64,
        /// The innermost pages' shift in pt.
        shift: f64,
        /// The largest shift accepted in pt.
        limit: f64,
        /// Folios in the thickest nested group.
        sheets: usize,
    },
    /// The plan would hold more than [`MAX_SLOTS`] page boxes.
    TooLarge {
        /// Page boxes the plan would need.
        slots: usize,
    },
    /// Not even one spread (zine: the 4×2 page grid) fits on the sheet.
    DoesNotFit {
        /// The scheme.
        scheme: Scheme,
        /// The page size in pt.
        page: Size,
        /// What must fit (a spread, or the zine's 4×2 pages) in pt.
        needed: Size,
        /// The sheet size in pt.
        sheet: Size,
        /// The smallest standard sheet where it fits, if any.
        suggestion: Option<SheetSize>,
    },
}

impl PlanError {
    /// What the user can do about it, as one line (no `hint:` prefix).
    pub fn hint(&self) -> Option<String> {
        match self {
            PlanError::NoPages => {
                Some("the input PDF must have at least one page".into())
            }
            PlanError::ZeroSignatureSheets => Some(
                "use --signature-sheets 1 or more (4 makes 16-page signatures)".into(),
            ),
            PlanError::TooManyPages { .. } => {
                Some("use --scheme saddle or cutstack for longer booklets".into())
            }
            PlanError::MarginTooLarge { .. } => {
                Some("use a smaller --printer-margin".into())
            }
            PlanError::DoesNotFit { suggestion, .. } => Some(match suggestion {
                Some(sheet) => format!(
                    "use --sheet {sheet} (the smallest standard sheet it fits on), or --fit shrink"
                ),
                None => "use a larger custom --sheet WxHmm, or --fit shrink".into(),
            }),
            PlanError::TooLarge { .. } => {
                Some("split the input, or use fewer copies per sheet".into())
            }
            PlanError::CreepTooLarge { .. } => Some(
                "creep is one sheet's thickness (0.1 mm for 80 g/m² paper): give --paper-weight or --caliper instead, or fold fewer sheets together with --scheme signatures"
                    .into(),
            ),
            PlanError::BackOffset { .. } => Some(
                "measure it with `livret calibrate` and write it as right,up e.g. 1.5mm,-0.5mm; \
                 if the crosses are centimetres apart, check the printer's duplex flip and that it prints at 100%"
                    .into(),
            ),
            PlanError::InvalidSize { .. } | PlanError::InvalidLength { .. } => None,
        }
    }
}

impl fmt::Display for PlanError {
    /// One lowercase line; see [`PlanError::hint`] for the suggestion.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NoPages => {
                f.write_str("nothing to impose (the input has no pages)")
            }
            PlanError::InvalidSize { what, size } => write!(
                f,
                "invalid {what} size ({} × {} pt; each side must be between 1 cm and 200 in)",
                size.width, size.height
            ),
            PlanError::TooLarge { slots } => write!(
                f,
                "the plan would place {slots} pages on sheets (at most {MAX_SLOTS})"
            ),
            PlanError::CreepTooLarge { creep, shift, limit, sheets } => write!(
                f,
                "a creep of {} mm per sheet moves the innermost of {sheets} nested sheets' pages {} mm toward the fold, off their place on the sheet (creep is at most 1 mm per sheet, the shift at most {} mm, a quarter of a page)",
                fmt_mm(*creep),
                fmt_mm(*shift),
                fmt_mm(*limit)
            ),
            PlanError::InvalidLength { what, value } => {
                write!(f, "invalid {what} ({value} pt; must be zero or positive)")
            }
            PlanError::BackOffset { axis, value } => {
                let offset = match *axis {
                    "x" => crate::BackOffset { x: *value, y: 0.0 },
                    _ => crate::BackOffset { x: 0.0, y: *value },
                };
                f.write_str(&offset.problem().unwrap_or_default())
            }
            PlanError::ZeroSignatureSheets => {
                f.write_str("a signature needs at least one sheet (--signature-sheets 0)")
            }
            PlanError::TooManyPages { scheme, pages, max } => write!(
                f,
                "the {scheme} scheme holds at most {max} pages (the input has {pages})"
            ),
            PlanError::MarginTooLarge { margin, sheet } => write!(
                f,
                "a printer margin of {} mm leaves no printable area on a {sheet} sheet",
                fmt_mm(*margin)
            ),
            PlanError::DoesNotFit { scheme, page, needed, sheet, .. } => {
                let what = match scheme {
                    Scheme::Zine => "the zine's 4×2 pages",
                    Scheme::Cards => "one card",
                    Scheme::Wire => "one leaf with its binding margin",
                    _ => "a spread of two pages",
                };
                write!(
                    f,
                    "{what} of {page} ({needed}) does not fit on a {sheet} sheet in either orientation"
                )
            }
        }
    }
}

impl std::error::Error for PlanError {}
