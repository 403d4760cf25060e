//! `livret chapter rename OLD NEW`: a chapter renamed in one step — its file in every
//! language, each translation's accepted snapshot, the source's block ids
//! (`sources/<source>/.ids/`), the status.toml keys (accepted hash, findings marked as
//! intended, by `CHAPTER#ID`) and the chapter list of guide.toml. Every
//! problem (an unknown OLD, a NEW that is taken or not a plain name) is found before
//! anything is changed.
//!
//! When the source was already renamed upstream (guide.toml lists NEW, not OLD, and
//! the source file is NEW's), the same command renames what the translations still
//! keep under OLD.

use std::path::PathBuf;

use serde::Serialize;

use crate::i18n::Text;
use crate::project::manifest::{self, Manifest};
use crate::project::status::{self, StatusFile};
use crate::project::{block_ids, snapshot};
use crate::project::{locate, paths};
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project, rename_project, write_project};
use crate::util::suggest::did_you_mean;

/// What to rename.
#[derive(Debug, Clone)]
pub struct RenameOptions {
    /// The project folder.
    pub project: PathBuf,
    /// The chapter's current stem.
    pub old: String,
    /// Its new stem.
    pub new: String,
    /// Only say what would be done.
    pub dry_run: bool,
}

/// What a rename did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenameReport {
    /// The old stem.
    pub old: String,
    /// The new stem.
    pub new: String,
    /// Files moved: (from, to).
    pub moved: Vec<(String, String)>,
    /// Files edited (guide.toml, status.toml files).
    pub edited: Vec<String>,
    /// Whether nothing was changed (`--dry-run`).
    pub dry_run: bool,
    /// Things worth knowing: PO files that still name the old chapter.
    pub notes: Vec<Text>,
}

/// One planned status.toml change.
struct StatusEdit {
    lang: String,
    status: StatusFile,
}

/// Renames chapter `old` to `new` everywhere (see the module's doc).
pub fn rename(options: &RenameOptions) -> Result<RenameReport> {
    let manifest = manifest::load(&options.project)?;
    let (old, new) = (options.old.as_str(), options.new.as_str());
    check_name(new)?;
    let listed = |s: &str| manifest.chapter_stems().any(|c| c == s);
    let edit_manifest = listed(old);
    if edit_manifest && listed(new) {
        return Err(Error::new(tr!("ops-chapter-taken", new = new))
            .with_hint(tr!("ops-chapter-taken-hint")));
    }
    let mut report = RenameReport {
        old: old.into(),
        new: new.into(),
        moved: Vec::new(),
        edited: Vec::new(),
        dry_run: options.dry_run,
        notes: Vec::new(),
    };
    let mut edits = Vec::new();
    let mut taken = Vec::new();
    for lang in manifest.languages.iter().map(|l| l.code.as_str()) {
        plan_language(&manifest, lang, old, new, &mut report, &mut edits, &mut taken)?;
    }
    if !edit_manifest && (!listed(new) || (report.moved.is_empty() && edits.is_empty())) {
        return Err(unknown(&manifest, old, new));
    }
    if !taken.is_empty() {
        return Err(Error::new(tr!(
            "ops-chapter-files-taken",
            count = taken.len(),
            files = taken.join(", "),
            old = old,
            new = new
        ))
        .with_hint(tr!("ops-chapter-files-taken-hint")));
    }
    if edit_manifest {
        report.edited.push(paths::MANIFEST_PATH.to_string());
    }
    if options.dry_run {
        return Ok(report);
    }
    apply(&manifest, &report, edits, edit_manifest)?;
    Ok(report)
}

/// Plans the moves and status edits of one language; destinations that exist go
/// to `taken`.
fn plan_language(
    manifest: &Manifest,
    lang: &str,
    old: &str,
    new: &str,
    report: &mut RenameReport,
    edits: &mut Vec<StatusEdit>,
    taken: &mut Vec<String>,
) -> Result<()> {
    let root = &manifest.root;
    let exists = |rel: &str| root.join(rel).symlink_metadata().is_ok();
    for ext in ["md", "typ"] {
        let from = format!("sources/{lang}/{old}.{ext}");
        if !exists(&from) {
            continue;
        }
        // NEW.md or NEW.typ: a chapter with both files is an error.
        for other in ["md", "typ"] {
            let there = format!("sources/{lang}/{new}.{other}");
            if exists(&there) {
                taken.push(there);
            }
        }
        report.moved.push((from, format!("sources/{lang}/{new}.{ext}")));
    }
    let (from, to) =
        (paths::accepted_snapshot(lang, old), paths::accepted_snapshot(lang, new));
    if exists(&from) {
        if exists(&to) {
            taken.push(to.clone());
        }
        report.moved.push((from, to));
    }
    if lang == manifest.guide.source_language {
        plan_block_ids(manifest, lang, old, new, report, taken);
        return Ok(());
    }
    let mut st = status::read(manifest, lang)?;
    let mut changed = false;
    if let Some(hash) = st.accepted.remove(old) {
        if st.accepted.contains_key(new) {
            taken.push(format!("{} (key `{new}`)", paths::status_file(lang)));
        }
        st.accepted.insert(new.to_string(), hash);
        changed = true;
    }
    let prefix = format!("{old}#");
    let ids: Vec<String> =
        st.intended.keys().filter(|k| k.starts_with(&prefix)).cloned().collect();
    for id in ids {
        let checks = st.intended.remove(&id).unwrap_or_default();
        st.intended.insert(format!("{new}#{}", &id[prefix.len()..]), checks);
        changed = true;
    }
    if changed {
        report.edited.push(paths::status_file(lang));
        edits.push(StatusEdit { lang: lang.to_string(), status: st });
    }
    let po = format!("{}/{old}.po", paths::po_dir(lang));
    if root.join(&po).exists() {
        report.notes.push(tr!(
            "ops-chapter-po-names-old",
            po = po,
            old = old,
            lang = lang
        ));
    }
    Ok(())
}

