//! Imposed sheets read back from real PDFs and folded by the independent simulation:
//! every scheme, page counts 1…64 and 500, both duplex modes, both placement backends
//! (typst frames for `build`, PDF objects for `impose`).
//!
//! The input booklet is a typst document whose page n shows `Tn` near its top edge
//! and `Bn` near its bottom edge. From the output PDF alone (pdftotext -bbox), each
//! page's label, position and turn are read: the turn is where `Tn` lies from `Bn`.
//!
//! Both backends also paint the same marks: the crate's drawings, read back from each PDF.

use std::sync::Arc;

use livret::typeset::fonts::Fonts;
use livret::typeset::frames::place_frames;
use livret::typeset::world::GuideWorld;
use livret_impose::pdf::{PlaceOptions, impose_pdf};
use livret_impose::{
    Binding, Drawing, Duplex, Imposition, MarkOptions, PlanOptions, Scheme, SheetSize,
    Size, all_sides, drawings, plan, print_order, slug_texts,
};
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::support::fold::{self, Observation, Read};
use crate::support::recipe::recipe;
use crate::support::{marks, *};

/// A booklet of `n` labelled pages of `page` size (pt), laid out by typst.
pub(crate) fn labelled(n: usize, page: Size) -> PagedDocument {
    let fonts = repo_fonts();
    let src = format!(
        "#set page(width: {}pt, height: {}pt, margin: 0pt)\n#set text(size: 13pt, font: \"Andika\")\n\
         #for n in range(1, {}) {{\n  if n > 1 {{ pagebreak() }}\n  place(top + center, dy: 10mm, [T#n])\n  place(bottom + center, dy: -10mm, [B#n])\n}}\n",
        page.width,
        page.height,
        n + 1
    );
    let world = GuideWorld::new(
        &repo(),
        "labelled.typ",
        src,
        Arc::clone(&fonts),
        Datetime::from_ymd(2026, 1, 1).unwrap(),
    );
    let doc = typst::compile::<PagedDocument>(&world)
        .output
        .expect("labelled document compiles");
    assert_eq!(doc.pages().len(), n);
    doc
}

/// The repository's fonts and typst's, loaded once for every sweep.
fn repo_fonts() -> Arc<Fonts> {
    static FONTS: std::sync::OnceLock<Arc<Fonts>> = std::sync::OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| Fonts::load(&repo(), false).unwrap()))
}

/// Reads each output page: labels, positions and turns of the booklet pages on it.
/// `span` is the distance between a page's two labels (page height − 2 × 10 mm).
pub(crate) fn observe_pdf(pdf: &std::path::Path, span: f64) -> Vec<Vec<Observation>> {
    observe(pdf_words_all(pdf), span)
}

/// [`observe_pdf`] on words already read back, one list per page.
fn observe(pages: Vec<Vec<Word>>, span: f64) -> Vec<Vec<Observation>> {
    pages
        .into_iter()
        .map(|words| {
            let mut tops = Vec::new();
            let mut bottoms = Vec::new();
            for (text, x0, y0, x1, y1) in words {
                let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                if let Some(n) =
                    text.strip_prefix('T').and_then(|n| n.parse::<usize>().ok())
                {
                    tops.push((n, centre));
                } else if let Some(n) =
                    text.strip_prefix('B').and_then(|n| n.parse::<usize>().ok())
                {
                    bottoms.push((n, centre));
                }
            }
            assert_eq!(tops.len(), bottoms.len(), "every page shows both its labels");
            // Pair each top label with the bottom label of the same page number at the
            // labels' distance (`copies` repeats a page once per cell).
            let mut side: Vec<Observation> = tops
                .into_iter()
                .map(|(n, t)| {
                    let dist = |b: &(usize, (f64, f64))| {
                        ((b.1.0 - t.0).hypot(b.1.1 - t.1) - span).abs()
                    };
                    let i = (0..bottoms.len())
                        .filter(|&i| bottoms[i].0 == n)
                        .min_by(|&i, &j| dist(&bottoms[i]).total_cmp(&dist(&bottoms[j])))
                        .expect("a bottom label for every top label");
                    let (_, b) = bottoms.swap_remove(i);
                    let (dx, dy) = (t.0 - b.0, t.1 - b.1);
                    let rotation = if dy.abs() > dx.abs() {
                        if dy < 0.0 { 0 } else { 180 }
                    } else if dx > 0.0 {
                        90
                    } else {
                        270
                    };
                    Observation {
                        label: Some(n),
                        x: (t.0 + b.0) / 2.0,
                        y: (t.1 + b.1) / 2.0,
                        rotation,
                    }
                })
                .collect();
            side.sort_by_key(|o| o.label);
            side
        })
        .collect()
}

