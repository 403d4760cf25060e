//! After printing: the piles a cut gives, numbered where they lie on the sheet, and
//! which goes under which (or which pile is which booklet, or how signatures are
//! gathered); and the finished item: a booklet with its spine on the left or the right
//! (stapled, sewn, or bound with wire through punched holes), or a flat card.

use livret_impose::ticket;
use livret_impose::{Binding, Imposition, JobTicket, Scheme, to_mm};

use super::Lang;
use super::canvas::{CUT, Canvas, INK, PAGE, pen};

/// Width of the stack diagram, in mm.
const WIDTH: f64 = 92.0;
/// Height of the stack diagram, in mm.
const HEIGHT: f64 = 46.0;
/// Most bars drawn in a stack; more are shown as "…".
const MOST: usize = 6;

/// The stack diagram of `plan`, as a Typst box.
pub fn diagram(plan: &Imposition, lang: Lang) -> String {
    let t = plan.ticket();
    let mut c = Canvas::new(WIDTH, HEIGHT);
    let cut = t.piles > 1;
    let right = if cut {
        cut_sheet(&mut c, plan);
        c.arrow((37.0, HEIGHT / 2.0), (45.0, HEIGHT / 2.0), pen(INK, 1.2), 2.2);
        48.0
    } else {
        0.0
    };
    match plan.scheme {
        Scheme::Copies | Scheme::Cards if cut => booklets(&mut c, &t, right, lang),
        Scheme::Signatures => signatures(&mut c, &t, right, lang),
        Scheme::Zine => {
            let words = lang.pick(
                "Une seule feuille, imprimée d'un côté : pliez et fendez-la comme le montre la miniature (trait rouge = fente).",
                "One sheet, printed on one side: fold and slit it as the miniature shows (red line = slit).",
            );
            c.text((0.0, 0.0, WIDTH, HEIGHT), 8.0, words, "");
        }
        _ if cut => {
            let labels: Vec<String> = (1..=t.piles)
                .map(|p| format!("{} {p}", lang.pick("pile", "pile")))
                .collect();
            bars(&mut c, &labels, right, lang);
            let words = lang.pick(
                "pile 2 sous pile 1… sans les tourner",
                "pile 2 under pile 1… not turned",
            );
            c.text((right, HEIGHT - 6.0, WIDTH - right, 6.0), 6.5, words, "");
        }
        _ => {
            let labels: Vec<String> = (1..=t.sheets)
                .map(|s| format!("{} {s}", lang.pick("feuille", "sheet")))
                .collect();
            bars(&mut c, &labels, right, lang);
            let words = if plan.scheme.is_flat() {
                lang.pick("une seule pile, sans pli", "one stack, not folded")
            } else {
                lang.pick(
                    "une seule pile, pliée d'un coup",
                    "one stack, folded all at once",
                )
            };
            c.text((right, HEIGHT - 6.0, WIDTH - right, 6.0), 6.5, words, "");
        }
    }
    c.finish()
}

/// The front of a sheet, small, with its cuts and each piece's pile number circled.
fn cut_sheet(c: &mut Canvas, plan: &Imposition) {
    let (w, h) = (to_mm(plan.sheet.width), to_mm(plan.sheet.height));
    let s = (34.0 / w).min((HEIGHT - 4.0) / h);
    let (ox, oy) = (0.5, (HEIGHT - h * s) / 2.0);
    c.rect((ox, oy, w * s, h * s), Some("white"), Some(pen(INK, 0.7)));
    let cuts = ticket::cuts(plan);
    for y in &cuts.across {
        let y = oy + to_mm(*y) * s;
        c.line((ox - 1.0, y), (ox + w * s + 1.0, y), pen(CUT, 0.9));
    }
    for x in &cuts.down {
        let x = ox + to_mm(*x) * s;
        c.line((x, oy - 1.0), (x, oy + h * s + 1.0), pen(CUT, 0.9));
    }
    let g = plan.grid;
    let r = (to_mm(g.cell.width.min(g.cell.height)) * s * 0.3).min(3.2);
    for cell in 0..g.cells() {
        let rect = g.cell_rect(cell);
        let (cx, cy) = rect.center();
        let (cx, cy) = (ox + to_mm(cx) * s, oy + to_mm(cy) * s);
        c.circle((cx, cy), r, "white", Some(pen(INK, 0.7)));
        c.text((cx - r, cy - r, 2.0 * r, 2.0 * r), r * 2.2, &(cell + 1).to_string(), "");
    }
}

