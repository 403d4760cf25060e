//! The external-PDF backend: generated inputs imposed, read back with poppler.

use crate::support;

use livret_impose::fit::PageFit;

use livret_impose::pdf::{
    InputInfo, PdfError, PdfInput, PlaceOptions, SideRef, impose_pdf, read_info,
};
use livret_impose::{
    Imposition, MarkOptions, PlanOptions, Rotation, Scheme, SheetSize, Size, all_sides,
    plan,
};
use support::{A5, Gen, make, page_sizes, render, words_per_page};

fn a4() -> Size {
    SheetSize::A4.size()
}

fn plan_for(info: &InputInfo, scheme: Scheme, sheet: Size) -> Imposition {
    let mut opts = PlanOptions::new(scheme, sheet, info.sizes[0]);
    if scheme == Scheme::Signatures {
        opts.signature_sheets = Some(2);
    }
    plan(info.pages, &opts).unwrap()
}

/// Every output page shows exactly the page words the plan puts on that side.
fn assert_pages_where_planned(out: &[u8], imp: &Imposition, order: &[SideRef]) {
    let words = words_per_page(out);
    assert_eq!(words.len(), order.len(), "output page count");
    for (k, side) in order.iter().enumerate() {
        let side = match *side {
            SideRef::Front(s) => &imp.sheets[s].front,
            SideRef::Back(s) => &imp.sheets[s].back,
        };
        let mut expected: Vec<String> = side
            .slots
            .iter()
            .filter_map(|s| s.page)
            .map(|p| format!("p{}", p + 1))
            .collect();
        let mut found: Vec<String> =
            words[k].iter().filter(|w| w.starts_with('p')).cloned().collect();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "output page {}", k + 1);
    }
}

fn impose_default(input: &[u8], scheme: Scheme, sheet: Size) -> (Imposition, Vec<u8>) {
    let info = read_info(input).unwrap();
    let imp = plan_for(&info, scheme, sheet);
    let out = impose_pdf(input, &imp, &PlaceOptions::new(&imp)).unwrap();
    (imp, out)
}

#[test]
fn saddle_16_pages_land_where_planned() {
    let input = make(&Gen::new(16));
    let (imp, out) = impose_default(&input, Scheme::Saddle, a4());
    assert_eq!(imp.sheets.len(), 4);
    let sizes = page_sizes(&out);
    assert_eq!(sizes.len(), 8);
    for (w, h) in sizes {
        assert!(
            (w - imp.sheet.width).abs() < 0.01 && (h - imp.sheet.height).abs() < 0.01
        );
    }
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
}

#[test]
fn odd_page_count_pads_with_blanks() {
    let input = make(&Gen::new(7));
    let (imp, out) = impose_default(&input, Scheme::Saddle, a4());
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
}

#[test]
fn every_scheme_places_every_page() {
    let small = Gen { size: (200.0, 280.0), ..Gen::new(24) };
    let input = make(&small);
    for scheme in [Scheme::Saddle, Scheme::Cutstack, Scheme::Copies, Scheme::Signatures] {
        let (imp, out) = impose_default(&input, scheme, SheetSize::A3.size());
        assert_pages_where_planned(&out, &imp, &all_sides(&imp));
    }
    let zine = make(&Gen { size: (200.0, 280.0), ..Gen::new(8) });
    let (imp, out) = impose_default(&zine, Scheme::Zine, SheetSize::A3.size());
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
}

#[test]
fn manual_duplex_order_writes_listed_sides() {
    let input = make(&Gen::new(12));
    let info = read_info(&input).unwrap();
    let imp = plan_for(&info, Scheme::Saddle, a4());
    let order =
        vec![SideRef::Front(0), SideRef::Front(2), SideRef::Back(2), SideRef::Back(0)];
    let opts = PlaceOptions { order: order.clone(), ..PlaceOptions::new(&imp) };
    let out = impose_pdf(&input, &imp, &opts).unwrap();
    assert_pages_where_planned(&out, &imp, &order);
}

#[test]
fn inherited_resources_and_content_arrays_keep_text() {
    let g = Gen { inherited: true, array_contents: true, ..Gen::new(8) };
    let input = make(&g);
    let (imp, out) = impose_default(&input, Scheme::Saddle, a4());
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
    // The inherited resources are shared: one font object in the output.
    let doc = lopdf::Document::load_mem(&out).unwrap();
    let fonts = doc
        .objects
        .values()
        .filter(|o| o.as_dict().is_ok_and(|d| d.has_type(b"Font")))
        .count();
    assert_eq!(fonts, 1);
}

