//! `livret po import`: a translation's PO files back into its chapters.
//!
//! Every PO file of the folder is read and every chapter made in memory first; any
//! problem (a syntax error, a msgid that is not the current source's, a translation
//! that drops an image, a link target or a footnote label, or that changes the
//! chapter's structure) is reported with its file and line in the PO, and then
//! nothing is written. Entries are found by their `msgctxt` (`chapter#block`), so
//! the files may be named and grouped as the translator likes (one per chapter, or
//! one for the whole guide made from the template).
//!
//! A chapter is written only when every block has a translation (fuzzy ones count:
//! their text is what the build shows, as a stale chapter's is today); a chapter
//! with untranslated blocks stays as it is — absent, the build shows the source
//! chapter under the "not yet translated" banner (or `build --strict` fails) — and
//! is listed with its first untranslated entry. Non-fuzzy entries are recorded as
//! accepted (see [`super::accept`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::accept::record_accepted;
use super::pairing::{self, Pairing};
use super::pofile::{self, Entry};
use super::rebuild::{footnote_labels, label_map, rebuild, shape_difference, shape_of};
use super::text::{entry_text, placed, translatable};
use super::{PoDir, block_id, check_lang, parse_block_id};
use crate::project::chapters;
use crate::project::manifest::{self, Manifest};
use crate::project::segments::align::{Alignment, align};
use crate::project::segments::{self, Format, Kind};
use crate::project::status;
use crate::util::diag::{Error, Result};
use crate::util::fs::{files_in, read_project, write_project};

/// The largest PO file read (16 MB): a chapter's PO file is tens of KB, and one at
/// livret's 2 MB chapter limit, with its translation and previous texts, about 6 MB.
const MAX_PO_BYTES: u64 = 16 << 20;

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
    /// Some blocks have no translation: the file was left as it was.
    Incomplete,
    /// No block has a translation: nothing to do.
    Untranslated,
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
    /// Blocks with a translation.
    pub translated: usize,
    /// Of which fuzzy (written, not accepted).
    pub fuzzy: usize,
    /// Blocks without a translation.
    pub untranslated: usize,
    /// The first untranslated entry (`file:line`), or the chapter's PO file when the
    /// block has no entry at all.
    pub first_untranslated: Option<String>,
    /// Blocks newly recorded as accepted.
    pub accepted: usize,
    /// Whether the whole chapter is now accepted against the current source.
    pub current: bool,
    /// Whether the translation's file exists.
    pub exists: bool,
    /// Why its blocks could not be paired with the source's, when they could not
    /// (its PO entries then start empty).
    pub unpaired: Option<String>,
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
    pub notices: Vec<String>,
}

/// An entry with the file it was read from.
struct Located {
    file: String,
    entry: Entry,
}

impl Located {
    /// `file:line` of the entry's msgstr.
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.entry.msgstr_line)
    }
}

/// Entries by chapter stem.
type ByChapter = BTreeMap<String, Vec<Located>>;

/// A chapter ready to write.
struct Planned {
    report: ChapterImport,
    pairing: Pairing,
    text: Option<String>,
    accepted: BTreeSet<usize>,
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
            return Err(Error::new(format!("source chapter `{stem}` has no file")));
        };
        let mine = entries.remove(stem).unwrap_or_default();
        if !src.is_markdown() {
            continue;
        }
        if chapters::find(&manifest, lang, stem)?.is_some_and(|f| !f.is_markdown()) {
            report.notices.push(format!(
                "sources/{lang}/{stem}.typ is a Typst chapter: left as it is"
            ));
            continue;
        }
        let pairing = pairing::pair(&manifest, lang, stem, src, &status)?;
        planned.push(plan(lang, stem, pairing, &mine, &dir, &mut problems));
    }
    for (stem, stray) in entries {
        let file = stray.first().map_or(String::new(), |l| l.at());
        report.notices.push(format!(
            "{file}: chapter `{stem}` is not in sources/guide.toml: its {} entries were left aside",
            stray.len()
        ));
    }
    if !problems.is_empty() {
        return Err(refusal(problems));
    }
    write_all(&manifest, lang, planned, &mut report)?;
    Ok(report)
}

/// The error listing every problem found.
fn refusal(problems: Vec<String>) -> Error {
    let n = problems.len();
    Error::new(format!(
        "{}{}",
        problems.join("\n  "),
        if n > 1 { format!("\n({n} problems; nothing was written)") } else { "\n(nothing was written)".into() }
    ))
    .with_hint("translate only the words: keep every image, link target and footnote label ([^note]) of the msgid, and the lines that make lists and headings")
}

