//! The duplex calibration sheet as Typst source: on each side, a millimetre ruler
//! running in from each edge of the paper (numbered from the edge, so the first number
//! printed whole tells how much the printer clips there) and a registration cross; the
//! back's cross is graduated and signed, and sits behind the front's for the printer's
//! flip, so that held against the light the front's cross reads the back offset
//! directly (right and up positive, looking at the back: see `livret_impose::offset`).

use std::fmt::Write as _;

use crate::typeset::markdown::string_literal;
use livret_impose::plan::flip_axis;
use livret_impose::{Axis, Duplex, Size, mm};

/// Millimetres each edge ruler runs in from the edge (and the largest number on it).
pub const RULER_MM: u32 = 15;

/// Where each side's rulers sit along their edge, as a fraction of the edge's length
/// from its start (top edge from the left, right edge from the top, bottom edge from
/// the left, left edge from the top). Chosen so that no ruler of one side lies behind
/// a ruler of the other side, whichever the flip.
pub const RULER_AT: [f64; 4] = [0.3, 0.3, 0.7, 0.7];

/// Where the front's cross is, as fractions of the sheet's width and height. Off the
/// centre, so that a sheet printed with the other flip shows two crosses far apart.
pub const FRONT_CROSS: (f64, f64) = (0.4, 0.3);

/// Half the length of the front cross's arms, in mm.
const FRONT_ARM_MM: f64 = 20.0;

/// Half the length of the back cross's graduated arms, in mm.
const BACK_ARM_MM: f64 = 16.0;

/// Font size of the rulers' numbers and the cross's labels, in pt.
const NUMBER_SIZE: f64 = 5.0;

/// Width of the thin lines (ticks, rulers, crosses), in pt.
const LINE_WIDTH: f64 = 0.3;

/// Length of the scale bars, in mm: long enough that a driver's "fit to page" (97 %)
/// shows as 3 mm missing.
pub const BAR_MM: u32 = 100;

/// A sheet to draw: its size (portrait or landscape, as the jobs it measures for) and
/// the printer's flip.
#[derive(Debug, Clone)]
pub struct CalibrationSheet {
    /// The sheet as drawn, in pt (landscape for landscape jobs).
    pub size: Size,
    /// The flip the printer makes.
    pub duplex: Duplex,
    /// The sheet's name for the printed words (`A4`, `LETTER`).
    pub name: String,
}

impl CalibrationSheet {
    /// The flip as an axis of the displayed sheet.
    pub fn flip(&self) -> Axis {
        flip_axis(self.size, self.duplex)
    }

    /// The two scale bars of the front, each [`BAR_MM`] long: the horizontal one's left
    /// end and the vertical one's top end, in pt from the top-left.
    pub fn bars(&self) -> ((f64, f64), (f64, f64)) {
        let (w, h) = (self.size.width, self.size.height);
        let across = ((w - mm(f64::from(BAR_MM))) / 2.0, h - mm(45.0));
        let down = (w - mm(30.0), h * 0.42);
        (across, down)
    }

    /// The front cross's centre, in pt from the top-left.
    pub fn front_cross(&self) -> (f64, f64) {
        (self.size.width * FRONT_CROSS.0, self.size.height * FRONT_CROSS.1)
    }

    /// Where a point of the front lies on the back as the back is displayed (the sheet
    /// turned about the flip axis).
    pub fn behind(&self, (x, y): (f64, f64)) -> (f64, f64) {
        match self.flip() {
            Axis::Vertical => (self.size.width - x, y),
            Axis::Horizontal => (x, self.size.height - y),
        }
    }
}

/// One thing drawn on a side.
#[derive(Clone)]
enum Prim {
    /// A straight line from (x1, y1) to (x2, y2), in pt.
    Line(f64, f64, f64, f64),
    /// A circle: centre and radius, in pt.
    Circle(f64, f64, f64),
    /// A short text centred on a point, in pt; turned a quarter (reading upward) if set.
    Label(f64, f64, String, bool),
    /// A filled rectangle: top-left corner, width and height, in pt.
    Block(f64, f64, f64, f64),
}

