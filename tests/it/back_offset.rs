//! The back offset moves every back-side placement by exactly the offset and no front,
//! in both placement backends, through `livret impose --back-offset` and through a
//! `[[print]]` preset's `back-offset`; bad values are refused where they are written.

use std::fs;
use std::path::Path;

use livret::typeset::frames::place_frames;
use livret_impose::pdf::{PlaceOptions, impose_pdf};
use livret_impose::{
    BackOffset, MarkOptions, PlanOptions, Scheme, SheetSize, Size, plan,
};
use typst::foundations::Datetime;

use crate::impose_sheets::labelled;
use crate::support::*;

/// pt per mm.
const MM: f64 = 72.0 / 25.4;

/// Every word's centre on every page, in mm from the top-left (y down).
fn centres(pdf: &Path) -> Vec<Vec<(String, f64, f64)>> {
    pdf_words_all(pdf)
        .into_iter()
        .map(|page| {
            page.into_iter()
                .map(|(t, x0, y0, x1, y1)| {
                    (t, (x0 + x1) / 2.0 / MM, (y0 + y1) / 2.0 / MM)
                })
                .collect()
        })
        .collect()
}

/// Checks that `moved` shows the words of `still`, the backs (even pages) moved by
/// 1.5 mm to the right and 0.5 mm down, the fronts not at all, each within 0.05 mm.
/// Returns how many back-side words were checked.
fn assert_backs_moved(still: &Path, moved: &Path, what: &str) -> usize {
    let (a, b) = (centres(still), centres(moved));
    assert_eq!(a.len(), b.len(), "{what}: page count");
    let mut backs = 0;
    for (k, (pa, pb)) in a.iter().zip(&b).enumerate() {
        let back = k % 2 == 1;
        let (dx, dy) = if back { (1.5, 0.5) } else { (0.0, 0.0) };
        let mut pa = pa.clone();
        let mut pb = pb.clone();
        pa.sort_by(|p, q| {
            p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)).then(p.2.total_cmp(&q.2))
        });
        pb.sort_by(|p, q| {
            p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)).then(p.2.total_cmp(&q.2))
        });
        assert_eq!(pa.len(), pb.len(), "{what}: words of page {}", k + 1);
        for ((ta, xa, ya), (tb, xb, yb)) in pa.iter().zip(&pb) {
            assert_eq!(ta, tb, "{what}: page {}", k + 1);
            let (mx, my) = (xb - xa, yb - ya);
            assert!(
                (mx - dx).abs() <= 0.05 && (my - dy).abs() <= 0.05,
                "{what}: page {} `{ta}` moved ({mx:.3}, {my:.3}) mm, not ({dx}, {dy})",
                k + 1
            );
            backs += usize::from(back);
        }
    }
    backs
}

fn a6() -> Size {
    Size::from_mm(105.0, 148.0)
}

#[test]
fn both_backends_move_the_backs_and_never_a_front() {
    let doc = labelled(12, a6());
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let input = livret::typeset::export::pdf(&doc, "in", date, false).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for scheme in [Scheme::Saddle, Scheme::Cutstack, Scheme::Signatures] {
        let mut opts = PlanOptions::new(scheme, SheetSize::A4.size(), a6());
        opts.signature_sheets = Some(1);
        let still = plan(12, &opts).unwrap();
        opts.back_offset = "1.5mm,-0.5mm".parse::<BackOffset>().unwrap();
        let moved = plan(12, &opts).unwrap();
        for frames in [true, false] {
            let mut files = Vec::new();
            for (name, imp) in [("still", &still), ("moved", &moved)] {
                let bytes = if frames {
                    let order = livret_impose::all_sides(imp);
                    let sheets = place_frames(
                        imp,
                        doc.pages(),
                        &order,
                        MarkOptions::ALL,
                        "",
                        |_| None,
                    );
                    livret::typeset::export::pdf(&sheets, "t", date, false).unwrap()
                } else {
                    let place = PlaceOptions {
                        marks: MarkOptions::ALL,
                        title: "Guide".into(),
                        ..PlaceOptions::new(imp)
                    };
                    impose_pdf(&input, imp, &place).unwrap()
                };
                let path = dir.path().join(format!("{name}.pdf"));
                fs::write(&path, bytes).unwrap();
                files.push(path);
            }
            let what = format!("{scheme} {}", if frames { "frames" } else { "pdf" });
            let backs = assert_backs_moved(&files[0], &files[1], &what);
            assert!(backs >= 12, "{what}: only {backs} back words");
        }
    }
}

