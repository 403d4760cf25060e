//! `livret check`: stale and missing translations, unshowable characters, exit codes.

mod util;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use util::*;

fn check(project: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("livret")
        .unwrap()
        .arg("check")
        .arg("--project")
        .arg(project)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// A French guide of two chapters with an English translation of both.
fn bilingual() -> tempfile::TempDir {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nPremier texte.\n"),
        ("02-b.md", "# Deux\n\nSecond texte.\n"),
    ]);
    let root = dir.path();
    fs::create_dir_all(root.join("sources/en")).unwrap();
    fs::write(root.join("sources/en/01-a.md"), "# One\n\nFirst text.\n").unwrap();
    fs::write(root.join("sources/en/02-b.md"), "# Two\n\nSecond text.\n").unwrap();
    let manifest = root.join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text = text.replace("[[layout]]", "[[language]]\ncode = \"en\"\nname = \"English\"\nfonts = [\"Andika\"]\n\n[[layout]]");
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn a_clean_project_exits_zero() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("fr          1/1"), "{out}");
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
