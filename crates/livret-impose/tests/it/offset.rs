//! The back offset: every back side (pages and marks) moves by exactly the offset, no
//! front moves, in the plan and in the lopdf backend's output read back with poppler.

use crate::support::{self, Gen, make, temp_pdf};

use livret_impose::pdf::{PlaceOptions, impose_pdf, read_info};
use livret_impose::ticket::{TicketInfo, ticket};
use livret_impose::{
    BackOffset, Binding, Duplex, Imposition, Mark, MarkOptions, PlanError, PlanOptions,
    Scheme, SheetSize, Size, mm, plan,
};

/// 1.5 mm to the right and 0.5 mm down, as the operator writes it: `1.5mm,-0.5mm`.
fn offset() -> BackOffset {
    "1.5mm,-0.5mm".parse().unwrap()
}

fn a6() -> Size {
    Size::from_mm(105.0, 148.0)
}

fn options(
    scheme: Scheme,
    sheet: SheetSize,
    duplex: Duplex,
    binding: Binding,
) -> PlanOptions {
    let mut opts = PlanOptions::new(scheme, sheet.size(), a6());
    opts.duplex = duplex;
    opts.binding = binding;
    if scheme == Scheme::Signatures {
        opts.signature_sheets = Some(2);
    }
    opts
}

/// A mark's anchor point (first end of a line, corner of a rectangle, slug start).
fn anchor(mark: &Mark) -> (f64, f64) {
    match mark {
        Mark::Crop(l) | Mark::Fold(l) | Mark::Slit(l) => (l.x1, l.y1),
        Mark::Collation { rect, .. } => (rect.x, rect.y),
        Mark::Slug { x, y, .. } => (*x, *y),
    }
}

#[test]
fn the_plan_moves_every_back_and_no_front() {
    let (dx, dy) = (mm(1.5), mm(0.5)); // right, and down on the displayed sheet
    for scheme in [Scheme::Saddle, Scheme::Cutstack, Scheme::Copies, Scheme::Signatures] {
        for sheet in [SheetSize::A4, SheetSize::Letter, SheetSize::A3] {
            for duplex in [Duplex::Long, Duplex::Short] {
                for binding in [Binding::Left, Binding::Right] {
                    let still = options(scheme, sheet, duplex, binding);
                    let moved = PlanOptions { back_offset: offset(), ..still.clone() };
                    let (a, b) = (plan(22, &still).unwrap(), plan(22, &moved).unwrap());
                    let what = format!("{scheme} {sheet} {duplex} {binding}");
                    assert_eq!(b.back_offset, offset(), "{what}");
                    assert_eq!(a.sheets.len(), b.sheets.len(), "{what}");
                    let mut backs = 0;
                    for (sa, sb) in a.sheets.iter().zip(&b.sheets) {
                        assert_eq!(sa.front, sb.front, "{what}: a front moved");
                        assert_eq!(sa.back.slots.len(), sb.back.slots.len());
                        for (p, q) in sa.back.slots.iter().zip(&sb.back.slots) {
                            assert!((q.x - p.x - dx).abs() < 1e-9, "{what}: x");
                            assert!((q.y - p.y - dy).abs() < 1e-9, "{what}: y");
                            assert_eq!(
                                (p.width, p.height, p.page),
                                (q.width, q.height, q.page)
                            );
                            backs += 1;
                        }
                        assert_eq!(sa.back.marks.len(), sb.back.marks.len());
                        for (m, n) in sa.back.marks.iter().zip(&sb.back.marks) {
                            let (p, q) = (anchor(m), anchor(n));
                            assert!(
                                (q.0 - p.0 - dx).abs() < 1e-9
                                    && (q.1 - p.1 - dy).abs() < 1e-9
                            );
                        }
                    }
                    assert!(backs > 0, "{what}: no back slot checked");
                }
            }
        }
    }
}

#[test]
fn a_zero_offset_changes_nothing_and_the_zine_has_no_back_to_move() {
    let still = options(Scheme::Cutstack, SheetSize::A4, Duplex::Long, Binding::Left);
    let zero = PlanOptions { back_offset: BackOffset::default(), ..still.clone() };
    assert_eq!(plan(16, &still).unwrap(), plan(16, &zero).unwrap());
    let mut zine =
        PlanOptions::new(Scheme::Zine, SheetSize::A4.size(), Size::from_mm(74.0, 105.0));
    let a = plan(8, &zine).unwrap();
    zine.back_offset = offset();
    let b = plan(8, &zine).unwrap();
    for (sa, sb) in a.sheets.iter().zip(&b.sheets) {
        assert_eq!(sa.front, sb.front);
        assert!(sb.back.slots.is_empty());
    }
}

