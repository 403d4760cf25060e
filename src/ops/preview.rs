//! `livret preview`: PNG pages, and one contact sheet of a whole booklet in reading
//! order with page numbers — the quickest way to see a language at a glance.

use std::path::PathBuf;

use typst::foundations::Smart;
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point, Ratio, Size, Transform};
use typst::syntax::Span;
use typst::visualize::{Color, FixedStroke, Geometry, Paint};
use typst_layout::Page;

use crate::build::Project;
use crate::build::target::{Context, TargetSpec, compile_target};
use crate::project::paths::TargetPaths;
use crate::tr;
use crate::typeset::frames::plain_page;
use crate::typeset::render::page_png;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_project;

/// What to preview.
#[derive(Debug, Clone)]
pub struct PreviewOptions {
    /// The project folder.
    pub project: PathBuf,
    /// Languages (all when empty).
    pub langs: Vec<String>,
    /// Layouts (all when empty).
    pub layouts: Vec<String>,
    /// Resolution of the page PNGs in dots per inch.
    pub dpi: f64,
    /// Also write every page as a PNG (the contact sheet is always written).
    pub pages: bool,
    /// Also use the system's fonts.
    pub system_fonts: bool,
}

/// What was written for one language × layout.
#[derive(Debug, Clone)]
pub struct Previewed {
    /// The contact sheet, relative to the project root.
    pub contact_sheet: PathBuf,
    /// The page PNGs, in order.
    pub pages: Vec<PathBuf>,
}

/// Thumbnails per row on the contact sheet.
const COLUMNS: usize = 8;

/// Renders previews.
pub fn preview(options: &PreviewOptions) -> Result<Vec<Previewed>> {
    if !(10.0..=1200.0).contains(&options.dpi) {
        return Err(Error::new(tr!("ops-preview-dpi", dpi = options.dpi))
            .with_hint(tr!("ops-preview-dpi-hint")));
    }
    let project = Project::open(&options.project, options.system_fonts)?;
    let targets = project.targets(&options.langs, &options.layouts, None)?;
    let ctx = project.context();
    let mut done = Vec::new();
    for id in &targets {
        done.push(preview_one(ctx, &id.lang, &id.layout, options)?);
    }
    Ok(done)
}

/// The page PNGs (when asked) and the contact sheet of one target.
fn preview_one(
    ctx: Context,
    lang: &str,
    layout: &str,
    options: &PreviewOptions,
) -> Result<Previewed> {
    let root = &ctx.manifest.root;
    let spec = TargetSpec { lang, layout, strict: false, page_multiple: 4 };
    let target = compile_target(ctx, &spec)?;
    let document = &target.compiled.document;
    let paths = TargetPaths::new(&ctx.manifest.guide.id, lang, layout);
    let dir = paths.preview_dir();
    let mut pages = Vec::new();
    if options.pages {
        for (i, page) in document.pages().iter().enumerate() {
            let rel = dir.join(format!("page-{:03}.png", i + 1));
            write_project(root, &rel, &page_png(page, options.dpi)?)?;
            pages.push(rel);
        }
    }
    let numbers: Vec<String> =
        (1..=document.pages().len()).map(|n| n.to_string()).collect();
    let numbers_typ = paths.numbers_typ();
    let captions = crate::typeset::frames::slug_frames(
        root,
        &numbers_typ,
        ctx.fonts,
        ctx.date,
        "Andika",
        &numbers,
    );
    let sheet =
        contact_sheet(document.pages(), |n| captions.get(&n.to_string()).cloned());
    let rel = paths.contact_png();
    write_project(root, &rel, &page_png(&sheet, 110.0)?)?;
    Ok(Previewed { contact_sheet: rel, pages })
}

/// Lays out every page as a thumbnail, in reading order, with its number below.
fn contact_sheet(pages: &[Page], number: impl Fn(usize) -> Option<Frame>) -> Page {
    let first = pages
        .first()
        .map(|p| p.frame.size())
        .unwrap_or(Size::new(Abs::pt(100.0), Abs::pt(100.0)));
    let scale = 0.3;
    let thumb = Size::new(first.x * scale, first.y * scale);
    let gap = Abs::pt(8.0);
    let caption = Abs::pt(10.0);
    let rows = pages.len().div_ceil(COLUMNS).max(1);
    let size = Size::new(
        gap + (thumb.x + gap) * COLUMNS as f64,
        gap + (thumb.y + caption + gap) * rows as f64,
    );
    let mut frame = Frame::hard(size);
    let border = FixedStroke::from_pair(
        Paint::Solid(Color::from_u8(150, 150, 150, 255)),
        Abs::pt(0.5),
    );
    for (i, page) in pages.iter().enumerate() {
        let (col, row) = (i % COLUMNS, i / COLUMNS);
        let at = Point::new(
            gap + (thumb.x + gap) * col as f64,
            gap + (thumb.y + caption + gap) * row as f64,
        );
        let mut group = GroupItem::new(page.frame.clone());
        group.transform = Transform::scale(Ratio::new(scale), Ratio::new(scale));
        frame.push(at, FrameItem::Group(group));
        let outline = Geometry::Rect(thumb).stroked(border.clone());
        frame.push(at, FrameItem::Shape(outline, Span::detached()));
        if let Some(n) = number(i + 1) {
            let x = at.x + (thumb.x - n.width()) / 2.0;
            frame.push_frame(Point::new(x, at.y + thumb.y + Abs::pt(2.0)), n);
        }
    }
    let mut page = plain_page(frame, 1);
    page.fill = Smart::Custom(Some(Paint::Solid(Color::from_u8(236, 236, 236, 255))));
    page
}
