//! The pure imposition planner: page count + sizes + scheme → sheets, sides, slots, marks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::geometry::{
    EPS, FIT_TOLERANCE, Orientation, Rect, SheetSize, Size, fmt_mm, mm,
};

/// Default printer margin (unprintable border) in millimetres.
pub const DEFAULT_PRINTER_MARGIN_MM: f64 = 4.0;

/// Sheets per signature when `--signature-sheets` is not given (16-page signatures).
pub const DEFAULT_SIGNATURE_SHEETS: usize = 4;

/// Pages of the one-sheet zine.
pub const ZINE_PAGES: usize = 8;

/// Most page boxes a plan may hold (guards against absurd inputs).
pub const MAX_SLOTS: usize = 4_000_000;

/// Smallest page or sheet side accepted, in pt (1 cm).
pub const MIN_SIDE: f64 = 72.0 / 2.54;

/// Largest page or sheet side accepted, in pt (200 in, the PDF limit).
pub const MAX_SIDE: f64 = 14_400.0;

/// Gap between a trim line and the start of a crop or fold tick, in mm.
const MARK_OFFSET_MM: f64 = 3.0;
/// Length of a crop or fold tick, in mm.
const MARK_LENGTH_MM: f64 = 5.0;
/// Shortest tick worth drawing when space is tight, in mm.
const MARK_MIN_MM: f64 = 1.0;
/// Collation mark: extent along the spine, in mm.
const COLLATION_STEP_MM: f64 = 5.0;
/// Collation mark: extent across the spine, in mm.
const COLLATION_WIDTH_MM: f64 = 3.0;
/// Smallest free band that can hold the slug line, in mm.
const SLUG_MIN_MM: f64 = 3.0;

/// How pages are laid out, cut, stacked and folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// One spread per side, sheets nested, fold once, staple on the fold.
    Saddle,
    /// Several spreads per side; cut, stack the piles, fold once: one booklet.
    Cutstack,
    /// Every cell carries the same booklet (step and repeat).
    Copies,
    /// Groups of K sheets folded alone and gathered in order.
    Signatures,
    /// Eight pages on one side of one sheet, folded and slit.
    Zine,
}

impl Scheme {
    /// Every scheme, in CLI order.
    pub const ALL: [Scheme; 5] = [
        Scheme::Saddle,
        Scheme::Cutstack,
        Scheme::Copies,
        Scheme::Signatures,
        Scheme::Zine,
    ];

    /// The CLI name.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Saddle => "saddle",
            Scheme::Cutstack => "cutstack",
            Scheme::Copies => "copies",
            Scheme::Signatures => "signatures",
            Scheme::Zine => "zine",
        }
    }
}

impl fmt::Display for Scheme {
    /// Formats as the CLI name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A value of an option that is not one of the accepted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseChoiceError {
    /// What the option is (`scheme`, `duplex`, `blanks`).
    pub what: &'static str,
    /// The text as given.
    pub given: String,
    /// The accepted words.
    pub expected: &'static str,
}

impl fmt::Display for ParseChoiceError {
    /// One lowercase line naming the input and the accepted words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}` (expected {})", self.what, self.given, self.expected)
    }
}

impl std::error::Error for ParseChoiceError {}

impl FromStr for Scheme {
    type Err = ParseChoiceError;

    /// Parses `saddle|cutstack|copies|signatures|zine`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Scheme::ALL.into_iter().find(|scheme| scheme.name() == lower).ok_or_else(|| {
            ParseChoiceError {
                what: "scheme",
                given: s.to_string(),
                expected: "saddle, cutstack, copies, signatures or zine",
            }
        })
    }
}

/// The flip the printer makes between the two sides of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Duplex {
    /// Flip about the sheet's long edge.
    #[default]
    Long,
    /// Flip about the sheet's short edge.
    Short,
}

impl fmt::Display for Duplex {
    /// Formats as the CLI name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Duplex::Long => "long",
            Duplex::Short => "short",
        })
    }
}

impl FromStr for Duplex {
    type Err = ParseChoiceError;

    /// Parses `long|short`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "long" => Ok(Duplex::Long),
            "short" => Ok(Duplex::Short),
            _ => Err(ParseChoiceError {
                what: "duplex",
                given: s.to_string(),
                expected: "long or short",
            }),
        }
    }
}

/// Where padding blanks go in the booklet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Blanks {
    /// Just before the last page, so the back cover stays last (after page 1 when there is one page).
    #[default]
    BeforeLast,
    /// After the last page.
    End,
}

impl FromStr for Blanks {
    type Err = ParseChoiceError;

    /// Parses `before-last|end`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "before-last" => Ok(Blanks::BeforeLast),
            "end" => Ok(Blanks::End),
            _ => Err(ParseChoiceError {
                what: "blanks",
                given: s.to_string(),
                expected: "before-last or end",
            }),
        }
    }
}

/// Which side of the booklet the spine is on when its cover faces the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    /// Spine on the left: left-to-right scripts (Latin).
    #[default]
    Left,
    /// Spine on the right: right-to-left scripts (N'Ko, Arabic); each spread is mirrored.
    Right,
}

impl FromStr for Binding {
    type Err = ParseChoiceError;

