//! A page's ink kept small, and the ink of a printed side composed from its pages.
//!
//! A page is drawn once, small, and its pixels' inks are summed over a coarse grid of
//! cells (at most [`MAX_CELLS`] across or down), for a colour and for a black-and-white
//! printer at once. A side's coverage is then the sum, over the pages placed on it, of
//! each cell's ink times the part of the cell that shows on the sheet (the cell carried
//! by the page's placement, cut by the slot's clip), plus the marks, over the sheet's
//! area. A cell cut by a clip counts as evenly inked; everywhere else the sum is the
//! one drawing the whole side would give, up to the antialiasing of edges.

use super::{Inks, pixel_inks};

/// Most cells across or down a page's grid.
pub const MAX_CELLS: u32 = 16;

/// Fewest pixels on a cell's side.
const MIN_CELL: u32 = 4;

/// An affine map of the plane, in PDF's order: (x, y) → (a·x + c·y + e, b·x + d·y + f).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine(pub [f64; 6]);

impl Affine {
    /// The identity.
    pub const IDENTITY: Affine = Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// Scaling by `sx` across and `sy` down.
    pub fn scale(sx: f64, sy: f64) -> Affine {
        Affine([sx, 0.0, 0.0, sy, 0.0, 0.0])
    }

    /// Moving by (`x`, `y`).
    pub fn translate(x: f64, y: f64) -> Affine {
        Affine([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// Where `(x, y)` goes.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// `self` after `first`: the map that applies `first`, then `self`.
    pub fn after(&self, first: &Affine) -> Affine {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = first.0;
        Affine([
            a * a2 + c * b2,
            b * a2 + d * b2,
            a * c2 + c * d2,
            b * c2 + d * d2,
            a * e2 + c * f2 + e,
            b * e2 + d * f2 + f,
        ])
    }

    /// The inverse map, if there is one.
    pub fn invert(&self) -> Option<Affine> {
        let [a, b, c, d, e, f] = self.0;
        let det = a * d - b * c;
        if !det.is_finite() || det.abs() < 1e-12 {
            return None;
        }
        let (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det);
        Some(Affine([ia, ib, ic, id, -(ia * e + ic * f), -(ib * e + id * f)]))
    }

    /// The box holding the image of the box `(x0, y0, x1, y1)`.
    fn bounds(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        let corners =
            [(x0, y0), (x1, y0), (x0, y1), (x1, y1)].map(|(x, y)| self.apply(x, y));
        let mut r = Rect {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        };
        for (x, y) in corners {
            r = Rect {
                x0: r.x0.min(x),
                y0: r.y0.min(y),
                x1: r.x1.max(x),
                y1: r.y1.max(y),
            };
        }
        r
    }
}

/// A box from (`x0`, `y0`) to (`x1`, `y1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top (or bottom, in a space with y up).
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom (or top, in a space with y up).
    pub y1: f64,
}

impl Rect {
    /// The box at (`x`, `y`) of that width and height.
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect { x0: x, y0: y, x1: x + width, y1: y + height }
    }

    /// Its area, 0 when empty.
    fn area(&self) -> f64 {
        (self.x1 - self.x0).max(0.0) * (self.y1 - self.y0).max(0.0)
    }

    /// The common part of two boxes (empty boxes have no area).
    fn intersect(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        }
    }
}

/// The summed ink of a cell's pixels: colour inks and the black of a grey printer.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Cell {
    c: f32,
    m: f32,
    y: f32,
    k: f32,
    gray: f32,
}

/// One page's ink as a coarse grid of cells over its drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct PageInk {
    /// The drawing's size in pixels.
    width: u32,
    height: u32,
    /// A cell's side in pixels (the last column and row may be narrower).
    cell: u32,
    cols: u32,
    rows: u32,
    /// The mean ink of each cell's pixels, row by row.
    cells: Vec<Cell>,
    /// From the drawing's pixels to the page's own coordinates.
    to_page: Affine,
}

