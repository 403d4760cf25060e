//! `livret po export` and `livret po import`: a translation as PO files, one per
//! chapter, one entry per block of the source (see `project::segments`), for
//! translators who work in Poedit, Lokalize or Weblate; and back into the chapters.

mod accept;
mod base;
pub mod blocks;
pub mod export;
mod folder;
pub mod import;
mod language;
mod merge;
mod notes;
mod pairing;
pub mod pofile;
mod rebuild;
mod text;

use std::path::{Path, PathBuf};

use crate::project::block_ids;
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::project::segments::Block;
use crate::project::targets;
use crate::tr;
use crate::util::diag::{Error, Result};

/// The folder of a translation's PO files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoDir {
    /// Inside the project (the default `po/<lang>`), relative to its root.
    Project(String),
    /// A folder the user named (relative to the working folder, or absolute).
    User(PathBuf),
}

impl PoDir {
    /// The folder `dir` (the user's), or the default `po/<lang>` of the project.
    pub fn new(dir: Option<PathBuf>, lang: &str) -> PoDir {
        match dir {
            Some(dir) => PoDir::User(dir),
            None => PoDir::Project(paths::po_dir(lang)),
        }
    }

    /// The path of a file in the folder, as shown to the user.
    pub fn shown(&self, name: &str) -> String {
        match self {
            PoDir::Project(rel) => format!("{rel}/{name}"),
            PoDir::User(dir) => dir.join(name).display().to_string(),
        }
    }

    /// The folder as shown to the user.
    pub fn shown_dir(&self) -> String {
        match self {
            PoDir::Project(rel) => rel.clone(),
            PoDir::User(dir) => dir.display().to_string(),
        }
    }

    /// The folder's absolute path (the project's resolved inside its root).
    fn path(&self, root: &Path) -> PathBuf {
        match self {
            PoDir::Project(rel) => root.join(rel),
            PoDir::User(dir) => dir.clone(),
        }
    }
}

/// The `msgctxt` of a block: `<chapter>#<id>`, e.g.
/// `01-introduction#paragraph-3f2a9c1b` (the ids `livret check` shows, which
/// survive edits elsewhere in the chapter: see `project::block_ids`).
pub fn block_id(chapter: &str, block: &Block) -> String {
    block_ids::qualified(chapter, &block.id)
}

/// The chapter and the id of a [`block_id`].
pub fn parse_block_id(id: &str) -> Option<(&str, &str)> {
    block_ids::split(id)
}

/// Checks that `lang` is a translation of the guide.
fn check_lang(manifest: &Manifest, lang: &str) -> Result<()> {
    targets::select(
        &[lang.to_string()],
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    if lang == manifest.guide.source_language {
        return Err(Error::new(tr!("po-source-language", lang = lang))
            .with_hint(tr!("po-source-language-hint")));
    }
    Ok(())
}
