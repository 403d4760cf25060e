//! Imposition plans checked by an independent folding simulation, properties and units.

use crate::support::{fold, recipe};

use fold::{Observation, Read};
use livret_impose::geometry::fmt_mm;
use livret_impose::{
    Axis, Blanks, Duplex, Edge, Imposition, Mark, Orientation, PlanError, PlanOptions,
    Rect, Rotation, Scheme, SheetSize, Size, mm, plan,
};
use proptest::prelude::*;
use recipe::recipe;

fn a6() -> Size {
    Size::from_mm(105.0, 148.0)
}

fn a7() -> Size {
    Size::from_mm(74.0, 105.0)
}

/// What one would read off the output PDF: every slot's label (input page number,
/// 1-based), centre and rotation. `with_blanks` keeps blank slots as unlabelled items.
fn observe(imp: &Imposition, with_blanks: bool) -> Vec<Vec<Observation>> {
    let side = |slots: &[livret_impose::Slot]| {
        slots
            .iter()
            .filter(|s| with_blanks || s.page.is_some())
            .map(|s| Observation {
                label: s.page.map(|p| p + 1),
                x: s.x + s.width / 2.0,
                y: s.y + s.height / 2.0,
                rotation: s.rotation.degrees(),
            })
            .collect::<Vec<_>>()
    };
    imp.sheets
        .iter()
        .flat_map(|sheet| [side(&sheet.front.slots), side(&sheet.back.slots)])
        .collect()
}

/// Booklet pages after padding, worked out here from the schemes' rules.
fn expected_padded(scheme: Scheme, pages: usize, cells: usize, k: usize) -> usize {
    let up = |n: usize, m: usize| n.div_ceil(m) * m;
    match scheme {
        Scheme::Saddle | Scheme::Copies => up(pages, 4),
        Scheme::Cutstack => up(pages, 4 * cells),
        Scheme::Signatures => {
            let per = 4 * k * cells;
            (pages / per) * per + up(pages % per, 4)
        }
        Scheme::Zine => 8,
        Scheme::Cards if pages == 1 => 1,
        Scheme::Cards | Scheme::Wire => up(pages, 2),
    }
}

/// What a reader must find: 1…N upright, blanks before the last page (or at the end).
fn expected_reading(pages: usize, padded: usize, blanks: Blanks) -> Vec<Read> {
    let page = |n: usize| Read { label: Some(n), rotation: 0 };
    let blank = Read { label: None, rotation: 0 };
    let mut out: Vec<Read> = (1..=pages).map(page).collect();
    let pad = std::iter::repeat_n(blank, padded - pages);
    if blanks == Blanks::BeforeLast && pages >= 2 {
        let last = out.pop().unwrap();
        out.extend(pad);
        out.push(last);
    } else {
        out.extend(pad);
    }
    out
}

