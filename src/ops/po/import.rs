//! `livret po import`: a translation's PO files back into its chapters, block by
//! block, losing nothing.
//!
//! Every PO file of the folder is read and every chapter made in memory first; bad
//! input (a syntax error, a translation that drops an image, a link target or a
//! footnote label, or that changes the chapter's structure) is reported with its file
//! and line in the PO, and then nothing is written. Entries are found by their
//! `msgctxt` (`chapter#id`, see `project::block_ids`), so the files may be named and
//! grouped as the translator likes.
//!
//! Each block is merged on its own, against the base the entry was exported with
//! (see [`super::base`]): a block the PO did not change keeps what the chapter has now
//! (a direct edit, another translator's import); a block only the PO changed takes
//! the PO's text; a block both changed is a conflict, shown with both texts, and its
//! chapter is left untouched. An empty msgstr never erases a translation. A chapter
//! partly translated is written: its untranslated blocks keep the source text under
//! the untranslated mark (`[fr] `), which the PDF shows and `check` lists. A PO
//! exported before the source changed is merged the same way: its translations are
//! written, accepted against the source text they were made for, so `check` shows
//! what changed since. What the translator left fuzzy is written and not accepted
//! (see [`super::accept`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use super::accept::{Decision, record};
use super::folder::{Located, read_folder, rebase};
pub use super::merge::Conflict;
use super::merge::{Merge, conflict, current_texts, merge, review_decision};
use super::pairing::{self, Pairing};
use super::rebuild::{footnote_labels, label_map, rebuild, shape_difference, shape_of};
use super::text::{entry_text, placed, translatable};
use super::{PoDir, base, block_id, check_lang};
use crate::i18n::Text;
use crate::project::chapters;
use crate::project::manifest::{self, Manifest};
use crate::project::segments::align::align;
use crate::project::segments::{self, Block, Format, Kind};
use crate::project::status;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_project;

/// What to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The project folder.
    pub project: PathBuf,
    /// The translation.
    pub lang: String,
    /// The folder of PO files (default `po/<lang>` in the project).
    pub dir: Option<PathBuf>,
}

/// What became of one chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The chapter file was written.
    Written,
    /// The PO files say what the chapter file already says.
    Unchanged,
    /// No block has a translation: nothing to do.
    Untranslated,
    /// Some blocks changed both in the PO and in the chapter since the export: the
    /// chapter was left as it is (see `conflicts`).
    Conflicts,
    /// The chapter's file has blocks of its own that a chapter rebuilt in the
    /// source's structure would lose: it was left as it is (see `unpaired`).
    Unpaired,
}

/// One chapter's import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChapterImport {
    /// Chapter stem.
    pub chapter: String,
    /// The translation's file.
    pub file: String,
    /// What was done.
    pub outcome: Outcome,
    /// Blocks with a translation (after the import).
    pub translated: usize,
    /// Of which fuzzy in the PO (written, not accepted).
    pub fuzzy: usize,
    /// Blocks without a translation: written with the source text under the
    /// untranslated mark.
    pub untranslated: usize,
    /// The first untranslated entry (`file:line`), or the chapter's PO file when the
    /// block has no entry at all.
    pub first_untranslated: Option<String>,
    /// Blocks whose text in the chapter changed since the export and that the PO left
    /// as exported: the chapter's text was kept.
    pub kept: usize,
    /// Blocks newly recorded as accepted.
    pub accepted: usize,
    /// Whether the whole chapter is now accepted against the current source.
    pub current: bool,
    /// Whether the translation's file exists.
    pub exists: bool,
    /// Which blocks could not be paired with the source's, when some could not.
    pub unpaired: Option<Text>,
    /// Blocks changed on both sides (the chapter is then left as it is).
    pub conflicts: Vec<Conflict>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The translation.
    pub lang: String,
    /// The PO files read.
    pub files: Vec<String>,
    /// One line per Markdown chapter.
    pub chapters: Vec<ChapterImport>,
    /// Things worth knowing that are not errors.
    pub notices: Vec<Text>,
}

impl ImportReport {
    /// Whether a chapter was left as it is for a conflict or blocks it would lose.
    pub fn has_problems(&self) -> bool {
        self.chapters
            .iter()
            .any(|c| matches!(c.outcome, Outcome::Conflicts | Outcome::Unpaired))
    }
}

/// A chapter ready to write.
pub(super) struct Planned {
    /// What became of it.
    pub(super) report: ChapterImport,
    pairing: Pairing,
    text: Option<String>,
    decisions: Vec<Decision>,
    /// Entries whose translation the chapter holds once written, with their new
    /// base: (PO file name, msgid line, base).
    rebases: Vec<(String, usize, String)>,
    /// Whether the PO files have entries of this chapter.
    touched: bool,
}

