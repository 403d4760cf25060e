//! Compiling a world to a paged document, with diagnostics pointing at chapters.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst_layout::PagedDocument;

use crate::typeset::world::GuideWorld;
use crate::util::diag::{Error, Result};

/// A compiled document and its rendered warnings.
pub struct Compiled {
    /// The laid-out pages.
    pub document: PagedDocument,
    /// Warnings, each rendered as `file:line:col: message` (+ hints).
    pub warnings: Vec<String>,
}

/// Compiles the world's main source. Errors carry every diagnostic, located in
/// the chapter files (Markdown lines through the world's line map) where possible.
pub fn compile(world: &GuideWorld) -> Result<Compiled> {
    let warned = typst::compile::<PagedDocument>(world);
    let warnings = warned.warnings.iter().map(|d| render(world, d)).collect();
    match warned.output {
        Ok(document) => Ok(Compiled { document, warnings }),
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
