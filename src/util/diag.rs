//! Errors for users: a message, where it happened, and hints on what to do.

use std::fmt;
use std::path::Path;

/// A user-facing error: `error: {message}` followed by one `hint: …` line per hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, lowercase, with the file (and line) where known.
    pub message: String,
    /// What the user can do about it.
    pub hints: Vec<String>,
}

/// Shorthand for results that fail with a user-facing [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Creates an error with a message and no hints.
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into(), hints: Vec::new() }
    }

    /// Creates an error located in a file, optionally at a 1-based line and column.
    pub fn at(
        path: &Path,
        line_col: Option<(usize, usize)>,
        message: impl fmt::Display,
    ) -> Self {
        let place = match line_col {
            Some((line, col)) => format!("{}:{line}:{col}", path.display()),
            None => path.display().to_string(),
        };
        Self::new(format!("{place}: {message}"))
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Wraps an I/O error that happened on `path` while doing `what`.
    pub fn io(what: &str, path: &Path, err: std::io::Error) -> Self {
        Self::new(format!("failed to {what} {} ({err})", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)?;
        for hint in &self.hints {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<livret_impose::PlanError> for Error {
    /// A planning error with its hint.
    fn from(err: livret_impose::PlanError) -> Self {
        let hint = err.hint();
        let mut e = Error::new(err.to_string());
        if let Some(hint) = hint {
            e = e.with_hint(hint);
        }
        e
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
    fn display_has_error_and_hints() {
        let e = Error::new("bad thing").with_hint("do this");
        assert_eq!(e.to_string(), "error: bad thing\nhint: do this");
    }
}
