//! The one door of livret's own reads and writes (outside the typst World, which
//! uses [`resolve_in_root`] too): project files read inside the project root with no
//! symlink escape, outputs written atomically and never through a folder symlink that
//! leads out of the project, the temporary files of killed runs swept away, and the
//! one directory walker.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use typst::syntax::VirtualPath;

use crate::i18n::Text;
use crate::tr;
use crate::util::diag::{Error, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a reader never sees a half-written file, even if livret is killed
/// midway. (No fsync: it would cost more than imposing a short booklet, and an
/// interrupted build is simply run again.) The rename replaces a symlink at `path`
/// itself, never the file it points to. The first write of a run in a folder also
/// removes the temporary files that killed runs left there ([`sweep_temps`]).
///
/// For a path the user chose (`livret impose -o`, `livret new DIR`); a file of a
/// project goes through [`write_project`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir =
        path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|err| Error::io("create folder", dir, err))?;
    sweep_once(dir);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    // Unique per process and write: build threads may write the same cache file.
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        // `create_new`: never open a file (or a symlink) someone put at that name.
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|err| {
        let _ = fs::remove_file(&tmp);
        Error::io("write", path, err)
    })
}

/// The regular files directly in `dir` (not in its subfolders; symlinks not
/// followed), sorted; nothing when `dir` does not exist.
pub fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).max_depth(1) {
        let entry = entry.map_err(|err| {
            let io = err.into_io_error().unwrap_or_else(|| std::io::Error::other("loop"));
            Error::io("list", dir, io)
        })?;
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    files.sort();
    Ok(files)
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
            Self::Escapes => write!(f, "{}", tr!("util-path-escapes")),
            Self::NotFound => write!(f, "{}", tr!("util-file-not-found")),
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

/// How old another run's temporary file must be to be removed even when a process
/// with its id is running: ids are reused, and a write takes well under a second, so
/// a ten-minute-old temporary file is abandoned.
const STALE_TEMP: Duration = Duration::from_secs(600);

/// Sweeps `dir` on this run's first write there (later writes in the same folder skip
/// the listing).
fn sweep_once(dir: &Path) {
    static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let first = SWEPT
        .lock()
        .map(|mut swept| swept.get_or_insert_with(HashSet::new).insert(dir.to_path_buf()))
        .unwrap_or(false);
    if first {
        sweep_temps(dir);
    }
}

/// Removes from `dir` the temporary files [`write_atomic`] names
/// (`.<name>.<pid>-<n>.tmp`) that belong to another process which is no longer
/// running (a run killed with `kill -9` mid-write), or that are older than ten
/// minutes. Nothing else is touched: not other names, not this run's files, not those
/// of a live run (two builds, or a build and `livret watch`, may write at once). Gives
/// the files removed; failures are ignored (the next run tries again).
pub fn sweep_temps(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let me = std::process::id();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else { continue };
        let Ok(meta) = entry.metadata() else { continue };
        let age =
            meta.modified().ok().and_then(|m| SystemTime::now().duration_since(m).ok());
        let abandoned = !process_running(pid) || age.is_some_and(|a| a > STALE_TEMP);
        if pid != me
            && meta.is_file()
            && abandoned
            && fs::remove_file(entry.path()).is_ok()
        {
            removed.push(entry.path());
        }
    }
    removed
}

/// The process id in a temporary name of [`write_atomic`]: `.<name>.<pid>-<n>.tmp`.
fn temp_owner(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tag) = inner.rsplit_once('.')?;
    let (pid, n) = tag.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok()).flatten()
}

/// Whether a process with this id runs (Linux: `/proc/<pid>`); elsewhere assumed
/// running, so only the age rule removes temporary files.
fn process_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// Reads the project file at `rel` (relative to the canonical `root`, or absolute
/// inside it), refusing a path or symlink that leads outside the project.
pub fn read_project(root: &Path, rel: impl AsRef<Path>) -> Result<Vec<u8>> {
    let rel = rel.as_ref();
    match read_project_if_exists(root, rel)? {
        Some(bytes) => Ok(bytes),
        None => {
            let at = if rel.is_absolute() { rel.to_path_buf() } else { root.join(rel) };
            let err = fs::metadata(at)
                .err()
                .unwrap_or_else(|| std::io::ErrorKind::NotFound.into());
            Err(Error::io("read", &display_rel(root, rel), err))
        }
    }
}

/// Like [`read_project`] as text (UTF-8).
pub fn read_project_text(root: &Path, rel: impl AsRef<Path>) -> Result<String> {
    let rel = rel.as_ref();
    let bytes = read_project(root, rel)?;
    String::from_utf8(bytes).map_err(|_| {
        Error::new(tr!("util-not-utf8", path = display_rel(root, rel)))
            .with_hint(tr!("util-not-utf8-hint"))
    })
}

/// The bytes of the cache file at `path`, if it is a regular file (a pipe or a device
/// put in its place would block or never end) and can be read.
pub fn read_cache_file(path: &Path) -> Option<Vec<u8>> {
    if !fs::metadata(path).ok()?.is_file() {
        return None;
    }
    fs::read(path).ok()
}

