//! The job sheet (`…-ticket.pdf`) read back with poppler: for every scheme, the page
//! numbers in the miniatures of sheet 1 are the plan's, each in its place on the sheet
//! (half, row, column); a French and an English page; the spine on the side the
//! binding says; in the package with the README naming it.

use std::fs;
use std::path::{Path, PathBuf};

use livret::typeset::export;
use livret_impose::Size;
use serde_json::Value;
use typst::foundations::Datetime;

use crate::impose_sheets::labelled;
use crate::support::*;

/// Half the page width of the job sheet (A4) in pt: the front miniature is left of it,
/// the back right of it.
const MIDDLE: f64 = 595.28 / 2.0;

/// A PDF of `n` pages of `w` × `h` mm in a new folder; gives the folder and the file.
pub(crate) fn booklet_pdf(n: usize, w: f64, h: f64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = labelled(n, Size::from_mm(w, h));
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let bytes = export::pdf(&doc, "booklet", date, false).unwrap();
    let input = dir.path().join("booklet.pdf");
    fs::write(&input, bytes).unwrap();
    (dir, input)
}

/// Imposes `input` with `args`, writing the plan; gives the plan and the job sheet.
fn impose_with_plan(input: &Path, args: &[&str]) -> (Value, PathBuf) {
    let dir = input.parent().unwrap();
    let out = dir.join("sheets.pdf");
    let plan = dir.join("plan.json");
    let mut all = vec![
        "impose",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--plan",
        plan.to_str().unwrap(),
    ];
    all.extend(args);
    let (code, stdout, err) = livret(&all);
    assert_eq!(code, 0, "{stdout}\n{err}");
    let sheet = dir.join("sheets-ticket.pdf");
    assert!(stdout.contains("sheets-ticket.pdf"), "the job sheet is named: {stdout}");
    let plan = serde_json::from_str(&fs::read_to_string(plan).unwrap()).unwrap();
    (plan, sheet)
}

/// One miniature as found on a page: its label's centre and the band below it,
/// down to its dimension line.
struct Region {
    centre_x: f64,
    top: f64,
    bottom: f64,
    right_column: bool,
}

impl Region {
    /// Finds the miniature labelled by the word `name` (`RECTO`, `BACK`…).
    fn find(words: &[Word], name: &str) -> Region {
        let label = words
            .iter()
            .find(|w| w.0 == name)
            .unwrap_or_else(|| panic!("no {name} label: {words:?}"));
        let right_column = label.1 > MIDDLE;
        let same_column = |w: &&Word| (w.1 > MIDDLE) == right_column;
        // The label's whole line, in its column.
        let line: Vec<&Word> = words
            .iter()
            .filter(same_column)
            .filter(|w| (w.2 - label.2).abs() < 1.0)
            .collect();
        let left = line.iter().map(|w| w.1).fold(f64::INFINITY, f64::min);
        let right = line.iter().map(|w| w.3).fold(0.0, f64::max);
        let top = line.iter().map(|w| w.4).fold(0.0, f64::max);
        let bottom = words
            .iter()
            .filter(same_column)
            .filter(|w| w.0 == "mm" && w.2 > top)
            .map(|w| w.2)
            .fold(f64::INFINITY, f64::min);
        assert!(bottom.is_finite(), "no dimension line under {name}");
        Region { centre_x: (left + right) / 2.0, top, bottom, right_column }
    }

    /// The words inside the band, in the miniature's column.
    fn words<'a>(&self, words: &'a [Word]) -> Vec<&'a Word> {
        words
            .iter()
            .filter(|w| (w.1 > MIDDLE) == self.right_column)
            .filter(|w| w.2 > self.top && w.4 < self.bottom)
            .collect()
    }
}

