//! Work under a time limit (`--timeout`), written once for every command: typst cannot
//! be interrupted, so the work runs on a thread of its own and the caller stops waiting
//! for it when the limit passes. The caller then ends with an error; what the work
//! wrote is whole or absent (writes are atomic), and the process exit ends the thread.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::i18n::Text;
use crate::util::diag::{Error, Result};

/// The stack of a work thread: typst recurses deeply on nested content.
const STACK_BYTES: usize = 16 << 20;

/// How work under a limit ended.
#[derive(Debug)]
pub enum Waited<T> {
    /// It finished in time with this value.
    Done(T),
    /// The limit passed first; the thread may still be running.
    TimedOut(Duration),
}

/// What a work thread sends its caller.
enum Message<T, M> {
    Note(M),
    Done(T),
}

/// Runs `work` on a thread named `name` and waits at most `limit` (for ever when
/// `None`) for it. `work` may send notes (progress stages) with the function it is
/// given; `on_note` receives them on the calling thread while it waits. Fails when
/// the thread cannot start or ends without an answer (a panic).
pub fn run<T, M>(
    name: &str,
    limit: Option<Duration>,
    work: impl FnOnce(&(dyn Fn(M) + Sync)) -> T + Send + 'static,
    mut on_note: impl FnMut(M),
) -> Result<Waited<T>>
where
    T: Send + 'static,
    M: Send + 'static,
{
    let (send, receive) = mpsc::channel::<Message<T, M>>();
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let note = |m: M| {
                let _ = send.send(Message::Note(m));
            };
            let value = work(&note);
            let _ = send.send(Message::Done(value));
        })
        .map_err(|e| {
            Error::new(crate::tr!(
                "util-thread-failed",
                name = name,
                reason = e.to_string()
            ))
        })?;
    let deadline = limit.map(|limit| Instant::now() + limit);
    loop {
        let message = match deadline {
            Some(deadline) => {
                match receive
                    .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    Ok(message) => Some(message),
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        return Ok(Waited::TimedOut(limit.unwrap_or_default()));
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => None,
                }
            }
            None => receive.recv().ok(),
        };
        match message {
            Some(Message::Note(note)) => on_note(note),
            Some(Message::Done(value)) => return Ok(Waited::Done(value)),
            None => {
                return Err(Error::new(crate::tr!("util-thread-stopped", name = name)));
            }
        }
    }
}

/// Runs `work` under `limit` without notes; a timeout becomes [`gave_up`]`(subject,
/// limit, consequence)`.
pub fn within<T: Send + 'static>(
    name: &str,
    limit: Duration,
    subject: impl Into<Text>,
    consequence: impl Into<Text>,
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match run(name, Some(limit), move |_: &(dyn Fn(()) + Sync)| work(), |()| {})? {
        Waited::Done(result) => result,
        Waited::TimedOut(limit) => Err(gave_up(subject, limit, consequence)),
    }
}

/// The one error for work that outlived its limit: `<subject> gave up after N s
/// (--timeout)<consequence>`, with what to look for and how to allow more time.
pub fn gave_up(
    subject: impl Into<Text>,
    limit: Duration,
    consequence: impl Into<Text>,
) -> Error {
    Error::new(crate::tr!(
        "util-gave-up",
        subject = subject.into(),
        seconds = limit.as_secs(),
        consequence = consequence.into()
    ))
    .with_hint(crate::tr!("util-gave-up-loop-hint"))
    .with_hint(crate::tr!("util-gave-up-timeout-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_notes_and_the_value() {
        let mut notes = Vec::new();
        let waited = run(
            "test",
            Some(Duration::from_secs(30)),
            |note: &(dyn Fn(u32) + Sync)| {
                note(1);
                note(2);
                "done"
            },
            |n| notes.push(n),
        )
        .unwrap();
        assert!(matches!(waited, Waited::Done("done")));
        assert_eq!(notes, [1, 2]);
    }

    #[test]
    fn stops_waiting_at_the_limit() {
        let started = Instant::now();
        let err = within(
            "test",
            Duration::from_millis(200),
            "livret test",
            "; stopped",
            || {
                std::thread::sleep(Duration::from_secs(5));
                Ok(())
            },
        )
        .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(4));
        assert_eq!(err.message, "livret test gave up after 0 s (--timeout); stopped");
        assert_eq!(err.hints.len(), 2);
    }

    #[test]
    fn a_panic_is_an_error_not_a_hang() {
        let err =
            within("panicky", Duration::from_secs(30), "x", "", || -> Result<()> {
                panic!("on purpose")
            })
            .unwrap_err();
        assert_eq!(err.message, "panicky stopped unexpectedly");
    }
}
