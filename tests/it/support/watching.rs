//! A `livret watch` process for the tests: started with its stdout read line by line,
//! killed when its guard is dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// The watcher process; killed when dropped.
pub struct Watching(Child);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `livret watch --lang fr --project ROOT` with `extra` arguments: the process
/// guard and its stdout lines.
pub fn spawn_watch(root: &Path, extra: &[&str]) -> (Watching, Receiver<String>) {
    spawn_watch_with(root, extra, &[])
}

/// [`spawn_watch`] with environment variables `env` set.
pub fn spawn_watch_with(
    root: &Path,
    extra: &[&str],
    env: &[(&str, &Path)],
) -> (Watching, Receiver<String>) {
    let mut child = super::livret_process()
        .args(["watch", "--lang", "fr", "--project"])
        .arg(root)
        .args(extra)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (Watching(child), lines)
}

/// The watcher's next stdout line that starts with `built` or `failed`, waiting at most
/// `wait` for each line.
pub fn next_event(lines: &Receiver<String>, wait: Duration) -> String {
    loop {
        let line = lines.recv_timeout(wait).expect("the watcher answers in time");
        if line.starts_with("built") || line.starts_with("failed") {
            return line;
        }
    }
}