#[test]
fn impose_takes_back_offset_and_says_it_on_the_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let input = dir.path().join("in.pdf");
    let doc = labelled(16, a6());
    fs::write(&input, livret::typeset::export::pdf(&doc, "in", date, false).unwrap())
        .unwrap();
    let run = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec![
            "impose",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--scheme",
            "cutstack",
            "--sheet",
            "a4",
            "--marks",
            "all",
        ];
        args.extend(extra);
        let (code, _, stderr) = livret(&args);
        assert_eq!(code, 0, "{extra:?}: {stderr}");
        out
    };
    let still = run("still.pdf", &[]);
    let moved =
        run("moved.pdf", &["--back-offset", "1.5mm,-0.5mm", "--printer-margin", "5mm"]);
    assert!(assert_backs_moved(&still, &moved, "impose") >= 16);
    let ticket = fs::read_to_string(moved.with_extension("txt")).unwrap();
    assert!(ticket.contains("1.5 mm to the right and 0.5 mm down"), "{ticket}");
    assert!(ticket.contains("livret calibrate --sheet a4"), "{ticket}");
    let plain = fs::read_to_string(still.with_extension("txt")).unwrap();
    assert!(
        !plain.contains("Back offset:") && plain.contains("livret calibrate"),
        "{plain}"
    );
    // A leading minus is a value, not an option; an offset in other units is the same.
    let other = run("other.pdf", &["--back-offset", "-0.15cm,0.5mm"]);
    let ticket = fs::read_to_string(other.with_extension("txt")).unwrap();
    assert!(ticket.contains("1.5 mm to the left and 0.5 mm up"), "{ticket}");
    for bad in ["1.5", "abc", "1.5mm", "30mm,0mm", "1mm,2km", "1,5mm"] {
        let out = dir.path().join("bad.pdf");
        let (code, _, stderr) = livret(&[
            "impose",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--scheme",
            "saddle",
            "--sheet",
            "a4",
            "--back-offset",
            bad,
        ]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stderr.contains("--back-offset"), "{bad}: {stderr}");
        assert!(!out.exists(), "{bad}: wrote the output");
        if bad == "1,5mm" {
            // One value with a decimal comma, or 1 mm and 5 mm: not guessed.
            assert!(
                stderr.contains(
                    "`1,5mm` reads as one value with a decimal comma or as two lengths"
                ),
                "{stderr}"
            );
            assert!(stderr.contains("\"1.5mm,0mm\""), "{stderr}");
        }
    }
}

/// A mini project whose manifest ends with one `[[print]]` preset of `lines`.
fn with_preset(lines: &str) -> tempfile::TempDir {
    let long = "Un paragraphe assez long pour remplir une petite page. ".repeat(60);
    let (a, b) = (format!("# A\n\n{long}\n"), format!("# B\n\n{long}\n"));
    let dir = mini_project(&[("01-a.md", &a), ("02-b.md", &b)]);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("\n[[print]]\nlayout = \"pocket-a6\"\n{lines}\n"));
    fs::write(&manifest, text).unwrap();
    dir
}

/// The print file of the preset of a mini project, after a build.
fn built_print(dir: &Path) -> std::path::PathBuf {
    let (code, _, stderr) = livret_in(dir, "build", &[]);
    assert_eq!(code, 0, "{stderr}");
    let files = files_under(dir);
    let print = files
        .iter()
        .find(|f| {
            f.contains("-print-a4-saddle")
                && f.ends_with(".pdf")
                && !f.ends_with("-ticket.pdf")
        })
        .unwrap_or_else(|| panic!("no print file in {files:?}"));
    dir.join(print)
}

#[test]
fn a_preset_back_offset_moves_the_backs_of_the_print_file() {
    let base = "sheet = \"a4\"\nscheme = \"saddle\"\nmarks = [\"all\"]";
    let still = with_preset(base);
    let moved = with_preset(&format!(
        "{base}\nback-offset = \"1.5mm,-0.5mm\"\nprinter-margin = \"5mm\""
    ));
    let (a, b) = (built_print(still.path()), built_print(moved.path()));
    assert!(assert_backs_moved(&a, &b, "preset") >= 2);
    let ticket = fs::read_to_string(b.with_extension("txt")).unwrap();
    assert!(ticket.contains("back-offset 1.5mm,-0.5mm"), "{ticket}");
}

