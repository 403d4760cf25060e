//! The pure imposition planner: page count + sizes + scheme → sheets, sides, slots, marks.

mod error;
mod leaves;
mod mark_layout;
mod spreads;
mod zine;

use serde::{Deserialize, Serialize};

pub use crate::choice::{
    Axis, Binding, Blanks, Duplex, Edge, ParseChoiceError, Rotation, Scheme,
};
use crate::geometry::{EPS, FIT_TOLERANCE, Orientation, Rect, SheetSize, Size, mm};
pub use crate::offset::BackOffset;
use crate::paper::Paper;
pub use error::{MAX_SLOTS, PlanError};

/// Default printer margin (unprintable border) in millimetres.
pub const DEFAULT_PRINTER_MARGIN_MM: f64 = 4.0;

/// Sheets per signature when `--signature-sheets` is not given (16-page signatures).
pub const DEFAULT_SIGNATURE_SHEETS: usize = 4;

/// Pages of the one-sheet zine.
pub const ZINE_PAGES: usize = 8;

pub use crate::geometry::{MAX_SIDE, MIN_SIDE};

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
    /// How far every back side moves to make up for the printer's misregistration
    /// (marks included; fronts never move).
    #[serde(default)]
    pub back_offset: BackOffset,
    /// Room added on the spine edge of every leaf for the holes of wire, spiral or comb
    /// binding, in pt (`wire` only).
    #[serde(default)]
    pub binding_margin: f64,
    /// The paper, when known: for the spine, the thickness warning and the ticket.
    #[serde(default)]
    pub paper: Option<Paper>,
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
            back_offset: BackOffset::default(),
            binding_margin: 0.0,
            paper: None,
        }
    }
}

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

impl Mark {
    /// Moves the mark by (dx, dy) pt on the sheet.
    pub fn translate(&mut self, dx: f64, dy: f64) {
        let mv = |l: &mut Line| {
            l.x1 += dx;
            l.x2 += dx;
            l.y1 += dy;
            l.y2 += dy;
        };
        match self {
            Mark::Crop(l) | Mark::Fold(l) | Mark::Slit(l) => mv(l),
            Mark::Collation { rect, .. } => {
                rect.x += dx;
                rect.y += dy;
            }
            Mark::Slug { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
    }
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
    /// The same, kind by kind.
    #[serde(default)]
    pub skipped: SkippedMarks,
    /// Where the spine is when the cover faces the reader.
    #[serde(default)]
    pub binding: Binding,
    /// How far every back side (its slots and marks) was moved for the printer's
    /// misregistration; zero when none.
    #[serde(default)]
    pub back_offset: BackOffset,
    /// The binding margin on each leaf's spine edge, in pt, unscaled (`wire`; else 0).
    #[serde(default)]
    pub binding_margin: f64,
    /// The paper, when it was given.
    #[serde(default)]
    pub paper: Option<Paper>,
}

/// Marks left out for lack of room, kind by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SkippedMarks {
    /// Crop ticks.
    pub crop: usize,
    /// Fold ticks.
    pub fold: usize,
    /// Collation marks.
    pub collation: usize,
    /// Slug lines.
    pub slug: usize,
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
    /// Whether only the fronts are printed (the zine, a one-sided card): no back
    /// carries a page.
    pub fn one_sided(&self) -> bool {
        self.sheets.iter().all(|s| s.back.slots.is_empty())
    }

    /// The job in numbers for the ticket.
    pub fn ticket(&self) -> JobTicket {
        let cells = self.grid.cells();
        let cut = self.scheme != Scheme::Zine && cells > 1;
        JobTicket {
            scheme: self.scheme,
            sheets: self.sheets.len(),
            printed_sides: if self.one_sided() { 1 } else { 2 },
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
            booklets: if matches!(self.scheme, Scheme::Copies | Scheme::Cards) {
                cells
            } else {
                1
            },
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
    let mut imposition = match opts.scheme {
        Scheme::Zine => zine::plan_zine(pages, opts)?,
        Scheme::Cards | Scheme::Wire => leaves::plan_leaves(pages, opts)?,
        _ => spreads::plan_spreads(pages, opts)?,
    };
    check_creep(&imposition)?;
    shift_backs(&mut imposition, opts.back_offset);
    imposition.paper = opts.paper;
    Ok(imposition)
}

/// The largest creep shift accepted, as a fraction of the page's side across the fold:
/// beyond it the innermost pages lose a quarter of their width off their slot.
pub const MAX_CREEP_FRACTION: f64 = 0.25;

/// The largest creep per sheet accepted, in mm: no paper folded into a booklet is
/// thicker.
pub const MAX_CREEP_MM: f64 = 1.0;

/// Refuses a creep that moves the innermost pages more than [`MAX_CREEP_FRACTION`] of
/// their width toward the fold (placement clips them: they would leave the sheet).
fn check_creep(imp: &Imposition) -> Result<(), PlanError> {
    let mut worst: Option<&Slot> = None;
    for slot in imp.sheets.iter().flat_map(|s| s.front.slots.iter().chain(&s.back.slots))
    {
        if worst.is_none_or(|w| slot.shift > w.shift) {
            worst = Some(slot);
        }
    }
    let Some(slot) = worst else { return Ok(()) };
    let across = match slot.spine {
        Some(Edge::Left | Edge::Right) => slot.width,
        Some(Edge::Top | Edge::Bottom) => slot.height,
        None => return Ok(()),
    };
    let limit = across * MAX_CREEP_FRACTION;
    if slot.shift > limit + EPS || imp.creep > mm(MAX_CREEP_MM) + EPS {
        return Err(PlanError::CreepTooLarge {
            creep: imp.creep,
            shift: slot.shift,
            limit,
            sheets: imp.groups.iter().map(|g| g.folios).max().unwrap_or(1),
        });
    }
    Ok(())
}

/// Moves every back side's slots and marks by `offset` (fronts stay).
fn shift_backs(imp: &mut Imposition, offset: BackOffset) {
    imp.back_offset = offset;
    if offset.is_zero() {
        return;
    }
    let (dx, dy) = offset.sheet_shift();
    for back in imp.sheets.iter_mut().map(|s| &mut s.back) {
        for slot in &mut back.slots {
            slot.x += dx;
            slot.y += dy;
        }
        for mark in &mut back.marks {
            mark.translate(dx, dy);
        }
    }
}

/// Checks every input before any arithmetic.
fn validate(pages: usize, opts: &PlanOptions) -> Result<(), PlanError> {
    if pages == 0 {
        return Err(PlanError::NoPages);
    }
    for (what, size) in [("sheet", opts.sheet), ("page", opts.page)] {
        let side_ok = |v: f64| (MIN_SIDE - EPS..=MAX_SIDE + EPS).contains(&v);
        if !size.is_valid() || !side_ok(size.width) || !side_ok(size.height) {
            return Err(PlanError::InvalidSize { what, size });
        }
    }
    for (what, value) in [
        ("creep", opts.creep),
        ("printer margin", opts.printer_margin),
        ("binding margin", opts.binding_margin),
    ] {
        if !value.is_finite() || value < 0.0 {
            return Err(PlanError::InvalidLength { what, value });
        }
    }
    if let Some((axis, value)) = opts.back_offset.bad_axis() {
        return Err(PlanError::BackOffset { axis, value });
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
