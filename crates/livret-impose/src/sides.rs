//! Which sheet sides exist and in which order they are written.

use crate::plan::{Imposition, SidePlan};

/// One side of one sheet, 0-based sheet index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRef {
    /// The front of sheet i (output page 2i+1 in a normal print file).
    Front(usize),
    /// The back of sheet i.
    Back(usize),
}

impl SideRef {
    /// The side of `plan` this names; `None` when the plan has no such sheet.
    pub fn get(self, plan: &Imposition) -> Option<&SidePlan> {
        match self {
            SideRef::Front(i) => plan.sheets.get(i).map(|s| &s.front),
            SideRef::Back(i) => plan.sheets.get(i).map(|s| &s.back),
        }
    }
}

/// Every side in print order: front and back of sheet 1, then of sheet 2, …
pub fn all_sides(plan: &Imposition) -> Vec<SideRef> {
    (0..plan.sheets.len()).flat_map(|i| [SideRef::Front(i), SideRef::Back(i)]).collect()
}

/// The sides a print file holds: every front and back, except for a one-sided job (the
/// zine, a one-sided card), printed on its fronts alone.
pub fn print_order(plan: &Imposition) -> Vec<SideRef> {
    if plan.one_sided() {
        (0..plan.sheets.len()).map(SideRef::Front).collect()
    } else {
        all_sides(plan)
    }
}

/// For printers without duplex: the fronts in order, then the backs in the same
/// sheet order, fed again after turning the stack over about the flip axis.
pub fn manual_duplex(plan: &Imposition) -> (Vec<SideRef>, Vec<SideRef>) {
    let n = plan.sheets.len();
    ((0..n).map(SideRef::Front).collect(), (0..n).map(SideRef::Back).collect())
}
