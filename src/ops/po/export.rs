//! `livret po export`: one PO file per chapter of a translation — each block of the
//! source a `msgid`, its translation the `msgstr` (empty when there is none), `fuzzy`
//! with the previously accepted source (`#| msgid`) where the source changed since —
//! and one template (`<guide>.pot`) of the whole guide for new languages.
//!
//! Exporting again over a folder of PO files loses nothing: a translation in a PO
//! file that is not in the chapter yet stays in the new file (with its base, so the
//! import still knows what it changed), translator comments, flags and header fields
//! (Last-Translator, Language-Team, PO-Revision-Date, Plural-Forms…) are kept, and a
//! block deleted from the source becomes an obsolete `#~` entry with its translation.

use std::path::PathBuf;

use serde::Serialize;

use super::pairing::{self, Pairing};
use super::pofile::{self, Catalog, Entry};
use super::text::{entry_text, entry_text_of, translatable};
use super::{PoDir, base, block_id, check_lang, notes};
use crate::i18n::Text;
use crate::project::block_ids;
use crate::project::chapters;
use crate::project::manifest::{self, Manifest};
use crate::project::status;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project_if_exists, write_atomic, write_project};

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The project folder.
    pub project: PathBuf,
    /// The translation.
    pub lang: String,
    /// Where to write (default `po/<lang>` in the project).
    pub dir: Option<PathBuf>,
}

/// One chapter's PO file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChapterExport {
    /// Chapter stem.
    pub chapter: String,
    /// The PO file written.
    pub file: String,
    /// Entries (blocks to translate).
    pub entries: usize,
    /// Entries with a translation that needs no review.
    pub translated: usize,
    /// Entries marked fuzzy (a translation to review).
    pub fuzzy: usize,
    /// Entries with no translation.
    pub untranslated: usize,
    /// Which blocks could not be paired with the source's, when some could not.
    pub unpaired: Option<Text>,
    /// Translations kept from the PO file already there, not imported yet.
    pub kept: usize,
    /// Obsolete entries (`#~`): translations of blocks no longer in the source.
    pub obsolete: usize,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// The translation.
    pub lang: String,
    /// The folder written.
    pub dir: String,
    /// The template of the whole guide.
    pub template: String,
    /// One PO file per chapter.
    pub chapters: Vec<ChapterExport>,
    /// Chapters left out, and why.
    pub skipped: Vec<Text>,
}

/// Writes the PO files of a translation and the template.
pub fn export(options: &ExportOptions) -> Result<ExportReport> {
    let manifest = manifest::load(&options.project)?;
    let lang = options.lang.as_str();
    check_lang(&manifest, lang)?;
    let dir = PoDir::new(options.dir.clone(), lang);
    let status = status::read(&manifest, lang)?;
    let source = manifest.guide.source_language.clone();
    let mut template = Vec::new();
    let mut report = ExportReport {
        lang: lang.to_string(),
        dir: dir.shown_dir(),
        template: dir.shown(&format!("{}.pot", manifest.guide.id)),
        chapters: Vec::new(),
        skipped: Vec::new(),
    };
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for stem in manifest.chapter_stems() {
        let Some(src) = chapters::find(&manifest, &source, stem)? else {
            return Err(Error::new(tr!("po-source-missing", stem = stem)).with_hint(
                tr!("po-source-missing-hint", source = &source, stem = stem),
            ));
        };
        if !src.is_markdown() {
            report.skipped.push(tr!(
                "po-export-typst-skipped",
                file = &src.rel,
                lang = lang,
                stem = stem
            ));
            continue;
        }
        let name = format!("{stem}.po");
        let old = match read_old(&manifest, &dir, &name)? {
            Ok(old) => old,
            Err(why) => {
                unreadable.push(why);
                continue;
            }
        };
        let pairing = pairing::pair(&manifest, lang, stem, src, &status)?;
        let (mut catalog, summary) =
            chapter_catalog(&manifest, lang, stem, &pairing, old.as_ref());
        template.extend(catalog.entries.iter().map(|e| Entry {
            msgstr: String::new(),
            flags: Vec::new(),
            comments: Vec::new(),
            previous_msgid: None,
            ..e.clone()
        }));
        notes::annotate(&mut catalog.entries, &status);
        files.push((name.clone(), pofile::write(&catalog)));
        report.chapters.push(ChapterExport { file: dir.shown(&name), ..summary });
    }
    if !unreadable.is_empty() {
        let mut message = Text::default();
        for (i, why) in unreadable.iter().enumerate() {
            message = if i == 0 { why.clone() } else { message.join("\n  ", why) };
        }
        let message = message.join("\n", &tr!("po-export-nothing-written"));
        return Err(Error::new(message).with_hint(tr!("po-export-unreadable-hint")));
    }
    notes::flag_markdown(&mut template);
    let catalog = Catalog {
        comments: template_comments(&manifest),
        header: header(&manifest, None, None),
        entries: template,
        obsolete: Vec::new(),
    };
    files.push((format!("{}.pot", manifest.guide.id), pofile::write(&catalog)));
    for (name, text) in files {
        write(&manifest, &dir, &name, &text)?;
    }
    Ok(report)
}

