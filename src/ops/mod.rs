//! The commands' work, without presentation: each returns data the CLI renders.

pub mod calibrate;
pub mod chapter;
pub mod check;
pub mod fonts;
pub mod http;
pub mod images;
pub mod impose;
pub mod impose_boxes;
pub mod impose_errors;
pub mod impose_preflight;
pub mod impose_warnings;
pub mod new;
pub mod po;
pub mod preview;
pub mod proof;
pub mod proof_changes;
pub mod serve;
pub mod watch;
pub mod watcher;
