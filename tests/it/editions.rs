//! Editions: edition number, date and what changed reach the colophon and the PDF
//! metadata; PDF/A-2b on request, refusing text no font can show.

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use crate::support::*;

/// `livret build` with `args`: (exit code, stderr).
fn build(project: &Path, args: &[&str]) -> (i32, String) {
    let (code, _, err) = livret_in(project, "build", args);
    (code, err)
}

/// A French + English guide in its third edition, with French changes only.
fn third_edition() -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let root = dir.path();
    fs::create_dir_all(root.join("sources/en")).unwrap();
    fs::write(root.join("sources/en/01-a.md"), "# One\n\nText.\n").unwrap();
    let manifest = root.join("sources/guide.toml");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("edition = 1", "edition = 3")
        .replace("date = 2026-01-15", "date = 2027-03-08")
        .replace(
            "[[language]]",
            "[guide.subtitle]\nfr = \"Sous-titre d'essai\"\n\n[guide.changes]\nfr = [\"Nouveau chapitre sur les témoins.\", \"Numéros d'urgence mis à jour.\"]\n\n[[language]]",
        )
        .replace(
            "[[layout]]",
            "[[language]]\ncode = \"en\"\nname = \"English\"\nfonts = [\"Andika\"]\n\n[[layout]]",
        );
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn edition_reaches_the_colophon_and_the_metadata() {
    let dir = third_edition();
    let root = dir.path();
    let (code, err) = build(root, &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    for lang in ["fr", "en"] {
        let pdf =
            root.join(format!("out/mini/{lang}/pocket-a6/mini-{lang}-pocket-a6.pdf"));
        let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}:")))
                .map(str::trim)
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(field("Title"), "Petit guide");
        assert_eq!(field("Author"), "Essai");
        assert_eq!(field("Subject"), "Sous-titre d'essai");
        let edition = if lang == "fr" { "Édition 3" } else { "Edition 3" };
        assert_eq!(field("Keywords"), format!("{lang}, {edition}"));
        assert!(
            field("CreationDate").contains("Mar  8")
                && field("CreationDate").contains("2027"),
            "{info}"
        );
        assert_eq!(field("Tagged"), "yes");
        // The catalogue's language.
        let json = Process::new("qpdf")
            .args(["--json", pdf.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&json.stdout)
                .contains(&format!("\"/Lang\": \"u:{lang}\""))
        );
        // The colophon (page 2): edition, date, and the changes (English falls back
        // to the source language's list).
        let colophon = normalize(&pdf_text(&pdf, Some(2)));
        assert!(colophon.contains("3") && colophon.contains("2027-03-08"), "{colophon}");
        assert!(colophon.contains("Nouveau chapitre sur les témoins."), "{colophon}");
        assert!(colophon.contains("Numéros d'urgence mis à jour."), "{colophon}");
        let heading =
            if lang == "fr" { "Dans cette édition" } else { "In this edition" };
        assert!(colophon.contains(heading), "{colophon}");
    }
}

#[test]
fn pdf_a_on_request_and_no_missing_glyph_gets_through() {
    let dir = third_edition();
    let root = dir.path();
    let (code, err) =
        build(root, &["--no-print", "--pdf-standard", "a-2b", "--lang", "fr"]);
    assert_eq!(code, 0, "{err}");
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let meta = poppler("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(
        meta.contains("pdfaid:part>2<") && meta.contains("pdfaid:conformance>B<"),
        "{meta}"
    );
    // A character no font has: PDF/A refuses it, located in the chapter; no PDF.
    fs::remove_dir_all(root.join("out")).unwrap();
    fs::write(root.join("sources/fr/01-a.md"), "# Un\n\nTexte.\n\nUn mot ሰ ici.\n")
        .unwrap();
    let (code, err) =
        build(root, &["--no-print", "--pdf-standard", "a-2b", "--lang", "fr"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("error: mini-fr-pocket-a6.pdf does not meet PDF/A-2b"),
        "{err}"
    );
    assert!(err.contains("sources/fr/01-a.md:5") && err.contains("ሰ"), "{err}");
    assert!(!pdf.exists());
    // An unknown standard is a usage error with the choices.
    let (code, err) = build(root, &["--pdf-standard", "a-9z"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown PDF standard `a-9z`") && err.contains("a-2b"), "{err}");
}

#[test]
fn package_holds_what_a_print_shop_needs_and_checks_out() {
    let dir = third_edition();
    let root = dir.path();
    let shop = tempfile::tempdir().unwrap();
    let package = shop.path().join("pour-imprimeur");
    // Without print presets there is nothing to package.
    let (code, err) = build(root, &["--package", package.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no print files to package"), "{err}");
    let manifest = root.join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(
        "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"cutstack\"\n",
    );
    fs::write(&manifest, text).unwrap();
    let (code, err) = build(root, &["--package", package.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut files: Vec<String> = fs::read_dir(&package)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "README.txt",
            "mini-en-pocket-a6-print-a4-cutstack-ticket.pdf",
            "mini-en-pocket-a6-print-a4-cutstack.pdf",
            "mini-en-pocket-a6-print-a4-cutstack.txt",
            "mini-fr-pocket-a6-print-a4-cutstack-ticket.pdf",
            "mini-fr-pocket-a6-print-a4-cutstack.pdf",
            "mini-fr-pocket-a6-print-a4-cutstack.txt",
        ]
    );
    let readme = fs::read_to_string(package.join("README.txt")).unwrap();
    assert!(readme.contains("FRANÇAIS") && readme.contains("ENGLISH"), "{readme}");
    // Each print file's line names its job sheet, in both languages.
    for lang in ["fr", "en"] {
        let sheet = format!("mini-{lang}-pocket-a6-print-a4-cutstack-ticket.pdf");
        let lines = readme.lines().filter(|l| l.starts_with("- ") && l.contains(&sheet));
        assert_eq!(
            lines.count(),
            2,
            "{sheet} in the French and English lists:\n{readme}"
        );
        assert_eq!(pdf_info(&package.join(&sheet)).0, 2, "{sheet}: two pages");
    }
    assert!(readme.contains("édition / edition 3"), "{readme}");
    // The checksums in the README verify the files the shop received.
    let sums: String = readme
        .lines()
        .filter(|l| l.len() > 66 && l.as_bytes()[64] == b' ')
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(package.join("SHA256SUMS"), &sums).unwrap();
    let check = Process::new("sha256sum")
        .arg("-c")
        .arg("SHA256SUMS")
        .current_dir(&package)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    assert_eq!(String::from_utf8_lossy(&check.stdout).matches(": OK").count(), 6);
    // The packaged sheets are the built ones.
    let built =
        root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-print-a4-cutstack.pdf");
    assert_eq!(
        fs::read(&built).unwrap(),
        fs::read(package.join("mini-fr-pocket-a6-print-a4-cutstack.pdf")).unwrap()
    );
    // A folder that is not empty is refused.
    let (code, err) = build(root, &["--package", package.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("is not empty"), "{err}");
}