/// The Typst source of the two-page sheet: the front, then the back.
pub fn source(sheet: &CalibrationSheet) -> String {
    let (w, h) = (sheet.size.width, sheet.size.height);
    let mut src = format!(
        "#set page(width: {w:.3}pt, height: {h:.3}pt, margin: 0pt)\n\
         #set text(font: \"Libertinus Serif\", size: 9pt, hyphenate: false)\n\
         #set par(justify: false, leading: 0.45em, spacing: 0.7em)\n\
         #let ln(x1, y1, x2, y2) = place(top + left, line(start: (x1, y1), end: (x2, y2), stroke: {LINE_WIDTH}pt))\n\
         #let ring(x, y, r) = place(top + left, dx: x - r, dy: y - r, circle(radius: r, stroke: {LINE_WIDTH}pt))\n\
         #let lab(x, y, t, turn: 0deg) = place(top + left, dx: x - 10mm, dy: y - 10mm, box(width: 20mm, height: 20mm, align(center + horizon, rotate(turn, text(font: \"DejaVu Sans Mono\", size: {NUMBER_SIZE}pt, t)))))\n"
    );
    let front_cross = sheet.front_cross();
    let back_cross = sheet.behind(front_cross);
    for (back, prims) in [
        (
            false,
            [rulers(sheet), front_cross_prims(front_cross), bar_prims(sheet)].concat(),
        ),
        (true, [rulers(sheet), back_cross_prims(back_cross)].concat()),
    ] {
        if back {
            src.push_str("#pagebreak()\n");
        }
        for prim in prims {
            src.push_str(&prim_source(&prim));
        }
        src.push_str(&words(sheet, back, back_cross));
    }
    src
}

/// One primitive as a line of Typst.
fn prim_source(prim: &Prim) -> String {
    match prim {
        Prim::Line(x1, y1, x2, y2) => {
            format!("#ln({x1:.3}pt, {y1:.3}pt, {x2:.3}pt, {y2:.3}pt)\n")
        }
        Prim::Circle(x, y, r) => format!("#ring({x:.3}pt, {y:.3}pt, {r:.3}pt)\n"),
        Prim::Block(x, y, w, h) => format!(
            "#place(top + left, dx: {x:.3}pt, dy: {y:.3}pt, rect(width: {w:.3}pt, height: {h:.3}pt, fill: black, stroke: none))\n"
        ),
        Prim::Label(x, y, text, turned) => {
            let turn = if *turned { ", turn: -90deg" } else { "" };
            format!("#lab({x:.3}pt, {y:.3}pt, {}{turn})\n", string_literal(text))
        }
    }
}

/// The four edge rulers of a side (both sides have the same, as displayed).
fn rulers(sheet: &CalibrationSheet) -> Vec<Prim> {
    let (w, h) = (sheet.size.width, sheet.size.height);
    // Each ruler: a point on the edge, the inward direction, the direction along the edge.
    let edges = [
        ((w * RULER_AT[0], 0.0), (0.0, 1.0)),
        ((w, h * RULER_AT[1]), (-1.0, 0.0)),
        ((w * RULER_AT[2], h), (0.0, -1.0)),
        ((0.0, h * RULER_AT[3]), (1.0, 0.0)),
    ];
    let mut prims = Vec::new();
    for ((ex, ey), (ix, iy)) in edges {
        // Across the ruler: perpendicular to the inward direction.
        let (ax, ay) = (iy, -ix);
        let at = |along: f64, across: f64| {
            (ex + ix * along + ax * across, ey + iy * along + ay * across)
        };
        let (x1, y1) = at(0.0, 0.0);
        let (x2, y2) = at(mm(f64::from(RULER_MM)), 0.0);
        prims.push(Prim::Line(x1, y1, x2, y2));
        for n in 1..=RULER_MM {
            let d = mm(f64::from(n));
            let half = if n % 5 == 0 { mm(1.8) } else { mm(1.0) };
            let (x1, y1) = at(d, -half);
            let (x2, y2) = at(d, half);
            prims.push(Prim::Line(x1, y1, x2, y2));
            // Odd numbers on one side of the ruler, even ones on the other.
            let side = if n % 2 == 1 { -1.0 } else { 1.0 };
            let (lx, ly) = at(d, side * mm(3.4));
            // Numbers along a horizontal ruler read upward, so that two digits fit
            // in each 2 mm step.
            prims.push(Prim::Label(lx, ly, n.to_string(), iy == 0.0));
        }
    }
    prims
}

