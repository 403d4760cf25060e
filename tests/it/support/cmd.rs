//! Running the `livret` binary built for these tests.

use std::path::Path;
use std::process::Command;

/// Runs the livret binary with `args`: (exit code, stdout, stderr).
pub fn livret(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_livret")).args(args).output().unwrap();
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