/// A stack seen from the side: one bar per label, the first on top, the stack
/// centred in the space left for the caption.
fn bars(c: &mut Canvas, labels: &[String], left: f64, lang: Lang) {
    let shown = labels.len().min(MOST);
    let more = labels.len() > shown;
    let (x, w, bar, gap) = (left + 13.0, WIDTH - left - 14.0, 4.2, 1.0);
    let rows = shown + usize::from(more);
    let top = ((HEIGHT - 7.0) - rows as f64 * (bar + gap)) / 2.0;
    for (i, label) in labels.iter().take(shown).enumerate() {
        let y = top + i as f64 * (bar + gap);
        c.rect((x, y, w, bar), Some(PAGE), Some(pen(INK, 0.5)));
        c.text((x, y, w, bar), 6.5, label, "");
    }
    let last = top + (rows - 1) as f64 * (bar + gap);
    if more {
        c.text((x, last, w, bar), 7.0, "…", "");
    }
    c.text((left, top, 12.5, bar), 6.0, lang.pick("dessus", "top"), ", weight: \"bold\"");
    if rows > 1 {
        c.text((left, last, 12.5, bar), 6.0, lang.pick("dessous", "bottom"), "");
    }
}

/// Copies: every pile becomes one booklet.
fn booklets(c: &mut Canvas, t: &JobTicket, left: f64, lang: Lang) {
    let shown = t.piles.min(4);
    let w = (WIDTH - left) / shown as f64;
    for i in 0..shown {
        let x = left + i as f64 * w + 1.0;
        c.rect((x + 2.0, 8.0, w - 6.0, 20.0), Some(PAGE), Some(pen(INK, 0.6)));
        if t.scheme != Scheme::Cards {
            c.rect((x + 2.0, 8.0, 1.2, 20.0), Some(INK), None);
        }
        c.text(
            (x + 2.0, 8.0, w - 6.0, 20.0),
            9.0,
            &(i + 1).to_string(),
            ", weight: \"bold\"",
        );
    }
    let words = if t.scheme == Scheme::Cards {
        format!(
            "{} · {} {}",
            lang.pick("chaque morceau = 1 carte", "each piece = 1 card"),
            t.booklets,
            lang.pick("cartes par feuille", "cards per sheet")
        )
    } else {
        format!(
            "{} · {} {}",
            lang.pick("chaque pile = 1 livret", "each pile = 1 booklet"),
            t.booklets,
            lang.pick("livrets par passage", "booklets per run")
        )
    };
    c.text((left, 31.0, WIDTH - left, 8.0), 6.5, &words, "");
}

/// Signatures: each folded on its own, then gathered, signature 1 on top.
fn signatures(c: &mut Canvas, t: &JobTicket, left: f64, lang: Lang) {
    let mut first = 1;
    let mut labels = Vec::new();
    for (i, n) in t.sheets_per_signature.iter().enumerate() {
        let last = first + n - 1;
        let sheets = if *n == 1 {
            format!("{} {first}", lang.pick("f.", "sh."))
        } else {
            format!("{} {first}–{last}", lang.pick("f.", "sh."))
        };
        labels.push(format!("{} {} · {sheets}", lang.pick("cahier", "signature"), i + 1));
        first += n;
    }
    bars(c, &labels, left, lang);
    let words = if t.piles > 1 {
        lang.pick(
            "dans chaque cahier : pile 1 sur pile 2 ; pliez chaque cahier",
            "in each signature: pile 1 on pile 2; fold each signature",
        )
    } else {
        lang.pick(
            "pliez chaque cahier, puis rassemblez",
            "fold each signature, then gather",
        )
    };
    c.text((left, HEIGHT - 6.0, WIDTH - left, 6.0), 6.5, words, "");
}

