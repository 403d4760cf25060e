//! `check --accept`: marking a translated chapter, or one block of it, as reviewed
//! against the current source — the hash in status.toml and the accepted text in the
//! chapter's snapshot.

use crate::i18n::Text;
use crate::project::changes::{self, ChangeKind};
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::review::{self, accepted_snapshot, known_chapter, read_source};
use crate::project::snapshot::{self, Snapshot};
use crate::project::status;
use crate::project::targets;
use crate::tr;
use crate::util::diag::{Error, Result};

/// What to accept: a whole chapter, or the changed block at a source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// `CHAPTER`
    Chapter(String),
    /// `CHAPTER:LINE`
    Block(String, usize),
    /// `CHAPTER#ID`, a block's id as `check` and PO files show it.
    Id(String, String),
}

/// Which block of a chapter to accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target<'a> {
    /// The block at or containing a 1-based source line.
    Line(usize),
    /// The block with this id (see `project::block_ids`).
    Id(&'a str),
}

impl Acceptance {
    /// Reads `CHAPTER`, `CHAPTER:LINE` (LINE a 1-based source line) or `CHAPTER#ID`.
    pub fn parse(text: &str) -> Acceptance {
        if let Some((chapter, id)) = crate::project::block_ids::split(text) {
            return Acceptance::Id(chapter.to_string(), id.to_string());
        }
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
            Acceptance::Chapter(c) | Acceptance::Block(c, _) | Acceptance::Id(c, _) => c,
        }
    }
}

/// Accepts each of `what` (`CHAPTER` or `CHAPTER:LINE`) for translation `lang`;
/// gives one line per acceptance saying what was marked.
pub fn accept(manifest: &Manifest, lang: &str, what: &[String]) -> Result<Vec<Text>> {
    // An unknown language is named as such (not as a missing chapter file).
    let known = manifest.languages.iter().map(|l| l.code.as_str());
    targets::select(&[lang.to_string()], known, "language")?;
    let source = &manifest.guide.source_language;
    if lang == source {
        return Err(Error::new(tr!("project-accept-source-language", code = lang)));
    }
    // Read, changed and written back under the lock: no other command's change is lost.
    let _lock = status::lock(manifest, lang)?;
    let mut done = Vec::new();
    for item in what {
        let acceptance = Acceptance::parse(item);
        let chapter = acceptance.chapter();
        known_chapter(manifest, chapter)?;
        if let Some(path) = chapters::missing(manifest, lang, chapter)? {
            return Err(Error::new(chapters::missing_translation(&path))
                .with_hint(tr!("project-accept-untranslated-hint")));
        }
        let src = chapters::find(manifest, source, chapter)?.ok_or_else(|| {
            Error::new(tr!("project-source-chapter-no-file", chapter = chapter))
        })?;
        let src = read_source(manifest, chapter, src)?;
        let hash = status::hash_file(&manifest.root, &src.file.rel)?;
        match &acceptance {
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
                done.push(tr!("project-accepted-chapter", chapter = chapter));
            }
            Acceptance::Block(_, line) => {
                let target = Target::Line(*line);
                done.push(accept_block(manifest, lang, chapter, target, &src, &hash)?);
            }
            Acceptance::Id(_, id) => {
                let target = Target::Id(id);
                done.push(accept_block(manifest, lang, chapter, target, &src, &hash)?);
            }
        }
    }
    Ok(done)
}

