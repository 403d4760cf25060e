//! The job ticket: what a print shop needs to turn a print file into booklets,
//! step by step with this job's numbers, in French and in English.

pub mod facts;
mod flat;

use crate::choice::{Axis, Binding, Duplex, Scheme};
use crate::geometry::to_mm;
use crate::plan::{Imposition, JobTicket};
use crate::words;

/// What the ticket describes beside the plan.
#[derive(Debug, Clone)]
pub struct TicketInfo<'a> {
    /// The document's title.
    pub title: &'a str,
    /// The print file's name (or, with manual duplex, the fronts file).
    pub file: &'a str,
    /// The backs file, when printing without duplex.
    pub backs_file: Option<&'a str>,
    /// Name of the sheet size as given (`a4`, `letter`, `210x297mm`).
    pub sheet_name: &'a str,
    /// Copies (or cards) ordered, when known: the ticket adds overs and the paper.
    pub quantity: Option<usize>,
    /// The bleed around each page beyond its trim, in pt (0: none).
    pub bleed: f64,
}

/// The ticket being written: French and English side by side, steps numbered.
#[derive(Default)]
struct Ticket {
    fr: String,
    en: String,
    steps: usize,
}

impl Ticket {
    /// One line in each language.
    fn line(&mut self, fr: impl AsRef<str>, en: impl AsRef<str>) {
        self.fr.push_str(fr.as_ref());
        self.fr.push('\n');
        self.en.push_str(en.as_ref());
        self.en.push('\n');
    }

    /// The next numbered step, in each language.
    fn step(&mut self, fr: impl AsRef<str>, en: impl AsRef<str>) {
        self.steps += 1;
        let n = self.steps;
        self.line(format!("{n}. {}", fr.as_ref()), format!("{n}. {}", en.as_ref()));
    }
}

/// Millimetres, rounded to a tenth, without a trailing `.0`.
fn mm(pt: f64) -> String {
    let v = (to_mm(pt) * 10.0).round() / 10.0;
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") }
}

/// A line added at the end of the ticket (before the blanks note), in each language.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// In French.
    pub fr: String,
    /// In English.
    pub en: String,
}

impl Note {
    /// The note for a source PDF protected by an owner password only, decrypted in memory.
    pub fn protected_source() -> Self {
        Note {
            fr: "Note : le PDF source était protégé par un mot de passe de propriétaire (il s'ouvre sans mot de passe) ; déchiffré pour l'imposition, le fichier d'impression n'est pas protégé.".into(),
            en: "Note: the source PDF was protected with an owner password (it opens without one); it was decrypted for imposition and the print file is not protected.".into(),
        }
    }
}

/// Writes the ticket: French first, then English.
pub fn ticket(plan: &Imposition, info: &TicketInfo) -> String {
    ticket_with_notes(plan, info, &[])
}

/// Writes the ticket with `notes` about the source after the steps.
pub fn ticket_with_notes(plan: &Imposition, info: &TicketInfo, notes: &[Note]) -> String {
    let mut out = Ticket::default();
    header(&mut out, plan, info, &plan.ticket());
    let steps = steps(plan, info, notes);
    for (fr, en) in steps.fr.iter().zip(&steps.en) {
        out.line(fr, en);
    }
    format!("{}\n----------------------------------------\n\n{}", out.fr, out.en)
}

/// The ticket's instructions without its header: the numbered steps, then the notes
/// (binding, source, blanks), one line each, in French and in English.
#[derive(Debug, Clone, PartialEq)]
pub struct Steps {
    /// The lines in French.
    pub fr: Vec<String>,
    /// The same lines in English.
    pub en: Vec<String>,
}

