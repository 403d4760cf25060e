//! What the tests share: generated input PDFs, poppler readers, the folding simulation
//! and the folding recipe of a plan.

pub mod fold;
pub mod r#gen;
pub mod marks;
pub mod poppler;
pub mod printer;
pub mod recipe;

pub use r#gen::*;
pub use poppler::*;
