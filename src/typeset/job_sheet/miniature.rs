//! One side of sheet 1 in miniature, from the plan: every page's box with its page
//! number (blanks left white), where its head is, the folds (each spread's spine, the
//! zine's fold marks; flat work has none), the holes of wire binding, the cuts and the
//! zine's slit.

use livret_impose::ticket::{self, Cuts};
use livret_impose::{
    Axis, Edge, Imposition, Line, Mark, Rotation, Scheme, SidePlan, Slot, to_mm,
};

use super::Lang;
use super::canvas::{CUT, Canvas, FOLD, INK, PAGE, dashed, pen};

/// The largest miniature, in mm.
const MAX_WIDTH: f64 = 88.0;
/// The largest miniature height, in mm.
const MAX_HEIGHT: f64 = 78.0;

/// Millimetres on the miniature per point on the sheet.
pub fn scale(plan: &Imposition) -> f64 {
    let (w, h) = (to_mm(plan.sheet.width), to_mm(plan.sheet.height));
    (MAX_WIDTH / w).min(MAX_HEIGHT / h) * to_mm(1.0)
}

/// The miniature of `side` (the back when `back`), as a Typst box.
pub fn side(plan: &Imposition, side: &SidePlan, back: bool, lang: Lang) -> String {
    let s = scale(plan);
    let (w, h) = (plan.sheet.width * s, plan.sheet.height * s);
    let mut c = Canvas::new(w, h);
    c.rect((0.0, 0.0, w, h), Some("white"), Some(pen(INK, 0.8)));
    for slot in &side.slots {
        panel(&mut c, slot, s, lang);
    }
    if !plan.scheme.is_flat() {
        for line in folds(plan, side) {
            let (from, to) = ((line.x1 * s, line.y1 * s), (line.x2 * s, line.y2 * s));
            c.line(from, to, dashed(FOLD, 1.1));
        }
    }
    if plan.scheme == Scheme::Wire {
        holes(&mut c, side, s);
    }
    for line in side.marks.iter().filter_map(|m| match m {
        Mark::Slit(l) => Some(l),
        _ => None,
    }) {
        c.line((line.x1 * s, line.y1 * s), (line.x2 * s, line.y2 * s), pen(CUT, 1.4));
    }
    let cuts = if back { mirrored(plan, ticket::cuts(plan)) } else { ticket::cuts(plan) };
    for y in &cuts.across {
        c.line((-2.0, y * s), (w + 2.0, y * s), pen(CUT, 1.1));
    }
    for x in &cuts.down {
        c.line((x * s, -2.0), (x * s, h + 2.0), pen(CUT, 1.1));
    }
    if side.slots.is_empty() {
        let words = lang.pick("rien à imprimer", "nothing printed");
        c.text((0.0, 0.0, w, h), 9.0, words, ", fill: luma(110)");
    }
    c.finish()
}

/// One page's box: grey with its number, or white and dotted for a blank, with a
/// small triangle at its head.
fn panel(c: &mut Canvas, slot: &Slot, s: f64, lang: Lang) {
    let area = (slot.x * s, slot.y * s, slot.width * s, slot.height * s);
    let (x, y, w, h) = area;
    match slot.page {
        Some(page) => {
            c.rect(area, Some(PAGE), Some(pen("luma(150)", 0.4)));
            let size = (w.min(h) * 0.42 * 2.835).clamp(5.0, 16.0);
            c.text(area, size, &(page + 1).to_string(), ", weight: \"bold\"");
        }
        None => {
            c.rect(area, Some("white"), Some(dashed("luma(150)", 0.4)));
            let size = (w.min(h) * 0.16 * 2.835).clamp(4.0, 7.0);
            c.text(area, size, lang.pick("blanche", "blank"), ", fill: luma(120)");
        }
    }
    // The head: a small triangle inside the box, pointing at the page's top edge.
    let t = (w.min(h) * 0.12).clamp(0.8, 2.0);
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let points = match slot.rotation {
        Rotation::R0 => [(cx, y + 0.5), (cx - t, y + 0.5 + t), (cx + t, y + 0.5 + t)],
        Rotation::R180 => {
            let b = y + h - 0.5;
            [(cx, b), (cx - t, b - t), (cx + t, b - t)]
        }
        Rotation::R90 => {
            let r = x + w - 0.5;
            [(r, cy), (r - t, cy - t), (r - t, cy + t)]
        }
        Rotation::R270 => [(x + 0.5, cy), (x + 0.5 + t, cy - t), (x + 0.5 + t, cy + t)],
    };
    c.polygon(&points, INK);
}

/// The fold lines of a side: each spread's spine (the edge of its pages on the
/// fold), or the zine's fold marks; each line once.
fn folds(plan: &Imposition, side: &SidePlan) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for slot in &side.slots {
        let (x, y, r, b) = (slot.x, slot.y, slot.x + slot.width, slot.y + slot.height);
        let line = |x1, y1, x2, y2| Line { x1, y1, x2, y2 };
        let l = match slot.spine {
            Some(Edge::Left) => line(x, y, x, b),
            Some(Edge::Right) => line(r, y, r, b),
            Some(Edge::Top) => line(x, y, r, y),
            Some(Edge::Bottom) => line(x, b, r, b),
            None => continue,
        };
        let same = |a: &Line| {
            [a.x1 - l.x1, a.y1 - l.y1, a.x2 - l.x2, a.y2 - l.y2]
                .iter()
                .all(|d| d.abs() < 0.5)
        };
        if !lines.iter().any(same) {
            lines.push(l);
        }
    }
    if plan.grid.spine.is_none() {
        lines.extend(side.marks.iter().filter_map(|m| match m {
            Mark::Fold(l) => Some(*l),
            _ => None,
        }));
    }
    lines
}

/// Wire binding: a row of holes along each leaf's spine edge, where it is punched.
fn holes(c: &mut Canvas, side: &SidePlan, s: f64) {
    const HOLES: usize = 6;
    for slot in &side.slots {
        let (x, y, w, h) = (slot.x * s, slot.y * s, slot.width * s, slot.height * s);
        let inset = 1.6;
        let r = (w.min(h) * 0.035).clamp(0.3, 0.8);
        for i in 0..HOLES {
            let f = (i as f64 + 0.5) / HOLES as f64;
            let at = match slot.spine {
                Some(Edge::Left) => (x + inset, y + h * f),
                Some(Edge::Right) => (x + w - inset, y + h * f),
                Some(Edge::Top) => (x + w * f, y + inset),
                Some(Edge::Bottom) => (x + w * f, y + h - inset),
                None => continue,
            };
            c.circle(at, r, "white", Some(pen(INK, 0.4)));
        }
    }
}

/// The cuts of the front as they lie on the back once the sheet is turned about its
/// flip axis.
fn mirrored(plan: &Imposition, cuts: Cuts) -> Cuts {
    match plan.flip {
        Axis::Vertical => Cuts {
            across: cuts.across,
            down: cuts.down.iter().map(|x| plan.sheet.width - x).collect(),
        },
        Axis::Horizontal => Cuts {
            across: cuts.across.iter().map(|y| plan.sheet.height - y).collect(),
            down: cuts.down,
        },
    }
}
