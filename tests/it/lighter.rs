//! Lighter PDFs for phones and the zip package (issue 14, items 4 and 6): reading and
//! screen editions written with object streams and a cross-reference stream, flat art
//! in a palette for screens; `--package NAME.zip` holding what the folder form holds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

const GUIDE: &str = "securite-collaborative";

/// Every PDF under `dir`, sorted.
fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = files_under(dir)
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .map(|f| dir.join(f))
        .collect();
    out.sort();
    out
}

/// `qpdf --check` passes.
fn qpdf_check(pdf: &Path) {
    let out = Command::new("qpdf").arg("--check").arg(pdf).output().unwrap();
    assert!(out.status.success(), "qpdf --check {}: {out:?}", pdf.display());
}

/// How many objects qpdf finds packed in object streams.
fn packed(pdf: &Path) -> usize {
    let xref = Command::new("qpdf").arg("--show-xref").arg(pdf).output().unwrap();
    assert!(xref.status.success());
    String::from_utf8_lossy(&xref.stdout).matches(": compressed;").count()
}

/// The sample's edition of `lang` × `layout`: (reading PDF, screen PDF).
fn edition(root: &Path, lang: &str, layout: &str) -> (PathBuf, PathBuf) {
    let dir = root.join(format!("out/{GUIDE}/{lang}/{layout}"));
    let stem = format!("{GUIDE}-{lang}-{layout}");
    (dir.join(format!("{stem}.pdf")), dir.join(format!("{stem}-screen.pdf")))
}

fn size(pdf: &Path) -> u64 {
    fs::metadata(pdf).unwrap().len()
}

#[test]
fn sample_editions_are_compact_valid_and_within_their_size_targets() {
    // Every output of the run's shared build of the whole sample.
    let shared = built_sample();
    let all = pdfs(&shared.root.join(format!("out/{GUIDE}")));
    assert!(all.len() >= 28, "{all:?}");
    for pdf in &all {
        qpdf_check(pdf);
        let name = pdf.file_name().unwrap().to_string_lossy().to_string();
        // Reading and screen editions are packed; print sheets are left as typst wrote them.
        let reading = !name.contains("-print-");
        assert_eq!(packed(pdf) > 100, reading, "{name}: {} packed", packed(pdf));
    }
    // The targets of issue 14, on the sample guide (sizes are deterministic).
    let (_, fr_screen) = edition(&shared.root, "fr", "pocket-a6");
    assert!(size(&fr_screen) <= 150_000, "fr A6 screen: {} bytes", size(&fr_screen));
    for lang in ["fr", "en"] {
        let (reading, screen) = edition(&shared.root, lang, "pocket-a6");
        let share = size(&screen) as f64 / size(&reading) as f64;
        assert!(share <= 0.65, "{lang} A6 screen is {:.1} % of print", share * 100.0);
    }
    for lang in ["fr", "en", "bm", "nqo"] {
        for layout in ["pocket-a6", "pocket-a7"] {
            let (reading, screen) = edition(&shared.root, lang, layout);
            assert!(size(&screen) < size(&reading), "{lang} {layout}");
        }
    }
    // A screen budget the compact editions meet and the old ones (over 200 kB) did not,
    // on a build of the A6 editions of every language.
    let project = sample_project();
    let root = project.path();
    let manifest = root.join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    assert!(text.contains("screen-budget = \"3 MB\""));
    fs::write(
        &manifest,
        text.replace("screen-budget = \"3 MB\"", "screen-budget = \"135 kB\""),
    )
    .unwrap();
    let args = ["--layout", "pocket-a6", "--no-print", "-j", "2"];
    let (code, out, err) = livret_in(root, "build", &args);
    assert_eq!(code, 0, "{out}{err}");
    // The budget compares the sizes written: only editions over 135 kB warn, with
    // their size on disk.
    let kib = |pdf: &Path| format!("{} KiB", size(pdf).div_ceil(1024));
    let (fr_reading, _) = edition(root, "fr", "pocket-a6");
    assert!(out.contains(&kib(&fr_reading)), "{out}");
    for lang in ["fr", "en", "bm", "nqo"] {
        let (_, screen) = edition(root, lang, "pocket-a6");
        // The same bytes as the whole build's.
        let (_, shared_screen) = edition(&shared.root, lang, "pocket-a6");
        assert!(
            fs::read(&screen).unwrap() == fs::read(&shared_screen).unwrap(),
            "{lang}"
        );
        let name = screen.file_name().unwrap().to_string_lossy().to_string();
        let warning = err.lines().find(|l| l.contains(&name) && l.contains("budget"));
        assert_eq!(warning.is_some(), size(&screen) > 135_000, "{lang}: {err}");
        if let Some(w) = warning {
            assert!(w.contains(&format!("is {}", kib(&screen))), "{w}");
        }
    }
}

