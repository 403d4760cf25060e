//! `livret new DIR`: a fresh guide, and what to do next.

use crate::cli::args::NewArgs;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::new::{self, NewOptions};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret new`.
pub fn run(args: NewArgs) -> Result<ExitStatus> {
    let dir = args.dir;
    let files = new::create(&NewOptions {
        dir: dir.clone(),
        langs: args.langs,
        layouts: args.layouts,
        force: args.force,
    })?;
    term::info(&tr!("cli-new-created", path = &dir, count = files.len()));
    let next = format!("cd {} && livret build", dir.display());
    term::info(&tr!("cli-new-next", command = next));
    Ok(ExitStatus::Success)
}