/// Reads the PO files, makes every chapter, and writes them when all is well.
pub fn import(options: &ImportOptions) -> Result<ImportReport> {
    let manifest = manifest::load(&options.project)?;
    let lang = options.lang.as_str();
    check_lang(&manifest, lang)?;
    // From reading the chapters to recording reviews: another import or accept waits.
    let _lock = status::lock(&manifest, lang)?;
    let dir = PoDir::new(options.dir.clone(), lang);
    let (files, mut entries) = read_folder(&manifest, &dir, lang)?;
    let mut report = ImportReport {
        lang: lang.to_string(),
        files,
        chapters: Vec::new(),
        notices: Vec::new(),
    };
    let status = status::read(&manifest, lang)?;
    let source = manifest.guide.source_language.clone();
    let mut problems = Vec::new();
    let mut planned = Vec::new();
    for stem in manifest.chapter_stems() {
        let Some(src) = chapters::find(&manifest, &source, stem)? else {
            return Err(Error::new(tr!("po-source-missing", stem = stem)).with_hint(
                tr!("po-source-missing-hint", source = &source, stem = stem),
            ));
        };
        let mine = entries.remove(stem).unwrap_or_default();
        if !src.is_markdown() {
            continue;
        }
        if chapters::find(&manifest, lang, stem)?.is_some_and(|f| !f.is_markdown()) {
            report.notices.push(tr!("po-import-typst-left", lang = lang, stem = stem));
            continue;
        }
        let pairing = pairing::pair(&manifest, lang, stem, src, &status)?;
        let mut p = plan(lang, &source, stem, pairing, &mine, &dir, &mut problems);
        report.notices.extend(strays(&mine, &p));
        if p.report.unpaired.is_none() {
            p.report.unpaired =
                p.pairing.parting.as_ref().map(|x| Text::of(x.unpaired()));
        }
        planned.push(p);
    }
    for (stem, stray) in entries {
        let file = stray.first().map_or(String::new(), |l| l.at());
        let notice = tr!("po-import-unknown-chapter", stem = stem, count = stray.len());
        report.notices.push(Text::raw(file).join(": ", &notice));
    }
    if !problems.is_empty() {
        return Err(refusal(problems));
    }
    write_all(&manifest, lang, Some(&dir), planned, &mut report)?;
    Ok(report)
}

/// The error listing every problem found.
pub(super) fn refusal(problems: Vec<Text>) -> Error {
    let mut message = Text::default();
    for (i, problem) in problems.iter().enumerate() {
        message = if i == 0 { problem.clone() } else { message.join("\n  ", problem) };
    }
    let count = problems.len();
    let message = message.join("\n", &tr!("po-import-refused", count = count));
    Error::new(message).with_hint(tr!("po-import-refused-hint"))
}

/// Writes the chapters that changed, then records what was accepted; the bases of
/// the folder's PO files (`dir`, `None` for entries made in memory) are updated.
pub(super) fn write_all(
    manifest: &Manifest,
    lang: &str,
    dir: Option<&PoDir>,
    planned: Vec<Planned>,
    report: &mut ImportReport,
) -> Result<()> {
    let mut rebases: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for p in &planned {
        if let (Some(text), Outcome::Written) = (&p.text, p.report.outcome) {
            write_project(&manifest.root, &p.report.file, text.as_bytes())?;
        }
        if matches!(p.report.outcome, Outcome::Written | Outcome::Unchanged) {
            for (name, line, base) in &p.rebases {
                rebases.entry(name.clone()).or_default().push((*line, base.clone()));
            }
        }
    }
    if let Some(dir) = dir {
        rebase(manifest, dir, &rebases)?;
    }
    let mut status = status::read(manifest, lang)?;
    let before = format!("{:?}", status.accepted);
    for mut p in planned {
        // A chapter the PO files say nothing of keeps its review state as it was.
        if matches!(p.report.outcome, Outcome::Written | Outcome::Unchanged) && p.touched
        {
            let rewritten = p.report.outcome == Outcome::Written;
            let (accepted, current) = record(
                manifest,
                lang,
                &p.report.chapter,
                (&p.pairing, rewritten),
                &p.decisions,
                &mut status,
            )?;
            p.report.accepted = accepted;
            p.report.current = current;
        }
        report.chapters.push(p.report);
    }
    if format!("{:?}", status.accepted) != before {
        status::write(manifest, lang, &status)?;
    }
    Ok(())
}