#[test]
fn offsets_beyond_reason_are_refused() {
    let mut opts = options(Scheme::Saddle, SheetSize::A4, Duplex::Long, Binding::Left);
    for bad in [
        BackOffset::from_mm(25.0, 0.0),
        BackOffset::from_mm(0.0, -21.0),
        BackOffset { x: f64::NAN, y: 0.0 },
    ] {
        opts.back_offset = bad;
        let err = plan(8, &opts).unwrap_err();
        assert!(matches!(err, PlanError::BackOffset(_)), "{err:?}");
        assert!(err.hint().unwrap().contains("livret calibrate"));
    }
    opts.back_offset = BackOffset::from_mm(20.0, -20.0);
    assert!(plan(8, &opts).is_ok());
}

/// Words of every page with their centres, in mm from the top-left.
fn centres(pdf: &[u8]) -> Vec<Vec<(String, f64, f64)>> {
    let file = temp_pdf(pdf);
    support::pdf_words_all(file.path())
        .into_iter()
        .map(|words| {
            words
                .into_iter()
                .map(|(t, x0, y0, x1, y1)| {
                    (t, (x0 + x1) / 2.0 * 25.4 / 72.0, (y0 + y1) / 2.0 * 25.4 / 72.0)
                })
                .collect()
        })
        .collect()
}

fn impose(input: &[u8], imp: &Imposition) -> Vec<u8> {
    let options = PlaceOptions {
        marks: MarkOptions::ALL,
        title: "Guide".into(),
        ..PlaceOptions::new(imp)
    };
    impose_pdf(input, imp, &options).unwrap()
}

#[test]
fn the_pdf_backend_moves_every_back_word_by_the_offset() {
    let input = make(&Gen { size: (mm(105.0), mm(148.0)), ..Gen::new(16) });
    let info = read_info(&input).unwrap();
    for (scheme, duplex) in [
        (Scheme::Saddle, Duplex::Long),
        (Scheme::Cutstack, Duplex::Short),
        (Scheme::Signatures, Duplex::Long),
    ] {
        let mut opts = PlanOptions::new(scheme, SheetSize::A4.size(), info.sizes[0]);
        opts.duplex = duplex;
        opts.signature_sheets = Some(1);
        let still = plan(info.pages, &opts).unwrap();
        opts.back_offset = offset();
        let moved = plan(info.pages, &opts).unwrap();
        let (a, b) = (centres(&impose(&input, &still)), centres(&impose(&input, &moved)));
        assert_eq!(a.len(), b.len());
        let mut checked = 0;
        for (k, (pa, pb)) in a.iter().zip(&b).enumerate() {
            let back = k % 2 == 1;
            assert_eq!(pa.len(), pb.len(), "{scheme}: page {}", k + 1);
            // Right 1.5 mm and 0.5 mm down (y grows down in pdftotext's boxes).
            let (dx, dy) = if back { (1.5, 0.5) } else { (0.0, 0.0) };
            for ((ta, xa, ya), (tb, xb, yb)) in pa.iter().zip(pb) {
                assert_eq!(ta, tb, "{scheme}: page {}", k + 1);
                assert!(
                    (xb - xa - dx).abs() <= 0.05 && (yb - ya - dy).abs() <= 0.05,
                    "{scheme} page {} `{ta}`: moved by ({:.3}, {:.3}) mm, not ({dx}, {dy})",
                    k + 1,
                    xb - xa,
                    yb - ya
                );
                checked += usize::from(back && ta.starts_with('p'));
            }
        }
        assert!(checked >= 8, "{scheme}: only {checked} back pages read");
    }
}

#[test]
fn the_ticket_tells_the_offset_or_how_to_measure_it() {
    let mut opts = options(Scheme::Saddle, SheetSize::A4, Duplex::Short, Binding::Left);
    let info =
        TicketInfo { title: "Guide", file: "g.pdf", backs_file: None, sheet_name: "a4" };
    let plain = ticket(&plan(8, &opts).unwrap(), &info);
    assert!(plain.contains("livret calibrate --sheet a4 --duplex short"), "{plain}");
    assert!(!plain.contains("Back offset:"), "{plain}");
    opts.back_offset = offset();
    let moved = ticket(&plan(8, &opts).unwrap(), &info);
    assert!(
        moved.contains(
            "Back offset: every back side is moved 1.5 mm to the right and 0.5 mm down"
        ),
        "{moved}"
    );
    assert!(
        moved.contains("déplacé de 1,5 mm vers la droite et de 0,5 mm vers le bas"),
        "{moved}"
    );
    assert!(moved.contains("back-offset 1.5mm,-0.5mm"), "{moved}");
    assert!(moved.contains("livret calibrate --sheet a4 --duplex short"), "{moved}");
}