    /// Parses `left|right`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "left" => Ok(Binding::Left),
            "right" => Ok(Binding::Right),
            _ => Err(ParseChoiceError {
                what: "binding",
                given: s.to_string(),
                expected: "left or right",
            }),
        }
    }
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Binding::Left => "left",
            Binding::Right => "right",
        })
    }
}

/// A direction on the displayed sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    /// Top to bottom.
    Vertical,
    /// Left to right.
    Horizontal,
}

/// Clockwise rotation of page content as displayed on the sheet; serialised as degrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rotation {
    /// Upright.
    #[default]
    R0,
    /// A quarter turn clockwise (the page's top points right).
    R90,
    /// Upside down.
    R180,
    /// A quarter turn counter-clockwise (the page's top points left).
    R270,
}

impl Rotation {
    /// The rotation in degrees clockwise: 0, 90, 180 or 270.
    pub fn degrees(self) -> u16 {
        match self {
            Rotation::R0 => 0,
            Rotation::R90 => 90,
            Rotation::R180 => 180,
            Rotation::R270 => 270,
        }
    }

    /// The rotation for 0, 90, 180 or 270 degrees (any multiple of 90 is reduced); `None` otherwise.
    pub fn from_degrees(degrees: i64) -> Option<Self> {
        match degrees.rem_euclid(360) {
            0 => Some(Rotation::R0),
            90 => Some(Rotation::R90),
            180 => Some(Rotation::R180),
            270 => Some(Rotation::R270),
            _ => None,
        }
    }

    /// This rotation followed by `other`.
    pub fn then(self, other: Rotation) -> Rotation {
        let sum = i64::from(self.degrees()) + i64::from(other.degrees());
        Rotation::from_degrees(sum).unwrap_or_default()
    }

    /// Whether the page's top points left or right (width and height swap).
    pub fn is_quarter(self) -> bool {
        matches!(self, Rotation::R90 | Rotation::R270)
    }
}

impl Serialize for Rotation {
    /// Serialises as the number of degrees.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.degrees())
    }
}

impl<'de> Deserialize<'de> for Rotation {
    /// Deserialises from 0, 90, 180 or 270.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let degrees = u16::deserialize(deserializer)?;
        Rotation::from_degrees(i64::from(degrees)).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid rotation {degrees} (expected 0, 90, 180 or 270)"
            ))
        })
    }
}

/// An edge of a slot as displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edge {
    /// The left edge.
    Left,
    /// The right edge.
    Right,
    /// The top edge.
    Top,
    /// The bottom edge.
    Bottom,
}

impl Edge {
    /// The edge across the slot.
    pub fn opposite(self) -> Edge {
        match self {
            Edge::Left => Edge::Right,
            Edge::Right => Edge::Left,
            Edge::Top => Edge::Bottom,
            Edge::Bottom => Edge::Top,
        }
    }
}

/// Everything the planner needs besides the page count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanOptions {
    /// The imposition scheme.
    pub scheme: Scheme,
    /// Sheet size in pt, un-oriented (the planner picks the orientation).
    pub sheet: Size,
    /// Trim size of one input page in pt.
    pub page: Size,
    /// The flip the printer makes.
    pub duplex: Duplex,
    /// Where padding blanks go.
    pub blanks: Blanks,
    /// Sheets per signature (`signatures` only; default [`DEFAULT_SIGNATURE_SHEETS`]).
    pub signature_sheets: Option<usize>,
    /// Paper thickness in pt, for creep compensation (0 = none).
    pub creep: f64,
    /// Unprintable border on every side of the sheet, in pt.
    pub printer_margin: f64,
    /// Scale pages down uniformly so the grid fits inside the printable area (`--fit shrink`).
    pub shrink_to_printable: bool,
    /// Force the sheet's orientation (for printers that mishandle one); `None` = best fit.
    /// Ignored by the zine, which is always landscape.
    #[serde(default)]
    pub sheet_orientation: Option<Orientation>,
    /// Where the spine is: left for left-to-right scripts, right for right-to-left ones.
    #[serde(default)]
    pub binding: Binding,
}

impl PlanOptions {
    /// Options with the defaults: long-edge duplex, blanks before the last page, no creep,
    /// a 4 mm printer margin, no shrinking.
    pub fn new(scheme: Scheme, sheet: Size, page: Size) -> Self {
        Self {
            scheme,
            sheet,
            page,
            duplex: Duplex::Long,
            blanks: Blanks::BeforeLast,
            signature_sheets: None,
            creep: 0.0,
            printer_margin: mm(DEFAULT_PRINTER_MARGIN_MM),
            shrink_to_printable: false,
            sheet_orientation: None,
            binding: Binding::Left,
        }
    }
}

