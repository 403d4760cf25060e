//! Compiling a world to a paged document, with diagnostics pointing at chapters.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{NativeElement, Selector};
use typst::introspection::Introspector;
use typst::model::{Destination, LinkElem, LinkTarget};
use typst_layout::PagedDocument;

use crate::i18n::Text;
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
        warned.warnings.iter().map(|d| Text::raw(render(world, d))).collect();
    match warned.output {
        Ok(document) => {
            warnings.extend(unsafe_links(world, &document));
            Ok(Compiled { document, warnings })
        }
        Err(errors) => {
            let mut rendered: Vec<String> =
                errors.iter().map(|d| render(world, d)).collect();
            let first = rendered.remove(0);
            let mut err = Error::new(first);
            for other in rendered {
                err.message.push_str("\n");
                err.message.push_text(&crate::tr!("term-error").join(" ", &other.into()));
            }
            Err(err.with_hint("fix the chapter at the place shown; no PDF was written"))
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

/// Renders one diagnostic as `place: message`, a source line, and hints.
pub fn render(world: &GuideWorld, diag: &SourceDiagnostic) -> String {
    let mut out = String::new();
    let at = place(world, diag.span);
    // A problem met inside the layout (an image a chapter shows, text it sets) is the
    // chapter's: named at the chapter line that called the layout, innermost first.
    let chapter = match &at {
        Some(at) if !is_chapter(at) => diag
            .trace
            .iter()
            .find_map(|point| place(world, point.span).filter(|p| is_chapter(p))),
        _ => None,
    };
    if let Some(place) = chapter.as_ref().or(at.as_ref()) {
        out.push_str(place);
        out.push_str(": ");
    }
    if diag.severity == Severity::Warning {
        out.push_str("warning: ");
    }
    out.push_str(&diag.message);
    if let (Some(_), Some(at)) = (&chapter, &at) {
        out.push_str(&format!(" (met in {at})"));
    }
    for hint in &diag.hints {
        out.push_str("\n  hint: ");
        out.push_str(&hint.v);
    }
    out
}

/// Whether a place is in a chapter (a file the guide's writers and translators write).
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
