//! The PDF backend's options, what it reads of an input, and its errors.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::choice::Rotation;
use crate::fit::{PageFit, TurnPages};
use crate::geometry::{Size, fmt_mm};
use crate::marks::MarkOptions;
use crate::plan::Imposition;
use crate::sides::{SideRef, all_sides};

pub use crate::fit::SIZE_TOLERANCE;

/// Lengths on the four sides of a page as displayed (after `/Rotate`), in pt.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Sides {
    /// Along the top edge.
    pub top: f64,
    /// Along the right edge.
    pub right: f64,
    /// Along the bottom edge.
    pub bottom: f64,
    /// Along the left edge.
    pub left: f64,
}

impl Sides {
    /// The same lengths after the page turns clockwise by `rotation`.
    pub fn turned(self, rotation: Rotation) -> Sides {
        let mut s = self;
        for _ in 0..rotation.degrees() / 90 {
            s = Sides { top: s.left, right: s.top, bottom: s.right, left: s.bottom };
        }
        s
    }

    /// Every length multiplied by `factor`.
    pub(crate) fn scaled(self, factor: f64) -> Sides {
        Sides {
            top: self.top * factor,
            right: self.right * factor,
            bottom: self.bottom * factor,
            left: self.left * factor,
        }
    }
}

/// What an input PDF holds, read before planning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputInfo {
    /// Number of pages.
    pub pages: usize,
    /// Each page's trim size in pt (`TrimBox`, else `CropBox`, else `MediaBox`), after `/Rotate`.
    pub sizes: Vec<Size>,
    /// How far each page's bleed box extends beyond its trim box, in pt, as displayed;
    /// zeros when the page has no `TrimBox`.
    pub bleed: Vec<Sides>,
    /// The document title from its Info dictionary, if any.
    pub title: Option<String>,
    /// Whether it was encrypted with an owner password only (it opens without one) and
    /// was decrypted in memory.
    #[serde(default)]
    pub protected: bool,
    /// Whether its catalog says it reads right to left (`/ViewerPreferences /Direction
    /// /R2L`), so its spine is on the right.
    #[serde(default)]
    pub right_to_left: bool,
    /// Whether its permissions (an owner-password protection) forbid printing it.
    #[serde(default)]
    pub print_forbidden: bool,
}

/// How to draw the plan: which sides, which marks, how to treat odd page sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceOptions {
    /// The sides to write, in output order; empty means every side, front then back.
    pub order: Vec<SideRef>,
    /// The marks to draw.
    pub marks: MarkOptions,
    /// Replaces `{title}` in slug lines.
    pub title: String,
    /// How pages whose trim size differs from the plan's go into their slot; with
    /// [`PageFit::Exact`] such a page fails with [`PdfError::PageSize`].
    pub fit: PageFit,
    /// Whether pages of the other orientation are turned a quarter to fill their slot.
    pub turn: TurnPages,
}

impl PlaceOptions {
    /// Every side in printing order, no marks, no title, exact sizes, pages of the other
    /// orientation turned.
    pub fn new(plan: &Imposition) -> Self {
        Self {
            order: all_sides(plan),
            marks: MarkOptions::default(),
            title: String::new(),
            fit: PageFit::Exact,
            turn: TurnPages::Auto,
        }
    }
}

/// Why an input PDF cannot be read or imposed.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The input does not start with a PDF header.
    NotPdf,
    /// The input needs a password to open (a user password); owner-only protection is
    /// decrypted in memory instead.
    Encrypted,
    /// The input is damaged or truncated beyond what can be recovered; the cause.
    Corrupt(String),
    /// The input has no pages.
    Empty,
    /// A page's trim size differs from the plan's page size (and centring is off).
    PageSize {
        /// The page, 1-based.
        page: usize,
        /// Its trim size in pt, as displayed.
        size: Size,
        /// The plan's page size in pt.
        expected: Size,
    },
    /// The plan or the side list does not fit the input (a page or sheet out of range).
    PlanMismatch(String),
    /// A page's box is empty, not a number, or larger than a PDF page may be.
    BadBox {
        /// The page, 1-based.
        page: usize,
        /// What is wrong, with the values as written.
        problem: String,
    },
}

impl PdfError {
    /// What the user can do about it, as one line (no `hint:` prefix).
    pub fn hint(&self) -> Option<String> {
        match self {
            PdfError::NotPdf => {
                Some("export or print the document to PDF, then impose that file".into())
            }
            PdfError::Encrypted => Some(
                "decrypt it first with its password, e.g. \
                 `qpdf --decrypt --password=PASSWORD input.pdf decrypted.pdf`"
                    .into(),
            ),
            PdfError::Corrupt(_) => Some(
                "the file may be incomplete (an interrupted download or copy): export it \
                 again from its source, or try `qpdf input.pdf repaired.pdf`"
                    .into(),
            ),
            PdfError::Empty => Some("the input PDF must have at least one page".into()),
            PdfError::PageSize { .. } => Some(
                "use --fit center to centre pages of other sizes in their slot, or --fit \
                 shrink to scale every page into it"
                    .into(),
            ),
            PdfError::PlanMismatch(_) => {
                Some("make the plan from this PDF's page count and size".into())
            }
            PdfError::BadBox { .. } => Some(
                "the PDF's maker wrote a page size no printer has: export the PDF again, or set the page size with `qpdf` or a PDF editor"
                    .into(),
            ),
        }
    }
}

impl fmt::Display for PdfError {
    /// One lowercase line; see [`PdfError::hint`] for the suggestion.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotPdf => {
                f.write_str("the input is not a PDF file (it has no %PDF- header)")
            }
            PdfError::Encrypted => f.write_str(
                "the input PDF is encrypted with a password needed to open it",
            ),
            PdfError::Corrupt(cause) => write!(f, "the input PDF is damaged ({cause})"),
            PdfError::Empty => f.write_str("the input PDF has no pages"),
            PdfError::PageSize { page, size, expected } => write!(
                f,
                "page {page} is {size} but the booklet pages are {} (trim sizes differ)",
                size_text(*expected)
            ),
            PdfError::PlanMismatch(cause) => {
                write!(f, "the plan does not match the input PDF ({cause})")
            }
            PdfError::BadBox { page, problem } => write!(f, "page {page}: {problem}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// A size as `W×H mm` (same as [`Size`]'s `Display`).
pub(crate) fn size_text(size: Size) -> String {
    format!("{}×{} mm", fmt_mm(size.width), fmt_mm(size.height))
}