/// The PO file already at `name`, when there is one: `Err` says why it cannot be
/// read (its translations could not be kept, so it is not overwritten).
fn read_old(
    manifest: &Manifest,
    dir: &PoDir,
    name: &str,
) -> Result<std::result::Result<Option<Catalog>, Text>> {
    let shown = dir.shown(name);
    let old = match dir {
        PoDir::Project(rel) => {
            read_project_if_exists(&manifest.root, format!("{rel}/{name}"))?
        }
        PoDir::User(path) => std::fs::read(path.join(name)).ok(),
    };
    let Some(old) = old else { return Ok(Ok(None)) };
    let parsed = String::from_utf8(old)
        .map_err(|_| (0, tr!("po-export-not-utf8")))
        .and_then(|t| pofile::parse(&t).map_err(|e| (e.line, e.message)));
    Ok(match parsed {
        Ok(old) => Ok(Some(old)),
        Err((line, why)) => {
            let at = if line > 0 { format!("{shown}:{line}") } else { shown };
            Err(Text::raw(at).join(": ", &tr!("po-export-unreadable", why = why)))
        }
    })
}

/// Writes one file of the folder atomically.
fn write(manifest: &Manifest, dir: &PoDir, name: &str, text: &str) -> Result<()> {
    match dir {
        PoDir::Project(rel) => {
            write_project(&manifest.root, format!("{rel}/{name}"), text.as_bytes())
        }
        PoDir::User(path) => write_atomic(&path.join(name), text.as_bytes()),
    }
}

/// A chapter's PO file, and its counts; `old`: the file already there.
fn chapter_catalog(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    pairing: &Pairing,
    old: Option<&Catalog>,
) -> (Catalog, ChapterExport) {
    let (mut entries, mut summary) = chapter_entries(stem, pairing);
    let olds: std::collections::BTreeMap<&str, &Entry> = old
        .map(|c| {
            c.entries.iter().filter_map(|e| Some((e.msgctxt.as_deref()?, e))).collect()
        })
        .unwrap_or_default();
    for e in entries.iter_mut() {
        let Some(o) = e.msgctxt.as_deref().and_then(|c| olds.get(c)) else { continue };
        summary.kept += usize::from(keep_old(e, o));
    }
    recount(&entries, &mut summary);
    let obsolete = obsolete_entries(stem, pairing, &entries, old);
    summary.obsolete = obsolete.len();
    let catalog = Catalog {
        comments: chapter_comments(manifest, lang, stem, pairing, &summary),
        header: header(manifest, Some(lang), old),
        entries,
        obsolete,
    };
    (catalog, summary)
}