/// Why a plan cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// The input has no pages.
    NoPages,
    /// The zine's folds only make a left-bound booklet.
    ZineRightBinding,
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
            PlanError::ZineRightBinding => {
                Some("use --scheme saddle or cutstack for a right-to-left booklet".into())
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
            PlanError::ZineRightBinding => {
                f.write_str("the one-sheet zine folds into a left-bound booklet only")
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
            PlanError::InvalidLength { what, value } => {
                write!(f, "invalid {what} ({value} pt; must be zero or positive)")
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

/// The grid of cells on the front of every sheet: spreads, or the zine's panels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// Cells across.
    pub cols: usize,
    /// Cells down.
    pub rows: usize,
    /// Left edge of the grid in pt (the grid is centred on the sheet).
    pub x: f64,
    /// Top edge of the grid in pt.
    pub y: f64,
    /// Size of one cell in pt, as displayed (a spread, or a zine panel).
    pub cell: Size,
    /// Direction of each spread's fold through the middle of its cell; `None` for zine panels.
    pub spine: Option<Axis>,
}

impl Grid {
    /// Number of cells (cut pieces) per sheet.
    pub fn cells(&self) -> usize {
        self.cols * self.rows
    }

    /// The rectangle of cell `index` (row-major from the top-left) on the front, in pt.
    pub fn cell_rect(&self, index: usize) -> Rect {
        let col = index % self.cols.max(1);
        let row = index / self.cols.max(1);
        Rect::new(
            self.x + col as f64 * self.cell.width,
            self.y + row as f64 * self.cell.height,
            self.cell.width,
            self.cell.height,
        )
    }

    /// The rectangle covered by all cells, in pt.
    pub fn bounds(&self) -> Rect {
        Rect::new(
            self.x,
            self.y,
            self.cols as f64 * self.cell.width,
            self.rows as f64 * self.cell.height,
        )
    }
}

/// A nested group of folios folded together: the booklet, or one signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Index of its first sheet (0-based).
    pub first_sheet: usize,
    /// Sheets it uses.
    pub sheets: usize,
    /// Folios (folded spreads of four pages) it holds; its pages are `4 × folios`.
    pub folios: usize,
    /// Booklet page index (0-based) of its first page.
    pub first_page: usize,
}

/// A short straight line on a sheet side, in pt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Start x.
    pub x1: f64,
    /// Start y.
    pub y1: f64,
    /// End x.
    pub x2: f64,
    /// End y.
    pub y2: f64,
}

/// A printer's mark: geometry only, placement draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Mark {
    /// A crop tick on the prolongation of a cut line, outside every page.
    Crop(Line),
    /// A fold tick on the prolongation of a spine (zine: a whole fold line).
    Fold(Line),
    /// The zine's slit.
    Slit(Line),
    /// A filled rectangle on the outside of a signature's spine, stepped by signature number.
    Collation {
        /// The rectangle in pt.
        rect: Rect,
        /// Signature number, 1-based.
        signature: usize,
    },
    /// A line of text in free space; `{title}` is a placeholder for the guide's title.
    Slug {
        /// Left end of the text in pt.
        x: f64,
        /// Vertical centre of the text in pt.
        y: f64,
        /// The text.
        text: String,
    },
}

/// One page's box on a sheet side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    /// Input page index (0-based); `None` for a padding blank.
    pub page: Option<usize>,
    /// Booklet page index (0-based) this slot shows.
    pub booklet_page: usize,
    /// Left edge of the page's box on the sheet, after rotation, in pt.
    pub x: f64,
    /// Top edge in pt.
    pub y: f64,
    /// Width in pt, after rotation and scaling.
    pub width: f64,
    /// Height in pt, after rotation and scaling.
    pub height: f64,
    /// Clockwise rotation of the content as displayed.
    pub rotation: Rotation,
    /// Creep: how far the content moves toward [`Slot::spine`] inside the box, in pt (≥ 0).
    pub shift: f64,
    /// The edge of the box lying on the spread's fold; `None` for zine panels.
    pub spine: Option<Edge>,
    /// Which cell (cut piece) of the sheet the slot belongs to, row-major on the front.
    pub cell: usize,
}

impl Slot {
    /// The box as a rectangle.
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }

    /// The creep displacement of the content in sheet coordinates (dx, dy) in pt.
    pub fn content_offset(&self) -> (f64, f64) {
        match self.spine {
            Some(Edge::Left) => (-self.shift, 0.0),
            Some(Edge::Right) => (self.shift, 0.0),
            Some(Edge::Top) => (0.0, -self.shift),
            Some(Edge::Bottom) => (0.0, self.shift),
            None => (0.0, 0.0),
        }
    }
}

/// Slots and marks of one side of a sheet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SidePlan {
    /// The pages on this side.
    pub slots: Vec<Slot>,
    /// The marks on this side.
    pub marks: Vec<Mark>,
}

/// One sheet: its front is output page 2k−1, its back 2k (1-based).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SheetPlan {
    /// The side printed first, as displayed.
    pub front: SidePlan,
    /// The other side, as displayed in the PDF (already turned for the duplex flip).
    pub back: SidePlan,
}

/// The whole plan: serialisable as `--plan plan.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imposition {
    /// The scheme.
    pub scheme: Scheme,
    /// The flip the printer makes.
    pub duplex: Duplex,
    /// The flip as an axis on the displayed sheet.
    pub flip: Axis,
    /// The sheet as displayed (oriented), in pt.
    pub sheet: Size,
    /// Trim size of one input page in pt, unscaled.
    pub page: Size,
    /// Uniform scale applied to every page (1 unless shrunk to the printable area).
    pub scale: f64,
    /// Input pages.
    pub pages: usize,
    /// Booklet pages after padding (per copy for `copies`).
    pub padded: usize,
    /// Booklet page k (0-based) → input page index, or `None` for a blank.
    pub sequence: Vec<Option<usize>>,
    /// Where padding blanks went.
    pub blanks: Blanks,
    /// The cells on every sheet.
    pub grid: Grid,
    /// Nested groups in booklet order (for `copies`: the booklet every cell carries).
    pub groups: Vec<Group>,
    /// Paper thickness used for creep, in pt.
    pub creep: f64,
    /// The sheets in printing order.
    pub sheets: Vec<SheetPlan>,
    /// Marks left out because they would fall off the sheet or on a page.
    pub skipped_marks: usize,
    /// Where the spine is when the cover faces the reader.
    #[serde(default)]
    pub binding: Binding,
}

