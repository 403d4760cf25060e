//! livret: multilingual pocket guides → reading PDFs and print-ready imposed sheets.
//!
//! The code is in layers, each importing only from the layers below it (see
//! ARCHITECTURE.md): [`cli`] → [`desk`] → [`ops`] → [`build`] → [`typeset`] → [`images`] →
//! [`project`] → [`util`], with the imposition library (the `livret-impose` crate) at the bottom.

#![warn(missing_docs)]

pub mod build;
pub mod cli;
pub mod desk;
pub mod i18n;
pub mod images;
pub mod ops;
pub mod project;
pub mod typeset;
pub mod util;
