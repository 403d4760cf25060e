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
