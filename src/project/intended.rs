//! `check --intended ID:CHECK`: a translator says a check's finding in one block is
//! what they meant ("three" for "3", a question put as a statement). The mark is kept
//! in status.toml under `[intended]`, by the block's stable id (`project::block_ids`),
//! so it survives edits of the block and insertions, deletions and moves in the rest
//! of the chapter; `check` and the PO files stop showing it. A position id of an older
//! livret (`01-introduction#5-paragraph`) is taken as the block now at that place.

use crate::i18n::Text;
use crate::project::block_ids;
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::qa::{ALL_CHECKS, Check};
use crate::project::review::{known_chapter, read_source};
use crate::project::status;
use crate::project::targets;
use crate::tr;
use crate::util::diag::{Error, Result};

/// Marks each of `what` (`ID:CHECK`, the id as `check` prints it) as intended in
/// translation `lang`; gives one line per mark saying what was recorded.
pub fn mark(manifest: &Manifest, lang: &str, what: &[String]) -> Result<Vec<Text>> {
    let known = manifest.languages.iter().map(|l| l.code.as_str());
    targets::select(&[lang.to_string()], known, "language")?;
    if lang == manifest.guide.source_language {
        return Err(Error::new(tr!("project-intended-source-language", code = lang)));
    }
    let mut marks = Vec::new();
    for item in what {
        marks.push(parse(manifest, item)?);
    }
    let _lock = status::lock(manifest, lang)?;
    let mut st = status::read(manifest, lang)?;
    let mut done = Vec::new();
    for (id, check) in marks {
        let checks = st.intended.entry(id.clone()).or_default();
        if checks.iter().any(|c| c == check.name()) {
            done.push(tr!(
                "project-intended-already",
                check = check.name(),
                id = id.as_str()
            ));
            continue;
        }
        checks.push(check.name().to_string());
        checks.sort();
        done.push(tr!("project-intended-marked", check = check.name(), id = id.as_str()));
    }
    status::write(manifest, lang, &st)?;
    Ok(done)
}

/// Reads `ID:CHECK`: a block id of a chapter of the guide and a check's name.
fn parse(manifest: &Manifest, item: &str) -> Result<(String, Check)> {
    let names: Vec<&str> = ALL_CHECKS.iter().map(|c| c.name()).collect();
    let Some((id, name)) = item.rsplit_once(':') else {
        return Err(Error::new(tr!("project-intended-form", item = item))
            .with_hint(tr!("project-intended-form-hint")));
    };
    let check = Check::from_name(name).ok_or_else(|| {
        Error::new(tr!("project-intended-not-a-check", name = name))
            .with_hint(tr!("project-intended-checks", names = names.join(", ")))
    })?;
    let Some((chapter, block)) = block_ids::split(id) else {
        return Err(Error::new(tr!("project-intended-not-an-id", id = id))
            .with_hint(tr!("project-intended-id-hint")));
    };
    known_chapter(manifest, chapter)?;
    Ok((stable_id(manifest, chapter, block)?, check))
}

/// The block id (`chapter#kind-hash`, see `project::block_ids`) of `block` in source
/// chapter `chapter`: `block` itself, or the block at that place when it is a
/// position id of an older livret (`5-paragraph`). A block the chapter does not have
/// is refused.
fn stable_id(manifest: &Manifest, chapter: &str, block: &str) -> Result<String> {
    let source = &manifest.guide.source_language;
    let Some(file) = chapters::find(manifest, source, chapter)? else {
        return Err(Error::new(tr!("project-source-chapter-no-file", chapter = chapter)));
    };
    let src = read_source(manifest, chapter, file)?;
    let found = src.blocks.iter().find(|b| b.id == block).or_else(|| {
        src.blocks.iter().find(|b| format!("{}-{}", b.ordinal, b.kind.name()) == block)
    });
    match found {
        Some(b) => Ok(block_ids::qualified(chapter, &b.id)),
        None => Err(Error::new(tr!(
            "project-intended-no-block",
            id = format!("{chapter}#{block}"),
            file = src.file.rel.as_str()
        ))
        .with_hint(tr!(
            "project-intended-no-block-hint",
            example = src.blocks.first().map_or_else(
                || format!("{chapter}#paragraph-3f2a9c1b"),
                |b| block_ids::qualified(chapter, &b.id)
            )
        ))),
    }
}