/// Accepts the changed block `target` of `chapter`; says what was done.
fn accept_block(
    manifest: &Manifest,
    lang: &str,
    chapter: &str,
    target: Target,
    src: &review::ChapterText,
    hash: &str,
) -> Result<Text> {
    let mut st = status::read(manifest, lang)?;
    let whole = format!("livret check --lang {lang} --accept {chapter}");
    let Some(accepted) = st.accepted.get(chapter).cloned() else {
        return Err(Error::new(tr!(
            "project-accept-never",
            chapter = chapter,
            code = lang
        ))
        .with_hint(tr!("project-accept-never-hint", command = whole)));
    };
    let (here, block) = match target {
        Target::Line(line) => (
            format!("{}:{line}", src.file.rel),
            src.blocks.iter().find(|b| b.contains_line(line)),
        ),
        Target::Id(id) => {
            let block = src.blocks.iter().find(|b| b.id == id);
            let line = block.map_or(String::new(), |b| format!(":{}", b.line));
            (format!("{}{line} ({chapter}#{id})", src.file.rel), block)
        }
    };
    let snap = accepted_snapshot(manifest, lang, chapter, &accepted, hash, &src.blocks)?;
    let Some(mut snap) = snap else {
        return Err(Error::new(tr!("project-accept-hash-only", chapter = chapter))
            .with_hint(tr!("project-accept-hash-only-hint", command = whole)));
    };
    let cmp = changes::compare(&snap.blocks, &src.blocks);
    let Some(change) = find_change(&cmp.changes, &snap, &src.blocks, target) else {
        return nothing_changed(&here, block, target, &cmp, &src.blocks);
    };
    changes::accept_one(&mut snap, &src.blocks, &cmp, &change);
    let said = match change.kind {
        ChangeKind::Changed => tr!("project-change-changed"),
        ChangeKind::Added => tr!("project-change-added"),
        ChangeKind::Removed => tr!("project-change-removed"),
        ChangeKind::Moved => tr!("project-change-moved"),
        ChangeKind::Unreviewed => tr!("project-change-unreviewed"),
    };
    if changes::compare(&snap.blocks, &src.blocks).changes.is_empty() {
        // Every block is accepted: the chapter is current again.
        snap = Snapshot::of(hash, &src.blocks);
        st.accepted.insert(chapter.to_string(), hash.to_string());
        snapshot::write(manifest, lang, chapter, &snap)?;
        status::write(manifest, lang, &st)?;
        return Ok(tr!(
            "project-accepted-block-last",
            place = here.as_str(),
            change = said
        ));
    }
    snapshot::write(manifest, lang, chapter, &snap)?;
    Ok(tr!("project-accepted-block", place = here.as_str(), change = said))
}

/// The answer when the block `target` has no change to accept: said so, or an
/// error when no block is there, with the lines of the changed blocks.
fn nothing_changed(
    here: &str,
    block: Option<&crate::project::segments::Block>,
    target: Target,
    cmp: &changes::Comparison,
    blocks: &[crate::project::segments::Block],
) -> Result<Text> {
    let lines: Vec<String> = cmp
        .changes
        .iter()
        .map(|c| review::source_lines(c, blocks).0.to_string())
        .collect();
    let changed = (!lines.is_empty()).then(|| {
        tr!("project-changed-lines", count = lines.len(), lines = lines.join(", "))
    });
    let place = Text::raw(here);
    match (block, changed) {
        (Some(b), None) => Ok(place.join(
            ": ",
            &tr!("project-accept-nothing", kind = b.kind.said(), line = b.line),
        )),
        (Some(b), Some(changed)) => Ok(place.join(
            ": ",
            &tr!(
                "project-accept-unchanged",
                kind = b.kind.said(),
                line = b.line,
                changed = changed
            ),
        )),
        (None, changed) => Err(no_block(here, target, changed)),
    }
}

/// The error for a line no block starts at or contains, or an unknown id.
fn no_block(here: &str, target: Target, changed: Option<Text>) -> Error {
    let hint = match changed {
        None => tr!("project-accept-give-line-hint"),
        Some(changed) => tr!("project-accept-changed-hint", changed = changed),
    };
    let what = match target {
        Target::Line(line) => tr!("project-accept-no-block-line", line = line),
        Target::Id(_) => tr!("project-accept-no-block-id"),
    };
    Error::new(Text::raw(here).join(": ", &what)).with_hint(hint)
}

/// The change of the block `target`: by line, the change whose current block
/// contains it, else a removed block reported at it; by id, the change of the current
/// block, or of the accepted one, with that id.
fn find_change(
    changes: &[changes::Change],
    snap: &Snapshot,
    blocks: &[crate::project::segments::Block],
    target: Target,
) -> Option<changes::Change> {
    match target {
        Target::Line(line) => {
            let inside = changes
                .iter()
                .find(|c| c.new.is_some_and(|j| blocks[j].contains_line(line)));
            inside.or_else(|| {
                changes.iter().find(|c| {
                    c.new.is_none() && review::source_lines(c, blocks).0 == line
                })
            })
        }
        Target::Id(id) => changes.iter().find(|c| {
            c.new.is_some_and(|j| blocks[j].id == id)
                || (c.new.is_none() && c.old.is_some_and(|i| snap.blocks[i].id == id))
        }),
    }
    .copied()
}