/// The job in numbers, for the printer's ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobTicket {
    /// The scheme.
    pub scheme: Scheme,
    /// Sheets to print.
    pub sheets: usize,
    /// Sides that carry print per sheet (1 for the zine, else 2).
    pub printed_sides: usize,
    /// Sheet orientation as displayed.
    pub orientation: Orientation,
    /// The oriented sheet in pt.
    pub sheet: Size,
    /// The printer's flip.
    pub duplex: Duplex,
    /// The flip as an axis on the displayed sheet.
    pub flip: Axis,
    /// Cells across.
    pub cols: usize,
    /// Cells down.
    pub rows: usize,
    /// Cells (cut pieces) per sheet.
    pub cells: usize,
    /// Whether each spread is turned a quarter on the sheet.
    pub spreads_rotated: bool,
    /// Piles after cutting (one per cell; 1 when nothing is cut).
    pub piles: usize,
    /// Signatures to gather (1 for a single booklet).
    pub signatures: usize,
    /// Sheets in each signature (or in the booklet).
    pub sheets_per_signature: Vec<usize>,
    /// Booklets the run yields (`copies`: one per cell).
    pub booklets: usize,
    /// Input pages.
    pub pages: usize,
    /// Booklet pages after padding.
    pub padded: usize,
    /// Padding blanks per booklet.
    pub blanks: usize,
    /// Uniform page scale.
    pub scale: f64,
}

impl Imposition {
    /// The job in numbers for the ticket.
    pub fn ticket(&self) -> JobTicket {
        let cells = self.grid.cells();
        let cut = self.scheme != Scheme::Zine && cells > 1;
        JobTicket {
            scheme: self.scheme,
            sheets: self.sheets.len(),
            printed_sides: if self.scheme == Scheme::Zine { 1 } else { 2 },
            orientation: self.sheet.orientation(),
            sheet: self.sheet,
            duplex: self.duplex,
            flip: self.flip,
            cols: self.grid.cols,
            rows: self.grid.rows,
            cells,
            spreads_rotated: self.grid.spine == Some(Axis::Horizontal),
            piles: if cut { cells } else { 1 },
            signatures: self.groups.len(),
            sheets_per_signature: self.groups.iter().map(|g| g.sheets).collect(),
            booklets: if self.scheme == Scheme::Copies { cells } else { 1 },
            pages: self.pages,
            padded: self.padded,
            blanks: self.padded - self.pages,
            scale: self.scale,
        }
    }
}

/// Plans the imposition of `pages` input pages; pure arithmetic, no I/O.
///
/// Fails when there are no pages, a size or length is invalid, the zine gets more than
/// eight pages, or not even one spread fits the sheet (unless shrinking is on).
pub fn plan(pages: usize, opts: &PlanOptions) -> Result<Imposition, PlanError> {
    validate(pages, opts)?;
    match opts.scheme {
        Scheme::Zine => plan_zine(pages, opts),
        _ => plan_spreads(pages, opts),
    }
}

/// Checks every input before any arithmetic.
fn validate(pages: usize, opts: &PlanOptions) -> Result<(), PlanError> {
    if pages == 0 {
        return Err(PlanError::NoPages);
    }
    if opts.scheme == Scheme::Zine && opts.binding == Binding::Right {
        return Err(PlanError::ZineRightBinding);
    }
    for (what, size) in [("sheet", opts.sheet), ("page", opts.page)] {
        let side_ok = |v: f64| (MIN_SIDE - EPS..=MAX_SIDE + EPS).contains(&v);
        if !size.is_valid() || !side_ok(size.width) || !side_ok(size.height) {
            return Err(PlanError::InvalidSize { what, size });
        }
    }
    for (what, value) in [("creep", opts.creep), ("printer margin", opts.printer_margin)]
    {
        if !value.is_finite() || value < 0.0 {
            return Err(PlanError::InvalidLength { what, value });
        }
    }
    if opts.signature_sheets == Some(0) {
        return Err(PlanError::ZeroSignatureSheets);
    }
    if opts.scheme == Scheme::Zine && pages > ZINE_PAGES {
        return Err(PlanError::TooManyPages {
            scheme: Scheme::Zine,
            pages,
            max: ZINE_PAGES,
        });
    }
    let short = opts.sheet.width.min(opts.sheet.height);
    if opts.shrink_to_printable && 2.0 * opts.printer_margin >= short {
        return Err(PlanError::MarginTooLarge {
            margin: opts.printer_margin,
            sheet: opts.sheet,
        });
    }
    Ok(())
}

/// The axis the printer flips about on the displayed sheet.
pub fn flip_axis(sheet: Size, duplex: Duplex) -> Axis {
    match (sheet.is_landscape(), duplex) {
        (true, Duplex::Long) | (false, Duplex::Short) => Axis::Horizontal,
        (false, Duplex::Long) | (true, Duplex::Short) => Axis::Vertical,
    }
}

