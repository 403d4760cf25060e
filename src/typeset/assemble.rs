//! Chapters + layout → the Typst main source of one (language, layout).

use std::collections::BTreeMap;
use std::path::Path;

use crate::project::chapters::{self, ChapterFile};
use crate::project::manifest::{Direction, Language, MANIFEST_PATH, Manifest};
use crate::project::paths::TargetPaths;
use crate::typeset::markdown::{self, ConvertError, ImageRef, string_literal};
use crate::typeset::world::LineOrigin;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project_text, resolve_in_root};
use crate::util::hash::sha256_hex;
use crate::util::text::without_bom;

/// What to assemble.
#[derive(Debug, Clone, Default)]
pub struct AssembleOptions {
    /// Fail when a chapter is not translated instead of showing the source chapter.
    pub strict: bool,
    /// The page count is padded with notes pages to a multiple of this.
    pub page_multiple: usize,
    /// Image paths of Markdown chapters to load under another name (`/a.png` →
    /// `/a.png.jpg`: a processed image in another format, served by the world).
    pub image_aliases: BTreeMap<String, String>,
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
    /// Chapters shown in the source language because the translation is missing.
    pub untranslated: Vec<String>,
    /// Project-relative paths of the chapter files used.
    pub chapter_files: Vec<String>,
    /// Images of the Markdown chapters, in order.
    pub images: Vec<ImageUse>,
    /// The Markdown chapters read, with the hex SHA-256 of the bytes as read.
    pub read: Vec<(String, String)>,
    /// What the chapters print otherwise than written (raw HTML as text, links not
    /// made live), rendered as `chapter:line: warning: …` with a hint.
    pub warnings: Vec<String>,
}