/// Carries what the PO file already there says of an entry into the new one: its
/// translator comments and flags, and its translation when it is not in the chapter
/// yet (it differs from the base it was exported with); says whether it kept one.
fn keep_old(e: &mut Entry, o: &Entry) -> bool {
    let fuzzy = e.is_fuzzy();
    let mut flags: Vec<String> = o
        .flags
        .iter()
        .filter(|f| *f != "fuzzy" && !e.flags.contains(f))
        .cloned()
        .collect();
    let mut base_now = base::of(e).unwrap_or("none").to_string();
    let unimported = !o.msgstr.trim().is_empty()
        && !base::same(&o.msgstr, &e.msgstr)
        && base::of(o).is_none_or(|b| b != base::hash_of(&o.msgstr));
    let mut kept_fuzzy = fuzzy;
    if unimported {
        e.msgstr = o.msgstr.clone();
        base_now = base::of(o).unwrap_or("none").to_string();
        let source_moved = !base::same(&o.msgid, &e.msgid);
        kept_fuzzy = o.is_fuzzy() || source_moved;
        if source_moved {
            e.previous_msgid = Some(o.msgid.clone());
        } else {
            e.previous_msgid = o.previous_msgid.clone().filter(|_| o.is_fuzzy());
        }
    }
    if kept_fuzzy {
        flags.insert(0, "fuzzy".into());
    } else {
        e.previous_msgid = None;
    }
    flags.extend(e.flags.iter().filter(|f| *f != "fuzzy").cloned());
    e.flags = flags;
    e.comments = base::with(&o.comments, &base_now);
    unimported
}

/// The counts of a chapter's entries.
fn recount(entries: &[Entry], summary: &mut ChapterExport) {
    summary.entries = entries.len();
    summary.untranslated = entries.iter().filter(|e| e.msgstr.trim().is_empty()).count();
    summary.fuzzy =
        entries.iter().filter(|e| !e.msgstr.trim().is_empty() && e.is_fuzzy()).count();
    summary.translated = summary.entries - summary.untranslated - summary.fuzzy;
}

/// The obsolete entries of a chapter: blocks removed from the source whose
/// translation the chapter still has, entries of the old PO file whose block is gone,
/// and the old file's own obsolete entries — none whose block is back.
fn obsolete_entries(
    stem: &str,
    pairing: &Pairing,
    entries: &[Entry],
    old: Option<&Catalog>,
) -> Vec<String> {
    let mut seen: std::collections::BTreeSet<String> =
        entries.iter().filter_map(|e| e.msgctxt.clone()).collect();
    let mut out = Vec::new();
    if let Some(tr) = &pairing.translation {
        for r in &pairing.removed {
            let Some(t) = r.translation.and_then(|i| tr.blocks.get(i)) else { continue };
            let ctxt = block_ids::qualified(stem, &r.block.id);
            if !translatable(r.block.kind) || !seen.insert(ctxt.clone()) {
                continue;
            }
            out.push(pofile::obsolete(&Entry {
                msgctxt: Some(ctxt),
                msgid: entry_text_of(&r.block.text),
                msgstr: entry_text(t),
                ..Entry::default()
            }));
        }
    }
    let Some(old) = old else { return out };
    for o in old.entries.iter().filter(|o| !o.msgstr.trim().is_empty()) {
        let Some(ctxt) = o.msgctxt.clone() else { continue };
        if seen.insert(ctxt) {
            let flags = o.flags.clone();
            out.push(pofile::obsolete(&Entry { flags, ..o.clone() }));
        }
    }
    for raw in &old.obsolete {
        if pofile::obsolete_ctxt(raw).is_none_or(|c| seen.insert(c)) {
            out.push(raw.clone());
        }
    }
    out
}

/// The entries of a chapter, and their counts.
fn chapter_entries(stem: &str, pairing: &Pairing) -> (Vec<Entry>, ChapterExport) {
    let mut summary = ChapterExport {
        chapter: stem.to_string(),
        file: String::new(),
        entries: 0,
        translated: 0,
        fuzzy: 0,
        untranslated: 0,
        unpaired: pairing.parting.as_ref().map(|p| Text::of(p.unpaired())),
        kept: 0,
        obsolete: 0,
    };
    let mut entries = Vec::new();
    for (block, unit) in pairing.source.blocks.iter().zip(&pairing.units) {
        if !translatable(block.kind) || block.text.trim().is_empty() {
            continue;
        }
        let translation = match (&pairing.translation, unit.translation) {
            (Some(tr), Some(i)) if !unit.untranslated => {
                tr.blocks.get(i).map(entry_text).unwrap_or_default()
            }
            _ => String::new(),
        };
        let fuzzy = unit.fuzzy && !translation.trim().is_empty();
        summary.entries += 1;
        entries.push(Entry {
            comments: base::with(&[], &base::hash_of(&translation)),
            extracted: vec![block.path.clone()],
            references: vec![format!("{}:{}", pairing.source.file.rel, block.line)],
            flags: if fuzzy { vec!["fuzzy".into()] } else { Vec::new() },
            previous_msgid: unit.previous.as_deref().filter(|_| fuzzy).map(entry_text_of),
            msgctxt: Some(block_id(stem, block)),
            msgid: entry_text(block),
            msgstr: translation,
            ..Entry::default()
        });
    }
    recount(&entries, &mut summary);
    (entries, summary)
}