/// How many lengths `len` fit in `avail`.
fn fit_count(avail: f64, len: f64) -> usize {
    ((avail + FIT_TOLERANCE) / len).floor().max(0.0) as usize
}

/// The booklet order with padding blanks: booklet page → input page.
fn sequence(pages: usize, padded: usize, blanks: Blanks) -> Vec<Option<usize>> {
    let pad = padded - pages;
    let mut seq: Vec<Option<usize>> = (0..pages).map(Some).collect();
    match blanks {
        Blanks::BeforeLast if pages >= 2 => {
            let last = seq.pop();
            seq.extend(std::iter::repeat_n(None, pad));
            seq.push(last.flatten());
        }
        _ => seq.extend(std::iter::repeat_n(None, pad)),
    }
    seq
}

/// The smallest standard sheet on which `fits` holds for either orientation.
fn suggest(fits: impl Fn(Size) -> bool) -> Option<SheetSize> {
    let mut sheets = SheetSize::STANDARD;
    sheets.sort_by(|a, b| {
        let (a, b) = (a.size(), b.size());
        (a.width * a.height).total_cmp(&(b.width * b.height))
    });
    sheets.into_iter().find(|s| fits(s.size().portrait()) || fits(s.size().landscape()))
}

/// The chosen sheet orientation, spread orientation and grid for spread schemes.
struct Layout {
    sheet: Size,
    grid: Grid,
    page: Size,
    scale: f64,
}

/// Picks orientation and grid: most cells; ties prefer a grid clear of the printer's
/// margin, then unrotated spreads, then portrait.
fn layout_spreads(opts: &PlanOptions) -> Result<Layout, PlanError> {
    let spread = Size::new(2.0 * opts.page.width, opts.page.height);
    let many = opts.scheme != Scheme::Saddle;
    let mut options = Vec::with_capacity(4);
    let sheets = match opts.sheet_orientation {
        None => vec![opts.sheet.portrait(), opts.sheet.landscape()],
        Some(Orientation::Portrait) => vec![opts.sheet.portrait()],
        Some(Orientation::Landscape) => vec![opts.sheet.landscape()],
    };
    for rotated in [false, true] {
        for &sheet in &sheets {
            let cell = if rotated { spread.rotated() } else { spread };
            let cols = fit_count(sheet.width, cell.width);
            let rows = fit_count(sheet.height, cell.height);
            let (cols, rows) =
                if many || cols * rows == 0 { (cols, rows) } else { (1, 1) };
            options.push((rotated, sheet, cell, cols, rows));
        }
    }
    let margin = opts.printer_margin;
    let clear = |o: &(bool, Size, Size, usize, usize)| {
        o.3 as f64 * o.2.width <= o.1.width - 2.0 * margin + EPS
            && o.4 as f64 * o.2.height <= o.1.height - 2.0 * margin + EPS
    };
    let mut best = options[0];
    for option in &options[1..] {
        let (cells, best_cells) = (option.3 * option.4, best.3 * best.4);
        if cells > best_cells || (cells == best_cells && clear(option) && !clear(&best)) {
            best = *option;
        }
    }
    if best.3 * best.4 == 0 {
        if !opts.shrink_to_printable {
            return Err(PlanError::DoesNotFit {
                scheme: opts.scheme,
                page: opts.page,
                needed: spread,
                sheet: opts.sheet.portrait(),
                suggestion: suggest(|s| spread.fits_in(s) || spread.rotated().fits_in(s)),
            });
        }
        // Shrink one spread: take the option giving the largest scale.
        let scale_of = |o: &(bool, Size, Size, usize, usize)| {
            ((o.1.width - 2.0 * margin) / o.2.width)
                .min((o.1.height - 2.0 * margin) / o.2.height)
        };
        best = options[0];
        for option in &options[1..] {
            if scale_of(option) > scale_of(&best) + 1e-12 {
                best = *option;
            }
        }
        best.3 = 1;
        best.4 = 1;
    }
    let (rotated, sheet, cell, cols, rows) = best;
    let mut scale = 1.0;
    if opts.shrink_to_printable {
        let avail = Size::new(sheet.width - 2.0 * margin, sheet.height - 2.0 * margin);
        scale = (avail.width / (cols as f64 * cell.width))
            .min(avail.height / (rows as f64 * cell.height))
            .min(1.0);
    }
    let cell = cell.scaled(scale);
    let grid = Grid {
        cols,
        rows,
        x: (sheet.width - cols as f64 * cell.width) / 2.0,
        y: (sheet.height - rows as f64 * cell.height) / 2.0,
        cell,
        spine: Some(if rotated { Axis::Horizontal } else { Axis::Vertical }),
    };
    Ok(Layout { sheet, grid, page: opts.page.scaled(scale), scale })
}

