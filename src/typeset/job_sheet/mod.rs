//! The job sheet: one page in French then one in English that show a print shop, in
//! pictures drawn from the imposition plan itself, what to do with a print file —
//! sheet 1's front and back in miniature with every page number, the cuts and folds,
//! the order of the piles, the printer settings, the counts, the spine side and the
//! ink. The words are the `.txt` ticket's ([`livret_impose::ticket`]). Laid out by
//! typst in-process; every text from outside is an escaped string literal.

mod canvas;
mod miniature;
mod pictos;
mod stack;
pub mod store;

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use typst::foundations::Datetime;

use crate::typeset::fonts::Fonts;
use crate::typeset::ink::InkCoverage;
use crate::typeset::world::GuideWorld;
use crate::util::diag::Result;
use canvas::lit;
use livret_impose::ticket::{self, Note, TicketInfo};
use livret_impose::{Imposition, Scheme, to_mm, words};

/// The language of one page of the job sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// French, the first page.
    Fr,
    /// English, the second page.
    En,
}

impl Lang {
    /// The French or the English words.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// Booklet counts the job sheet gives the sheets for.
pub const RUNS: [usize; 3] = [10, 50, 100];

/// What a job sheet shows besides the plan.
pub struct JobSheet<'a> {
    /// The plan the print file follows.
    pub plan: &'a Imposition,
    /// Title, file names and sheet name, as the `.txt` ticket has them.
    pub info: TicketInfo<'a>,
    /// Notes about the source, as the `.txt` ticket has them.
    pub notes: &'a [Note],
    /// Made for a black-and-white printer.
    pub gray: bool,
    /// The ink the print file takes, when it was measured.
    pub ink: Option<&'a InkCoverage>,
    /// The font of the title's language (the pages' words fall back to typst's).
    pub font: &'a str,
}

/// Where typst lays the job sheet out: the project (or folder) root, the virtual path
/// of its source, the fonts, the date, and the PDF's identifier.
pub struct Setting<'a> {
    /// The root typst reads inside (nothing is read: the source is generated).
    pub root: &'a Path,
    /// The source's project-relative path.
    pub main: &'a str,
    /// The fonts.
    pub fonts: &'a Arc<Fonts>,
    /// The date of the PDF.
    pub date: Datetime,
    /// The PDF's identifier.
    pub ident: &'a str,
}

/// The job sheet as a PDF: two pages, French then English.
pub fn pdf(job: &JobSheet, setting: &Setting) -> Result<Vec<u8>> {
    crate::typeset::export::pdf(
        &document(job, setting)?,
        setting.ident,
        setting.date,
        false,
    )
}

/// The job sheet laid out: two pages, French then English. Should the steps make a
/// page overflow, they are left out (the `.txt` ticket has them).
pub fn document(
    job: &JobSheet,
    setting: &Setting,
) -> Result<typst_layout::PagedDocument> {
    let document = compile(&source(job, true), setting)?;
    if document.pages().len() == 2 {
        return Ok(document);
    }
    compile(&source(job, false), setting)
}

/// Lays out `source` with typst.
fn compile(source: &str, setting: &Setting) -> Result<typst_layout::PagedDocument> {
    let world = GuideWorld::new(
        setting.root,
        setting.main,
        source.to_string(),
        setting.fonts.clone(),
        setting.date,
    );
    Ok(crate::typeset::compile::compile(&world)?.document)
}

/// The Typst source of the two pages; `steps` includes the ticket's steps.
pub fn source(job: &JobSheet, steps: bool) -> String {
    let mut out = format!(
        "#set page(width: 210mm, height: 297mm, margin: (x: 12mm, y: 10mm))\n#set text(font: (\"Andika\", {}, \"Libertinus Serif\"), size: 8pt)\n#set par(spacing: 0.55em, leading: 0.45em)\n",
        crate::typeset::markdown::string_literal(job.font)
    );
    out.push_str(&page(job, Lang::Fr, steps));
    out.push_str("#pagebreak()\n");
    out.push_str(&page(job, Lang::En, steps));
    out
}

