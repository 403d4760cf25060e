//! The printer's recipe for the folding simulation, taken from a plan's job data only
//! (grid, fold and flip): what the job ticket tells a print shop, in numbers.

use livret_impose::{Axis, Imposition};

use super::fold::{Dir, Recipe};

/// The recipe for `imp`, with `signature_sheets` sheets per signature.
pub fn recipe(imp: &Imposition, signature_sheets: usize) -> Recipe {
    let dir = |axis: Axis| match axis {
        Axis::Vertical => Dir::Vertical,
        Axis::Horizontal => Dir::Horizontal,
    };
    Recipe {
        scheme: imp.scheme.to_string(),
        sheet_width: imp.sheet.width,
        sheet_height: imp.sheet.height,
        grid_x: imp.grid.x,
        grid_y: imp.grid.y,
        cell_width: imp.grid.cell.width,
        cell_height: imp.grid.cell.height,
        cols: imp.grid.cols,
        rows: imp.grid.rows,
        fold: dir(imp.grid.spine.unwrap_or(Axis::Vertical)),
        flip: dir(imp.flip),
        signature_sheets,
    }
}
