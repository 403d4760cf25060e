//! The command line as users meet it: help with examples, completions, manual pages,
//! colours, quiet and verbose, suggestions for typos.

use std::fs;
use std::process::Command as Process;

use crate::support::*;

/// Runs livret with `args` (and `env`): (exit code, stdout, stderr).
fn livret(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = crate::support::livret_assert();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// The subcommands listed by `livret --help`.
fn commands() -> Vec<String> {
    let (_, help, _) = livret(&["--help"], &[]);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_command_has_help_with_an_example() {
    let commands = commands();
    for expected in
        ["build", "impose", "check", "proof", "preview", "watch", "completions", "man"]
    {
        assert!(
            commands.iter().any(|c| c == expected),
            "{expected} missing from {commands:?}"
        );
    }
    for command in &commands {
        let (code, help, _) = livret(&[command, "--help"], &[]);
        assert_eq!(code, 0);
        assert!(
            help.contains("Example"),
            "`livret {command} --help` has no example:\n{help}"
        );
    }
}

#[test]
fn completions_are_valid_scripts() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, err) = livret(&["completions", shell], &[]);
        assert_eq!(code, 0, "{err}");
        assert!(script.contains("livret") && script.contains("impose"), "{shell}");
    }
    // bash reads the bash script without a syntax error.
    let (_, script, _) = livret(&["completions", "bash"], &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("livret.bash");
    fs::write(&file, script).unwrap();
    let check = Process::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn manual_pages_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let man = dir.path().join("man");
    let (code, _, err) = livret(&["man", man.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{err}");
    let main = fs::read_to_string(man.join("livret.1")).unwrap();
    assert!(main.contains(".TH livret 1") && main.contains("build"), "{main}");
    let build = fs::read_to_string(man.join("livret-build.1")).unwrap();
    assert!(build.contains("\\-\\-lang") && build.contains("\\-\\-package"), "{build}");
}

#[test]
fn colours_only_when_wanted() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let project = dir.path().to_str().unwrap();
    let bad = ["build", "--lang", "xx", "--project", project];
    let ansi = |err: &str| err.contains('\x1b');
    // Not a terminal: no colour; asked for: colour; NO_COLOR does not stop an explicit ask
    // but stops auto, and never is never.
    assert!(!ansi(&livret(&bad, &[]).2));
    let (_, _, err) = livret(&[&["--color", "always"][..], &bad].concat(), &[]);
    assert!(ansi(&err) && err.contains("error:"), "{err:?}");
    assert!(!ansi(
        &livret(&[&["--color", "auto"][..], &bad].concat(), &[("NO_COLOR", "1")]).2
    ));
    assert!(!ansi(&livret(&[&["--color", "never"][..], &bad].concat(), &[]).2));
}

#[test]
fn quiet_and_verbose() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let project = dir.path().to_str().unwrap();
    let (code, out, _) = livret(&["build", "-q", "--project", project], &[]);
    assert_eq!(code, 0);
    assert!(out.is_empty(), "{out}");
    let (code, out, _) = livret(&["build", "-v", "--force", "--project", project], &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("fr pocket-a6: built in ") && out.contains("project files"),
        "{out}"
    );
    let (code, _, err) = livret(&["build", "-q", "-v", "--project", project], &[]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn typos_get_a_suggestion() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let project = dir.path().to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["buidl"], "hint: a similar subcommand exists: 'build'"),
        (&["build", "--lagn", "fr"], "hint: a similar argument exists: '--lang'"),
        (&["build", "--lang", "frr", "--project", project], "hint: did you mean `fr`?"),
        (
            &["build", "--layout", "pocket-a66", "--project", project],
            "hint: did you mean `pocket-a6`?",
        ),
    ];
    for (args, hint) in cases {
        let (code, _, err) = livret(args, &[]);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains(hint), "{args:?}: {err}");
    }
}