/// The front's two scale bars: black and white blocks of 10 mm (so that no line is
/// longer than the crosses'), a tick at every 10 mm, the ends numbered `0` and `100 mm`.
fn bar_prims(sheet: &CalibrationSheet) -> Vec<Prim> {
    let ((ax, ay), (dx, dy)) = sheet.bars();
    let len = mm(f64::from(BAR_MM));
    let (step, thick) = (mm(10.0), mm(1.2));
    let mut prims = Vec::new();
    for k in 0..=BAR_MM / 10 {
        let d = mm(f64::from(k * 10));
        let half = if k % 5 == 0 { mm(2.5) } else { mm(1.6) };
        prims.push(Prim::Line(ax + d, ay - half, ax + d, ay + half));
        prims.push(Prim::Line(dx - half, dy + d, dx + half, dy + d));
        if k % 2 == 0 && k < BAR_MM / 10 {
            prims.push(Prim::Block(ax + d, ay - thick / 2.0, step, thick));
            prims.push(Prim::Block(dx - thick / 2.0, dy + d, thick, step));
        }
    }
    let end = format!("{BAR_MM} mm");
    prims.push(Prim::Label(ax, ay + mm(4.5), "0".into(), false));
    prims.push(Prim::Label(ax + len, ay + mm(4.5), end.clone(), false));
    prims.push(Prim::Label(dx - mm(4.5), dy, "0".into(), true));
    prims.push(Prim::Label(dx - mm(4.5), dy + len, end, true));
    prims
}

/// The front's cross: two long thin lines and a small ring.
fn front_cross_prims((cx, cy): (f64, f64)) -> Vec<Prim> {
    let arm = mm(FRONT_ARM_MM);
    vec![
        Prim::Line(cx - arm, cy, cx + arm, cy),
        Prim::Line(cx, cy - arm, cx, cy + arm),
        Prim::Circle(cx, cy, mm(2.0)),
    ]
}

/// The back's cross: arms graduated every millimetre (every half millimetre near the
/// centre), signed labels every 5 mm: right and up are positive.
fn back_cross_prims((cx, cy): (f64, f64)) -> Vec<Prim> {
    let arm = mm(BACK_ARM_MM);
    let mut prims = vec![
        Prim::Line(cx - arm, cy, cx + arm, cy),
        Prim::Line(cx, cy - arm, cx, cy + arm),
    ];
    let halves = (2.0 * BACK_ARM_MM) as i32;
    for k in -halves..=halves {
        if k == 0 {
            continue;
        }
        let v = f64::from(k) / 2.0;
        let whole = k % 2 == 0;
        if !whole && v.abs() > 4.0 {
            continue;
        }
        let half = match (whole, k % 10 == 0) {
            (_, true) => mm(1.8),
            (true, false) => mm(1.0),
            (false, _) => mm(0.35),
        };
        let d = mm(v);
        // Ticks across the horizontal arm (x) and across the vertical arm (y, up).
        prims.push(Prim::Line(cx + d, cy - half, cx + d, cy + half));
        prims.push(Prim::Line(cx - half, cy - d, cx + half, cy - d));
        if k % 10 == 0 {
            // A pinwheel, so that no label of one arm meets one of the other: x
            // labels below the arm on the right, above on the left; y labels right of
            // the arm upward, left of it downward.
            let label = signed(k / 2);
            let side = d.signum();
            prims.push(Prim::Label(cx + d, cy + side * mm(3.4), label.clone(), false));
            prims.push(Prim::Label(cx + side * mm(4.0), cy - d, label, false));
        }
    }
    prims.push(Prim::Label(cx + arm + mm(2.5), cy, "x".into(), false));
    prims.push(Prim::Label(cx, cy - arm - mm(2.5), "y".into(), false));
    prims
}

