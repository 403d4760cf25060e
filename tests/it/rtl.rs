//! Right to left, done right (issue 14 item 5): reading PDFs of `dir = "rtl"` languages
//! declare `/ViewerPreferences << /Direction /R2L >>`, and `livret impose` binds such a
//! PDF on the right unless `--binding` says otherwise.

use std::path::{Path, PathBuf};

use livret::project::manifest::Direction;
use livret::typeset::pdf_prefs::with_direction;
use livret_impose::{Imposition, Size, mm};
use lopdf::{Document, Object};
use typst::foundations::Datetime;

use crate::impose_sheets::{labelled, mirror, observe_pdf};
use crate::support::fold::{self, Read};
use crate::support::recipe::recipe;
use crate::support::*;

/// The catalog's `/ViewerPreferences /Direction`, if any, read with lopdf.
fn direction(pdf: &Path) -> Option<String> {
    let doc = Document::load(pdf).unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let catalog = doc.get_dictionary(root).unwrap();
    let prefs = match catalog.get(b"ViewerPreferences").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("viewer preferences are {other:?}"),
    };
    let name = prefs.get(b"Direction").ok()?.as_name().unwrap();
    Some(String::from_utf8_lossy(name).to_string())
}

/// The reading and screen PDFs of `lang` in the sample's A6 layout.
fn editions(root: &Path, lang: &str) -> [PathBuf; 2] {
    let dir = root.join(format!("out/securite-collaborative/{lang}/pocket-a6"));
    let stem = format!("securite-collaborative-{lang}-pocket-a6");
    [dir.join(format!("{stem}.pdf")), dir.join(format!("{stem}-screen.pdf"))]
}

/// Builds the sample's nqo and fr A6 reading PDFs (no print files).
fn build(root: &Path, extra: &[&str]) {
    let mut args = vec!["--lang", "nqo", "--lang", "fr", "--layout", "pocket-a6"];
    args.extend(["--no-print", "--force", "-j", "1"]);
    args.extend(extra);
    let (code, out, err) = livret_in(root, "build", &args);
    assert_eq!(code, 0, "{out}{err}");
}

fn qpdf_check(pdf: &Path) {
    let out =
        std::process::Command::new("qpdf").arg("--check").arg(pdf).output().unwrap();
    assert!(out.status.success(), "qpdf --check {}: {out:?}", pdf.display());
}

#[test]
fn nqo_editions_read_right_to_left_and_rebuild_byte_identical() {
    // First the run's shared build of the whole sample, then this project's own.
    let shared = built_sample().root.as_path();
    let first: Vec<Vec<u8>> =
        editions(shared, "nqo").iter().map(|p| std::fs::read(p).unwrap()).collect();
    for pdf in editions(shared, "nqo") {
        assert_eq!(direction(&pdf).as_deref(), Some("R2L"), "{}", pdf.display());
        qpdf_check(&pdf);
        let trailer = std::process::Command::new("qpdf")
            .args(["--show-object=trailer"])
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(trailer.status.success());
    }
    for pdf in editions(shared, "fr") {
        // typst writes L2R (or nothing): never R2L.
        assert_ne!(direction(&pdf).as_deref(), Some("R2L"), "{}", pdf.display());
    }
    // Built again elsewhere, alone: the same bytes.
    let project = sample_project();
    let root = project.path();
    build(root, &[]);
    for (pdf, before) in editions(root, "nqo").iter().zip(&first) {
        assert!(std::fs::read(pdf).unwrap() == *before, "{} changed", pdf.display());
    }
    // PDF/A-2b: typst's checks pass, the update keeps the file valid and tagged.
    build(root, &["--pdf-standard", "a-2b"]);
    for pdf in editions(root, "nqo") {
        assert_eq!(direction(&pdf).as_deref(), Some("R2L"));
        qpdf_check(&pdf);
        let doc = Document::load(&pdf).unwrap();
        let root_id = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
        let catalog = doc.get_dictionary(root_id).unwrap();
        assert!(catalog.has(b"StructTreeRoot") && catalog.has(b"Metadata"));
    }
}

#[test]
fn impose_binds_an_rtl_reading_pdf_on_the_right_unless_told() {
    let root = built_sample().root.as_path();
    let [nqo, _] = editions(root, "nqo");
    let [fr, _] = editions(root, "fr");
    let dir = tempfile::tempdir().unwrap();
    let run = |input: &Path, name: &str, extra: &[&str]| {
        let out = dir.path().join(format!("{name}.pdf"));
        let plan = dir.path().join(format!("{name}.json"));
        let mut args =
            vec!["impose", input.to_str().unwrap(), "-o", out.to_str().unwrap()];
        args.extend([
            "--scheme",
            "saddle",
            "--sheet",
            "a4",
            "--plan",
            plan.to_str().unwrap(),
        ]);
        args.extend(extra);
        let (code, stdout, stderr) = livret(&args);
        assert_eq!(code, 0, "{stdout}{stderr}");
        let plan: Imposition =
            serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
        let ticket = std::fs::read_to_string(out.with_extension("txt")).unwrap();
        (plan, format!("{stdout}{stderr}"), ticket)
    };
    let (plan, said, ticket) = run(&nqo, "nqo", &[]);
    assert_eq!(plan.binding, livret_impose::Binding::Right);
    assert!(
        said.contains("binding on the right") && said.contains("/Direction /R2L"),
        "{said}"
    );
    assert!(ticket.contains("the spine is on the right"), "{ticket}");
    let (plan, said, _) = run(&nqo, "nqo-left", &["--binding", "left"]);
    assert_eq!(plan.binding, livret_impose::Binding::Left);
    assert!(!said.contains("binding on the right"), "{said}");
    let (plan, said, _) = run(&fr, "fr", &[]);
    assert_eq!(plan.binding, livret_impose::Binding::Left);
    assert!(!said.contains("binding on the right"), "{said}");
}

#[test]
fn impose_of_an_rtl_pdf_folds_right_to_left() {
    let page = Size { width: mm(105.0), height: mm(148.0) };
    let n = 8;
    let doc = labelled(n, page);
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    let bytes = livret::typeset::export::pdf(&doc, "rtl", date, true).unwrap();
    let bytes = with_direction(bytes, Direction::Rtl).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rtl.pdf");
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("sheets.pdf");
    let plan = dir.path().join("plan.json");
    let args = [
        "impose",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
        "--plan",
        plan.to_str().unwrap(),
    ];
    let (code, stdout, stderr) = livret(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let imp: Imposition =
        serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    assert_eq!(imp.binding, livret_impose::Binding::Right);
    let mut observed = observe_pdf(&out, page.height - 2.0 * mm(10.0));
    // Unmirrored, a right-bound booklet does not read 1…N.
    let want = || -> Vec<Read> {
        (1..=n).map(|l| Read { label: Some(l), rotation: 0 }).collect()
    };
    // Folded as a left-bound book, the sheets still fold (the paper does not care)
    // but the pages come out in the wrong order: the mirroring below is what fixes it.
    let as_is = fold::simulate(&recipe(&imp, 4), &observed)
        .expect("the unmirrored sheets fold as paper");
    assert_ne!(as_is, vec![want()]);
    mirror(&imp, &mut observed);
    let books = fold::simulate(&recipe(&imp, 4), &observed).unwrap();
    assert_eq!(books, vec![want()]);
}
