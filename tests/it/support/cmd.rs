//! Running the `livret` binary built for these tests.

use std::path::Path;
use std::process::Command;

/// The locale variables a test's livret must not inherit from the developer's shell:
/// the tests read English unless they ask for French themselves.
const LOCALE: [&str; 4] = ["LC_ALL", "LC_MESSAGES", "LIVRET_LANG", "LANGUAGE"];

/// The user cache folder of this test run (`LIVRET_CACHE_DIR`: page inks and what
/// `livret impose` keeps between runs), so that the tests never write into the
/// developer's `~/.cache` and every run starts from an empty one. A test that needs a
/// cache of its own sets `LIVRET_CACHE_DIR` itself.
pub fn run_cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("livret-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    })
}

/// The livret binary as a process to start, speaking English whatever the machine's
/// locale (a test that wants French sets `LANG` or `LIVRET_LANG` on it), with this
/// run's cache folder.
pub fn livret_process() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_livret"));
    cmd.env("LANG", "C.UTF-8");
    cmd.env("LIVRET_CACHE_DIR", run_cache_dir());
    for name in LOCALE {
        cmd.env_remove(name);
    }
    cmd
}

/// [`livret_process`] as an `assert_cmd` command.
pub fn livret_assert() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("livret").unwrap();
    cmd.env("LANG", "C.UTF-8");
    cmd.env("LIVRET_CACHE_DIR", run_cache_dir());
    for name in LOCALE {
        cmd.env_remove(name);
    }
    cmd
}

/// Runs the livret binary with `args`: (exit code, stdout, stderr).
pub fn livret(args: &[&str]) -> (i32, String, String) {
    let out = livret_process().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// Runs `livret <command> --project <project> <args…>`: (exit code, stdout, stderr).
pub fn livret_in(project: &Path, command: &str, args: &[&str]) -> (i32, String, String) {
    let project = project.to_str().unwrap();
    let mut all = vec![command, "--project", project];
    all.extend(args);
    livret(&all)
}