#[test]
fn uncompressed_input_works() {
    let input = make(&Gen { compress: false, ..Gen::new(4) });
    let (imp, out) = impose_default(&input, Scheme::Saddle, a4());
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
}

#[test]
fn info_reads_trim_bleed_rotate_and_title() {
    let g =
        Gen { bleed: 9.0, rotate90: vec![2], title: Some("Guide".into()), ..Gen::new(4) };
    let info = read_info(&make(&g)).unwrap();
    assert_eq!(info.pages, 4);
    assert_eq!(info.title.as_deref(), Some("Guide"));
    for (k, size) in info.sizes.iter().enumerate() {
        assert!((size.width - A5.0).abs() < 0.01, "page {k} width {}", size.width);
        assert!((size.height - A5.1).abs() < 0.01, "page {k} height {}", size.height);
        let b = info.bleed[k];
        for side in [b.top, b.right, b.bottom, b.left] {
            assert!((side - 9.0).abs() < 0.01, "page {k} bleed {b:?}");
        }
    }
    let plain = read_info(&make(&Gen::new(2))).unwrap();
    assert_eq!(plain.bleed[0], Default::default());
    assert_eq!(plain.title, None);
}

/// Pages painted grey over their bleed box with a black marker at the displayed top-left
/// corner: the marker sits in the slot corner the slot's rotation puts it in, and bleed
/// shows beyond outer edges but never over a neighbour.
fn check_painted(g: Gen, scheme: Scheme, sheet: Size, duplex: livret_impose::Duplex) {
    let input = make(&g);
    let info = read_info(&input).unwrap();
    let mut opts = PlanOptions::new(scheme, sheet, info.sizes[0]);
    opts.duplex = duplex;
    let imp = plan(info.pages, &opts).unwrap();
    let out = impose_pdf(&input, &imp, &PlaceOptions::new(&imp)).unwrap();
    let order = all_sides(&imp);
    for (k, side_ref) in order.iter().enumerate() {
        let side = match *side_ref {
            SideRef::Front(s) => &imp.sheets[s].front,
            SideRef::Back(s) => &imp.sheets[s].back,
        };
        let img = render(&out, k + 1, 36);
        for slot in side.slots.iter().filter(|s| s.page.is_some()) {
            let r = slot.rect();
            let inset = 8.0; // inside the 40 pt marker, away from edges
            let corners = [
                (r.x + inset, r.y + inset),
                (r.right() - inset, r.y + inset),
                (r.right() - inset, r.bottom() - inset),
                (r.x + inset, r.bottom() - inset),
            ];
            let marked = match slot.rotation {
                Rotation::R0 => 0,
                Rotation::R90 => 1,
                Rotation::R180 => 2,
                Rotation::R270 => 3,
            };
            for (c, &(x, y)) in corners.iter().enumerate() {
                let v = img.at(x, y);
                if c == marked {
                    assert!(
                        v < 60,
                        "side {} page {:?} corner {c} should be black: {v}",
                        k + 1,
                        slot.page
                    );
                } else {
                    assert!(
                        (100..=160).contains(&v),
                        "side {} page {:?} corner {c} should be grey: {v}",
                        k + 1,
                        slot.page
                    );
                }
            }
            // Bleed: just outside each edge, grey where no slot touches, never grey inside
            // another blank slot.
            let mid = r.center();
            let probes = [
                (mid.0, r.y - 3.0),
                (r.right() + 3.0, mid.1),
                (mid.0, r.bottom() + 3.0),
                (r.x - 3.0, mid.1),
            ];
            for &(x, y) in &probes {
                let inside_other = side.slots.iter().any(|o| {
                    o.rect() != r
                        && x > o.x
                        && x < o.x + o.width
                        && y > o.y
                        && y < o.y + o.height
                });
                let on_sheet =
                    x > 0.0 && y > 0.0 && x < imp.sheet.width && y < imp.sheet.height;
                if !inside_other && on_sheet && g.bleed > 4.0 {
                    let v = img.at(x, y);
                    assert!(
                        (100..=160).contains(&v),
                        "side {} page {:?} bleed at ({x:.0},{y:.0}) should be grey: {v}",
                        k + 1,
                        slot.page
                    );
                }
            }
        }
        // Blank slots stay white.
        for slot in side.slots.iter().filter(|s| s.page.is_none()) {
            let (x, y) = slot.rect().center();
            assert!(img.at(x, y) > 240, "blank slot on side {} is not white", k + 1);
        }
    }
}