/// The steps and notes of the ticket of `plan` (what the job sheet prints too).
pub fn steps(plan: &Imposition, info: &TicketInfo, notes: &[Note]) -> Steps {
    let t = plan.ticket();
    let mut out = Ticket::default();
    print_steps(&mut out, plan, info, &t);
    let cuts = cut_steps(&mut out, plan, &t);
    facts::leftover_step(&mut out, plan);
    match plan.scheme {
        Scheme::Saddle | Scheme::Cutstack => spread_steps(&mut out, plan, &t),
        Scheme::Copies => copies_steps(&mut out, plan, &t),
        Scheme::Signatures => signature_steps(&mut out, plan, &t, &cuts),
        Scheme::Zine => zine_steps(&mut out, plan.binding),
        Scheme::Cards => flat::card_steps(&mut out, plan, &t),
        Scheme::Wire => flat::wire_steps(&mut out, plan, &t),
    }
    if plan.binding == Binding::Right && plan.scheme != Scheme::Zine {
        out.line(
            "Reliure à droite : le dos du livret est à droite, il se lit de droite à gauche (la couverture s'ouvre vers la droite).",
            "Bound on the right: the spine is on the right, a right-to-left booklet (the cover opens to the right).",
        );
    }
    for note in notes {
        out.line(&note.fr, &note.en);
    }
    offset_note(&mut out, plan, info);
    if t.blanks > 0 {
        let n = t.blanks;
        out.line(
            format!(
                "Note : {n} {} juste avant la dernière page.",
                words::fr(n, "page blanche ajoutée", "pages blanches ajoutées")
            ),
            format!(
                "Note: {n} {} just before the last page.",
                words::en(n, "blank page added", "blank pages added")
            ),
        );
    }
    let lines = |text: &str| text.lines().map(String::from).collect();
    Steps { fr: lines(&out.fr), en: lines(&out.en) }
}

/// The back offset applied, or how to measure one (two-sided jobs only).
fn offset_note(out: &mut Ticket, plan: &Imposition, info: &TicketInfo) {
    if plan.one_sided() {
        return;
    }
    let measure = calibrate_command(plan, info.sheet_name);
    let offset = plan.back_offset;
    if offset.is_zero() {
        out.line(
            format!("Si le verso ne tombe pas en face du recto, mesurez le décalage avec `{measure}` (feuille d'étalonnage) et donnez-le à livret (back-offset)."),
            format!("If the back does not line up with the front, measure the offset with `{measure}` (a calibration sheet) and give it to livret (back-offset)."),
        );
        return;
    }
    let along = |v: f64, pos: (&str, &str), neg: (&str, &str)| {
        let (fr, en) = if v >= 0.0 { pos } else { neg };
        (
            format!("{} mm {fr}", mm(v.abs()).replace('.', ",")),
            format!("{} mm {en}", mm(v.abs())),
        )
    };
    let (xf, xe) = along(
        offset.x,
        ("vers la droite", "to the right"),
        ("vers la gauche", "to the left"),
    );
    let (yf, ye) = along(offset.y, ("vers le haut", "up"), ("vers le bas", "down"));
    out.line(
        format!("Décalage du verso : chaque verso est déplacé de {xf} et de {yf} (vu côté verso ; back-offset {offset}), pour l'imprimante mesurée avec `{measure}` (une feuille d'étalonnage de la même orientation que ce travail). Sur une autre imprimante, mesurez de nouveau."),
        format!("Back offset: every back side is moved {xe} and {ye} (seen from the back; back-offset {offset}), for the printer measured with `{measure}` (a calibration sheet of this job's orientation). On another printer, measure again."),
    );
}

/// The `livret calibrate` command that measures the back offset for this job: the same
/// sheet, flip and orientation, so that the printer's driver turns the calibration sheet
/// as it turns the job's sheets and the offset read applies as it is (see
/// [`crate::offset`]).
pub fn calibrate_command(plan: &Imposition, sheet_name: &str) -> String {
    let orientation =
        if plan.sheet.is_landscape() { " --orientation landscape" } else { "" };
    format!(
        "livret calibrate --sheet {sheet_name} --duplex {}{orientation} -o calibration.pdf",
        plan.duplex
    )
}

