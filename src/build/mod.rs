//! `livret build`: every language × layout into reading PDFs, screen editions and print
//! files under `out/`, several targets at once, skipping those whose inputs did not
//! change, with `out/<guide>/report.json` listing every output.

pub mod archive;
pub mod edition;
pub mod incremental;
pub mod isolate;
pub mod lock;
pub mod open;
pub mod options;
pub mod orchestrate;
pub mod output;
pub mod package;
pub mod print;
pub mod refusals;
pub mod report;
pub mod sheets;
pub mod target;

pub use open::Project;
pub use options::BuildOptions;
pub use orchestrate::build;
pub use output::{BuiltPrint, BuiltTarget, PlacedImage};
