//! What `livret impose` tells about a job besides its files: the print permission, the
//! shrink, a stack too thick to fold and staple, marks that found no room. Each warning
//! for the terminal has its line for the ticket.

use livret_impose::geometry::{fmt_mm, near_standard};
use livret_impose::pdf::InputInfo;
use livret_impose::thickness;
use livret_impose::ticket::Note;
use livret_impose::{Imposition, MarkOptions, PlanOptions, Size, to_mm};

use crate::i18n::{Text, decimal};
use crate::tr;

/// Warnings for the terminal and notes for the ticket about one job.
#[derive(Debug, Default)]
pub struct JobWarnings {
    /// One warning per problem, for the terminal (a `hint:` line may follow).
    pub terminal: Vec<Text>,
    /// The same, for the ticket and the job sheet.
    pub notes: Vec<Note>,
}

/// Everything worth saying about `plan` made from `info`, with `marks` asked for.
pub fn job_warnings(
    plan: &Imposition,
    info: &InputInfo,
    marks: MarkOptions,
) -> JobWarnings {
    let mut out = JobWarnings::default();
    if info.print_forbidden {
        out.terminal.push(tr!("impose-print-forbidden"));
        out.notes.push(Note {
            fr: "Attention : les permissions du PDF source interdisent son impression ; assurez-vous d'avoir le droit de l'imprimer.".into(),
            en: "Warning: the source PDF's permissions forbid printing it; make sure you have the right to print it.".into(),
        });
    }
    if plan.scale < 1.0 - 1e-6 {
        let pc = (plan.scale * 100.0).round();
        let page = plan.page.scaled(plan.scale);
        out.terminal.push(tr!(
            "impose-shrunk",
            percent = pc as i64,
            size = size_mm(page),
            original = size_mm(plan.page)
        ));
    }
    thickness(plan, &mut out);
    skipped_marks(plan, marks, &mut out);
    out
}

/// A stack folded at once past what folds and staples cleanly, with signatures to use
/// (the words are the imposition crate's, shared with `build`).
fn thickness(plan: &Imposition, out: &mut JobWarnings) {
    let Some(w) = thickness::warning(plan, thickness::Asked::Options) else { return };
    let terminal = crate::build::print::thick_warning(plan, thickness::Asked::Options);
    out.terminal.extend(terminal);
    out.notes.push(Note { fr: w.note_fr, en: w.note_en });
}

/// Marks asked for that found no room between the pages and the sheet's edge.
fn skipped_marks(plan: &Imposition, marks: MarkOptions, out: &mut JobWarnings) {
    let s = plan.skipped;
    let n = [
        (marks.crop, s.crop),
        (marks.fold, s.fold),
        (marks.collation, s.collation),
        (marks.slug, s.slug),
    ]
    .into_iter()
    .filter(|(asked, _)| *asked)
    .map(|(_, n)| n)
    .sum::<usize>();
    if n == 0 {
        return;
    }
    let warning = tr!("impose-marks-skipped", count = n);
    out.terminal.push(with_hint(warning, &tr!("impose-marks-skipped-hint")));
    out.notes.push(Note {
        fr: format!("Note : {n} repère(s) non dessiné(s), faute de place entre les pages et le bord de la feuille."),
        en: format!("Note: {n} mark(s) not drawn, for lack of room between the pages and the sheet's edge."),
    });
}

/// Pages a hair larger than a standard size (rounding, or bleed in the page box without
/// a TrimBox) that go fewer to a side than that size would: said, with both ways out.
pub fn near_standard_warning(plan: &Imposition, options: &PlanOptions) -> Option<Text> {
    let (name, standard) = near_standard(plan.page)?;
    let alt =
        PlanOptions { page: standard, shrink_to_printable: false, ..options.clone() };
    let better = livret_impose::plan(plan.pages, &alt).ok()?;
    let per_side =
        |imp: &Imposition| imp.sheets.first().map_or(0, |s| s.front.slots.len());
    let (now, could) = (per_side(plan), per_side(&better));
    if could <= now {
        return None;
    }
    let key = name.to_ascii_lowercase().replace(' ', "");
    let trim = if STANDARD_KEYS.contains(&key.as_str()) {
        key
    } else {
        format!("{}x{}mm", fmt_mm(standard.width), fmt_mm(standard.height))
    };
    let warning = tr!(
        "impose-near-standard",
        size = size_mm(plan.page),
        name = name,
        standard = size_mm(standard),
        now = now,
        could = could,
        sheets = plan.sheets.len(),
        better = better.sheets.len()
    );
    let hint = tr!("impose-near-standard-hint", trim = trim, name = name, could = could);
    Some(with_hint(warning, &hint))
}

/// A page size as `148 × 210`, in millimetres with a decimal comma in French.
fn size_mm(size: Size) -> Text {
    tr!(
        "impose-size",
        width = decimal(to_mm(size.width), 1),
        height = decimal(to_mm(size.height), 1)
    )
}

/// A warning followed by its hint on an indented line (`\n  hint: …`).
fn with_hint(warning: Text, hint: &Text) -> Text {
    crate::build::print::with_hint(warning, hint)
}

/// The `--trim` names of [`livret_impose::geometry::STANDARD_PAGES`], lowercase.
const STANDARD_KEYS: [&str; 12] = [
    "a3",
    "a4",
    "a5",
    "a6",
    "a7",
    "a8",
    "b5",
    "b6",
    "letter",
    "halfletter",
    "legal",
    "card",
];