impl PageInk {
    /// The grid of a page drawn as premultiplied RGBA pixels over white paper, `width`
    /// by `height`; `to_page` takes pixel coordinates to the page's coordinates.
    pub fn from_pixels(
        premultiplied: &[u8],
        width: u32,
        height: u32,
        to_page: Affine,
    ) -> PageInk {
        let cell = width.max(height).div_ceil(MAX_CELLS).max(MIN_CELL);
        let (cols, rows) = (width.div_ceil(cell).max(1), height.div_ceil(cell).max(1));
        let mut sums = vec![Cell::default(); (cols * rows) as usize];
        let mut memo: Option<([u8; 4], Cell)> = None;
        for (i, px) in premultiplied.chunks_exact(4).enumerate() {
            // Paper (white or transparent) is most of a page: no ink to add.
            if px[3] == 0 || px == [255, 255, 255, 255] {
                continue;
            }
            let (x, y) = (i as u32 % width, i as u32 / width);
            let key = [px[0], px[1], px[2], px[3]];
            let ink = match memo {
                Some((k, ink)) if k == key => ink,
                _ => {
                    let ink = pixel_cell(key);
                    memo = Some((key, ink));
                    ink
                }
            };
            let s = &mut sums[((y / cell) * cols + x / cell) as usize];
            s.c += ink.c;
            s.m += ink.m;
            s.y += ink.y;
            s.k += ink.k;
            s.gray += ink.gray;
        }
        for (i, s) in sums.iter_mut().enumerate() {
            let (col, row) = (i as u32 % cols, i as u32 / cols);
            let w = (width - col * cell).min(cell);
            let h = (height - row * cell).min(cell);
            let n = (w * h).max(1) as f32;
            *s =
                Cell { c: s.c / n, m: s.m / n, y: s.y / n, k: s.k / n, gray: s.gray / n };
        }
        PageInk { width, height, cell, cols, rows, cells: sums, to_page }
    }

    /// A page `width` by `height` pixels (the size it would be drawn at; `to_page` as
    /// for [`PageInk::from_pixels`]) not drawn but estimated: every cell holds the same
    /// ink, `colour` for a colour printer and `gray` (black) for a black-and-white one.
    pub fn uniform(
        width: u32,
        height: u32,
        to_page: Affine,
        colour: Inks,
        gray: f64,
    ) -> PageInk {
        let cell = width.max(height).div_ceil(MAX_CELLS).max(MIN_CELL);
        let (cols, rows) = (width.div_ceil(cell).max(1), height.div_ceil(cell).max(1));
        let one = Cell {
            c: colour.c as f32,
            m: colour.m as f32,
            y: colour.y as f32,
            k: colour.k as f32,
            gray: gray as f32,
        };
        let cells = vec![one; (cols * rows) as usize];
        PageInk { width, height, cell, cols, rows, cells, to_page }
    }

    /// The mean ink of the whole drawing.
    pub fn mean(&self, gray: bool) -> Inks {
        let mut sum = Inks::default();
        for (i, cell) in self.cells.iter().enumerate() {
            let r = self.cell_rect(i);
            sum = sum.add(cell_inks(cell, gray).scaled(r.area()));
        }
        let area = (self.width as f64 * self.height as f64).max(1.0);
        sum.div(area)
    }

    /// Cell `i`'s box in pixels.
    fn cell_rect(&self, i: usize) -> Rect {
        let (col, row) = (i as u32 % self.cols, i as u32 / self.cols);
        let x0 = col * self.cell;
        let y0 = row * self.cell;
        Rect {
            x0: x0 as f64,
            y0: y0 as f64,
            x1: (x0 + self.cell).min(self.width) as f64,
            y1: (y0 + self.cell).min(self.height) as f64,
        }
    }

