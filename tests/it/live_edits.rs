//! `livret watch` sees every save: one made during a rebuild (by renaming, as safe
//! editors save), a chapter deleted and written again, and one made while another
//! `livret build` holds the project's lock; each ends in a reading PDF of the saved text.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;

const WAIT: Duration = Duration::from_secs(60);

/// Waits until `path` exists (a paused build made it).
fn wait_for(path: &Path) {
    let started = Instant::now();
    while !path.exists() {
        assert!(started.elapsed() < WAIT, "{} never appeared", path.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Saves `text` at `path` the way safe editors do: a new file renamed over it.
fn save_by_renaming(path: &Path, text: &str) {
    let temp = path.with_file_name(".saving.tmp");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, path).unwrap();
}

/// The text of the reading PDF of the mini project at `root`.
fn reading_text(root: &Path) -> String {
    normalize(&pdf_text(&root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf"), None))
}

#[test]
fn saves_during_a_rebuild_and_recreated_chapters_are_rebuilt() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte de départ.\n")]);
    let root = dir.path();
    let chapter = root.join("sources/fr/01-a.md");
    let pause = root.join("paused");
    let (_guard, lines) =
        spawn_watch_with(root, &[], &[("LIVRET_TEST_PAUSE_FILE", &pause)]);

    // The first build has read the chapter and waits: a save now comes too late for
    // it and must bring a second build.
    wait_for(&pause);
    save_by_renaming(&chapter, "# Un\n\nSauvé pendant la construction.\n");
    fs::remove_file(&pause).unwrap();
    let first = next_event(&lines, WAIT);
    assert!(first.starts_with("built"), "{first}");
    let second = next_event(&lines, WAIT);
    assert!(second.starts_with("built"), "{second}");
    assert!(reading_text(root).contains("Sauvé pendant la construction"));

    // The chapter deleted (the build fails), then written again: rebuilt.
    fs::remove_file(&chapter).unwrap();
    let gone = next_event(&lines, WAIT);
    assert!(gone.starts_with("failed"), "{gone}");
    std::thread::sleep(Duration::from_millis(200));
    fs::write(&chapter, "# Un\n\nRevenu après suppression.\n").unwrap();
    let back = next_event(&lines, WAIT);
    assert!(back.starts_with("built"), "{back}");
    assert!(reading_text(root).contains("Revenu après suppression"));
}

#[test]
fn a_save_while_another_build_runs_is_rebuilt_after_it() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte de départ.\n")]);
    let root = dir.path();
    // The build beside it holds the lock longer than the watch's time limit: only
    // the rebuild is timed, not the wait.
    let (_guard, lines) = spawn_watch(root, &["--timeout", "2"]);
    let first = next_event(&lines, WAIT);
    assert!(first.starts_with("built"), "{first}");

    // `livret build` takes the project's lock and pauses with it.
    let pause = root.join("paused");
    let mut build = livret_process()
        .args(["build", "--no-print", "--force", "--project"])
        .arg(root)
        .env("LIVRET_TEST_PAUSE_FILE", &pause)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for(&pause);
    fs::write(root.join("sources/fr/01-a.md"), "# Un\n\nÉcrit pendant le build.\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(2300));
    fs::remove_file(&pause).unwrap();
    assert!(build.wait().unwrap().success());

    let rebuilt = next_event(&lines, WAIT);
    assert!(rebuilt.starts_with("built"), "the watch waited for the build: {rebuilt}");
    assert!(reading_text(root).contains("Écrit pendant le build"));
}
