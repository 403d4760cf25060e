//! One build at a time per project: `out/.livret/lock` holds the running build's
//! process id. A second build stops with a clear message; a lock left by a build that
//! no longer runs (killed, machine restarted) is taken over.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::project::paths::LOCK_PATH;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::output_path;

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct BuildLock {
    path: PathBuf,
}

impl BuildLock {
    /// Takes the project's build lock, or explains who holds it.
    pub fn acquire(root: &Path) -> Result<Self> {
        let path = output_path(root, LOCK_PATH)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
        }
        for _ in 0..2 {
            match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let _ = write!(file, "{}", std::process::id());
                    return Ok(Self { path });
                }
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                    if let Some(pid) = holder(&path).filter(|&pid| is_running(pid)) {
                        return Err(held(&path, pid));
                    }
                    // Left by a build that is gone: take it over.
                    let _ = fs::remove_file(&path);
                }
                Err(err) => return Err(Error::io("create the build lock", &path, err)),
            }
        }
        Err(Error::new(tr!("build-lock-failed", path = LOCK_PATH)))
    }

    /// Takes the project's build lock, waiting up to `limit` while another livret
    /// process holds it (`watch` rebuilds a save made during a `build` once that build
    /// is over, rather than dropping it); a holder that is not livret is not waited for.
    pub fn acquire_waiting(root: &Path, limit: Duration) -> Result<Self> {
        let started = Instant::now();
        loop {
            match Self::acquire(root) {
                Ok(lock) => return Ok(lock),
                Err(err) if started.elapsed() >= limit || !held_by_livret(root) => {
                    return Err(err);
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}

/// Whether a running livret process holds the project's lock.
fn held_by_livret(root: &Path) -> bool {
    let Ok(path) = output_path(root, LOCK_PATH) else { return false };
    holder(&path)
        .filter(|&pid| is_running(pid))
        .and_then(process_name)
        .is_some_and(|name| is_livret(&name))
}

/// The process id written in the lock file at `path`, if it holds one.
fn holder(path: &Path) -> Option<u32> {
    fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Whether a process name is livret's.
fn is_livret(name: &str) -> bool {
    name.starts_with("livret")
}

/// Removes the project's lock when process `pid` holds it: a child of livret that
/// ended without dropping it (its memory ran out) would otherwise leave it to any
/// program that gets its pid next.
pub fn release_held_by(root: &Path, pid: u32) {
    let Ok(path) = output_path(root, LOCK_PATH) else { return };
    if holder(&path) == Some(pid) {
        let _ = fs::remove_file(&path);
    }
}

/// The error for a lock held by a live process: never wait (the holder may be any
/// program that got the pid of a killed build), say who holds it and how to clear it.
fn held(path: &Path, pid: u32) -> Error {
    let name = process_name(pid);
    let message = match &name {
        Some(name) => tr!("build-lock-held-named", pid = pid, name = name, path = path),
        None => tr!("build-lock-held", pid = pid, path = path),
    };
    let mut err = Error::new(message).with_hint(tr!("build-lock-held-wait"));
    if name.as_deref().is_some_and(|n| !is_livret(n)) {
        err = err.with_hint(tr!("build-lock-not-livret", pid = pid));
    }
    err.with_hint(tr!("build-lock-remove", path = path))
}

/// The command name of a process, where the system tells it (Linux).
fn process_name(pid: u32) -> Option<String> {
    let name = fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    Some(name.trim().to_string()).filter(|n| !n.is_empty())
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether a process with this id runs on this machine.
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Elsewhere, assume the holder runs: the message says how to clear a stale lock.
        true
    }
}
