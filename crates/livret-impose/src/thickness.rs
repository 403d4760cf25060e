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

/// How the fix is written: as `livret impose` options or as `[[print]]` preset keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Command-line options (`--scheme signatures --signature-sheets K`).
    Options,
    /// Keys of a `[[print]]` preset in guide.toml (`signature-sheets = K`).
    Preset,
}

/// What is said of a stack too thick: the terminal's warning, its hint, and the note the
/// ticket and the job sheet carry (the same words for `impose` and `build`).
#[derive(Debug, Clone, PartialEq)]
pub struct ThickWarning {
    /// The warning, for the terminal.
    pub message: String,
    /// What to do, for the terminal's `hint:` line.
    pub hint: String,
    /// The same for the ticket and the job sheet, in French.
    pub note_fr: String,
    /// The same for the ticket and the job sheet, in English.
    pub note_en: String,
}

/// The warning for a job whose thickest folded stack is past what folds and staples
/// cleanly (see [`too_thick`]), its fix written as `asked` takes it.
pub fn warning(plan: &Imposition, asked: Asked) -> Option<ThickWarning> {
    let t = too_thick(plan)?;
    let (leaves, limit, paper) = (t.stack.leaves, t.limit, t.paper);
    let (k, count) = (t.sheets_per_signature, t.signatures);
    let signatures = plan.scheme == Scheme::Signatures;
    let hint = match (asked, signatures) {
        (Asked::Options, true) => {
            format!("use --signature-sheets {k} ({count} signatures)")
        }
        (Asked::Options, false) => format!(
            "use --scheme signatures --signature-sheets {k} ({count} signatures, sewn or glued), or --scheme wire"
        ),
        (Asked::Preset, true) => format!(
            "signature-sheets = {k} ({count} signatures) in this [[print]] preset"
        ),
        (Asked::Preset, false) => format!(
            "scheme = \"signatures\" and signature-sheets = {k} ({count} signatures, sewn or glued) in this [[print]] preset, or scheme = \"wire\""
        ),
    };
    let assumed = match (t.assumed, asked) {
        (false, _) => "",
        (true, Asked::Options) => " (assumed: give --paper-weight)",
        (true, Asked::Preset) => " (assumed: give the preset's paper-weight)",
    };
    let mm = crate::geometry::fmt_mm(t.stack.thickness);
    let message = format!(
        "{leaves} sheets or pieces are folded together ({mm} mm): more than the {limit} that fold and staple cleanly on {paper} paper{assumed}"
    );
    let (note_fr, note_en) = (
        format!(
            "Attention : {leaves} feuilles ou morceaux pliés ensemble ({} mm) dépassent les {limit} qui se plient et s'agrafent proprement ; mieux vaut des cahiers de {k} feuilles ({count} cahiers).",
            mm.replace('.', ",")
        ),
        format!(
            "Warning: {leaves} sheets or pieces folded together ({mm} mm) are more than the {limit} that fold and staple cleanly; signatures of {k} sheets ({count} signatures) are better."
        ),
    );
    Some(ThickWarning { message, hint, note_fr, note_en })
}
