//! Typesetting with typst: Markdown and chapters into one main source per target, the
//! World typst reads through, compiling, reading laid-out pages back, exporting PDF.

pub mod assemble;
pub mod calibration;
pub mod compile;
pub mod converted;
pub mod export;
pub mod fonts;
pub mod frames;
pub mod ink;
pub mod inspect;
pub mod job_sheet;
pub mod markdown;
pub mod pdf_prefs;
pub mod preflight;
pub mod regions;
pub mod render;
pub mod world;
