//! The ink of a side's marks, from their geometry: lines and fills by their area, slug
//! text by an estimate per letter. Both backends print marks black (typst frames) or
//! in registration colour, which a drawing shows black: black ink only.

use livret_impose::Drawing;

use super::Inks;

/// The inked share of a letter's square (its size by its size), for slug text: about
/// what a line of small sans-serif capitals and digits covers.
const LETTER_INK: f64 = 0.12;

/// The black the `drawings` of a side `width` by `height` pt cover, as a share of it.
pub fn marks_ink(drawings: &[Drawing], width: f64, height: f64) -> Inks {
    let area = width * height;
    if !(area.is_finite() && area > 0.0) {
        return Inks::default();
    }
    let sheet = (0.0, 0.0, width, height);
    let inked: f64 = drawings
        .iter()
        .map(|d| match d {
            Drawing::Line { line, stroke } => {
                let length = clipped_length((line.x1, line.y1, line.x2, line.y2), sheet);
                length * stroke.width * dashed_share(stroke.dash)
            }
            Drawing::Fill { rect, .. } => {
                let x = (rect.x.max(0.0), (rect.x + rect.width).min(width));
                let y = (rect.y.max(0.0), (rect.y + rect.height).min(height));
                (x.1 - x.0).max(0.0) * (y.1 - y.0).max(0.0)
            }
            Drawing::Text { size, text, .. } => {
                let letters = text.chars().filter(|c| !c.is_whitespace()).count();
                letters as f64 * size * size * LETTER_INK
            }
        })
        .sum();
    Inks { k: (inked / area).min(1.0), ..Inks::default() }
}

/// The share of a dashed line that is inked (1 for a solid one).
fn dashed_share(dash: &[f64]) -> f64 {
    let total: f64 = dash.iter().sum();
    if dash.is_empty() || total <= 0.0 {
        return 1.0;
    }
    // A pattern of odd length repeats twice, on and off swapping.
    let on: f64 =
        if dash.len().is_multiple_of(2) { dash.iter().step_by(2).sum() } else { total };
    let period = if dash.len().is_multiple_of(2) { total } else { 2.0 * total };
    on / period
}

/// The length of the segment inside the box `(x0, y0, x1, y1)`.
fn clipped_length(seg: (f64, f64, f64, f64), bounds: (f64, f64, f64, f64)) -> f64 {
    let (ax, ay, bx, by) = seg;
    let (dx, dy) = (bx - ax, by - ay);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, ax - bounds.0),
        (dx, bounds.2 - ax),
        (-dy, ay - bounds.1),
        (dy, bounds.3 - ay),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return 0.0;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t1 <= t0 { 0.0 } else { (t1 - t0) * dx.hypot(dy) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_and_clipping() {
        assert_eq!(dashed_share(&[]), 1.0);
        assert_eq!(dashed_share(&[3.0, 1.0]), 0.75);
        assert_eq!(dashed_share(&[2.0]), 0.5);
        assert_eq!(
            clipped_length((-10.0, 5.0, 10.0, 5.0), (0.0, 0.0, 100.0, 100.0)),
            10.0
        );
        assert_eq!(
            clipped_length((0.0, -5.0, 10.0, -5.0), (0.0, 0.0, 100.0, 100.0)),
            0.0
        );
    }
}
