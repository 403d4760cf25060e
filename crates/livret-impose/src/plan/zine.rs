//! The one-sheet zine: eight panels on the front of a landscape sheet.

use super::{
    BackOffset, Grid, Group, Imposition, Line, Mark, PlanError, PlanOptions, SheetPlan,
    SidePlan, Slot, ZINE_PAGES, flip_axis, sequence, suggest,
};
use crate::choice::{Binding, Rotation, Scheme};
use crate::geometry::Size;

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

/// The zine's page scale: 1, or with `--fit shrink` what keeps each page clear of the
/// printer's margin inside its panel; an error when the pages do not fit.
fn zine_scale(opts: &PlanOptions, panel: Size) -> Result<f64, PlanError> {
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
    Ok(scale)
}

/// Plans the one-sheet zine: 4×2 panels on the front of a landscape sheet, the back
/// empty; bound on the right, the panels are mirrored left to right (cover bottom left).
pub(super) fn plan_zine(
    pages: usize,
    opts: &PlanOptions,
) -> Result<Imposition, PlanError> {
    let sheet = opts.sheet.landscape();
    let panel = Size::new(sheet.width / 4.0, sheet.height / 2.0);
    let scale = zine_scale(opts, panel)?;
    let page = opts.page.scaled(scale);
    let seq = sequence(pages, ZINE_PAGES, opts.blanks);
    let grid = Grid { cols: 4, rows: 2, x: 0.0, y: 0.0, cell: panel, spine: None };
    let mut side = SidePlan::default();
    let right = opts.binding == Binding::Right;
    for (k, &(col, row, rotation)) in ZINE_PANELS.iter().enumerate() {
        // Bound on the right: the mirror image of the left-bound zine, folded alike.
        let col = if right { 3 - col } else { col };
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
        binding: opts.binding,
        back_offset: BackOffset::default(),
        binding_margin: 0.0,
        paper: None,
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
        skipped: super::SkippedMarks { slug: 1, ..Default::default() },
    })
}