/// Writes the chapters that changed, then records what was accepted.
fn write_all(
    manifest: &Manifest,
    lang: &str,
    planned: Vec<Planned>,
    report: &mut ImportReport,
) -> Result<()> {
    for p in &planned {
        if let (Some(text), Outcome::Written) = (&p.text, p.report.outcome) {
            write_project(&manifest.root, &p.report.file, text.as_bytes())?;
        }
    }
    let mut status = status::read(manifest, lang)?;
    let before = format!("{:?}", status.accepted);
    for mut p in planned {
        if matches!(p.report.outcome, Outcome::Written | Outcome::Unchanged) {
            let (accepted, current) = record_accepted(
                manifest,
                lang,
                &p.report.chapter,
                &p.pairing,
                &p.accepted,
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

/// Makes one chapter from its entries; problems are added to `problems`.
fn plan(
    lang: &str,
    stem: &str,
    pairing: Pairing,
    entries: &[Located],
    dir: &PoDir,
    problems: &mut Vec<String>,
) -> Planned {
    let by_id: BTreeMap<&str, &Located> =
        entries.iter().filter_map(|l| Some((l.entry.msgctxt.as_deref()?, l))).collect();
    let renames = label_map(&pairing);
    let mut labels = footnote_labels(&pairing.source.blocks);
    labels.extend(renames.values().cloned());
    let mut report = ChapterImport {
        chapter: stem.to_string(),
        file: format!("sources/{lang}/{stem}.md"),
        outcome: Outcome::Untranslated,
        translated: 0,
        fuzzy: 0,
        untranslated: 0,
        first_untranslated: None,
        accepted: 0,
        current: false,
        exists: pairing.translation.is_some(),
        unpaired: pairing.parting.as_ref().map(|p| p.describe()),
    };
    let mut translations = vec![None; pairing.source.blocks.len()];
    let mut accepted = BTreeSet::new();
    let mut known = BTreeSet::new();
    for (j, block) in pairing.source.blocks.iter().enumerate() {
        if !translatable(block.kind) || block.text.trim().is_empty() {
            accepted.insert(j);
            continue;
        }
        let id = block_id(stem, block);
        known.insert(id.clone());
        let found = by_id.get(id.as_str()).copied();
        let msgid = entry_text(block);
        match found.filter(|l| !l.entry.msgstr.trim().is_empty()) {
            Some(l)
                if segments::normalize(&l.entry.msgid) != segments::normalize(&msgid) =>
            {
                problems.push(stale_msgid(l, &pairing, block.line));
            }
            Some(l) => {
                check_entry(l, block.kind, &labels, &renames, problems);
                report.translated += 1;
                if l.entry.is_fuzzy() {
                    report.fuzzy += 1;
                } else {
                    accepted.insert(j);
                }
                translations[j] = Some(l.entry.msgstr.clone());
            }
            None => {
                report.untranslated += 1;
                if report.first_untranslated.is_none() {
                    report.first_untranslated = Some(
                        found
                            .map_or_else(|| dir.shown(&format!("{stem}.po")), |l| l.at()),
                    );
                }
            }
        }
    }
    stray_entries(entries, &known, &pairing, problems);
    let text = finish(&pairing, &translations, entries, &mut report, problems);
    Planned { report, pairing, text, accepted }
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
    problems: &mut Vec<String>,
) {
    if let Some(c) =
        l.entry.msgstr.chars().find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        problems.push(format!(
            "{}: the translation holds the invisible control character U+{:04X}; delete it (a line break is `\\n`)",
            l.at(),
            u32::from(c)
        ));
    }
    let placed = placed(kind, &l.entry.msgstr, "");
    if kind == Kind::Cell && bars(&placed) > bars(&l.entry.msgid) {
        problems.push(format!(
            "{}: a `|` ends a table cell: write it `\\|` in the translation",
            l.at()
        ));
    }
    if let Some(why) = shape_difference(
        &shape_of(&l.entry.msgid, labels).renamed(renames),
        &shape_of(&placed, labels),
    ) {
        problems.push(format!("{}: {why}", l.at()));
    }
}

/// Entries with a translation whose msgctxt is no block of the chapter now.
fn stray_entries(
    entries: &[Located],
    known: &BTreeSet<String>,
    pairing: &Pairing,
    problems: &mut Vec<String>,
) {
    for l in entries.iter().filter(|l| !l.entry.msgstr.trim().is_empty()) {
        if !l.entry.msgctxt.as_ref().is_some_and(|c| known.contains(c)) {
            problems.push(format!(
                "{}:{}: `{}` is not a block of {} now",
                l.file,
                l.entry.line,
                l.entry.msgctxt.as_deref().unwrap_or(""),
                pairing.source.file.rel
            ) + "; export again (`livret po export`) and merge your translations into it with msgmerge");
        }
    }
}

/// The chapter's new text when every block is translated, checked against the
/// source's structure; sets the outcome.
fn finish(
    pairing: &Pairing,
    translations: &[Option<String>],
    entries: &[Located],
    report: &mut ChapterImport,
    problems: &mut Vec<String>,
) -> Option<String> {
    if report.translated == 0 {
        report.outcome = Outcome::Untranslated;
        return None;
    }
    if report.untranslated > 0 {
        report.outcome = Outcome::Incomplete;
        return None;
    }
    let text = rebuild(pairing, translations);
    let body = text.strip_prefix(crate::util::text::BOM).unwrap_or(&text);
    let blocks = segments::segment(body, Format::Markdown);
    if let Alignment::Differs(parting) = align(&pairing.source.blocks, &blocks) {
        let block = pairing.source.blocks.get(parting.ordinal - 1);
        let id = block.map(|b| block_id(&report.chapter, b));
        let at = entries
            .iter()
            .find(|l| l.entry.msgctxt == id)
            .or_else(|| entries.iter().find(|l| !l.entry.msgstr.is_empty()))
            .map_or_else(|| report.file.clone(), Located::at);
        problems.push(format!(
            "{at}: this translation changes the chapter's structure ({})",
            parting.describe().replace("the translation", "the imported chapter")
        ));
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

/// The problem of an entry whose msgid is not the current source block's text.
fn stale_msgid(l: &Located, pairing: &Pairing, line: usize) -> String {
    format!(
        "{}:{}: the msgid is not the text of this block in {}:{line} any more (the source changed since the PO was exported); export again (`livret po export`) and merge your translations into it with msgmerge",
        l.file, l.entry.line, pairing.source.file.rel
    )
}

/// Reads every `.po` file directly in the folder: the files read, and the entries
/// by chapter. Syntax errors, a charset other than UTF-8, another language, entries
/// without a livret block id and the same block in two places are errors.
fn read_folder(
    manifest: &Manifest,
    dir: &PoDir,
    lang: &str,
) -> Result<(Vec<String>, ByChapter)> {
    let root = &manifest.root;
    let folder = dir.path(root);
    let names: Vec<String> = files_in(&folder)?
        .into_iter()
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(String::from))
        .filter(|n| n.ends_with(".po") && !n.starts_with('.'))
        .collect();
    if names.is_empty() {
        return Err(Error::new(format!("{}: no .po files there", dir.shown_dir()))
            .with_hint(format!(
                "write them first: livret po export --lang {lang} {}",
                dir.shown_dir()
            )));
    }
    let mut by_chapter = ByChapter::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for name in &names {
        let shown = dir.shown(name);
        let bytes = read_bytes(dir, root, name, &shown)?;
        for entry in read_file(&shown, bytes, lang)? {
            let located = Located { file: shown.clone(), entry };
            let id = located.entry.msgctxt.clone().unwrap_or_default();
            if let Some(first) = seen.insert(id.clone(), located.at()) {
                return Err(Error::new(format!(
                    "{}: the block `{id}` is already translated at {first}",
                    located.at()
                ))
                .with_hint("keep one of the two entries (one PO file per chapter, or one for the whole guide)"));
            }
            let chapter = parse_block_id(&id).map_or("", |(c, _)| c).to_string();
            by_chapter.entry(chapter).or_default().push(located);
        }
    }
    Ok((names.iter().map(|n| dir.shown(n)).collect(), by_chapter))
}

/// The bytes of the PO file `name` of the folder, refused beyond [`MAX_PO_BYTES`].
fn read_bytes(dir: &PoDir, root: &Path, name: &str, shown: &str) -> Result<Vec<u8>> {
    let size = dir.path(root).join(name).metadata().map_or(0, |m| m.len());
    if size > MAX_PO_BYTES {
        return Err(Error::new(format!(
            "{shown}: {:.1} MB, more than the {} MB livret reads in a PO file",
            size as f64 / f64::from(1 << 20),
            MAX_PO_BYTES >> 20
        ))
        .with_hint(
            "check that it is the file you meant: a chapter's PO file is tens of KB",
        ));
    }
    match dir {
        PoDir::Project(rel) => read_project(root, format!("{rel}/{name}")),
        PoDir::User(path) => std::fs::read(path.join(name))
            .map_err(|e| Error::io("read", &path.join(name), e)),
    }
}

/// Parses one PO file and checks its header; gives its entries.
fn read_file(shown: &str, bytes: Vec<u8>, lang: &str) -> Result<Vec<Entry>> {
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::new(format!("{shown}: the file is not UTF-8 text"))
            .with_hint("save it as UTF-8 (Poedit and Lokalize do by default)")
    })?;
    let catalog = pofile::parse(&text).map_err(|e| {
        Error::new(format!("{shown}:{}: {}", e.line, e.message))
            .with_hint("fix the line, or export again and redo the change in a PO editor")
    })?;
    if let Some(ct) = catalog.header_field("Content-Type") {
        let charset = ct.split("charset=").nth(1).unwrap_or("").trim();
        if !charset.eq_ignore_ascii_case("UTF-8") {
            return Err(Error::new(format!("{shown}: the header says charset={charset}, livret reads UTF-8 only"))
                .with_hint("save the file as UTF-8 and set the header to `Content-Type: text/plain; charset=UTF-8`"));
        }
    }
    super::language::check(shown, &text, &catalog, lang)?;
    for e in &catalog.entries {
        if e.msgctxt.as_deref().and_then(parse_block_id).is_none() {
            return Err(Error::new(format!(
                "{shown}:{}: this entry has no livret block id as its msgctxt (`chapter#5-paragraph`)",
                e.line
            ))
            .with_hint("the entries come from `livret po export`; keep their msgctxt as it is"));
        }
    }
    Ok(catalog.entries)
}
