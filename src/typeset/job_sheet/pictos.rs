//! The printer settings as pictograms: the paper, the double-sided flip, printing at
//! 100 % without "fit to page", and the ink a side takes.

use livret_impose::{Axis, Duplex, Imposition, Scheme, to_mm, words};

use super::canvas::{CUT, Canvas, INK, pen};
use super::{JobSheet, Lang};
use crate::typeset::ink::{Estimate, InkCoverage, percent, sheet_side};

/// Width of one pictogram, in mm.
pub const WIDTH: f64 = 44.0;
/// Height of one pictogram, in mm.
const HEIGHT: f64 = 38.0;

/// A pictogram's frame with its title; the drawing goes between y 6 and 28 mm.
fn framed(title: &str) -> Canvas {
    let mut c = Canvas::new(WIDTH, HEIGHT);
    c.rect((0.0, 0.0, WIDTH, HEIGHT), None, Some(pen("luma(170)", 0.5)));
    c.text((0.0, 0.5, WIDTH, 5.0), 8.0, title, ", weight: \"bold\"");
    c
}

/// A sheet outline of the job's orientation, fitted in `height` mm, centred at `cx`.
fn sheet(c: &mut Canvas, plan: &Imposition, cx: f64, top: f64, height: f64) -> [f64; 4] {
    let (w, h) = (to_mm(plan.sheet.width), to_mm(plan.sheet.height));
    let s = (height / h).min(height / w);
    let (sw, sh) = (w * s, h * s);
    let area = [cx - sw / 2.0, top + (height - sh) / 2.0, sw, sh];
    c.rect((area[0], area[1], sw, sh), Some("white"), Some(pen(INK, 0.8)));
    area
}

/// The paper: its size, orientation, and how many sheets a run takes.
pub fn paper(job: &JobSheet, lang: Lang) -> String {
    let plan = job.plan;
    let mut c = framed(lang.pick("Papier", "Paper"));
    sheet(&mut c, plan, WIDTH / 2.0, 7.0, 18.0);
    let landscape = plan.sheet.width > plan.sheet.height;
    let orientation = match (landscape, lang) {
        (true, Lang::Fr) => "paysage",
        (true, Lang::En) => "landscape",
        (false, Lang::Fr) => "portrait",
        (false, Lang::En) => "portrait",
    };
    let name = job.info.sheet_name.to_uppercase();
    let (w, h) = (to_mm(plan.sheet.width), to_mm(plan.sheet.height));
    let size = format!("{name} · {w:.0} × {h:.0} mm");
    c.text((0.0, 26.0, WIDTH, 4.5), 7.5, &size, ", weight: \"bold\"");
    let count = format!(
        "{orientation} · {} {}",
        plan.sheets.len(),
        lang.pick(
            words::fr(plan.sheets.len(), "feuille par passage", "feuilles par passage"),
            words::en(plan.sheets.len(), "sheet per run", "sheets per run")
        )
    );
    c.text((0.0, 31.0, WIDTH, 5.0), 6.5, &count, "");
    c.finish()
}

/// Double-sided: the edge the printer flips on, drawn thick with an arrow over it;
/// single-sided for the zine; by hand without duplex.
pub fn duplex(job: &JobSheet, lang: Lang) -> String {
    let plan = job.plan;
    if plan.scheme == Scheme::Zine {
        let mut c = framed(lang.pick("Recto seul", "Single-sided"));
        let a = sheet(&mut c, plan, WIDTH / 2.0, 8.0, 17.0);
        c.text((a[0], a[1], a[2], a[3]), 11.0, "1", ", weight: \"bold\"");
        let words = lang.pick("une face, pas de verso", "one side, no back");
        c.text((0.0, 27.0, WIDTH, 9.0), 7.0, words, "");
        return c.finish();
    }
    let title = if job.info.backs_file.is_some() {
        lang.pick("Recto verso à la main", "Double-sided by hand")
    } else {
        lang.pick("Recto verso", "Double-sided")
    };
    let mut c = framed(title);
    let a = sheet(&mut c, plan, WIDTH / 2.0, 8.0, 17.0);
    let [x, y, w, h] = a;
    // The flip axis: a vertical one turns the sheet like a book page (the hinge is a
    // side edge), a horizontal one like a notepad (the hinge is the top edge).
    if plan.flip == Axis::Vertical {
        c.rect((x - 0.6, y, 1.4, h), Some(CUT), None);
        c.curved_arrow(
            (x + w * 0.8, y + h * 0.3),
            (x - w * 0.2, y - 4.0),
            (x - 3.5, y + h * 0.55),
            pen(INK, 0.8),
        );
    } else {
        c.rect((x, y - 0.6, w, 1.4), Some(CUT), None);
        c.curved_arrow(
            (x + w * 0.7, y + h * 0.8),
            (x + w + 5.0, y - h * 0.2),
            (x + w * 0.55, y - 3.0),
            pen(INK, 0.8),
        );
    }
    c.text((x, y, w, h), 8.0, "1 | 2", ", fill: luma(120)");
    let edge = match (plan.duplex, lang) {
        (Duplex::Long, Lang::Fr) => "bord long",
        (Duplex::Long, Lang::En) => "long edge",
        (Duplex::Short, Lang::Fr) => "bord court",
        (Duplex::Short, Lang::En) => "short edge",
    };
    let how = match (plan.flip, lang) {
        (Axis::Vertical, Lang::Fr) => "comme une page de livre",
        (Axis::Vertical, Lang::En) => "like a book page",
        (Axis::Horizontal, Lang::Fr) => "comme un bloc-notes",
        (Axis::Horizontal, Lang::En) => "like a notepad",
    };
    let flip = lang.pick("retourner sur le", "flip on");
    c.text((0.0, 26.5, WIDTH, 4.5), 7.5, &format!("{flip} {edge}"), ", weight: \"bold\"");
    c.text((0.0, 31.0, WIDTH, 5.0), 6.5, how, "");
    c.finish()
}