#[test]
fn rotation_and_bleed_render_right_saddle() {
    use livret_impose::Duplex;
    let g = Gen { bleed: 9.0, paint: true, ..Gen::new(6) };
    check_painted(g.clone(), Scheme::Saddle, a4(), Duplex::Long);
    check_painted(g, Scheme::Saddle, a4(), Duplex::Short);
}

#[test]
fn rotation_and_bleed_render_right_turned_and_zine() {
    use livret_impose::Duplex;
    // Pages whose spreads must turn on the sheet.
    let wide = Gen { size: (300.0, 200.0), bleed: 9.0, paint: true, ..Gen::new(8) };
    check_painted(wide, Scheme::Cutstack, a4(), Duplex::Long);
    let zine = Gen { size: (200.0, 280.0), bleed: 9.0, paint: true, ..Gen::new(8) };
    check_painted(zine, Scheme::Zine, SheetSize::A3.size(), Duplex::Long);
}

#[test]
fn page_rotate_is_applied() {
    use livret_impose::Duplex;
    let g = Gen { paint: true, rotate90: vec![0, 3], ..Gen::new(4) };
    check_painted(g, Scheme::Saddle, a4(), Duplex::Long);
    let every = Gen {
        paint: true,
        bleed: 9.0,
        rotate: vec![(0, 180), (1, 270), (2, -90), (3, 450), (5, 360)],
        ..Gen::new(6)
    };
    check_painted(every, Scheme::Saddle, a4(), Duplex::Long);
}

#[test]
fn output_is_deterministic_and_small() {
    let input = make(&Gen::new(100));
    let (imp, a) = impose_default(&input, Scheme::Saddle, a4());
    let b = impose_pdf(&input, &imp, &PlaceOptions::new(&imp)).unwrap();
    assert_eq!(a, b);
    let ratio = a.len() as f64 / input.len() as f64;
    assert!(ratio <= 1.2, "output/input = {ratio:.2} ({} / {})", a.len(), input.len());
}

#[test]
fn marks_are_drawn_when_asked() {
    let input = make(&Gen { size: (200.0, 280.0), ..Gen::new(8) });
    let info = read_info(&input).unwrap();
    let mut popts = PlanOptions::new(Scheme::Signatures, a4(), info.sizes[0]);
    popts.signature_sheets = Some(1);
    let imp = plan(info.pages, &popts).unwrap();
    let plain = impose_pdf(&input, &imp, &PlaceOptions::new(&imp)).unwrap();
    let opts = PlaceOptions {
        marks: MarkOptions::ALL,
        title: "Guide Ü".into(),
        ..PlaceOptions::new(&imp)
    };
    let marked = impose_pdf(&input, &imp, &opts).unwrap();
    assert!(marked.len() > plain.len());
    let words = words_per_page(&marked);
    let first = words[0].join(" ");
    assert!(first.contains("Guide Ü"), "{first}");
    assert!(first.contains("sheet 1/"), "{first}");
    assert!(!words_per_page(&plain)[0].join(" ").contains("sheet"));
    // Marks are ink: the rendered sheet has dark pixels outside the grid.
    assert_pages_where_planned(&marked, &imp, &all_sides(&imp));
}

#[test]
fn other_page_sizes_fail_or_centre() {
    let mut input_pages = make(&Gen::new(4));
    let info = read_info(&input_pages).unwrap();
    let imp = plan_for(&info, Scheme::Saddle, a4());
    // Impose a PDF of smaller pages with the A5 plan.
    let small = make(&Gen { size: (300.0, 400.0), paint: true, ..Gen::new(4) });
    let err = impose_pdf(&small, &imp, &PlaceOptions::new(&imp)).unwrap_err();
    assert!(matches!(err, PdfError::PageSize { .. }), "{err}");
    assert!(err.hint().unwrap().contains("--fit center"));
    let opts = PlaceOptions { fit: PageFit::Center, ..PlaceOptions::new(&imp) };
    let out = impose_pdf(&small, &imp, &opts).unwrap();
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
    // Centred: the slot's corner is white, its centre grey.
    let img = render(&out, 1, 36);
    let slot = imp.sheets[0].front.slots[0];
    assert!(img.at(slot.x + 3.0, slot.y + 3.0) > 240);
    let (cx, cy) = slot.rect().center();
    assert!((100..=160).contains(&img.at(cx + 50.0, cy + 50.0)));
    // Larger pages are scaled down into the slot.
    let big = make(&Gen { size: (500.0, 700.0), ..Gen::new(4) });
    let out = impose_pdf(&big, &imp, &opts).unwrap();
    assert_pages_where_planned(&out, &imp, &all_sides(&imp));
    input_pages.clear();
}

