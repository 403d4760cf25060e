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
    // The sample translation checks clean; the other languages hold placeholders.
    let (code, out, err) = livret(&["check", "--project", d, "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = livret(&["check", "--project", d]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("sources/nqo/01-introduction.md: 3 blocks are not translated"),
        "{out}"
    );

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
    // A code Typst would refuse as a text language is refused here, with what to write.
    let (code, _, err) =
        livret(&["new", other.to_str().unwrap(), "--lang", "fr,bm-arab"]);
    assert_eq!(code, 2);
    assert!(err.contains("`bm-arab` is not a usable language code"), "{err}");
    assert!(
        err.contains("two or three lowercase letters") && err.contains("qaa"),
        "{err}"
    );
    assert!(!other.exists());
}

/// A fresh guide made by `livret new` with French, Bambara and English, in a temp folder.
fn fresh_guide(env: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mon-guide");
    let out = crate::support::livret_process()
        .args([
            "new",
            dir.to_str().unwrap(),
            "--lang",
            "fr,bm,en",
            "--layout",
            "pocket-a6",
        ])
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (tmp, dir)
}

#[test]
fn placeholders_of_a_fresh_guide_are_not_translated() {
    let (_tmp, dir) = fresh_guide(&[]);
    // check: each chapter's placeholder blocks, with their lines; exit 1.
    let (code, out, err) = livret_in(&dir, "check", &["--lang", "bm"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.lines().any(|l| l.split_whitespace().take(2).eq(["bm", "0/2"])), "{out}");
    assert!(
        out.contains("bm: sources/bm/01-introduction.md: 3 blocks are not translated yet (lines 1, 3, 6: the source's text under the [fr] mark)"),
        "{out}"
    );
    assert!(out.contains("sources/bm/02-contacts.md: 8 blocks"), "{out}");
    let (_, json, _) = livret_in(&dir, "check", &["--lang", "bm", "--format", "json"]);
    assert!(
        json.contains("\"placeholders\"") && json.contains("\"mark\": \"[fr]\""),
        "{json}"
    );
    // The real translation of the sample checks clean.
    let (code, out, err) = livret_in(&dir, "check", &["--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    // The build says which chapters are not translated yet, and only for bm.
    let (code, out, err) = livret_in(&dir, "build", &["--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    let line = |lang: &str| {
        out.lines()
            .find(|l| l.contains(&format!("mon-guide-{lang}-pocket-a6.pdf (")))
            .unwrap_or_else(|| panic!("no {lang} line in {out}"))
            .to_string()
    };
    assert!(
        line("bm")
            .ends_with("not yet translated: 01-introduction, 02-contacts (2 chapters)"),
        "{out}"
    );
    assert!(
        !line("en").contains("not yet translated") && !line("fr").contains("not yet")
    );
    // In French, as a francophone user reads it.
    let out = crate::support::livret_process()
        .args(["check", "--project", dir.to_str().unwrap(), "--lang", "bm"])
        .env("LIVRET_LANG", "fr")
        .output()
        .unwrap();
    let fr = String::from_utf8_lossy(&out.stdout);
    assert!(
        fr.contains("bm : sources/bm/01-introduction.md : 3 blocs ne sont pas encore traduits (lignes 1, 3, 6 : le texte de l'original sous la marque [fr]) ; traduisez-les et enlevez la marque"),
        "{fr}"
    );
    // Translating a chapter (the mark gone) makes it count.
    let chapter = dir.join("sources/bm/01-introduction.md");
    fs::write(&chapter, fs::read_to_string(&chapter).unwrap().replace("[fr] ", ""))
        .unwrap();
    let (_, out, _) = livret_in(&dir, "check", &["--lang", "bm"]);
    assert!(
        out.lines().any(|l| l.split_whitespace().take(2).eq(["bm", "1/2"]))
            && !out.contains("01-introduction.md: "),
        "{out}"
    );
}

#[test]
fn a_language_without_labels_is_warned_with_their_names() {
    let (_tmp, dir) = fresh_guide(&[]);
    let manifest = fs::read_to_string(dir.join("sources/guide.toml")).unwrap();
    // livret new wrote the 12 labels of every language: bm's still to translate.
    assert_eq!(manifest.matches("[language.labels]").count(), 3, "{manifest}");
    assert!(manifest.contains("contents = \"[fr] Sommaire\""), "{manifest}");
    // Its title too: the source's, marked, not an English one.
    assert!(
        manifest.contains("bm = \"[fr] Mon guide de poche\"\nen = \"My pocket guide\"")
    );
    // A language added by hand, without labels.
    add_language(
        &dir,
        "ff",
        "Fulfulde",
        &[
            ("01-introduction.md", "# Naatirde\n\nDeftere nde ina fillitoo.\n"),
            ("02-contacts.md", "# Jokkondiral\n\nPolis: 17.\n"),
        ],
    );
    let (code, out, err) = livret_in(&dir, "build", &["--lang", "ff", "--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("ff: 12 words the layout prints are not in its labels in guide.toml, so its booklet shows them in English: contents, remember, warning, tip, notes, untranslated, edition, publisher, licence, date, changes, draft."),
        "{err}"
    );
    // What the warning says is what the booklet prints.
    let pdf = dir.join("out/mon-guide/ff/pocket-a6/mon-guide-ff-pocket-a6.pdf");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Contents"));
    // Some of its own words: the warning names only the others.
    let text = fs::read_to_string(dir.join("sources/guide.toml")).unwrap().replace(
        "name = \"Fulfulde\"",
        "name = \"Fulfulde\"\nlabels = { contents = \"Loowdi\", notes = \"Binndi\" }",
    );
    fs::write(dir.join("sources/guide.toml"), text).unwrap();
    let (_, _, err) = livret_in(&dir, "build", &["--lang", "ff", "--no-print"]);
    assert!(
        err.contains("ff: 10 words")
            && err.contains(": remember, warning, tip, untranslated"),
        "{err}"
    );
    assert!(normalize(&pdf_text(&pdf, None)).contains("Loowdi"));
    // bm's placeholders are named too, until translated.
    let (_, _, err) = livret_in(&dir, "build", &["--lang", "bm", "--no-print"]);
    assert!(
        err.contains("bm: 12 labels in guide.toml are still to be translated"),
        "{err}"
    );
}

#[test]
fn guide_toml_speaks_the_interface_language() {
    let (_tmp, dir) = fresh_guide(&[("LIVRET_LANG", "fr")]);
    let manifest = fs::read_to_string(dir.join("sources/guide.toml")).unwrap();
    assert!(
        manifest.starts_with("# La fiche du guide. livret vérifie chaque clé"),
        "{manifest}"
    );
    assert!(manifest.contains("# Ce qui change dans cette édition"), "{manifest}");
    assert!(!manifest.contains("# The "), "{manifest}");
    // [guide.changes] is there to edit: one list per language with livret's words.
    assert!(manifest.contains(
        "[guide.changes]\nfr = [\"Première édition.\"]\nen = [\"First edition.\"]\n"
    ));
    let (_tmp, dir) = fresh_guide(&[("LIVRET_LANG", "en")]);
    let manifest = fs::read_to_string(dir.join("sources/guide.toml")).unwrap();
    assert!(manifest.starts_with("# The guide's manifest."), "{manifest}");
}