/// Builds the main source for `lang` in `layout`.
pub fn assemble(
    manifest: &Manifest,
    lang: &str,
    layout: &str,
    options: &AssembleOptions,
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
        out.line(None, &line);
    }

    let mut missing = Vec::new();
    let mut untranslated = Vec::new();
    let mut chapter_files = Vec::new();
    let mut images = Vec::new();
    let mut read = Vec::new();
    let mut warnings = Vec::new();
    for stem in manifest.chapter_stems() {
        let (file, shown_in, banner) = match chapters::find(manifest, lang, stem)? {
            Some(file) => (file, language, false),
            None if lang != source.code => {
                missing.push(format!("sources/{lang}/{stem}.md"));
                match chapters::find(manifest, &source.code, stem)? {
                    Some(file) => {
                        untranslated.push(stem.to_string());
                        (file, source, true)
                    }
                    None => return Err(missing_source_chapter(manifest, stem)),
                }
            }
            None => return Err(missing_source_chapter(manifest, stem)),
        };
        let chapter = Chapter { stem, file: &file, shown_in, banner };
        let found = Found { images: &mut images, warnings: &mut warnings };
        if let Some(hash) = write_chapter(&mut out, manifest, &chapter, options, found)? {
            read.push((file.rel.clone(), hash));
        }
        chapter_files.push(file.rel);
    }
    if options.strict && !missing.is_empty() {
        return Err(Error::new(format!(
            "language `{lang}` is missing {} chapter(s): {}",
            missing.len(),
            missing.join(", ")
        ))
        .with_hint("translate them, or build without --strict to show the source chapters with a banner"));
    }
    Ok(Assembled {
        main: out.text,
        main_path: TargetPaths::new(&manifest.guide.id, lang, layout).main_typ(),
        line_map: out.map,
        untranslated,
        chapter_files,
        images,
        read,
        warnings,
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

/// What writing the chapters finds, for the caller.
struct Found<'a> {
    /// The Markdown chapters' images.
    images: &'a mut Vec<ImageUse>,
    /// Rendered warnings.
    warnings: &'a mut Vec<String>,
}

/// Writes one chapter: a `#chapter` call holding the included Typst file or the
/// converted Markdown (its lines mapped back to the chapter's). With `strict`, a
/// warning about the chapter's text is an error.
fn write_chapter(
    out: &mut Output,
    manifest: &Manifest,
    chapter: &Chapter,
    options: &AssembleOptions,
    found: Found,
) -> Result<Option<String>> {
    let Found { images, warnings } = found;
    let Chapter { stem, file, shown_in, banner } = *chapter;
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
    let mut hash = None;
    if !file.is_markdown() {
        out.line(
            None,
            &format!("#include {}", string_literal(&format!("/{}", file.rel))),
        );
    } else {
        let text = read_project_text(&manifest.root, &file.rel)?;
        hash = Some(sha256_hex(text.as_bytes()));
        let text = without_bom(text);
        let converted = markdown::to_typst(&text, |image| {
            let path = resolve_image(manifest, &shown_in.code, &file.rel, &image)?;
            images.push(ImageUse {
                path: path.trim_start_matches('/').to_string(),
                chapter: file.rel.clone(),
                line: image.line,
            });
            Ok::<_, Error>(options.image_aliases.get(&path).cloned().unwrap_or(path))
        })
        .map_err(|err| match err {
            ConvertError::Image(err) => err,
            ConvertError::Refused(refusal) => {
                Error::at(Path::new(&file.rel), Some((refusal.line, 1)), refusal.message)
                    .with_hint(refusal.hint)
            }
        })?;
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
        for (i, line) in converted.typst.lines().enumerate() {
            let origin = converted
                .lines
                .get(i)
                .map(|&l| LineOrigin { file: file.rel.clone(), line: l });
            out.line(origin, line);
        }
    }
    out.line(None, "]");
    Ok(hash)
}

/// The error for a chapter missing in the source language.
fn missing_source_chapter(manifest: &Manifest, stem: &str) -> Error {
    let src = &manifest.guide.source_language;
    let place = match manifest.chapter_line(stem) {
        Some(line) => format!("{MANIFEST_PATH}:{line}"),
        None => MANIFEST_PATH.to_string(),
    };
    Error::new(format!(
        "{place}: chapter `{stem}` has no file: neither sources/{src}/{stem}.md nor sources/{src}/{stem}.typ exists"
    ))
    .with_hint(format!("create sources/{src}/{stem}.md, or remove `{stem}` from the chapter list"))
}

/// The file name endings of the images typst can print (any case).
const IMAGE_FORMATS: [&str; 7] = ["png", "jpg", "jpeg", "gif", "webp", "svg", "pdf"];

/// Maps an image destination written in a chapter to a project path Typst loads.
///
/// Paths are relative to `sources/`; `sources/images/<lang>/x` overrides `sources/images/x`.
fn resolve_image(
    manifest: &Manifest,
    lang: &str,
    chapter: &str,
    image: &ImageRef,
) -> Result<String> {
    let at = |msg: String| Error::at(Path::new(chapter), Some((image.line, 1)), msg);
    let dest = image.dest.trim();
    if dest.contains("://") {
        return Err(at(format!("image `{dest}` is a web address")).with_hint(
            "download the image into sources/images/ and refer to it as images/<name>",
        ));
    }
    let rel = dest.trim_start_matches("./");
    if rel.starts_with('/') || rel.split('/').any(|part| part == "..") {
        return Err(at(format!("image path `{dest}` leaves sources/")).with_hint(
            "images are referred to relative to sources/, e.g. images/logo.png",
        ));
    }
    if let Some((_, ext)) = rel.rsplit_once('.')
        && !ext.contains('/')
        && !IMAGE_FORMATS.contains(&ext.to_ascii_lowercase().as_str())
    {
        return Err(at(format!(
            "image `{dest}`: livret prints PNG, JPEG, GIF, WebP, SVG and PDF images, not `.{ext}` files"
        ))
        .with_hint("convert it to PNG (drawings) or JPEG (photos), e.g. with GIMP, and change the name here"));
    }
    let localized =
        rel.strip_prefix("images/").map(|rest| format!("sources/images/{lang}/{rest}"));
    let candidates = localized.into_iter().chain([format!("sources/{rel}")]);
    for candidate in candidates {
        if manifest.root.join(&candidate).symlink_metadata().is_ok() {
            return resolve_in_root(&manifest.root, &candidate)
                .map(|_| format!("/{candidate}"))
                .map_err(|problem| at(format!("image `{dest}`: {problem}")));
        }
    }
    Err(at(format!("image `{dest}` not found (looked for sources/{rel})"))
        .with_hint("put the file under sources/images/ or fix the path"))
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

/// The main source under construction, with its line map.
#[derive(Default)]
struct Output {
    text: String,
    map: Vec<Option<LineOrigin>>,
}

impl Output {
    /// Appends one line.
    fn line(&mut self, origin: Option<LineOrigin>, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
        self.map.push(origin);
    }
}