#[test]
fn plan_that_does_not_fit_the_input_is_an_error() {
    let input = make(&Gen::new(4));
    let info = read_info(&input).unwrap();
    let mut opts = PlanOptions::new(Scheme::Saddle, a4(), info.sizes[0]);
    opts.blanks = Default::default();
    let imp = plan(8, &opts).unwrap();
    let err = impose_pdf(&input, &imp, &PlaceOptions::new(&imp)).unwrap_err();
    assert!(matches!(err, PdfError::PlanMismatch(_)), "{err}");
    let imp = plan(4, &opts).unwrap();
    let bad = PlaceOptions { order: vec![SideRef::Back(5)], ..PlaceOptions::new(&imp) };
    let err = impose_pdf(&input, &imp, &bad).unwrap_err();
    assert!(matches!(err, PdfError::PlanMismatch(_)), "{err}");
}

#[test]
fn not_a_pdf() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    assert_eq!(read_info(png).unwrap_err(), PdfError::NotPdf);
    assert_eq!(read_info(b"hello, this is text\n").unwrap_err(), PdfError::NotPdf);
    assert_eq!(read_info(b"").unwrap_err(), PdfError::NotPdf);
    let err = read_info(b"%PDF-1.7\n").unwrap_err();
    assert!(matches!(err, PdfError::Corrupt(_)), "{err}");
    assert!(err.to_string().starts_with("the input PDF is damaged"));
}

#[test]
fn empty_page_tree() {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages = doc.add_object(lopdf::Dictionary::from_iter(vec![
        ("Type", lopdf::Object::Name(b"Pages".to_vec())),
        ("Kids", lopdf::Object::Array(vec![])),
        ("Count", lopdf::Object::Integer(0)),
    ]));
    let cat = doc.add_object(lopdf::Dictionary::from_iter(vec![
        ("Type", lopdf::Object::Name(b"Catalog".to_vec())),
        ("Pages", lopdf::Object::Reference(pages)),
    ]));
    doc.trailer.set("Root", cat);
    let mut bytes = vec![];
    doc.save_to(&mut bytes).unwrap();
    assert_eq!(read_info(&bytes).unwrap_err(), PdfError::Empty);
}

#[test]
fn encrypted_inputs_are_refused_only_when_they_need_a_password() {
    let input = make(&Gen::new(4));
    let plain = support::temp_pdf(&input);
    // (qpdf arguments, whether opening needs a password)
    for (args, locked) in [
        (&["--encrypt", "", "owner", "256", "--"][..], false),
        (&["--encrypt", "user", "owner", "128", "--use-aes=y", "--"][..], true),
        (&["--allow-weak-crypto", "--encrypt", "", "", "40", "--"][..], false),
    ] {
        let out = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
        let status = std::process::Command::new("qpdf")
            .args(args)
            .arg(plain.path())
            .arg(out.path())
            .status()
            .unwrap();
        assert!(status.success());
        let bytes = std::fs::read(out.path()).unwrap();
        if locked {
            let err = read_info(&bytes).unwrap_err();
            assert_eq!(err, PdfError::Encrypted, "{args:?}");
            assert!(err.hint().unwrap().contains("qpdf --decrypt"));
            continue;
        }
        // Owner-password protection only: decrypted in memory, imposed, not encrypted.
        let info = read_info(&bytes).unwrap();
        assert!(info.protected, "{args:?}");
        let imp = plan_for(&info, Scheme::Saddle, a4());
        let sheets = impose_pdf(&bytes, &imp, &PlaceOptions::new(&imp)).unwrap();
        assert!(!sheets.windows(8).any(|w| w == b"/Encrypt"), "{args:?}");
        assert!(!read_info(&sheets).unwrap().protected);
        assert_pages_where_planned(&sheets, &imp, &all_sides(&imp));
    }
}

