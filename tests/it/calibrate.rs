//! `livret calibrate`: the duplex calibration sheet read back from its PDF alone — the
//! rulers' numbers by `pdftotext -bbox`, the crosses by their lines in a rendering.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

/// pt per mm.
const MM: f64 = 72.0 / 25.4;

/// Writes the calibration sheet for `sheet` and `duplex` into `dir`.
fn calibrate(dir: &Path, sheet: &str, duplex: &str) -> PathBuf {
    let out = dir.join(format!("cal-{sheet}-{duplex}.pdf"));
    let (code, _, stderr) = livret(&[
        "calibrate",
        "--sheet",
        sheet,
        "--duplex",
        duplex,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{sheet} {duplex}: {stderr}");
    out
}

/// Sheet sizes in pt, portrait.
fn size_of(sheet: &str) -> (f64, f64) {
    match sheet {
        "a4" => (210.0 * MM, 297.0 * MM),
        "a3" => (297.0 * MM, 420.0 * MM),
        "letter" => (612.0, 792.0),
        _ => panic!("{sheet}"),
    }
}

/// The numbers near each edge (top, right, bottom, left): number → its centre's
/// distance from that edge, in mm.
fn ruler_numbers(words: &[Word], (w, h): (f64, f64)) -> [Vec<(u32, f64)>; 4] {
    let mut edges: [Vec<(u32, f64)>; 4] = Default::default();
    for (text, x0, y0, x1, y1) in words {
        let Ok(n) = text.parse::<u32>() else { continue };
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let dist = [cy, w - cx, h - cy, cx].map(|d| d / MM);
        let near: Vec<usize> = (0..4).filter(|&e| dist[e] <= 17.0).collect();
        if let [edge] = near.as_slice() {
            edges[*edge].push((n, dist[*edge]));
        }
    }
    edges
}

#[test]
fn the_rulers_count_millimetres_from_each_edge_on_both_sides() {
    let dir = tempfile::tempdir().unwrap();
    for sheet in ["a4", "letter", "a3"] {
        for duplex in ["long", "short"] {
            let pdf = calibrate(dir.path(), sheet, duplex);
            let (pages, w, h) = pdf_info(&pdf);
            let (sw, sh) = size_of(sheet);
            assert_eq!(pages, 2, "{sheet}: front and back");
            assert!((w - sw).abs() < 0.01 && (h - sh).abs() < 0.01, "{sheet}: {w}×{h}");
            for page in [1, 2] {
                let edges = ruler_numbers(&pdf_words(&pdf, page), (w, h));
                for (edge, mut numbers) in edges.into_iter().enumerate() {
                    numbers.sort_by_key(|n| n.0);
                    let what = format!("{sheet} {duplex} page {page} edge {edge}");
                    let found: Vec<u32> = numbers.iter().map(|n| n.0).collect();
                    assert_eq!(found, (1..=15).collect::<Vec<_>>(), "{what}");
                    // pdftotext's box is the font's (ascent to descent), 0.2 mm off the
                    // digits' middle: within 0.3 mm of n, so never the next millimetre.
                    for (n, d) in numbers {
                        assert!(
                            (d - f64::from(n)).abs() <= 0.3,
                            "{what}: {n} at {d:.2} mm"
                        );
                    }
                }
            }
        }
    }
}

/// Where the cross is on a rendered side, in mm from the top-left: the row and the
/// column holding the longest unbroken dark line (the cross's arms are the longest
/// lines of the sheet).
fn cross_centre(pdf: &[u8], page: usize) -> (f64, f64) {
    let dpi = 200;
    let img = render(pdf, page, dpi);
    let dark = |i: usize, j: usize| img.px[j * img.width + i] < 200;
    let longest =
        |n: usize, len: usize, at: &dyn Fn(usize, usize) -> bool| -> Vec<usize> {
            (0..n)
                .map(|a| {
                    let (mut best, mut run) = (0, 0);
                    for b in 0..len {
                        run = if at(a, b) { run + 1 } else { 0 };
                        best = best.max(run);
                    }
                    best
                })
                .collect()
        };
    let rows = longest(img.height, img.width, &|j, i| dark(i, j));
    let cols = longest(img.width, img.height, &|i, j| dark(i, j));
    // The middle of the rows (columns) whose run is nearly the longest: a thin line
    // may fall across two rows of pixels.
    let middle = |runs: &[usize]| {
        let max = *runs.iter().max().unwrap();
        let lines: Vec<usize> =
            (0..runs.len()).filter(|&k| runs[k] * 10 >= max * 9).collect();
        assert!(lines.last().unwrap() - lines[0] <= 2, "one longest line: {lines:?}");
        let mean = lines.iter().sum::<usize>() as f64 / lines.len() as f64;
        (mean + 0.5) * 25.4 / f64::from(dpi)
    };
    (middle(&cols), middle(&rows))
}

#[test]
fn the_crosses_lie_one_behind_the_other_for_the_printers_flip() {
    let dir = tempfile::tempdir().unwrap();
    for sheet in ["a4", "letter"] {
        let (w, h) = size_of(sheet);
        let (w, h) = (w / MM, h / MM);
        for duplex in ["long", "short"] {
            let bytes = fs::read(calibrate(dir.path(), sheet, duplex)).unwrap();
            let (fx, fy) = cross_centre(&bytes, 1);
            let (bx, by) = cross_centre(&bytes, 2);
            // Turning a portrait sheet over its long edge mirrors left and right; over
            // its short edge, top and bottom.
            let (behind, other) = if duplex == "long" {
                ((w - fx, fy), (fx, h - fy))
            } else {
                ((fx, h - fy), (w - fx, fy))
            };
            let what = format!(
                "{sheet} {duplex}: front ({fx:.2}, {fy:.2}), back ({bx:.2}, {by:.2})"
            );
            assert!(
                (bx - behind.0).abs() <= 0.3 && (by - behind.1).abs() <= 0.3,
                "{what}"
            );
            // Printed with the other flip, the crosses would be centimetres apart.
            assert!((bx - other.0).hypot(by - other.1) > 20.0, "{what}");
            // The back's labels are signed: right and up are positive.
            let words = pdf_words_all(&write_temp(dir.path(), &bytes))[1].clone();
            let at = |label: &str| -> Vec<(f64, f64)> {
                words
                    .iter()
                    .filter(|w| w.0 == label)
                    .map(|w| ((w.1 + w.3) / 2.0 / MM, (w.2 + w.4) / 2.0 / MM))
                    .collect()
            };
            let plus = at("+10");
            let minus = at("\u{2212}10");
            assert_eq!((plus.len(), minus.len()), (2, 2), "{what}");
            let on_x = |labels: &[(f64, f64)], want: f64| {
                labels
                    .iter()
                    .any(|l| (l.0 - (bx + want)).abs() <= 0.3 && (l.1 - by).abs() < 5.0)
            };
            let on_y = |labels: &[(f64, f64)], want: f64| {
                labels
                    .iter()
                    .any(|l| (l.1 - (by - want)).abs() <= 0.3 && (l.0 - bx).abs() < 6.0)
            };
            assert!(on_x(&plus, 10.0) && on_x(&minus, -10.0), "{what}: x labels");
            assert!(
                on_y(&plus, 10.0) && on_y(&minus, -10.0),
                "{what}: y labels (up is +)"
            );
        }
    }
}

/// Writes bytes to a file in `dir` for the poppler tools.
fn write_temp(dir: &Path, bytes: &[u8]) -> PathBuf {
    let path = dir.join("read.pdf");
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_sheet_says_how_to_read_it_and_is_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let first = fs::read(calibrate(dir.path(), "a4", "short")).unwrap();
    let again = fs::read(calibrate(dir.path(), "a4", "short")).unwrap();
    assert!(first == again, "two runs gave different bytes");
    let pdf = write_temp(dir.path(), &first);
    let front = normalize(&pdf_text(&pdf, Some(1)));
    let back = normalize(&pdf_text(&pdf, Some(2)));
    for needle in [
        "RECTO · FRONT",
        "retournement sur le bord court",
        "flip on short edge",
        "printer-margin = \"5mm\"",
        "back-offset",
        "côté VERSO vers vous",
        "BACK side facing you",
    ] {
        assert!(front.contains(needle), "front lacks `{needle}`: {front}");
    }
    for needle in ["VERSO · BACK", "Lisez ici", "Read here", "(+ en haut)", "(+ up)"] {
        assert!(back.contains(needle), "back lacks `{needle}`: {back}");
    }
    // The default flip is the long edge.
    let out = dir.path().join("default.pdf");
    let (code, stdout, stderr) =
        livret(&["calibrate", "--sheet", "letter", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("long-edge duplex") || stderr.contains("long-edge duplex"),
        "{stdout}{stderr}"
    );
    assert!(normalize(&pdf_text(&out, Some(1))).contains("flip on long edge"));
}

#[test]
fn bad_calibrate_options_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let cases: [(&[&str], &str); 4] = [
        (&["--sheet", "a4", "-o", &out("cal.png")], "should end in .pdf"),
        (&["--sheet", "a5", "-o", &out("a5.pdf")], "at least 200×270 mm"),
        (&["--sheet", "a9x", "-o", &out("x.pdf")], "a9x"),
        (&["--sheet", "a4", "--duplex", "sideways", "-o", &out("s.pdf")], "sideways"),
    ];
    for (args, needle) in cases {
        let mut argv = vec!["calibrate"];
        argv.extend(args);
        let (code, _, stderr) = livret(&argv);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    assert!(files_under(dir.path()).is_empty(), "{:?}", files_under(dir.path()));
}