/// The title over the finished item's picture.
pub fn finished_title(scheme: Scheme, lang: Lang) -> &'static str {
    match scheme {
        Scheme::Cards => lang.pick("La carte finie", "The finished card"),
        Scheme::Wire => lang.pick("Le livre relié fini", "The finished bound book"),
        _ => lang.pick("Le livret fini", "The finished booklet"),
    }
}

/// The finished item: a card (front and back, cut only) or a booklet with its spine.
pub fn finished(plan: &Imposition, lang: Lang) -> String {
    if plan.scheme == Scheme::Cards {
        return card(plan, lang);
    }
    spine(plan, lang)
}

/// A finished card in its proportions: the front, and the back when it has one.
fn card(plan: &Imposition, lang: Lang) -> String {
    let (w, h) = (44.0, 40.0);
    let mut c = Canvas::new(w, h);
    let (pw, ph) = (plan.page.width, plan.page.height);
    let s = (18.0 / pw).min(24.0 / ph);
    let (cw, ch) = (pw * s, ph * s);
    let sides: &[(&str, &str)] = if plan.one_sided() {
        &[("1", "")]
    } else {
        &[("1", lang.pick("recto", "front")), ("2", lang.pick("verso", "back"))]
    };
    let gap = (w - cw * sides.len() as f64) / (sides.len() as f64 + 1.0);
    for (i, (n, name)) in sides.iter().enumerate() {
        let x = gap + i as f64 * (cw + gap);
        c.rect((x, 2.0, cw, ch), Some(PAGE), Some(pen(INK, 0.8)));
        c.text((x, 2.0, cw, ch), 9.0, n, ", weight: \"bold\"");
        c.text((x, 2.5 + ch, cw, 4.0), 6.0, name, "");
    }
    let caption =
        lang.pick("coupée seulement : ni pli ni agrafe", "cut only: no fold, no staple");
    c.text((0.0, ch + 7.0, w, h - ch - 7.0), 6.5, caption, "");
    c.finish()
}

/// The finished booklet seen from the front: its cover, its spine on the left or the
/// right, staples on the spine when the scheme staples, the rings of wire binding.
fn spine(plan: &Imposition, lang: Lang) -> String {
    let (w, h) = (44.0, 40.0);
    let mut c = Canvas::new(w, h);
    let (bw, bh) = (22.0, 30.0);
    let (bx, by) = ((w - bw) / 2.0, 2.0);
    c.rect((bx, by, bw, bh), Some(PAGE), Some(pen(INK, 0.8)));
    let cover = lang.pick("COUVERTURE", "COVER");
    c.text((bx, by, bw, bh), 5.5, cover, ", weight: \"bold\"");
    let right = plan.binding == Binding::Right;
    let sx = if right { bx + bw - 2.4 } else { bx };
    c.rect((sx, by, 2.4, bh), Some(INK), None);
    if matches!(plan.scheme, Scheme::Saddle | Scheme::Cutstack | Scheme::Copies) {
        for f in [0.25, 0.75] {
            let y = by + bh * f;
            c.line((sx + 1.2, y - 2.0), (sx + 1.2, y + 2.0), pen("luma(200)", 1.0));
        }
    }
    if plan.scheme == Scheme::Wire {
        for i in 0..8 {
            let y = by + bh * (i as f64 + 0.5) / 8.0;
            c.circle((sx + 1.2, y), 1.0, "white", Some(pen("luma(120)", 0.5)));
        }
    }
    let label = lang.pick("DOS", "SPINE");
    let lx = if right { bx + bw + 0.5 } else { 0.0 };
    c.text((lx, by + bh / 2.0 - 3.0, bx - 0.5, 6.0), 6.0, label, ", weight: \"bold\"");
    let mut caption = match (right, lang) {
        (false, Lang::Fr) => "dos à gauche",
        (false, Lang::En) => "spine on the left",
        (true, Lang::Fr) => "dos à droite : se lit de droite à gauche",
        (true, Lang::En) => "spine on the right: reads right to left",
    }
    .to_string();
    if plan.scheme == Scheme::Wire {
        caption.push_str(lang.pick(
            " · feuillets non pliés, reliés par spirale",
            " · leaves not folded, bound with wire",
        ));
    }
    c.text((0.0, by + bh + 0.5, w, h - by - bh - 0.5), 6.5, &caption, "");
    c.finish()
}