#[test]
fn compact_editions_read_the_same_as_plain_ones_and_rebuild_byte_identical() {
    // PDF 1.4 has no object streams: the same guide exported plain, to compare with.
    // Compact: the run's shared build of the whole sample; `again` builds only fr and
    // nqo elsewhere, and must give the same bytes.
    let compact = built_sample();
    let plain = sample_project();
    let again = sample_project();
    let args = ["--no-print", "--lang", "fr", "--lang", "nqo", "-j", "2"];
    for (project, extra) in [(&plain, Some("1.4")), (&again, None)] {
        let mut args = args.to_vec();
        if let Some(standard) = extra {
            args.extend(["--pdf-standard", standard]);
        }
        let (code, out, err) = livret_in(project.path(), "build", &args);
        assert_eq!(code, 0, "{out}{err}");
    }
    let out = |p: &Path| p.join(format!("out/{GUIDE}"));
    let (plain, again) = (plain.path(), again.path());
    let compact_out = out(&compact.root);
    let compact_pdfs: Vec<PathBuf> = pdfs(&compact_out)
        .into_iter()
        .filter(|pdf| {
            let rel =
                pdf.strip_prefix(&compact_out).unwrap().to_string_lossy().to_string();
            (rel.starts_with("fr/") || rel.starts_with("nqo/"))
                && !rel.contains("-print-")
        })
        .collect();
    assert_eq!(compact_pdfs.len(), 8, "{compact_pdfs:?}");
    for pdf in &compact_pdfs {
        let rel = pdf.strip_prefix(&compact_out).unwrap();
        let plain_pdf = out(plain).join(rel);
        assert_eq!(packed(&plain_pdf), 0, "{}", rel.display());
        assert!(size(pdf) < size(&plain_pdf) * 9 / 10, "{}", rel.display());
        let text = pdf_text(pdf, None);
        assert!(text.len() > 2000, "{}", rel.display());
        assert_eq!(text, pdf_text(&plain_pdf, None), "{}", rel.display());
        // Another build elsewhere gives the same bytes.
        let other = fs::read(out(again).join(rel)).unwrap();
        assert!(fs::read(pdf).unwrap() == other, "{} differs", rel.display());
    }
    // The tags and the reading direction survive the rewrite.
    let (nqo, _) = edition(&compact.root, "nqo", "pocket-a6");
    let info = poppler("pdfinfo", &[nqo.to_str().unwrap()]);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let root = Command::new("qpdf").arg("--json").arg(&nqo).output();
    let json = String::from_utf8_lossy(&root.unwrap().stdout).to_string();
    assert!(json.contains("\"/Direction\": \"/R2L\""), "no /Direction /R2L");
    let (fr, _) = edition(&compact.root, "fr", "pocket-a6");
    let json = Command::new("qpdf").arg("--json").arg(&fr).output();
    assert!(!String::from_utf8_lossy(&json.unwrap().stdout).contains("/R2L"));
}

