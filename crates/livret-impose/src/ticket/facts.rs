//! The job's facts at the head of the ticket and on the job sheet: finished size and
//! bleed, paper, creep, spine, quantity with overs and the paper it takes, the blanks
//! for the shop's own notes; and the pieces to throw away. French numbers are written
//! with a decimal comma.

use super::{Ticket, TicketInfo, mm};
use crate::choice::Scheme;
use crate::geometry::Size;
use crate::paper::Paper;
use crate::plan::Imposition;
use crate::thickness;

/// Spare copies printed beside a quantity: 5 %, at least one.
pub fn overs(quantity: usize) -> usize {
    quantity.div_ceil(20).max(1)
}

/// A cut piece that carries no page on either side, to throw away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leftover {
    /// The sheet, 1-based.
    pub sheet: usize,
    /// The piece, 1-based, in reading order of the front.
    pub piece: usize,
}

/// Every piece of every sheet that carries no page (a signature's empty half, the
/// unused places of a wire job's last sheets).
pub fn leftovers(plan: &Imposition) -> Vec<Leftover> {
    if plan.scheme == Scheme::Zine {
        return Vec::new();
    }
    let cells = plan.grid.cells();
    let mut out = Vec::new();
    for (k, sheet) in plan.sheets.iter().enumerate() {
        for cell in 0..cells {
            let printed = sheet
                .front
                .slots
                .iter()
                .chain(&sheet.back.slots)
                .any(|s| s.cell == cell && s.page.is_some());
            if !printed {
                out.push(Leftover { sheet: k + 1, piece: cell + 1 });
            }
        }
    }
    out
}

/// Millimetres with a decimal comma, for the French lines.
pub(super) fn mm_fr(pt: f64) -> String {
    mm(pt).replace('.', ",")
}

/// A size as `W × H mm`, in French and in English.
fn size(s: Size) -> (String, String) {
    (
        format!("{} × {} mm", mm_fr(s.width), mm_fr(s.height)),
        format!("{} × {} mm", mm(s.width), mm(s.height)),
    )
}

/// Lines in French and in English.
#[derive(Default)]
struct Lines {
    fr: Vec<String>,
    en: Vec<String>,
}

impl Lines {
    fn line(&mut self, fr: String, en: String) {
        self.fr.push(fr);
        self.en.push(en);
    }
}

/// The facts, one line each, French then English.
pub(super) fn facts(plan: &Imposition, info: &TicketInfo) -> (Vec<String>, Vec<String>) {
    let mut out = Lines::default();
    size_line(&mut out, plan, info);
    let paper = paper_line(&mut out, plan);
    stack_lines(&mut out, plan, paper);
    if let Some(q) = info.quantity {
        quantity_line(&mut out, plan, info, q);
    }
    out.line(
        "Client : ________________  N° de travail : __________  Date : __________  Bon à tirer (signature) : ________________".into(),
        "Customer: ________________  Job no.: __________  Date: __________  Approved for print (signature): ________________".into(),
    );
    (out.fr, out.en)
}

/// The finished (trimmed) size, the shrink and the bleed.
fn size_line(out: &mut Lines, plan: &Imposition, info: &TicketInfo) {
    let mut finished = plan.page.scaled(plan.scale);
    if plan.scheme == Scheme::Wire {
        finished.width += plan.binding_margin * plan.scale;
    }
    let (ff, fe) = size(finished);
    let (shrunk_fr, shrunk_en) = if plan.scale < 1.0 - 1e-6 {
        let (of, oe) = size(plan.page);
        let pc = (plan.scale * 100.0).round();
        (
            format!(" (pages réduites à {pc} % de {of})"),
            format!(" (pages shrunk to {pc}% of {oe})"),
        )
    } else {
        (String::new(), String::new())
    };
    let (bleed_fr, bleed_en) = if info.bleed > 0.0 {
        (
            format!(" · fond perdu : {} mm", mm_fr(info.bleed)),
            format!(" · bleed: {} mm", mm(info.bleed)),
        )
    } else {
        (" · sans fond perdu".into(), " · no bleed".into())
    };
    out.line(
        format!("Format fini (après coupe) : {ff}{shrunk_fr}{bleed_fr}"),
        format!("Finished (trimmed) size: {fe}{shrunk_en}{bleed_en}"),
    );
}

