//! One build at a time per project: `out/.livret/lock` holds the running build's
//! process id. A second build stops with a clear message; a lock left by a build that
//! no longer runs (killed, machine restarted) is taken over.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::project::paths::LOCK_PATH;
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
                    let holder = fs::read_to_string(&path).unwrap_or_default();
                    let pid: Option<u32> = holder.trim().parse().ok();
                    if pid.is_some_and(is_running) {
                        return Err(Error::new(format!(
                            "another livret build is running on this project (process {})",
                            pid.unwrap_or_default()
                        ))
                        .with_hint("wait for it to finish, then build again")
                        .with_hint(format!(
                            "if no build is running, delete {LOCK_PATH} and build again"
                        )));
                    }
                    // Left by a build that is gone: take it over.
                    let _ = fs::remove_file(&path);
                }
                Err(err) => return Err(Error::io("create the build lock", &path, err)),
            }
        }
        Err(Error::new(format!("cannot take the build lock {LOCK_PATH}")))
    }
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
