//! `livret check`: what translators need to know about their language, against the
//! source language — missing and stale chapters, characters no font can show, page
//! counts and what they do to printing, and typst warnings.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::build::{compile_target, select};
use crate::diag::{Error, Result, line_col};
use crate::export::write_atomic;
use crate::inspect;
use crate::manifest::{self, Manifest};
use crate::print::{self, PrintJob};
use crate::world::{self, Fonts};

/// Name of the per-language file recording which source version each chapter was
/// last reviewed against.
pub const STATUS_FILE: &str = "status.toml";

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The project folder.
    pub project: PathBuf,
    /// Languages to check (all translations when empty).
    pub langs: Vec<String>,
    /// Chapters to mark as current for the (single) language given.
    pub accept: Vec<String>,
}

/// The report for one language.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LanguageReport {
    /// Language code.
    pub lang: String,
    /// Chapters in the manifest.
    pub chapters: usize,
    /// Chapters translated (file present).
    pub translated: usize,
    /// Translation files that do not exist yet.
    pub missing: Vec<String>,
    /// Translations whose source chapter changed since they were accepted (or that were
    /// never accepted).
    pub stale: Vec<Stale>,
    /// Characters no font in the language's stack (nor any bundled font) can show.
    pub unshowable: Vec<Unshowable>,
    /// Page counts per layout, beside the source language's.
    pub layouts: Vec<LayoutReport>,
    /// Text running out of its area, per layout.
    pub overflows: Vec<OverflowReport>,
    /// Headings left alone at the bottom of a page, per layout.
    pub lonely_headings: Vec<LonelyHeadingReport>,
    /// Pages with nothing on them that the layout did not mean to leave blank.
    pub empty_pages: Vec<EmptyPageReport>,
    /// Typst warnings, located.
    pub warnings: Vec<String>,
}

/// Text that runs out of its column or page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OverflowReport {
    /// Layout name.
    pub layout: String,
    /// 1-based page.
    pub page: usize,
    /// How far past the edge, in mm.
    pub excess_mm: f64,
    /// The overflowing text.
    pub text: String,
    /// `file:line` where it is written, when known.
    pub place: Option<String>,
}

/// A heading at the foot of a page whose text starts overleaf.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LonelyHeadingReport {
    /// Layout name.
    pub layout: String,
    /// 1-based page.
    pub page: usize,
    /// The heading's text.
    pub heading: String,
    /// `file:line` where it is written, when known.
    pub place: Option<String>,
}

/// An empty page in the middle of the booklet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EmptyPageReport {
    /// Layout name.
    pub layout: String,
    /// 1-based page.
    pub page: usize,
    /// The chapter it falls in, when inside one.
    pub chapter: Option<String>,
}

/// A translation that needs review.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stale {
    /// Chapter stem.
    pub chapter: String,
    /// The translation file.
    pub file: String,
    /// Whether it was ever accepted.
    pub never_accepted: bool,
}

/// A character drawn as an empty box.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unshowable {
    /// The character.
    pub character: String,
    /// `U+1230`.
    pub code_point: String,
    /// Its Unicode name.
    pub name: String,
    /// `file:line` where it is written.
    pub place: String,
}

/// Page counts of one layout.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LayoutReport {
    /// Layout name.
    pub layout: String,
    /// Pages in this language.
    pub pages: usize,
    /// Pages in the source language.
    pub source_pages: usize,
    /// Sheets per copy for each print preset: (preset, sheets here, sheets for the source).
    pub sheets: Vec<(String, usize, usize)>,
}

impl LanguageReport {
    /// Whether anything needs a translator's attention.
    pub fn has_problems(&self) -> bool {
        !self.missing.is_empty()
            || !self.stale.is_empty()
            || !self.unshowable.is_empty()
            || !self.overflows.is_empty()
            || !self.lonely_headings.is_empty()
            || !self.empty_pages.is_empty()
            || !self.warnings.is_empty()
    }
}