/// One page in `lang`.
fn page(job: &JobSheet, lang: Lang, steps: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "#set text(lang: \"{}\")", lang.pick("fr", "en"));
    header(&mut out, job, lang);
    facts(&mut out, job, lang);
    let _ = writeln!(
        out,
        "#v(2mm)\n#grid(columns: 4, column-gutter: 3.3mm, {}, {}, {}, {})",
        pictos::paper(job, lang),
        pictos::duplex(job, lang),
        pictos::scale(job, lang),
        pictos::ink(job, lang)
    );
    sides(&mut out, job.plan, lang);
    let _ = writeln!(
        out,
        "#v(2mm)\n#grid(columns: (auto, auto, 1fr), column-gutter: 4mm,\n[#text(weight: \"bold\", {})\\\n#{}],\n[#text(weight: \"bold\", {})\\\n#{}],\n[{}])",
        crate::typeset::markdown::string_literal(
            lang.pick("Après l'impression", "After printing")
        ),
        stack::diagram(job.plan, lang),
        crate::typeset::markdown::string_literal(stack::finished_title(
            job.plan.scheme,
            lang
        )),
        stack::finished(job.plan, lang),
        counts(job.plan, lang)
    );
    if steps {
        let lines = ticket::steps(job.plan, &job.info, job.notes);
        let lines = match lang {
            Lang::Fr => lines.fr,
            Lang::En => lines.en,
        };
        let _ = writeln!(
            out,
            "#v(1mm)\n#text(weight: \"bold\", {})",
            quoted(lang.pick("Étapes", "Steps"))
        );
        for line in lines.iter().filter(|l| !l.is_empty()) {
            let _ = writeln!(out, "#par[{}]", lit(line));
        }
    }
    let footer = lang.pick(
        "Fiche dessinée par livret d'après le plan de ce fichier ; la fiche .txt dit la même chose en texte. Imprimez toujours à 100 %.",
        "Drawn by livret from this file's plan; the .txt ticket says the same in words. Always print at 100%.",
    );
    let _ = writeln!(
        out,
        "#place(bottom + left, text(size: 7pt, fill: luma(80), {}))",
        quoted(footer)
    );
    out
}

/// A Typst string literal.
fn quoted(text: &str) -> String {
    crate::typeset::markdown::string_literal(text)
}

/// The title block: what the sheet is, the guide's title, the file, and the language.
fn header(out: &mut String, job: &JobSheet, lang: Lang) {
    let what = lang.pick("FICHE DE TRAVAIL", "JOB SHEET");
    let file = match job.info.backs_file {
        Some(backs) => format!("{} + {backs}", job.info.file),
        None => job.info.file.to_string(),
    };
    let file = format!(
        "{} {file} · {} {}",
        lang.pick("Fichier :", "File:"),
        lang.pick("schéma", "scheme"),
        job.plan.scheme
    );
    let other = lang.pick("English: next page", "Français : page précédente");
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, auto), align: (left + top, right + top),\n[#text(size: 17pt, weight: \"bold\", {})\\\n#text(size: 10.5pt, weight: \"bold\", {})\\\n#text(size: 7.5pt, {})],\n[#box(fill: black, inset: 4pt, radius: 2pt, text(fill: white, size: 14pt, weight: \"bold\", {}))\\\n#text(size: 7pt, {})])",
        quoted(what),
        quoted(job.info.title),
        quoted(&file),
        quoted(lang.pick("FR", "EN")),
        quoted(other)
    );
}

/// The job's facts under the title, as the ticket's head gives them: finished size,
/// bleed, paper, creep, spine, quantity, and the blanks for the shop's own notes.
fn facts(out: &mut String, job: &JobSheet, lang: Lang) {
    let facts = ticket::facts(job.plan, &job.info);
    let lines = match lang {
        Lang::Fr => facts.fr,
        Lang::En => facts.en,
    };
    let body: Vec<String> = lines.iter().map(|l| lit(l)).collect();
    let _ = writeln!(out, "#v(1mm)\n#text(size: 7.5pt)[{}]", body.join("\\\n"));
}

/// Sheet 1's front and back side by side, each with its name above and its width
/// below, then the legend.
fn sides(out: &mut String, plan: &Imposition, lang: Lang) {
    let Some(sheet) = plan.sheets.first() else { return };
    let (w, h) = (to_mm(plan.sheet.width), to_mm(plan.sheet.height));
    let size = format!("{w:.0} × {h:.0} mm");
    let front = lang.pick("FEUILLE 1 — RECTO", "SHEET 1 — FRONT");
    let back = match (plan.scheme, lang) {
        (Scheme::Zine, _) => {
            lang.pick("FEUILLE 1 — VERSO (vide)", "SHEET 1 — BACK (empty)")
        }
        _ => lang.pick("FEUILLE 1 — VERSO (retournée)", "SHEET 1 — BACK (turned over)"),
    };
    let column = |name: &str, mini: String| {
        format!(
            "align(center, stack(dir: ttb, spacing: 1.5mm, text(size: 8pt, weight: \"bold\", {}), {mini}, text(size: 8pt, {})))",
            quoted(name),
            quoted(&size)
        )
    };
    let _ = writeln!(
        out,
        "#v(3mm)\n#grid(columns: (1fr, 1fr), {}, {})",
        column(front, miniature::side(plan, &sheet.front, false, lang)),
        column(back, miniature::side(plan, &sheet.back, true, lang))
    );
    let _ = writeln!(out, "#v(1mm)\n#align(center, {})", legend(plan.scheme, lang));
}