#[test]
fn bad_lengths_in_a_preset_are_errors_at_their_line() {
    let rest = "sheet = \"a4\"\nscheme = \"saddle\"";
    for (bad, needle) in [
        ("back-offset = \"1.5\"", "two lengths"),
        ("back-offset = \"abc\"", "two lengths"),
        ("back-offset = \"1.5mm\"", "two lengths"),
        ("back-offset = \"25mm,0mm\"", "25 mm on x"),
        ("back-offset = \"1mm,99999mm\"", "99999 mm on y"),
        ("back-offset = \"1mm,2furlongs\"", "unknown unit"),
        ("back-offset = 1.5", "takes text in quotes"),
        ("printer-margin = \"-1mm\"", "0 or more"),
        ("printer-margin = \"5km\"", "unknown unit"),
        ("printer-margin = \"wide\"", "not a length"),
        ("printer-margin = -2", "0 or more"),
    ] {
        let dir = with_preset(&format!("{rest}\n{bad}"));
        let manifest = fs::read_to_string(dir.path().join("sources/guide.toml")).unwrap();
        let line = manifest.lines().position(|l| l == bad).unwrap() + 1;
        let (code, _, stderr) = livret_in(dir.path(), "build", &[]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        let place = format!("error: sources/guide.toml:{line}:");
        assert!(stderr.starts_with(&place), "{bad}: expected `{place}` in {stderr}");
        assert!(stderr.contains(needle), "{bad}: `{needle}` not in {stderr}");
        assert!(!dir.path().join("out/mini").exists(), "{bad}: something was built");
    }
}

#[test]
fn a_margin_with_its_unit_is_the_same_as_a_number_of_millimetres() {
    use livret::project::preset::PrintPreset;
    let preset = |margin: &str| -> PrintPreset {
        toml::from_str(&format!(
            "layout = \"x\"\nsheet = \"a4\"\nscheme = \"saddle\"\nprinter-margin = {margin}"
        ))
        .unwrap_or_else(|e| panic!("{margin}: {e}"))
    };
    for (margin, mm) in [
        ("5", 5.0),
        ("5.0", 5.0),
        ("\"5mm\"", 5.0),
        ("\"0.5cm\"", 5.0),
        ("\"0.25in\"", 6.35),
    ] {
        let got = preset(margin).choices().printer_margin_mm.unwrap();
        assert!((got - mm).abs() < 1e-9, "{margin}: {got}");
    }
}

#[test]
fn a_preset_and_impose_make_the_same_plan_options_of_the_same_lengths() {
    use clap::Parser;
    use livret::cli::args::{Cli, Command};
    use livret::project::preset::PrintPreset;
    for (offset, margin) in
        [("1.5mm,-0.5mm", "5mm"), ("-2mm,0.25cm", "0.2in"), ("0,0", "3")]
    {
        let argv = [
            "livret",
            "impose",
            "in.pdf",
            "-o",
            "out.pdf",
            "--scheme",
            "saddle",
            "--sheet",
            "a4",
            "--back-offset",
            offset,
            "--printer-margin",
            margin,
        ];
        let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{offset}: {e}"));
        let Command::Impose(args) = cli.command else { panic!("not impose") };
        let quoted = if margin.ends_with(char::is_alphabetic) {
            format!("\"{margin}\"")
        } else {
            margin.to_string()
        };
        let preset: PrintPreset = toml::from_str(&format!(
            "layout = \"x\"\nsheet = \"a4\"\nscheme = \"saddle\"\nback-offset = \"{offset}\"\nprinter-margin = {quoted}"
        ))
        .unwrap();
        let (cli, preset) =
            (args.choices().plan_options(), preset.choices().plan_options());
        assert_eq!(cli, preset, "{offset} {margin}");
        assert_eq!(
            cli.back_offset.to_string(),
            offset.replace("0.25cm", "2.5mm").replace("0,0", "0mm,0mm")
        );
    }
}
