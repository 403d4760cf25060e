//! What translators have reviewed: `sources/<lang>/status.toml` records, per chapter,
//! the hash of the source chapter its translation was last accepted against (the
//! accepted text itself is in `project::snapshot`; accepting is `project::accept`),
//! and the check findings marked as intended. Commands that read, change and write
//! these records back hold [`lock`] meanwhile.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::tr;
use crate::util::diag::{Error, Result, line_col};
use crate::util::fs::{
    FileLock, lock_project, read_project, read_project_if_exists, write_project,
};
use crate::util::hash::sha256_hex;
use crate::util::text::without_bom;

/// The status file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    /// Chapter stem → `sha256:…` of the source chapter it was reviewed against.
    #[serde(default)]
    pub accepted: BTreeMap<String, String>,
    /// Block id → the checks (`numbers`, `punctuation`, … see `project::qa`) whose
    /// findings in that block the translator marked as intended: `check` and the PO
    /// files no longer show them. Written by `check --intended`, or by hand:
    /// `"01-introduction#paragraph-3f2a9c1b" = ["numbers"]` under `[intended]`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub intended: BTreeMap<String, Vec<String>>,
}

impl StatusFile {
    /// Whether findings of `check` in block `id` were marked as intended.
    pub fn is_intended(&self, id: &str, check: &str) -> bool {
        self.intended.get(id).is_some_and(|c| c.iter().any(|c| c == check))
    }
}

/// How long a command waits for another one writing the same review records.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Takes the lock on the review records of translation `lang` (status.toml and the
/// snapshots in `.accepted/`), waiting for any other livret writing them. Hold it from
/// reading status.toml to writing it back: eight `check --accept` run at once then
/// all keep their acceptance. Taking it again in the same thread is free.
pub fn lock(manifest: &Manifest, lang: &str) -> Result<FileLock> {
    let what =
        tr!("project-review-records", code = lang, path = paths::status_file(lang));
    lock_project(&manifest.root, paths::review_lock(lang), &what, LOCK_WAIT)
}

/// `sha256:<hex>` of a project file.
pub fn hash_file(root: &Path, rel: &str) -> Result<String> {
    let bytes = read_project(root, rel)?;
    Ok(format!("sha256:{}", sha256_hex(&bytes)))
}

/// Reads `sources/<lang>/status.toml` (empty when absent).
pub fn read(manifest: &Manifest, lang: &str) -> Result<StatusFile> {
    let rel = paths::status_file(lang);
    let Some(bytes) = read_project_if_exists(&manifest.root, &rel)? else {
        return Ok(StatusFile::default());
    };
    let text = String::from_utf8(bytes)
        .map(without_bom)
        .map_err(|_| Error::new(tr!("util-not-utf8", path = rel.as_str())))?;
    toml::from_str(&text).map_err(|err| {
        let at = err.span().map(|s| line_col(&text, s.start));
        Error::at(Path::new(&rel), at, err.message().trim_end())
            .with_hint(tr!("project-status-damaged-hint"))
    })
}

/// Writes `sources/<lang>/status.toml`.
pub fn write(manifest: &Manifest, lang: &str, status: &StatusFile) -> Result<()> {
    let text = format!(
        "# Which version of each source chapter this translation was last reviewed against.\n# Written by `livret check --lang {lang} --accept CHAPTER`.\n\n{}",
        toml::to_string(status).expect("status serialises")
    );
    write_project(&manifest.root, paths::status_file(lang), text.as_bytes())
}
