//! Where the printer's marks go on a spread plan: crop and fold ticks, slug lines,
//! collation marks (geometry only; the `marks` module turns them into drawings).

use super::{Imposition, Line, Mark, SkippedMarks};
use crate::choice::{Axis, Scheme};
use crate::geometry::{EPS, Rect, mm};

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

/// A tick starting `MARK_OFFSET_MM` beyond a trim edge into `space` pt of free room:
/// returns its (start, end) distances from the trim, or `None` if there is no room.
fn tick(space: f64) -> Option<(f64, f64)> {
    let start = mm(MARK_OFFSET_MM);
    let end = (start + mm(MARK_LENGTH_MM)).min(space);
    (end - start >= mm(MARK_MIN_MM) - EPS).then_some((start, end))
}

/// Adds crop, fold, collation and slug marks to every side of a spread plan; collation
/// marks stay inside the printable area (the sheet less `margin` pt on every side).
pub(super) fn add_marks(imp: &mut Imposition, margin: f64) {
    let (front, crop, fold) = ticks(imp);
    for sheet in &mut imp.sheets {
        sheet.front.marks.extend(front.iter().cloned());
    }
    let slug = add_slugs(imp);
    let collation =
        if imp.scheme == Scheme::Signatures { add_collation(imp, margin) } else { 0 };
    imp.skipped = SkippedMarks { crop, fold, collation, slug };
    imp.skipped_marks = crop + fold + collation + slug;
}

/// The crop and fold ticks every front carries, and how many crop and fold ticks found
/// no room.
fn ticks(imp: &Imposition) -> (Vec<Mark>, usize, usize) {
    let grid = imp.grid;
    let bounds = grid.bounds();
    let (w, h) = (imp.sheet.width, imp.sheet.height);
    let (above, below) = (bounds.y, h - bounds.bottom());
    let (left, right) = (bounds.x, w - bounds.right());
    let mut front = Vec::new();
    let (mut crop_skipped, mut fold_skipped) = (0, 0);
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
                None if crop => crop_skipped += 1,
                None => fold_skipped += 1,
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
                None if crop => crop_skipped += 1,
                None => fold_skipped += 1,
            }
        }
    }
    (front, crop_skipped, fold_skipped)
}

/// Adds a slug line to every side, centred in the taller free band above or below the
/// grid; returns how many sides had no room for it.
fn add_slugs(imp: &mut Imposition) -> usize {
    let bounds = imp.grid.bounds();
    let (above, below) = (bounds.y, imp.sheet.height - bounds.bottom());
    let total = imp.sheets.len();
    let scheme = imp.scheme;
    let (band_top, band) =
        if below >= above { (bounds.bottom(), below) } else { (0.0, above) };
    let slug_x = bounds.x.max(mm(MARK_OFFSET_MM));
    let mut skipped = 0;
    for (i, sheet) in imp.sheets.iter_mut().enumerate() {
        for (side, name) in [(&mut sheet.front, "front"), (&mut sheet.back, "back")] {
            if band >= mm(SLUG_MIN_MM) {
                side.marks.push(Mark::Slug {
                    x: slug_x,
                    y: band_top + band / 2.0,
                    text: format!(
                        "{{title}} · sheet {}/{total} {name} · {scheme}",
                        i + 1
                    ),
                });
            } else {
                skipped += 1;
            }
        }
    }
    skipped
}

/// Adds each signature's collation mark to the front of its first sheet, inside the
/// printable area; returns how many found no room there.
fn add_collation(imp: &mut Imposition, margin: f64) -> usize {
    let grid = imp.grid;
    let step = mm(COLLATION_STEP_MM);
    let across = mm(COLLATION_WIDTH_MM);
    let (w, h) = (imp.sheet.width, imp.sheet.height);
    let mut skipped = 0;
    for (g, group) in imp.groups.iter().enumerate() {
        // The outermost folio of a signature sits on cell 0 of its first sheet; its
        // front carries the outside of the spine. Steps run from the head down, along
        // the part of the spine the printer reaches.
        let cell = grid.cell_rect(0);
        let rect = match grid.spine {
            Some(Axis::Horizontal) => {
                let (lo, hi) = (cell.x.max(margin), cell.right().min(w - margin));
                let places = ((hi - lo + EPS) / step).floor().max(0.0) as usize;
                let along = (g % places.max(1)) as f64 * step;
                let x = hi - along - step;
                let r =
                    Rect::new(x, cell.y + cell.height / 2.0 - across / 2.0, step, across);
                (places > 0 && r.y >= margin - EPS && r.bottom() <= h - margin + EPS)
                    .then_some(r)
            }
            _ => {
                let (lo, hi) = (cell.y.max(margin), cell.bottom().min(h - margin));
                let places = ((hi - lo + EPS) / step).floor().max(0.0) as usize;
                let along = (g % places.max(1)) as f64 * step;
                let r = Rect::new(
                    cell.x + cell.width / 2.0 - across / 2.0,
                    lo + along,
                    across,
                    step,
                );
                (places > 0 && r.x >= margin - EPS && r.right() <= w - margin + EPS)
                    .then_some(r)
            }
        };
        match rect {
            Some(rect) => imp.sheets[group.first_sheet]
                .front
                .marks
                .push(Mark::Collation { rect, signature: g + 1 }),
            None => skipped += 1,
        }
    }
    skipped
}
