//! Flat work's job sheet (issue 21): `cards` and `wire` are cut, never folded or
//! stapled, and the job sheet read back (`pdftotext`, both pages) pictures and says
//! exactly that — the cutting steps, no fold or staple step, no fold line in the
//! legend, a card (not a booklet) as the finished item, holes to punch for wire.

use crate::print_shop::{A6, Input, Job, MM};

/// The steps of folded or stapled work (the ticket's words, both languages), which a
/// flat job's sheet must not have.
const FOLDING: [&str; 10] = [
    "Fold the",
    "Fold each",
    "Staple twice",
    "Staple each",
    "Pliez toute",
    "pliez chacune",
    "Pliez chaque",
    "Agrafez",
    "on the fold",
    "The finished booklet",
];

/// What pictures a booklet, which a card is not.
const BOOKLET: [&str; 5] = ["COVER", "COUVERTURE", "SPINE", "DOS", "Le livret fini"];

/// The job sheet's text, both pages, whitespace collapsed.
fn sheet_of(job: &Job) -> String {
    job.job_sheet()
}

#[test]
fn the_cards_job_sheet_pictures_flat_cut_cards_and_no_booklet() {
    let job = Job::new(&Input::pages(2, (85.0 * MM, 55.0 * MM)));
    let (code, stderr) = job.impose(&["--scheme", "cards", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    let sheet = sheet_of(&job);
    for word in FOLDING.iter().chain(&BOOKLET) {
        assert!(!sheet.contains(word), "`{word}` on a cards job sheet: {sheet}");
    }
    // No fold in the legend (either page): its entries are cut, top, blank, number.
    assert!(!sheet.contains(" fold ") && !sheet.contains(" plier "), "{sheet}");
    assert!(sheet.contains("The finished card") && sheet.contains("La carte finie"));
    assert!(sheet.contains("cut only: no fold, no staple"), "{sheet}");
    // The cutting steps, in both languages.
    assert!(sheet.contains("Cut the whole stack across at"), "{sheet}");
    assert!(sheet.contains("this gives 10 piles of pieces"), "{sheet}");
    assert!(sheet.contains("Coupez toute la pile"), "{sheet}");
    assert!(sheet.contains("10 cards per sheet"), "{sheet}");
    assert!(sheet.contains("Finished (trimmed) size: 85 × 55 mm"), "{sheet}");
}

#[test]
fn the_wire_job_sheet_pictures_cut_and_stacked_leaves_punched_not_folded() {
    let job = Job::new(&Input::pages(16, A6));
    let args = ["--scheme", "wire", "--sheet", "a4", "--binding-margin", "8"];
    let (code, stderr) = job.impose(&args);
    assert_eq!(code, 0, "{stderr}");
    let sheet = sheet_of(&job);
    for word in FOLDING {
        assert!(!sheet.contains(word), "`{word}` on a wire job sheet: {sheet}");
    }
    assert!(!sheet.contains(" fold ") && !sheet.contains(" plier "), "{sheet}");
    // Holes to punch on the spine edge, and the bound book.
    assert!(sheet.contains("punch") && sheet.contains("perforer"), "{sheet}");
    assert!(sheet.contains("The finished bound book"), "{sheet}");
    assert!(sheet.contains("leaves not folded, bound with wire"), "{sheet}");
    assert!(sheet.contains("Cut the whole stack"), "{sheet}");
    assert!(
        sheet.contains("Do not fold. Punch the stack along the left edge"),
        "{sheet}"
    );
    assert!(sheet.contains("8 mm binding margin"), "{sheet}");
    assert!(sheet.contains("8 mm de marge de reliure"), "{sheet}");
    assert!(sheet.contains("Put pile 2 under pile 1"), "{sheet}");
}

/// A mini guide (8 short chapters, pocket-a6) with one print preset of `keys`.
fn guide_with_preset(keys: &str) -> tempfile::TempDir {
    let text = "Un paragraphe pour remplir la page. ".repeat(12);
    let chapters: Vec<(String, String)> =
        (1..=4).map(|i| (format!("0{i}-c.md"), format!("# C{i}\n\n{text}\n"))).collect();
    let refs: Vec<(&str, &str)> =
        chapters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let dir = crate::support::mini_project(&refs);
    let manifest = dir.path().join("sources/guide.toml");
    let mut toml = std::fs::read_to_string(&manifest).unwrap();
    toml.push_str(&format!("\n[[print]]\nlayout = \"pocket-a6\"\n{keys}\n"));
    std::fs::write(&manifest, toml).unwrap();
    dir
}

#[test]
fn a_built_job_sheet_reads_back_title_finished_size_quantity_and_creep() {
    let keys = "sheet = \"a4\"\nscheme = \"saddle\"\npaper-weight = 80\nquantity = 120";
    let dir = guide_with_preset(keys);
    let (code, _, stderr) = crate::support::livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 0, "{stderr}");
    let base = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-print-a4-saddle");
    let ticket = std::fs::read_to_string(base.with_extension("txt")).unwrap();
    let sheet = crate::support::pdf_text(
        &dir.path()
            .join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-print-a4-saddle-ticket.pdf"),
        None,
    );
    let sheet = sheet.split_whitespace().collect::<Vec<_>>().join(" ");
    for text in [&ticket, &sheet] {
        for said in [
            "Petit guide",
            "Finished (trimmed) size: 105 × 148 mm",
            "Format fini (après coupe) : 105 × 148 mm",
            "Quantity: 120 copies + 6 overs = 126",
            "Quantité : 120 exemplaires + 6 de passe = 126",
            "Creep applied: 0.1 mm per sheet",
            "Chasse (creep) appliquée : 0,1 mm par feuille",
            "Paper: 80 g/m²",
        ] {
            assert!(text.contains(said), "`{said}` missing: {text}");
        }
    }
    // No decimal point in the French half of the ticket or on the French page of the
    // job sheet (decimal commas only), where the English ones have points.
    let french = ticket.split("JOB TICKET").next().unwrap();
    let page = crate::support::pdf_text(
        &dir.path()
            .join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-print-a4-saddle-ticket.pdf"),
        Some(1),
    );
    for text in [french, page.as_str()] {
        let point = decimal_point(text);
        assert!(point.is_none(), "{point:?} in {text}");
    }
    assert!(decimal_point(&sheet).is_some(), "the English page has 0.1 mm: {sheet}");
    // A quantity of none is refused at its guide.toml line, before anything is built.
    let dir = guide_with_preset("sheet = \"a4\"\nscheme = \"saddle\"\nquantity = 0");
    let (code, _, stderr) = crate::support::livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("guide.toml:") && stderr.contains("quantity"), "{stderr}");
    assert!(!dir.path().join("out/mini/fr").exists(), "{stderr}");
}

/// The first `digit.digit` in `text` (a decimal point), with what surrounds it.
fn decimal_point(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1))
        .find(|&i| {
            chars[i] == '.'
                && chars[i - 1].is_ascii_digit()
                && chars[i + 1].is_ascii_digit()
        })
        .map(|i| chars[i.saturating_sub(20)..(i + 20).min(chars.len())].iter().collect())
}