/// What the lines and marks of the miniatures mean (flat work is never folded: no
/// fold line; wire binding shows where the leaves are punched).
fn legend(scheme: Scheme, lang: Lang) -> String {
    use canvas::{CUT, Canvas, FOLD, INK, dashed, pen};
    let mut c = Canvas::new(186.0, 5.0);
    c.line((4.0, 2.5), (14.0, 2.5), pen(CUT, 1.2));
    c.label((16.0, 2.5), 7.5, lang.pick("couper", "cut"), "");
    match scheme {
        Scheme::Cards => {}
        Scheme::Wire => {
            for x in [42.0, 45.0, 48.0] {
                c.circle((x, 2.5), 0.7, "white", Some(pen(INK, 0.4)));
            }
            c.label((52.0, 2.5), 7.5, lang.pick("perforer", "punch"), "");
        }
        _ => {
            c.line((40.0, 2.5), (50.0, 2.5), dashed(FOLD, 1.2));
            c.label((52.0, 2.5), 7.5, lang.pick("plier", "fold"), "");
        }
    }
    c.polygon(&[(78.0, 1.0), (76.5, 3.5), (79.5, 3.5)], INK);
    c.label((81.0, 2.5), 7.5, lang.pick("haut de la page", "top of the page"), "");
    c.rect((118.0, 0.8, 6.0, 3.4), Some("white"), Some(dashed("luma(150)", 0.5)));
    c.label((126.0, 2.5), 7.5, lang.pick("page blanche", "blank page"), "");
    c.rect((152.0, 0.8, 6.0, 3.4), Some(canvas::PAGE), Some(pen("luma(150)", 0.5)));
    c.label((160.0, 2.5), 7.5, lang.pick("n° de page", "page number"), "");
    c.finish()
}

/// Sheets per booklet, sheets for 10, 50 and 100 booklets, pages and blanks.
fn counts(plan: &Imposition, lang: Lang) -> String {
    let t = plan.ticket();
    let mut lines = vec![format!(
        "#text(weight: \"bold\", {})",
        quoted(lang.pick("Quantités", "Quantities"))
    )];
    let cards = plan.scheme == Scheme::Cards;
    let run = if t.booklets > 1 {
        format!(
            "{} {} {} → {} {}",
            lang.pick("1 passage :", "1 run:"),
            t.sheets,
            lang.pick(
                words::fr(t.sheets, "feuille", "feuilles"),
                words::en(t.sheets, "sheet", "sheets")
            ),
            t.booklets,
            if cards {
                lang.pick("cartes", "cards")
            } else {
                lang.pick("livrets", "booklets")
            }
        )
    } else {
        format!(
            "{} {}",
            lang.pick("Feuilles par livret :", "Sheets per booklet:"),
            t.sheets
        )
    };
    lines.push(lit(&run));
    for n in RUNS {
        let sheets = n.div_ceil(t.booklets.max(1)) * t.sheets;
        let text = format!(
            "{n} {} {sheets} {}",
            if cards {
                lang.pick("cartes :", "cards:")
            } else {
                lang.pick("livrets :", "booklets:")
            },
            lang.pick(
                words::fr(sheets, "feuille", "feuilles"),
                words::en(sheets, "sheet", "sheets")
            )
        );
        lines.push(lit(&text));
    }
    let pages = format!(
        "{} {} + {} {} = {}",
        lang.pick("Pages :", "Pages:"),
        t.pages,
        t.blanks,
        lang.pick(
            words::fr(t.blanks, "blanche ajoutée", "blanches ajoutées"),
            words::en(t.blanks, "blank added", "blanks added")
        ),
        t.padded
    );
    lines.push(lit(&pages));
    if t.signatures > 1 {
        lines.push(lit(&format!(
            "{} {}",
            lang.pick("Cahiers :", "Signatures:"),
            t.signatures
        )));
    }
    lines.join("\\\n")
}
