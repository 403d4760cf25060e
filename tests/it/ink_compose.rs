//! Ink composed from pages measured once, checked against the sides drawn whole.
//!
//! For each case a booklet is imposed (by the lopdf backend, or by typst frames as a
//! build does), every printed side of the result is drawn whole by the reference
//! measure (`ink::side`, what `livret` did before), and each side's composed ink must
//! match it within a tolerance. Also: pages met again are not drawn again, pages that
//! differ are, and a page asking for millions of strokes is left unmeasured with a note
//! instead of taking the machine's memory.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use livret::typeset::export;
use livret::typeset::fonts::Fonts;
use livret::typeset::frames::place_frames;
use livret::typeset::ink::cache::InkCache;
use livret::typeset::ink::{self, Inks, pages, pdf};
use livret::typeset::render;
use livret::typeset::world::GuideWorld;
use livret_impose::fit::{PageFit, TurnPages};
use livret_impose::pdf::{PdfInput, PlaceOptions};
use livret_impose::{
    MarkOptions, PlanOptions, Scheme, SheetSize, Size, mm, plan, print_order,
};
use lopdf::{Document, Object, Stream, dictionary};
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::support::*;

/// A typst document from `body`, pages `width` × `height` mm.
fn document(body: &str, width: f64, height: f64) -> PagedDocument {
    let src = format!(
        "#set page(width: {width}mm, height: {height}mm, margin: 12mm)\n#set text(font: \"Andika\", size: 10pt)\n{body}"
    );
    let fonts = Fonts::load(&repo(), false).unwrap();
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let world = GuideWorld::new(&repo(), "ink.typ", src, Arc::clone(&fonts), date);
    typst::compile::<PagedDocument>(&world).output.expect("compiles")
}

/// Pages of text, colour and solid areas, different from one another.
fn varied(n: usize) -> String {
    let mut body = String::new();
    for i in 0..n {
        if i > 0 {
            body.push_str("#pagebreak()\n");
        }
        body.push_str(&format!("= Page {}\n#lorem({})\n", i + 1, 40 + 25 * (i % 5)));
        match i % 4 {
            0 => body.push_str("#rect(width: 100%, height: 30mm, fill: rgb(\"#d02030\"))\n"),
            1 => body.push_str("#place(bottom + right, dx: 12mm, dy: 12mm, rect(width: 60mm, height: 50mm, fill: black))\n"),
            2 => body.push_str("#circle(radius: 20mm, fill: rgb(\"#2060c0\"))\n"),
            _ => body.push_str("#rect(width: 100%, height: 20mm, fill: gradient.linear(white, rgb(\"#20a040\")))\n"),
        }
    }
    body
}

/// `doc` written as a PDF in `dir`.
fn write_pdf(dir: &Path, name: &str, doc: &PagedDocument) -> std::path::PathBuf {
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let path = dir.join(name);
    fs::write(&path, export::pdf(doc, "ink", date, false).unwrap()).unwrap();
    path
}

/// Each page of the PDF at `path` drawn whole and measured (the reference).
fn direct(path: &Path, sides: usize, gray: bool) -> Vec<Inks> {
    let doc = render::pdf_document(&[(path, sides)]).unwrap();
    doc.pages().iter().map(|p| ink::side(p, gray)).collect()
}

/// Asserts each composed side is the direct measure within 1 point plus 3 %.
fn assert_close(case: &str, composed: &[Inks], direct: &[Inks]) {
    assert_eq!(composed.len(), direct.len(), "{case}: side count");
    for (i, (c, d)) in composed.iter().zip(direct).enumerate() {
        let tol = 0.01 + 0.03 * d.total();
        assert!(
            (c.total() - d.total()).abs() <= tol,
            "{case}: side {} composed {c:?} (total {:.4}) vs drawn {d:?} (total {:.4})",
            i + 1,
            c.total(),
            d.total()
        );
        for (a, b) in [(c.c, d.c), (c.m, d.m), (c.y, d.y), (c.k, d.k)] {
            assert!((a - b).abs() <= tol, "{case}: side {} ink {c:?} vs {d:?}", i + 1);
        }
    }
}

