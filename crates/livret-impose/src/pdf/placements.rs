//! Where the backend puts each input page on each sheet side, without writing anything:
//! for whoever measures the sides from their pages (the ink of a job).

use super::draw::{free_room, placement};
use super::read::PageGeom;
use super::types::PlaceOptions;
use crate::fit::place;
use crate::geometry::Rect;
use crate::plan::Imposition;
use crate::sides::SideRef;

/// One input page as the backend draws it on a sheet side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PagePlacement {
    /// The input page (0-based).
    pub page: usize,
    /// The `cm` matrix from the page's user space (y up) to the sheet's PDF space (y up,
    /// origin at the bottom-left corner), in PDF's order `[a b c d e f]`.
    pub matrix: [f64; 6],
    /// What shows of the page: the clip on the sheet (pt, top-left origin, y down).
    pub clip: Rect,
}

/// The pages of each side of `order` as the backend draws them, for pages `pages`
/// (already checked against the plan).
pub(super) fn side_placements(
    pages: &[PageGeom],
    plan: &Imposition,
    options: &PlaceOptions,
    order: &[SideRef],
) -> Vec<Vec<PagePlacement>> {
    let sides = order.iter().filter_map(|side| side.get(plan));
    sides
        .map(|side| {
            let room = free_room(&side.slots);
            side.slots
                .iter()
                .zip(&room)
                .filter_map(|(slot, room)| {
                    let index = slot.page?;
                    let page = pages.get(index)?;
                    let fitted =
                        place(page.size(), plan.page, options.fit, options.turn)?;
                    let (matrix, clip) = placement(slot, page, fitted, plan, *room)?;
                    Some(PagePlacement { page: index, matrix, clip })
                })
                .collect()
        })
        .collect()
}
