//! Chapters + layout → the Typst main source of one (language, layout).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::project::chapters::{self, ChapterFile};
use crate::project::manifest::{Direction, Language, MANIFEST_PATH, Manifest};
use crate::project::paths;
use crate::project::paths::TargetPaths;
use crate::project::segments::{Format, is_untranslated, segment};
pub use crate::typeset::converted::ChapterCache;
use crate::typeset::markdown::{self, string_literal};
use crate::typeset::world::LineOrigin;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project_text, resolve_in_root};

/// What to assemble.
#[derive(Debug, Clone, Default)]
pub struct AssembleOptions {
    /// Fail when a chapter is not translated instead of showing the source chapter.
    pub strict: bool,
    /// The page count is padded with notes pages to a multiple of this.
    pub page_multiple: usize,
}

/// An image a Markdown chapter shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageUse {
    /// Project-relative path of the image file.
    pub path: String,
    /// Project-relative path of the chapter.
    pub chapter: String,
    /// 1-based line of the chapter.
    pub line: usize,
}

/// The generated main source and what is needed to explain it.
#[derive(Debug, Clone)]
pub struct Assembled {
    /// Typst source text of `main.typ`.
    pub main: String,
    /// Project-relative path under which the main source is served and written.
    pub main_path: String,
    /// For each line of `main` (0-based), the chapter line it came from, if any.
    pub line_map: Vec<Option<LineOrigin>>,
    /// Chapters not translated yet: shown in the source language because the
    /// translation is missing, or holding blocks under the untranslated mark.
    pub untranslated: Vec<String>,
    /// Project-relative paths of the chapter files used.
    pub chapter_files: Vec<String>,
    /// Images of the Markdown chapters, in order.
    pub images: Vec<ImageUse>,
    /// The Markdown chapters read, with the hex SHA-256 of the bytes as read.
    pub read: Vec<(String, String)>,
    /// What the chapters print otherwise than written (raw HTML as text, links not
    /// made live), rendered as `chapter:line: warning: …` with a hint.
    pub warnings: Vec<crate::i18n::Text>,
    /// Where each of `images` has its path literal in `main`, in the same order.
    literals: Vec<Range<usize>>,
    /// Where the page multiple's value is in `main`.
    multiple: Range<usize>,
}

impl Assembled {
    /// The main source padded to `page_multiple` pages, with Markdown images loaded
    /// under other names (`aliases`: `/a.png` → `/a.png.jpg`, a prepared image in
    /// another format, served by the world); the same lines as `main`, so the line map
    /// still holds.
    pub fn main_with(
        &self,
        page_multiple: usize,
        aliases: &BTreeMap<String, String>,
    ) -> String {
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        edits.push((self.multiple.clone(), page_multiple.to_string()));
        for (image, range) in self.images.iter().zip(&self.literals) {
            if let Some(served) = aliases.get(&format!("/{}", image.path)) {
                edits.push((range.clone(), string_literal(served)));
            }
        }
        edits.sort_by_key(|(range, _)| range.start);
        let mut text = String::with_capacity(self.main.len() + 64);
        let mut at = 0;
        for (range, replacement) in edits {
            text.push_str(&self.main[at..range.start]);
            text.push_str(&replacement);
            at = range.end;
        }
        text.push_str(&self.main[at..]);
        text
    }
}

