//! Translation review against careless or hostile input: a snapshot of accepted
//! source text checked out with CRLF line endings, and `--accept CHAPTER:LINE` with a
//! line number too big for any chapter, a msgstr with control characters, and an
//! unknown or path-like `--lang` given to `check --accept`, and a `po export` over
//! translations not imported yet (kept).

use std::fs;

use serde_json::Value;

use crate::support::*;

/// A French chapter and its English translation, accepted (so with a snapshot).
fn accepted_pair() -> tempfile::TempDir {
    let fr =
        "# Titre\n\nPremier paragraphe.\n\n- un ;\n- deux.\n\nDeuxième paragraphe.\n";
    let en = "# Title\n\nFirst paragraph.\n\n- one;\n- two.\n\nSecond paragraph.\n";
    let dir = mini_project(&[("01-a.md", fr)]);
    add_language(dir.path(), "en", "English", &[("01-a.md", en)]);
    let (code, _, err) =
        livret_in(dir.path(), "check", &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{err}");
    dir
}

#[test]
fn a_snapshot_with_crlf_line_endings_reports_only_the_real_change() {
    let dir = accepted_pair();
    let root = dir.path();
    let snap = root.join("sources/en/.accepted/01-a.txt");
    let text = fs::read_to_string(&snap).unwrap();
    assert!(!text.contains('\r'));
    // What git's autocrlf does to the file on checkout.
    fs::write(&snap, text.replace('\n', "\r\n")).unwrap();
    let fr = root.join("sources/fr/01-a.md");
    let source = fs::read_to_string(&fr).unwrap();
    fs::write(
        &fr,
        source.replace("Deuxième paragraphe.", "Deuxième et dernier paragraphe."),
    )
    .unwrap();
    let (code, out, err) =
        livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let changes = json[0]["stale"][0]["changes"].as_array().unwrap().clone();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0]["source_line"], 8, "{changes:#?}");
    let ops = changes[0]["diff"].as_array().unwrap();
    let deleted: Vec<&str> = ops
        .iter()
        .filter(|op| op["op"] == "delete")
        .map(|op| op["text"].as_str().unwrap())
        .collect();
    assert!(deleted.is_empty(), "a line ending shown as a change: {ops:#?}");
    // The human report shows no carriage return either.
    let (_, human, _) = livret_in(root, "check", &["--lang", "en"]);
    assert!(human.contains("Deuxième {+et dernier +}paragraphe."), "{human}");
    assert!(!human.contains("\\u{d}") && !human.contains('\r'), "{human}");
    // An unchanged block is still said to be unchanged.
    let (code, out, err) =
        livret_in(root, "check", &["--lang", "en", "--accept", "01-a:3"]);
    // Accepting nothing leaves the chapter stale (its other block changed): exit 1.
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("has not changed since it was accepted"),
        "{out}{err}"
    );
}

