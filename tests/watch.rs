//! `livret watch`: a live process rebuilds on edits, survives a broken edit, and
//! picks up the fix.

mod util;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use util::*;

/// The watcher process; killed when dropped.
struct Watching(Child);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits for the next stdout line that starts with `built` or `failed`.
fn next_event(lines: &Receiver<String>) -> String {
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(60))
            .expect("the watcher answers within a minute");
        if line.starts_with("built") || line.starts_with("failed") {
            return line;
        }
    }
}

#[test]
fn rebuilds_on_change_and_survives_errors() {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nPremier état du texte.\n"),
        ("02-b.typ", "= Deux\n\nTexte Typst.\n"),
    ]);
    let root = dir.path();
    let mut child = Command::new(env!("CARGO_BIN_EXE_livret"))
        .args(["watch", "--lang", "fr", "--project"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _guard = Watching(child);
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");

    let first = next_event(&lines);
    assert!(
        first.starts_with("built out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf"),
        "{first}"
    );
    assert!(normalize(&pdf_text(&pdf, None)).contains("Premier état du texte"));

    // Give the watcher time to register the files, then edit a chapter.
    std::thread::sleep(Duration::from_millis(500));
    fs::write(root.join("sources/fr/01-a.md"), "# Un\n\nSecond état, corrigé.\n")
        .unwrap();
    let second = next_event(&lines);
    assert!(second.starts_with("built"), "{second}");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Second état, corrigé"));

    // A broken Typst chapter: an error, the last good PDF stays.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(root.join("sources/fr/02-b.typ"), "= Deux\n\n#table(columns: 2, [a]\n")
        .unwrap();
    let broken = next_event(&lines);
    assert!(broken.starts_with("failed"), "{broken}");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Second état, corrigé"));

    // The fix is picked up.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(root.join("sources/fr/02-b.typ"), "= Deux\n\nTexte réparé.\n").unwrap();
    let fixed = next_event(&lines);
    assert!(fixed.starts_with("built"), "{fixed}");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Texte réparé"));
}
