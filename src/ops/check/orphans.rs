//! Translations of chapters the guide no longer lists: a chapter renamed or removed
//! upstream leaves its translation, its accepted snapshot and its status.toml key
//! behind, and no build uses them.

use serde::Serialize;

use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::project::status::StatusFile;
use crate::util::diag::Result;
use crate::util::fs::{files_in, project_dir};
use crate::util::suggest::did_you_mean;

/// Something of a translation kept for a chapter that is not in guide.toml.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Orphan {
    /// The chapter stem it belongs to.
    pub chapter: String,
    /// The file (a chapter, a snapshot, or status.toml for a key left there).
    pub file: String,
    /// A chapter of the guide with no translation yet, with a name close enough to
    /// be what this one was renamed to.
    pub renamed_to: Option<String>,
}

/// The orphans of translation `lang`: chapter files of `sources/<lang>/` whose stem
/// the guide does not list, snapshots in `.accepted/` and status.toml keys of such
/// chapters (when their chapter file is gone too).
pub fn orphans(
    manifest: &Manifest,
    lang: &str,
    status: &StatusFile,
) -> Result<Vec<Orphan>> {
    let listed: Vec<&str> = manifest.chapter_stems().collect();
    let missing: Vec<&str> = listed
        .iter()
        .copied()
        .filter(|s| {
            ["md", "typ"].iter().all(|ext| {
                !manifest.root.join(format!("sources/{lang}/{s}.{ext}")).exists()
            })
        })
        .collect();
    let mut found: Vec<Orphan> = Vec::new();
    let mut add = |chapter: &str, file: String| {
        if found.iter().any(|o| o.chapter == chapter) || listed.contains(&chapter) {
            return;
        }
        let renamed_to = did_you_mean(chapter, &missing).map(String::from);
        found.push(Orphan { chapter: chapter.to_string(), file, renamed_to });
    };
    let folder = format!("sources/{lang}");
    for (dir, exts) in [
        (folder.clone(), &["md", "typ"][..]),
        (format!("{folder}/{}", paths::ACCEPTED_DIR), &["txt"][..]),
    ] {
        let Some(abs) = project_dir(&manifest.root, &dir)? else { continue };
        for path in files_in(&abs)? {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            let Some((stem, ext)) = name.rsplit_once('.') else { continue };
            if exts.contains(&ext) && !stem.starts_with('.') {
                add(stem, format!("{dir}/{name}"));
            }
        }
    }
    for chapter in status.accepted.keys() {
        add(chapter, paths::status_file(lang));
    }
    Ok(found)
}