#[test]
fn truncated_inputs_never_panic() {
    let input = make(&Gen { title: Some("T".into()), ..Gen::new(6) });
    let info = read_info(&input).unwrap();
    let imp = plan_for(&info, Scheme::Saddle, a4());
    let opts = PlaceOptions {
        marks: MarkOptions { slug: true, crop: true, ..MarkOptions::default() },
        ..PlaceOptions::new(&imp)
    };
    let step = (input.len() / 400).max(1);
    let mut ok = 0;
    for cut in (0..input.len()).step_by(step) {
        let part = &input[..cut];
        match impose_pdf(part, &imp, &opts) {
            Ok(out) => {
                ok += 1;
                // Whatever was recovered must still be a complete, readable imposition.
                assert_pages_where_planned(&out, &imp, &all_sides(&imp));
            }
            Err(err) => {
                assert!(!err.to_string().is_empty());
                let _ = err.hint();
            }
        }
        let _ = PdfInput::parse(part).map(|p| p.info());
    }
    eprintln!("{ok} truncations recovered");
}

#[test]
fn qpdf_accepts_the_output() {
    let g = Gen { bleed: 9.0, inherited: true, rotate90: vec![1], ..Gen::new(10) };
    let input = make(&g);
    let (imp, out) = impose_default(&input, Scheme::Saddle, a4());
    let opts = PlaceOptions {
        marks: MarkOptions { crop: true, fold: true, slug: true, collation: false },
        ..PlaceOptions::new(&imp)
    };
    for bytes in [out, impose_pdf(&input, &imp, &opts).unwrap()] {
        let f = support::temp_pdf(&bytes);
        let res = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(f.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&res.stdout).to_string()
            + &String::from_utf8_lossy(&res.stderr);
        assert!(res.status.success() && !text.contains("WARNING"), "{text}");
    }
}

/// `input` with `/ViewerPreferences << /Direction /<direction> >>` in its catalog, the
/// preferences written as an indirect object when `indirect`.
fn with_direction(input: &[u8], direction: &str, indirect: bool) -> Vec<u8> {
    use lopdf::{Object, dictionary};
    let mut doc = lopdf::Document::load_mem(input).unwrap();
    let prefs =
        dictionary! { "Direction" => Object::Name(direction.as_bytes().to_vec()) };
    let prefs =
        if indirect { Object::Reference(doc.add_object(prefs)) } else { prefs.into() };
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(root).unwrap().set("ViewerPreferences", prefs);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn info_reads_the_reading_direction() {
    let input = make(&Gen::new(4));
    assert!(!read_info(&input).unwrap().right_to_left, "no preferences: left to right");
    assert!(!read_info(&with_direction(&input, "L2R", false)).unwrap().right_to_left);
    assert!(read_info(&with_direction(&input, "R2L", false)).unwrap().right_to_left);
    assert!(read_info(&with_direction(&input, "R2L", true)).unwrap().right_to_left);
}

/// A one-page PDF of `media` (user space) with `/Rotate rotate` whose content is `ops`.
fn one_page(media: [f64; 4], rotate: i64, ops: &str) -> Vec<u8> {
    use lopdf::{Dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let tree = doc.new_object_id();
    let content = doc.add_object(Stream::new(Dictionary::new(), ops.as_bytes().to_vec()));
    let page = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", Object::Reference(tree)),
        (
            "MediaBox",
            Object::Array(media.iter().map(|&v| Object::Real(v as f32)).collect()),
        ),
        ("Rotate", Object::Integer(rotate)),
        ("Contents", Object::Reference(content)),
    ]));
    doc.objects.insert(
        tree,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(vec![Object::Reference(page)])),
            ("Count", Object::Integer(1)),
        ])),
    );
    let catalog = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(tree)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn content_boxes_are_what_pages_paint_as_displayed() {
    let close = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| {
        (a.0 - b.0).abs() < 0.01
            && (a.1 - b.1).abs() < 0.01
            && (a.2 - b.2).abs() < 0.01
            && (a.3 - b.3).abs() < 0.01
    };
    // A white background is no ink; a black strip along the user-space left edge is.
    let ops = "1 g 0 0 200 100 re f 0 g 0 0 10 100 re f";
    let upright = PdfInput::parse(&one_page([0.0, 0.0, 200.0, 100.0], 0, ops)).unwrap();
    let b = upright.content_boxes()[0].unwrap();
    assert!(close(b, (0.0, 0.0, 10.0, 100.0)), "{b:?}");
    // Turned a quarter clockwise, the left edge is shown at the top.
    let turned = PdfInput::parse(&one_page([0.0, 0.0, 200.0, 100.0], 90, ops)).unwrap();
    let b = turned.content_boxes()[0].unwrap();
    assert!(close(b, (0.0, 0.0, 100.0, 10.0)), "{b:?}");
    let half = PdfInput::parse(&one_page([0.0, 0.0, 200.0, 100.0], 180, ops)).unwrap();
    let b = half.content_boxes()[0].unwrap();
    assert!(close(b, (190.0, 0.0, 200.0, 100.0)), "{b:?}");
    // Nothing but white: nothing painted. A shading: the whole page.
    let white =
        PdfInput::parse(&one_page([0.0, 0.0, 200.0, 100.0], 0, "1 g 0 0 200 100 re f"))
            .unwrap();
    assert_eq!(white.content_boxes()[0], None);
    let shaded =
        PdfInput::parse(&one_page([0.0, 0.0, 200.0, 100.0], 0, "/Sh0 sh")).unwrap();
    let b = shaded.content_boxes()[0].unwrap();
    assert!(close(b, (0.0, 0.0, 200.0, 100.0)), "{b:?}");
}