/// The source's block ids (the PO files' msgctxt) go with the chapter, unless the
/// chapter was renamed upstream and the new ids are there already.
fn plan_block_ids(
    manifest: &Manifest,
    lang: &str,
    old: &str,
    new: &str,
    report: &mut RenameReport,
    taken: &mut Vec<String>,
) {
    let exists = |rel: &str| manifest.root.join(rel).symlink_metadata().is_ok();
    let (from, to) = (paths::block_ids(lang, old), paths::block_ids(lang, new));
    let renamed_upstream =
        ["md", "typ"].iter().all(|e| !exists(&format!("sources/{lang}/{old}.{e}")));
    match (exists(&from), exists(&to)) {
        (true, true) if renamed_upstream => report.notes.push(tr!(
            "ops-chapter-ids-left",
            from = from,
            to = to,
            old = old
        )),
        (true, true) => taken.push(to),
        (true, false) => report.moved.push((from, to)),
        _ => {}
    }
}

/// Makes the planned changes: status.toml files (under their locks), then the files,
/// then guide.toml.
fn apply(
    manifest: &Manifest,
    report: &RenameReport,
    edits: Vec<StatusEdit>,
    edit_manifest: bool,
) -> Result<()> {
    let langs: Vec<&str> = manifest.languages.iter().map(|l| l.code.as_str()).collect();
    let mut locks = Vec::new();
    for lang in langs.iter().filter(|l| **l != manifest.guide.source_language) {
        locks.push(status::lock(manifest, lang)?);
    }
    locks.push(block_ids::lock(manifest)?);
    for edit in &edits {
        status::write(manifest, &edit.lang, &edit.status)?;
    }
    for (from, to) in &report.moved {
        rename_project(&manifest.root, from, to)?;
    }
    // A snapshot's heading names its chapter, and so does the ids file's: written
    // again under the new name.
    for lang in &langs {
        if let Some(snap) = snapshot::read(manifest, lang, &report.new)? {
            snapshot::write(manifest, lang, &report.new, &snap)?;
        }
    }
    block_ids::retitle(manifest, &report.new)?;
    if edit_manifest {
        let bytes = read_project(&manifest.root, paths::MANIFEST_PATH)?;
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let span = locate::chapter(&manifest.text, &report.old).ok_or_else(|| {
            Error::new(tr!(
                "ops-chapter-not-in-manifest",
                manifest = paths::MANIFEST_PATH,
                old = &report.old
            ))
        })?;
        let mut text = manifest.text.clone();
        let quote = if text[span.clone()].starts_with('\'') { '\'' } else { '"' };
        text.replace_range(span, &format!("{quote}{}{quote}", report.new));
        if bom {
            text.insert(0, '\u{feff}');
        }
        write_project(&manifest.root, paths::MANIFEST_PATH, text.as_bytes())?;
    }
    drop(locks);
    Ok(())
}

/// Refuses a new name that is not a plain chapter stem (the rule of guide.toml).
fn check_name(new: &str) -> Result<()> {
    let valid = !new.is_empty()
        && !new.starts_with('.')
        && !new.contains("..")
        && new.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
    if valid {
        return Ok(());
    }
    Err(Error::new(tr!("ops-chapter-bad-name", new = new))
        .with_hint(tr!("ops-chapter-bad-name-hint")))
}

/// The error for an OLD that is neither in guide.toml nor left in a translation.
fn unknown(manifest: &Manifest, old: &str, new: &str) -> Error {
    let known: Vec<&str> = manifest.chapter_stems().collect();
    let mut err = Error::new(if manifest.chapter_stems().any(|c| c == new) {
        tr!("ops-chapter-unknown-anywhere", old = old)
    } else {
        tr!("ops-chapter-unknown", old = old)
    });
    if let Some(best) = did_you_mean(old, &known) {
        err = err.with_hint(tr!("ops-chapter-did-you-mean", best = best));
    }
    err.with_hint(tr!("ops-chapter-known", chapters = known.join(", ")))
}