/// Splits the job into nested groups; returns them with the padded page count.
fn groups(pages: usize, cells: usize, opts: &PlanOptions) -> (Vec<Group>, usize) {
    let folios_for = |p: usize| p.div_ceil(4);
    let one = |sheets: usize, folios: usize| Group {
        first_sheet: 0,
        sheets,
        folios,
        first_page: 0,
    };
    let list = match opts.scheme {
        Scheme::Saddle | Scheme::Copies | Scheme::Zine => {
            let f = folios_for(pages);
            vec![one(f, f)]
        }
        Scheme::Cutstack => {
            let sheets = pages.div_ceil(4 * cells);
            vec![one(sheets, sheets * cells)]
        }
        Scheme::Signatures => {
            let k = opts.signature_sheets.unwrap_or(DEFAULT_SIGNATURE_SHEETS);
            let per = k.saturating_mul(cells).saturating_mul(4);
            let mut list = Vec::new();
            let (mut sheet, mut page) = (0, 0);
            while page < pages {
                let rest = pages - page;
                let folios = if rest >= per { per / 4 } else { folios_for(rest) };
                let sheets = folios.div_ceil(cells);
                list.push(Group { first_sheet: sheet, sheets, folios, first_page: page });
                sheet += sheets;
                page += 4 * folios;
            }
            list
        }
    };
    let padded = list.iter().map(|g| 4 * g.folios).sum();
    (list, padded)
}

/// The reading-left and reading-right page boxes of a spread in `cell`, with their rotation
/// and the edge on the fold. Unturned spreads lie side by side; turned ones (a quarter
/// clockwise) put the reading-left page on top.
fn halves(cell: Rect, turned: bool, page: Size) -> [(Rect, Rotation, Edge); 2] {
    if turned {
        let (w, h) = (page.height, page.width);
        [
            (Rect::new(cell.x, cell.y, w, h), Rotation::R90, Edge::Bottom),
            (Rect::new(cell.x, cell.y + h, w, h), Rotation::R90, Edge::Top),
        ]
    } else {
        let (w, h) = (page.width, page.height);
        [
            (Rect::new(cell.x, cell.y, w, h), Rotation::R0, Edge::Right),
            (Rect::new(cell.x + w, cell.y, w, h), Rotation::R0, Edge::Left),
        ]
    }
}

/// Places one folio (its four booklet pages) on a cell of a sheet, front and back.
struct Folio {
    /// Booklet pages: front reading-left, front reading-right, back reading-left, back reading-right.
    pages: [usize; 4],
    /// Depth in its nested group (0 = outermost).
    depth: usize,
}

/// Builds slots for spread schemes.
fn place_folio(
    sheet: &mut SheetPlan,
    layout: &Layout,
    flip: Axis,
    cell: usize,
    folio: &Folio,
    seq: &[Option<usize>],
    creep: f64,
) {
    let (w, h) = (layout.sheet.width, layout.sheet.height);
    let spine = layout.grid.spine.unwrap_or(Axis::Vertical);
    let turned = spine == Axis::Horizontal;
    let front_cell = layout.grid.cell_rect(cell);
    let shift = folio.depth as f64 * creep;
    let slot = |page: usize, (r, rotation, edge): (Rect, Rotation, Edge)| Slot {
        page: seq[page],
        booklet_page: page,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        rotation,
        shift,
        spine: Some(edge),
        cell,
    };
    let [fl, fr, bl, br] = folio.pages;
    let front = halves(front_cell, turned, layout.page);
    sheet.front.slots.push(slot(fl, front[0]));
    sheet.front.slots.push(slot(fr, front[1]));
    // The back as seen after turning the sheet over the spread's own fold: the cell is
    // mirrored across that fold's direction and reads like the front.
    let mut back_cell = front_cell;
    match spine {
        Axis::Vertical => back_cell.x = w - front_cell.right(),
        Axis::Horizontal => back_cell.y = h - front_cell.bottom(),
    }
    let back = halves(back_cell, turned, layout.page);
    for (page, half) in [(bl, back[0]), (br, back[1])] {
        let mut s = slot(page, half);
        if flip != spine {
            // The printer flips the other way: that view is the fold-turn view turned 180°.
            s.x = w - s.x - s.width;
            s.y = h - s.y - s.height;
            s.rotation = s.rotation.then(Rotation::R180);
            s.spine = s.spine.map(Edge::opposite);
        }
        sheet.back.slots.push(s);
    }
}

/// Plans saddle, cutstack, copies and signatures.
fn plan_spreads(pages: usize, opts: &PlanOptions) -> Result<Imposition, PlanError> {
    let layout = layout_spreads(opts)?;
    let cells = layout.grid.cells();
    // Every booklet page lands once per copy; refuse absurd plans before allocating.
    let copies = if opts.scheme == Scheme::Copies { cells } else { 1 };
    let slots = pages.div_ceil(4).saturating_mul(4).saturating_mul(copies);
    if slots > MAX_SLOTS {
        return Err(PlanError::TooLarge { slots });
    }
    let (groups, padded) = groups(pages, cells, opts);
    let seq = sequence(pages, padded, opts.blanks);
    let flip = flip_axis(layout.sheet, opts.duplex);
    let total: usize = match opts.scheme {
        Scheme::Signatures => groups.iter().map(|g| g.sheets).sum(),
        _ => groups[0].sheets,
    };
    let mut sheets = vec![SheetPlan::default(); total];
    for group in &groups {
        let p = 4 * group.folios;
        for j in 0..group.folios {
            let o = group.first_page;
            let folio = Folio {
                pages: [o + p - 2 * j - 1, o + 2 * j, o + 2 * j + 1, o + p - 2 * j - 2],
                depth: j,
            };
            let targets: Vec<(usize, usize)> = match opts.scheme {
                Scheme::Copies => (0..cells).map(|c| (j, c)).collect(),
                _ => vec![(group.first_sheet + j % group.sheets, j / group.sheets)],
            };
            for (sheet, cell) in targets {
                place_folio(
                    &mut sheets[sheet],
                    &layout,
                    flip,
                    cell,
                    &folio,
                    &seq,
                    opts.creep,
                );
            }
        }
    }
    let mut imposition = Imposition {
        scheme: opts.scheme,
        duplex: opts.duplex,
        flip,
        sheet: layout.sheet,
        page: opts.page,
        scale: layout.scale,
        pages,
        padded,
        sequence: seq,
        blanks: opts.blanks,
        grid: layout.grid,
        groups,
        creep: opts.creep,
        sheets,
        skipped_marks: 0,
        binding: opts.binding,
    };
    if opts.binding == Binding::Right {
        mirror_spreads(&mut imposition);
    }
    add_marks(&mut imposition);
    Ok(imposition)
}

