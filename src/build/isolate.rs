//! A target built in a child process of livret with an address-space limit
//! (`build --memory`): whatever a chapter does (a string doubled forty times, an
//! array without end, an image decoded from bytes), past the budget only that child
//! ends; the build names the target and its Typst chapters, the other targets finish,
//! and livret itself never aborts.
//!
//! The child is this program again, run with the hidden command [`COMMAND`]; it sets
//! its own limit first, then tells its stages and its outcome as lines on its
//! standard output (`stage\t…`, then `done\t{json}` or `error\t{json}`).

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::build::options::BuildOptions;
use crate::build::output::BuiltTarget;
use crate::i18n::{Text, decimal};
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::targets::TargetId;
use crate::tr;
use crate::util::diag::{Error, Result};

/// The hidden command the child runs.
pub const COMMAND: &str = "__isolated";

/// The smallest budget accepted: below it livret itself does not start.
pub const MIN_MEMORY: u64 = 512 << 20;

/// What the parent asks of a child (the options as the child's command line).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChildJob {
    /// The project folder.
    pub project: std::path::PathBuf,
    /// The target.
    pub lang: String,
    /// The target's layout.
    pub layout: String,
    /// `--strict`.
    pub strict: bool,
    /// Print files too.
    pub print: bool,
    /// `--system-fonts`.
    pub system_fonts: bool,
    /// `--force`.
    pub force: bool,
    /// `--pdf-standard`, as typst names it.
    pub pdf_standard: Option<String>,
    /// The fingerprint every target of the build shares, when the parent computed it
    /// (it did not load the fonts when every target runs in a child: the child does).
    pub fixed: Option<String>,
    /// The address-space budget in bytes.
    pub memory: u64,
}

/// An error as the child reports it.
#[derive(Serialize, Deserialize)]
struct Failure {
    /// The message (serialised whole: both languages).
    message: Text,
    /// The hints.
    hints: Vec<Text>,
}

/// Runs in the child: limits its address space, builds the target with `build`,
/// says how it went on standard output. Never fails: every error is a line for the
/// parent.
pub fn child_main(job: &ChildJob, build: impl FnOnce(&ChildJob) -> Result<BuiltTarget>) {
    let outcome = limit_memory(job.memory).and_then(|()| build(job));
    let line = match outcome {
        Ok(built) => {
            format!(
                "done\t{}",
                crate::i18n::serialize_whole(|| serde_json::to_string(&built))
                    .unwrap_or_default()
            )
        }
        Err(err) => {
            let failure = Failure { message: err.message, hints: err.hints };
            format!(
                "error\t{}",
                crate::i18n::serialize_whole(|| serde_json::to_string(&failure))
                    .unwrap_or_default()
            )
        }
    };
    println!("{line}");
}

/// Sets this process's address-space limit.
pub fn limit_memory(bytes: u64) -> Result<()> {
    #[cfg(unix)]
    rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes).map_err(|e| {
        Error::new(tr!("build-memory-limit-failed", reason = e.to_string()))
    })?;
    #[cfg(not(unix))]
    let _ = bytes;
    Ok(())
}

/// The child's job for one target of a build.
pub fn job(
    options: &BuildOptions,
    id: &TargetId,
    fixed: Option<&str>,
    memory: u64,
) -> ChildJob {
    ChildJob {
        project: options.project.clone(),
        lang: id.lang.clone(),
        layout: id.layout.clone(),
        strict: options.strict,
        print: options.print,
        system_fonts: options.system_fonts,
        force: options.force,
        // As typst names it (`a-2b`), which `parse_standard` reads back.
        pdf_standard: options.pdf_standard.map(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        }),
        fixed: fixed.map(str::to_string),
        memory,
    }
}

/// What the parent hears from a child.
enum Heard {
    Stage(String),
    Done(Box<BuiltTarget>),
    Failed(Error),
}

