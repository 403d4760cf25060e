//! `livret check`: stale and missing translations, unshowable characters, exit codes.

use std::fs;
use std::path::Path;

use crate::support::*;

/// `livret check` on a project: exit code, stdout, stderr.
fn check(project: &Path, args: &[&str]) -> (i32, String, String) {
    livret_in(project, "check", args)
}

/// A French guide of two chapters with an English translation of both.
fn bilingual() -> tempfile::TempDir {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nPremier texte.\n"),
        ("02-b.md", "# Deux\n\nSecond texte.\n"),
    ]);
    add_language(
        dir.path(),
        "en",
        "English",
        &[("01-a.md", "# One\n\nFirst text.\n"), ("02-b.md", "# Two\n\nSecond text.\n")],
    );
    dir
}

#[test]
fn a_clean_project_exits_zero() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    let row = out.lines().find(|l| l.starts_with("fr ")).unwrap_or_default();
    assert_eq!(
        row.split_whitespace().take(5).collect::<Vec<_>>(),
        ["fr", "1/1", "0", "0", "0"],
        "{out}"
    );
}

#[test]
fn edited_source_makes_translation_stale_until_accepted() {
    let dir = bilingual();
    let root = dir.path();
    // Never reviewed: stale, with the command that clears it.
    let (code, out, _) = check(root, &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(out.contains("stale sources/en/01-a.md (never marked as reviewed)"), "{out}");
    assert!(out.contains("livret check --lang en --accept 01-a"), "{out}");
    let (code, out, err) =
        check(root, &["--lang", "en", "--accept", "01-a", "--accept", "02-b"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("marked as reviewed against the current source: 01-a"), "{err}");
    // The French source changes: the English chapter is stale again, the other is not.
    fs::write(root.join("sources/fr/01-a.md"), "# Un\n\nPremier texte, corrigé.\n")
        .unwrap();
    let (code, out, _) = check(root, &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "stale sources/en/01-a.md (the source chapter changed since it was reviewed)"
        ),
        "{out}"
    );
    assert!(!out.contains("stale sources/en/02-b.md"), "{out}");
    let (code, _, _) = check(root, &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0);
}

#[test]
fn missing_translation_is_listed() {
    let dir = bilingual();
    fs::remove_file(dir.path().join("sources/en/02-b.md")).unwrap();
    let (code, out, _) = check(dir.path(), &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["missing"], serde_json::json!(["sources/en/02-b.md"]));
    assert_eq!(json[0]["translated"], 1);
}

#[test]
fn character_outside_every_font_is_named_with_its_line() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n\nSalut : ሰላም.\n")]);
    let (code, out, _) = check(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "sources/fr/01-a.md:5: `ሰ` U+1230 ETHIOPIC SYLLABLE SA has no glyph"
        ),
        "{out}"
    );
}

