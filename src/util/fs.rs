//! Files livret writes itself: atomic writes; and the one directory walker.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use typst::syntax::VirtualPath;

use crate::util::diag::{Error, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a reader never sees a half-written file, even if livret is killed
/// midway. (No fsync: it would cost more than imposing a short booklet, and an
/// interrupted build is simply run again.)
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|err| Error::io("create folder", dir, err))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    // Unique per process and write: build threads may write the same cache file.
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|err| {
        let _ = fs::remove_file(&tmp);
        Error::io("write", path, err)
    })
}

/// Every regular file under `dir` (recursively, symlinks not followed), sorted by
/// path; nothing when `dir` does not exist. Errors name the folder that could not be
/// listed.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| {
            let at = err.path().unwrap_or(dir).to_path_buf();
            let io = err.into_io_error().unwrap_or_else(|| std::io::Error::other("loop"));
            Error::io("list", &at, io)
        })?;
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    files.sort();
    Ok(files)
}

/// Why a project path was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblem {
    /// The path leaves the project root (`..`, absolute, or a symlink pointing out).
    Escapes,
    /// The file does not exist.
    NotFound,
    /// Another I/O error.
    Io(String),
}

impl fmt::Display for PathProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Escapes => write!(f, "the path leads outside the project folder"),
            Self::NotFound => write!(f, "file not found"),
            Self::Io(err) => write!(f, "{err}"),
        }
    }
}

/// Resolves a project-relative path to an absolute one, refusing any escape from `root`.
///
/// `root` must be canonical. The path is checked lexically (no `..` above the root,
/// no absolute path) and then through symlinks (the canonical target must be inside).
pub fn resolve_in_root(root: &Path, rel: &str) -> Result<PathBuf, PathProblem> {
    let vpath = VirtualPath::new(rel).map_err(|_| PathProblem::Escapes)?;
    let joined = vpath.realize(root).map_err(|_| PathProblem::Escapes)?;
    let real = joined.canonicalize().map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => PathProblem::NotFound,
        _ => PathProblem::Io(err.to_string()),
    })?;
    if real.starts_with(root) { Ok(real) } else { Err(PathProblem::Escapes) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn files_under_walks_sorted_and_skips_missing() {
        let dir = tempfile::tempdir().unwrap();
        for rel in ["b/z.ttf", "a.otf", "b/c/d.ttf"] {
            write_atomic(&dir.path().join(rel), b"x").unwrap();
        }
        let found: Vec<_> = files_under(dir.path())
            .unwrap()
            .into_iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["a.otf", "b/c/d.ttf", "b/z.ttf"]);
        assert!(files_under(&dir.path().join("none")).unwrap().is_empty());
    }
}
