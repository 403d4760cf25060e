//! The sample guide built once per test run, for the tests that only read what a build of
//! the untouched sample writes (its PDFs, tickets, job sheets, report). Building it once
//! instead of once per test is most of what keeps the suite under a minute.
//!
//! Tests must treat it as read-only: copy a file out before changing anything, and use
//! [`super::sample_project`] for anything that edits sources or rebuilds.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What one `livret build` of the whole sample (every language, layout and print
/// preset) left: the project folder and what the command printed.
pub struct SharedSample {
    /// The project root; its `out/` holds the build.
    pub root: PathBuf,
    /// The build's exit code.
    pub code: i32,
    /// What the build printed on stdout.
    pub stdout: String,
    /// What the build printed on stderr.
    pub stderr: String,
}

impl SharedSample {
    /// The folder of one target's outputs, `out/securite-collaborative/<lang>/<layout>`.
    pub fn target_dir(&self, lang: &str, layout: &str) -> PathBuf {
        self.root.join("out/securite-collaborative").join(lang).join(layout)
    }

    /// One output file of a target: `<guide>-<lang>-<layout><suffix>`, e.g. `.pdf`,
    /// `-screen.pdf`, `-print-a4-cutstack.txt`.
    pub fn output(&self, lang: &str, layout: &str, suffix: &str) -> PathBuf {
        self.target_dir(lang, layout)
            .join(format!("securite-collaborative-{lang}-{layout}{suffix}"))
    }

    /// Copies one output into `dir` (so a test can change or impose it) and returns the copy.
    pub fn copy_output(
        &self,
        lang: &str,
        layout: &str,
        suffix: &str,
        dir: &Path,
    ) -> PathBuf {
        let from = self.output(lang, layout, suffix);
        let to = dir.join(from.file_name().unwrap());
        fs::copy(&from, &to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
        to
    }
}

/// A temporary copy of the shared build's project, `out/` included: a later `livret
/// build` of the same targets finds them up to date.
pub fn built_sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    super::copy_dir(&built_sample().root, dir.path());
    dir
}

/// The sample guide, copied and built by `livret build` (no options) the first time a test
/// asks, then shared by every test of this run. The build must succeed.
pub fn built_sample() -> &'static SharedSample {
    static SAMPLE: OnceLock<SharedSample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        sweep_dead(&base);
        let root = base.join(format!("shared-sample-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for sub in ["sources", "layouts", "fonts"] {
            super::copy_dir(&super::repo().join(sub), &root.join(sub));
        }
        let out = crate::support::livret_process()
            .arg("build")
            .arg("--project")
            .arg(&root)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        let sample = SharedSample {
            root,
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert_eq!(
            sample.code, 0,
            "the sample builds: {}{}",
            sample.stdout, sample.stderr
        );
        sample
    })
}

/// Removes the shared samples and cache folders of earlier runs whose process is gone
/// (Linux: `/proc`).
fn sweep_dead(base: &Path) {
    let Ok(entries) = fs::read_dir(base) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("shared-sample-")
            .or_else(|| name.strip_prefix("livret-cache-"))
        else {
            continue;
        };
        if Path::new("/proc").is_dir() && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}