#[test]
fn accept_needs_one_language_and_a_known_chapter() {
    let dir = bilingual();
    let (code, _, err) = check(dir.path(), &["--accept", "01-a"]);
    assert_eq!(code, 2);
    assert!(err.contains("--accept needs exactly one --lang"), "{err}");
    let (code, _, err) = check(dir.path(), &["--lang", "en", "--accept", "01-aa"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown chapter `01-aa`") && err.contains("did you mean `01-a`?"),
        "{err}"
    );
}

#[test]
fn long_word_in_a_narrow_column_is_an_overflow() {
    let word = "Sécuritécollaborativeentrecitoyensetforcesdesécuritéintérieure";
    let dir = mini_project(&[(
        "01-a.md",
        &format!("# Un\n\nTexte court.\n\nVoici {word} ici.\n"),
    )]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap().replace("pocket-a6", "pocket-a7");
    fs::write(&manifest, text).unwrap();
    let (code, out, _) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    let line =
        out.lines().find(|l| l.contains("out of its column")).expect("an overflow line");
    assert!(
        line.contains("sources/fr/01-a.md:5")
            && line.contains(word)
            && line.contains("pocket-a7"),
        "{line}"
    );
}

/// Runs `livret build` on a project (to read its PDF back).
fn build(project: &Path) {
    let out = crate::support::livret_assert()
        .args(["build", "--no-print", "--project"])
        .arg(project)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The lines of text inside an A6 page's body area (pocket-a6: 12 mm top and bottom
/// margins, where the running header and the page number sit), read back with their
/// positions.
fn body_lines(pdf: &Path, page: usize) -> Vec<String> {
    let (top, bottom) = (12.0 * 72.0 / 25.4, (148.0 - 12.0) * 72.0 / 25.4);
    let mut lines: Vec<(i64, Vec<String>)> = Vec::new();
    for (text, _, y0, _, y1) in pdf_words(pdf, page) {
        // Word boxes include the font's ascent: place a word by its middle.
        let middle = (y0 + y1) / 2.0;
        if middle < top || middle > bottom {
            continue;
        }
        let key = y1.round() as i64;
        match lines.iter_mut().find(|(k, _)| (k - key).abs() <= 1) {
            Some((_, words)) => words.push(text),
            None => lines.push((key, vec![text])),
        }
    }
    lines.sort_by_key(|(k, _)| *k);
    lines.into_iter().map(|(_, words)| words.join(" ")).collect()
}

/// A chapter of seven long paragraphs, then a heading followed by a grey box
/// `box_cm` tall.
fn heading_then_box(box_cm: u32) -> String {
    let para =
        "Une phrase assez longue pour remplir une ligne entière de la page. ".repeat(3);
    format!(
        "= Deux\n\n{}\n\n== Titre seul\n\n#block(breakable: false, height: {box_cm}cm, width: 100%, fill: luma(200))\n",
        vec![para; 7].join("\n\n")
    )
}

#[test]
fn heading_left_alone_at_a_page_foot_is_reported() {
    // A box taller than the page: typst cannot keep the heading with it.
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nTexte.\n"),
        ("02-b.typ", &heading_then_box(13)),
    ]);
    let (code, out, _) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    let line =
        out.lines().find(|l| l.contains("heading `Titre seul`")).expect("reported");
    assert!(line.contains("sources/fr/02-b.typ:17"), "{line}");
    let page: usize = line
        .split("ends page ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // Read back: on that page the heading is the last thing; the next page has no heading.
    build(dir.path());
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    assert_eq!(body_lines(&pdf, page).last().map(String::as_str), Some("Titre seul"));
    assert!(!body_lines(&pdf, page + 1).iter().any(|l| l == "Titre seul"));

    // A box that fits a page: typst carries the heading over with it; nothing to report.
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nTexte.\n"),
        ("02-b.typ", &heading_then_box(6)),
    ]);
    let (code, out, _) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn empty_page_is_reported_with_its_chapter() {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nTexte.\n"),
        ("02-b.typ", "= Deux\n\nTexte.\n\n#pagebreak()\n#pagebreak()\n\nSuite.\n"),
        ("03-c.md", "# Trois\n\nFin.\n"),
    ]);
    let (code, out, _) = check(dir.path(), &["--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let empty = &json[0]["empty_pages"];
    assert_eq!(empty.as_array().unwrap().len(), 1, "{out}");
    assert_eq!(empty[0]["chapter"], "02-b");
    let page = empty[0]["page"].as_u64().unwrap() as usize;
    // Read back: that page carries nothing but its number; its neighbours have text.
    build(dir.path());
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    assert!(body_lines(&pdf, page).is_empty(), "{:?}", body_lines(&pdf, page));
    assert!(pdf_text(&pdf, Some(page)).contains(&page.to_string()), "the folio is there");
    assert!(!body_lines(&pdf, page - 1).is_empty());
    assert_eq!(body_lines(&pdf, page + 1), ["Suite."]);
    // The notes pages at the end have lines to write on: not empty.
    let (pages, _, _) = pdf_info(&pdf);
    assert!(body_lines(&pdf, pages - 1).iter().any(|l| l == "Notes"));
}