/// Print at 100 %: the percentage, and "fit to page" crossed out.
pub fn scale(job: &JobSheet, lang: Lang) -> String {
    let mut c = framed(lang.pick("Échelle", "Scale"));
    c.text((0.0, 7.0, WIDTH, 9.0), 17.0, "100 %", ", weight: \"bold\"");
    // "Fit to page": a page with arrows to its corners, crossed out.
    let (x, y, w, h) = (WIDTH / 2.0 - 5.0, 16.5, 10.0, 9.0);
    c.rect((x, y, w, h), Some("white"), Some(pen(INK, 0.6)));
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
        let to = (cx + dx * (w / 2.0 - 0.8), cy + dy * (h / 2.0 - 0.8));
        c.arrow((cx + dx * 1.0, cy + dy * 0.9), to, pen(INK, 0.5), 1.1);
    }
    c.line((x - 1.5, y - 1.0), (x + w + 1.5, y + h + 1.0), pen(CUT, 1.3));
    c.line((x - 1.5, y + h + 1.0), (x + w + 1.5, y - 1.0), pen(CUT, 1.3));
    let no = lang.pick("sans « ajuster à la page »", "no \"fit to page\"");
    c.text((0.0, 26.5, WIDTH, 4.5), 7.0, no, ", weight: \"bold\"");
    if (job.plan.scale - 1.0).abs() > 1e-6 {
        let shrunk = format!(
            "{} {:.0} %",
            lang.pick("pages déjà réduites à", "pages already at"),
            job.plan.scale * 100.0
        );
        c.text((0.0, 31.0, WIDTH, 5.0), 6.5, &shrunk, "");
    }
    c.finish()
}

/// The ink: black only for a black-and-white printer, else C, M, Y, K; each as a gauge
/// filled to the mean coverage of a side, with a tick at the fullest side.
pub fn ink(job: &JobSheet, lang: Lang) -> String {
    let estimated = job.ink.is_some_and(|ink| ink.estimated.is_some());
    let title = match (job.gray, estimated) {
        (true, false) => lang.pick("Encre : noir seul", "Ink: black only"),
        (false, false) => lang.pick("Encre : couleur", "Ink: colour"),
        (true, true) => lang.pick("Encre : noir (estimée)", "Ink: black (estimated)"),
        (false, true) => {
            lang.pick("Encre : couleur (estimée)", "Ink: colour (estimated)")
        }
    };
    let mut c = framed(title);
    let Some(ink) = job.ink else {
        let words = lang.pick(
            "non mesurée pour un PDF reçu (voir la fiche .txt)",
            "not measured for a PDF received (see the .txt ticket)",
        );
        return words_only(c, words);
    };
    if ink.none_measured(job.plan.pages) {
        // Every page past the limits: the gauges would show only the marks' ink.
        let words = lang.pick(
            "non mesurée : toutes les pages dépassent les limites du dessin",
            "not measured: every page is past the drawing limits",
        );
        return words_only(c, words);
    }
    let channels: Vec<(&str, &str, f64, f64)> = if ink.gray {
        vec![("K", "black", ink.mean.k, ink.max.k)]
    } else {
        vec![
            ("C", "cmyk(100%, 0%, 0%, 0%)", ink.mean.c, ink.max.c),
            ("M", "cmyk(0%, 100%, 0%, 0%)", ink.mean.m, ink.max.m),
            ("Y", "cmyk(0%, 0%, 100%, 0%)", ink.mean.y, ink.max.y),
            ("K", "black", ink.mean.k, ink.max.k),
        ]
    };
    gauges(&mut c, &channels, ink.estimated.is_none());
    match ink.estimated {
        None => lines(&mut c, job.plan, ink, lang),
        Some(e) => estimated_lines(&mut c, ink, e, lang),
    }
    c.finish()
}

