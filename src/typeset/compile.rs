//! Compiling a world to a paged document, with diagnostics pointing at chapters.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{NativeElement, Selector};
use typst::introspection::Introspector;
use typst::model::{Destination, LinkElem, LinkTarget};
use typst_layout::PagedDocument;

use crate::i18n::Text;
use crate::tr;
use crate::typeset::assemble::SETTINGS;
use crate::typeset::world::GuideWorld;
use crate::util::diag::{Error, Result};

/// A compiled document and its rendered warnings.
pub struct Compiled {
    /// The laid-out pages.
    pub document: PagedDocument,
    /// Warnings, each rendered as `file:line:col: message` (+ hints).
    pub warnings: Vec<Text>,
}

/// Compiles the world's main source. Errors carry every diagnostic, located in
/// the chapter files (Markdown lines through the world's line map) where possible.
pub fn compile(world: &GuideWorld) -> Result<Compiled> {
    let warned = typst::compile::<PagedDocument>(world);
    let mut warnings: Vec<Text> =
        warned.warnings.iter().map(|d| render(world, d)).collect();
    match warned.output {
        Ok(document) => {
            warnings.extend(unsafe_links(world, &document));
            Ok(Compiled { document, warnings })
        }
        Err(errors) => {
            let mut rendered: Vec<Text> =
                errors.iter().map(|d| render(world, d)).collect();
            let first = rendered.remove(0);
            let mut err = Error::new(first);
            for other in rendered {
                err.message.push_str("\n");
                err.message.push_text(&tr!("term-error").join(" ", &other));
            }
            Err(err.with_hint(tr!("typeset-compile-failed-hint")))
        }
    }
}

/// Links a Typst chapter writes itself (`#link("javascript:…")`) to anything but
/// `http`, `https`, `mailto` and `tel`: the layout's show rule prints them as their
/// text, as Markdown's are; one warning each, at its chapter line.
fn unsafe_links(world: &GuideWorld, document: &PagedDocument) -> Vec<Text> {
    let selector = Selector::Elem(LinkElem::ELEM, None);
    let mut warnings = Vec::new();
    for content in document.introspector().query(&selector) {
        let Some(link) = content.to_packed::<LinkElem>() else { continue };
        let LinkTarget::Dest(Destination::Url(url)) = &link.dest else { continue };
        if crate::typeset::markdown::links::is_live(url) {
            continue;
        }
        let at = place(world, content.span()).unwrap_or_else(|| "a Typst chapter".into());
        let shown: String = url.chars().take(60).collect();
        let more = if url.chars().count() > 60 { "…" } else { "" };
        let url = format!("{shown}{more}");
        warnings.push(crate::tr!("shop-typst-link-as-text", place = at, url = url));
    }
    warnings
}

/// The first line of a Typst chapter the world read that names the file `rel` (by its
/// file name: chapters write it relative to themselves or from the root), as
/// `chapter:line`: where to name a file a layout's function loaded for a chapter.
pub fn chapter_line_naming(world: &GuideWorld, rel: &str) -> Option<String> {
    let name = rel.rsplit('/').next().filter(|n| !n.is_empty())?;
    world
        .loaded_files()
        .into_iter()
        .filter(|f| f.starts_with("sources/") && f.ends_with(".typ"))
        .find_map(|chapter| {
            let id = crate::typeset::world::file_id(&chapter);
            let source = world.source(id).ok()?;
            let line = source.text().lines().position(|l| l.contains(name))?;
            Some(format!("{chapter}:{}", line + 1))
        })
}

