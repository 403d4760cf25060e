//! Print presets checked before any chapter is compiled: each `[[print]]` entry is
//! planned by the planner's own validation (sheet against the layout's page size,
//! signature counts, the zine's page count, creep, margins, back offset) with the
//! layout's page size and the fewest pages its book can have, measured once from
//! the layout alone. A problem is an error at the preset's place in guide.toml,
//! naming the preset, before anything is written.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use livret_impose::{PlanError, Size};

use crate::project::locate;
use crate::project::manifest::{MANIFEST_PATH, Manifest};
use crate::project::preset::PrintPreset;
use crate::tr;
use crate::typeset::fonts::Fonts;
use crate::typeset::world::GuideWorld;
use crate::util::diag::{Error, Result, line_col};
use crate::util::plan_error::{self, Settings};

/// A layout's page size (pt) and the pages of its book without any chapter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutShape {
    /// The page size in pt.
    pub page: Size,
    /// The fewest pages a book in this layout has.
    pub pages: usize,
}

/// Checks every preset of the layouts in `layouts` (all when empty) before any
/// compilation of the guide.
pub fn check_presets(
    manifest: &Manifest,
    layouts: &[String],
    fonts: &Arc<Fonts>,
    date: Datetime,
) -> Result<()> {
    let mut shapes: HashMap<&str, Option<LayoutShape>> = HashMap::new();
    for (index, preset) in manifest.print.iter().enumerate() {
        if !layouts.is_empty() && !layouts.contains(&preset.layout) {
            continue;
        }
        let shape = *shapes
            .entry(preset.layout.as_str())
            .or_insert_with(|| layout_shape(manifest, &preset.layout, fonts, date));
        // A layout that does not compile alone is reported by the build itself.
        let Some(shape) = shape else { continue };
        check_preset(manifest, index, preset, shape.page, shape.pages)?;
    }
    Ok(())
}

/// Checks every preset of `layout` for its compiled book (what depends on the page
/// count, as the zine's eight), before it is written; nothing when `print` is off.
pub fn check_pages(
    manifest: &Manifest,
    layout: &str,
    document: &PagedDocument,
    print: bool,
) -> Result<()> {
    let Some(first) = document.pages().first().filter(|_| print) else { return Ok(()) };
    let size = first.frame.size();
    let page = Size::new(size.x.to_pt(), size.y.to_pt());
    for (index, preset) in manifest.print.iter().enumerate() {
        if preset.layout == layout {
            check_preset(manifest, index, preset, page, document.pages().len())?;
        }
    }
    Ok(())
}

/// Plans preset `index` for `pages` pages of `page`; an error located in guide.toml.
pub fn check_preset(
    manifest: &Manifest,
    index: usize,
    preset: &PrintPreset,
    page: Size,
    pages: usize,
) -> Result<()> {
    let mut options = preset.choices().plan_options();
    options.page = page;
    let Err(problem) = livret_impose::plan(pages.max(1), &options) else { return Ok(()) };
    let key = key_of(&problem);
    let at = locate::print_value(&manifest.text, index, key)
        .map(|offset| line_col(&manifest.text, offset));
    let message = tr!(
        "typeset-preset-refused",
        preset = preset.name(),
        layout = preset.layout.as_str(),
        problem = plan_error::message(&problem)
    );
    Err(Error::at(Path::new(MANIFEST_PATH), at, message)
        .with_hint(plan_error::hint(&problem, Settings::Manifest))
        .with_hint(tr!("typeset-preset-refused-hint")))
}

/// The key of a `[[print]]` entry a planning problem is about.
fn key_of(problem: &PlanError) -> &'static str {
    match problem {
        PlanError::ZeroSignatureSheets => "signature-sheets",
        PlanError::InvalidLength { what: "creep", .. } => "creep",
        PlanError::InvalidLength { .. } | PlanError::MarginTooLarge { .. } => {
            "printer-margin"
        }
        PlanError::BackOffset { .. } => "back-offset",
        PlanError::InvalidSize { .. }
        | PlanError::DoesNotFit { .. }
        | PlanError::TooLarge { .. } => "sheet",
        _ => "scheme",
    }
}

/// The page size and page count of `layout`'s book without any chapter, or `None`
/// when the layout alone does not compile.
pub fn layout_shape(
    manifest: &Manifest,
    layout: &str,
    fonts: &Arc<Fonts>,
    date: Datetime,
) -> Option<LayoutShape> {
    let source = crate::typeset::assemble::empty_book(manifest, layout).ok()?;
    let main = format!("out/.livret/preflight-{layout}.typ");
    let world = GuideWorld::new(&manifest.root, &main, source, fonts.clone(), date);
    let document = typst::compile::<PagedDocument>(&world).output.ok()?;
    let first = document.pages().first()?.frame.size();
    Some(LayoutShape {
        page: Size::new(first.x.to_pt(), first.y.to_pt()),
        pages: document.pages().len(),
    })
}