/// Right binding: mirrors the two pages of every spread across its fold (the mirror
/// image of a left-bound booklet is a right-bound one), on fronts and backs alike.
fn mirror_spreads(imp: &mut Imposition) {
    let grid = imp.grid;
    for sheet in &mut imp.sheets {
        for side in [&mut sheet.front, &mut sheet.back] {
            for slot in &mut side.slots {
                let (cx, cy) = slot.rect().center();
                let col = (((cx - grid.x) / grid.cell.width).floor().max(0.0) as usize)
                    .min(grid.cols - 1);
                let row = (((cy - grid.y) / grid.cell.height).floor().max(0.0) as usize)
                    .min(grid.rows - 1);
                let cell_x = grid.x + col as f64 * grid.cell.width;
                let cell_y = grid.y + row as f64 * grid.cell.height;
                match grid.spine {
                    Some(Axis::Horizontal) => {
                        slot.y = 2.0 * cell_y + grid.cell.height - slot.y - slot.height;
                    }
                    _ => slot.x = 2.0 * cell_x + grid.cell.width - slot.x - slot.width,
                }
                slot.spine = slot.spine.map(Edge::opposite);
            }
        }
    }
}

/// Zine panel of booklet page k (0-based): column, row, rotation (top row upside down).
const ZINE_PANELS: [(usize, usize, Rotation); ZINE_PAGES] = [
    (3, 1, Rotation::R0),
    (3, 0, Rotation::R180),
    (2, 0, Rotation::R180),
    (1, 0, Rotation::R180),
    (0, 0, Rotation::R180),
    (0, 1, Rotation::R0),
    (1, 1, Rotation::R0),
    (2, 1, Rotation::R0),
];

/// Plans the one-sheet zine: 4×2 panels on the front of a landscape sheet, the back empty.
fn plan_zine(pages: usize, opts: &PlanOptions) -> Result<Imposition, PlanError> {
    let sheet = opts.sheet.landscape();
    let panel = Size::new(sheet.width / 4.0, sheet.height / 2.0);
    let needed = Size::new(4.0 * opts.page.width, 2.0 * opts.page.height);
    let margin = opts.printer_margin;
    let scale = if opts.shrink_to_printable {
        ((panel.width - 2.0 * margin) / opts.page.width)
            .min((panel.height - 2.0 * margin) / opts.page.height)
            .min(1.0)
    } else if opts.page.fits_in(panel) {
        1.0
    } else {
        return Err(PlanError::DoesNotFit {
            scheme: Scheme::Zine,
            page: opts.page,
            needed,
            sheet: opts.sheet.portrait(),
            suggestion: suggest(|s| s.is_landscape() && needed.fits_in(s)),
        });
    };
    if scale <= 0.0 {
        return Err(PlanError::MarginTooLarge { margin, sheet: opts.sheet });
    }
    let page = opts.page.scaled(scale);
    let seq = sequence(pages, ZINE_PAGES, opts.blanks);
    let grid = Grid { cols: 4, rows: 2, x: 0.0, y: 0.0, cell: panel, spine: None };
    let mut side = SidePlan::default();
    for (k, &(col, row, rotation)) in ZINE_PANELS.iter().enumerate() {
        let cell = row * 4 + col;
        let r = grid.cell_rect(cell);
        side.slots.push(Slot {
            page: seq[k],
            booklet_page: k,
            x: r.x + (r.width - page.width) / 2.0,
            y: r.y + (r.height - page.height) / 2.0,
            width: page.width,
            height: page.height,
            rotation,
            shift: 0.0,
            spine: None,
            cell,
        });
    }
    let (w, h) = (sheet.width, sheet.height);
    let line = |x1, y1, x2, y2| Line { x1, y1, x2, y2 };
    side.marks.push(Mark::Fold(line(0.0, h / 2.0, w, h / 2.0)));
    for i in 1..4 {
        let x = w * i as f64 / 4.0;
        side.marks.push(Mark::Fold(line(x, 0.0, x, h)));
    }
    side.marks.push(Mark::Slit(line(w / 4.0, h / 2.0, 3.0 * w / 4.0, h / 2.0)));
    Ok(Imposition {
        binding: Binding::Left,
        scheme: Scheme::Zine,
        duplex: opts.duplex,
        flip: flip_axis(sheet, opts.duplex),
        sheet,
        page: opts.page,
        scale,
        pages,
        padded: ZINE_PAGES,
        sequence: seq,
        blanks: opts.blanks,
        grid,
        groups: vec![Group { first_sheet: 0, sheets: 1, folios: 2, first_page: 0 }],
        creep: opts.creep,
        sheets: vec![SheetPlan { front: side, back: SidePlan::default() }],
        // No free space on a zine sheet: the slug line is left out.
        skipped_marks: 1,
    })
}

