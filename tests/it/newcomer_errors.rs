//! Errors a newcomer meets in sources/guide.toml and the layouts (issue 24, item 2):
//! each names the user's file and line and says what to write, in English and French.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::*;

/// Runs `livret <command> --project <root> <args…>` speaking `lang` (`en`, `fr`):
/// (exit code, stdout, stderr).
fn livret_speaking(
    lang: &str,
    root: &Path,
    command: &str,
    args: &[&str],
) -> (i32, String, String) {
    let out = crate::support::livret_process()
        .args([command, "--project", root.to_str().unwrap()])
        .args(args)
        .env("LIVRET_LANG", lang)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// A one-chapter French guide whose guide.toml has `from` replaced by `to`.
fn guide_with(from: &str, to: &str) -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", "# Titre\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    assert!(text.contains(from), "{from} not in {text}");
    fs::write(&manifest, text.replacen(from, to, 1)).unwrap();
    dir
}

/// The 1-based line of guide.toml that holds `needle` (the last one).
fn line_of(root: &Path, needle: &str) -> usize {
    let text = fs::read_to_string(root.join("sources/guide.toml")).unwrap();
    text.lines().enumerate().filter(|(_, l)| l.contains(needle)).last().unwrap().0 + 1
}

#[test]
fn a_date_written_day_first_says_the_form_to_write_in_both_languages() {
    for written in ["date = 15/03/2026", "date = \"15/03/2026\""] {
        let dir = guide_with("date = 2026-01-15", written);
        let line = line_of(dir.path(), "date =");
        let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
        assert_eq!(code, 2, "{written}: {err}");
        let place = format!("error: sources/guide.toml:{line}:8: the date `15/03/2026`");
        assert!(err.starts_with(&place), "{written}: expected `{place}` in {err}");
        assert!(err.contains("year-month-day"), "{err}");
        // The same day, written as it must be.
        assert!(
            err.contains(
                "hint: write it year-month-day, without quotes: date = 2026-03-15"
            ),
            "{err}"
        );
        assert!(!err.contains("string values must be quoted"), "{err}");
        let (code, _, err) = livret_speaking("fr", dir.path(), "build", &["--no-print"]);
        assert_eq!(code, 2, "{err}");
        let place = format!("erreur : sources/guide.toml:{line}:8: la date `15/03/2026`");
        assert!(err.starts_with(&place), "expected `{place}` in {err}");
        assert!(err.contains("conseil : ") && err.contains("date = 2026-03-15"), "{err}");
    }
    // A day that could be the month is not guessed: the form is shown with an example.
    let dir = guide_with("date = 2026-01-15", "date = 05/03/2026");
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("date = 2026-03-15 for 15 March 2026"), "{err}");
    // A day that does not exist is said so.
    let dir = guide_with("date = 2026-01-15", "date = 2026-02-30");
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("guide.toml:7:8: the date 2026-02-30 does not exist"), "{err}");
}

#[test]
fn a_quoted_year_month_day_date_is_read_as_the_date() {
    let dir = guide_with("date = 2026-01-15", "date = \"2026-03-15\"");
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let out = Command::new("pdfinfo")
        .arg("-isodates")
        .arg(&pdf)
        .env_remove("TZ")
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    let created = info.lines().find(|l| l.starts_with("CreationDate:")).unwrap_or("");
    if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        assert!(created.contains("2026-03-15"), "{info}");
    }
}

#[test]
fn a_table_written_twice_names_the_one_already_there() {
    let dir = mini_project(&[("01-a.md", "# Titre\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap().replacen(
        "\n[[language]]",
        "\n[guide.changes]\nfr = [\"Première édition.\"]\n\n[[language]]",
        1,
    );
    let first = text.lines().position(|l| l == "[guide.changes]").unwrap() + 1;
    // Pasted from the user guide at the end, as the issue tells.
    let text = format!("{text}\n[guide.changes]\nfr = [\"Nouveau chapitre.\"]\n");
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "[guide.changes]")
        .last()
        .unwrap()
        .0
        + 1;
    fs::write(&manifest, text).unwrap();
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 2, "{err}");
    let said = format!(
        "error: sources/guide.toml:{second}:8: the table [guide.changes] is written twice: it is already at line {first}"
    );
    assert!(err.starts_with(&said), "expected `{said}` in {err}");
    assert!(
        err.contains(&format!(
            "hint: add your lines to the [guide.changes] at line {first}"
        )),
        "{err}"
    );
    let (code, _, err) = livret_speaking("fr", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("la table [guide.changes] est écrite deux fois : elle existe déjà à la ligne {first}")), "{err}");
}

#[test]
fn a_key_written_twice_names_its_table_and_first_line() {
    let dir = guide_with(
        "publisher = \"Essai\"",
        "publisher = \"Essai\"\npublisher = \"Autre\"",
    );
    let first = line_of(dir.path(), "publisher = \"Essai\"");
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 2, "{err}");
    let said = format!(
        "error: sources/guide.toml:{}:1: `publisher` is set twice in [guide]: it is already at line {first}",
        first + 1
    );
    assert!(err.starts_with(&said), "expected `{said}` in {err}");
}

