//! A command's work under a time limit (`--timeout`): typst cannot be interrupted, so
//! the work runs on a thread of its own and the command stops waiting for it; the
//! process then ends with the error (files are written atomically, so none is left
//! half-written).

use std::sync::mpsc;
use std::time::Duration;

use crate::util::diag::{Error, Result};

/// Runs `work` on a thread and waits at most `seconds` for it; `command` names the
/// command in the error.
pub fn within<T: Send + 'static>(
    seconds: u64,
    command: &str,
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let (send, receive) = mpsc::channel();
    std::thread::Builder::new()
        .name(format!("livret {command}"))
        .stack_size(16 << 20)
        .spawn(move || {
            let _ = send.send(work());
        })
        .map_err(|e| Error::new(format!("cannot start a thread ({e})")))?;
    match receive.recv_timeout(Duration::from_secs(seconds)) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Error::new(format!(
            "livret {command} gave up after {seconds} s (--timeout)"
        ))
        .with_hint("a Typst chapter may loop for ever: look for a loop or a recursion that never ends")
        .with_hint("if the guide is only large, allow more time with --timeout SECONDS")),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Error::new(format!("livret {command} stopped unexpectedly")))
        }
    }
}