#[test]
fn a_line_number_too_big_to_read_is_a_line_not_a_chapter_name() {
    let dir = accepted_pair();
    let root = dir.path();
    let status = fs::read(root.join("sources/en/status.toml")).unwrap();
    for line in ["99999999999999999999", "18446744073709551616"] {
        let what = format!("01-a:{line}");
        let (code, out, err) =
            livret_in(root, "check", &["--lang", "en", "--accept", &what]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(!err.contains("unknown chapter"), "{err}");
        assert!(err.contains("sources/fr/01-a.md:"), "{err}");
        assert!(err.contains("no block of the chapter"), "{err}");
        assert!(err.contains("hint:"), "{err}");
    }
    assert_eq!(fs::read(root.join("sources/en/status.toml")).unwrap(), status);
}

/// `livret po <sub> --project <root> --lang en`: (exit code, stdout, stderr).
fn run_po(root: &std::path::Path, sub: &str) -> (i32, String, String) {
    livret(&["po", sub, "--project", root.to_str().unwrap(), "--lang", "en"])
}

#[test]
fn a_control_character_in_a_msgstr_is_refused_with_its_line() {
    let dir = accepted_pair();
    let root = dir.path();
    let (code, _, err) = run_po(root, "export");
    assert_eq!(code, 0, "{err}");
    let file = root.join("po/en/01-a.po");
    let po = fs::read_to_string(&file).unwrap();
    let chapter = root.join("sources/en/01-a.md");
    let before = fs::read(&chapter).unwrap();
    let target = "msgstr \"Second paragraph.\"";
    let line = po.lines().position(|l| l == target).expect(target) + 1;
    // PO escapes of ESC (a terminal colour), BEL, NUL and a lone carriage return.
    for (escaped, code_point) in [
        ("\\033[31m", "U+001B"),
        ("\\a", "U+0007"),
        ("\\000", "U+0000"),
        ("\\r", "U+000D"),
    ] {
        let edited =
            po.replace(target, &format!("msgstr \"Second {escaped}paragraph.\""));
        fs::write(&file, &edited).unwrap();
        let (code, out, err) = run_po(root, "import");
        assert_eq!(code, 2, "{escaped}: {out}{err}");
        assert!(err.contains(&format!("po/en/01-a.po:{line}:")), "{escaped}: {err}");
        assert!(err.contains(code_point), "{escaped}: {err}");
        assert!(err.contains("nothing was written") && err.contains("hint:"), "{err}");
        assert_eq!(fs::read(&chapter).unwrap(), before, "{escaped}: chapter written");
    }
    // A tab and a line break stay allowed: the chapter is written with them.
    let edited = po.replace(target, "msgstr \"Second\\tparagraph,\\nreally.\"");
    fs::write(&file, &edited).unwrap();
    let (code, out, err) = run_po(root, "import");
    assert_eq!(code, 0, "{out}{err}");
    let text = fs::read_to_string(&chapter).unwrap();
    assert!(text.contains("Second\tparagraph,\nreally."), "{text}");
}

#[test]
fn accepting_in_an_unknown_language_names_the_language() {
    let dir = accepted_pair();
    let root = dir.path();
    let before = files_under(&root.join("sources"));
    for lang in ["zz", "../sources/en", "en/.."] {
        let (code, out, err) =
            livret_in(root, "check", &["--lang", lang, "--accept", "01-a"]);
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(err.contains(&format!("unknown language `{lang}`")), "{lang}: {err}");
        assert!(err.contains("hint:") && err.contains("en"), "{lang}: {err}");
        assert_eq!(files_under(&root.join("sources")), before, "{lang}");
    }
}

#[test]
fn exporting_again_never_loses_translations_not_imported_yet() {
    // Before issue 19 the export refused to run; now it keeps the PO's work.
    let dir = accepted_pair();
    let root = dir.path();
    let (code, _, err) = run_po(root, "export");
    assert_eq!(code, 0, "{err}");
    let file = root.join("po/en/01-a.po");
    let po = fs::read_to_string(&file).unwrap();
    let target = "msgstr \"Second paragraph.\"";
    assert!(po.contains(target), "{po}");
    // The translator's work, in the PO file only.
    let edited = po.replace(target, "msgstr \"Second and last paragraph.\"");
    fs::write(&file, &edited).unwrap();
    let (code, out, err) = run_po(root, "export");
    assert_eq!(code, 0, "{out}{err}");
    let again = fs::read_to_string(&file).unwrap();
    assert!(again.contains("msgstr \"Second and last paragraph.\""), "{again}");
    assert!(out.contains("1 translation of the PO file kept, not imported yet"), "{out}");
    // A file that cannot be read is not overwritten.
    let broken = format!("{again}\nmsgid \"unterminated\n");
    fs::write(&file, &broken).unwrap();
    let (code, out, err) = run_po(root, "export");
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("po/en/01-a.po:") && err.contains("cannot be read"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
    // Imported, the translation is in the chapter; exporting again keeps it.
    fs::write(&file, &again).unwrap();
    let (code, out, err) = run_po(root, "import");
    assert_eq!(code, 0, "{out}{err}");
    let chapter = fs::read_to_string(root.join("sources/en/01-a.md")).unwrap();
    assert!(chapter.contains("Second and last paragraph."), "{chapter}");
    let (code, out, err) = run_po(root, "export");
    assert_eq!(code, 0, "{out}{err}");
    let again = fs::read_to_string(&file).unwrap();
    assert!(again.contains("msgstr \"Second and last paragraph.\""), "{again}");
}