#[test]
fn pdf_a_2b_is_compact_and_pdf_a_1b_stays_plain() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte en français, assez long.\n")]);
    let root = dir.path();
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    for (standard, part, compact) in [("a-2b", "2", true), ("a-1b", "1", false)] {
        let args = ["--no-print", "--force", "--pdf-standard", standard];
        let (code, out, err) = livret_in(root, "build", &args);
        assert_eq!(code, 0, "{standard}: {out}{err}");
        qpdf_check(&pdf);
        assert_eq!(packed(&pdf) > 0, compact, "{standard}");
        let meta = poppler("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
        assert!(meta.contains(&format!("pdfaid:part>{part}<")), "{standard}: {meta}");
        let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("Tagged:          yes"), "{info}");
    }
}

/// The entries of a zip archive read by Python's zipfile (independent of the zip crate):
/// one line per entry, `name|date|mode|size`.
fn zip_listing(zip: &Path) -> Vec<String> {
    let script = "import sys, zipfile\n\
        for i in zipfile.ZipFile(sys.argv[1]).infolist():\n\
        \x20   print(f'{i.filename}|{i.date_time}|{oct(i.external_attr >> 16)}|{i.file_size}')\n";
    let out = Command::new("python3").args(["-c", script]).arg(zip).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect()
}

/// The bytes of one entry, read by Python's zipfile.
fn zip_entry(zip: &Path, name: &str) -> Vec<u8> {
    let script = "import sys, zipfile\n\
        sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))\n";
    let out = Command::new("python3").args(["-c", script]).arg(zip).arg(name).output();
    let out = out.unwrap();
    assert!(out.status.success(), "{out:?}");
    out.stdout
}

#[test]
fn package_as_zip_holds_the_folder_form_and_is_the_same_bytes_twice() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let root = dir.path();
    let manifest = root.join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(
        "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"saddle\"\n",
    );
    text.push_str(
        "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"cutstack\"\n",
    );
    fs::write(&manifest, text).unwrap();
    let shop = tempfile::tempdir().unwrap();
    let folder = shop.path().join("pour-imprimeur");
    let first = shop.path().join("livret.zip");
    let second = shop.path().join("encore.ZIP");
    for (dest, force) in [(&folder, false), (&first, false), (&second, true)] {
        let mut args = vec!["--package", dest.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let (code, out, err) = livret_in(root, "build", &args);
        assert_eq!(code, 0, "{out}{err}");
        assert!(err.contains("packaged") || out.contains("packaged"), "{out}{err}");
    }
    assert!(first.is_file() && second.is_file());
    assert!(fs::read(&first).unwrap() == fs::read(&second).unwrap(), "zip bytes differ");
    // Same names as the folder form (sorted), same bytes, fixed date and mode.
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.contains(&"README.txt".to_string()) && names.len() >= 5, "{names:?}");
    let listing = zip_listing(&first);
    let listed: Vec<&str> =
        listing.iter().map(|l| l.split('|').next().unwrap()).collect();
    assert_eq!(listed, names);
    for (line, name) in listing.iter().zip(&names) {
        let want = fs::read(folder.join(name)).unwrap();
        assert!(zip_entry(&first, name) == want, "{name} differs");
        // The guide's date (2026-01-15 in the mini manifest), at midnight; rw-r--r--.
        let fields: Vec<&str> = line.split('|').collect();
        assert_eq!(fields[1], "(2026, 1, 15, 0, 0, 0)", "{line}");
        assert_eq!(fields[2], "0o100644", "{line}");
        assert_eq!(fields[3], want.len().to_string(), "{line}");
    }
    // Written whole: nothing but the archives beside them; a second zip over the
    // first replaces it.
    let left: Vec<String> = fs::read_dir(shop.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let (code, out, err) =
        livret_in(root, "build", &["--package", first.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(fs::read(&first).unwrap() == fs::read(&second).unwrap());
}
