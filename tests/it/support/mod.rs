//! Shared helpers for the integration tests: fixture projects, reading PDFs back with
//! poppler's tools (independent of typst), and running the `livret` binary.
//!
//! `tests/util/mod.rs` includes this module too, for `tests/impose_sheets.rs`, which
//! uses only part of it.

mod cmd;
mod pdf;
mod project;

pub use cmd::*;
pub use pdf::*;
pub use project::*;
