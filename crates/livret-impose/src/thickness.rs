//! A plan's folded stacks on a paper: how many sheets or pieces fold together, how thick
//! they are, the spine they make, and the signatures to use when that is too thick.

use crate::choice::Scheme;
use crate::paper::{Paper, fold_limit};
use crate::plan::Imposition;

/// A stack folded at once: how many sheets (or pieces) and how thick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoldedStack {
    /// Sheets or pieces folded together (the largest such stack of the job).
    pub leaves: usize,
    /// Its thickness before folding, in pt.
    pub thickness: f64,
    /// The spine of the folded booklet (twice the stack), in pt.
    pub spine: f64,
}

/// The largest stack the job folds at once (saddle: every sheet; cutstack: every piece;
/// copies: one booklet's sheets; signatures: one signature's pieces); `None` for the
/// zine and flat schemes, which fold no stack.
pub fn folded_stack(plan: &Imposition, paper: Paper) -> Option<FoldedStack> {
    let t = plan.ticket();
    let leaves = match plan.scheme {
        Scheme::Zine | Scheme::Cards | Scheme::Wire => return None,
        Scheme::Saddle | Scheme::Copies => t.sheets,
        Scheme::Cutstack => t.sheets * t.piles,
        Scheme::Signatures => {
            t.sheets_per_signature.iter().copied().max().unwrap_or(1) * t.piles
        }
    };
    let thickness = leaves as f64 * paper.caliper();
    Some(FoldedStack { leaves, thickness, spine: 2.0 * thickness })
}

/// The signatures to suggest when the stack is too thick: sheets per signature (pieces
/// per signature divided by the pieces each sheet is cut into) and how many signatures.
pub fn suggested_signatures(plan: &Imposition, paper: Paper) -> (usize, usize) {
    let t = plan.ticket();
    let per_sheet = t.piles.max(1);
    let k = (fold_limit(paper) / per_sheet).max(1);
    let folios = plan.padded.div_ceil(4);
    let sheets_needed = folios.div_ceil(per_sheet);
    (k, sheets_needed.div_ceil(k))
}

/// A folded stack too thick to fold and staple cleanly, and the signatures to use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooThick {
    /// The thickest stack the job folds at once.
    pub stack: FoldedStack,
    /// How many sheets or pieces fold cleanly together on this paper.
    pub limit: usize,
    /// The paper (as given, or assumed).
    pub paper: Paper,
    /// Whether the paper was assumed (none given).
    pub assumed: bool,
    /// Sheets per signature to use instead.
    pub sheets_per_signature: usize,
    /// Signatures that makes.
    pub signatures: usize,
}

/// The job's thickest folded stack when it is past what folds and staples cleanly on
/// its paper (80 g/m² assumed when none was given).
pub fn too_thick(plan: &Imposition) -> Option<TooThick> {
    let paper = plan.paper.unwrap_or_default();
    let stack = folded_stack(plan, paper)?;
    let limit = fold_limit(paper);
    if stack.leaves <= limit {
        return None;
    }
    let (sheets_per_signature, signatures) = suggested_signatures(plan, paper);
    Some(TooThick {
        stack,
        limit,
        paper,
        assumed: plan.paper.is_none(),
        sheets_per_signature,
        signatures,
    })
}
