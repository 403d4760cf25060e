//! What a build is asked to make.

use std::path::PathBuf;

use crate::project::manifest::Manifest;
use crate::project::targets::{Shard, TargetId, targets};
use crate::util::diag::Result;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The project folder (holding `sources/guide.toml`).
    pub project: PathBuf,
    /// Languages to build (all when empty).
    pub langs: Vec<String>,
    /// Layouts to build (all when empty).
    pub layouts: Vec<String>,
    /// Fail on untranslated chapters instead of showing the source chapter.
    pub strict: bool,
    /// Also make the print presets' imposed sheets and job tickets.
    pub print: bool,
    /// Also use the system's fonts.
    pub system_fonts: bool,
    /// Rebuild targets even when nothing they depend on changed.
    pub force: bool,
    /// Targets built at once (default: one per core).
    pub jobs: Option<usize>,
    /// Only the K-th of N shards of the targets (1-based K).
    pub shard: Option<Shard>,
    /// Give up a target that takes longer than this (`None`: wait for ever).
    pub timeout: Option<std::time::Duration>,
    /// Build each target in a child process whose address space is limited to this
    /// many bytes (`None`: in this process, without a budget).
    pub memory: Option<u64>,
    /// A PDF standard the reading PDFs must meet (PDF/A-2b for archiving).
    pub pdf_standard: Option<typst_pdf::PdfStandard>,
    /// Write each reading PDF before compiling its screen edition instead of both at
    /// once (`watch`: the PDF being looked at lands sooner; the same bytes either way).
    pub reading_first: bool,
}

impl BuildOptions {
    /// The targets of `manifest` these options ask for (languages × layouts, sharded).
    pub fn targets(&self, manifest: &Manifest) -> Result<Vec<TargetId>> {
        targets(manifest, &self.langs, &self.layouts, self.shard)
    }
}