/// Imposes `input` by the lopdf backend and compares its sides' composed ink with
/// the sides drawn whole.
fn check_pdf_case(case: &str, input: &Path, options: PlanOptions, fit: PageFit) {
    let bytes = Arc::new(fs::read(input).unwrap());
    let parsed = PdfInput::parse(&bytes).unwrap();
    let imposition = plan(parsed.info().pages, &options).unwrap();
    let place = PlaceOptions {
        order: print_order(&imposition),
        marks: MarkOptions::ALL,
        title: "Ink".into(),
        fit,
        turn: TurnPages::Auto,
    };
    let cache = InkCache::new();
    let (composed, unmeasured) =
        pdf::side_inks(&parsed, &bytes, &imposition, &place, &cache).unwrap();
    assert!(unmeasured.is_empty(), "{case}: {unmeasured:?}");
    let out = input.with_file_name(format!("{case}-out.pdf"));
    fs::write(&out, parsed.impose(&imposition, &place).unwrap()).unwrap();
    let drawn = direct(&out, place.order.len(), false);
    // Some ink on some side, or the comparison proves nothing.
    assert!(drawn.iter().any(|d| d.total() > 0.05), "{case}: {drawn:?}");
    assert_close(case, &composed, &drawn);
}

#[test]
fn composed_sides_match_sides_drawn_whole_for_any_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let a5 = write_pdf(dir.path(), "a5.pdf", &document(&varied(10), 148.5, 210.0));
    let page = Size::new(mm(148.5), mm(210.0));
    let a4 = SheetSize::A4.size();
    check_pdf_case(
        "saddle",
        &a5,
        PlanOptions::new(Scheme::Saddle, a4, page),
        PageFit::Exact,
    );
    // Four A6 spreads per A4 side, cut and stacked: rows turned, pages halved.
    let a6 = write_pdf(dir.path(), "a6.pdf", &document(&varied(16), 105.0, 148.0));
    let a6_page = Size::new(mm(105.0), mm(148.0));
    check_pdf_case(
        "cutstack",
        &a6,
        PlanOptions::new(Scheme::Cutstack, a4, a6_page),
        PageFit::Exact,
    );
    // Letter pages shrunk into A5 slots.
    let letter = write_pdf(dir.path(), "letter.pdf", &document(&varied(8), 215.9, 279.4));
    let mut shrink =
        PlanOptions::new(Scheme::Saddle, a4, Size::new(mm(215.9), mm(279.4)));
    shrink.shrink_to_printable = true;
    check_pdf_case("shrink", &letter, shrink, PageFit::Scale);
    // Landscape pages turned a quarter into portrait slots, one odd size centred.
    let mut body = varied(7);
    body.push_str("#pagebreak()\n#set page(width: 200mm, height: 140mm)\n#rect(width: 100%, height: 100%, fill: black)\n");
    let mixed = write_pdf(dir.path(), "mixed.pdf", &document(&body, 148.5, 210.0));
    check_pdf_case(
        "turned",
        &mixed,
        PlanOptions::new(Scheme::Saddle, a4, page),
        PageFit::Center,
    );
}

#[test]
fn composed_sides_match_sides_drawn_whole_for_a_build() {
    let doc = document(&varied(12), 105.0, 148.0);
    let page = Size::new(mm(105.0), mm(148.0));
    for (scheme, gray) in [(Scheme::Cutstack, false), (Scheme::Saddle, true)] {
        let imposition =
            plan(12, &PlanOptions::new(scheme, SheetSize::A4.size(), page)).unwrap();
        let order = print_order(&imposition);
        let marks = MarkOptions { slug: false, ..MarkOptions::ALL };
        let sheets =
            place_frames(&imposition, doc.pages(), &order, marks, "Ink", |_| None);
        let drawn: Vec<Inks> =
            sheets.pages().iter().map(|p| ink::side(p, gray)).collect();
        let cache = InkCache::new();
        let composed = pages::side_inks(
            &imposition,
            doc.pages(),
            &order,
            marks,
            "Ink",
            gray,
            &cache,
        )
        .0;
        assert_close(&format!("{scheme:?} gray={gray}"), &composed, &drawn);
        if gray {
            assert!(composed.iter().all(|s| s.c == 0.0 && s.m == 0.0 && s.y == 0.0));
        }
    }
}

