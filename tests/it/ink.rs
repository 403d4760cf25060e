//! Ink coverage read from what livret prints and writes: sides of known coverage
//! imposed by `livret impose` (blank ≈ 0 %, solid black ≈ 100 %, half ≈ 50 %), and a
//! build's print files in report.json and the summary table, grey against colour.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use livret::typeset::export;
use livret::typeset::fonts::Fonts;
use livret::typeset::world::GuideWorld;
use serde_json::Value;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::support::*;

/// A PDF of A5 pages (exactly half an A4), black where `black[i]` says, else blank.
fn pages_pdf(dir: &Path, black: &[bool]) -> std::path::PathBuf {
    let mut src = String::from("#set page(width: 148.5mm, height: 210mm, margin: 0pt)\n");
    for (i, b) in black.iter().enumerate() {
        if i > 0 {
            src.push_str("#pagebreak()\n");
        }
        let fill = if *b { "black" } else { "white" };
        src.push_str(&format!(
            "#rect(width: 100%, height: 100%, fill: {fill}, stroke: none)\n"
        ));
    }
    let fonts = Fonts::load(&repo(), false).unwrap();
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let world = GuideWorld::new(&repo(), "ink.typ", src, Arc::clone(&fonts), date);
    let doc = typst::compile::<PagedDocument>(&world).output.expect("compiles");
    let path = dir.join("pages.pdf");
    fs::write(&path, export::pdf(&doc, "ink", date, false).unwrap()).unwrap();
    path
}

/// `livret impose` on A4 saddle (with `extra` options); gives (mean, fullest) in %
/// and the line they were read from.
fn imposed_ink(black: &[bool], extra: &[&str]) -> (f64, f64, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = pages_pdf(dir.path(), black);
    let out = dir.path().join("sheets.pdf");
    let mut args = vec![
        "impose",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
    ];
    args.extend(extra);
    let (code, stdout, err) = livret(&args);
    assert_eq!(code, 0, "{err}");
    let line = stdout.lines().find(|l| l.starts_with("ink per printed side:")).unwrap();
    let numbers: Vec<f64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    // The job sheet shows the same numbers.
    let sheet = pdf_text(&dir.path().join("sheets-ticket.pdf"), Some(2));
    let mean = format!("mean per side: {} %", numbers[0]);
    assert!(normalize(&sheet).contains(&mean), "{mean} not in the job sheet:\n{sheet}");
    (numbers[0], numbers[1], line.to_string())
}

#[test]
fn known_sides_measure_as_expected() {
    // Four blank pages: no ink.
    let (mean, max, line) = imposed_ink(&[false; 4], &[]);
    assert_eq!((mean, max), (0.0, 0.0), "{line}");
    // Four black pages fill both sides of the one A4 sheet: solid black.
    let (mean, max, line) = imposed_ink(&[true; 4], &[]);
    let solid = 98.0..=100.0;
    assert!(solid.contains(&mean) && solid.contains(&max), "{line}");
    // Page 1 black: the front (pages 4 | 1) is half black, the back (2 | 3) blank.
    let (mean, max, line) = imposed_ink(&[true, false, false, false], &[]);
    assert!((mean - 25.0).abs() <= 2.0 && (max - 50.0).abs() <= 2.0, "{line}");
    assert!(line.contains("(sheet 1, front;"), "{line}");
    // Page 2 black, fronts and backs in two files: the back of sheet 1 is the fullest.
    let (mean, max, line) =
        imposed_ink(&[false, true, false, false], &["--manual-duplex"]);
    assert!((mean - 25.0).abs() <= 2.0 && (max - 50.0).abs() <= 2.0, "{line}");
    assert!(line.contains("(sheet 1, back;"), "{line}");
}

#[test]
fn a_build_reports_ink_and_grey_is_never_lighter_than_colour() {
    let chapter = "= Couleurs\n\n#rect(width: 100%, height: 40mm, fill: rgb(\"#e02020\"))\n\n#rect(width: 100%, height: 20mm, fill: black)\n";
    let dir = mini_project(&[("01-a.typ", chapter)]);
    let root = dir.path();
    let manifest = root.join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    for colour in ["colour", "gray"] {
        text.push_str(&format!(
            "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"cutstack\"\ncolour = \"{colour}\"\n"
        ));
    }
    fs::write(&manifest, text).unwrap();
    let (code, stdout, err) = livret_in(root, "build", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("ink per printed side (average/fullest)"), "{stdout}");
    let report: Value = serde_json::from_str(
        &fs::read_to_string(root.join("out/mini/report.json")).unwrap(),
    )
    .unwrap();
    let ink_of = |suffix: &str| -> Value {
        let entry = report["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(suffix))
            .unwrap_or_else(|| panic!("no {suffix} in {report}"));
        entry["ink"].clone()
    };
    let colour = ink_of("print-a4-cutstack.pdf");
    let gray = ink_of("print-a4-cutstack-gray.pdf");
    // The job sheets carry the print file's ink in the report too.
    assert_eq!(ink_of("print-a4-cutstack-ticket.pdf"), colour);
    let f = |v: &Value, a: &str, k: &str| v[a][k].as_f64().unwrap();
    assert_eq!(colour["gray"], false);
    assert_eq!(gray["gray"], true);
    // Red is magenta and yellow (the layout's colours add cyan); the grey preset has
    // black only.
    assert!(f(&colour, "mean", "m") > 0.01 && f(&colour, "mean", "y") > 0.01, "{colour}");
    for ch in ["c", "m", "y"] {
        assert_eq!(f(&gray, "mean", ch), 0.0, "{gray}");
    }
    // A dark grey for red: never less black than the colour printer's.
    assert!(f(&gray, "mean", "k") > f(&colour, "mean", "k") + 0.005, "{gray} {colour}");
    for v in [&colour, &gray] {
        for ch in ["c", "m", "y", "k"] {
            assert!(f(v, "max", ch) >= f(v, "mean", ch) && f(v, "max", ch) <= 1.0, "{v}");
        }
        assert!(v["sides"].as_u64().unwrap() >= 2);
    }
}