/// The ink box with `words` in place of its figures.
fn words_only(mut c: Canvas, words: &str) -> String {
    c.text((2.0, 8.0, WIDTH - 4.0, 20.0), 7.0, words, "");
    c.finish()
}

/// One vertical gauge per ink, 0 to 100 %, filled to the mean, ticked at the largest
/// when it is known (`ticks`).
fn gauges(c: &mut Canvas, channels: &[(&str, &str, f64, f64)], ticks: bool) {
    let n = channels.len() as f64;
    let (gw, top, gh) = (5.0, 7.5, 13.0);
    let step = 8.0;
    let left = WIDTH / 2.0 - (n * step - (step - gw)) / 2.0;
    for (i, (name, paint, mean, max)) in channels.iter().enumerate() {
        let x = left + i as f64 * step;
        c.rect((x, top, gw, gh), Some("white"), Some(pen(INK, 0.5)));
        let fill = gh * mean.clamp(0.0, 1.0);
        c.rect((x, top + gh - fill, gw, fill), Some(paint), None);
        if ticks {
            let tick = top + gh - gh * max.clamp(0.0, 1.0);
            c.line((x - 1.0, tick), (x + gw + 1.0, tick), pen(CUT, 0.8));
        }
        c.text((x - 1.0, top + gh, gw + 2.0, 3.5), 6.5, name, ", weight: \"bold\"");
    }
}

/// The numbers under the gauges: the mean and the fullest side's total.
fn lines(c: &mut Canvas, plan: &Imposition, ink: &InkCoverage, lang: Lang) {
    let mean = format!(
        "{} {}",
        lang.pick("moyenne par face :", "mean per side:"),
        percent(ink.mean.total())
    );
    c.text((0.0, 25.0, WIDTH, 4.0), 7.0, &mean, ", weight: \"bold\"");
    let max = format!(
        "{} {} ({})",
        lang.pick("la plus chargée :", "fullest side:"),
        percent(ink.fullest_total),
        side_name(plan, ink.fullest_page, lang)
    );
    c.text((0.0, 29.0, WIDTH, 4.0), 6.5, &max, "");
    let legend = ("trait rouge = face la plus chargée", "red tick = fullest side");
    last_line(c, ink, lang, legend);
}

/// The line under the figures: the pages left out of the ink when there are any,
/// else `words` (French, English).
fn last_line(c: &mut Canvas, ink: &InkCoverage, lang: Lang, words: (&str, &str)) {
    let line = left_out(ink, lang).unwrap_or_else(|| lang.pick(words.0, words.1).into());
    c.text((0.0, 33.0, WIDTH, 4.0), 5.5, &line, ", fill: luma(90)");
}

/// The pages left out of the ink (past the drawing limits), if any: `sans les pages
/// 3, 7 (non mesurées)`, the first four and an ellipsis.
fn left_out(ink: &InkCoverage, lang: Lang) -> Option<String> {
    let first = ink.unmeasured.first()?;
    let mut pages: Vec<String> =
        ink.unmeasured.iter().take(4).map(|u| u.page.to_string()).collect();
    if ink.unmeasured.len() > 4 {
        pages.push("…".into());
    }
    let list = pages.join(", ");
    Some(match (lang, ink.unmeasured.len()) {
        (Lang::Fr, 1) => format!("sans la page {} (non mesurée)", first.page),
        (Lang::Fr, _) => format!("sans les pages {list} (non mesurées)"),
        (Lang::En, 1) => format!("without page {} (not measured)", first.page),
        (Lang::En, _) => format!("without pages {list} (not measured)"),
    })
}

/// The numbers under the gauges of an estimated ink: the mean, from how many pages,
/// and that the fullest side is not known.
fn estimated_lines(c: &mut Canvas, ink: &InkCoverage, e: Estimate, lang: Lang) {
    let mean = format!(
        "{} {}",
        lang.pick("moyenne par face : env.", "mean per side: about"),
        percent(ink.mean.total())
    );
    c.text((0.0, 25.0, WIDTH, 4.0), 7.0, &mean, ", weight: \"bold\"");
    let from = match lang {
        Lang::Fr => format!("estimée sur {} des {} pages", e.measured, e.pages),
        Lang::En => format!("estimated from {} of {} pages", e.measured, e.pages),
    };
    c.text((0.0, 29.0, WIDTH, 4.0), 6.5, &from, "");
    let max = ("face la plus chargée : non mesurée", "fullest side: not measured");
    last_line(c, ink, lang, max);
}

/// Side `page` (1-based, in print order) as a sheet and side: `feuille 2, verso`.
pub fn side_name(plan: &Imposition, page: usize, lang: Lang) -> String {
    let sheet = lang.pick("feuille", "sheet");
    let (n, back) = sheet_side(page, plan.scheme == Scheme::Zine);
    if plan.scheme == Scheme::Zine {
        return format!("{sheet} {n}");
    }
    let side =
        if back { lang.pick("verso", "back") } else { lang.pick("recto", "front") };
    format!("{sheet} {n}, {side}")
}