/// Checks one side of sheet 1: every slot's page number (1-based), and only those,
/// at the slot's place on the miniature; blanks as the word for a blank.
fn check_side(words: &[Word], plan: &Value, side: &str, label: &str, blank: &str) {
    let region = Region::find(words, label);
    let inside = region.words(words);
    let (sw, sh) = (
        plan["sheet"]["width"].as_f64().unwrap(),
        plan["sheet"]["height"].as_f64().unwrap(),
    );
    // The miniature's height is the band's, less the two gaps around it (1.5 mm
    // each); its width follows from the sheet's proportions.
    let height = region.bottom - region.top;
    let width = height * sw / sh;
    let centre_y = (region.top + region.bottom) / 2.0;
    let slots = plan["sheets"][0][side]["slots"].as_array().unwrap();
    let mut numbers: Vec<&str> = inside
        .iter()
        .map(|w| w.0.as_str())
        .filter(|t| t.parse::<u32>().is_ok())
        .collect();
    let mut expected: Vec<String> = slots
        .iter()
        .filter_map(|s| s["page"].as_u64())
        .map(|p| (p + 1).to_string())
        .collect();
    numbers.sort();
    expected.sort();
    assert_eq!(numbers, expected, "{label}: the page numbers drawn are the plan's");
    let blanks = slots.iter().filter(|s| s["page"].is_null()).count();
    assert_eq!(
        inside.iter().filter(|w| w.0 == blank).count(),
        blanks,
        "{label}: every blank slot says so"
    );
    for slot in slots {
        let Some(page) = slot["page"].as_u64() else { continue };
        let f = |k: &str| slot[k].as_f64().unwrap();
        let ex = (f("x") + f("width") / 2.0) / sw - 0.5;
        let ey = (f("y") + f("height") / 2.0) / sh - 0.5;
        let text = (page + 1).to_string();
        let found = inside.iter().filter(|w| w.0 == text).any(|w| {
            let mx = ((w.1 + w.3) / 2.0 - region.centre_x) / width;
            let my = ((w.2 + w.4) / 2.0 - centre_y) / height;
            // Same half and row: the same side of the middle, and near the slot.
            (mx - ex).abs() < 0.08 && (my - ey).abs() < 0.08 && mx * ex >= 0.0
        });
        assert!(
            found,
            "{label}: page {text} is not drawn at ({ex:.2}, {ey:.2}) of the sheet: {inside:?}"
        );
    }
}

/// Checks both pages of a job sheet against the plan.
fn check_job_sheet(sheet: &Path, plan: &Value) {
    let (pages, w, h) = pdf_info(sheet);
    assert_eq!(pages, 2, "one page in French, one in English");
    assert!((w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5, "A4: {w}×{h}");
    let all = pdf_words_all(sheet);
    let (fr, en) = (&all[0], &all[1]);
    let has = |words: &[Word], w: &str| words.iter().any(|x| x.0 == w);
    assert!(has(fr, "FICHE") && has(fr, "TRAVAIL") && !has(fr, "SHEET"));
    assert!(has(en, "JOB") && has(en, "SHEET") && !has(en, "TRAVAIL"));
    check_side(fr, plan, "front", "RECTO", "blanche");
    check_side(fr, plan, "back", "VERSO", "blanche");
    check_side(en, plan, "front", "FRONT", "blank");
    check_side(en, plan, "back", "BACK", "blank");
}

#[test]
fn every_scheme_draws_the_plans_page_numbers() {
    // Page counts that need blanks, sheets and pages of both orientations.
    type Case<'a> = (&'a str, usize, (f64, f64), &'a [&'a str]);
    let cases: [Case; 7] = [
        ("saddle", 10, (148.0, 210.0), &["--sheet", "a4"]),
        ("saddle", 7, (105.0, 148.0), &["--sheet", "a5", "--duplex", "short"]),
        ("cutstack", 18, (105.0, 148.0), &["--sheet", "a4"]),
        ("cutstack", 30, (74.0, 105.0), &["--sheet", "a4"]),
        ("copies", 6, (105.0, 148.0), &["--sheet", "a4"]),
        ("signatures", 22, (105.0, 148.0), &["--sheet", "a4", "--signature-sheets", "2"]),
        ("zine", 7, (74.0, 105.0), &["--sheet", "a4"]),
    ];
    for (scheme, pages, (w, h), args) in cases {
        let (_dir, input) = booklet_pdf(pages, w, h);
        let mut all = vec!["--scheme", scheme];
        all.extend(args);
        let (plan, sheet) = impose_with_plan(&input, &all);
        check_job_sheet(&sheet, &plan);
    }
}

/// The x centres of the words `cover` and `spine` on a page.
fn spine_and_cover(words: &[Word], cover: &str, spine: &str) -> (f64, f64) {
    let centre = |name: &str| {
        let w = words.iter().find(|w| w.0 == name).unwrap_or_else(|| panic!("no {name}"));
        (w.1 + w.3) / 2.0
    };
    (centre(spine), centre(cover))
}

