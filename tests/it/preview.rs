//! `livret preview`: page PNGs at the asked resolution and a contact sheet of all pages.

use crate::support::*;

#[test]
fn pages_and_contact_sheet_are_written_at_size() {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nTexte.\n"),
        ("02-b.md", "# Deux\n\nTexte.\n"),
    ]);
    crate::support::livret_assert()
        .args(["preview", "--dpi", "60", "--project"])
        .arg(dir.path())
        .assert()
        .success();
    let preview = dir.path().join("out/mini/fr/pocket-a6/preview");
    let pngs: Vec<String> =
        files_under(&preview).into_iter().filter(|f| f.starts_with("page-")).collect();
    // The book: cover, colophon, contents, two chapters, notes, back cover → a multiple of 4.
    assert_eq!(pngs.len() % 4, 0, "{pngs:?}");
    let first = image::open(preview.join("page-001.png")).unwrap();
    let px = |mm: f64| (mm / 25.4 * 60.0).round() as u32;
    assert_eq!((first.width(), first.height()), (px(105.0), px(148.0)));
    // The cover is dark blue, not blank.
    let rgb = first.to_rgb8();
    let centre = rgb.get_pixel(first.width() / 2, first.height() / 2);
    assert!(centre[2] > centre[0] && centre[0] < 100, "{centre:?}");
    let sheet = image::open(preview.join("mini-fr-pocket-a6-contact.png")).unwrap();
    assert!(sheet.width() > sheet.height(), "one row of up to 8 thumbnails is wide");
}
