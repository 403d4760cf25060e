//! Spread schemes: saddle, cutstack, copies and signatures.

use super::mark_layout::add_marks;
use super::{
    BackOffset, DEFAULT_SIGNATURE_SHEETS, Grid, Group, Imposition, MAX_SLOTS, PlanError,
    PlanOptions, SheetPlan, Slot, fit_count, flip_axis, sequence, suggest,
};
use crate::choice::{Axis, Binding, Edge, Rotation, Scheme};
use crate::geometry::{EPS, Orientation, Rect, Size};

/// The chosen sheet orientation and grid, and the page size after scaling.
pub(super) struct Layout {
    /// The sheet as displayed.
    pub(super) sheet: Size,
    /// The cells on it.
    pub(super) grid: Grid,
    /// One page, scaled.
    pub(super) page: Size,
    /// The uniform scale.
    pub(super) scale: f64,
}

/// Picks orientation and grid for spread schemes: most cells; ties prefer a grid clear of
/// the printer's margin, then unrotated spreads, then portrait.
fn layout_spreads(opts: &PlanOptions) -> Result<Layout, PlanError> {
    let spread = Size::new(2.0 * opts.page.width, opts.page.height);
    let many = opts.scheme != Scheme::Saddle;
    let spine =
        |turned: bool| Some(if turned { Axis::Horizontal } else { Axis::Vertical });
    layout_cells(opts, spread, &[false, true], many, spine)
}

/// Picks the sheet's orientation and a grid of `cell`s (each possibly turned a quarter,
/// as `turns` allows): most cells (one only unless `many`); ties prefer a grid clear of
/// the printer's margin, then the earlier turn, then portrait. `spine` gives the grid's
/// fold direction for a turn. Shrinks into the printable area when asked, or when not
/// even one cell fits and shrinking is on.
pub(super) fn layout_cells(
    opts: &PlanOptions,
    cell: Size,
    turns: &[bool],
    many: bool,
    spine: impl Fn(bool) -> Option<Axis>,
) -> Result<Layout, PlanError> {
    let mut options = Vec::with_capacity(4);
    let sheets = match opts.sheet_orientation {
        None => vec![opts.sheet.portrait(), opts.sheet.landscape()],
        Some(Orientation::Portrait) => vec![opts.sheet.portrait()],
        Some(Orientation::Landscape) => vec![opts.sheet.landscape()],
    };
    for &rotated in turns {
        for &sheet in &sheets {
            let cell = if rotated { cell.rotated() } else { cell };
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
                needed: cell,
                sheet: opts.sheet.portrait(),
                suggestion: suggest(|s| cell.fits_in(s) || cell.rotated().fits_in(s)),
            });
        }
        // Shrink one cell: take the option giving the largest scale.
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
        spine: spine(rotated),
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
        Scheme::Saddle | Scheme::Copies | Scheme::Zine | Scheme::Cards | Scheme::Wire => {
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
pub(super) fn plan_spreads(
    pages: usize,
    opts: &PlanOptions,
) -> Result<Imposition, PlanError> {
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
        skipped: Default::default(),
        binding: opts.binding,
        back_offset: BackOffset::default(),
        binding_margin: 0.0,
        paper: None,
    };
    if opts.binding == Binding::Right {
        mirror_spreads(&mut imposition);
    }
    add_marks(&mut imposition, opts.printer_margin);
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
