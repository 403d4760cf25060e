//! Errors for users: a message, where it happened, and hints on what to do.

use std::fmt;
use std::path::Path;

use crate::i18n::{Arg, Text};
use crate::tr;

/// A user-facing error: `error: {message}` followed by one `hint: …` line per hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, lowercase, with the file (and line) where known.
    pub message: Text,
    /// What the user can do about it.
    pub hints: Vec<Text>,
}

/// Shorthand for results that fail with a user-facing [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Creates an error with a message and no hints.
    pub fn new(message: impl Into<Text>) -> Self {
        Self { message: message.into(), hints: Vec::new() }
    }

    /// Creates an error located in a file, optionally at a 1-based line and column.
    pub fn at(
        path: &Path,
        line_col: Option<(usize, usize)>,
        message: impl Into<Text>,
    ) -> Self {
        let place = match line_col {
            Some((line, col)) => format!("{}:{line}:{col}", path.display()),
            None => path.display().to_string(),
        };
        Self::new(Text::raw(place).join(": ", &message.into()))
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<Text>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Wraps an I/O error that happened on `path` while doing `what` (one of
    /// [`IO_ACTIONS`], each a sentence of the catalogue).
    pub fn io(what: &str, path: &Path, err: std::io::Error) -> Self {
        let reason = io_reason(&err);
        let key = format!("io-failed-{}", what.replace(' ', "-"));
        let args = [("path", Arg::from(path)), ("reason", Arg::from(reason))];
        Self::new(Text::from_key(&key, &args))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", crate::tr!("term-error"), self.message)?;
        for hint in &self.hints {
            write!(f, "\n{} {hint}", crate::tr!("term-hint"))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// What [`Error::io`] can say was being done.
pub const IO_ACTIONS: &[&str] = &[
    "create folder",
    "create the build lock",
    "list",
    "lock",
    "move",
    "open project folder",
    "open the lock",
    "open",
    "read",
    "remove the build record",
    "write manual pages in",
    "write",
];

/// Why an I/O operation failed, in the interface language where the kind is common.
pub fn io_reason(err: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => tr!("io-reason-not-found"),
        ErrorKind::PermissionDenied => tr!("io-reason-permission"),
        ErrorKind::AlreadyExists => tr!("io-reason-exists"),
        ErrorKind::IsADirectory => tr!("io-reason-folder"),
        ErrorKind::NotADirectory => tr!("io-reason-not-folder"),
        ErrorKind::StorageFull => tr!("io-reason-full"),
        ErrorKind::ReadOnlyFilesystem => tr!("io-reason-read-only"),
        _ => Text::raw(err.to_string()),
    }
}

impl From<livret_impose::PlanError> for Error {
    /// A planning error with its hint, naming `livret impose`'s options.
    fn from(err: livret_impose::PlanError) -> Self {
        use crate::util::plan_error::{Settings, hint, message};
        Error::new(message(&err)).with_hint(hint(&err, Settings::Options))
    }
}

/// Converts a byte offset in `text` to a 1-based (line, column), columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_chars() {
        let text = "ab\nçé x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 3 + "çé ".len()), (2, 4));
        assert_eq!(line_col(text, 100), (3, 1));
    }

    #[test]
    fn every_io_action_is_a_sentence_in_both_languages() {
        use crate::i18n::{UiLang, message};
        for what in IO_ACTIONS {
            let key = format!("io-failed-{}", what.replace(' ', "-"));
            for lang in UiLang::ALL {
                let args = [("path", Arg::from("p")), ("reason", Arg::from("r"))];
                let text = message(lang, &key, &args);
                assert!(text.contains('p') && text.contains('r') && text != key, "{key}");
            }
        }
        let err =
            Error::io("read", Path::new("a.md"), std::io::ErrorKind::NotFound.into());
        assert!(err.message.contains("a.md"), "{}", err.message);
    }

    #[test]
    fn display_has_error_and_hints() {
        let e = Error::new("bad thing").with_hint("do this");
        assert_eq!(e.to_string(), "error: bad thing\nhint: do this");
    }
}