/// Builds one target in a child process, passing its stages on, killing it after
/// `options.timeout`; an error naming the target and its Typst chapters when it
/// ends without saying how it went (past the memory budget, or worse).
pub fn build_in_child(
    manifest: &Manifest,
    job: &ChildJob,
    timeout: Option<std::time::Duration>,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<BuiltTarget> {
    let exe = std::env::current_exe().map_err(|e| {
        Error::new(tr!("build-own-program-missing", reason = e.to_string()))
    })?;
    let spec = serde_json::to_string(job).expect("serialises");
    let mut child = Command::new(exe)
        .args([COMMAND, &spec])
        // Fewer malloc arenas: each would reserve 64 MiB of the address space.
        .env("MALLOC_ARENA_MAX", "2")
        // The child speaks the parent's language (`--ui-lang` is not on its command line).
        .env("LIVRET_LANG", crate::i18n::current().code())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::new(tr!("build-process-failed", reason = e.to_string())))?;
    let heard = listen(&mut child);
    let stderr = collect_stderr(&mut child);
    let deadline = timeout.map(|limit| Instant::now() + limit);
    let id = TargetId { lang: job.lang.clone(), layout: job.layout.clone() };
    loop {
        let message = match deadline {
            Some(deadline) => {
                heard.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            }
            None => heard.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        match message {
            Ok(Heard::Stage(what)) => stage(&what),
            Ok(Heard::Done(built)) => {
                let _ = child.wait();
                return Ok(*built);
            }
            Ok(Heard::Failed(err)) => {
                let _ = child.wait();
                return Err(err);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(timed_out(&id, timeout.unwrap_or_default()));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = child.wait().ok();
                let stderr = stderr.join().unwrap_or_default();
                return Err(ended(manifest, job, status, &stderr));
            }
        }
    }
}

/// The error of a target that took longer than the limit.
pub fn timed_out(id: &TargetId, limit: std::time::Duration) -> Error {
    let target = format!("{} {}", id.lang, id.layout);
    let seconds = limit.as_secs();
    Error::new(tr!("build-timed-out", target = target, seconds = seconds))
        .with_hint(tr!("build-timed-out-loop"))
        .with_hint(tr!("build-timed-out-more"))
}

/// Reads the child's lines on a thread; what it says, in order.
fn listen(child: &mut Child) -> mpsc::Receiver<Heard> {
    let (send, receive) = mpsc::channel();
    let Some(stdout) = child.stdout.take() else { return receive };
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            let heard = match line.split_once('\t') {
                Some(("stage", what)) => Heard::Stage(what.to_string()),
                Some(("done", json)) => match serde_json::from_str(json) {
                    Ok(built) => Heard::Done(Box::new(built)),
                    Err(e) => Heard::Failed(Error::new(tr!(
                        "build-process-unreadable",
                        reason = e.to_string()
                    ))),
                },
                Some(("error", json)) => {
                    let failure: Failure =
                        serde_json::from_str(json).unwrap_or(Failure {
                            message: Text::raw(json),
                            hints: Vec::new(),
                        });
                    Heard::Failed(Error {
                        message: failure.message,
                        hints: failure.hints,
                    })
                }
                _ => continue,
            };
            if send.send(heard).is_err() {
                break;
            }
        }
    });
    receive
}

/// Keeps the last 4 KiB of the child's standard error.
fn collect_stderr(child: &mut Child) -> std::thread::JoinHandle<String> {
    let stderr = child.stderr.take();
    std::thread::spawn(move || {
        let mut tail = Vec::new();
        if let Some(mut stderr) = stderr {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 4096 {
                    tail.drain(..tail.len() - 4096);
                }
            }
        }
        String::from_utf8_lossy(&tail).to_string()
    })
}

/// The error of a child that ended without saying how its build went.
fn ended(
    manifest: &Manifest,
    job: &ChildJob,
    status: Option<std::process::ExitStatus>,
    stderr: &str,
) -> Error {
    let target = format!("{} {}", job.lang, job.layout);
    let typst = typst_chapters(manifest, &job.lang);
    let suspects = if typst.is_empty() {
        tr!("build-suspects-any")
    } else {
        Text::raw(typst.join(", "))
    };
    let memory = stderr.contains("memory allocation")
        || stderr.contains("out of memory")
        || stderr.contains("capacity overflow")
        || stderr.contains("failed to spawn thread")
        || killed_by(status, &[6, 9, 11]);
    if memory {
        let memory = shown(job.memory);
        return Error::new(tr!("build-out-of-memory", target = &target, memory = memory))
            .with_hint(tr!("build-out-of-memory-look", suspects = &suspects))
            .with_hint(tr!("build-out-of-memory-more"));
    }
    let last = match stderr.lines().last() {
        Some(line) => Text::raw(line),
        None => tr!("build-process-silent"),
    };
    Error::new(tr!("build-process-stopped", target = &target, last = last))
        .with_hint(tr!("build-process-stopped-look", suspects = &suspects))
}

/// Whether a child was ended by one of these signals.
pub fn killed_by(status: Option<std::process::ExitStatus>, signals: &[i32]) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.and_then(|s| s.signal()).is_some_and(|s| signals.contains(&s))
    }
    #[cfg(not(unix))]
    {
        let _ = (status, signals);
        false
    }
}

/// Whether a target of `lang` shows a Typst chapter: only code can grow without end
/// (Markdown is converted with every character escaped, its images are checked
/// against the pixel limit), so only such a target needs a process of its own.
pub fn runs_code(manifest: &Manifest, lang: &str) -> bool {
    !typst_chapters(manifest, lang).is_empty()
}

/// A budget as people write it: `4 GB`, `1500 MB` (`Go`, `Mo` in French).
pub fn shown(bytes: u64) -> Text {
    if bytes >= 1_000_000_000 {
        tr!("build-size-gb", size = decimal(bytes as f64 / 1e9, 1))
    } else {
        tr!("build-size-mb", size = bytes / 1_000_000)
    }
}

/// The Typst chapters a target of `lang` shows (the only chapters that run code).
pub fn typst_chapters(manifest: &Manifest, lang: &str) -> Vec<String> {
    let source = &manifest.guide.source_language;
    manifest
        .chapter_stems()
        .filter_map(|stem| {
            let file = chapters::find(manifest, lang, stem)
                .ok()
                .flatten()
                .or_else(|| chapters::find(manifest, source, stem).ok().flatten())?;
            (!file.is_markdown()).then_some(file.rel)
        })
        .collect()
}
