//! A duplex printer as the paper sees it, knowing nothing of the planner: its driver
//! turns a landscape page a quarter (clockwise or counter-clockwise, as drivers differ)
//! to feed the paper portrait, and it prints every back displaced by a fixed
//! misregistration in its own frame (the back's image as fed).
//!
//! Coordinates: pt, origin top-left, y down; `displayed` points are on a PDF page as
//! displayed, `fed` points on the page image as the printer lays it on the paper.

/// Which way the driver turns a landscape page to feed it portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// A quarter clockwise.
    Clockwise,
    /// A quarter counter-clockwise.
    CounterClockwise,
}

/// A printer: how its driver turns landscape pages, and how far off it prints backs.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    /// The driver's turn for landscape pages (portrait pages go through as they are).
    pub turn: Turn,
    /// Where every back lands relative to where it should, in the fed image's frame:
    /// (right, down) in pt.
    pub misregistration: (f64, f64),
}

impl Printer {
    /// Where a point of a page displayed `width` × `height` lands on the fed image.
    pub fn feed(&self, (width, height): (f64, f64), (x, y): (f64, f64)) -> (f64, f64) {
        if width <= height {
            return (x, y);
        }
        match self.turn {
            Turn::Clockwise => (height - y, x),
            Turn::CounterClockwise => (y, width - x),
        }
    }

    /// Where a point of a back page lands on the paper, misregistration included, on
    /// the fed image's frame.
    pub fn print_back(&self, page: (f64, f64), point: (f64, f64)) -> (f64, f64) {
        let (x, y) = self.feed(page, point);
        (x + self.misregistration.0, y + self.misregistration.1)
    }

    /// The displayed point of a page whose fed image point is `fed` (the driver's turn
    /// undone).
    pub fn unfeed(&self, (width, height): (f64, f64), (u, v): (f64, f64)) -> (f64, f64) {
        if width <= height {
            return (u, v);
        }
        match self.turn {
            Turn::Clockwise => (v, height - u),
            Turn::CounterClockwise => (width - v, u),
        }
    }

    /// What an operator reads on a calibration sheet displayed `page` (its size, as
    /// drawn) whose back cross is drawn at `back_cross` (the displayed back point lying
    /// behind the front's cross): looking at the back, how far right and up (pt) the
    /// front's cross is from the back's printed cross, as `livret calibrate` asks.
    pub fn read_calibration(
        &self,
        page: (f64, f64),
        back_cross: (f64, f64),
    ) -> (f64, f64) {
        // The front's cross is seen from the back where the back's cross should be; the
        // back's cross is printed displaced, and seen at the displayed point of its image.
        let printed = self.unfeed(page, self.print_back(page, back_cross));
        (back_cross.0 - printed.0, -(back_cross.1 - printed.1))
    }
}
