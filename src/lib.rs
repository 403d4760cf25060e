//! livret: multilingual pocket guides → reading PDFs and print-ready imposed sheets.
//!
//! The pipeline is one module per stage: [`manifest`] → [`assemble`] (with
//! [`markdown`]) → [`world`] → [`compile`] → [`export`]; [`build`] runs it.

pub mod assemble;
pub mod build;
pub mod check;
pub mod compile;
pub mod diag;
pub mod export;
pub mod fonts;
pub mod image_report;
pub mod images;
pub mod impose;
pub mod impose_command;
pub mod incremental;
pub mod inspect;
pub mod lock;
pub mod manifest;
pub mod markdown;
pub mod new;
pub mod package;
pub mod preview;
pub mod print;
pub mod progress;
pub mod proof;
pub mod report;
pub mod serve;
pub mod suggest;
pub mod term;
pub mod watch;
pub mod world;