/// Plans, prints, folds and reads; returns a description of the first problem.
fn check(pages: usize, opts: &PlanOptions) -> Result<(), String> {
    let imp = plan(pages, opts).map_err(|e| e.to_string())?;
    let k = opts.signature_sheets.unwrap_or(4);
    let padded = expected_padded(opts.scheme, pages, imp.grid.cells(), k);
    if imp.padded != padded {
        return Err(format!("padded to {} pages, expected {padded}", imp.padded));
    }
    let want = expected_reading(pages, padded, opts.blanks);
    for with_blanks in [true, false] {
        let books = fold::simulate(&recipe(&imp, k), &observe(&imp, with_blanks))?;
        let copies = if opts.scheme == Scheme::Copies { imp.grid.cells() } else { 1 };
        if books.len() != copies {
            return Err(format!("{} booklets, expected {copies}", books.len()));
        }
        for (i, book) in books.iter().enumerate() {
            // Without blank observations, pieces with nothing printed are set aside, so
            // fewer blanks may come out, but only where the blanks go.
            let want = if with_blanks {
                want.clone()
            } else {
                let extra = book.len().saturating_sub(pages).min(padded - pages);
                expected_reading(pages, pages + extra, opts.blanks)
            };
            if *book != want {
                let show = |b: &[Read]| {
                    b.iter()
                        .map(|r| match r.label {
                            Some(l) if r.rotation == 0 => format!("{l}"),
                            Some(l) => format!("{l}@{}", r.rotation),
                            None => "_".into(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                return Err(format!(
                    "booklet {i} reads\n  {}\nexpected\n  {}",
                    show(book),
                    show(&want)
                ));
            }
        }
    }
    Ok(())
}

fn options(scheme: Scheme, sheet: SheetSize, page: Size, duplex: Duplex) -> PlanOptions {
    let mut opts = PlanOptions::new(scheme, sheet.size(), page);
    opts.duplex = duplex;
    opts
}

/// Runs `check` over page counts and reports every failure at once.
fn sweep(cases: impl IntoIterator<Item = (usize, PlanOptions)>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (pages, opts) in cases {
        count += 1;
        if let Err(e) = check(pages, &opts) {
            failures.push(format!(
                "{} pages, {} {:?} on {}, duplex {}, orientation {:?}, blanks {:?}, K {:?}: {e}",
                pages,
                opts.scheme,
                (fmt_mm(opts.page.width), fmt_mm(opts.page.height)),
                opts.sheet,
                opts.duplex,
                opts.sheet_orientation,
                opts.blanks,
                opts.signature_sheets
            ));
        }
    }
    assert!(count > 0);
    assert!(
        failures.is_empty(),
        "{} of {count} failed:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
}

fn page_counts() -> impl Iterator<Item = usize> + Clone {
    (1..=64).chain([500])
}

fn matrix(scheme: Scheme, sig: Option<usize>) -> Vec<(usize, PlanOptions)> {
    let mut cases = Vec::new();
    for sheet in [SheetSize::A4, SheetSize::A3, SheetSize::Letter] {
        for page in [a6(), a7()] {
            for duplex in [Duplex::Long, Duplex::Short] {
                for pages in page_counts() {
                    let mut opts = options(scheme, sheet, page, duplex);
                    opts.signature_sheets = sig;
                    cases.push((pages, opts));
                }
            }
        }
    }
    cases
}

#[test]
fn saddle_folds_into_order() {
    sweep(matrix(Scheme::Saddle, None));
}

#[test]
fn cutstack_folds_into_order() {
    sweep(matrix(Scheme::Cutstack, None));
}

#[test]
fn copies_every_pile_is_a_booklet() {
    sweep(matrix(Scheme::Copies, None));
}

#[test]
fn signatures_gather_into_order() {
    sweep(matrix(Scheme::Signatures, None));
    sweep(
        matrix(Scheme::Signatures, Some(1))
            .into_iter()
            .filter(|(p, _)| p % 3 == 0 || *p == 500),
    );
    sweep(
        matrix(Scheme::Signatures, Some(3))
            .into_iter()
            .filter(|(p, _)| p % 2 == 1 || *p == 500),
    );
}

#[test]
fn zine_folds_into_order() {
    let mut cases = Vec::new();
    for sheet in [SheetSize::A4, SheetSize::A3, SheetSize::Letter] {
        let pages_sizes = if sheet == SheetSize::Letter {
            vec![Size::from_mm(50.0, 80.0)]
        } else {
            vec![a7(), Size::from_mm(50.0, 80.0)]
        };
        for page in pages_sizes {
            for duplex in [Duplex::Long, Duplex::Short] {
                for pages in 1..=8 {
                    cases.push((pages, options(Scheme::Zine, sheet, page, duplex)));
                }
            }
        }
    }
    sweep(cases);
}

#[test]
fn blanks_at_end_and_shrink_fold_into_order() {
    let mut cases = Vec::new();
    // The flat schemes, never folded, have their own simulation (`flat`).
    for scheme in Scheme::ALL.into_iter().filter(|s| !s.is_flat()) {
        for duplex in [Duplex::Long, Duplex::Short] {
            for pages in (1..=40).chain([500]) {
                if scheme == Scheme::Zine && pages > 8 {
                    continue;
                }
                let page = if scheme == Scheme::Zine { a7() } else { a6() };
                let mut opts = options(scheme, SheetSize::A4, page, duplex);
                opts.blanks = Blanks::End;
                cases.push((pages, opts.clone()));
                opts.blanks = Blanks::BeforeLast;
                opts.shrink_to_printable = true;
                opts.page = if scheme == Scheme::Zine {
                    a6()
                } else {
                    Size::from_mm(148.0, 210.0)
                };
                cases.push((pages, opts));
            }
        }
    }
    sweep(cases);
}

#[test]
fn turned_spreads_fold_into_order() {
    // A portrait-only printer makes the planner turn A7 spreads a quarter on A4.
    let mut cases = Vec::new();
    for scheme in [Scheme::Saddle, Scheme::Cutstack, Scheme::Copies, Scheme::Signatures] {
        for (sheet, page) in
            [(SheetSize::A4, a7()), (SheetSize::A4, Size::from_mm(148.0, 210.0))]
        {
            for duplex in [Duplex::Long, Duplex::Short] {
                for pages in page_counts() {
                    let mut opts = options(scheme, sheet, page, duplex);
                    opts.sheet_orientation = Some(Orientation::Portrait);
                    opts.signature_sheets = Some(2);
                    cases.push((pages, opts));
                }
            }
        }
    }
    let cutstack = cases.iter().find(|(_, o)| o.scheme == Scheme::Cutstack).unwrap();
    let imp = plan(8, &cutstack.1).unwrap();
    assert_eq!(imp.grid.spine, Some(Axis::Horizontal));
    sweep(cases);
}

// ---------------------------------------------------------------------------------------
// Properties.

fn scheme_strategy() -> impl Strategy<Value = Scheme> {
    prop::sample::select(Scheme::ALL.to_vec())
}

prop_compose! {
    fn any_options()(
        scheme in scheme_strategy(),
        sheet in prop::sample::select(vec![SheetSize::A3, SheetSize::A4, SheetSize::A5, SheetSize::Letter, SheetSize::Legal, SheetSize::Tabloid]),
        page_w in 40.0..200.0f64,
        page_h in 50.0..280.0f64,
        long in any::<bool>(),
        end in any::<bool>(),
        sig in prop::option::of(1usize..6),
        creep in 0.0..0.3f64,
        shrink in any::<bool>(),
        orient in prop::option::of(prop::sample::select(vec![Orientation::Portrait, Orientation::Landscape])),
    ) -> PlanOptions {
        let mut o = PlanOptions::new(scheme, sheet.size(), Size::from_mm(page_w, page_h));
        o.duplex = if long { Duplex::Long } else { Duplex::Short };
        o.blanks = if end { Blanks::End } else { Blanks::BeforeLast };
        o.signature_sheets = sig;
        o.creep = mm(creep);
        o.shrink_to_printable = shrink;
        o.sheet_orientation = orient;
        o
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plans_are_sound(pages in 1usize..130, opts in any_options()) {
        let pages = if opts.scheme == Scheme::Zine { pages % 8 + 1 } else { pages };
        let imp = match plan(pages, &opts) {
            Ok(imp) => imp,
            Err(PlanError::DoesNotFit { .. }) => {
                prop_assert!(!opts.shrink_to_printable);
                return Ok(());
            }
            // Creep pushing the innermost pages a quarter of their width off their slot.
            Err(PlanError::CreepTooLarge { shift, limit, .. }) => {
                prop_assert!(shift > limit);
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("unexpected error {e}"))),
        };
        let cells = imp.grid.cells();
        let copies = if matches!(opts.scheme, Scheme::Copies | Scheme::Cards) { cells } else { 1 };
        let sheet = Rect::new(0.0, 0.0, imp.sheet.width, imp.sheet.height);
        let m = opts.printer_margin;
        let printable = Rect::new(m, m, imp.sheet.width - 2.0 * m, imp.sheet.height - 2.0 * m);
        let mut seen = vec![0usize; pages];
        for s in &imp.sheets {
            for side in [&s.front, &s.back] {
                for (i, a) in side.slots.iter().enumerate() {
                    prop_assert!(sheet.contains(&a.rect()), "slot off the sheet: {:?}", a);
                    if opts.shrink_to_printable {
                        prop_assert!(printable.contains(&a.rect()), "slot outside printable area: {:?}", a);
                    }
                    for b in &side.slots[i + 1..] {
                        prop_assert!(!a.rect().overlaps(&b.rect()), "overlap {:?} {:?}", a, b);
                    }
                    if let Some(p) = a.page {
                        seen[p] += 1;
                    }
                    prop_assert_eq!(imp.sequence[a.booklet_page], a.page);
                }
            }
        }
        prop_assert!(seen.iter().all(|&n| n == copies), "pages seen {:?}", seen);
        // Fewest sheets for the scheme.
        let k = opts.signature_sheets.unwrap_or(4);
        let want = match opts.scheme {
            Scheme::Saddle | Scheme::Copies => pages.div_ceil(4),
            Scheme::Cutstack => pages.div_ceil(4 * cells),
            Scheme::Signatures => {
                let per = 4 * k * cells;
                (pages / per) * k + (pages % per).div_ceil(4).div_ceil(cells)
            }
            Scheme::Zine => 1,
            Scheme::Cards => pages.div_ceil(2),
            Scheme::Wire => pages.div_ceil(2).div_ceil(cells),
        };
        prop_assert_eq!(imp.sheets.len(), want);
        prop_assert!(imp.scale > 0.0 && imp.scale <= 1.0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn odd_inputs_never_panic(
        pages in 0usize..3000,
        scheme in scheme_strategy(),
        w in prop::num::f64::ANY,
        h in prop::num::f64::ANY,
        pw in -10.0..2000.0f64,
        ph in -10.0..2000.0f64,
        creep in prop::num::f64::ANY,
        margin in -10.0..500.0f64,
        sig in prop::option::of(0usize..1000),
        shrink in any::<bool>(),
    ) {
        let mut o = PlanOptions::new(scheme, Size::new(w, h), Size::new(pw, ph));
        o.creep = creep;
        o.printer_margin = margin;
        o.signature_sheets = sig;
        o.shrink_to_printable = shrink;
        let _ = plan(pages, &o);
        let mut o = PlanOptions::new(scheme, SheetSize::A4.size(), Size::new(pw, ph));
        o.printer_margin = margin;
        o.shrink_to_printable = shrink;
        if let Ok(imp) = plan(pages, &o) {
            prop_assert!(imp.scale > 0.0 && imp.scale <= 1.0);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Units.

#[test]
fn sheet_sizes_parse_exactly() {
    let pt = |s: &str| s.parse::<SheetSize>().unwrap().size();
    let close = |a: Size, w: f64, h: f64| {
        (a.width - w).abs() < 1e-4 && (a.height - h).abs() < 1e-4
    };
    assert!(close(pt("a4"), 595.2756, 841.8898));
    assert!(close(pt("A4"), 595.2756, 841.8898));
    assert!(close(pt("a3"), 841.8898, 1190.5512));
    assert!(close(pt("a5"), 419.5276, 595.2756));
    assert_eq!(pt("letter"), Size::new(612.0, 792.0));
    assert_eq!(pt("Legal"), Size::new(612.0, 1008.0));
    assert_eq!(pt("TABLOID"), Size::new(792.0, 1224.0));
    assert_eq!(pt("8.5x11in"), Size::new(612.0, 792.0));
    assert!(close(pt("210x297mm"), 595.2756, 841.8898));
    assert!(close(pt("297X210MM"), 841.8898, 595.2756));
    for bad in [
        "a9",
        "",
        "210x297",
        "0x297mm",
        "-1x5in",
        "axbmm",
        "210x297cm",
        "99999999999999999999x99999999999999999999mm",
        "5x297mm",
        "210x6000mm",
    ] {
        let err = bad.parse::<SheetSize>().unwrap_err().to_string();
        assert!(err.contains(&format!("`{bad}`")), "{err}");
        assert!(
            err.contains("a3, a4, a5, letter, legal, tabloid")
                && err.contains("210x297mm")
                && err.contains("from 10 mm to 5080 mm"),
            "{err}"
        );
    }
}

#[test]
fn a6_on_a4_cutstack_is_two_portrait_cells() {
    let imp = plan(16, &PlanOptions::new(Scheme::Cutstack, SheetSize::A4.size(), a6()))
        .unwrap();
    assert_eq!((imp.grid.cols, imp.grid.rows), (1, 2));
    assert!(!imp.sheet.is_landscape());
    assert_eq!(imp.grid.spine, Some(Axis::Vertical));
    assert_eq!(imp.sheets.len(), 2);
    let t = imp.ticket();
    assert_eq!((t.cells, t.piles, t.sheets, t.booklets), (2, 2, 2, 1));
    assert_eq!(t.orientation, Orientation::Portrait);
    // No free space: crop and fold ticks and slugs are skipped, and said so.
    assert!(imp.skipped_marks > 0);
    assert!(imp.sheets[0].front.marks.is_empty());
}

#[test]
fn a7_on_a4_cutstack_is_four_landscape_cells() {
    let imp = plan(16, &PlanOptions::new(Scheme::Cutstack, SheetSize::A4.size(), a7()))
        .unwrap();
    assert_eq!((imp.grid.cols, imp.grid.rows), (2, 2));
    assert!(imp.sheet.is_landscape());
    assert_eq!(imp.grid.spine, Some(Axis::Vertical));
    assert!(imp.sheets[0].front.slots.iter().all(|s| s.rotation == Rotation::R0));
    assert_eq!(imp.flip, Axis::Horizontal);
}

#[test]
fn saddle_of_four_is_4_1_then_2_3() {
    let opts = PlanOptions::new(
        Scheme::Saddle,
        SheetSize::A4.size(),
        Size::from_mm(148.0, 210.0),
    );
    let imp = plan(4, &opts).unwrap();
    let order = |slots: &[livret_impose::Slot]| {
        let mut s: Vec<_> =
            slots.iter().map(|s| (s.x, s.page.unwrap() + 1, s.rotation)).collect();
        s.sort_by(|a, b| a.0.total_cmp(&b.0));
        s.into_iter().map(|(_, p, r)| (p, r)).collect::<Vec<_>>()
    };
    assert_eq!(order(&imp.sheets[0].front.slots), [(4, Rotation::R0), (1, Rotation::R0)]);
    // Landscape A4, long-edge flip about the horizontal axis: the back is turned 180°.
    assert_eq!(
        order(&imp.sheets[0].back.slots),
        [(3, Rotation::R180), (2, Rotation::R180)]
    );
    let mut short = opts;
    short.duplex = Duplex::Short;
    let imp = plan(4, &short).unwrap();
    assert_eq!(order(&imp.sheets[0].back.slots), [(2, Rotation::R0), (3, Rotation::R0)]);
}

#[test]
fn does_not_fit_names_sizes_and_a_way_out() {
    let opts = PlanOptions::new(
        Scheme::Saddle,
        SheetSize::A5.size(),
        Size::from_mm(148.0, 210.0),
    );
    let err = plan(8, &opts).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a spread of two pages of 148×210 mm (296×210 mm) does not fit on a 148×210 mm sheet in either orientation"
    );
    assert_eq!(
        err.hint().unwrap(),
        "use --sheet a4 (the smallest standard sheet it fits on), or --fit shrink"
    );
    let huge = PlanOptions::new(
        Scheme::Cutstack,
        SheetSize::A4.size(),
        Size::from_mm(400.0, 600.0),
    );
    assert!(plan(8, &huge).unwrap_err().hint().unwrap().contains("custom --sheet"));
    let zine = PlanOptions::new(Scheme::Zine, SheetSize::A4.size(), a6());
    let err = plan(8, &zine).unwrap_err();
    assert!(err.to_string().contains("105×148 mm"), "{err}");
    assert!(err.hint().unwrap().contains("--sheet a3"), "{:?}", err.hint());
    // Shrinking makes it fit.
    let mut shrink = opts;
    shrink.shrink_to_printable = true;
    let imp = plan(8, &shrink).unwrap();
    assert!(imp.scale < 0.8 && imp.scale > 0.6, "{}", imp.scale);
}

#[test]
fn bad_inputs_are_errors() {
    let ok = PlanOptions::new(Scheme::Saddle, SheetSize::A4.size(), a6());
    assert_eq!(plan(0, &ok), Err(PlanError::NoPages));
    assert!(matches!(
        plan(9, &PlanOptions { scheme: Scheme::Zine, page: a7(), ..ok.clone() }),
        Err(PlanError::TooManyPages { max: 8, .. })
    ));
    assert!(
        plan(9, &PlanOptions { scheme: Scheme::Zine, page: a7(), ..ok.clone() })
            .unwrap_err()
            .to_string()
            .contains("at most 8 pages")
    );
    assert!(matches!(
        plan(4, &PlanOptions { page: Size::new(0.0, 10.0), ..ok.clone() }),
        Err(PlanError::InvalidSize { .. })
    ));
    assert!(matches!(
        plan(4, &PlanOptions { sheet: Size::new(f64::NAN, 10.0), ..ok.clone() }),
        Err(PlanError::InvalidSize { .. })
    ));
    assert!(matches!(
        plan(4, &PlanOptions { creep: -1.0, ..ok.clone() }),
        Err(PlanError::InvalidLength { .. })
    ));
    assert_eq!(
        plan(4, &PlanOptions { signature_sheets: Some(0), ..ok.clone() }),
        Err(PlanError::ZeroSignatureSheets)
    );
    assert!(matches!(
        plan(
            4,
            &PlanOptions {
                printer_margin: mm(200.0),
                shrink_to_printable: true,
                ..ok.clone()
            }
        ),
        Err(PlanError::MarginTooLarge { .. })
    ));
    assert!(matches!(plan(usize::MAX, &ok), Err(PlanError::TooLarge { .. })));
    assert!(matches!(plan(20_000_000, &ok), Err(PlanError::TooLarge { .. })));
    assert!(matches!(
        plan(4, &PlanOptions { page: Size::new(1e-9, 1e-9), ..ok.clone() }),
        Err(PlanError::InvalidSize { .. })
    ));
    assert!(matches!(
        plan(4, &PlanOptions { sheet: Size::new(1e9, 1e9), ..ok.clone() }),
        Err(PlanError::InvalidSize { .. })
    ));
    let sig = PlanOptions {
        scheme: Scheme::Signatures,
        signature_sheets: Some(usize::MAX),
        ..ok.clone()
    };
    assert_eq!(plan(9, &sig).unwrap().sheets.len(), 2);
    assert_eq!("Zine".parse::<Scheme>(), Ok(Scheme::Zine));
    assert!(
        "fold".parse::<Scheme>().unwrap_err().to_string().contains("saddle, cutstack")
    );
    assert_eq!("short".parse::<Duplex>(), Ok(Duplex::Short));
}

#[test]
fn creep_shifts_inner_folios_toward_the_fold() {
    let mut opts = PlanOptions::new(
        Scheme::Saddle,
        SheetSize::A4.size(),
        Size::from_mm(148.0, 210.0),
    );
    opts.creep = mm(0.1);
    let imp = plan(16, &opts).unwrap();
    for (k, sheet) in imp.sheets.iter().enumerate() {
        for slot in sheet.front.slots.iter().chain(&sheet.back.slots) {
            assert!((slot.shift - k as f64 * mm(0.1)).abs() < 1e-9);
            // The content moves toward the fold: the fold is at the sheet's middle.
            let (dx, _) = slot.content_offset();
            let centre = slot.x + slot.width / 2.0;
            if k > 0 {
                assert!(
                    (centre - imp.sheet.width / 2.0).signum() == -dx.signum(),
                    "{slot:?}"
                );
            }
            assert!(matches!(slot.spine, Some(Edge::Left | Edge::Right)));
        }
    }
    // Cutstack: depth runs through the piles (pile 0 outermost).
    let mut opts = PlanOptions::new(Scheme::Cutstack, SheetSize::A4.size(), a6());
    opts.creep = 1.0;
    let imp = plan(16, &opts).unwrap();
    let shifts: Vec<(usize, usize, f64)> = imp
        .sheets
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.front.slots.iter().map(move |x| (k, x.cell, x.shift)))
        .collect();
    assert!(shifts.contains(&(0, 0, 0.0)) && shifts.contains(&(1, 0, 1.0)));
    assert!(shifts.contains(&(0, 1, 2.0)) && shifts.contains(&(1, 1, 3.0)));
}

#[test]
fn collation_marks_step_down_the_spine() {
    let mut opts = PlanOptions::new(
        Scheme::Signatures,
        SheetSize::A4.size(),
        Size::from_mm(148.0, 210.0),
    );
    opts.signature_sheets = Some(2);
    let imp = plan(64, &opts).unwrap();
    let marks: Vec<(usize, Rect)> = imp
        .sheets
        .iter()
        .flat_map(|s| s.front.marks.iter())
        .filter_map(|m| match m {
            Mark::Collation { rect, signature } => Some((*signature, *rect)),
            _ => None,
        })
        .collect();
    assert_eq!(marks.len(), 8);
    for pair in marks.windows(2) {
        assert_eq!(pair[1].0, pair[0].0 + 1);
        assert!(pair[1].1.y > pair[0].1.y, "staircase goes down: {pair:?}");
        let spine = imp.sheet.width / 2.0;
        assert!(pair[1].1.x < spine && pair[1].1.right() > spine);
    }
}

#[test]
fn marks_stay_off_pages_and_on_the_sheet() {
    for (page, scheme) in [
        (Size::from_mm(70.0, 100.0), Scheme::Cutstack),
        (Size::from_mm(140.0, 200.0), Scheme::Saddle),
        (a6(), Scheme::Copies),
    ] {
        let imp =
            plan(24, &PlanOptions::new(scheme, SheetSize::A4.size(), page)).unwrap();
        let sheet = Rect::new(0.0, 0.0, imp.sheet.width, imp.sheet.height);
        for side in imp.sheets.iter().flat_map(|s| [&s.front, &s.back]) {
            for mark in &side.marks {
                if let Mark::Crop(l) | Mark::Fold(l) = mark {
                    let r = Rect::new(
                        l.x1.min(l.x2),
                        l.y1.min(l.y2),
                        (l.x2 - l.x1).abs(),
                        (l.y2 - l.y1).abs(),
                    );
                    assert!(sheet.contains(&r));
                    assert!(
                        side.slots
                            .iter()
                            .all(|s| !s.rect().overlaps(&r) && !s.rect().contains(&r)),
                        "{mark:?}"
                    );
                }
            }
        }
        if scheme == Scheme::Cutstack {
            assert!(imp.sheets[0].front.marks.iter().any(|m| matches!(m, Mark::Crop(_))));
            assert!(imp.sheets[0].front.marks.iter().any(|m| matches!(m, Mark::Fold(_))));
            assert!(imp.sheets[0].back.marks.iter().any(|m| matches!(m, Mark::Slug { text, .. } if text.contains("sheet 1/") && text.contains("back"))));
        }
    }
}

#[test]
fn zine_has_folds_and_slit_and_an_empty_back() {
    let imp =
        plan(8, &PlanOptions::new(Scheme::Zine, SheetSize::A4.size(), a7())).unwrap();
    assert_eq!(imp.sheets.len(), 1);
    assert!(imp.sheets[0].back.slots.is_empty());
    assert!(imp.sheet.is_landscape());
    let marks = &imp.sheets[0].front.marks;
    assert_eq!(marks.iter().filter(|m| matches!(m, Mark::Fold(_))).count(), 4);
    assert_eq!(marks.iter().filter(|m| matches!(m, Mark::Slit(_))).count(), 1);
    assert_eq!(imp.ticket().printed_sides, 1);
}

/// Compares JSON trees, allowing the last bit of a float to differ.
fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-9 * x.abs().max(1.0)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn plans_round_trip_through_json() {
    for scheme in Scheme::ALL {
        let mut opts = PlanOptions::new(scheme, SheetSize::A4.size(), a7());
        opts.creep = 0.2;
        opts.signature_sheets = Some(2);
        let imp = plan(7, &opts).unwrap();
        let json = serde_json::to_string_pretty(&imp).unwrap();
        let back: Imposition = serde_json::from_str(&json).unwrap();
        assert!(same_json(
            &serde_json::to_value(&imp).unwrap(),
            &serde_json::to_value(&back).unwrap()
        ));
        assert_eq!(back.sheets.len(), imp.sheets.len());
        assert_eq!(back.sequence, imp.sequence);
        let opts_json = serde_json::to_string(&opts).unwrap();
        let opts_back: PlanOptions = serde_json::from_str(&opts_json).unwrap();
        assert_eq!(opts_back.scheme, scheme);
        assert!(json.contains("\"rotation\": 180") || json.contains("\"rotation\": 0"));
    }
    assert!(serde_json::from_str::<Rotation>("45").is_err());
}

/// Regression: PDF producers round sizes; an A5 page written as 419.53 × 595.28 pt
/// still goes two-up on an A4 sheet of 595.2756 pt.
#[test]
fn rounded_a5_still_fits_two_up_on_a4() {
    let opts =
        PlanOptions::new(Scheme::Saddle, SheetSize::A4.size(), Size::new(419.53, 595.28));
    let imp = plan(8, &opts).expect("rounded A5 fits");
    assert_eq!(imp.sheets.len(), 2);
}
