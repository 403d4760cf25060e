//! Print presets are typed when guide.toml loads: a bad value is an error at its line
//! and column before anything is compiled, and a preset accepts exactly what the
//! `impose` command line accepts, turned into the same planner options.

use std::fs;

use clap::Parser;
use livret::cli::args::{Cli, Command};
use livret::project::preset::{PrintChoices, PrintPreset};
use livret_impose::MarkOptions;

use crate::support::*;

/// A mini project whose manifest ends with one `[[print]]` preset of `lines`.
fn with_preset(lines: &str) -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("\n[[print]]\nlayout = \"pocket-a6\"\n{lines}\n"));
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn a_bad_preset_is_an_error_at_its_line_before_anything_compiles() {
    let cases = [
        ("scheme = \"sadle\"", "sheet = \"a4\"", "sadle"),
        ("sheet = \"a9x\"", "scheme = \"saddle\"", "a9x"),
        ("duplex = \"sideways\"", "sheet = \"a4\"\nscheme = \"saddle\"", "sideways"),
        (
            "marks = [\"crop\", \"glitter\"]",
            "sheet = \"a4\"\nscheme = \"saddle\"",
            "glitter",
        ),
        ("fit = \"squeeze\"", "sheet = \"a4\"\nscheme = \"saddle\"", "squeeze"),
        ("colour = \"red\"", "sheet = \"a4\"\nscheme = \"saddle\"", "red"),
        ("creep = -1.0", "sheet = \"a4\"\nscheme = \"saddle\"", "creep"),
    ];
    for (bad, rest, needle) in cases {
        let dir = with_preset(&format!("{rest}\n{bad}"));
        let manifest = fs::read_to_string(dir.path().join("sources/guide.toml")).unwrap();
        let line = manifest.lines().position(|l| l == bad).unwrap() + 1;
        let (code, _, stderr) = livret_in(dir.path(), "build", &[]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        let place = format!("error: sources/guide.toml:{line}:");
        assert!(stderr.starts_with(&place), "{bad}: expected `{place}` in {stderr}");
        assert!(stderr.contains(needle), "{bad}: {stderr}");
        // Nothing was compiled: not even a generated main source.
        assert!(!dir.path().join("out/mini").exists(), "{bad}: out/mini was written");
    }
}

#[test]
fn a_budget_that_is_not_a_size_is_an_error_at_its_line() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("name = \"pocket-a6\"", "name = \"pocket-a6\"\nprint-budget = \"lots\"");
    fs::write(&manifest, &text).unwrap();
    let line = text.lines().position(|l| l.starts_with("print-budget")).unwrap() + 1;
    let (code, _, stderr) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&format!("sources/guide.toml:{line}:")), "{stderr}");
    assert!(stderr.contains("lots"), "{stderr}");
}

/// The choices `livret impose` makes of these options.
fn cli_choices(options: &[&str]) -> (PrintChoices, MarkOptions) {
    let mut argv = vec!["livret", "impose", "in.pdf", "-o", "out.pdf"];
    argv.extend(options);
    let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{options:?}: {e}"));
    let Command::Impose(args) = cli.command else { panic!("not impose") };
    let choices = args.choices();
    (choices, MarkOptions::from_kinds(&args.marks))
}

/// The choices a preset makes of these TOML lines.
fn preset_choices(lines: &str) -> (PrintChoices, MarkOptions) {
    let preset: PrintPreset = toml::from_str(&format!("layout = \"pocket-a6\"\n{lines}"))
        .unwrap_or_else(|e| panic!("{lines}: {e}"));
    (preset.choices(), MarkOptions::from_kinds(&preset.marks))
}

#[test]
fn presets_and_the_command_line_accept_the_same_values() {
    let schemes = ["saddle", "cutstack", "copies", "signatures", "zine"];
    let sheets = ["a3", "a4", "A5", "letter", "legal", "tabloid", "200x280mm", "8x10in"];
    for scheme in schemes {
        for sheet in sheets {
            for duplex in ["long", "short"] {
                for fit in ["shrink", "center"] {
                    for marks in ["crop", "fold,slug", "collation", "all"] {
                        let (from_cli, cli_marks) = cli_choices(&[
                            "--scheme",
                            scheme,
                            "--sheet",
                            sheet,
                            "--duplex",
                            duplex,
                            "--fit",
                            fit,
                            "--marks",
                            marks,
                            "--creep",
                            "0.1",
                            "--printer-margin",
                            "4",
                        ]);
                        let list: Vec<String> =
                            marks.split(',').map(|m| format!("\"{m}\"")).collect();
                        let (from_preset, preset_marks) = preset_choices(&format!(
                            "scheme = \"{scheme}\"\nsheet = \"{sheet}\"\nduplex = \"{duplex}\"\nfit = \"{fit}\"\nmarks = [{}]\ncreep = 0.1\nprinter-margin = 4.0",
                            list.join(", ")
                        ));
                        assert_eq!(
                            from_cli, from_preset,
                            "{scheme} {sheet} {duplex} {fit}"
                        );
                        assert_eq!(cli_marks, preset_marks, "{marks}");
                        assert_eq!(from_cli.plan_options(), from_preset.plan_options());
                    }
                }
            }
        }
    }
    // And refuse the same values.
    for (flag, key, value) in [
        ("--scheme", "scheme", "fold"),
        ("--sheet", "sheet", "a9x"),
        ("--duplex", "duplex", "sideways"),
        ("--fit", "fit", "squeeze"),
        ("--marks", "marks", "glitter"),
    ] {
        let mut argv = vec!["livret", "impose", "in.pdf", "-o", "out.pdf"];
        let base = [("--scheme", "saddle"), ("--sheet", "a4")];
        for (f, v) in base.iter().filter(|(f, _)| *f != flag) {
            argv.extend([*f, *v]);
        }
        argv.extend([flag, value]);
        assert!(Cli::try_parse_from(argv).is_err(), "{flag} {value} accepted");
        let toml_value = if key == "marks" {
            format!("[\"{value}\"]")
        } else {
            format!("\"{value}\"")
        };
        let mut lines = vec![format!("{key} = {toml_value}")];
        for (k, v) in [("scheme", "saddle"), ("sheet", "a4")] {
            if k != key {
                lines.push(format!("{k} = \"{v}\""));
            }
        }
        let text = format!("layout = \"pocket-a6\"\n{}", lines.join("\n"));
        assert!(
            toml::from_str::<PrintPreset>(&text).is_err(),
            "{key} = {value} accepted"
        );
    }
}
