//! The back offset: every back side (pages and marks) moves by exactly the offset, no
//! front moves, in the plan and in the lopdf backend's output read back with poppler.

use crate::support::printer::{Printer, Turn};
use crate::support::{self, Gen, make, temp_pdf};

use livret_impose::pdf::{PlaceOptions, impose_pdf, read_info};
use livret_impose::ticket::{TicketInfo, ticket};
use livret_impose::{
    Axis, BackOffset, Binding, Duplex, Imposition, Mark, MarkOptions, Orientation,
    PlanError, PlanOptions, Scheme, SheetSize, Size, mm, plan,
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
        assert!(matches!(err, PlanError::BackOffset { .. }), "{err:?}");
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
    let info = TicketInfo {
        title: "Guide",
        file: "g.pdf",
        backs_file: None,
        sheet_name: "a4",
        quantity: None,
        bleed: 0.0,
    };
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
    // An A5 booklet on A4 is a landscape sheet: the command measures on one.
    let a5 = PlanOptions::new(
        Scheme::Saddle,
        SheetSize::A4.size(),
        Size::from_mm(148.0, 210.0),
    );
    let text = ticket(&plan(8, &a5).unwrap(), &info);
    assert!(
        text.contains("livret calibrate --sheet a4 --duplex long --orientation landscape -o calibration.pdf"),
        "{text}"
    );
}

/// The orientation the ticket's `livret calibrate` command asks for.
fn calibration_orientation(ticket_text: &str) -> Orientation {
    let at = ticket_text.find("livret calibrate").expect("the ticket quotes calibrate");
    let command = &ticket_text
        [at..ticket_text[at..].find('`').map_or(ticket_text.len(), |e| at + e)];
    if command.contains("--orientation landscape") {
        Orientation::Landscape
    } else {
        Orientation::Portrait
    }
}

/// How far (pt) the corrected backs of `moved` land, on a printer, from where a perfect
/// printer puts the backs of `still` (which the plan registers with the fronts).
fn worst_miss(printer: &Printer, still: &Imposition, moved: &Imposition) -> f64 {
    let page = (still.sheet.width, still.sheet.height);
    let perfect = Printer { misregistration: (0.0, 0.0), ..*printer };
    let mut worst: f64 = 0.0;
    let mut seen = 0;
    for (a, b) in still.sheets.iter().zip(&moved.sheets) {
        for (s, m) in a.back.slots.iter().zip(&b.back.slots) {
            for (dx, dy) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                let want =
                    perfect.print_back(page, (s.x + dx * s.width, s.y + dy * s.height));
                let got =
                    printer.print_back(page, (m.x + dx * m.width, m.y + dy * m.height));
                worst = worst.max((want.0 - got.0).hypot(want.1 - got.1));
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "no back slot");
    worst
}

#[test]
fn an_offset_measured_as_the_ticket_says_cancels_the_misregistration_either_way_the_driver_turns()
 {
    // The printer: backs 1.5 mm right and 0.8 mm up of where they belong, in
    // the frame of the paper as it is fed.
    let misregistration = (mm(1.5), mm(-0.8));
    let jobs = [
        (Scheme::Saddle, Size::from_mm(148.0, 210.0)), // A5 on A4: a landscape sheet
        (Scheme::Cutstack, a6()),                      // A6 on A4: portrait
        (Scheme::Cutstack, Size::from_mm(74.0, 105.0)), // A7 on A4: landscape
        (Scheme::Signatures, Size::from_mm(148.0, 210.0)),
    ];
    let info = TicketInfo {
        title: "Guide",
        file: "g.pdf",
        backs_file: None,
        sheet_name: "a4",
        quantity: None,
        bleed: 0.0,
    };
    let mut landscape_jobs = 0;
    for (scheme, page) in jobs {
        for duplex in [Duplex::Long, Duplex::Short] {
            for turn in [Turn::Clockwise, Turn::CounterClockwise] {
                let printer = Printer { turn, misregistration };
                let mut opts = PlanOptions::new(scheme, SheetSize::A4.size(), page);
                opts.duplex = duplex;
                let still = plan(24, &opts).unwrap();
                let what = format!("{scheme} {page} {duplex} {turn:?}");
                // Calibrate as the ticket says, on a sheet of that orientation.
                let orientation = calibration_orientation(&ticket(&still, &info));
                assert_eq!(orientation, still.sheet.orientation(), "{what}");
                let cal = orientation.apply(SheetSize::A4.size());
                let cal_page = (cal.width, cal.height);
                let front_cross = (cal.width * 0.4, cal.height * 0.3);
                let back_cross = match livret_impose::plan::flip_axis(cal, duplex) {
                    Axis::Vertical => (cal.width - front_cross.0, front_cross.1),
                    Axis::Horizontal => (front_cross.0, cal.height - front_cross.1),
                };
                let (right, up) = printer.read_calibration(cal_page, back_cross);
                opts.back_offset = BackOffset { x: right, y: up };
                let moved = plan(24, &opts).unwrap();
                let miss = worst_miss(&printer, &still, &moved);
                assert!(miss < 1e-6, "{what}: the corrected backs miss by {miss} pt");
                // Uncorrected, the backs are off by the misregistration itself.
                let raw = worst_miss(&printer, &still, &still);
                assert!((raw - mm(1.5).hypot(mm(0.8))).abs() < 1e-6, "{what}: {raw}");
                if still.sheet.is_landscape() {
                    landscape_jobs += 1;
                    // Read on a portrait sheet instead (the old way), the offset leaves
                    // the backs further off than no correction at all.
                    let portrait = SheetSize::A4.size().portrait();
                    let wrong_cross = (portrait.width * 0.6, portrait.height * 0.3);
                    let (r, u) = printer
                        .read_calibration((portrait.width, portrait.height), wrong_cross);
                    opts.back_offset = BackOffset { x: r, y: u };
                    let wrong = worst_miss(&printer, &still, &plan(24, &opts).unwrap());
                    assert!(wrong > raw + mm(0.5), "{what}: {wrong} vs {raw}");
                }
            }
        }
    }
    assert!(landscape_jobs >= 8, "only {landscape_jobs} landscape jobs checked");
}
