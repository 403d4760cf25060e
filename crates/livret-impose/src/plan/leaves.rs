//! Flat schemes: `cards` (one item per sheet in step and repeat, its back registered
//! behind its front) and `wire` (single leaves cut and stacked for wire, spiral or comb
//! binding, a binding margin on the spine edge). Nothing is folded.

use super::mark_layout::add_marks;
use super::spreads::{Layout, layout_cells};
use super::{
    BackOffset, Group, Imposition, MAX_SLOTS, PlanError, PlanOptions, SheetPlan, Slot,
    flip_axis, sequence,
};
use crate::choice::{Axis, Binding, Blanks, Edge, Rotation, Scheme};
use crate::geometry::{Rect, Size};

/// One leaf: its front and back booklet pages (`None`: one-sided, no back).
struct Leaf {
    front: usize,
    back: Option<usize>,
}

/// Plans `cards` and `wire`.
pub(super) fn plan_leaves(
    pages: usize,
    opts: &PlanOptions,
) -> Result<Imposition, PlanError> {
    let wire = opts.scheme == Scheme::Wire;
    let margin = if wire { opts.binding_margin } else { 0.0 };
    let cell = Size::new(opts.page.width + margin, opts.page.height);
    let layout = layout_cells(opts, cell, &[false], true, |_| None)?;
    let cells = layout.grid.cells();
    // A single page is a one-sided card; otherwise pages go in pairs, front and back.
    let two_sided = wire || pages > 1;
    let leaves = if two_sided { pages.div_ceil(2) } else { 1 };
    let copies = if wire { 1 } else { cells };
    let slots = leaves.saturating_mul(2).saturating_mul(copies);
    if slots > MAX_SLOTS {
        return Err(PlanError::TooLarge { slots });
    }
    let padded = if two_sided { 2 * leaves } else { 1 };
    let blanks = if wire { opts.blanks } else { Blanks::End };
    let seq = sequence(pages, padded, blanks);
    let sheets_count = if wire { leaves.div_ceil(cells) } else { leaves };
    let flip = flip_axis(layout.sheet, opts.duplex);
    let mut sheets = vec![SheetPlan::default(); sheets_count];
    let scaled_margin = margin * layout.scale;
    for j in 0..leaves {
        let leaf = Leaf {
            front: if two_sided { 2 * j } else { 0 },
            back: two_sided.then_some(2 * j + 1),
        };
        let targets: Vec<(usize, usize)> = if wire {
            vec![(j % sheets_count, j / sheets_count)]
        } else {
            (0..cells).map(|c| (j, c)).collect()
        };
        for (sheet, c) in targets {
            let place =
                Place { layout: &layout, flip, margin: scaled_margin, wire, opts };
            place.leaf(&mut sheets[sheet], c, &leaf, &seq);
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
        blanks,
        grid: layout.grid,
        groups: vec![Group {
            first_sheet: 0,
            sheets: sheets_count,
            folios: 0,
            first_page: 0,
        }],
        creep: 0.0,
        sheets,
        skipped_marks: 0,
        skipped: Default::default(),
        binding: if wire { opts.binding } else { Binding::Left },
        back_offset: BackOffset::default(),
        binding_margin: margin,
        paper: None,
    };
    add_marks(&mut imposition, opts.printer_margin);
    if !two_sided {
        for sheet in &mut imposition.sheets {
            sheet.back.marks.clear();
        }
    }
    Ok(imposition)
}

/// Where leaves go on a sheet.
struct Place<'a> {
    layout: &'a Layout,
    flip: Axis,
    margin: f64,
    wire: bool,
    opts: &'a PlanOptions,
}

impl Place<'_> {
    /// Places `leaf` on cell `cell` of `sheet`, its back behind its front.
    fn leaf(
        &self,
        sheet: &mut SheetPlan,
        cell: usize,
        leaf: &Leaf,
        seq: &[Option<usize>],
    ) {
        let (w, h) = (self.layout.sheet.width, self.layout.sheet.height);
        let page = self.layout.page;
        let front_cell = self.layout.grid.cell_rect(cell);
        // The spine edge of the front: left for left binding (wire only).
        let spine_left = self.opts.binding == Binding::Left;
        let spine =
            |left: bool| self.wire.then_some(if left { Edge::Left } else { Edge::Right });
        let slot = |k: usize, r: Rect, left: bool, rotation: Rotation| Slot {
            page: seq[k],
            booklet_page: k,
            x: if left { r.x + self.margin } else { r.x },
            y: r.y,
            width: page.width,
            height: page.height,
            rotation,
            shift: 0.0,
            spine: spine(left),
            cell,
        };
        sheet.front.slots.push(slot(leaf.front, front_cell, spine_left, Rotation::R0));
        let Some(back) = leaf.back else { return };
        // The back as seen after turning the leaf over about its vertical edge (as a
        // page is turned): the cell mirrored left to right, the spine on the other side.
        let mut back_cell = front_cell;
        back_cell.x = w - front_cell.right();
        let mut s = slot(back, back_cell, !spine_left, Rotation::R0);
        if self.flip != Axis::Vertical {
            // The printer flips top to bottom: that view turned 180°.
            s.x = w - s.x - s.width;
            s.y = h - s.y - s.height;
            s.rotation = Rotation::R180;
            s.spine = s.spine.map(Edge::opposite);
        }
        sheet.back.slots.push(s);
    }
}