/// Header fields a translator's tools fill in, kept from the PO file already there.
const TRANSLATORS_FIELDS: [&str; 3] =
    ["PO-Revision-Date", "Last-Translator", "Language-Team"];

/// The header fields: dates from guide.toml (the same sources give the same files);
/// the translator's own fields, and fields livret does not write, kept from `old`.
fn header(
    manifest: &Manifest,
    lang: Option<&str>,
    old: Option<&Catalog>,
) -> Vec<(String, String)> {
    let mut fields = fields(manifest, lang);
    let Some(old) = old else { return fields };
    for (name, value) in &old.header {
        match fields.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some((n, v))
                if TRANSLATORS_FIELDS.contains(&n.as_str()) && !value.is_empty() =>
            {
                *v = value.clone()
            }
            Some(_) => {}
            None => fields.push((name.clone(), value.clone())),
        }
    }
    fields
}

/// The header fields livret writes.
fn fields(manifest: &Manifest, lang: Option<&str>) -> Vec<(String, String)> {
    let (y, m, d) = manifest.date().unwrap_or((1970, 1, 1));
    let date = format!("{y:04}-{m:02}-{d:02} 00:00+0000");
    let team =
        lang.and_then(|l| manifest.language(l)).map_or(String::new(), |l| l.name.clone());
    let fields = [
        (
            "Project-Id-Version",
            format!("{} {}", manifest.guide.id, manifest.guide.edition),
        ),
        ("POT-Creation-Date", date.clone()),
        ("PO-Revision-Date", date),
        ("Last-Translator", String::new()),
        ("Language-Team", team),
        ("Language", lang.unwrap_or("").to_string()),
        ("MIME-Version", "1.0".into()),
        ("Content-Type", "text/plain; charset=UTF-8".into()),
        ("Content-Transfer-Encoding", "8bit".into()),
        ("X-Generator", "livret".into()),
    ];
    fields.into_iter().map(|(n, v)| (n.to_string(), v)).collect()
}

/// The comment at the top of a chapter's PO file.
fn chapter_comments(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
    pairing: &Pairing,
    summary: &ChapterExport,
) -> Vec<String> {
    let name = manifest.language(lang).map_or(lang, |l| l.name.as_str());
    let mut lines = vec![
        format!("{name} ({lang}) translation of {}.", pairing.source.file.rel),
        format!(
            "Written by `livret po export --lang {lang}`; bring it back with `livret po import --lang {lang}`."
        ),
        "Translate each msgstr; keep the links, images and footnote labels ([^note]) of"
            .into(),
        "the msgid. A fuzzy entry's source changed since its translation was accepted:"
            .into(),
        "the previous source is shown; review the translation, then clear the flag."
            .into(),
    ];
    // The file's comments are in English, whatever the interface language.
    if let Some(why) = summary.unpaired.as_ref().map(Text::english) {
        lines.push(String::new());
        lines.push(format!(
            "sources/{lang}/{stem}.md is built differently from the source: {why}."
        ));
        lines.push(
            "The source's blocks without a counterpart start empty here; the others are paired."
                .into(),
        );
    }
    lines
}

/// The comment at the top of the template.
fn template_comments(manifest: &Manifest) -> Vec<String> {
    vec![
        format!("Template of \"{}\": every text of its Markdown chapters.", manifest.guide.id),
        "Written by `livret po export`. Start a new language from it (Poedit: New from".into(),
        "POT/PO file; msginit), then bring it back with `livret po import --lang CODE DIR`.".into(),
    ]
}