/// The entry of a source block: by its id, else by the position id an older
/// livret gave it (`chapter#5-paragraph`) when its msgid is the block's text.
fn entry_of<'a>(
    stem: &str,
    block: &Block,
    by_id: &BTreeMap<&str, &'a Located>,
) -> Option<&'a Located> {
    if let Some(l) = by_id.get(block_id(stem, block).as_str()) {
        return Some(l);
    }
    let legacy = format!("{stem}#{}-{}", block.ordinal, block.kind.name());
    by_id
        .get(legacy.as_str())
        .copied()
        .filter(|l| base::same(&l.entry.msgid, &entry_text(block)))
}

/// Makes one chapter from its entries; bad input is added to `problems`.
pub(super) fn plan(
    lang: &str,
    source_lang: &str,
    stem: &str,
    pairing: Pairing,
    entries: &[Located],
    dir: &PoDir,
    problems: &mut Vec<Text>,
) -> Planned {
    let by_id: BTreeMap<&str, &Located> =
        entries.iter().filter_map(|l| Some((l.entry.msgctxt.as_deref()?, l))).collect();
    let renames = label_map(&pairing);
    let mut labels = footnote_labels(&pairing.source.blocks);
    labels.extend(renames.values().cloned());
    let mut report = ChapterImport::new(lang, stem, pairing.translation.is_some());
    let current = current_texts(&pairing);
    let mut finals = current.clone();
    let mut decisions = vec![Decision::Keep; pairing.source.blocks.len()];
    let mut from_po = false;
    let mut rebases = Vec::new();
    for (j, block) in pairing.source.blocks.iter().enumerate() {
        if !translatable(block.kind) || block.text.trim().is_empty() {
            decisions[j] = Decision::Accept(block.text.clone());
            continue;
        }
        let found = entry_of(stem, block, &by_id);
        if let Some(l) = found {
            let po = Some(l.entry.msgstr.as_str()).filter(|t| !t.trim().is_empty());
            if po.is_some() {
                check_entry(l, block.kind, &labels, &renames, problems);
            }
            match merge(l, po, current[j].as_deref()) {
                Merge::Chapter => {}
                Merge::KeptEdit => report.kept += 1,
                Merge::Po => {
                    finals[j] = po.map(str::to_string);
                    from_po = true;
                }
                Merge::Conflict => report.conflicts.push(conflict(l, &pairing, j)),
            }
            let final_text = finals[j].as_deref();
            if let Some(p) = po.filter(|p| final_text.is_some_and(|f| base::same(f, p))) {
                let new = base::hash_of(p);
                if base::of(&l.entry) != Some(new.as_str()) {
                    rebases.push((l.name.clone(), l.entry.line, new));
                }
                decisions[j] =
                    review_decision(&l.entry, block, pairing.units[j].accepted);
                report.fuzzy += usize::from(l.entry.is_fuzzy());
            }
        }
        if finals[j].is_some() {
            report.translated += 1;
        } else {
            decisions[j] = Decision::Pending;
            report.untranslated += 1;
            if report.first_untranslated.is_none() {
                let at =
                    found.map_or_else(|| dir.shown(&format!("{stem}.po")), |l| l.at());
                report.first_untranslated = Some(at);
            }
        }
    }
    let text = if !report.conflicts.is_empty() {
        report.outcome = Outcome::Conflicts;
        None
    } else if !from_po {
        // Nothing of the PO goes into the chapter: it stays as it is, byte for byte.
        report.outcome = match pairing.translation {
            Some(_) => Outcome::Unchanged,
            None => Outcome::Untranslated,
        };
        None
    } else {
        finish(&pairing, &finals, source_lang, entries, &mut report, problems)
    };
    Planned { report, pairing, text, decisions, rebases, touched: !entries.is_empty() }
}

impl ChapterImport {
    /// The report of chapter `stem` before anything is done.
    fn new(lang: &str, stem: &str, exists: bool) -> Self {
        ChapterImport {
            chapter: stem.to_string(),
            file: format!("sources/{lang}/{stem}.md"),
            outcome: Outcome::Untranslated,
            translated: 0,
            fuzzy: 0,
            untranslated: 0,
            first_untranslated: None,
            kept: 0,
            accepted: 0,
            current: false,
            exists,
            unpaired: None,
            conflicts: Vec::new(),
        }
    }
}

