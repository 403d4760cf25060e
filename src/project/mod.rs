//! The guide as a project on disk: its manifest, where every output goes, which targets
//! to build, where each chapter is, and what translators have reviewed.

pub mod accept;
pub mod block_ids;
pub mod changes;
pub mod chapters;
pub mod intended;
pub mod labels;
pub mod locate;
pub mod manifest;
pub mod paths;
pub mod preset;
pub mod preset_text;
pub mod qa;
pub mod review;
pub mod segments;
pub mod snapshot;
pub mod status;
pub mod targets;
pub mod toml_errors;
