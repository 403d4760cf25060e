//! The interface language as users meet it: `LANG=fr_*` makes livret speak French
//! (help, progress, tables, reports, usage errors, errors), `C` and `en_*` English,
//! `--ui-lang` and `LIVRET_LANG` override the locale, and JSON output is the same
//! in both languages.

use std::path::Path;

use crate::support::*;

/// Runs livret with `args` in `dir` under the locale variables `env` (every other
/// locale variable removed): (exit code, stdout, stderr).
fn livret_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = crate::support::livret_assert();
    cmd.current_dir(dir).args(args);
    for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LIVRET_LANG", "LANGUAGE"] {
        cmd.env_remove(name);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// Locale variables, as `(name, value)`.
type Env<'a> = &'a [(&'a str, &'a str)];

const FRENCH: Env = &[("LANG", "fr_FR.UTF-8")];

/// Asserts that `text` has every phrase of `present` and none of `absent`.
fn says(text: &str, present: &[&str], absent: &[&str]) {
    for phrase in present {
        assert!(text.contains(phrase), "`{phrase}` missing from:\n{text}");
    }
    for phrase in absent {
        assert!(!text.contains(phrase), "`{phrase}` should not be in:\n{text}");
    }
}

#[test]
fn help_is_in_french_under_a_french_locale() {
    let here = std::env::temp_dir();
    let (code, out, _) = livret_env(&here, &["--help"], FRENCH);
    assert_eq!(code, 0);
    says(
        &out,
        &[
            "Utilisation : livret",
            "Commandes :",
            "Options :",
            "Fabriquer les PDF de lecture",
            "Afficher l'aide",
            "Afficher la version",
            "Valeurs possibles :",
            "[par défaut : auto]",
        ],
        &[
            "Usage:",
            "Commands:",
            "Print help",
            "Print version",
            "[default:",
            "Build reading",
        ],
    );
    let (code, out, _) = livret_env(&here, &["build", "--help"], FRENCH);
    assert_eq!(code, 0);
    says(
        &out,
        &[
            "Utilisation : livret build [OPTIONS]",
            "Refabriquer tous les livrets",
            "[par défaut : 300]",
            "Exemple :\n  livret build --lang fr --layout pocket-a6",
            "N'afficher que les erreurs",
        ],
        &[
            "Usage:",
            "Example:",
            "Rebuild every target",
            "[default: 300]",
            "Print only errors",
        ],
    );
    let (code, out, _) = livret_env(&here, &["impose", "--help"], FRENCH);
    assert_eq!(code, 0);
    says(
        &out,
        &["Arguments :", "Le PDF à imposer", "[par défaut : before-last]"],
        &["Arguments:", "The PDF to impose"],
    );
}