/// The title, file, paper and page count lines.
fn header(out: &mut Ticket, plan: &Imposition, info: &TicketInfo, t: &JobTicket) {
    let sheet = format!(
        "{} ({} × {} mm)",
        info.sheet_name.to_uppercase(),
        mm(plan.sheet.width),
        mm(plan.sheet.height)
    );
    let sheet_fr = sheet.replace('.', ",");
    let landscape = plan.sheet.width > plan.sheet.height;
    out.line(
        format!("FICHE DE TRAVAIL — {}", info.title),
        format!("JOB TICKET — {}", info.title),
    );
    out.line(format!("Fichier : {}", info.file), format!("File: {}", info.file));
    out.line(
        format!(
            "Schéma : {} · Papier : {t_sheets} {} {sheet_fr}, {}",
            plan.scheme,
            words::fr(t.sheets, "feuille", "feuilles"),
            if landscape { "paysage" } else { "portrait" },
            t_sheets = t.sheets
        ),
        format!(
            "Scheme: {} · Paper: {} {} {sheet}, {}",
            plan.scheme,
            t.sheets,
            words::en(t.sheets, "sheet", "sheets"),
            if landscape { "landscape" } else { "portrait" }
        ),
    );
    let fr_blanks = match t.blanks {
        0 => "aucune page blanche ajoutée".to_string(),
        n => format!(
            "{n} {}",
            words::fr(n, "page blanche ajoutée", "pages blanches ajoutées")
        ),
    };
    let en_blanks = match t.blanks {
        0 => "no blank page added".to_string(),
        n => format!("{n} {}", words::en(n, "blank page added", "blank pages added")),
    };
    out.line(
        format!("Pages : {} + {fr_blanks} = {} pages par livret", t.pages, t.padded),
        format!("Pages: {} + {en_blanks} = {} pages per booklet", t.pages, t.padded),
    );
    if (t.scale - 1.0).abs() > 1e-6 {
        out.line(
            format!("Échelle : pages réduites à {:.0} %", t.scale * 100.0),
            format!("Scale: pages reduced to {:.0}%", t.scale * 100.0),
        );
    }
    let (fr, en) = facts::facts(plan, info);
    for (f, e) in fr.iter().zip(&en) {
        out.line(f, e);
    }
    out.line("", "");
}

/// The job's facts (finished size, paper, creep, spine, quantity, the shop's blanks),
/// one line each, as the ticket's head gives them: for the job sheet.
pub fn facts(plan: &Imposition, info: &TicketInfo) -> Steps {
    let (fr, en) = facts::facts(plan, info);
    Steps { fr, en }
}

/// How to print: one side, duplex, or fronts then backs by hand.
fn print_steps(out: &mut Ticket, plan: &Imposition, info: &TicketInfo, t: &JobTicket) {
    out.step(
        "Avant le tirage, imprimez un seul exemplaire, finissez-le comme ci-dessous et vérifiez-le : ordre des pages, recto en face du verso, rien de coupé dans les marges, format fini.",
        "Before the run, print one set, finish it as below and check it: page order, front and back aligned, nothing cut off in the margins, finished size.",
    );
    if plan.one_sided() {
        out.step(
            format!(
                "Imprimez {} en recto seul, à 100 % (sans « ajuster à la page »).",
                info.file
            ),
            format!("Print {} single-sided, at 100% (no \"fit to page\").", info.file),
        );
    } else if let Some(backs) = info.backs_file {
        let turn_fr = if plan.flip == Axis::Vertical {
            "de gauche à droite (comme une page de livre)"
        } else {
            "de haut en bas (comme un bloc-notes)"
        };
        let turn_en = if plan.flip == Axis::Vertical {
            "left to right (like a book page)"
        } else {
            "top to bottom (like a notepad)"
        };
        out.step(
            format!(
                "Imprimez {} (les recto, {} feuilles), à 100 %.",
                info.file, t.sheets
            ),
            format!("Print {} (the fronts, {} sheets), at 100%.", info.file, t.sheets),
        );
        out.step(format!(
                "Sans changer l'ordre, retournez la pile {turn_fr} et remettez-la dans le bac pour que la feuille 1 passe en premier, face imprimée du côté où l'imprimante n'imprime pas. Faites d'abord l'essai avec une feuille."
            ),
            format!(
                "Without changing the order, turn the stack over {turn_en} and put it back in the tray so that sheet 1 is fed first, printed side where the printer does not print. Try it with one sheet first."
            ),
        );
        out.step(
            format!("Imprimez {backs} (les verso, {} feuilles), à 100 %.", t.sheets),
            format!("Print {backs} (the backs, {} sheets), at 100%.", t.sheets),
        );
    } else {
        let (fr_edge, en_edge) = match plan.duplex {
            Duplex::Long => ("bord long", "long edge"),
            Duplex::Short => ("bord court", "short edge"),
        };
        out.step(format!(
                "Imprimez {} en recto verso, retournement sur le {fr_edge}, à 100 % (sans « ajuster à la page »). Les versos sont déjà tournés pour ce réglage.",
                info.file
            ),
            format!(
                "Print {} double-sided, flip on {en_edge}, at 100% (no \"fit to page\"). The backs are already turned for this setting.",
                info.file
            ),
        );
    }
    out.step("Gardez les feuilles dans l'ordre d'impression, la feuille 1 dessus, recto vers vous.",
         "Keep the sheets in printed order, sheet 1 on top, front facing you.");
}