/// Checks that a translation keeps its msgid's shape: the same blocks on its own,
/// the same images, link targets and footnote labels (`renames`: the translation's
/// own labels), no `|` added to a table cell, no control character (but line breaks
/// and tabs), which would be written unseen into the chapter.
fn check_entry(
    l: &Located,
    kind: Kind,
    labels: &[String],
    renames: &BTreeMap<String, String>,
    problems: &mut Vec<Text>,
) {
    if let Some(c) =
        l.entry.msgstr.chars().find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        let code = format!("U+{:04X}", u32::from(c));
        let problem = tr!("po-import-control-char", code = code);
        problems.push(Text::raw(l.at()).join(": ", &problem));
    }
    let placed = placed(kind, &l.entry.msgstr, "");
    if kind == Kind::Cell && bars(&placed) > bars(&l.entry.msgid) {
        problems.push(Text::raw(l.at()).join(": ", &tr!("po-import-bar")));
    }
    if let Some(why) = shape_difference(
        &shape_of(&l.entry.msgid, labels).renamed(renames),
        &shape_of(&placed, labels),
    ) {
        problems.push(Text::raw(l.at()).join(": ", &why));
    }
}

/// Notices for entries with a translation whose msgctxt is no block of the chapter
/// now: left aside (a later export keeps them as obsolete entries).
fn strays(entries: &[Located], planned: &Planned) -> Vec<Text> {
    let stem = &planned.report.chapter;
    let blocks = &planned.pairing.source.blocks;
    let known: BTreeSet<String> = blocks.iter().map(|b| block_id(stem, b)).collect();
    let legacy: BTreeSet<String> = blocks
        .iter()
        .map(|b| format!("{stem}#{}-{}", b.ordinal, b.kind.name()))
        .collect();
    entries
        .iter()
        .filter(|l| !l.entry.msgstr.trim().is_empty())
        .filter(|l| {
            l.entry
                .msgctxt
                .as_ref()
                .is_none_or(|c| !known.contains(c) && !legacy.contains(c))
        })
        .map(|l| {
            let notice = tr!(
                "po-import-stray",
                id = l.entry.msgctxt.as_deref().unwrap_or(""),
                chapter = &planned.pairing.source.file.rel
            );
            Text::raw(format!("{}:{}", l.file, l.entry.line)).join(": ", &notice)
        })
        .collect()
}

/// The chapter's new text, checked against the source's structure; sets the
/// outcome.
fn finish(
    pairing: &Pairing,
    finals: &[Option<String>],
    source_lang: &str,
    entries: &[Located],
    report: &mut ChapterImport,
    problems: &mut Vec<Text>,
) -> Option<String> {
    let text = match rebuild(pairing, finals, source_lang) {
        Ok(text) => text,
        Err(lines) => {
            report.outcome = Outcome::Unpaired;
            let tr = pairing.translation.as_ref().map_or("", |t| t.file.rel.as_str());
            let at: Vec<String> = lines.iter().map(|l| format!("{tr}:{l}")).collect();
            let src = &pairing.source.file.rel;
            let missing: Vec<String> = pairing
                .parting
                .iter()
                .flat_map(|p| &p.source_only)
                .map(|l| format!("{src}:{l}"))
                .collect();
            report.unpaired = Some(tr!(
                "po-import-unpaired",
                own = at.join(", "),
                missing = missing.join(", ")
            ));
            return None;
        }
    };
    let body = text.strip_prefix(crate::util::text::BOM).unwrap_or(&text);
    let blocks = segments::segment(body, Format::Markdown);
    let alignment = align(&pairing.source.blocks, &blocks);
    if alignment.pairs.iter().any(Option::is_none)
        && let Some(parting) = alignment.parting(&pairing.source.blocks, &blocks)
    {
        let block = pairing.source.blocks.get(parting.ordinal - 1);
        let id = block.map(|b| block_id(&report.chapter, b));
        let at = entries
            .iter()
            .find(|l| l.entry.msgctxt == id)
            .or_else(|| entries.iter().find(|l| !l.entry.msgstr.is_empty()))
            .map_or_else(|| report.file.clone(), Located::at);
        let why = parting.describe_against(tr!("project-parting-imported"));
        let problem = tr!("po-import-structure", why = why);
        problems.push(Text::raw(at).join(": ", &problem));
        return None;
    }
    let unchanged = pairing.translation.as_ref().is_some_and(|tr| {
        let mut old = String::new();
        if tr.bom {
            old.push(crate::util::text::BOM);
        }
        old.push_str(&tr.text);
        old == text
    });
    report.outcome = if unchanged { Outcome::Unchanged } else { Outcome::Written };
    Some(text)
}

/// How many `|` a text has that are not written `\|`.
fn bars(text: &str) -> usize {
    text.matches('|').count() - text.matches("\\|").count()
}
