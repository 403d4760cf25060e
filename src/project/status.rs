//! What translators have reviewed: `sources/<lang>/status.toml` records, per chapter,
//! the hash of the source chapter its translation was last accepted against.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::util::diag::{Error, Result, line_col};
use crate::util::fs::{read_project, read_project_if_exists, write_project};
use crate::util::hash::sha256_hex;
use crate::util::suggest::did_you_mean;
use crate::util::text::without_bom;

/// The status file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    /// Chapter stem → `sha256:…` of the source chapter it was reviewed against.
    #[serde(default)]
    pub accepted: BTreeMap<String, String>,
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
        .map_err(|_| Error::new(format!("{rel}: the file is not UTF-8 text")))?;
    toml::from_str(&text).map_err(|err| {
        let at = err.span().map(|s| line_col(&text, s.start));
        Error::at(Path::new(&rel), at, err.message().trim_end()).with_hint(
            "the file is written by `livret check --accept`; delete it to start over",
        )
    })
}

/// Marks chapters of `lang` as reviewed against the current source chapters; gives
/// the chapters marked.
pub fn accept(
    manifest: &Manifest,
    lang: &str,
    chapters: &[String],
) -> Result<Vec<String>> {
    let source = &manifest.guide.source_language;
    if lang == source {
        return Err(Error::new(format!(
            "`{lang}` is the source language; only translations are accepted"
        )));
    }
    let mut status = read(manifest, lang)?;
    let mut done = Vec::new();
    for chapter in chapters {
        if !manifest.chapter_stems().any(|s| s == chapter) {
            let known: Vec<&str> = manifest.chapter_stems().collect();
            let mut err = Error::new(format!("unknown chapter `{chapter}`"));
            if let Some(best) = did_you_mean(chapter, &known) {
                err = err.with_hint(format!("did you mean `{best}`?"));
            }
            return Err(err);
        }
        if chapters::find(manifest, lang, chapter)?.is_none() {
            return Err(Error::new(format!(
                "sources/{lang}/{chapter}.md does not exist yet"
            ))
            .with_hint("translate the chapter first, then accept it"));
        }
        let src = chapters::find(manifest, source, chapter)?.ok_or_else(|| {
            Error::new(format!("source chapter `{chapter}` has no file"))
        })?;
        status.accepted.insert(chapter.clone(), hash_file(&manifest.root, &src.rel)?);
        done.push(chapter.clone());
    }
    let text = format!(
        "# Which version of each source chapter this translation was last reviewed against.\n# Written by `livret check --lang {lang} --accept CHAPTER`.\n\n{}",
        toml::to_string(&status).expect("status serialises")
    );
    write_project(&manifest.root, paths::status_file(lang), text.as_bytes())?;
    Ok(done)
}