/// `+5`, `−10`: a signed whole number with a true minus sign.
fn signed(n: i32) -> String {
    if n < 0 { format!("\u{2212}{}", -n) } else { format!("+{n}") }
}

/// The printed words of a side: the title and how to read the sheet, French then English.
fn words(sheet: &CalibrationSheet, back: bool, back_cross: (f64, f64)) -> String {
    let (w, h) = (sheet.size.width, sheet.size.height);
    let (edge_fr, edge_en) = match sheet.duplex {
        Duplex::Long => ("bord long", "long edge"),
        Duplex::Short => ("bord court", "short edge"),
    };
    let name = &sheet.name;
    let title = if back { "VERSO · BACK" } else { "RECTO · FRONT" };
    let (turn_fr, turn_en) = if sheet.size.is_landscape() {
        ("paysage", "landscape")
    } else {
        ("portrait", "portrait")
    };
    let subtitle = format!(
        "Feuille d'étalonnage recto verso · Duplex calibration sheet — {name} {turn_fr} · {turn_en}, {edge_fr} · {edge_en}"
    );
    let mut src = String::new();
    let _ = writeln!(
        src,
        "#place(top + left, dx: 20mm, dy: {:.3}pt, block(width: {:.3}pt, align(center)[#text(size: 16pt, weight: \"bold\", {})\\ #text(size: 9pt, {})]))",
        mm(24.0),
        w - mm(40.0),
        string_literal(title),
        string_literal(&subtitle)
    );
    let paragraphs = if back {
        back_words()
    } else {
        front_words((edge_fr, edge_en), (turn_fr, turn_en))
    };
    // The words sit between the crosses: below the front's, above a back cross that
    // the short-edge flip brings into the lower half.
    let top = if back && back_cross.1 < h / 2.0 { h * 0.44 } else { h * 0.42 };
    let mut body = String::new();
    for (g, group) in paragraphs.iter().enumerate() {
        if g > 0 {
            body.push_str("#v(2.5mm)");
        }
        for para in group {
            let _ = write!(body, "#par({})", string_literal(para));
        }
    }
    let _ = writeln!(
        src,
        "#place(top + left, dx: 20mm, dy: {top:.3}pt, block(width: {:.3}pt)[{body}])",
        w - mm(70.0)
    );
    if !back {
        let blanks = "Imprimante · Printer : ______________   Bac · Tray : ________   Papier · Paper : ______________   Date : ________";
        let _ = writeln!(
            src,
            "#place(top + left, dx: 20mm, dy: {:.3}pt, block(width: {:.3}pt, text(size: 8pt, {})))",
            h - mm(32.0),
            w - mm(70.0),
            string_literal(blanks)
        );
    }
    src
}

