//! The ticket's steps for flat work: cards cut apart, leaves cut, stacked and bound with
//! wire, spiral or comb.

use super::{Ticket, mm, stack_piles_step};
use crate::choice::Binding;
use crate::plan::{Imposition, JobTicket};
use crate::words;

/// Cards: every piece is a finished card; nothing is folded or stapled.
pub(super) fn card_steps(out: &mut Ticket, plan: &Imposition, t: &JobTicket) {
    let (fr, en) = if plan.one_sided() {
        ("imprimées d'un seul côté", "printed on one side")
    } else {
        (
            "recto et verso en face l'un de l'autre (le verso se lit en retournant la carte de gauche à droite)",
            "front and back registered (the back reads upright when the card is turned over left to right)",
        )
    };
    out.step(
        format!(
            "Chaque morceau est une carte finie, {fr} : {} cartes par feuille, {} {} = {} cartes. Ni pli ni agrafe.",
            t.cells,
            t.sheets,
            words::fr(t.sheets, "feuille", "feuilles"),
            t.cells * t.sheets
        ),
        format!(
            "Every piece is a finished card, {en}: {} cards per sheet, {} {} = {} cards. No fold, no staple.",
            t.cells,
            t.sheets,
            words::en(t.sheets, "sheet", "sheets"),
            t.cells * t.sheets
        ),
    );
    if t.sheets > 1 {
        out.step(
            "Chaque feuille porte une carte différente : gardez les piles de chaque feuille à part.",
            "Each sheet carries a different card: keep each sheet's piles apart.",
        );
    }
}

/// Wire, spiral or comb binding: stack the piles, punch the spine edge, bind.
pub(super) fn wire_steps(out: &mut Ticket, plan: &Imposition, t: &JobTicket) {
    stack_piles_step(out, t, ("feuillets", "leaves"));
    let (side_fr, side_en) = match plan.binding {
        Binding::Left => ("gauche", "left"),
        Binding::Right => ("droit", "right"),
    };
    let room = mm(plan.binding_margin * plan.scale);
    let (margin_fr, margin_en) = if plan.binding_margin > 0.0 {
        (
            format!("{} mm de marge de reliure", room.replace('.', ",")),
            format!("{room} mm binding margin"),
        )
    } else {
        (
            "sans marge de reliure ajoutée : les trous prennent la marge intérieure des pages".to_string(),
            "no binding margin added: the holes take the pages' own inner margin".to_string(),
        )
    };
    out.step(
        format!(
            "Ne pliez pas. Perforez la pile le long du bord {side_fr} du recto (le dos ; {margin_fr}), puis reliez par spirale, anneaux ou baguette."
        ),
        format!(
            "Do not fold. Punch the stack along the {side_en} edge of the front (the spine; {margin_en}), then bind with wire, spiral or comb."
        ),
    );
}