#[test]
fn pages_met_again_are_reused_and_changed_pages_are_drawn() {
    // A build: three pages, the first and last alike (one content, so the same spans).
    let body = |fill: &str| {
        format!(
            "#let p = lorem(30)\n#p\n#pagebreak()\n#rect(width: 50%, height: 40mm, fill: {fill})\n#pagebreak()\n#p\n"
        )
    };
    let doc = document(&body("red"), 105.0, 148.0);
    let page = Size::new(mm(105.0), mm(148.0));
    let imposition =
        plan(3, &PlanOptions::new(Scheme::Saddle, SheetSize::A5.size(), page)).unwrap();
    let order = print_order(&imposition);
    let cache = InkCache::new();
    let first = pages::side_inks(
        &imposition,
        doc.pages(),
        &order,
        MarkOptions::default(),
        "",
        false,
        &cache,
    )
    .0;
    assert_eq!(cache.drawn(), 2, "pages 1 and 3 hold the same drawing");
    // A second preset (grey) on the same pages draws nothing again.
    let grey = pages::side_inks(
        &imposition,
        doc.pages(),
        &order,
        MarkOptions::default(),
        "",
        true,
        &cache,
    )
    .0;
    assert_eq!(cache.drawn(), 2);
    assert_eq!(cache.reused(), 2);
    assert!(grey.iter().zip(&first).all(|(g, c)| g.k >= c.k - 1e-9));
    // A page that changes is drawn.
    let changed = document(&body("blue"), 105.0, 148.0);
    let blue = pages::side_inks(
        &imposition,
        changed.pages(),
        &order,
        MarkOptions::default(),
        "",
        false,
        &cache,
    )
    .0;
    assert_eq!(cache.drawn(), 3);
    // Red is magenta and yellow, blue is cyan and magenta.
    assert!(first.iter().map(|s| s.y).sum::<f64>() > 0.01);
    assert!(blue.iter().map(|s| s.c).sum::<f64>() > 0.01);

    // Any PDF: pages sharing their content stream and resources are drawn once.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.pdf");
    fs::write(&path, shared_pages_pdf()).unwrap();
    let bytes = Arc::new(fs::read(&path).unwrap());
    let cache = InkCache::new();
    // One thread: pages met in order, so the counts are exact.
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let measured = one.install(|| pdf::measure_pages(&bytes, &[true; 4], &cache));
    // Page 3 is page 1 again; page 4 has the same stream but a crop box of its own.
    assert_eq!((cache.drawn(), cache.reused()), (3, 1));
    assert!(measured[0] == measured[2]);
    assert!(measured[0] != measured[1] && measured[0] != measured[3]);
    // Kept in a file and read back by another run: found by page, nothing drawn.
    let file = dir.path().join("shared.bin");
    cache.save(&file).unwrap();
    let later = InkCache::load(&file);
    let again = pdf::measure_pages(&bytes, &[true; 4], &later);
    assert_eq!((later.drawn(), later.reused()), (0, 4));
    assert!(again == measured);
}

