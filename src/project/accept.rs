//! `check --accept`: marking a translated chapter, or one block of it, as reviewed
//! against the current source — the hash in status.toml and the accepted text in the
//! chapter's snapshot.

use crate::project::changes::{self, ChangeKind};
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::review::{self, known_chapter, read_chapter};
use crate::project::snapshot::{self, Snapshot};
use crate::project::status;
use crate::project::targets;
use crate::util::diag::{Error, Result};

/// What to accept: a whole chapter, or the changed block at a source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// `CHAPTER`
    Chapter(String),
    /// `CHAPTER:LINE`
    Block(String, usize),
}

impl Acceptance {
    /// Reads `CHAPTER` or `CHAPTER:LINE` (LINE a 1-based source line).
    pub fn parse(text: &str) -> Acceptance {
        match text.rsplit_once(':') {
            Some((chapter, line))
                if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) =>
            {
                // All digits: a line, however big (one past every chapter's end).
                Acceptance::Block(chapter.to_string(), line.parse().unwrap_or(usize::MAX))
            }
            _ => Acceptance::Chapter(text.to_string()),
        }
    }

    /// The chapter concerned.
    pub fn chapter(&self) -> &str {
        match self {
            Acceptance::Chapter(c) | Acceptance::Block(c, _) => c,
        }
    }
}

/// Accepts each of `what` (`CHAPTER` or `CHAPTER:LINE`) for translation `lang`;
/// gives one line per acceptance saying what was marked.
pub fn accept(manifest: &Manifest, lang: &str, what: &[String]) -> Result<Vec<String>> {
    // An unknown language is named as such (not as a missing chapter file).
    let known = manifest.languages.iter().map(|l| l.code.as_str());
    targets::select(&[lang.to_string()], known, "language")?;
    let source = &manifest.guide.source_language;
    if lang == source {
        return Err(Error::new(format!(
            "`{lang}` is the source language; only translations are accepted"
        )));
    }
    let mut done = Vec::new();
    for item in what {
        let acceptance = Acceptance::parse(item);
        let chapter = acceptance.chapter();
        known_chapter(manifest, chapter)?;
        if let Some(path) = chapters::missing(manifest, lang, chapter)? {
            return Err(Error::new(chapters::missing_translation(&path))
                .with_hint("translate the chapter first, then accept it"));
        }
        let src = chapters::find(manifest, source, chapter)?.ok_or_else(|| {
            Error::new(format!("source chapter `{chapter}` has no file"))
        })?;
        let src = read_chapter(manifest, src)?;
        let hash = status::hash_file(&manifest.root, &src.file.rel)?;
        match acceptance {
            Acceptance::Chapter(_) => {
                let mut st = status::read(manifest, lang)?;
                st.accepted.insert(chapter.to_string(), hash.clone());
                snapshot::write(
                    manifest,
                    lang,
                    chapter,
                    &Snapshot::of(&hash, &src.blocks),
                )?;
                status::write(manifest, lang, &st)?;
                done.push(format!(
                    "marked as reviewed against the current source: {chapter}"
                ));
            }
            Acceptance::Block(_, line) => {
                done.push(accept_block(manifest, lang, chapter, line, &src, &hash)?);
            }
        }
    }
    Ok(done)
}

/// Accepts the changed block at source `line` of `chapter`; says what was done.
fn accept_block(
    manifest: &Manifest,
    lang: &str,
    chapter: &str,
    line: usize,
    src: &review::ChapterText,
    hash: &str,
) -> Result<String> {
    let mut st = status::read(manifest, lang)?;
    let whole = format!("livret check --lang {lang} --accept {chapter}");
    let Some(accepted) = st.accepted.get(chapter).cloned() else {
        return Err(Error::new(format!(
            "{chapter} was never accepted in `{lang}`, so it has no accepted blocks"
        ))
        .with_hint(format!("review the whole chapter, then: {whole}")));
    };
    let here = format!("{}:{line}", src.file.rel);
    let block = src.blocks.iter().find(|b| b.contains_line(line));
    if accepted == hash {
        return match block {
            Some(_) => Ok(format!(
                "{here}: nothing to accept, the chapter has not changed since it was accepted"
            )),
            None => Err(no_block(&here, line, "")),
        };
    }
    let snap =
        snapshot::read(manifest, lang, chapter)?.filter(|s| s.accepted == accepted);
    let Some(mut snap) = snap else {
        return Err(Error::new(format!(
            "{chapter}: only the hash of the accepted source was kept (status.toml), so single blocks cannot be accepted yet"
        ))
        .with_hint(format!(
            "review the whole chapter and accept it once; later changes are then shown block by block: {whole}"
        )));
    };
    let cmp = changes::compare(&snap.blocks, &src.blocks);
    let Some(change) = find_change(&cmp.changes, &src.blocks, line) else {
        let lines: Vec<String> = cmp
            .changes
            .iter()
            .map(|c| review::source_lines(c, &src.blocks).0.to_string())
            .collect();
        let changed = format!("changed blocks are at line(s) {}", lines.join(", "));
        return match block {
            Some(b) => Ok(format!(
                "{here}: the {} at line {} has not changed since it was accepted ({changed})",
                b.kind.name(),
                b.line
            )),
            None => Err(no_block(&here, line, &changed)),
        };
    };
    changes::accept_one(&mut snap, &src.blocks, &cmp, &change);
    let said = match change.kind {
        ChangeKind::Changed => "changed",
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Moved => "moved",
    };
    if changes::compare(&snap.blocks, &src.blocks).changes.is_empty() {
        // Every block is accepted: the chapter is current again.
        snap = Snapshot::of(hash, &src.blocks);
        st.accepted.insert(chapter.to_string(), hash.to_string());
        snapshot::write(manifest, lang, chapter, &snap)?;
        status::write(manifest, lang, &st)?;
        return Ok(format!(
            "marked as reviewed against the current source: {here} (the {said} block; the chapter is now current)"
        ));
    }
    snapshot::write(manifest, lang, chapter, &snap)?;
    Ok(format!(
        "marked as reviewed against the current source: {here} (the {said} block)"
    ))
}

/// The error for a line no block starts at or contains.
fn no_block(here: &str, line: usize, changed: &str) -> Error {
    let hint = if changed.is_empty() {
        "give the line `livret check` printed for the block".to_string()
    } else {
        format!("{changed}; `livret check` lists them")
    };
    Error::new(format!(
        "{here}: no block of the chapter starts at or contains line {line}"
    ))
    .with_hint(hint)
}

/// The change whose current block contains `line`, else a removed block reported at
/// `line`.
fn find_change(
    changes: &[changes::Change],
    blocks: &[crate::project::segments::Block],
    line: usize,
) -> Option<changes::Change> {
    let inside =
        changes.iter().find(|c| c.new.is_some_and(|j| blocks[j].contains_line(line)));
    inside
        .or_else(|| {
            changes
                .iter()
                .find(|c| c.new.is_none() && review::source_lines(c, blocks).0 == line)
        })
        .copied()
}
