//! Pages of mixed sizes and orientations (two documents merged, landscape tables): the
//! slot size, how each page is fitted, and the backend placing them inside their slots.

use livret_impose::fit::{FitReport, PageFit, TurnPages, place, slot_size};
use livret_impose::pdf::{PdfError, PlaceOptions, impose_pdf, read_info};
use livret_impose::{PlanOptions, Rotation, Scheme, SheetSize, Size, plan};

use crate::support::{Gen, make, pdf_words, temp_pdf};

const A4: Size = Size { width: 595.275_591, height: 841.889_764 };
const LETTER: Size = Size { width: 612.0, height: 792.0 };

fn a4_landscape() -> Size {
    A4.rotated()
}

#[test]
fn the_slot_is_the_most_common_size() {
    let sizes = [LETTER, A4, A4, LETTER, A4];
    assert_eq!(slot_size(&sizes, TurnPages::Auto), Some(A4));
    // A tie goes to the size met first.
    assert_eq!(slot_size(&[LETTER, A4], TurnPages::Auto), Some(LETTER));
    assert_eq!(slot_size(&[], TurnPages::Auto), None);
    // Landscape pages count as the size they have once turned.
    let sizes = [LETTER, a4_landscape(), a4_landscape(), LETTER, A4];
    assert_eq!(slot_size(&sizes, TurnPages::Auto), Some(A4));
    // Without turning, sizes count as they are.
    assert_eq!(slot_size(&sizes, TurnPages::None), Some(LETTER));
    // A landscape document stays landscape.
    let wide = [a4_landscape(), a4_landscape(), A4];
    assert_eq!(slot_size(&wide, TurnPages::Auto), Some(a4_landscape()));
}

#[test]
fn pages_are_turned_and_scaled_into_their_slot() {
    // Same size: exact, whatever the fit.
    for fit in [PageFit::Exact, PageFit::Center, PageFit::Scale] {
        let placed = place(A4, A4, fit, TurnPages::Auto).unwrap();
        assert_eq!((placed.turn, placed.scale, placed.exact), (Rotation::R0, 1.0, true));
    }
    // Landscape in portrait: a quarter counter-clockwise, then exact.
    let placed = place(a4_landscape(), A4, PageFit::Exact, TurnPages::Auto).unwrap();
    assert_eq!((placed.turn, placed.exact), (Rotation::R270, true));
    assert_eq!(place(a4_landscape(), A4, PageFit::Exact, TurnPages::None), None);
    // Kept landscape and centred: shrunk to the slot's width.
    let kept = place(a4_landscape(), A4, PageFit::Center, TurnPages::None).unwrap();
    assert_eq!(kept.turn, Rotation::R0);
    assert!((kept.scale - A4.width / A4.height).abs() < 1e-9);
    // Letter in an A4 slot: too wide, shrunk by both fits.
    assert_eq!(place(LETTER, A4, PageFit::Exact, TurnPages::Auto), None);
    for fit in [PageFit::Center, PageFit::Scale] {
        let placed = place(LETTER, A4, fit, TurnPages::Auto).unwrap();
        assert!((placed.scale - A4.width / LETTER.width).abs() < 1e-9, "{fit:?}");
        assert!(!placed.exact);
    }
    // A smaller page: centred as it is, or scaled up to fill the slot.
    let a5 = Size::new(A4.width / 2f64.sqrt(), A4.height / 2f64.sqrt());
    assert_eq!(place(a5, A4, PageFit::Center, TurnPages::Auto).unwrap().scale, 1.0);
    let up = place(a5, A4, PageFit::Scale, TurnPages::Auto).unwrap();
    assert!((up.scale - 2f64.sqrt()).abs() < 1e-6);
    // Squares are never turned.
    let square = Size::new(500.0, 500.0);
    assert_eq!(
        place(square, A4, PageFit::Center, TurnPages::Auto).unwrap().turn,
        Rotation::R0
    );
}

