//! `livret new`: a fresh guide that builds and checks at once, with only its own fonts.

use std::fs;

use crate::support::*;

#[test]
fn a_new_guide_builds_and_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("Guide Kayes");
    let d = dir.to_str().unwrap();
    let (code, out, err) =
        livret(&["new", d, "--lang", "fr,bm,nqo,en", "--layout", "pocket-a6,pocket-a7"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created"), "{out}");
    assert_eq!(
        fs::read_to_string(dir.join(".gitignore")).unwrap().lines().last(),
        Some("out/")
    );
    // Every key of guide.toml comes with a comment.
    let manifest = fs::read_to_string(dir.join("sources/guide.toml")).unwrap();
    assert!(manifest.contains("id = \"guide-kayes\""), "{manifest}");
    assert!(manifest.matches("\n#").count() >= 12, "{manifest}");

    let (code, out, err) = livret(&["build", "--project", d]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("built 8 targets"), "{out}");
    let (code, out, err) = livret(&["check", "--project", d]);
    assert_eq!(code, 0, "{out}{err}");

    // The PDFs embed only the fonts the guide carries (none from the system), and
    // the N'Ko booklet reads its sample chapter.
    let nqo = dir.join("out/guide-kayes/nqo/pocket-a6/guide-kayes-nqo-pocket-a6.pdf");
    for (font, embedded) in pdf_fonts(&nqo) {
        assert!(embedded, "{font} not embedded");
        assert!(font.contains("Andika") || font.contains("NotoSansNKo"), "{font}");
    }
    let fr = dir.join("out/guide-kayes/fr/pocket-a6/guide-kayes-fr-pocket-a6.pdf");
    assert!(normalize(&pdf_text(&fr, None)).contains("Contacts utiles"));
    assert!(dir.join("fonts/noto/NotoSansNKo-Regular.ttf").exists());
    assert!(
        !dir.join("fonts/noto/NotoSansTifinagh-Regular.ttf").exists(),
        "only the fonts needed"
    );
}

#[test]
fn new_refuses_a_folder_in_use_and_unknown_layouts() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().to_str().unwrap();
    fs::write(tmp.path().join("notes.txt"), "déjà là").unwrap();
    let (code, _, err) = livret(&["new", d]);
    assert_eq!(code, 2);
    assert!(err.contains("is not empty") && err.contains("--force"), "{err}");
    assert_eq!(livret(&["new", d, "--force"]).0, 0);
    assert_eq!(fs::read_to_string(tmp.path().join("notes.txt")).unwrap(), "déjà là");
    // --force adds what is missing and never replaces a user's file.
    let chapter = tmp.path().join("sources/fr/01-introduction.md");
    fs::write(&chapter, "# Mon vrai chapitre\n\nTrois semaines de travail.\n").unwrap();
    fs::remove_file(tmp.path().join("layouts/common.typ")).unwrap();
    assert_eq!(livret(&["new", d, "--force"]).0, 0);
    assert!(fs::read_to_string(&chapter).unwrap().contains("Trois semaines de travail"));
    assert!(tmp.path().join("layouts/common.typ").exists());
    let other = tmp.path().join("autre");
    let (code, _, err) =
        livret(&["new", other.to_str().unwrap(), "--layout", "pocket-a8"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown layout `pocket-a8`") && err.contains("did you mean"),
        "{err}"
    );
    assert!(!other.exists());
}
