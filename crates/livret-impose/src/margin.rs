//! The printer's unprintable margin: how far page content reaches into it.

use super::plan::{Imposition, Rotation};

/// Content reaching into the unprintable margin of the sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Intrusion {
    /// The deepest reach into the margin, in pt.
    pub depth: f64,
    /// How many placed pages reach into it.
    pub pages: usize,
    /// The first such page (0-based input index).
    pub first_page: usize,
}

/// Checks every placed page against the printable area (the sheet less `margin` pt on
/// every side). `bounds[i]` is the content box of input page i in the page's own
/// coordinates, pt from its top-left (x0, y0, x1, y1); `None` for an empty page.
pub fn intrusion(
    plan: &Imposition,
    margin: f64,
    bounds: &[Option<(f64, f64, f64, f64)>],
) -> Option<Intrusion> {
    let mut found: Option<Intrusion> = None;
    for (page, depth) in placements(plan, margin, bounds) {
        let entry =
            found.get_or_insert(Intrusion { depth: 0.0, pages: 0, first_page: page });
        entry.depth = entry.depth.max(depth);
        entry.pages += 1;
        entry.first_page = entry.first_page.min(page);
    }
    found
}

/// The input pages (0-based, in order, each once) whose content reaches into the
/// margin somewhere it is placed, with the deepest reach of each, in pt.
pub fn intruding_pages(
    plan: &Imposition,
    margin: f64,
    bounds: &[Option<(f64, f64, f64, f64)>],
) -> Vec<(usize, f64)> {
    let mut deepest: std::collections::BTreeMap<usize, f64> = Default::default();
    for (page, depth) in placements(plan, margin, bounds) {
        let d = deepest.entry(page).or_insert(0.0);
        *d = d.max(depth);
    }
    deepest.into_iter().collect()
}

/// Every placement reaching into the margin: its input page and how deep, in pt.
fn placements(
    plan: &Imposition,
    margin: f64,
    bounds: &[Option<(f64, f64, f64, f64)>],
) -> Vec<(usize, f64)> {
    let (w, h) = (plan.sheet.width, plan.sheet.height);
    let mut found = Vec::new();
    for side in plan.sheets.iter().flat_map(|s| [&s.front, &s.back]) {
        for slot in &side.slots {
            let Some(page) = slot.page else { continue };
            let Some(Some((x0, y0, x1, y1))) = bounds.get(page).copied() else {
                continue;
            };
            let s = plan.scale;
            let (sw, sh) = (slot.width, slot.height);
            // Page point (u, v), scaled, turned into the slot's box.
            let place = |u: f64, v: f64| -> (f64, f64) {
                let (u, v) = (u * s, v * s);
                match slot.rotation {
                    Rotation::R0 => (u, v),
                    Rotation::R90 => (sw - v, u),
                    Rotation::R180 => (sw - u, sh - v),
                    Rotation::R270 => (v, sh - u),
                }
            };
            let (dx, dy) = slot.content_offset();
            let corners = [place(x0, y0), place(x1, y0), place(x0, y1), place(x1, y1)];
            // Clipped to the slot, as placement clips.
            let xs = corners.iter().map(|c| (c.0 + dx).clamp(0.0, sw) + slot.x);
            let ys = corners.iter().map(|c| (c.1 + dy).clamp(0.0, sh) + slot.y);
            let (min_x, max_x) =
                xs.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
            let (min_y, max_y) =
                ys.fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
            let depth = [
                margin - min_x,
                max_x - (w - margin),
                margin - min_y,
                max_y - (h - margin),
            ]
            .into_iter()
            .fold(0.0_f64, f64::max);
            if depth > 0.01 {
                found.push((page, depth));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PlanOptions, Scheme, SheetSize, Size, mm, plan};

    #[test]
    fn content_near_the_sheet_edge_is_found() {
        // A6 on A4 cutstack: the spreads touch the sheet's left and right edges.
        let opts = PlanOptions::new(
            Scheme::Cutstack,
            SheetSize::A4.size(),
            Size::from_mm(105.0, 148.0),
        );
        let imp = plan(8, &opts).unwrap();
        let page = (mm(1.0), mm(20.0), mm(104.0), mm(128.0)); // 1 mm from each side edge
        let hit = intrusion(&imp, mm(4.0), &vec![Some(page); 8]).unwrap();
        assert!((hit.depth - mm(3.0)).abs() < 0.01, "{}", hit.depth);
        // Pages on the outer edge of a spread reach the margin: half of all placements.
        assert_eq!(hit.pages, 8);
        let safe = (mm(6.0), mm(20.0), mm(99.0), mm(128.0));
        assert_eq!(intrusion(&imp, mm(4.0), &vec![Some(safe); 8]), None);
    }
}
