//! A command's work under a time limit (`--timeout`), through the one runner in
//! `util::deadline`.

use std::time::Duration;

use crate::util::deadline;
use crate::util::diag::Result;

/// Runs `work` on a thread and waits at most `seconds` for it; `command` names the
/// command in the error.
pub fn within<T: Send + 'static>(
    seconds: u64,
    command: &str,
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let name = format!("livret {command}");
    deadline::within(&name, Duration::from_secs(seconds), &name, "", work)
}