/// A tick starting `MARK_OFFSET_MM` beyond a trim edge into `space` pt of free room:
/// returns its (start, end) distances from the trim, or `None` if there is no room.
fn tick(space: f64) -> Option<(f64, f64)> {
    let start = mm(MARK_OFFSET_MM);
    let end = (start + mm(MARK_LENGTH_MM)).min(space);
    (end - start >= mm(MARK_MIN_MM) - EPS).then_some((start, end))
}

/// Adds crop, fold, collation and slug marks to every side of a spread plan.
fn add_marks(imp: &mut Imposition) {
    let grid = imp.grid;
    let bounds = grid.bounds();
    let (w, h) = (imp.sheet.width, imp.sheet.height);
    let (above, below) = (bounds.y, h - bounds.bottom());
    let (left, right) = (bounds.x, w - bounds.right());
    let mut front = Vec::new();
    let mut skipped = 0;
    // Vertical lines (cuts and spines) get ticks above and below the grid; horizontal
    // ones to the left and right.
    let mut vertical: Vec<(f64, bool)> =
        (0..=grid.cols).map(|i| (grid.x + i as f64 * grid.cell.width, true)).collect();
    let mut horizontal: Vec<(f64, bool)> =
        (0..=grid.rows).map(|j| (grid.y + j as f64 * grid.cell.height, true)).collect();
    match grid.spine {
        Some(Axis::Vertical) => vertical.extend(
            (0..grid.cols).map(|i| (grid.x + (i as f64 + 0.5) * grid.cell.width, false)),
        ),
        Some(Axis::Horizontal) => horizontal.extend(
            (0..grid.rows).map(|j| (grid.y + (j as f64 + 0.5) * grid.cell.height, false)),
        ),
        None => {}
    }
    let make = |crop: bool, line: Line| {
        if crop { Mark::Crop(line) } else { Mark::Fold(line) }
    };
    for &(x, crop) in &vertical {
        for (space, edge, dir) in [(above, bounds.y, -1.0), (below, bounds.bottom(), 1.0)]
        {
            match tick(space) {
                Some((a, b)) => front.push(make(
                    crop,
                    Line { x1: x, y1: edge + dir * a, x2: x, y2: edge + dir * b },
                )),
                None => skipped += 1,
            }
        }
    }
    for &(y, crop) in &horizontal {
        for (space, edge, dir) in [(left, bounds.x, -1.0), (right, bounds.right(), 1.0)] {
            match tick(space) {
                Some((a, b)) => front.push(make(
                    crop,
                    Line { x1: edge + dir * a, y1: y, x2: edge + dir * b, y2: y },
                )),
                None => skipped += 1,
            }
        }
    }
    let total = imp.sheets.len();
    // Slug: centred in the taller free band above or below the grid.
    let (band_top, band) =
        if below >= above { (bounds.bottom(), below) } else { (0.0, above) };
    let slug_x = bounds.x.max(mm(MARK_OFFSET_MM));
    for (i, sheet) in imp.sheets.iter_mut().enumerate() {
        sheet.front.marks.extend(front.iter().cloned());
        for (side, name) in [(&mut sheet.front, "front"), (&mut sheet.back, "back")] {
            if band >= mm(SLUG_MIN_MM) {
                side.marks.push(Mark::Slug {
                    x: slug_x,
                    y: band_top + band / 2.0,
                    text: format!(
                        "{{title}} · sheet {}/{total} {name} · {}",
                        i + 1,
                        imp.scheme
                    ),
                });
            } else {
                skipped += 1;
            }
        }
    }
    if imp.scheme == Scheme::Signatures {
        let step = mm(COLLATION_STEP_MM);
        let across = mm(COLLATION_WIDTH_MM);
        for (g, group) in imp.groups.iter().enumerate() {
            // The outermost folio of a signature sits on cell 0 of its first sheet; its
            // front carries the outside of the spine. Steps run from the head down.
            let cell = grid.cell_rect(0);
            let rect = match grid.spine {
                Some(Axis::Horizontal) => {
                    let places = ((cell.width / step).floor() as usize).max(1);
                    let along = (g % places) as f64 * step;
                    let x = (cell.right() - along - step).max(cell.x);
                    Rect::new(x, cell.y + cell.height / 2.0 - across / 2.0, step, across)
                }
                _ => {
                    let places = ((cell.height / step).floor() as usize).max(1);
                    let along = (g % places) as f64 * step;
                    let y = (cell.y + along).min(cell.bottom() - step).max(cell.y);
                    Rect::new(cell.x + cell.width / 2.0 - across / 2.0, y, across, step)
                }
            };
            imp.sheets[group.first_sheet]
                .front
                .marks
                .push(Mark::Collation { rect, signature: g + 1 });
        }
    }
    imp.skipped_marks = skipped;
}