/// How to cut the stack into piles (or trim it); returns where to cut, in French and English.
fn cut_steps(out: &mut Ticket, plan: &Imposition, t: &JobTicket) -> (String, String) {
    let cuts = cut_lines(plan);
    // Signatures are split into their sheets before any cut (see below).
    if t.piles > 1 && plan.scheme != Scheme::Signatures {
        out.step(
            format!(
                "Coupez toute la pile {} : on obtient {} piles de morceaux.",
                cuts.0, t.piles
            ),
            format!(
                "Cut the whole stack {}: this gives {} piles of pieces.",
                cuts.1, t.piles
            ),
        );
    } else if t.piles <= 1 && !cuts.0.is_empty() && plan.scheme != Scheme::Zine {
        out.step(
            format!("Rognez la pile {} (papier en trop).", cuts.0),
            format!("Trim the stack {} (spare paper).", cuts.1),
        );
    }
    cuts
}

/// The piles' numbers, `1, 2, …`.
fn pile_names(piles: usize) -> String {
    (1..=piles).map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
}

/// When the cut sheets make several piles: number them and stack them in order into one
/// pile of `what` (the French and English word for its pieces).
fn stack_piles_step(out: &mut Ticket, t: &JobTicket, what: (&str, &str)) {
    if t.piles < 2 {
        return;
    }
    let (more_fr, more_en) = if t.piles > 2 {
        (", la pile 3 sous la pile 2, etc.", ", pile 3 under pile 2, and so on")
    } else {
        ("", "")
    };
    let (what_fr, what_en) = what;
    out.step(
        format!(
            "Numérotez les piles dans l'ordre de lecture du recto (de gauche à droite, puis de haut en bas) : {}. Posez la pile 2 sous la pile 1{more_fr}, sans les tourner : une seule pile de {} {what_fr}.",
            pile_names(t.piles),
            t.sheets * t.piles
        ),
        format!(
            "Number the piles in reading order of the front (left to right, then top to bottom): {}. Put pile 2 under pile 1{more_en}, without turning them: one stack of {} {what_en}.",
            pile_names(t.piles),
            t.sheets * t.piles
        ),
    );
}

/// Saddle and cutstack: stack the piles, fold once, staple.
fn spread_steps(out: &mut Ticket, plan: &Imposition, t: &JobTicket) {
    stack_piles_step(out, t, ("morceaux", "pieces"));
    let fold = fold_words(plan.grid.spine);
    out.step(format!(
            "Pliez toute la pile en deux d'un seul coup, {}, le recto de la feuille du dessus à l'extérieur.",
            fold.0
        ),
        format!(
            "Fold the whole stack in half at once, {}, the front of the top leaf outside.",
            fold.1
        ),
    );
    let (at_fr, at_en) = staples(plan);
    out.step(format!("Agrafez deux fois sur le pli (agrafeuse à bras long), {at_fr}, puis rognez le bord opposé si vous le souhaitez."),
         format!("Staple twice on the fold (long-reach stapler), {at_en}, then trim the open edge if you wish."));
}