#[test]
fn the_spine_is_drawn_on_the_binding_side() {
    let (_dir, input) = booklet_pdf(12, 105.0, 148.0);
    for (binding, right) in [("left", false), ("right", true)] {
        let (plan, sheet) = impose_with_plan(
            &input,
            &["--scheme", "cutstack", "--sheet", "a4", "--binding", binding],
        );
        check_job_sheet(&sheet, &plan);
        let all = pdf_words_all(&sheet);
        let (spine, cover) = spine_and_cover(&all[0], "COUVERTURE", "DOS");
        assert_eq!(spine > cover, right, "fr, binding {binding}");
        let (spine, cover) = spine_and_cover(&all[1], "COVER", "SPINE");
        assert_eq!(spine > cover, right, "en, binding {binding}");
        let text = pdf_text(&sheet, Some(2));
        assert_eq!(text.contains("spine on the right"), right, "{text}");
    }
}

#[test]
fn a_right_to_left_pdf_gets_its_spine_on_the_right() {
    // An nqo reading PDF declares /Direction /R2L: impose binds it on the right by
    // itself, and the job sheet shows it.
    let dir = sample_project();
    let (code, _, err) = livret_in(
        dir.path(),
        "build",
        &["--no-print", "--lang", "nqo", "--layout", "pocket-a7"],
    );
    assert_eq!(code, 0, "{err}");
    let input = dir.path().join(
        "out/securite-collaborative/nqo/pocket-a7/securite-collaborative-nqo-pocket-a7.pdf",
    );
    let copy = dir.path().join("nqo.pdf");
    fs::copy(&input, &copy).unwrap();
    let (plan, sheet) = impose_with_plan(&copy, &["--scheme", "saddle", "--sheet", "a5"]);
    assert_eq!(plan["binding"], "right");
    check_job_sheet(&sheet, &plan);
    let all = pdf_words_all(&sheet);
    let (spine, cover) = spine_and_cover(&all[1], "COVER", "SPINE");
    assert!(spine > cover, "the spine is right of the cover");
}

#[test]
fn a_build_draws_the_job_sheet_of_its_print_file() {
    // The build's own plan is not written out; `livret impose` of the build's (already
    // padded) reading PDF with the same choices plans the same sheets.
    let chapters: Vec<(String, String)> = (1..=5)
        .map(|i| {
            (
                format!("0{i}-c.md"),
                format!("# Chapitre {i}\n\n{}\n", "Texte. ".repeat(150)),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> =
        chapters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let dir = mini_project(&refs);
    let root = dir.path();
    let manifest = root.join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(
        "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"copies\"\n",
    );
    fs::write(&manifest, text).unwrap();
    let (code, _, err) = livret_in(root, "build", &[]);
    assert_eq!(code, 0, "{err}");
    let folder = root.join("out/mini/fr/pocket-a6");
    let built = folder.join("mini-fr-pocket-a6-print-a4-copies-ticket.pdf");
    let copy = root.join("reading.pdf");
    fs::copy(folder.join("mini-fr-pocket-a6.pdf"), &copy).unwrap();
    let (plan, imposed) =
        impose_with_plan(&copy, &["--scheme", "copies", "--sheet", "a4"]);
    check_job_sheet(&built, &plan);
    check_job_sheet(&imposed, &plan);
    // The build names the print file it goes with.
    let page = normalize(&pdf_text(&built, Some(2)));
    assert!(page.contains("File: mini-fr-pocket-a6-print-a4-copies.pdf"), "{page}");
}

#[test]
fn a_title_with_typst_syntax_is_shown_as_written() {
    // The title comes from the PDF received: Typst markup in it stays text.
    let dir = tempfile::tempdir().unwrap();
    let title = r##"Guide "#1" ]) #panic("no") $x$ \ *gras* <l> @ref"##;
    let src = format!(
        "#set document(title: {})\n#set page(width: 105mm, height: 148mm)\n#for n in range(4) {{ if n > 0 {{ pagebreak() }}; [Page] }}\n",
        livret::typeset::markdown::string_literal(title)
    );
    let fonts = livret::typeset::fonts::Fonts::load(&repo(), false).unwrap();
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let world =
        livret::typeset::world::GuideWorld::new(&repo(), "t.typ", src, fonts, date);
    let doc = typst::compile::<typst_layout::PagedDocument>(&world).output.unwrap();
    let input = dir.path().join("odd.pdf");
    fs::write(&input, export::pdf(&doc, "odd", date, false).unwrap()).unwrap();
    let (plan, sheet) =
        impose_with_plan(&input, &["--scheme", "saddle", "--sheet", "a5"]);
    check_job_sheet(&sheet, &plan);
    for page in [1, 2] {
        let text = normalize(&pdf_text(&sheet, Some(page)));
        assert!(text.contains(&normalize(title)), "{title} not in:\n{text}");
    }
}