#[test]
fn the_report_names_turned_scaled_and_refused_pages() {
    let sizes = [A4, a4_landscape(), LETTER, A4, LETTER];
    let report = FitReport::new(&sizes, A4, PageFit::Scale, TurnPages::Auto);
    assert_eq!(report.turned, vec![2]);
    assert_eq!(report.scaled.iter().map(|s| s.0).collect::<Vec<_>>(), vec![3, 5]);
    assert_eq!(report.mismatch, None);
    let notes = report.notes();
    assert_eq!(notes.len(), 2);
    assert!(
        notes[0].en.contains(
            "page 2 turned a quarter (top to the left) to fill its slot; turn the booklet to read it."
        ),
        "{}",
        notes[0].en
    );
    assert!(
        notes[0].fr.contains(
            "page 2 tournée d'un quart de tour (haut vers la gauche) pour remplir sa case"
        ),
        "{}",
        notes[0].fr
    );
    assert!(
        notes[1].en.contains(
            "pages 3, 5 of another size, scaled (97 %) and centred in their slot"
        ),
        "{}",
        notes[1].en
    );
    let refused = FitReport::new(&sizes, A4, PageFit::Exact, TurnPages::Auto);
    assert_eq!(refused.mismatch, Some(3));
    let kept = FitReport::new(&sizes, A4, PageFit::Exact, TurnPages::None);
    assert_eq!(kept.mismatch, Some(2));
    // Nothing to say when every page has the slot's size.
    assert!(
        FitReport::new(&[A4, A4], A4, PageFit::Exact, TurnPages::Auto).notes().is_empty()
    );
}

/// Eight A5 pages, with pages 3 and 6 landscape A5 and page 5 a larger page.
fn mixed_input() -> Vec<u8> {
    let a5 = crate::support::A5;
    make(&Gen {
        sizes: vec![(2, (a5.1, a5.0)), (4, (460.0, 600.0)), (5, (a5.1, a5.0))],
        ..Gen::new(8)
    })
}

#[test]
fn mixed_pages_are_refused_without_a_fit_and_the_hint_works() {
    let input = mixed_input();
    let info = read_info(&input).unwrap();
    let slot = slot_size(&info.sizes, TurnPages::Auto).unwrap();
    assert!((slot.width - crate::support::A5.0).abs() < 0.01, "{slot:?}");
    let imp =
        plan(info.pages, &PlanOptions::new(Scheme::Saddle, SheetSize::A4.size(), slot))
            .unwrap();
    let err = impose_pdf(&input, &imp, &PlaceOptions::new(&imp)).unwrap_err();
    assert!(matches!(err, PdfError::PageSize { page: 5, .. }), "{err}");
    let hint = err.hint().unwrap();
    assert!(hint.contains("--fit center") && hint.contains("--fit shrink"), "{hint}");
    // What the hint suggests: each fit imposes.
    for fit in [PageFit::Center, PageFit::Scale] {
        let options = PlaceOptions { fit, ..PlaceOptions::new(&imp) };
        assert!(impose_pdf(&input, &imp, &options).is_ok(), "{fit:?}");
    }
}

#[test]
fn every_mixed_page_lands_inside_its_slot() {
    let input = mixed_input();
    let info = read_info(&input).unwrap();
    let slot = slot_size(&info.sizes, TurnPages::Auto).unwrap();
    let imp =
        plan(info.pages, &PlanOptions::new(Scheme::Saddle, SheetSize::A4.size(), slot))
            .unwrap();
    for fit in [PageFit::Center, PageFit::Scale] {
        let options = PlaceOptions { fit, ..PlaceOptions::new(&imp) };
        let out = impose_pdf(&input, &imp, &options).unwrap();
        let file = temp_pdf(&out);
        let mut seen = Vec::new();
        for (k, sheet) in imp.sheets.iter().enumerate() {
            for (n, side) in [(2 * k + 1, &sheet.front), (2 * k + 2, &sheet.back)] {
                for (text, x0, y0, x1, y1) in pdf_words(file.path(), n) {
                    let Some(page) =
                        text.strip_prefix('p').and_then(|p| p.parse::<usize>().ok())
                    else {
                        continue;
                    };
                    let slot = side
                        .slots
                        .iter()
                        .find(|s| s.page == Some(page - 1))
                        .unwrap_or_else(|| panic!("p{page} on side {n}"));
                    let r = slot.rect();
                    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                    assert!(
                        cx > r.x && cx < r.right() && cy > r.y && cy < r.bottom(),
                        "p{page} at ({cx}, {cy}) outside {r:?} ({fit:?})"
                    );
                    seen.push(page);
                }
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, (1..=8).collect::<Vec<_>>(), "{fit:?}");
    }
}