/// Renders one diagnostic as `place: message`, and hints. A problem met inside the
/// layout is placed where the user can fix it: at the chapter line that called the
/// layout, or at the guide.toml line of the value the layout was showing.
pub fn render(world: &GuideWorld, diag: &SourceDiagnostic) -> Text {
    let at = place(world, diag.span);
    let chapter = match &at {
        Some(at) if !is_chapter(at) => diag
            .trace
            .iter()
            .find_map(|point| place(world, point.span).filter(|p| is_chapter(p))),
        _ => None,
    };
    let setting = match (&chapter, &at) {
        (None, Some(at)) if !is_chapter(at) => setting(world, diag.span),
        _ => None,
    };
    let typst_message = Text::raw(diag.message.as_str());
    let mut message = match (&setting, &chapter, &at) {
        (Some(setting), _, Some(at)) => tr!(
            "typeset-setting-refused",
            key = setting.key,
            value = setting.value.as_str(),
            message = typst_message,
            layout = at.as_str()
        ),
        (None, Some(_), Some(at)) => {
            tr!("typeset-met-in", message = typst_message, layout = at.as_str())
        }
        _ => typst_message,
    };
    if diag.severity == Severity::Warning {
        message = tr!("term-warning").join(" ", &message);
    }
    let place = setting.as_ref().map(|s| &s.place).or(chapter.as_ref()).or(at.as_ref());
    let mut out = match place {
        Some(place) => Text::raw(place.as_str()).join(": ", &message),
        None => message,
    };
    let mut hints: Vec<Text> =
        diag.hints.iter().map(|h| Text::raw(h.v.as_str())).collect();
    match (&setting, &chapter, &at) {
        (Some(setting), _, _) => hints.push(setting_hint(setting)),
        (None, None, Some(at))
            if !is_chapter(at) && !at.starts_with(world.main_path()) =>
        {
            let file = at.split(':').next().unwrap_or(at);
            hints.push(tr!("typeset-layout-line-hint", file = file));
        }
        _ => {}
    }
    for hint in hints {
        out.push_str("\n  ");
        out.push_text(&tr!("term-hint").join(" ", &hint));
    }
    out
}

/// A value of guide.toml a layout was showing when it failed.
struct Setting {
    /// Where it is written (`sources/guide.toml:47`).
    place: String,
    /// Its key in guide.toml (`code`, `title`…).
    key: &'static str,
    /// The value as the layout received it (Typst code: `"english"`).
    value: String,
}

/// The guide.toml value a layout's faulty expression at `span` is: the expression
/// starts with one of the `book` arguments, whose line in the main source came from
/// guide.toml (see `assemble::SETTINGS`).
fn setting(
    world: &GuideWorld,
    span: impl Into<typst::syntax::DiagSpan> + Copy,
) -> Option<Setting> {
    let span = span.into();
    let source = world.source(span.id()?).ok()?;
    let range = world.range(span)?;
    let expression = source.text().get(range)?;
    let name: String = expression
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let &(argument, key, _) = SETTINGS.iter().find(|(a, _, _)| *a == name)?;
    let main = world.source(world.main()).ok()?;
    let prefix = format!("  {argument}: ");
    let (index, line) =
        main.text().lines().enumerate().find(|(_, l)| l.starts_with(&prefix))?;
    let origin = world.line_map().get(index)?.as_ref()?;
    let value = line[prefix.len()..].trim_end_matches(',').to_string();
    Some(Setting { place: format!("{}:{}", origin.file, origin.line), key, value })
}

/// What to do about a value of guide.toml a layout refused.
fn setting_hint(setting: &Setting) -> Text {
    match setting.key {
        "code" => tr!("typeset-setting-code-hint"),
        "fonts" => tr!("typeset-setting-fonts-hint"),
        "dir" => tr!("typeset-setting-dir-hint"),
        _ => {
            tr!("typeset-setting-hint", key = setting.key, place = setting.place.as_str())
        }
    }
}

/// Whether a place is in a file the guide's writers and translators write: a chapter,
/// or guide.toml.
fn is_chapter(place: &str) -> bool {
    place.starts_with("sources/")
}

/// Finds `file:line:col` (or `file:line` for Markdown chapters) for a span.
pub fn place(
    world: &GuideWorld,
    span: impl Into<typst::syntax::DiagSpan> + Copy,
) -> Option<String> {
    let span = span.into();
    let id = span.id()?;
    let range = world.range(span)?;
    let source = world.source(id).ok()?;
    let (line, col) = source.lines().byte_to_line_column(range.start)?;
    let path = id.vpath().get_without_slash();
    if path == world.main_path()
        && let Some(Some(origin)) = world.line_map().get(line)
    {
        return Some(format!("{}:{}", origin.file, origin.line));
    }
    if !is_chapter(path) {
        // livret's layouts (or the user's): the place only, no code to decipher.
        return Some(format!("{path}:{}:{}", line + 1, col + 1));
    }
    // A Typst chapter: its own line, shortened, shows what is meant.
    let snippet = source.text().lines().nth(line).unwrap_or("").trim();
    Some(format!("{path}:{}:{} (`{}`)", line + 1, col + 1, shorten(snippet, 60)))
}

/// Cuts `s` to at most `max` characters, with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}