/// The status file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusFile {
    /// Chapter stem → `sha256:…` of the source chapter it was reviewed against.
    #[serde(default)]
    accepted: BTreeMap<String, String>,
}

/// The source chapter file of `stem` (`.md` or `.typ`), project-relative.
fn chapter_file(manifest: &Manifest, lang: &str, stem: &str) -> Option<String> {
    ["md", "typ"]
        .into_iter()
        .map(|ext| format!("sources/{lang}/{stem}.{ext}"))
        .find(|rel| manifest.root.join(rel).is_file())
}

/// `sha256:<hex>` of a file.
fn hash_file(root: &Path, rel: &str) -> Result<String> {
    let bytes =
        fs::read(root.join(rel)).map_err(|e| Error::io("read", Path::new(rel), e))?;
    let digest = Sha256::digest(&bytes);
    Ok(format!(
        "sha256:{}",
        digest.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

/// Reads `sources/<lang>/status.toml` (empty when absent).
fn read_status(manifest: &Manifest, lang: &str) -> Result<StatusFile> {
    let rel = format!("sources/{lang}/{STATUS_FILE}");
    match fs::read_to_string(manifest.root.join(&rel)) {
        Ok(text) => toml::from_str(&text).map_err(|err| {
            let at = err.span().map(|s| line_col(&text, s.start));
            Error::at(Path::new(&rel), at, err.message().trim_end()).with_hint(
                "the file is written by `livret check --accept`; delete it to start over",
            )
        }),
        Err(_) => Ok(StatusFile::default()),
    }
}

/// Marks chapters of `lang` as reviewed against the current source chapters.
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
    let mut status = read_status(manifest, lang)?;
    let mut done = Vec::new();
    for chapter in chapters {
        if !manifest.chapter_stems().any(|s| s == chapter) {
            let known: Vec<&str> = manifest.chapter_stems().collect();
            let mut err = Error::new(format!("unknown chapter `{chapter}`"));
            if let Some(best) = crate::suggest::did_you_mean(chapter, &known) {
                err = err.with_hint(format!("did you mean `{best}`?"));
            }
            return Err(err);
        }
        if chapter_file(manifest, lang, chapter).is_none() {
            return Err(Error::new(format!(
                "sources/{lang}/{chapter}.md does not exist yet"
            ))
            .with_hint("translate the chapter first, then accept it"));
        }
        let src = chapter_file(manifest, source, chapter).ok_or_else(|| {
            Error::new(format!("source chapter `{chapter}` has no file"))
        })?;
        status.accepted.insert(chapter.clone(), hash_file(&manifest.root, &src)?);
        done.push(chapter.clone());
    }
    let text = format!(
        "# Which version of each source chapter this translation was last reviewed against.\n# Written by `livret check --lang {lang} --accept CHAPTER`.\n\n{}",
        toml::to_string(&status).expect("status serialises")
    );
    write_atomic(
        &manifest.root.join(format!("sources/{lang}/{STATUS_FILE}")),
        text.as_bytes(),
    )?;
    Ok(done)
}

/// Checks the languages and returns one report each.
pub fn check(options: &CheckOptions) -> Result<Vec<LanguageReport>> {
    let manifest = manifest::load(&options.project)?;
    let source = manifest.guide.source_language.clone();
    if !options.accept.is_empty() {
        let [lang] = options.langs.as_slice() else {
            return Err(Error::new("--accept needs exactly one --lang"));
        };
        for done in accept(&manifest, lang, &options.accept)? {
            // Not on stdout: --format json must stay one JSON document.
            eprintln!("marked as reviewed against the current source: {done}");
        }
    }
    let langs = select(
        &options.langs,
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    let fonts = Fonts::load(&manifest.root, false)?;
    let date = world::build_date(manifest.date()?)?;

    // Source page counts, compiled once per layout (and reused when checking the source).
    let mut source_pages = BTreeMap::new();
    let mut source_targets = BTreeMap::new();
    for layout in &manifest.layouts {
        let t = compile_target(&manifest, &fonts, date, &source, &layout.name, false, 4)?;
        source_pages.insert(layout.name.clone(), t.compiled.document.pages().len());
        source_targets.insert(layout.name.clone(), t);
    }

    let mut reports = Vec::new();
    for lang in langs {
        let status = read_status(&manifest, &lang)?;
        let mut report = LanguageReport {
            lang: lang.clone(),
            chapters: manifest.guide.chapters.len(),
            translated: 0,
            missing: Vec::new(),
            stale: Vec::new(),
            unshowable: Vec::new(),
            layouts: Vec::new(),
            overflows: Vec::new(),
            lonely_headings: Vec::new(),
            empty_pages: Vec::new(),
            warnings: Vec::new(),
        };
        for stem in manifest.chapter_stems() {
            let Some(file) = chapter_file(&manifest, &lang, stem) else {
                // Name the file as the source has it (.md or .typ).
                let ext = chapter_file(&manifest, &source, stem)
                    .and_then(|f| f.rsplit_once('.').map(|(_, e)| e.to_string()))
                    .unwrap_or_else(|| "md".into());
                report.missing.push(format!("sources/{lang}/{stem}.{ext}"));
                continue;
            };
            report.translated += 1;
            if lang == source {
                continue;
            }
            let Some(src) = chapter_file(&manifest, &source, stem) else { continue };
            let current = hash_file(&manifest.root, &src)?;
            match status.accepted.get(stem) {
                Some(h) if *h == current => {}
                other => report.stale.push(Stale {
                    chapter: stem.to_string(),
                    file,
                    never_accepted: other.is_none(),
                }),
            }
        }
        for (i, layout) in manifest.layouts.iter().enumerate() {
            let t =
                compile_target(&manifest, &fonts, date, &lang, &layout.name, false, 4)?;
            let pages = t.compiled.document.pages().len();
            if i == 0 {
                // Characters and warnings do not depend on the layout: report them once.
                for missing in inspect::missing_glyphs(&t.compiled.document) {
                    let place = crate::compile::place(
                        &t.world,
                        &t.assembled.main_path,
                        &t.assembled.line_map,
                        missing.span,
                    )
                    .unwrap_or_else(|| format!("page {}", missing.page));
                    let entry = Unshowable {
                        character: missing.ch.to_string(),
                        code_point: format!("U+{:04X}", missing.ch as u32),
                        name: unicode_names2::name(missing.ch)
                            .map(|n| n.to_string())
                            .unwrap_or_else(|| "unnamed".into()),
                        place,
                    };
                    if !report.unshowable.contains(&entry) {
                        report.unshowable.push(entry);
                    }
                }
                report.warnings = t.compiled.warnings.clone();
            }
            for o in inspect::overflows(&t.compiled.document) {
                let place = crate::compile::place(
                    &t.world,
                    &t.assembled.main_path,
                    &t.assembled.line_map,
                    o.span,
                );
                report.overflows.push(OverflowReport {
                    layout: layout.name.clone(),
                    page: o.page,
                    excess_mm: (crate::impose::to_mm(o.excess) * 10.0).round() / 10.0,
                    text: o.text,
                    place,
                });
            }
            let document = &t.compiled.document;
            for h in inspect::lonely_headings(document) {
                let place = crate::compile::place(
                    &t.world,
                    &t.assembled.main_path,
                    &t.assembled.line_map,
                    h.span,
                );
                report.lonely_headings.push(LonelyHeadingReport {
                    layout: layout.name.clone(),
                    page: h.page,
                    heading: h.text,
                    place,
                });
            }
            for page in inspect::empty_pages(document) {
                report.empty_pages.push(EmptyPageReport {
                    layout: layout.name.clone(),
                    page,
                    chapter: inspect::chapter_of_page(document, page - 1),
                });
            }
            let page = print::page_size(&t.compiled.document);
            let src_pages = source_pages[&layout.name];
            let mut sheets = Vec::new();
            for preset in manifest.print.iter().filter(|p| p.layout == layout.name) {
                let job = PrintJob::from_preset(preset)?;
                let multiple = job.page_multiple(page)?;
                let here = job.plan(pages.next_multiple_of(multiple), page)?.sheets.len();
                let there =
                    job.plan(src_pages.next_multiple_of(multiple), page)?.sheets.len();
                sheets.push((
                    job.suffix().trim_start_matches("print-").to_string(),
                    here,
                    there,
                ));
            }
            report.layouts.push(LayoutReport {
                layout: layout.name.clone(),
                pages,
                source_pages: src_pages,
                sheets,
            });
        }
        reports.push(report);
    }
    Ok(reports)
}

/// The human report: a table, then one line per problem with what to do.
pub fn render_human(reports: &[LanguageReport]) -> String {
    let mut out = String::new();
    out.push_str(
        "language  chapters  missing  stale  no-glyph  per layout: pages, sheets per print preset (source language's in brackets)\n",
    );
    for r in reports {
        let pages: Vec<String> = r
            .layouts
            .iter()
            .map(|l| {
                let sheets: Vec<String> = l
                    .sheets
                    .iter()
                    .map(|(p, here, there)| format!("{p} {here} ({there})"))
                    .collect();
                let sheets = if sheets.is_empty() {
                    String::new()
                } else {
                    format!(": {}", sheets.join(", "))
                };
                format!("{} {} p. ({}){sheets}", l.layout, l.pages, l.source_pages)
            })
            .collect();
        out.push_str(&format!(
            "{:<9} {:>3}/{:<4} {:>7}  {:>5}  {:>8}  {}\n",
            r.lang,
            r.translated,
            r.chapters,
            r.missing.len(),
            r.stale.len(),
            r.unshowable.len(),
            pages.join("; ")
        ));
    }
    for r in reports {
        for m in &r.missing {
            out.push_str(&format!(
                "{}: missing {m} (the source chapter is shown with a banner)\n",
                r.lang
            ));
        }
        for s in &r.stale {
            let why = if s.never_accepted {
                "never marked as reviewed"
            } else {
                "the source chapter changed since it was reviewed"
            };
            out.push_str(&format!(
                "{}: stale {} ({why}); after review: livret check --lang {} --accept {}\n",
                r.lang, s.file, r.lang, s.chapter
            ));
        }
        for u in &r.unshowable {
            out.push_str(&format!(
                "{}: {}: `{}` {} {} has no glyph in the language's fonts (it prints as an empty box)\n",
                r.lang, u.place, u.character, u.code_point, u.name
            ));
        }
        for l in &r.layouts {
            for (preset, here, there) in &l.sheets {
                if here > there {
                    out.push_str(&format!(
                        "{}: {} needs {here} sheet(s) per copy on {preset}, {} more than the source language\n",
                        r.lang,
                        l.layout,
                        here - there
                    ));
                }
            }
        }
        for o in &r.overflows {
            let place = o.place.as_ref().map_or(String::new(), |p| format!("{p}: "));
            out.push_str(&format!(
                "{}: {place}`{}` runs {:.1} mm out of its column in {} (page {}); shorten it, allow a break (a hyphen or a space), or check the layout\n",
                r.lang, o.text, o.excess_mm, o.layout, o.page
            ));
        }
        for h in &r.lonely_headings {
            let place = h.place.as_ref().map_or(String::new(), |p| format!("{p}: "));
            out.push_str(&format!(
                "{}: {place}heading `{}` ends page {} of {} with nothing after it, its text starts overleaf; shorten what follows it or the page before it\n",
                r.lang, h.heading, h.page, h.layout
            ));
        }
        for e in &r.empty_pages {
            let within =
                e.chapter.as_ref().map_or(String::new(), |c| format!(" (in {c})"));
            out.push_str(&format!(
                "{}: page {} of {} is empty{within}; look for a page break too many, or something too big for the page before it\n",
                r.lang, e.page, e.layout
            ));
        }
        for w in &r.warnings {
            out.push_str(&format!("{}: warning: {w}\n", r.lang));
        }
    }
    out
}