#[test]
fn a_layout_error_from_a_guide_toml_value_names_that_line() {
    // A language code typst refuses: the layout meets it in `set text(lang: …)`.
    let dir = mini_project(&[("01-a.md", "# Titre\n\nTexte.\n")]);
    add_language(dir.path(), "english", "English", &[("01-a.md", "# Title\n\nText.\n")]);
    let line = line_of(dir.path(), "code = \"english\"");
    let (code, _, err) =
        livret_speaking("en", dir.path(), "build", &["--lang", "english", "--no-print"]);
    assert_eq!(code, 2, "{err}");
    let said = format!(
        "error: sources/guide.toml:{line}: the layout cannot use `code` = \"english\" written here:"
    );
    assert!(err.starts_with(&said), "expected `{said}` in {err}");
    assert!(err.contains("(met in layouts/common.typ:"), "{err}");
    assert!(
        err.contains("hint: a language code has two or three lowercase letters"),
        "{err}"
    );
    // No excerpt of livret's code for the user to decipher.
    assert!(!err.contains("(`"), "{err}");
    let (code, _, err) =
        livret_speaking("fr", dir.path(), "build", &["--lang", "english", "--no-print"]);
    assert_eq!(code, 2, "{err}");
    let said = format!(
        "erreur : sources/guide.toml:{line}: la mise en page ne peut pas utiliser `code`"
    );
    assert!(err.starts_with(&said), "expected `{said}` in {err}");
    assert!(err.contains("(rencontré dans layouts/common.typ:"), "{err}");
}

#[test]
fn an_error_in_an_edited_layout_says_whose_it_is_without_an_excerpt() {
    let dir = mini_project(&[("01-a.md", "# Titre\n\nTexte.\n")]);
    let layout = dir.path().join("layouts/common.typ");
    let text = fs::read_to_string(&layout).unwrap();
    let broken = text.replacen("format.size * 0.95", "format.size * \"x\"", 1);
    assert_ne!(broken, text, "the layout changed: update this test");
    let line = broken.lines().position(|l| l.contains("* \"x\"")).unwrap() + 1;
    fs::write(&layout, broken).unwrap();
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with(&format!("error: layouts/common.typ:{line}:")), "{err}");
    assert!(
        err.contains(
            "hint: this happened in the layout layouts/common.typ, not in your text"
        ),
        "{err}"
    );
    assert!(!err.contains("(`"), "{err}");
}

#[test]
fn a_print_preset_the_planner_refuses_is_said_in_french_with_guide_toml_keys() {
    let dir = mini_project(&[("01-a.md", "# Titre\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str("\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"signatures\"\nsignature-sheets = 0\n");
    fs::write(&manifest, &text).unwrap();
    let line = line_of(dir.path(), "signature-sheets = 0");
    let (code, _, err) = livret_speaking("fr", dir.path(), "build", &[]);
    assert_eq!(code, 2, "{err}");
    let place = format!("erreur : sources/guide.toml:{line}:");
    assert!(err.starts_with(&place), "expected `{place}` in {err}");
    assert!(err.contains("un cahier a besoin d'au moins une feuille"), "{err}");
    assert!(err.contains("conseil : utilisez signature-sheets = 1 ou plus"), "{err}");
    assert!(!err.contains("--"), "guide.toml's keys, not options: {err}");
}

#[test]
fn a_translation_check_finding_reads_in_french_and_stays_english_in_json() {
    let dir = mini_project(&[("01-a.md", "# Titre\n\nAppelez le 72.\n")]);
    add_language(dir.path(), "en", "English", &[("01-a.md", "# Title\n\nCall 27.\n")]);
    let (code, out, err) = livret_speaking("fr", dir.path(), "check", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(
        all.contains("les nombres diffèrent : la source a 72, la traduction a 27"),
        "{all}"
    );
    let (code, out, err) =
        livret_speaking("fr", dir.path(), "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = json.to_string();
    assert!(
        text.contains("number(s) differ: the source has 72, the translation has 27"),
        "{text}"
    );
    assert!(!text.contains("diffèrent"), "{text}");
}

#[test]
fn a_plan_impose_refuses_is_said_in_french_with_its_options() {
    let dir = mini_project(&[("01-a.md", "# Titre\n\nTexte.\n")]);
    let (code, _, err) = livret_speaking("en", dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let sheets = dir.path().join("sheets.pdf");
    let run = |lang: &str| {
        let out = crate::support::livret_process()
            .arg("impose")
            .arg(&pdf)
            .args(["--scheme", "saddle", "--sheet", "150x100mm", "-o"])
            .arg(&sheets)
            .env("LIVRET_LANG", lang)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).to_string())
    };
    let (code, err) = run("fr");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.starts_with("erreur : une double page de 105×148 mm par page"), "{err}");
    assert!(err.contains("conseil : utilisez --sheet a5"), "{err}");
    let (code, err) = run("en");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.starts_with("error: a spread of two pages of 105×148 mm"), "{err}");
    assert!(err.contains("hint: use --sheet a5"), "{err}");
    assert!(!sheets.exists(), "nothing written");
}