    /// The memory the grid takes, in bytes (for bounding caches).
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<PageInk>() + self.cells.len() * std::mem::size_of::<Cell>()
    }

    /// Appends the grid to `out`, exactly (little-endian): sizes, the map, then a bit
    /// per cell saying whether it has ink, and the inked cells' five numbers.
    pub fn encode(&self, out: &mut Vec<u8>) {
        for v in [self.width, self.height, self.cell, self.cols, self.rows] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in self.to_page.0 {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut bits = vec![0u8; self.cells.len().div_ceil(8)];
        for (i, c) in self.cells.iter().enumerate() {
            if *c != Cell::default() {
                bits[i / 8] |= 1 << (i % 8);
            }
        }
        out.extend_from_slice(&bits);
        for c in self.cells.iter().filter(|c| **c != Cell::default()) {
            for v in [c.c, c.m, c.y, c.k, c.gray] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }

    /// A grid [`PageInk::encode`] wrote at the start of `bytes`, and the bytes it took;
    /// `None` if they do not hold a whole, sane grid.
    pub fn decode(bytes: &[u8]) -> Option<(PageInk, usize)> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let part = bytes.get(at..at.checked_add(n)?)?;
            at += n;
            Some(part)
        };
        let mut sizes = [0u32; 5];
        for v in &mut sizes {
            *v = u32::from_le_bytes(take(4)?.try_into().ok()?);
        }
        let [width, height, cell, cols, rows] = sizes;
        let sane = cell >= 1
            && cols == width.div_ceil(cell).max(1)
            && rows == height.div_ceil(cell).max(1)
            && cols <= 4 * MAX_CELLS
            && rows <= 4 * MAX_CELLS;
        if !sane {
            return None;
        }
        let mut map = [0f64; 6];
        for v in &mut map {
            *v = f64::from_le_bytes(take(8)?.try_into().ok()?);
        }
        let n = (cols * rows) as usize;
        let bits = take(n.div_ceil(8))?.to_vec();
        let mut cells = vec![Cell::default(); n];
        for (i, cell) in cells.iter_mut().enumerate() {
            if bits[i / 8] & (1 << (i % 8)) != 0 {
                let mut v = [0f32; 5];
                for x in &mut v {
                    *x = f32::from_le_bytes(take(4)?.try_into().ok()?);
                }
                *cell = Cell { c: v[0], m: v[1], y: v[2], k: v[3], gray: v[4] };
            }
        }
        let ink =
            PageInk { width, height, cell, cols, rows, cells, to_page: Affine(map) };
        Some((ink, at))
    }
}

/// One pixel's inks, colour and grey.
fn pixel_cell(px: [u8; 4]) -> Cell {
    let over = |c: u8| (c as f64 + (255 - px[3]) as f64) / 255.0;
    let (r, g, b) = (over(px[0]), over(px[1]), over(px[2]));
    let colour = pixel_inks(r, g, b, false);
    let grey = pixel_inks(r, g, b, true);
    Cell {
        c: colour.c as f32,
        m: colour.m as f32,
        y: colour.y as f32,
        k: colour.k as f32,
        gray: grey.k as f32,
    }
}

/// A cell's inks for a colour or a grey printer.
fn cell_inks(cell: &Cell, gray: bool) -> Inks {
    if gray {
        Inks { k: cell.gray as f64, ..Inks::default() }
    } else {
        Inks { c: cell.c as f64, m: cell.m as f64, y: cell.y as f64, k: cell.k as f64 }
    }
}

/// A page placed on a side: its ink, the map from its coordinates to the sheet's
/// (pt, top-left origin, y down), and the box it is clipped to on the sheet.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    /// The page's ink.
    pub ink: &'a PageInk,
    /// From the page's coordinates to the sheet's.
    pub to_sheet: Affine,
    /// What shows of it, on the sheet.
    pub clip: Rect,
}