/// Where the two staples go along the fold: a quarter and three quarters of the
/// finished page's height from its head, in French and English.
fn staples(plan: &Imposition) -> (String, String) {
    let h = plan.page.height * plan.scale;
    let (a, b) = (h / 4.0, 3.0 * h / 4.0);
    (
        format!("à {} mm et {} mm du haut de la page", facts::mm_fr(a), facts::mm_fr(b)),
        format!("at {} mm and {} mm from the head of the page", mm(a), mm(b)),
    )
}

/// Copies: every pile is a booklet.
fn copies_steps(out: &mut Ticket, plan: &Imposition, t: &JobTicket) {
    let fold = fold_words(plan.grid.spine);
    out.step(format!(
            "Chaque pile est un livret complet : pliez chacune des {} piles séparément, {}.",
            t.piles, fold.0
        ),
        format!(
            "Each pile is a whole booklet: fold each of the {} piles on its own, {}.",
            t.piles, fold.1
        ),
    );
    out.step(
        format!(
            "Agrafez chaque livret sur le pli, {} : {} livrets pour ce tirage.",
            staples(plan).0,
            t.booklets
        ),
        format!(
            "Staple each booklet on the fold, {}: {} booklets from this run.",
            staples(plan).1,
            t.booklets
        ),
    );
}

/// Signatures: split, cut, fold each, gather.
fn signature_steps(
    out: &mut Ticket,
    plan: &Imposition,
    t: &JobTicket,
    cuts: &(String, String),
) {
    let mut first = 1;
    let mut groups_fr = Vec::new();
    let mut groups_en = Vec::new();
    for (i, n) in t.sheets_per_signature.iter().enumerate() {
        let last = first + n - 1;
        if *n == 1 {
            groups_fr.push(format!("cahier {} = feuille {first}", i + 1));
            groups_en.push(format!("signature {} = sheet {first}", i + 1));
        } else {
            groups_fr.push(format!("cahier {} = feuilles {first}–{last}", i + 1));
            groups_en.push(format!("signature {} = sheets {first}–{last}", i + 1));
        }
        first += n;
    }
    out.step(
        format!(
            "Séparez les feuilles en {} cahiers : {}.",
            t.signatures,
            groups_fr.join(" ; ")
        ),
        format!(
            "Split the sheets into {} signatures: {}.",
            t.signatures,
            groups_en.join("; ")
        ),
    );
    if t.piles > 1 {
        out.step(format!(
                "Dans chaque cahier, coupez la pile {} : {} piles. Numérotez-les dans l'ordre de lecture du recto ({}) et posez-les l'une sous l'autre dans cet ordre, pile 1 dessus, sans les tourner.",
                cuts.0,
                t.piles,
                pile_names(t.piles)
            ),
            format!(
                "In each signature, cut the stack {}: {} piles. Number them in reading order of the front ({}) and put them one under the other in that order, pile 1 on top, without turning them.",
                cuts.1,
                t.piles,
                pile_names(t.piles)
            ),
        );
    }
    let fold = fold_words(plan.grid.spine);
    out.step(
        format!("Pliez chaque cahier séparément, {}.", fold.0),
        format!("Fold each signature on its own, {}.", fold.1),
    );
    out.step("Empilez les cahiers dans l'ordre (1 dessus) : les marques de collationnement sur le dos forment un escalier régulier. Cousez ou collez le dos.",
         "Gather the signatures in order (1 on top): the collation marks on the spine form a regular staircase. Sew or glue the spine.");
}