/// Four Letter pages: 1, 3 and 4 draw one content stream (a black square), page 2
/// another (a larger one); page 4 has a crop box of its own.
fn shared_pages_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let small = doc.add_object(Stream::new(
        dictionary! {},
        b"0 0 0 rg 100 100 200 200 re f".to_vec(),
    ));
    let large = doc
        .add_object(Stream::new(dictionary! {}, b"0 0 0 rg 50 50 400 400 re f".to_vec()));
    let resources = doc.add_object(dictionary! {});
    let mut kids = Vec::new();
    for (i, content) in [small, large, small, small].into_iter().enumerate() {
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Contents" => content,
            "Resources" => resources,
        };
        if i == 3 {
            page.set("CropBox", vec![0.into(), 0.into(), 400.into(), 500.into()]);
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 4 },
        ),
    );
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A PDF of `pages` A5 pages; pages `bombs` (0-based) draw form F2 30 times, F2 draws
/// F1 1 000 times and F1 strokes 1 000 lines: 30 million strokes from a few kB.
fn stroke_bomb_pdf(pages: usize, bombs: &[usize]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut f1 = Vec::new();
    for i in 0..1000 {
        writeln!(f1, "{} 10 m {} 400 l S", 10 + i % 400, 20 + i % 380).unwrap();
    }
    let bbox = || vec![0.into(), 0.into(), 420.into(), 595.into()];
    let f1 = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => bbox() },
        f1,
    ));
    let f2 = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => bbox(),
            "Resources" => dictionary! { "XObject" => dictionary! { "F1" => f1 } },
        },
        b"/F1 Do\n".repeat(1000),
    ));
    let mut kids = Vec::new();
    for i in 0..pages {
        let content = if bombs.contains(&i) {
            b"/F2 Do\n".repeat(30)
        } else {
            b"0 0 0 rg 50 50 100 100 re f".to_vec()
        };
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 420.945.into(), 595.276.into()],
            "Contents" => content,
            "Resources" => dictionary! { "XObject" => dictionary! { "F2" => f2 } },
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64 },
        ),
    );
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_page_of_millions_of_strokes_is_left_unmeasured_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bomb.pdf");
    fs::write(&input, stroke_bomb_pdf(4, &[2])).unwrap();
    assert!(fs::metadata(&input).unwrap().len() < 100_000);
    let out = dir.path().join("sheets.pdf");
    let (code, stdout, stderr) = livret(&[
        "impose",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(
        all.contains(
            "ink not measured on page 3 (its drawing runs past 2 000 000 operations)"
        ),
        "{all}"
    );
    // The job is whole: sheets, ticket and job sheet, the ink of the other pages.
    assert_eq!(pdf_info(&out).0, 2);
    assert!(dir.path().join("sheets.txt").exists());
    assert!(dir.path().join("sheets-ticket.pdf").exists());
    let line = stdout.lines().find(|l| l.starts_with("ink per printed side:")).unwrap();
    assert!(!line.starts_with("ink per printed side: 0 %"), "{line}");
    // The job sheet keeps its figures and names the page left out of them.
    let ticket = dir.path().join("sheets-ticket.pdf");
    let (fr, en) =
        (normalize(&pdf_text(&ticket, Some(1))), normalize(&pdf_text(&ticket, Some(2))));
    assert!(fr.contains("sans la page 3 (non mesurée)"), "{fr}");
    assert!(en.contains("without page 3 (not measured)"), "{en}");
}

#[test]
fn a_kept_reason_for_an_unmeasured_page_is_said_in_the_run_language() {
    // The same PDF imposed in English, then in French with the page inks kept: the
    // French run says why page 3 is not measured in French.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bomb.pdf");
    fs::write(&input, stroke_bomb_pdf(4, &[2])).unwrap();
    let cache = dir.path().join("cache");
    let run = |lang: &str| {
        let out = dir.path().join(lang).join("sheets.pdf");
        fs::create_dir_all(out.parent().unwrap()).unwrap();
        let result = crate::support::livret_process()
            .args(["impose", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .args(["--scheme", "saddle", "--sheet", "a4"])
            .env("LIVRET_CACHE_DIR", &cache)
            .env("LIVRET_LANG", lang)
            .output()
            .unwrap();
        assert!(result.status.success());
        let said = [result.stdout, result.stderr].concat();
        String::from_utf8_lossy(&said).to_string()
    };
    assert!(run("en").contains("its drawing runs past"));
    assert!(fs::read_dir(cache.join("ink")).unwrap().count() > 0, "inks kept");
    let french = run("fr");
    assert!(french.contains("son dessin dépasse"), "{french}");
    assert!(!french.contains("its drawing runs past"), "{french}");
    assert!(run("en").contains("its drawing runs past"));
}

#[test]
fn a_job_sheet_whose_pages_are_all_past_the_limits_shows_no_figures() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("all.pdf");
    fs::write(&input, stroke_bomb_pdf(2, &[0, 1])).unwrap();
    let out = dir.path().join("sheets.pdf");
    let (code, stdout, stderr) = impose_cached(&input, &out, &dir.path().join("c"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("ink per printed side: not measured"), "{stdout}");
    // Figures would count only the marks: the job sheet says why there are none.
    let ticket = dir.path().join("sheets-ticket.pdf");
    let (fr, en) =
        (normalize(&pdf_text(&ticket, Some(1))), normalize(&pdf_text(&ticket, Some(2))));
    assert!(fr.contains("toutes les pages dépassent les limites"), "{fr}");
    assert!(en.contains("every page is past the drawing limits"), "{en}");
    assert!(!en.contains("mean per side"), "{en}");
}

#[test]
fn a_content_stream_inflating_past_the_cap_is_left_unmeasured() {
    // One page whose single stream inflates to 40 MB of strokes.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut content = Vec::with_capacity(41 << 20);
    while content.len() < 40 << 20 {
        content.extend_from_slice(b"10 10 m 200 300 l S\n");
    }
    let mut stream = Stream::new(dictionary! {}, content);
    stream.compress().unwrap();
    let content = doc.add_object(stream);
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 420.945.into(), 595.276.into()],
        "Contents" => content,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let cache = InkCache::new();
    let measured = pdf::measure_pages(&Arc::new(bytes), &[true], &cache);
    match &measured[0] {
        Some(ink::cache::Measured::Skipped(why)) => {
            assert!(why.contains("inflates past 32 MB"), "{why}")
        }
        other => panic!("measured: {other:?}"),
    }
}

/// `livret impose INPUT -o OUT` (saddle on A4) with its ink cache in `cache`; gives
/// the exit code, stdout and stderr.
fn impose_cached(input: &Path, out: &Path, cache: &Path) -> (i32, String, String) {
    let result = crate::support::livret_process()
        .args(["impose", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args(["--scheme", "saddle", "--sheet", "a4"])
        .env("LIVRET_CACHE_DIR", cache)
        .output()
        .unwrap();
    (
        result.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&result.stdout).to_string(),
        String::from_utf8_lossy(&result.stderr).to_string(),
    )
}

#[test]
fn impose_keeps_page_inks_across_runs_and_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_pdf(dir.path(), "a5.pdf", &document(&varied(8), 148.5, 210.0));
    let cache = dir.path().join("cache");
    // Each run writes sheets.pdf in a folder of its own (the name is on the job sheet).
    let run = |name: &str| {
        let out = dir.path().join(name).join("sheets.pdf");
        fs::create_dir_all(out.parent().unwrap()).unwrap();
        let (code, stdout, stderr) = impose_cached(&input, &out, &cache);
        assert_eq!(code, 0, "{stderr}");
        let ticket = fs::read(dir.path().join(name).join("sheets-ticket.pdf")).unwrap();
        let line = stdout.lines().find(|l| l.starts_with("ink per")).unwrap().to_string();
        (line, ticket)
    };
    let (cold, cold_sheet) = run("cold");
    let stored = livret::util::fs::files_in(&cache.join("ink")).unwrap();
    assert_eq!(stored.len(), 1, "one cache file for one PDF");
    let (warm, warm_sheet) = run("warm");
    assert_eq!(cold, warm);
    // The job sheet (which shows the ink) is the same, byte for byte, from the cache.
    assert!(cold_sheet == warm_sheet, "job sheets differ cold and warm");
    // A damaged cache file is not believed: the pages are drawn again, same figures.
    let mut bytes = fs::read(&stored[0]).unwrap();
    let n = bytes.len();
    bytes[n / 3] ^= 0x55;
    fs::write(&stored[0], &bytes).unwrap();
    let (again, again_sheet) = run("again");
    assert_eq!(cold, again);
    assert!(cold_sheet == again_sheet);
    // Another PDF gets a cache file of its own.
    let other = write_pdf(dir.path(), "b5.pdf", &document(&varied(4), 148.5, 210.0));
    let (code, _, stderr) = impose_cached(&other, &dir.path().join("b.pdf"), &cache);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(livret::util::fs::files_in(&cache.join("ink")).unwrap().len(), 2);
}

#[test]
fn a_long_pdf_has_its_ink_estimated_from_a_sample_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let pages = pdf::ALL_PAGES_UP_TO + 4;
    let input =
        write_pdf(dir.path(), "long.pdf", &document(&varied(pages), 148.5, 210.0));
    // The library: 64 pages drawn, the mean close to every side drawn whole.
    let bytes = Arc::new(fs::read(&input).unwrap());
    let parsed = PdfInput::parse(&bytes).unwrap();
    let options =
        PlanOptions::new(Scheme::Saddle, SheetSize::A4.size(), parsed.info().sizes[0]);
    let imposition = plan(pages, &options).unwrap();
    let place = PlaceOptions {
        order: print_order(&imposition),
        marks: MarkOptions::default(),
        title: "Ink".into(),
        fit: PageFit::Exact,
        turn: TurnPages::Auto,
    };
    let cache = InkCache::new();
    let coverage = pdf::imposed(&parsed, &bytes, &imposition, &place, &cache).unwrap();
    let estimate = coverage.estimated.expect("estimated");
    assert_eq!((estimate.measured, estimate.pages), (pdf::SAMPLE_PAGES, pages));
    assert_eq!(cache.drawn(), pdf::SAMPLE_PAGES, "only the sample is drawn");
    let out = dir.path().join("whole.pdf");
    fs::write(&out, parsed.impose(&imposition, &place).unwrap()).unwrap();
    let drawn = direct(&out, place.order.len(), false);
    let whole = drawn.iter().map(Inks::total).sum::<f64>() / drawn.len() as f64;
    let estimated = coverage.mean.total();
    assert!(
        (estimated - whole).abs() <= 0.05 * whole,
        "estimated {estimated:.4}, every side drawn {whole:.4}"
    );
    // The command says it is an estimate, and so does the job sheet, in both languages.
    let sheets = dir.path().join("sheets.pdf");
    let (code, stdout, stderr) =
        impose_cached(&input, &sheets, &dir.path().join("cache"));
    assert_eq!(code, 0, "{stderr}");
    let said = format!("estimated from 64 of the {pages} pages");
    assert!(stdout.contains(&said) && stdout.contains("about"), "{stdout}");
    assert!(stdout.contains("the fullest side is not known"), "{stdout}");
    let ticket = dir.path().join("sheets-ticket.pdf");
    let (fr, en) =
        (normalize(&pdf_text(&ticket, Some(1))), normalize(&pdf_text(&ticket, Some(2))));
    assert!(fr.contains(&format!("estimée sur 64 des {pages} pages")), "{fr}");
    assert!(fr.contains("face la plus chargée : non mesurée"), "{fr}");
    assert!(en.contains(&format!("estimated from 64 of {pages} pages")), "{en}");
    assert!(
        en.contains("fullest side: not measured")
            && en.contains("Ink: colour (estimated)")
    );
}

#[test]
fn a_job_sheet_is_kept_by_its_input_and_written_again_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_pdf(dir.path(), "a5.pdf", &document(&varied(4), 148.5, 210.0));
    let cache = dir.path().join("cache");
    let out = dir.path().join("sheets.pdf");
    let (code, _, stderr) = impose_cached(&input, &out, &cache);
    assert_eq!(code, 0, "{stderr}");
    let sheet = fs::read(dir.path().join("sheets-ticket.pdf")).unwrap();
    let kept = livret::util::fs::files_in(&cache.join("job-sheet")).unwrap();
    assert_eq!(kept.len(), 1, "one job sheet kept");
    assert_eq!(livret::typeset::job_sheet::store::load(&kept[0]).unwrap(), sheet);
    // The kept file is what the next run writes: a marked copy comes out as it is.
    let mut marked = sheet.clone();
    marked.extend_from_slice(b"%kept\n");
    livret::typeset::job_sheet::store::save(&kept[0], &marked).unwrap();
    let (code, _, stderr) = impose_cached(&input, &out, &cache);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(dir.path().join("sheets-ticket.pdf")).unwrap(), marked);
    // Another sheet size is another job sheet, laid out anew.
    let (code, _, stderr) = crate::support::livret_process()
        .args(["impose", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args(["--scheme", "saddle", "--sheet", "a3", "--fit", "center"])
        .env("LIVRET_CACHE_DIR", &cache)
        .output()
        .map(|o| {
            (
                o.status.code().unwrap_or(-1),
                (),
                String::from_utf8_lossy(&o.stderr).to_string(),
            )
        })
        .unwrap();
    assert_eq!(code, 0, "{stderr}");
    let other = fs::read(dir.path().join("sheets-ticket.pdf")).unwrap();
    assert!(other != marked && other != sheet);
    assert_eq!(livret::util::fs::files_in(&cache.join("job-sheet")).unwrap().len(), 2);
}