/// The coverage of a side `width` by `height` pt: its placed pages, plus `marks` (the
/// ink of the marks, as a share of the side).
pub fn compose(
    width: f64,
    height: f64,
    placed: &[Placed],
    marks: Inks,
    gray: bool,
) -> Inks {
    let sheet = Rect { x0: 0.0, y0: 0.0, x1: width, y1: height };
    let area = width * height;
    if !(area.is_finite() && area > 0.0) {
        return Inks::default();
    }
    let mut sum = Inks::default();
    for p in placed {
        let map = p.to_sheet.after(&p.ink.to_page);
        let shown = p.clip.intersect(&sheet);
        if shown.area() <= 0.0 {
            continue;
        }
        for (i, cell) in p.ink.cells.iter().enumerate() {
            if *cell == Cell::default() {
                continue;
            }
            let r = p.ink.cell_rect(i);
            let on_sheet = map.bounds(r.x0, r.y0, r.x1, r.y1);
            let visible = on_sheet.intersect(&shown).area();
            if visible > 0.0 {
                sum = sum.add(cell_inks(cell, gray).scaled(visible));
            }
        }
    }
    sum.div(area).add(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w` × `h` drawing, black where `black(x, y)`, else white.
    fn drawing(w: u32, h: u32, black: impl Fn(u32, u32) -> bool) -> Vec<u8> {
        let mut px = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = if black(x, y) { 0 } else { 255 };
                px.extend_from_slice(&[v, v, v, 255]);
            }
        }
        px
    }

    #[test]
    fn maps_compose_and_invert() {
        let m = Affine::translate(10.0, 5.0).after(&Affine::scale(2.0, 3.0));
        assert_eq!(m.apply(1.0, 1.0), (12.0, 8.0));
        let back = m.invert().unwrap().apply(12.0, 8.0);
        assert!((back.0 - 1.0).abs() < 1e-12 && (back.1 - 1.0).abs() < 1e-12);
        assert!(Affine::scale(0.0, 1.0).invert().is_none());
    }

    #[test]
    fn a_half_black_page_is_half_black_and_its_placed_halves_add_up() {
        // The left half black: 0.5 on the page (its edge on a cell's, 4 pixels wide).
        let page = PageInk::from_pixels(
            &drawing(96, 60, |x, _| x < 48),
            96,
            60,
            Affine::IDENTITY,
        );
        assert!((page.mean(false).k - 0.5).abs() < 1e-6);
        assert!((page.mean(true).k - 0.5).abs() < 1e-6);
        // Placed at half size on a 96 × 60 side: a quarter of its area, 1/8 black.
        let placed = Placed {
            ink: &page,
            to_sheet: Affine::scale(0.5, 0.5),
            clip: Rect::new(0.0, 0.0, 48.0, 30.0),
        };
        let side = compose(96.0, 60.0, &[placed], Inks::default(), false);
        assert!((side.k - 0.125).abs() < 1e-6, "{side:?}");
        // Clipped to its right (white) half: nothing.
        let clipped = Placed { clip: Rect::new(24.0, 0.0, 24.0, 30.0), ..placed };
        assert!(compose(96.0, 60.0, &[clipped], Inks::default(), false).k < 1e-9);
        // Turned upside down (x → 96 − x): the black half is now on the right.
        let turned = Placed {
            ink: &page,
            to_sheet: Affine([-1.0, 0.0, 0.0, -1.0, 96.0, 60.0]),
            clip: Rect::new(48.0, 0.0, 48.0, 60.0),
        };
        let side = compose(96.0, 60.0, &[turned], Inks::default(), false);
        assert!((side.k - 0.5).abs() < 1e-6, "{side:?}");
    }

    #[test]
    fn colour_and_grey_come_from_one_drawing() {
        // Pure red everywhere: magenta and yellow in colour, a dark grey in black only.
        let red: Vec<u8> = [255u8, 0, 0, 255].repeat(64);
        let page = PageInk::from_pixels(&red, 8, 8, Affine::IDENTITY);
        let colour = page.mean(false);
        assert!((colour.m - 1.0).abs() < 1e-6 && (colour.y - 1.0).abs() < 1e-6);
        assert_eq!(colour.k, 0.0);
        assert!((page.mean(true).k - 0.7874).abs() < 1e-3);
        assert!(page.bytes() < 2000);
    }

    #[test]
    fn a_grid_reads_back_exactly_and_damage_is_refused() {
        let page = PageInk::from_pixels(
            &drawing(96, 60, |x, y| x < 30 && y > 7),
            96,
            60,
            Affine([2.88, 0.0, 0.0, -2.88, 0.0, 500.0]),
        );
        let mut bytes = Vec::new();
        page.encode(&mut bytes);
        let (back, used) = PageInk::decode(&bytes).unwrap();
        assert_eq!((back, used), (page, bytes.len()));
        assert!(PageInk::decode(&bytes[..bytes.len() - 1]).is_none());
        let mut odd = bytes.clone();
        odd[12] = 99; // the column count no longer matches the size
        assert!(PageInk::decode(&odd).is_none());
    }
}