/// Like [`read_project`], `None` when the file does not exist.
pub fn read_project_if_exists(
    root: &Path,
    rel: impl AsRef<Path>,
) -> Result<Option<Vec<u8>>> {
    let rel = inside(root, rel.as_ref())?;
    let text = rel.to_string_lossy();
    match resolve_in_root(root, &text) {
        Ok(path) => fs::read(&path).map(Some).map_err(|e| Error::io("read", &rel, e)),
        Err(PathProblem::NotFound) => Ok(None),
        Err(PathProblem::Escapes) => Err(escape_error(root, &rel, true)),
        Err(PathProblem::Io(err)) => {
            Err(Error::new(tr!("io-failed-read", path = &*text, reason = err)))
        }
    }
}

/// The real path of the project folder `rel`, `None` when it does not exist; refuses
/// a folder (or symlink) that leads outside the project, such as `fonts/` linked to
/// `/usr`.
pub fn project_dir(root: &Path, rel: &str) -> Result<Option<PathBuf>> {
    match resolve_in_root(root, rel) {
        Ok(path) => Ok(path.is_dir().then_some(path)),
        Err(PathProblem::NotFound) => Ok(None),
        Err(PathProblem::Escapes) => Err(escape_error(root, Path::new(rel), true)),
        Err(PathProblem::Io(err)) => {
            Err(Error::new(tr!("io-failed-open", path = rel, reason = err)))
        }
    }
}

/// Writes an output of the project at `rel` (relative to the canonical `root`, or
/// absolute inside it) with [`write_atomic`].
///
/// A folder on the way that is a symlink leading outside the project is refused (the
/// error names it): writing through it would put livret's files, or overwrite
/// others, elsewhere, and the link is the user's to fix. A symlink at the file itself
/// is replaced by the new file (the rename replaces the link, never its target):
/// the output is livret's own, and the target is left untouched.
pub fn write_project(root: &Path, rel: impl AsRef<Path>, bytes: &[u8]) -> Result<()> {
    write_atomic(&output_path(root, rel)?, bytes)
}

/// The absolute path where livret may write the project output `rel` (relative to
/// the canonical `root`, or absolute inside it): refused when a folder on the way is
/// a symlink leading outside the project (see [`write_project`]).
pub fn output_path(root: &Path, rel: impl AsRef<Path>) -> Result<PathBuf> {
    let rel = inside(root, rel.as_ref())?;
    if let Some(parent) = rel.parent() {
        let mut at = root.to_path_buf();
        for part in parent.components() {
            at.push(part);
            match fs::symlink_metadata(&at) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    if !fs::canonicalize(&at).is_ok_and(|real| real.starts_with(root)) {
                        return Err(escape_error(root, &rel, false));
                    }
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }
    Ok(root.join(&rel))
}

/// Moves the project file `from` to `to` (both relative to the canonical `root`) in
/// one rename, creating `to`'s folder: never onto an existing file (the error says
/// so), never from or to a place outside the project (a symlink leading out is
/// refused, as for [`read_project`] and [`write_project`]).
pub fn rename_project(root: &Path, from: &str, to: &str) -> Result<()> {
    let source = match resolve_in_root(root, from) {
        Ok(_) => root.join(inside(root, Path::new(from))?),
        Err(PathProblem::Escapes) => {
            return Err(escape_error(root, Path::new(from), true));
        }
        Err(PathProblem::NotFound) => {
            return Err(Error::io(
                "move",
                Path::new(from),
                std::io::ErrorKind::NotFound.into(),
            ));
        }
        Err(PathProblem::Io(err)) => {
            return Err(Error::new(tr!("io-failed-move", path = from, reason = err)));
        }
    };
    let target = output_path(root, to)?;
    if target.symlink_metadata().is_ok() {
        return Err(Error::new(tr!("util-move-target-exists", path = to))
            .with_hint(tr!("util-move-target-exists-hint", path = to)));
    }
    if let Some(dir) = target.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    }
    fs::rename(&source, &target).map_err(|e| Error::io("move", Path::new(from), e))
}

/// An exclusive lock on a project file, held until dropped. The system releases it
/// when the process ends, killed or not, so a lock is never left behind.
#[derive(Debug)]
pub struct FileLock {
    /// The locked file and its path (`None`: this thread already held the lock).
    held: Option<(fs::File, PathBuf)>,
}

impl Drop for FileLock {
    fn drop(&mut self) {
        if let Some((file, path)) = self.held.take() {
            let _ = file.unlock();
            if let Ok(mut held) = HELD_LOCKS.lock() {
                held.retain(|(p, _)| *p != path);
            }
        }
    }
}

/// The locks this process holds, with the thread holding each: taking a lock a
/// thread already holds is a no-op (the system would make it wait for itself).
static HELD_LOCKS: Mutex<Vec<(PathBuf, std::thread::ThreadId)>> = Mutex::new(Vec::new());

