//! `livret po export`: one PO file per chapter of a translation — each block of the
//! source a `msgid`, its translation the `msgstr` (empty when there is none), `fuzzy`
//! with the previously accepted source (`#| msgid`) where the source changed since —
//! and one template (`<guide>.pot`) of the whole guide for new languages.

use std::path::PathBuf;

use serde::Serialize;

use super::pairing::{self, Pairing};
use super::pofile::{self, Catalog, Entry};
use super::text::{entry_text, entry_text_of, translatable};
use super::{PoDir, block_id, check_lang, notes};
use crate::project::chapters;
use crate::project::manifest::{self, Manifest};
use crate::project::status;
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
    /// Why the translation's blocks could not be paired, when they could not.
    pub unpaired: Option<String>,
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
    pub skipped: Vec<String>,
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
    for stem in manifest.chapter_stems() {
        let Some(src) = chapters::find(&manifest, &source, stem)? else {
            return Err(Error::new(format!("source chapter `{stem}` has no file"))
                .with_hint(format!("write sources/{source}/{stem}.md first")));
        };
        if !src.is_markdown() {
            report.skipped.push(format!(
                "{}: a Typst chapter, not exported (its code cannot be split into texts safely); translate the file itself as sources/{lang}/{stem}.typ",
                src.rel
            ));
            continue;
        }
        let pairing = pairing::pair(&manifest, lang, stem, src, &status)?;
        let (mut entries, summary) = chapter_entries(stem, &pairing);
        template.extend(entries.iter().map(|e| Entry {
            msgstr: String::new(),
            flags: Vec::new(),
            previous_msgid: None,
            ..e.clone()
        }));
        notes::annotate(&mut entries, &status);
        let name = format!("{stem}.po");
        let catalog = Catalog {
            comments: chapter_comments(&manifest, lang, stem, &pairing, &summary),
            header: header(&manifest, Some(lang)),
            entries,
        };
        files.push((name.clone(), pofile::write(&catalog)));
        report.chapters.push(ChapterExport { file: dir.shown(&name), ..summary });
    }
    notes::flag_markdown(&mut template);
    let catalog = Catalog {
        comments: template_comments(&manifest),
        header: header(&manifest, None),
        entries: template,
    };
    files.push((format!("{}.pot", manifest.guide.id), pofile::write(&catalog)));
    let mut unsaved = Vec::new();
    for (name, text) in &files {
        unsaved.extend(unimported(&manifest, &dir, name, text)?);
    }
    if !unsaved.is_empty() {
        return Err(Error::new(format!(
            "{}\n(nothing was written: the export would overwrite them)",
            unsaved.join("\n  ")
        ))
        .with_hint(format!(
            "import the PO files first: livret po import --lang {lang} {}; or delete them to export afresh",
            dir.shown_dir()
        )));
    }
    for (name, text) in files {
        write(&manifest, &dir, &name, &text)?;
    }
    Ok(report)
}

/// Where the PO file already at `name` holds a translation that the export `text`
/// would lose (a msgstr not imported yet, or a file that cannot be read): the first
/// such `file:line` with why, `None` when overwriting loses nothing.
fn unimported(
    manifest: &Manifest,
    dir: &PoDir,
    name: &str,
    text: &str,
) -> Result<Option<String>> {
    let shown = dir.shown(name);
    let old = match dir {
        PoDir::Project(rel) => {
            read_project_if_exists(&manifest.root, format!("{rel}/{name}"))?
        }
        PoDir::User(path) => std::fs::read(path.join(name)).ok(),
    };
    let Some(old) = old else { return Ok(None) };
    let parsed = String::from_utf8(old)
        .map_err(|_| (0, "not UTF-8 text".to_string()))
        .and_then(|t| pofile::parse(&t).map_err(|e| (e.line, e.message)));
    let old = match parsed {
        Ok(old) => old,
        Err((line, why)) => {
            let at = if line > 0 { format!("{shown}:{line}") } else { shown };
            return Ok(Some(format!(
                "{at}: {why}; the file cannot be read, so its translations cannot be kept"
            )));
        }
    };
    let new = pofile::parse(text).map_err(|e| Error::new(e.message))?;
    let lost = old.entries.iter().find(|e| {
        !e.msgstr.is_empty()
            && new.entries.iter().any(|n| {
                n.msgctxt == e.msgctxt && n.msgid == e.msgid && n.msgstr != e.msgstr
            })
    });
    Ok(lost.map(|e| {
        format!(
            "{shown}:{}: this translation is not imported into the chapter yet",
            e.msgstr_line
        )
    }))
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

/// The entries of a chapter, and their counts.
fn chapter_entries(stem: &str, pairing: &Pairing) -> (Vec<Entry>, ChapterExport) {
    let mut summary = ChapterExport {
        chapter: stem.to_string(),
        file: String::new(),
        entries: 0,
        translated: 0,
        fuzzy: 0,
        untranslated: 0,
        unpaired: pairing.parting.as_ref().map(|p| p.describe()),
    };
    let mut entries = Vec::new();
    for (block, unit) in pairing.source.blocks.iter().zip(&pairing.units) {
        if !translatable(block.kind) || block.text.trim().is_empty() {
            continue;
        }
        let translation = match (&pairing.translation, unit.translation) {
            (Some(tr), Some(i)) => tr.blocks.get(i).map(entry_text).unwrap_or_default(),
            _ => String::new(),
        };
        let fuzzy = unit.fuzzy && !translation.trim().is_empty();
        summary.entries += 1;
        match (translation.trim().is_empty(), fuzzy) {
            (true, _) => summary.untranslated += 1,
            (false, true) => summary.fuzzy += 1,
            (false, false) => summary.translated += 1,
        }
        entries.push(Entry {
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
    (entries, summary)
}

/// The header fields: dates from guide.toml (the same sources give the same files).
fn header(manifest: &Manifest, lang: Option<&str>) -> Vec<(String, String)> {
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
    if let Some(why) = &summary.unpaired {
        lines.push(String::new());
        lines.push(format!(
            "sources/{lang}/{stem}.md is built differently from the source ({why}):"
        ));
        lines.push(
            "its texts could not be paired, so every msgstr here starts empty.".into(),
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
