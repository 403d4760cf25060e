//! One build path (issue 20): `watch` runs the pipeline of `build --no-print` — the
//! same bytes, the same options, records and report.json kept true — every command
//! that compiles takes `--system-fonts`, and a missing translation is named alike by
//! `check`, `build --strict` and `check --accept`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::support::*;

const PDF: &str = "out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf";

/// A photo-like image (gradients and noise from a fixed generator) as PNG bytes.
fn photo_png(width: u32, height: u32) -> Vec<u8> {
    let mut seed: u32 = 7;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let n = (seed >> 25) % 30;
        image::Rgb([
            (x * 200 / width + n) as u8,
            (y * 200 / height + n) as u8,
            ((x + y) * 100 / (width + height) + n) as u8,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A guide with a Markdown chapter showing a photo (prepared per edition, a JPEG
/// variant served under another name) and a Typst chapter showing its own image.
fn guide() -> tempfile::TempDir {
    let dir = mini_project(&[
        (
            "01-a.md",
            "# Un\n\nPremier état du texte, assez long pour une ligne pleine.\n\n![Une photo](images/photo.png)\n\nTexte après.\n",
        ),
        (
            "02-b.typ",
            "= Deux\n\n#image(\"/sources/images/logo.png\", width: 2cm)\n\nTexte Typst.\n",
        ),
    ]);
    let images = dir.path().join("sources/images");
    fs::create_dir_all(&images).unwrap();
    fs::write(images.join("photo.png"), photo_png(1600, 900)).unwrap();
    fs::write(images.join("logo.png"), photo_png(800, 800)).unwrap();
    dir
}

/// Every file under out/mini/ (the outputs and report.json), by path.
fn outputs(root: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(&root.join("out/mini"))
        .into_iter()
        .map(|rel| {
            let bytes = fs::read(root.join("out/mini").join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// Asserts two sets of outputs hold the same files with the same bytes.
fn assert_same(left: &BTreeMap<String, Vec<u8>>, right: &BTreeMap<String, Vec<u8>>) {
    assert_eq!(left.keys().collect::<Vec<_>>(), right.keys().collect::<Vec<_>>());
    for (path, bytes) in left {
        assert!(right[path] == *bytes, "{path} differs");
    }
}

/// Every output listed in report.json matches its file on disk (by size and hash);
/// gives their paths.
fn report_is_true(root: &Path) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root.join("out/mini/report.json")).unwrap(),
    )
    .unwrap();
    let mut paths = Vec::new();
    for entry in report["outputs"].as_array().unwrap() {
        let path = entry["path"].as_str().unwrap();
        let bytes = fs::read(root.join(path)).unwrap();
        assert_eq!(entry["bytes"].as_u64(), Some(bytes.len() as u64), "{path}");
        let sha: String =
            Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(entry["sha256"].as_str(), Some(sha.as_str()), "{path}");
        paths.push(path.to_string());
    }
    paths.sort();
    paths
}

#[test]
fn watch_writes_what_build_no_print_writes() {
    let dir = guide();
    let root = dir.path();
    let (code, _, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    let built = outputs(root);
    assert!(built.contains_key("fr/pocket-a6/mini-fr-pocket-a6-screen.pdf"));
    fs::remove_dir_all(root.join("out")).unwrap();

    let (code, _, err) = livret_in(root, "watch", &["--lang", "fr", "--max-builds", "1"]);
    assert_eq!(code, 0, "{err}");
    assert_same(&built, &outputs(root));
    assert_eq!(report_is_true(root).len(), 3, "reading, screen, main.typ");
    // The record is the build's: nothing is left to redo.
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("built 0 targets, 1 up to date"), "{out}");
}

#[test]
fn watch_takes_the_pdf_standard_and_font_options_of_build() {
    let dir = guide();
    let root = dir.path();
    let options = ["--pdf-standard", "a-2b", "--system-fonts"];
    let mut build_args = vec!["--no-print"];
    build_args.extend(options);
    let (code, _, err) = livret_in(root, "build", &build_args);
    assert_eq!(code, 0, "{err}");
    let built = outputs(root);
    let pdf = &built["fr/pocket-a6/mini-fr-pocket-a6.pdf"];
    let xmp = String::from_utf8_lossy(pdf);
    assert!(xmp.contains("pdfaid:part"), "a PDF/A identification");
    fs::remove_dir_all(root.join("out")).unwrap();

    let mut watch_args = vec!["--lang", "fr", "--max-builds", "1"];
    watch_args.extend(options);
    let (code, _, err) = livret_in(root, "watch", &watch_args);
    assert_eq!(code, 0, "{err}");
    assert_same(&built, &outputs(root));
}

#[test]
fn a_rebuild_on_a_warm_world_keeps_records_true_and_matches_a_cold_build() {
    let dir = guide();
    let root = dir.path();
    let (_watching, lines) = spawn_watch(root, &[]);
    assert!(next_event(&lines, Duration::from_secs(90)).starts_with("built"));
    std::thread::sleep(Duration::from_millis(500));
    let chapter = root.join("sources/fr/01-a.md");
    let text = fs::read_to_string(&chapter).unwrap();
    fs::write(&chapter, text.replace("Premier état", "Second état")).unwrap();
    assert!(next_event(&lines, Duration::from_secs(90)).starts_with("built"));
    // A broken Typst chapter, then the fix: the world kept across the failure.
    std::thread::sleep(Duration::from_millis(300));
    let typst = root.join("sources/fr/02-b.typ");
    let good = fs::read_to_string(&typst).unwrap();
    fs::write(&typst, "= Deux\n\n#table(columns: 2, [a]\n").unwrap();
    assert!(next_event(&lines, Duration::from_secs(90)).starts_with("failed"));
    std::thread::sleep(Duration::from_millis(300));
    fs::write(&typst, good.replace("Texte Typst", "Texte réparé")).unwrap();
    assert!(next_event(&lines, Duration::from_secs(90)).starts_with("built"));

    let listed = report_is_true(root);
    assert!(listed.contains(&PDF.to_string()), "{listed:?}");
    let text = normalize(&pdf_text(&root.join(PDF), None));
    assert!(text.contains("Second état") && text.contains("Texte réparé"), "{text}");
    let watched = outputs(root);
    // The record holds the edited chapters as they are now: nothing to redo.
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("built 0 targets, 1 up to date"), "{out}");
    // A cold build of the same sources gives the same bytes as the warm rebuild.
    let (code, _, err) = livret_in(root, "build", &["--no-print", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_same(&watched, &outputs(root));
}

/// The guide with a second language, `en`, that has only the first chapter.
fn guide_with_missing_translation() -> tempfile::TempDir {
    let dir = guide();
    add_language(dir.path(), "en", "English", &[("01-a.md", "# One\n\nFirst text.\n")]);
    dir
}

#[test]
fn a_missing_translation_is_named_alike_everywhere() {
    let dir = guide_with_missing_translation();
    let root = dir.path();
    // The source chapter is a Typst file: the translation is named `.typ` too.
    let said = "sources/en/02-b.typ is not translated yet";
    let (code, out, err) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains(&format!("en: {said} (the source chapter is shown with a banner)")),
        "{out}"
    );
    let (code, _, err) = livret_in(root, "build", &["--lang", "en", "--strict"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("error: language `en` is missing 1 chapter: {said}")),
        "{err}"
    );
    let (code, _, err) = livret_in(root, "check", &["--lang", "en", "--accept", "02-b"]);
    assert_eq!(code, 2);
    assert!(err.contains(&format!("error: {said}")), "{err}");
    assert!(err.contains("hint: translate the chapter first"), "{err}");
}

#[test]
fn every_command_that_compiles_takes_system_fonts() {
    let dir = guide();
    let root = dir.path();
    add_language(
        root,
        "en",
        "English",
        &[("01-a.md", "# One\n\nFirst text.\n"), ("02-b.typ", "= Two\n\nText.\n")],
    );
    for (command, args) in [
        ("check", vec!["--lang", "fr"]),
        ("proof", vec!["--lang", "en"]),
        ("preview", vec!["--lang", "en", "--contact-only"]),
        ("images", vec!["--lang", "en"]),
        ("watch", vec!["--lang", "en", "--max-builds", "1"]),
        ("build", vec!["--lang", "en", "--no-print"]),
    ] {
        let mut args = args;
        args.push("--system-fonts");
        let (code, out, err) = livret_in(root, command, &args);
        assert_eq!(code, 0, "livret {command} {args:?}:\n{out}\n{err}");
    }
}

#[test]
fn a_target_built_in_a_child_process_and_in_this_one_share_one_fingerprint() {
    // The guide has a Typst chapter: its target builds in a child process under the
    // memory budget, which then computes the build's fingerprint itself (the parent
    // loads no fonts); with `--memory none` this process computes it. Each finds what
    // the other built up to date, and the bytes are the same.
    let dir = guide();
    let root = dir.path();
    let (code, _, err) = livret_in(root, "build", &["--no-print", "--force"]);
    assert_eq!(code, 0, "{err}");
    let in_child = outputs(root);
    let (code, out, err) = livret_in(root, "build", &["--no-print", "--memory", "none"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("built 0 targets, 1 up to date"), "{out}");
    let (code, _, err) =
        livret_in(root, "build", &["--no-print", "--force", "--memory", "none"]);
    assert_eq!(code, 0, "{err}");
    assert_same(&in_child, &outputs(root));
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("built 0 targets, 1 up to date"), "{out}");
}
