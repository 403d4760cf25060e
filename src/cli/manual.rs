//! `livret completions SHELL` and `livret man DIR`: help outside the terminal.

use std::path::Path;

use clap::CommandFactory;

use crate::cli::args::Cli;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::util::diag::{Error, Result};

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitStatus> {
    let mut command = crate::cli::help::localize(Cli::command());
    clap_complete::generate(shell, &mut command, "livret", &mut std::io::stdout());
    Ok(ExitStatus::Success)
}

/// Writes the manual pages into `dir`.
pub fn man(dir: &Path) -> Result<ExitStatus> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    clap_mangen::generate_to(crate::cli::help::localize(Cli::command()), dir)
        .map_err(|e| Error::io("write manual pages in", dir, e))?;
    term::info(&crate::tr!("cli-man-written", path = dir));
    Ok(ExitStatus::Success)
}
