//! The memory budget of the commands that compile in their own process (`check`,
//! `proof`, `preview`, `images`, `watch`): the command runs again as a child of livret
//! under an address-space limit (`--memory`, the limit `build` gives its targets in
//! `build::isolate`). Past it only the child ends; livret says which Typst chapters
//! can run away, and exits 2 instead of aborting. `watch` starts a new child that waits
//! for the next change, so the watch keeps running and says what happened.
//!
//! The child inherits standard input and output; its standard error comes through
//! livret, which leaves out the runtime's "memory allocation … failed" line and the
//! watch's count of builds (a marker line).

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::build::isolate;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::i18n::Text;
use crate::project::manifest;
use crate::tr;
use crate::util::diag::{Error, Result};

/// Set in the child: its budget in bytes.
const CHILD: &str = "LIVRET_MEMORY_BUDGET";
/// Set in a watch's next child: `builds,unix-millis` — the builds done, and when the
/// build that ran out of memory started.
const RESUME: &str = "LIVRET_WATCH_RESUME";
/// The line a supervised watch writes on standard error after each build.
const BUILT: &str = "\u{1e}livret-watch-built";

/// Which command is supervised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Runs once.
    Once,
    /// `watch`: started again after running out of memory.
    Watch,
}

/// Whether this process is the supervised child (its budget already set).
pub fn in_child() -> bool {
    std::env::var_os(CHILD).is_some()
}

/// Where a watch's child starts again: the builds done, and the time after which a
/// change means build at once (it may have come while the child started).
pub fn resume() -> Option<(usize, SystemTime)> {
    let text = std::env::var(RESUME).ok()?;
    let (builds, millis) = text.split_once(',')?;
    let since = UNIX_EPOCH + std::time::Duration::from_millis(millis.parse().ok()?);
    Some((builds.parse().ok()?, since))
}

/// Said by a supervised watch after each build (the parent counts them).
pub fn built() {
    if in_child() {
        eprintln!("{BUILT}");
    }
}

/// Runs `work` under the budget: in this process when it is the child (after setting
/// its limit) or when there is no budget; otherwise the same command line in a child.
/// `langs` are the languages whose Typst chapters the error names (all when empty).
pub fn run(
    memory: Option<u64>,
    project: &Path,
    langs: &[String],
    kind: Kind,
    work: impl FnOnce() -> Result<ExitStatus>,
) -> Result<ExitStatus> {
    if let Some(bytes) = std::env::var(CHILD).ok().and_then(|b| b.parse().ok()) {
        isolate::limit_memory(bytes)?;
        leave_with_parent();
        return work();
    }
    let Some(bytes) = memory else { return work() };
    let (mut builds, mut since) = (0, None);
    loop {
        let resume = since.map(|since| (builds, since));
        let ended = run_child(bytes, resume_of(resume))?;
        if ended.status.is_none() {
            crate::build::lock::release_held_by(project, ended.pid);
        }
        builds += ended.builds;
        if let Some(status) = ended.status {
            return Ok(status);
        }
        // Changes after the child ended are new: the next child builds at once for them
        // (a little before: file times come from a coarser clock; the failed build
        // itself started well before, with the change that made it).
        let ended = SystemTime::now() - std::time::Duration::from_millis(20);
        let err = out_of_memory(bytes, project, langs);
        if kind == Kind::Once {
            return Err(err);
        }
        // The watch goes on: a new child waits for the next change.
        eprintln!("{}", term::render_error(&err));
        term::info(&tr!("cli-watch-failed"));
        builds += 1;
        since = Some(ended);
    }
}

/// The resume variable's value.
fn resume_of(resume: Option<(usize, SystemTime)>) -> Option<String> {
    let (builds, since) = resume?;
    let millis = since.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    Some(format!("{builds},{millis}"))
}

/// How a child ended: its exit status when it said how its command went, `None` when
/// it ran out of memory (or was ended by a signal); the builds it reported; its pid.
struct Ended {
    status: Option<ExitStatus>,
    builds: usize,
    pid: u32,
}

