//! What `check --accept` and `check --intended` say besides their confirmations: a
//! chapter accepted while blocks are still left in the source's words, a finding marked
//! as intended that check does not report on that block.

use crate::i18n::Text;
use crate::ops::check::qa::chapter_findings;
use crate::project::block_ids;
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::review::read_chapter;
use crate::project::segments::is_untranslated;
use crate::project::status;
use crate::tr;
use crate::util::diag::Result;

/// One warning per accepted chapter (`CHAPTER` or `CHAPTER:LINE`) of translation `lang`
/// whose file still has blocks marked as untranslated (`[fr] …`).
pub fn accept_warnings(
    manifest: &Manifest,
    lang: &str,
    items: &[String],
) -> Result<Vec<Text>> {
    let source = manifest.guide.source_language.as_str();
    let mut warnings = Vec::new();
    let mut seen = Vec::new();
    for item in items {
        let stem = item.split(':').next().unwrap_or(item).trim();
        if seen.contains(&stem) {
            continue;
        }
        seen.push(stem);
        let Some(file) = chapters::find(manifest, lang, stem)? else { continue };
        let rel = file.rel.clone();
        let chapter = read_chapter(manifest, file)?;
        let marked = chapter.blocks.iter().filter(|b| is_untranslated(&b.text, source));
        let first = chapter.blocks.iter().find(|b| is_untranslated(&b.text, source));
        let (count, Some(first)) = (marked.count(), first) else { continue };
        warnings.push(tr!(
            "review-accepted-still-marked",
            chapter = stem,
            count = count,
            mark = format!("[{source}]"),
            file = format!("{rel}:{}", first.line),
        ));
    }
    Ok(warnings)
}

/// One warning per `ID:CHECK` marked as intended in translation `lang` where check
/// finds no such finding now (a mistyped check, another block): the mark is kept, as a
/// later edit may bring the finding, but it silences nothing today.
pub fn intended_warnings(
    manifest: &Manifest,
    lang: &str,
    items: &[String],
) -> Result<Vec<Text>> {
    let st = status::read(manifest, lang)?;
    let mut warnings = Vec::new();
    for item in items {
        let Some((id, check)) = item.rsplit_once(':') else { continue };
        let Some((chapter, block)) = block_ids::split(id) else { continue };
        // An older livret's position id (`5-paragraph`) names the block by its place.
        if block.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let findings = chapter_findings(manifest, lang, chapter, &st)?;
        if !findings.iter().any(|f| f.id == id && f.check.name() == check) {
            warnings.push(tr!("review-intended-no-finding", check = check, id = id));
        }
    }
    Ok(warnings)
}