/// The two placement backends: typst frames (`build`) and PDF objects (`impose`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Backend {
    Frames,
    Pdf,
}

/// Imposes `doc` with `backend`, writes the PDF, reads it back, folds it; checks the
/// reading order.
/// One case of a sweep: the plan and the imposed PDF's bytes, by `backend`.
fn impose_case(
    doc: &PagedDocument,
    input_pdf: &[u8],
    backend: Backend,
    scheme: Scheme,
    page: Size,
    duplex: Duplex,
    binding: Binding,
) -> Result<(Imposition, Vec<u8>), String> {
    let n = doc.pages().len();
    let mut options = PlanOptions::new(scheme, SheetSize::A4.size(), page);
    options.duplex = duplex;
    options.binding = binding;
    if scheme == Scheme::Wire && page.width > livret_impose::mm(100.0) {
        options.binding_margin = livret_impose::mm(6.0);
    }
    let imp = plan(n, &options).map_err(|e| e.to_string())?;
    // What the print file holds: both sides, or the fronts alone of a one-sided job.
    let order = print_order(&imp);
    let bytes = match backend {
        Backend::Frames => {
            let sheets = place_frames(
                &imp,
                doc.pages(),
                &order,
                MarkOptions::default(),
                "",
                |_| None,
            );
            let date = Datetime::from_ymd(2026, 1, 1).unwrap();
            livret::typeset::export::pdf(&sheets, "test", date, false)
                .map_err(|e| e.to_string())?
        }
        Backend::Pdf => {
            let mut place = PlaceOptions::new(&imp);
            place.order = order.clone();
            impose_pdf(input_pdf, &imp, &place).map_err(|e| e.to_string())?
        }
    };
    Ok((imp, bytes))
}

