//! What `check --accept` and `check --intended` say besides their confirmations, in
//! English and in French: a chapter accepted while blocks still carry the `[fr]` mark,
//! a finding marked as intended that check does not report on that block.

use std::fs;
use std::path::Path;

use crate::support::*;

/// Runs `livret check --project <dir> <args…>` under `LANG=<lang>`: (code, stderr).
fn check_in(dir: &Path, lang: &str, args: &[&str]) -> (i32, String) {
    let mut cmd = crate::support::livret_assert();
    cmd.args(["check", "--project", dir.to_str().unwrap()]).args(args);
    for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LIVRET_LANG", "LANGUAGE"] {
        cmd.env_remove(name);
    }
    let out = cmd.env("LANG", lang).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn accepting_a_chapter_with_blocks_still_marked_warns_and_still_accepts() {
    let dir = sample_project();
    let chapter = dir.path().join("sources/en/02-forces.md");
    fs::write(&chapter, "# The forces\n\n[fr] Un paragraphe.\n\n[fr] Un autre.\n")
        .unwrap();
    let (_, stderr) =
        check_in(dir.path(), "C", &["--lang", "en", "--accept", "02-forces"]);
    assert!(stderr.contains("02-forces"), "{stderr}");
    assert!(
        stderr.contains(
            "warning: 02-forces still has 2 blocks marked [fr]: they remain to translate (the first at sources/en/02-forces.md:3)"
        ),
        "{stderr}"
    );
    // Accepted all the same: the status file records it.
    let status = fs::read_to_string(dir.path().join("sources/en/status.toml")).unwrap();
    assert!(status.contains("02-forces"), "{status}");
    let (_, stderr) =
        check_in(dir.path(), "fr_FR.UTF-8", &["--lang", "en", "--accept", "02-forces"]);
    assert!(
        stderr.contains("avertissement : 02-forces a encore 2 blocs marqués [fr] : ils restent à traduire"),
        "{stderr}"
    );
    // A chapter with no mark left: no warning.
    let (_, stderr) =
        check_in(dir.path(), "C", &["--lang", "en", "--accept", "05-signaler"]);
    assert!(!stderr.contains("warning: 05-signaler"), "{stderr}");
}

#[test]
fn marking_a_finding_that_is_not_there_as_intended_warns() {
    let dir = sample_project();
    let id = "01-introduction#heading-64e7722f";
    let item = format!("{id}:punctuation");
    let (_, stderr) = check_in(dir.path(), "C", &["--lang", "en", "--intended", &item]);
    assert!(
        stderr.contains(&format!(
            "warning: check finds no punctuation finding on {id} now: the mark is kept but silences nothing"
        )),
        "{stderr}"
    );
    let (_, stderr) =
        check_in(dir.path(), "fr_FR.UTF-8", &["--lang", "en", "--intended", &item]);
    assert!(
        stderr.contains(&format!(
            "avertissement : check ne trouve aucun problème « punctuation » sur {id} en ce moment"
        )),
        "{stderr}"
    );
    // A finding check does report (bm's heading ends without its `?`): no warning.
    let real = "01-introduction#heading-f8e01071:punctuation";
    let (_, stderr) = check_in(dir.path(), "C", &["--lang", "bm", "--intended", real]);
    assert!(stderr.contains("marked as intended"), "{stderr}");
    assert!(!stderr.contains("finds no"), "{stderr}");
}