/// How to read the sheet, on the front: French, then English.
fn front_words(
    (edge_fr, edge_en): (&str, &str),
    (turn_fr, turn_en): (&str, &str),
) -> [Vec<String>; 2] {
    [vec![
        format!("1. Imprimez ce fichier en recto verso, retournement sur le {edge_fr}, à 100 % (sans « ajuster à la page »), sur le papier de vos travaux. Cette feuille est en {turn_fr} : elle mesure l'imprimante pour les travaux en {turn_fr} (le pilote tourne les feuilles en paysage ; la fiche de chaque travail donne la commande à utiliser)."),
        "2. Marges : chaque règle compte les millimètres depuis le bord du papier. Le premier trait imprimé en entier dit ce que l'imprimante coupe de ce côté. Prenez la plus grande valeur des deux faces : printer-margin = \"5mm\" dans le [[print]] de guide.toml, ou --printer-margin 5mm.".into(),
        "3. Décalage : tenez la feuille devant une lampe ou une fenêtre, côté VERSO vers vous, et lisez où les traits de la croix du recto coupent la croix graduée du verso : x sur le trait horizontal (+ à droite), y sur le trait vertical (+ en haut). Écrivez back-offset = \"x mm,y mm\" dans le [[print]], ou --back-offset xmm,ymm pour livret impose.".into(),
        format!("4. Échelle : les deux barres graduées du recto font 100 mm chacune. Mesurez-les avec une règle : 97 mm veut dire que l'imprimante réduit (« ajuster à la page ») ; corrigez le réglage. Notez en bas l'imprimante, le bac et le papier."),
        format!("Croix à plusieurs centimètres l'une de l'autre : l'imprimante n'a pas retourné la feuille sur le {edge_fr}. Corrigez le réglage et recommencez."),
    ], vec![
        format!("1. Print this file double-sided, flip on {edge_en}, at 100% (no \"fit to page\"), on the paper of your jobs. This sheet is {turn_en}: it measures the printer for {turn_en} jobs (the driver turns landscape sheets; each job's ticket gives the command to use)."),
        "2. Margins: each ruler counts millimetres from the paper's edge. The first tick printed whole tells how much the printer clips on that side. Take the largest of both faces: printer-margin = \"5mm\" in guide.toml's [[print]], or --printer-margin 5mm.".into(),
        "3. Offset: hold the sheet against a lamp or a window, BACK side facing you, and read where the lines of the front's cross cross the back's graduated cross: x on the horizontal line (+ right), y on the vertical line (+ up). Write back-offset = \"xmm,ymm\" in the [[print]], or --back-offset xmm,ymm for livret impose.".into(),
        format!("4. Scale: the front's two graduated bars are 100 mm each. Measure them with a ruler: 97 mm means the printer shrinks (\"fit to page\"); fix the setting. Note the printer, tray and paper at the bottom."),
        format!("Crosses centimetres apart: the printer did not flip the sheet on the {edge_en}. Fix the setting and print again."),
    ]]
}

/// How to read the offset, on the back: French, then English.
fn back_words() -> [Vec<String>; 2] {
    [vec![
        "Lisez ici, devant la lumière, ce côté vers vous : où les traits de la croix du recto coupent la croix graduée ? x sur le trait horizontal (+ à droite), y sur le trait vertical (+ en haut). Exemple : trait vertical du recto sur +1,5, trait horizontal sur −0,5 → back-offset = \"1.5mm,-0.5mm\".".into()],
        vec!["Read here, against the light, this side facing you: where do the lines of the front's cross cross the graduated cross? x on the horizontal line (+ right), y on the vertical line (+ up). Example: the front's vertical line at +1.5, its horizontal line at −0.5 → back-offset = \"1.5mm,-0.5mm\".".into()],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use livret_impose::SheetSize;

    #[test]
    fn the_back_cross_lies_behind_the_front_one() {
        let a4 = SheetSize::A4.size();
        let long = CalibrationSheet { size: a4, duplex: Duplex::Long, name: "A4".into() };
        let (x, y) = long.front_cross();
        assert_eq!(long.behind((x, y)), (a4.width - x, y));
        let short = CalibrationSheet { duplex: Duplex::Short, ..long };
        assert_eq!(short.behind((x, y)), (x, a4.height - y));
        assert_eq!(signed(-5), "\u{2212}5");
        assert_eq!(signed(10), "+10");
    }
}