/// Runs this command line again in a child under `bytes`, its standard error through
/// this process.
fn run_child(bytes: u64, resume: Option<String>) -> Result<Ended> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::new(tr!("shop-self-find", reason = e.to_string())))?;
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut command = Command::new(exe);
    command
        .args(args)
        .env(CHILD, bytes.to_string())
        .env(term::PARENT_COLOUR, if term::get().colour { "1" } else { "0" })
        // Fewer malloc arenas: each would reserve 64 MiB of the address space.
        .env("MALLOC_ARENA_MAX", "2")
        .stderr(Stdio::piped());
    match resume {
        Some(value) => command.env(RESUME, value),
        None => command.env_remove(RESUME),
    };
    let mut child = command
        .spawn()
        .map_err(|e| Error::new(tr!("shop-self-start", reason = e.to_string())))?;
    let pid = child.id();
    let builds = Arc::new(AtomicUsize::new(0));
    let memory_said = Arc::new(AtomicUsize::new(0));
    let forward = child.stderr.take().map(|stderr| {
        let (builds, said) = (builds.clone(), memory_said.clone());
        std::thread::spawn(move || forward_stderr(stderr, &builds, &said))
    });
    let status = child
        .wait()
        .map_err(|e| Error::new(tr!("shop-self-wait", reason = e.to_string())))?;
    if let Some(forward) = forward {
        let _ = forward.join();
    }
    let builds = builds.load(Ordering::SeqCst);
    // An allocation that failed aborts (SIGABRT); the kernel may kill (SIGKILL), and a
    // stack that cannot grow faults (SIGSEGV).
    let ran_out = memory_said.load(Ordering::SeqCst) > 0
        || isolate::killed_by(Some(status), &[6, 9, 11]);
    let status = match status.code() {
        _ if ran_out => None,
        Some(0) => Some(ExitStatus::Success),
        Some(1) => Some(ExitStatus::Problems),
        _ => Some(ExitStatus::Error),
    };
    Ok(Ended { status, builds, pid })
}

/// Copies the child's standard error to ours, line by line, but for the runtime's
/// allocation failure and what follows it (counted in `said`) and the watch's build
/// markers (counted).
fn forward_stderr(stderr: impl std::io::Read, builds: &AtomicUsize, said: &AtomicUsize) {
    let mut reader = BufReader::new(stderr);
    let mut line = Vec::new();
    let mut out = std::io::stderr();
    while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
        let text = String::from_utf8_lossy(&line);
        let trimmed = text.trim_end();
        if trimmed == BUILT {
            builds.fetch_add(1, Ordering::SeqCst);
        } else if trimmed.starts_with("memory allocation of")
            && trimmed.ends_with("failed")
            || said.load(Ordering::SeqCst) > 0
        {
            // The failure, then the runtime's backtrace of it (with RUST_BACKTRACE).
            said.fetch_add(1, Ordering::SeqCst);
        } else {
            let _ = out.write_all(&line);
            let _ = out.flush();
        }
        line.clear();
    }
}

/// The error of a command that ran out of its budget, naming the Typst chapters of
/// `langs` (the only chapters that run code).
fn out_of_memory(bytes: u64, project: &Path, langs: &[String]) -> Error {
    let suspects = manifest::load(project).ok().map(|m| {
        let langs: Vec<String> = if langs.is_empty() {
            m.languages.iter().map(|l| l.code.clone()).collect()
        } else {
            langs.to_vec()
        };
        let mut all: Vec<String> =
            langs.iter().flat_map(|l| isolate::typst_chapters(&m, l)).collect();
        all.sort();
        all.dedup();
        all
    });
    let suspects = match suspects {
        Some(files) if !files.is_empty() => Text::raw(files.join(", ")),
        _ => tr!("shop-memory-unknown-chapters"),
    };
    Error::new(tr!("shop-memory-stopped", budget = budget(bytes)))
        .with_hint(tr!("shop-memory-look-at", files = suspects))
        .with_hint(tr!("shop-memory-allow-more"))
}

/// A budget as people write it, in the interface language: `4.0 GB`, `4,0 Go`, `600 MB`.
fn budget(bytes: u64) -> Text {
    let comma = |n: String| match crate::i18n::current() {
        crate::i18n::UiLang::Fr => n.replace('.', ","),
        _ => n,
    };
    if bytes >= 1_000_000_000 {
        tr!("shop-memory-gb", size = comma(format!("{:.1}", bytes as f64 / 1e9)))
    } else {
        tr!("shop-memory-mb", size = (bytes / 1_000_000).to_string())
    }
}

/// Ends this child when its parent is gone (killed: nobody would stop it otherwise).
fn leave_with_parent() {
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_millis(200));
                if std::os::unix::process::parent_id() != parent {
                    std::process::exit(2);
                }
            }
        });
    }
}