/// Builds the main source for `lang` in `layout`, reading and converting each
/// Markdown chapter through `cache` (once per build).
pub fn assemble(
    manifest: &Manifest,
    lang: &str,
    layout: &str,
    options: &AssembleOptions,
    cache: &ChapterCache,
) -> Result<Assembled> {
    let language = manifest.language(lang).ok_or_else(|| {
        Error::new(format!("unknown language `{lang}`")).with_hint(format!(
            "languages in {MANIFEST_PATH}: {}",
            manifest
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let source = manifest.source_language();
    let mut out = Output::default();
    for line in header(manifest, language, layout, options.page_multiple)? {
        if let Some(value) = line.strip_prefix("  page-multiple: ") {
            let start = out.text.len() + "  page-multiple: ".len();
            out.multiple = start..start + value.trim_end_matches(',').len();
        }
        out.line(None, &line);
    }

    let mut missing = Vec::new();
    let mut warnings = Vec::new();
    let mut untranslated = Vec::new();
    let mut chapter_files = Vec::new();
    for stem in manifest.chapter_stems() {
        let (file, shown_in, banner) = match chapters::find(manifest, lang, stem)? {
            Some(file) => {
                // A translation still holding the source's blocks under their mark.
                if lang != source.code && has_placeholders(manifest, &file, &source.code)?
                {
                    untranslated.push(stem.to_string());
                }
                (file, language, false)
            }
            None if lang != source.code => {
                match chapters::find(manifest, &source.code, stem)? {
                    Some(file) => {
                        missing.push(paths::chapter(lang, stem, file.extension()));
                        untranslated.push(stem.to_string());
                        (file, source, true)
                    }
                    None => return Err(missing_source_chapter(manifest, stem)),
                }
            }
            None => return Err(missing_source_chapter(manifest, stem)),
        };
        let chapter = Chapter { stem, file: &file, shown_in, banner };
        let found = write_chapter(&mut out, manifest, &chapter, options, cache)?;
        warnings.extend(found.into_iter().map(crate::i18n::Text::raw));
        chapter_files.push(file.rel);
    }
    // Words the layout would print in English, or still under a language mark.
    warnings.extend(language.labels.warnings(lang));
    if options.strict && !missing.is_empty() {
        return Err(missing_chapters(lang, &missing));
    }
    Ok(Assembled {
        main: out.text,
        main_path: TargetPaths::new(&manifest.guide.id, lang, layout).main_typ(),
        line_map: out.map,
        untranslated,
        chapter_files,
        images: out.images,
        read: out.read,
        warnings,
        literals: out.literals,
        multiple: out.multiple,
    })
}

/// The lines of a main source before its chapters: the layout imported, its `book`
/// show rule with the guide's details in `language`.
fn header(
    manifest: &Manifest,
    language: &Language,
    layout: &str,
    page_multiple: usize,
) -> Result<Vec<String>> {
    let template = template(manifest, layout)?;
    let mut lines = vec![
        "// Generated by livret from sources/ — edit the sources, not this file.".into(),
        format!("#import {}: *", string_literal(&format!("/{template}"))),
        "#show: book.with(".into(),
    ];
    for line in book_arguments(manifest, language, page_multiple)? {
        lines.push(format!("  {line}"));
    }
    lines.push(")".into());
    // A Markdown link to a heading: live when exactly one heading has its anchor.
    lines.push(format!(
        "#let {}(name, body) = context {{ let found = query(label(name)); if found.len() == 1 {{ link(found.first().location(), body) }} else {{ body }} }}",
        markdown::links::ANCHOR_LINK
    ));
    // A Typst chapter's link to anything but the web, mail or a telephone keeps its
    // text, not live (Markdown links are sorted out, with a warning, when converted).
    lines.push(
        "#show link: it => if type(it.dest) != str or lower(it.dest.trim()).starts-with(regex(\"^(https?|mailto|tel):\")) { it } else { it.body }".into(),
    );
    Ok(lines)
}

/// The main source of a book in `layout` without any chapter (in the source
/// language, no page padding): what the layout alone prints.
pub fn empty_book(manifest: &Manifest, layout: &str) -> Result<String> {
    let mut lines = header(manifest, manifest.source_language(), layout, 1)?;
    lines.push(String::new());
    Ok(lines.join("\n"))
}

/// The layout's template path, checked to be inside the project.
fn template(manifest: &Manifest, layout: &str) -> Result<String> {
    let layout_entry = manifest.layout(layout).ok_or_else(|| {
        Error::new(format!("unknown layout `{layout}`")).with_hint(format!(
            "layouts in {MANIFEST_PATH}: {}",
            manifest.layout_names().join(", ")
        ))
    })?;
    let template = layout_entry.template_path();
    resolve_in_root(&manifest.root, &template).map_err(|problem| {
        Error::new(format!("layout `{layout}`: template {template}: {problem}"))
            .with_hint("layouts live in layouts/; set `template` in the [[layout]] entry")
    })?;
    Ok(template)
}

/// The error of a strict build for a language missing chapters.
fn missing_chapters(lang: &str, missing: &[String]) -> Error {
    let each: Vec<String> =
        missing.iter().map(|m| chapters::missing_translation(m)).collect();
    Error::new(format!(
        "language `{lang}` is missing {} chapter(s): {}",
        missing.len(),
        each.join("; ")
    ))
    .with_hint("translate them, or build without --strict to show the source chapters with a banner")
}

/// Whether a Markdown translation still holds blocks under the untranslated mark
/// (`[fr] `, as `livret new` and a partial PO import write them): not translated yet.
fn has_placeholders(
    manifest: &Manifest,
    file: &ChapterFile,
    source: &str,
) -> Result<bool> {
    if !file.is_markdown() {
        return Ok(false);
    }
    let text = read_project_text(&manifest.root, &file.rel)?;
    Ok(segment(&text, Format::Markdown).iter().any(|b| is_untranslated(&b.text, source)))
}

/// One chapter as placed in the main source.
struct Chapter<'a> {
    /// Its stem.
    stem: &'a str,
    /// Its file (the translation's, or the source's when untranslated).
    file: &'a ChapterFile,
    /// The language it is shown in.
    shown_in: &'a Language,
    /// Whether it carries the "not yet translated" banner.
    banner: bool,
}

/// Writes one chapter: a `#chapter` call holding the included Typst file or the
/// converted Markdown (its lines mapped back to the chapter's). With `strict`, a
/// warning about the chapter's text is an error.
fn write_chapter(
    out: &mut Output,
    manifest: &Manifest,
    chapter: &Chapter,
    options: &AssembleOptions,
    cache: &ChapterCache,
) -> Result<Vec<String>> {
    let Chapter { stem, file, shown_in, banner } = *chapter;
    let mut warnings = Vec::new();
    out.line(
        None,
        &format!(
            "#chapter(id: {}, lang: {}, dir: {}, fonts: {}, untranslated: {banner}, labels: {})[",
            string_literal(stem),
            string_literal(&shown_in.code),
            direction(shown_in.dir),
            font_array(&shown_in.fonts),
            if banner { label_dict(shown_in) } else { "none".into() },
        ),
    );
    if !file.is_markdown() {
        out.line(
            None,
            &format!("#include {}", string_literal(&format!("/{}", file.rel))),
        );
    } else {
        let converted = cache.get(manifest, file, &shown_in.code)?;
        if options.strict
            && let Some(first) = converted.warnings.first()
        {
            return Err(Error::at(
                Path::new(&file.rel),
                Some((first.line, 1)),
                format!("{} (an error with --strict)", first.message),
            )
            .with_hint(first.hint));
        }
        warnings.extend(converted.warnings.iter().map(|w| {
            format!("{}:{}: warning: {}\n  hint: {}", file.rel, w.line, w.message, w.hint)
        }));
        if !out.read.iter().any(|(rel, _)| *rel == file.rel) {
            out.read.push((file.rel.clone(), converted.hash.clone()));
        }
        let first = out.map.len();
        let mut starts = Vec::with_capacity(converted.lines.len());
        for (text, line) in &converted.lines {
            starts.push(out.text.len());
            let origin = line.map(|line| LineOrigin { file: file.rel.clone(), line });
            out.line(origin, text);
        }
        for (path, line, at, range) in &converted.images {
            out.images.push(ImageUse {
                path: path.clone(),
                chapter: file.rel.clone(),
                line: *line,
            });
            let base = starts[*at];
            out.literals.push(base + range.start..base + range.end);
        }
        debug_assert_eq!(out.map.len() - first, converted.lines.len());
    }
    out.line(None, "]");
    Ok(warnings)
}

/// The error for a chapter missing in the source language.
fn missing_source_chapter(manifest: &Manifest, stem: &str) -> Error {
    let src = &manifest.guide.source_language;
    let place = match manifest.chapter_line(stem) {
        Some(line) => format!("{MANIFEST_PATH}:{line}"),
        None => MANIFEST_PATH.to_string(),
    };
    let (md, typ) = (paths::chapter(src, stem, "md"), paths::chapter(src, stem, "typ"));
    Error::new(format!(
        "{place}: chapter `{stem}` has no file: neither {md} nor {typ} exists"
    ))
    .with_hint(format!("create {md}, or remove `{stem}` from the chapter list"))
}

/// The named arguments passed to the layout's `book` function.
fn book_arguments(
    manifest: &Manifest,
    language: &Language,
    page_multiple: usize,
) -> Result<Vec<String>> {
    let code = &language.code;
    let (year, month, day) = manifest.date()?;
    let labels = label_dict(language);
    Ok(vec![
        format!("title: {},", string_literal(manifest.title(code))),
        format!("subtitle: {},", string_literal(manifest.subtitle(code))),
        format!("publisher: {},", string_literal(&manifest.guide.publisher)),
        format!("edition: {},", manifest.guide.edition),
        format!("date: datetime(year: {year}, month: {month}, day: {day}),"),
        format!("licence: {},", string_literal(&manifest.guide.licence)),
        format!("lang: {},", string_literal(code)),
        format!("language-name: {},", string_literal(&language.name)),
        format!("dir: {},", direction(language.dir)),
        format!("fonts: {},", font_array(&language.fonts)),
        format!("draft: {},", language.status == crate::project::manifest::Status::Draft),
        format!(
            "changes: ({}),",
            manifest
                .changes(code)
                .iter()
                .map(|c| format!("{},", string_literal(c)))
                .collect::<String>()
        ),
        format!("labels: {labels},"),
        format!("page-multiple: {page_multiple},"),
    ])
}

/// The language's labels as a Typst dictionary.
fn label_dict(language: &Language) -> String {
    let entries: Vec<String> = language
        .labels
        .resolve(&language.code)
        .entries
        .iter()
        .map(|(key, text)| format!("{key}: {}", string_literal(text)))
        .collect();
    format!("({})", entries.join(", "))
}

/// `ltr` or `rtl`.
fn direction(dir: Direction) -> &'static str {
    match dir {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    }
}

/// A Typst array of font family names.
fn font_array(fonts: &[String]) -> String {
    let items: Vec<String> = fonts.iter().map(|f| string_literal(f)).collect();
    format!("({},)", items.join(", "))
}

/// The main source under construction, with its line map, the Markdown images and
/// where their paths are, the chapters read and where the page multiple is.
#[derive(Default)]
struct Output {
    text: String,
    map: Vec<Option<LineOrigin>>,
    images: Vec<ImageUse>,
    literals: Vec<Range<usize>>,
    read: Vec<(String, String)>,
    multiple: Range<usize>,
}

impl Output {
    /// Appends one line.
    fn line(&mut self, origin: Option<LineOrigin>, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
        self.map.push(origin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_with_replaces_only_the_aliased_literals_and_the_page_multiple() {
        let main = "#show: book.with(\n  page-multiple: 4,\n)\n#book-image(\"/a.png\", alt: \"a\")\n#book-image(\"/b.png\", alt: \"b\")\n".to_string();
        let at = |needle: &str| {
            let start = main.find(needle).unwrap();
            start..start + needle.len()
        };
        let assembled = Assembled {
            main: main.clone(),
            main_path: "out/main.typ".into(),
            line_map: vec![None; 5],
            untranslated: Vec::new(),
            chapter_files: Vec::new(),
            images: ["a.png", "b.png"]
                .iter()
                .map(|p| ImageUse {
                    path: p.to_string(),
                    chapter: "c.md".into(),
                    line: 1,
                })
                .collect(),
            read: Vec::new(),
            warnings: Vec::new(),
            literals: vec![at("\"/a.png\""), at("\"/b.png\"")],
            multiple: at("4"),
        };
        assert_eq!(assembled.main_with(4, &BTreeMap::new()), main);
        let aliases = BTreeMap::from([("/b.png".to_string(), "/b.png.jpg".to_string())]);
        let text = assembled.main_with(16, &aliases);
        assert_eq!(
            text,
            main.replace("page-multiple: 4", "page-multiple: 16")
                .replace("\"/b.png\"", "\"/b.png.jpg\"")
        );
        assert_eq!(text.lines().count(), main.lines().count());
    }
}