/// The zine: fold, slit, fold, flatten.
fn zine_steps(out: &mut Ticket, binding: Binding) {
    out.step("Pliez la feuille en deux dans la longueur, puis dépliez ; pliez-la en deux dans la largeur.",
         "Fold the sheet in half lengthwise, unfold; fold it in half widthwise.");
    out.step("Sur le pli, coupez le trait pointillé du milieu (jusqu'au croisement des plis seulement).",
         "On the fold, cut the dotted line in the middle (only up to where the folds cross).");
    let (fr, en, rtl_fr, rtl_en) = match binding {
        Binding::Left => ("en bas à droite", "bottom right", "", ""),
        Binding::Right => (
            "en bas à gauche",
            "bottom left",
            " ; reliure à droite, le livret se lit de droite à gauche",
            "; bound on the right, the booklet reads right to left",
        ),
    };
    out.step(format!("Dépliez, pliez dans la longueur, poussez les extrémités l'une vers l'autre pour ouvrir la fente en losange, puis aplatissez : la page 1 ({fr} du recto) est la couverture{rtl_fr}."),
         format!("Unfold, fold lengthwise, push the ends together so the slit opens into a diamond, then flatten: page 1 ({en} of the front) is the cover{rtl_en}."));
}

/// Spare paper narrower than this (2 mm, in pt) is not worth a trim.
const SPARE: f64 = 2.0 * 72.0 / 25.4;

/// Where a job is cut, on the front of a sheet as displayed, in pt: the cuts between
/// pieces and the trims of spare paper wider than 2 mm.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cuts {
    /// Horizontal cuts, as distances from the top edge.
    pub across: Vec<f64>,
    /// Vertical cuts, as distances from the left edge.
    pub down: Vec<f64>,
}

/// Where the ticket says to cut (the zine's slit aside); empty when nothing is cut.
pub fn cuts(plan: &Imposition) -> Cuts {
    let g = plan.grid;
    let b = g.bounds();
    let mut cuts = Cuts::default();
    if plan.scheme == Scheme::Zine {
        return cuts;
    }
    if b.y > SPARE {
        cuts.across.push(b.y);
    }
    for r in 1..g.rows {
        cuts.across.push(g.y + r as f64 * g.cell.height);
    }
    if plan.sheet.height - b.bottom() > SPARE {
        cuts.across.push(b.bottom());
    }
    if b.x > SPARE {
        cuts.down.push(b.x);
    }
    for c in 1..g.cols {
        cuts.down.push(g.x + c as f64 * g.cell.width);
    }
    if plan.sheet.width - b.right() > SPARE {
        cuts.down.push(b.right());
    }
    cuts
}

/// Where to cut, in French and English, in mm from the top and left edges of the front.
fn cut_lines(plan: &Imposition) -> (String, String) {
    let Cuts { across, down } = cuts(plan);
    // Every length with its unit, so that "4, 206" never reads as a decimal.
    let list = |v: &[f64], fr: bool| {
        let items: Vec<String> = v
            .iter()
            .map(|p| format!("{} mm", if fr { facts::mm_fr(*p) } else { mm(*p) }))
            .collect();
        match items.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{} {} {last}", rest.join(", "), if fr { "et" } else { "and" })
            }
            _ => items.join(""),
        }
    };
    let mut fr = Vec::new();
    let mut en = Vec::new();
    if !across.is_empty() {
        fr.push(format!("horizontalement à {} du bord du haut", list(&across, true)));
        en.push(format!("across at {} from the top edge", list(&across, false)));
    }
    if !down.is_empty() {
        fr.push(format!("verticalement à {} du bord gauche", list(&down, true)));
        en.push(format!("down at {} from the left edge", list(&down, false)));
    }
    (fr.join(" et "), en.join(" and "))
}

/// How to fold, in French and English.
fn fold_words(spine: Option<Axis>) -> (&'static str, &'static str) {
    match spine {
        Some(Axis::Horizontal) => (
            "le long du milieu de chaque morceau (pli horizontal sur la feuille)",
            "along the middle of each piece (a horizontal fold on the sheet)",
        ),
        _ => (
            "le long du milieu de chaque morceau (pli vertical sur la feuille)",
            "along the middle of each piece (a vertical fold on the sheet)",
        ),
    }
}