/// `pdf` with the fonts `/F0` (composite, `/Type0`: two bytes a glyph, as typst writes
/// text), `/F1` (simple, `/Type1`: one byte a glyph) and `/F2` (composite, with widths)
/// in its page's resources.
fn with_fonts(pdf: &[u8]) -> Vec<u8> {
    use lopdf::{Dictionary, Document, Object};
    let mut doc = Document::load_mem(pdf).unwrap();
    let font = |subtype: &str| {
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(subtype.as_bytes().to_vec())),
        ]))
    };
    // `/F2`: composite, with the widths of its glyphs: 1 and 2 half an em, 3 to 5 a
    // quarter.
    let widths = Object::Array(vec![
        Object::Integer(1),
        Object::Array(vec![Object::Integer(500), Object::Integer(500)]),
        Object::Integer(3),
        Object::Integer(5),
        Object::Integer(250),
    ]);
    let cid = Dictionary::from_iter(vec![
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("W", widths),
    ]);
    let mut measured = font("Type0");
    if let Object::Dictionary(d) = &mut measured {
        d.set("DescendantFonts", Object::Array(vec![Object::Dictionary(cid)]));
    }
    let fonts = Dictionary::from_iter(vec![
        ("F0", font("Type0")),
        ("F1", font("Type1")),
        ("F2", measured),
    ]);
    let resources = Dictionary::from_iter(vec![("Font", Object::Dictionary(fonts))]);
    let page = *doc.get_pages().values().next().unwrap();
    let dict = doc.get_object_mut(page).unwrap().as_dict_mut().unwrap();
    dict.set("Resources", Object::Dictionary(resources));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn text_in_a_composite_font_is_measured_by_glyphs_not_bytes() {
    // Five glyphs of a 10 pt font from x = 20: about 5 × 0.6 × 10 = 30 pt wide. Read
    // as ten one-byte glyphs, the line reached x = 80 (a typst page's paragraphs
    // reached the paper's edge and the margin check warned about them).
    let text =
        |font: &str| format!("BT /{font} 10 Tf 20 50 Td <00010002000300040005> Tj ET");
    let media = [0.0, 0.0, 200.0, 100.0];
    let composite = with_fonts(&one_page(media, 0, &text("F0")));
    let b = PdfInput::parse(&composite).unwrap().content_boxes()[0].unwrap();
    assert!((b.0 - 20.0).abs() < 0.01 && (b.2 - 50.0).abs() < 0.01, "{b:?}");
    let simple = with_fonts(&one_page(media, 0, &text("F1")));
    let b = PdfInput::parse(&simple).unwrap().content_boxes()[0].unwrap();
    assert!((b.2 - 80.0).abs() < 0.01, "{b:?}");
    // With the font's widths: (2 × 500 + 3 × 250) / 1000 × 10 pt = 17.5 pt.
    let measured = with_fonts(&one_page(media, 0, &text("F2")));
    let b = PdfInput::parse(&measured).unwrap().content_boxes()[0].unwrap();
    assert!((b.2 - 37.5).abs() < 0.01, "{b:?}");
}