/// Takes the exclusive lock of the project file `rel` (created empty when absent,
/// never through a folder symlink leading out), waiting up to `wait` for other
/// processes holding it; `what` names what it protects in the error given when the
/// wait is over. Read-modify-write of a shared file (status.toml) under this lock
/// loses no other process's change.
pub fn lock_project(
    root: &Path,
    rel: impl AsRef<Path>,
    what: &Text,
    wait: Duration,
) -> Result<FileLock> {
    let path = output_path(root, rel.as_ref())?;
    let me = std::thread::current().id();
    if HELD_LOCKS.lock().is_ok_and(|h| h.iter().any(|(p, t)| *p == path && *t == me)) {
        return Ok(FileLock { held: None });
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    }
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io("open the lock", &path, e))?;
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(15));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::new(tr!(
                    "util-lock-busy",
                    what = what,
                    seconds = wait.as_secs(),
                    path = display_rel(root, &path)
                ))
                .with_hint(tr!("util-lock-busy-hint")));
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(Error::io("lock", &path, e));
            }
        }
    }
    if let Ok(mut held) = HELD_LOCKS.lock() {
        held.push((path.clone(), me));
    }
    Ok(FileLock { held: Some((file, path)) })
}

/// `path` relative to `root`: a relative path without `..`, or an absolute one under
/// `root`; anything else leads outside the project.
fn inside(root: &Path, path: &Path) -> Result<PathBuf> {
    let rel = if path.is_absolute() { path.strip_prefix(root).ok() } else { Some(path) };
    let clean = rel.filter(|r| {
        r.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    });
    clean.map(Path::to_path_buf).ok_or_else(|| {
        Error::new(tr!("util-outside", path = path)).with_hint(tr!("util-outside-hint"))
    })
}

/// `path` as shown in errors: relative to the project when inside it.
fn display_rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The error for a project path that leads outside through a symlink, naming the
/// first link on the way (the file itself too when `reading`) and where it points.
fn escape_error(root: &Path, rel: &Path, reading: bool) -> Error {
    let mut at = root.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    let checked = if reading { parts.len() } else { parts.len().saturating_sub(1) };
    for part in &parts[..checked] {
        at.push(part);
        let is_link = fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
        let real = fs::canonicalize(&at);
        if is_link && !real.as_ref().is_ok_and(|r| r.starts_with(root)) {
            let target = fs::read_link(&at).map(|t| t.display().to_string());
            let link = display_rel(root, &at);
            let target = target.map_or_else(|_| tr!("util-unreadable-place"), Text::raw);
            let message = if reading {
                tr!("util-symlink-out-read", link = &link, target = target)
            } else {
                tr!("util-symlink-out-write", link = &link, target = target)
            };
            let hint = if at.is_dir() {
                tr!("util-symlink-folder-hint", link = &link)
            } else {
                tr!("util-symlink-file-hint", link = &link)
            };
            return Error::new(message).with_hint(hint);
        }
    }
    Error::new(tr!("util-outside", path = rel)).with_hint(tr!("util-outside-hint"))
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
    fn a_cache_file_that_is_a_pipe_or_a_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kept.bin");
        fs::write(&file, b"kept").unwrap();
        assert_eq!(read_cache_file(&file).as_deref(), Some(&b"kept"[..]));
        assert_eq!(read_cache_file(dir.path()), None);
        assert_eq!(read_cache_file(&dir.path().join("missing")), None);
        // A named pipe: reading it would wait for a writer forever.
        let pipe = dir.path().join("pipe.bin");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(read_cache_file(&pipe), None);
        }
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

    #[test]
    fn temp_names_are_recognised_and_nothing_else() {
        assert_eq!(temp_owner(".book.pdf.4242-7.tmp"), Some(4242));
        assert_eq!(temp_owner(".a.json.1-0.tmp"), Some(1));
        for other in
            [".notes.tmp", "book.pdf.1-0.tmp", ".x.12-ab.tmp", ".x.-1.tmp", ".x.1-0"]
        {
            assert_eq!(temp_owner(other), None, "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn reads_and_writes_stay_inside_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let outside = tempfile::tempdir().unwrap();
        write_project(&root, "a/b.txt", b"in").unwrap();
        assert_eq!(read_project(&root, "a/b.txt").unwrap(), b"in");
        assert_eq!(read_project(&root, root.join("a/b.txt")).unwrap(), b"in");
        assert!(read_project_if_exists(&root, "a/none").unwrap().is_none());
        assert!(read_project(&root, "../x").is_err());
        std::os::unix::fs::symlink(outside.path(), root.join("out")).unwrap();
        let err = write_project(&root, "out/x.pdf", b"x").unwrap_err();
        assert!(err.message.starts_with("out is a symlink to"), "{}", err.message);
        assert!(read_project(&root, "out/x.pdf").is_err());
        assert!(fs::read_dir(outside.path()).unwrap().next().is_none());
    }
}
