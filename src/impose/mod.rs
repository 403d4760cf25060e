//! Imposition: the `livret-impose` crate (plan, marks, ticket, PDF backend, no typst),
//! re-exported, and [`place`], the typst painter of imposed sheets used by `build`.

pub mod place;

pub use livret_impose::*;
pub use place::{place_frames, plain_page};