/// Checks the sides of one case as read back (sizes and words): printed, cut, stacked
/// and folded, the booklet reads 1…N.
fn verify(
    imp: &Imposition,
    n: usize,
    scheme: Scheme,
    page: Size,
    binding: Binding,
    pages: Vec<PageRead>,
) -> Result<(), String> {
    let count = pages.len();
    let sides = if imp.one_sided() { 1 } else { 2 };
    if count != sides * imp.sheets.len() {
        return Err(format!("{count} PDF pages for {} sheets", imp.sheets.len()));
    }
    for (i, p) in pages.iter().enumerate() {
        let (w, h) = (p.width, p.height);
        if (w - imp.sheet.width).abs() > 0.01 || (h - imp.sheet.height).abs() > 0.01 {
            return Err(format!(
                "side {} is {w}×{h} pt, planned {}×{}",
                i + 1,
                imp.sheet.width,
                imp.sheet.height
            ));
        }
    }
    let span = page.height - 2.0 * livret_impose::mm(10.0);
    let mut observed = observe(pages.into_iter().map(|p| p.words).collect(), span);
    if imp.one_sided() && scheme != Scheme::Zine {
        // The fronts alone were printed: every back is blank.
        observed = observed.into_iter().flat_map(|front| [front, Vec::new()]).collect();
    }
    if binding == Binding::Right {
        if scheme == Scheme::Zine {
            // The right-bound zine is the mirror image of the whole sheet.
            for obs in observed.iter_mut().flatten() {
                obs.x = imp.sheet.width - obs.x;
                obs.rotation = (360 - obs.rotation) % 360;
            }
        } else {
            mirror(imp, &mut observed);
        }
    }
    let books = fold::simulate(&recipe(imp, 4), &observed)?;
    if scheme == Scheme::Cards {
        return check_cards(imp, n, &books);
    }
    let copies = if scheme == Scheme::Copies { imp.grid.cells() } else { 1 };
    if books.len() != copies {
        return Err(format!("{} booklets, expected {copies}", books.len()));
    }
    for book in books {
        // 1…N upright; padding blanks only just before the last page (the back cover).
        let page = |l: usize| Read { label: Some(l), rotation: 0 };
        let mut want: Vec<Read> = (1..n).map(page).collect();
        let blanks = book.len().saturating_sub(n);
        if n == 1 {
            want.push(page(1));
            want.extend(std::iter::repeat_n(Read { label: None, rotation: 0 }, blanks));
        } else {
            want.extend(std::iter::repeat_n(Read { label: None, rotation: 0 }, blanks));
            want.push(page(n));
        }
        if book != want {
            return Err(format!(
                "reads {:?}",
                book.iter().map(|r| (r.label, r.rotation)).collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

/// Cards: every piece of sheet k is item k, its front page 2k+1 and its back 2k+2 (a
/// single page: a one-sided card), both upright; as many pieces as the grid has cells.
fn check_cards(
    imp: &livret_impose::Imposition,
    n: usize,
    books: &[Vec<Read>],
) -> Result<(), String> {
    let cells = imp.grid.cells();
    let items = if n == 1 { 1 } else { n.div_ceil(2) };
    if books.len() != items * cells {
        return Err(format!("{} cards, expected {items} × {cells}", books.len()));
    }
    for (i, card) in books.iter().enumerate() {
        let k = i / cells;
        let label = |l: usize| (l <= n).then_some(l);
        let want: Vec<Read> = if n == 1 {
            vec![Read { label: Some(1), rotation: 0 }, Read { label: None, rotation: 0 }]
        } else {
            [2 * k + 1, 2 * k + 2]
                .into_iter()
                .map(|l| Read { label: label(l), rotation: 0 })
                .collect()
        };
        if *card != want {
            return Err(format!("card {i} reads {card:?}, expected {want:?}"));
        }
    }
    Ok(())
}

/// The mirror image of a right-bound booklet is a left-bound one: mirrors every cut
/// piece in place across its spine line (fronts and backs alike, so pieces, piles and
/// duplex stay as the ticket says); folding that must read 1…N.
pub(crate) fn mirror(imp: &livret_impose::Imposition, observed: &mut [Vec<Observation>]) {
    let g = imp.grid;
    let spine_vertical = g.spine != Some(livret_impose::Axis::Horizontal);
    for obs in observed.iter_mut().flatten() {
        let col = ((obs.x - g.x) / g.cell.width).floor();
        let row = ((obs.y - g.y) / g.cell.height).floor();
        if spine_vertical {
            let cx = g.x + (col + 0.5) * g.cell.width;
            obs.x = 2.0 * cx - obs.x;
            obs.rotation = (360 - obs.rotation) % 360;
        } else {
            let cy = g.y + (row + 0.5) * g.cell.height;
            obs.y = 2.0 * cy - obs.y;
            obs.rotation = (540 - obs.rotation) % 360;
        }
    }
}

/// Runs `scheme` over page counts 1…64 and 500, A6 and A7 pages, both duplex modes.
fn sweep(scheme: Scheme, counts: impl Iterator<Item = usize>, bindings: &[Binding]) {
    let mut failures = Vec::new();
    let mut cases = Vec::new();
    for n in counts {
        for (name, page) in
            [("A6", Size::from_mm(105.0, 148.0)), ("A7", Size::from_mm(74.0, 105.0))]
        {
            // Every count with A6 (the zine's panels are A7); A7 (landscape sheets,
            // turned backs) every third count.
            let zine = scheme == Scheme::Zine;
            if (name == "A7" && !zine && n % 3 != 0 && n != 500) || (name == "A6" && zine)
            {
                continue;
            }
            let doc = labelled(n, page);
            let date = Datetime::from_ymd(2026, 1, 1).unwrap();
            let input =
                livret::typeset::export::pdf(&doc, "labelled", date, false).unwrap();
            for backend in [Backend::Frames, Backend::Pdf] {
                for duplex in [Duplex::Long, Duplex::Short] {
                    for &binding in bindings {
                        let label = format!(
                            "{backend:?}: {scheme} {n} pages {name} {duplex} {binding}"
                        );
                        match impose_case(
                            &doc, &input, backend, scheme, page, duplex, binding,
                        ) {
                            Ok((imp, bytes)) => {
                                cases.push((label, imp, n, page, binding, bytes))
                            }
                            Err(e) => failures.push(format!("{label}: {e}")),
                        }
                    }
                }
            }
        }
    }
    let bytes: Vec<&[u8]> = cases.iter().map(|c| c.5.as_slice()).collect();
    for ((label, imp, n, page, binding, _), pages) in
        cases.iter().zip(read_back_all(&bytes))
    {
        if let Err(e) = verify(imp, *n, scheme, *page, *binding, pages) {
            failures.push(format!("{label}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every PDF's pages read back by poppler, in one pdftotext run for all of them: qpdf
/// puts their pages one after the other in one file (starting poppler is most of what
/// reading a small PDF costs), and each PDF's share is cut out by its page count.
fn read_back_all(pdfs: &[&[u8]]) -> Vec<Vec<PageRead>> {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut counts = Vec::new();
    for (i, bytes) in pdfs.iter().enumerate() {
        let path = dir.path().join(format!("{i}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        counts.push(lopdf::Document::load_mem(bytes).map_or(0, |d| d.get_pages().len()));
        files.push(path);
    }
    if files.is_empty() {
        return Vec::new();
    }
    let merged = dir.path().join("all.pdf");
    let status = std::process::Command::new("qpdf")
        .arg("--empty")
        .arg("--keep-files-open=y")
        .arg("--pages")
        .args(&files)
        .arg("--")
        .arg(&merged)
        .status()
        .expect("qpdf runs (apt-get install qpdf)");
    assert!(status.success(), "qpdf could not put the sweep's PDFs together");
    let mut all = pdf_pages(&merged).into_iter();
    let shares: Vec<Vec<PageRead>> =
        counts.iter().map(|&count| all.by_ref().take(count).collect()).collect();
    assert!(all.next().is_none(), "more pages read back than the PDFs hold");
    assert_eq!(
        shares.iter().map(Vec::len).sum::<usize>(),
        counts.iter().sum::<usize>(),
        "fewer pages read back than the PDFs hold"
    );
    shares
}

fn counts() -> impl Iterator<Item = usize> {
    (1..=64).chain([500])
}

#[test]
fn saddle_sheets_fold_into_order() {
    sweep(Scheme::Saddle, counts(), &[Binding::Left]);
}

#[test]
fn cutstack_sheets_fold_into_order() {
    sweep(Scheme::Cutstack, counts(), &[Binding::Left]);
}

#[test]
fn copies_sheets_fold_into_booklets() {
    sweep(Scheme::Copies, counts(), &[Binding::Left]);
}

#[test]
fn signature_sheets_fold_into_order() {
    sweep(Scheme::Signatures, counts(), &[Binding::Left]);
}

#[test]
fn zine_sheet_folds_into_order() {
    sweep(Scheme::Zine, 1..=8, &[Binding::Left, Binding::Right]);
}

/// Cards: a one- or two-sided flat item in step and repeat, backs registered.
#[test]
fn card_sheets_cut_into_cards() {
    sweep(Scheme::Cards, (1..=7).chain([20]), &[Binding::Left]);
}

/// Wire, spiral or comb binding: single leaves cut and stacked, never folded.
#[test]
fn wire_sheets_cut_and_stack_into_order() {
    sweep(Scheme::Wire, counts(), &[Binding::Left]);
    sweep(Scheme::Wire, (1..=12).chain([41]), &[Binding::Right]);
}

/// Right-to-left booklets (N'Ko, Arabic) are bound on the right.
#[test]
fn right_bound_sheets_fold_into_order() {
    for scheme in [Scheme::Saddle, Scheme::Cutstack, Scheme::Signatures, Scheme::Copies] {
        sweep(scheme, (1..=24).chain([63]), &[Binding::Right]);
    }
}

/// One geometry, two painters: typst frames and the PDF backend paint exactly the crate's
/// mark drawings (lines with width and dash, fills), and print the same slug texts.
#[test]
fn both_backends_paint_the_same_marks() {
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let fonts = Fonts::load(&repo(), false).unwrap();
    let title = "Guide";
    for (scheme, page, pages) in [
        (Scheme::Signatures, Size::from_mm(74.0, 105.0), 24),
        (Scheme::Cutstack, Size::from_mm(105.0, 148.0), 16),
        (Scheme::Zine, Size::from_mm(74.0, 105.0), 8),
    ] {
        let doc = labelled(pages, page);
        let input = livret::typeset::export::pdf(&doc, "labelled", date, false).unwrap();
        let mut options = PlanOptions::new(scheme, SheetSize::A4.size(), page);
        options.signature_sheets = Some(1);
        let imp = plan(pages, &options).unwrap();
        let order = all_sides(&imp);
        let texts = slug_texts(&imp, title);
        let slugs = livret::typeset::frames::slug_frames(
            &repo(),
            "slugs.typ",
            &fonts,
            date,
            "Andika",
            &texts,
        );
        assert_eq!(slugs.len(), texts.len(), "every slug text is laid out");
        let sheets =
            place_frames(&imp, doc.pages(), &order, MarkOptions::ALL, title, |t| {
                slugs.get(t).cloned()
            });
        let frames =
            livret::typeset::export::pdf(&sheets, "sheets", date, false).unwrap();
        let place = PlaceOptions {
            order: order.clone(),
            marks: MarkOptions::ALL,
            title: title.into(),
            ..PlaceOptions::new(&imp)
        };
        let lopdf = impose_pdf(&input, &imp, &place).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut words = Vec::new();
        for (name, bytes) in [("frames", &frames), ("pdf", &lopdf)] {
            let path = dir.path().join(format!("{name}.pdf"));
            std::fs::write(&path, bytes).unwrap();
            words.push(pdf_words_all(&path));
            let read = marks::painted(bytes);
            assert_eq!(read.len(), order.len());
            for (n, side) in order.iter().enumerate() {
                let drawn = drawings(side.get(&imp).unwrap(), MarkOptions::ALL, title);
                let what = format!("{name}: {scheme} side {}", n + 1);
                marks::assert_same(&read[n], &marks::expected(&drawn), &what);
            }
        }
        // The same slug texts, at the same place (left end and centre line, within the
        // difference between the two fonts).
        for (n, side) in order.iter().enumerate() {
            for d in drawings(side.get(&imp).unwrap(), MarkOptions::ALL, title) {
                let Drawing::Text { x, y, text, .. } = d else { continue };
                let first = text.split(' ').next().unwrap();
                for backend in &words {
                    let found = backend[n].iter().any(|w| {
                        w.0 == first
                            && (w.1 - x).abs() < 0.5
                            && ((w.2 + w.4) / 2.0 - y).abs() < 3.0
                    });
                    assert!(found, "{scheme} side {}: `{text}` at {x}, {y}", n + 1);
                }
            }
        }
    }
}
