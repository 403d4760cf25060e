//! livret-impose: putting booklet pages on printer sheets, without typst.
//!
//! Two steps. [`plan()`] is pure arithmetic: page count, page size, sheet size, scheme and
//! options → an [`Imposition`]: sheets → sides ([`SheetPlan::front`], [`SheetPlan::back`])
//! → [`Slot`]s (input page or blank, box, rotation, creep shift, cell) and [`Mark`]s
//! (geometry only). Placement then puts pages onto sheets by that plan: [`pdf`] for any
//! PDF (lopdf), livret's typst frames for `build`; both paint the marks from one
//! geometry ([`marks::drawings`]). [`ticket`] writes the print shop's job ticket. The
//! plan serialises with serde for `--plan plan.json`.
//!
//! Conventions:
//! - Lengths are PDF points (1 pt = 1/72 in; [`geometry::mm`] converts millimetres).
//! - Coordinates have their origin at the top-left of a sheet side *as displayed*, y down.
//! - Sheet k's front is output page 2k−1 and its back 2k (1-based); the back is given as it
//!   must be displayed in the PDF, already turned for the printer's flip ([`Duplex`]):
//!   turning the sheet about the flip axis shows the back as displayed.
//! - A slot's box is the page's box on the sheet after rotation; [`Rotation`] is the
//!   clockwise turn of the content as displayed; [`Slot::shift`] is the creep shift of the
//!   content toward [`Slot::spine`] (placement clips to the box).
//! - Folio j (0 = outermost) of a nested group of P pages carries, 1-based within the
//!   group, front [P−2j | 2j+1] and back [2j+2 | P−2j−1] (left | right as read after
//!   turning the spread over its fold).
//! - Cells (cut pieces) are numbered row-major from the top-left of the front; cutstack
//!   pile c (sheets 1…S) holds folios c·S … c·S+S−1 and goes outside pile c+1.

#![warn(missing_docs)]

pub mod choice;
pub mod fit;
pub mod geometry;
pub mod margin;
pub mod marks;
pub mod offset;
pub mod paper;
pub mod pdf;
pub mod plan;
pub mod sides;
pub mod thickness;
pub mod ticket;
pub mod words;

pub use choice::{
    Axis, Binding, Blanks, Duplex, Edge, ParseChoiceError, Rotation, Scheme,
};
pub use geometry::{MAX_SIDE, MIN_SIDE, Orientation, Rect, SheetSize, Size, mm, to_mm};
pub use marks::{
    Drawing, Ink, MarkKind, MarkOptions, Stroke, drawings, slug_text, slug_texts,
};
pub use offset::{BackOffset, MAX_BACK_OFFSET_MM, parse_length};
pub use plan::{
    Grid, Group, Imposition, JobTicket, Line, Mark, PlanError, PlanOptions, SheetPlan,
    SidePlan, SkippedMarks, Slot, plan,
};
pub use sides::{SideRef, all_sides, manual_duplex, print_order};