/// The paper, as given or assumed; returns it.
fn paper_line(out: &mut Lines, plan: &Imposition) -> Paper {
    let given = plan.paper;
    let paper = given.unwrap_or_default();
    let thick = paper.caliper();
    let (pf, pe) = match given {
        Some(Paper::Weight(g)) => (
            format!("{g} g/m² ({} mm d'épaisseur)", fr_num(thick)),
            format!("{g} g/m² ({} mm thick)", en_num(thick)),
        ),
        Some(Paper::Caliper(_)) => (
            format!("{} mm d'épaisseur", fr_num(thick)),
            format!("{} mm thick", en_num(thick)),
        ),
        None => (
            "non précisé (80 g/m², 0,1 mm, supposé)".into(),
            "not given (80 g/m², 0.1 mm, assumed)".into(),
        ),
    };
    out.line(format!("Papier : {pf}"), format!("Paper: {pe}"));
    paper
}

/// The creep applied and the spine, for jobs that fold a stack.
fn stack_lines(out: &mut Lines, plan: &Imposition, paper: Paper) {
    let Some(stack) = thickness::folded_stack(plan, paper) else { return };
    let deepest = plan
        .sheets
        .iter()
        .flat_map(|s| s.front.slots.iter().chain(&s.back.slots))
        .map(|s| s.shift)
        .fold(0.0, f64::max);
    if plan.creep > 0.0 {
        out.line(
            format!("Chasse (creep) appliquée : {} mm par feuille ; les pages intérieures avancent jusqu'à {} mm vers le pli", fr_num(plan.creep), fr_num(deepest)),
            format!("Creep applied: {} mm per sheet; the innermost pages move up to {} mm toward the fold", en_num(plan.creep), en_num(deepest)),
        );
    } else {
        out.line(
            "Chasse (creep) appliquée : aucune".into(),
            "Creep applied: none".into(),
        );
    }
    out.line(
        format!(
            "Épaisseur au dos : ≈ {} mm ({} feuilles ou morceaux pliés ensemble)",
            fr_num(stack.spine),
            stack.leaves
        ),
        format!(
            "Spine thickness: ≈ {} mm ({} sheets or pieces folded together)",
            en_num(stack.spine),
            stack.leaves
        ),
    );
}

/// The quantity ordered, its overs and the sheets it takes.
fn quantity_line(out: &mut Lines, plan: &Imposition, info: &TicketInfo, q: usize) {
    let t = plan.ticket();
    let o = overs(q);
    let runs = (q + o).div_ceil(t.booklets.max(1));
    let cards = plan.scheme == Scheme::Cards;
    // A run is every sheet once (cards: each sheet one item, the quantity of each).
    let sheets = runs * t.sheets;
    let (what_fr, what_en) =
        if cards { ("cartes", "cards") } else { ("exemplaires", "copies") };
    let name = info.sheet_name.to_uppercase();
    out.line(
        format!(
            "Quantité : {q} {what_fr} + {o} de passe = {} → {sheets} feuilles {name}",
            q + o
        ),
        format!(
            "Quantity: {q} {what_en} + {o} overs = {} → {sheets} sheets of {name}",
            q + o
        ),
    );
}

/// A length in pt as millimetres with up to two decimals and a decimal comma.
fn fr_num(pt: f64) -> String {
    en_num(pt).replace('.', ",")
}

/// A length in pt as millimetres with up to two decimals.
fn en_num(pt: f64) -> String {
    let v = (crate::geometry::to_mm(pt) * 100.0).round() / 100.0;
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The pieces that carry no page, set aside and thrown away.
pub(super) fn leftover_step(out: &mut Ticket, plan: &Imposition) {
    let list = leftovers(plan);
    if list.is_empty() {
        return;
    }
    let cells = plan.grid.cells();
    let name = |l: &Leftover, fr: bool| match (cells > 1, fr) {
        (true, true) => format!("feuille {}, morceau {}", l.sheet, l.piece),
        (true, false) => format!("sheet {}, piece {}", l.sheet, l.piece),
        (false, true) => format!("feuille {}", l.sheet),
        (false, false) => format!("sheet {}", l.sheet),
    };
    let shown = list.len().min(12);
    let more = |fr: bool| {
        if list.len() > shown {
            if fr {
                format!(" et {} autres", list.len() - shown)
            } else {
                format!(" and {} more", list.len() - shown)
            }
        } else {
            String::new()
        }
    };
    let fr: Vec<String> = list[..shown].iter().map(|l| name(l, true)).collect();
    let en: Vec<String> = list[..shown].iter().map(|l| name(l, false)).collect();
    out.step(
        format!(
            "Jetez ce qui ne porte aucune page (vide des deux côtés) : {}{}.",
            fr.join(" ; "),
            more(true)
        ),
        format!(
            "Throw away what carries no page (blank on both sides): {}{}.",
            en.join("; "),
            more(false)
        ),
    );
}
