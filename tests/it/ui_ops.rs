//! The build's, `po import`'s and `chapter rename`'s messages in the user's language:
//! French under a French locale, English under `LANG=C`, and a target found up to date
//! tells its recorded warnings in the language of the run that finds it.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{add_language, mini_project};

/// Runs `livret <args…>` in `project` with `LANG` set to `lang` (and no other locale
/// variable): (exit code, stdout, stderr).
fn run_with(lang: &str, project: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = args.to_vec();
    all.extend(["--project", project.to_str().unwrap()]);
    let out = crate::support::livret_process()
        .args(&all)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LIVRET_LANG")
        .env("LANG", lang)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// A guide whose build warns twice: a character no font shows (Ethiopic) and a
/// screen edition over its budget.
fn warning_guide() -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n\nUn mot : ሰላም.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap().replace(
        "name = \"pocket-a6\"",
        "name = \"pocket-a6\"\nscreen-budget = \"1 kB\"",
    );
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn build_warnings_read_in_the_run_language_even_when_up_to_date() {
    let dir = warning_guide();
    let root = dir.path();
    let (code, out, err) = run_with("fr_FR.UTF-8", root, &["build", "--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    for french in [
        "avertissement : sources/fr/01-a.md:5: aucune police de la langue `fr` ne sait afficher ces 3 caractères : `ሰ` (U+1230), `ላ` (U+120B), `ም` (U+121D), page 4",
        "ils s'impriment comme des cases vides",
        "plus que le budget de l'édition écran de cette mise en page, 1 kB (screen-budget dans guide.toml)",
    ] {
        assert!(err.contains(french), "missing {french:?} in: {err}");
    }
    for english in ["warning:", "no font in the stack", "over the layout's screen budget"]
    {
        assert!(!err.contains(english), "{english:?} in: {err}");
    }
    // report.json does not depend on the language: it carries no message at all.
    let report = fs::read_to_string(root.join("out/mini/report.json")).unwrap();
    assert!(!report.contains("police") && !report.contains("budget"), "{report}");
    // Nothing changed: the target is up to date, its warnings told again in English…
    let (code, out, err) = run_with("C", root, &["build", "--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("up to date") || err.contains("up to date"), "{out}{err}");
    assert!(
        err.contains(
            "warning: sources/fr/01-a.md:5: no font in the stack of `fr` can show these 3 characters: `ሰ`"
        ),
        "{err}"
    );
    assert!(err.contains("over the layout's screen budget of 1 kB"), "{err}");
    assert!(!err.contains("aucune police"), "{err}");
    // … and in French again.
    let (code, _, err) = run_with("fr_ML.UTF-8", root, &["build", "--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("aucune police de la langue `fr`"), "{err}");
    assert!(!err.contains("no font in the stack"), "{err}");
}

#[test]
fn po_import_refusals_and_rename_errors_read_in_french() {
    let dir = mini_project(&[(
        "01-a.md",
        "# Titre\n\nUn paragraphe avec [un lien](https://example.org).\n",
    )]);
    let root = dir.path();
    add_language(root, "bm", "Bamanankan", &[]);
    let (code, out, err) = run_with("C", root, &["po", "export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let file = root.join("po/bm/01-a.po");
    let po = fs::read_to_string(&file).unwrap();
    // The paragraph's translation loses its link target: refused, in French.
    let broken = po.replacen(
        "msgid \"Un paragraphe avec [un lien](https://example.org).\"\nmsgstr \"\"",
        "msgid \"Un paragraphe avec [un lien](https://example.org).\"\nmsgstr \"Kuma dɔ.\"",
        1,
    );
    assert_ne!(broken, po, "the entry to edit was not found in: {po}");
    fs::write(&file, broken).unwrap();
    let (code, out, err) =
        run_with("fr_FR.UTF-8", root, &["po", "import", "--lang", "bm"]);
    assert_eq!(code, 2, "{out}{err}");
    for french in [
        "erreur : po/bm/01-a.po:",
        "la traduction perd la cible de lien `https://example.org` du msgid",
        "rien n'a été écrit)",
        "conseil : ne traduisez que les mots",
    ] {
        assert!(err.contains(french), "missing {french:?} in: {err}");
    }
    assert!(!err.contains("nothing was written"), "{err}");
    assert!(!root.join("sources/bm/01-a.md").exists());
    // The same refusal under LANG=C is English.
    let (code, _, err) = run_with("C", root, &["po", "import", "--lang", "bm"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the translation drops the link target `https://example.org`"),
        "{err}"
    );
    assert!(err.contains("nothing was written)"), "{err}");
    // An unknown chapter to rename: French, with the chapters named.
    let (code, _, err) =
        run_with("fr_FR.UTF-8", root, &["chapter", "rename", "01-b", "02-b"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("chapitre inconnu `01-b` : sources/guide.toml ne le liste pas"),
        "{err}"
    );
    assert!(err.contains("conseil : vouliez-vous dire `01-a` ?"), "{err}");
    assert!(err.contains("conseil : les chapitres sont : 01-a"), "{err}");
}

/// Runs `livret <args…>` (no project) with `LANG` set to `lang`: (exit code, stderr).
fn bare_with(lang: &str, args: &[&str]) -> (i32, String) {
    let out = crate::support::livret_process()
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LIVRET_LANG")
        .env("LANG", lang)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).to_string())
}

/// Runs qpdf, which must succeed.
fn qpdf(args: &[&str]) {
    let status = Command::new("qpdf").args(args).status().unwrap();
    assert!(status.success(), "qpdf {args:?}");
}

#[test]
fn impose_says_its_warnings_and_refusals_in_french_with_decimal_commas() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let root = dir.path();
    let (code, out, err) = run_with("C", root, &["build", "--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    let reading = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let path = |name: &str| root.join(name).to_str().unwrap().to_string();
    let (five, sheets) = (path("five.pdf"), path("sheets.pdf"));
    qpdf(&["--empty", "--pages", reading.to_str().unwrap(), "1-3,1-2", "--", &five]);
    let impose = ["impose", &five, "-o", &sheets, "--sheet", "a4", "--scheme", "saddle"];
    // Five A6 pages on a saddle-stitched A4: three blank pages, said in each language.
    let (code, err) = bare_with("fr_FR.UTF-8", &impose);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "avertissement : 3 pages blanches ajoutées pour remplir les feuilles"
        ),
        "{err}"
    );
    let (code, err) = bare_with("en_GB.UTF-8", &impose);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: 3 blank pages added to fill the sheets"), "{err}");
    // An A4 page among A6 ones: refused, its size with a decimal comma in French.
    let (a4, mixed) = (path("a4.pdf"), path("mixed.pdf"));
    let (code, err) = bare_with("C", &["calibrate", "--sheet", "a4", "-o", &a4]);
    assert_eq!(code, 0, "{err}");
    qpdf(&["--empty", "--pages", reading.to_str().unwrap(), "1-3", &a4, "--", &mixed]);
    let refused =
        ["impose", &mixed, "-o", &sheets, "--sheet", "a4", "--scheme", "saddle"];
    let (code, err) = bare_with("fr_FR.UTF-8", &refused);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(": la page 4 mesure 210,0 × 297,0 mm, mais la page 1 mesure 105,0 × 148,0 mm (le format le plus courant)"),
        "{err}"
    );
    assert!(err.contains("conseil : rien n'a été écrit"), "{err}");
    let (_, err) = bare_with("C", &refused);
    assert!(
        err.contains(": page 4 is 210.0 × 297.0 mm but page 1 is 105.0 × 148.0 mm"),
        "{err}"
    );
    // Not a PDF at all.
    let (code, err) = bare_with(
        "fr_FR.UTF-8",
        &[
            "impose",
            &path("sources/guide.toml"),
            "-o",
            &sheets,
            "--sheet",
            "a4",
            "--scheme",
            "saddle",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("guide.toml: le fichier d'entrée n'est pas un PDF (il n'a pas d'en-tête %PDF-)"),
        "{err}"
    );
}

#[test]
fn a_target_built_in_its_own_process_speaks_the_language_of_ui_lang() {
    // A Typst chapter: its target is built by a child process (`build --memory`).
    let dir = mini_project(&[("01-a.typ", "= A\n\nUn mot : ሰላም.\n")]);
    let (code, out, err) =
        run_with("C", dir.path(), &["build", "--no-print", "--ui-lang", "fr"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains(
            "aucune police de la langue `fr` ne sait afficher ces 3 caractères : `ሰ`"
        ),
        "{err}"
    );
    assert!(!err.contains("no font in the stack"), "{err}");
}

#[test]
fn json_reports_carry_english_messages_under_a_french_locale() {
    // A Typst chapter (left out of the PO files, said in `skipped`) and a Markdown one.
    let dir =
        mini_project(&[("01-a.md", "# A\n\nTexte.\n"), ("02-b.typ", "= B\n\nTexte.\n")]);
    let root = dir.path();
    // A translation with a number the source lacks: a `#. check numbers` note.
    add_language(root, "bm", "Bamanankan", &[("01-a.md", "# A\n\nKuma 12.\n")]);
    let json = |lang: &str, args: &[&str]| {
        let (code, out, err) = run_with(lang, root, args);
        assert!(code == 0 || code == 1, "{args:?}: {out}{err}");
        out
    };
    let export = ["po", "export", "--lang", "bm", "--format", "json"];
    let (fr, en) = (json("fr_FR.UTF-8", &export), json("C", &export));
    assert_eq!(fr, en);
    assert!(fr.contains("a Typst chapter, not exported"), "{fr}");
    // The PO file's comments follow the interface language (the translator reads them
    // in Poedit); its entries do not, and a second run in the same language writes the
    // same bytes.
    let po = root.join("po/bm/01-a.po");
    let english = fs::read_to_string(&po).unwrap();
    assert!(english.contains("#. check numbers: "), "{english}");
    assert!(english.contains("# Bamanankan (bm) translation of sources/fr/01-a.md."));
    json("fr_FR.UTF-8", &export);
    let french = fs::read_to_string(&po).unwrap();
    assert!(french.contains("# Traduction en Bamanankan (bm) de sources/fr/01-a.md."));
    assert!(french.contains("#. check numbers: "), "{french}");
    let entries = |po: &str| -> Vec<String> {
        po.lines().filter(|l| !l.starts_with("# ")).map(String::from).collect()
    };
    assert_eq!(entries(&french), entries(&english));
    json("fr_FR.UTF-8", &export);
    assert_eq!(fs::read_to_string(&po).unwrap(), french);
    let fonts = ["fonts", "--format", "json"];
    let (fr, en) = (json("fr_FR.UTF-8", &fonts), json("C", &fonts));
    assert_eq!(fr, en);
    assert!(fr.contains("shipped with typst (OFL or similar)"), "{fr}");
    // The human reports say the same in French.
    let (_, _, err) = run_with("fr_FR.UTF-8", root, &["po", "export", "--lang", "bm"]);
    assert!(err.contains("un chapitre Typst, non exporté"), "{err}");
}
