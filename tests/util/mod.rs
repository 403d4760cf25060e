//! The integration tests' helpers (`tests/it/support`), for the test files still outside
//! `tests/it` (`impose_sheets.rs`): one copy, not two.

// impose_sheets uses only part of them.
#[allow(dead_code, unused_imports)]
#[path = "../it/support/mod.rs"]
mod support;

pub use support::*;
