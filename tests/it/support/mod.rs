//! Shared helpers for the integration tests: fixture projects, running the `livret`
//! binary, and — shared with the imposition crate's tests, one copy each — PDFs read
//! back with poppler's tools, the independent folding simulation, its recipe from a
//! plan, and the marks read back from a PDF's content streams.

mod cmd;
#[path = "../../../crates/livret-impose/tests/it/support/fold.rs"]
pub mod fold;
#[path = "../../../crates/livret-impose/tests/it/support/marks.rs"]
pub mod marks;
#[path = "../../../crates/livret-impose/tests/it/support/poppler.rs"]
mod pdf;
mod project;
#[path = "../../../crates/livret-impose/tests/it/support/recipe.rs"]
pub mod recipe;
mod shared;
mod watching;
pub mod webdriver;

pub use cmd::*;
pub use pdf::*;
pub use project::*;
pub use shared::*;
pub use watching::*;