#[test]
fn help_is_in_english_under_c_and_english_locales_and_when_asked() {
    let here = std::env::temp_dir();
    let cases: &[(&[&str], Env)] = &[
        (&["build", "--help"], &[("LANG", "C")]),
        (&["build", "--help"], &[("LANG", "en_GB.UTF-8")]),
        (&["build", "--help"], &[]),
        (&["--ui-lang", "en", "build", "--help"], FRENCH),
        (
            &["build", "--help", "--ui-lang=en"],
            &[("LIVRET_LANG", "fr"), ("LANG", "fr_FR")],
        ),
        (&["build", "--help"], &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")]),
    ];
    for (args, env) in cases {
        let (code, out, _) = livret_env(&here, args, env);
        assert_eq!(code, 0, "{args:?} {env:?}");
        says(
            &out,
            &[
                "Usage: livret build [OPTIONS]",
                "Rebuild every target",
                "[default: 300]",
                "Example:",
            ],
            &["Utilisation", "Refabriquer", "par défaut"],
        );
    }
    // LIVRET_LANG wins over the locale.
    let (_, out, _) =
        livret_env(&here, &["build", "--help"], &[("LIVRET_LANG", "fr"), ("LANG", "C")]);
    says(
        &out,
        &["Utilisation : livret build", "Refabriquer tous les livrets"],
        &["Usage:"],
    );
}

#[test]
fn usage_errors_and_errors_are_in_french() {
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = livret_env(empty.path(), &["buidl"], FRENCH);
    assert_eq!(code, 2);
    says(
        &err,
        &[
            "erreur : sous-commande inconnue « buidl »",
            "conseil : une sous-commande semblable existe : « build »",
            "Utilisation : livret [OPTIONS] <COMMANDE>",
            "Pour en savoir plus, essayez « --help ».",
        ],
        &["error:", "unrecognized", "tip:", "hint:", "For more information"],
    );
    // No command at all: the help, in French, on stderr.
    for args in [&[][..], &["po"][..]] {
        let (code, _, err) = livret_env(empty.path(), args, FRENCH);
        assert_eq!(code, 2);
        says(&err, &["Utilisation : livret", "Commandes :"], &["erreur :", "Usage:"]);
    }
    let (code, _, err) = livret_env(empty.path(), &["build", "--jobs", "0"], FRENCH);
    assert_eq!(code, 2);
    says(
        &err,
        &["valeur « 0 » invalide pour « --jobs <N> »", "au plus 64 cibles"],
        &["invalid value"],
    );
    let (code, _, err) = livret_env(empty.path(), &["impose", "in.pdf"], FRENCH);
    assert_eq!(code, 2);
    says(
        &err,
        &["ces arguments obligatoires manquent : --output"],
        &["required arguments"],
    );
    // No guide.toml here: the error and its hint say so in French.
    let (code, _, err) = livret_env(empty.path(), &["build"], FRENCH);
    assert_eq!(code, 2);
    says(
        &err,
        &["erreur : impossible de lire", "guide.toml", "conseil :"],
        &["error:", "failed to read"],
    );
    let (_, _, err) = livret_env(empty.path(), &["build"], &[("LANG", "C")]);
    says(&err, &["error: failed to read", "hint:"], &["erreur", "conseil"]);
}

#[test]
fn build_check_impose_and_po_export_speak_french() {
    let dir = sample_project();
    let root = dir.path();
    let (code, out, err) =
        livret_env(root, &["build", "--lang", "fr", "--layout", "pocket-a6"], FRENCH);
    assert_eq!(code, 0, "{err}");
    says(
        &out,
        &[
            "écrit out/securite-collaborative/fr/pocket-a6/",
            "(édition pour écran, ",
            "sa fiche de travail",
            "cible ",
            "encre par face imprimée (moyenne/la plus chargée)",
            "avertissements",
            "1 livret fabriqué, 0 déjà à jour",
        ],
        &["wrote ", "ink per side", "warnings", "built 1 target", "up to date"],
    );
    let pdf =
        "out/securite-collaborative/fr/pocket-a6/securite-collaborative-fr-pocket-a6.pdf";
    let (code, out, err) = livret_env(
        root,
        &["impose", pdf, "-o", "feuilles.pdf", "--scheme", "saddle", "--sheet", "a4"],
        FRENCH,
    );
    assert_eq!(code, 0, "{err}");
    says(
        &out,
        &[
            "24 pages → 6 feuilles saddle en A4 (1 livret)",
            "encre par face imprimée :",
            "écrit feuilles.pdf",
        ],
        &["sheets of", "ink per printed side", "wrote"],
    );
    let (code, out, _) = livret_env(root, &["check", "--lang", "bm"], FRENCH);
    assert_eq!(code, 1, "bm misses chapters: {out}");
    says(
        &out,
        &[
            "langue",
            "chapitres",
            "manquants",
            "périmés",
            "(le chapitre source est montré avec un bandeau)",
        ],
        &["language  chapters", "(the source chapter is shown with a banner)"],
    );
    let (code, out, err) = livret_env(root, &["po", "export", "--lang", "bm"], FRENCH);
    assert_eq!(code, 0, "{err}");
    says(
        &out,
        &[
            "entrées :",
            "le modèle (tous les textes du guide)",
            "ensuite : traduisez dans un éditeur PO",
        ],
        &["entries:", "the template", "next: translate"],
    );
    assert!(err.contains("avertissement :") && !err.contains("warning:"), "{err}");
}

#[test]
fn json_output_is_the_same_in_both_languages() {
    let dir = sample_project();
    let json = |env: &[(&str, &str)]| {
        let (code, out, err) =
            livret_env(dir.path(), &["check", "--format", "json"], env);
        assert_eq!(code, 1, "{err}");
        out
    };
    let french = json(FRENCH);
    let english = json(&[("LANG", "C")]);
    assert!(french.trim_start().starts_with('['), "{french}");
    assert_eq!(french, english);
    let (_, french, _) =
        livret_env(dir.path(), &["build", "--list-targets", "--format", "json"], FRENCH);
    let (_, english, _) = livret_env(
        dir.path(),
        &["build", "--list-targets", "--format", "json"],
        &[("LANG", "en_GB.UTF-8")],
    );
    assert_eq!(french, english);
}

#[test]
fn fonts_calibrate_and_value_names_speak_french() {
    let dir = sample_project();
    let (code, out, err) = livret_env(dir.path(), &["fonts"], FRENCH);
    assert!(code == 0 || code == 1, "{err}");
    says(
        &out,
        &[
            "Andika — gras italique",
            "Andika — normal",
            "écritures : latin, latin du bambara",
        ],
        &["bold", "regular", "Latin for Bambara", "Arabic (Ajami)"],
    );
    let pdf = dir.path().join("etalonnage.pdf");
    let args = ["calibrate", "--sheet", "a4", "--orientation", "landscape", "-o"];
    let mut args: Vec<&str> = args.to_vec();
    args.push(pdf.to_str().unwrap());
    let (code, out, err) = livret_env(dir.path(), &args, FRENCH);
    assert_eq!(code, 0, "{err}");
    says(
        &out,
        &["feuille d'étalonnage A4 paysage", "recto verso retourné sur le bord long :"],
        &["landscape", "duplex", " a4 "],
    );
    let (code, out, _) = livret_env(dir.path(), &["impose", "--help"], FRENCH);
    assert_eq!(code, 0);
    says(&out, &["--output <SORTIE.pdf>", "--scheme <SCHÉMA>", "<PDF>"], &["<SCHEME>"]);
    // The command's own options come before the global ones.
    let at = |flag: &str| out.find(flag).unwrap_or_else(|| panic!("{flag}:\n{out}"));
    assert!(at("--quantity <") < at("-q, --quiet"), "{out}");
    assert!(at("--fit <") < at("-v, --verbose"), "{out}");
}

#[test]
fn confirmations_and_refused_values_speak_french() {
    let dir = sample_project();
    let root = dir.path();
    let accept = ["check", "--lang", "en", "--accept", "01-introduction"];
    let (_, out, err) = livret_env(root, &accept, FRENCH);
    says(
        &format!("{out}{err}"),
        &["marqué comme relu par rapport à la source actuelle : 01-introduction"],
        &["marked as reviewed"],
    );
    let impose = |extra: &[&str]| {
        let mut args = vec!["impose", "in.pdf", "-o", "out.pdf"];
        args.extend(extra);
        livret_env(root, &args, FRENCH)
    };
    let (code, _, err) = impose(&["--scheme", "cutstak", "--sheet", "a4"]);
    assert_eq!(code, 2, "{err}");
    says(&err, &["valeur inconnue `cutstak`", "saddle, cutstack"], &["unknown scheme"]);
    let (code, _, err) = impose(&["--scheme", "cutstack", "--sheet", "a9x"]);
    assert_eq!(code, 2, "{err}");
    says(&err, &["`a9x` n'est pas un format de feuille"], &["invalid sheet size"]);
    let (code, _, err) =
        impose(&["--scheme", "cutstack", "--sheet", "a4", "--marks", "fould"]);
    assert_eq!(code, 2, "{err}");
    says(&err, &["repère inconnu `fould`"], &["unknown mark"]);
    for (offset, french) in [
        ("1,5mm", "se lit comme une seule valeur à virgule ou comme deux longueurs"),
        ("1,5,2", "n'est pas un décalage du verso"),
    ] {
        let (code, _, err) =
            impose(&["--scheme", "cutstack", "--sheet", "a4", "--back-offset", offset]);
        assert_eq!(code, 2, "{err}");
        says(&err, &[french], &["reads as", "can be read", "not a back offset"]);
    }
    let (code, _, err) = livret_env(root, &["build", "--memory", "3XB"], FRENCH);
    assert_eq!(code, 2, "{err}");
    says(&err, &["n'est pas une unité de taille", "GB"], &["size unit"]);
    assert!(!root.join("out.pdf").exists());
}
