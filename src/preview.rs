//! `livret preview`: PNG pages, and one contact sheet of a whole booklet in reading
//! order with page numbers — the quickest way to see a language at a glance.

use std::path::{Path, PathBuf};

use typst::foundations::Smart;
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point, Ratio, Size, Transform};
use typst::syntax::Span;
use typst::utils::Scalar;
use typst::visualize::{Color, FixedStroke, Geometry, Paint};
use typst_layout::Page;
use typst_render::RenderOptions;

use crate::assemble;
use crate::build::{compile_target, select};
use crate::diag::{Error, Result};
use crate::export::write_atomic;
use crate::impose::place::plain_page;
use crate::manifest;
use crate::print;
use crate::world::{self, Fonts, GuideWorld};

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
        return Err(Error::new(format!("--dpi {} is out of range", options.dpi))
            .with_hint("use a resolution between 10 and 1200 dpi, e.g. --dpi 100"));
    }
    let manifest = manifest::load(&options.project)?;
    let fonts = Fonts::load(&manifest.root, false)?;
    let date = world::build_date(manifest.date()?)?;
    let langs = select(
        &options.langs,
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    let layouts =
        select(&options.layouts, manifest.layout_names().into_iter(), "layout")?;
    let mut done = Vec::new();
    for lang in &langs {
        for layout in &layouts {
            let target = compile_target(&manifest, &fonts, date, lang, layout, false, 4)?;
            let document = &target.compiled.document;
            let dir =
                PathBuf::from(assemble::out_dir(&manifest, lang, layout)).join("preview");
            let render = |page: &Page, dpi: f64| -> Result<Vec<u8>> {
                let pixmap = typst_render::render(
                    page,
                    &RenderOptions {
                        pixel_per_pt: Scalar::new(dpi / 72.0),
                        render_bleed: false,
                    },
                );
                encode_png(pixmap.width(), pixmap.height(), pixmap.data())
            };
            let mut pages = Vec::new();
            if options.pages {
                for (i, page) in document.pages().iter().enumerate() {
                    let rel = dir.join(format!("page-{:03}.png", i + 1));
                    write_atomic(&manifest.root.join(&rel), &render(page, options.dpi)?)?;
                    pages.push(rel);
                }
            }
            let numbers: Vec<String> =
                (1..=document.pages().len()).map(|n| n.to_string()).collect();
            let captions = print::slug_frames(
                &manifest.root,
                &format!("{}/numbers.typ", dir.display()),
                &fonts,
                date,
                "Andika",
                &numbers,
            );
            let sheet = contact_sheet(document.pages(), |n| {
                captions.get(&n.to_string()).cloned()
            });
            let name = format!("{}-{lang}-{layout}-contact.png", manifest.guide.id);
            let rel = dir.join(name);
            write_atomic(&manifest.root.join(&rel), &render(&sheet, 110.0)?)?;
            done.push(Previewed { contact_sheet: rel, pages });
        }
    }
    Ok(done)
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

/// Encodes premultiplied RGBA pixels (tiny-skia's layout) as a PNG.
/// Encodes a premultiplied RGBA pixmap as PNG.
pub fn encode_png(width: u32, height: u32, premultiplied: &[u8]) -> Result<Vec<u8>> {
    let mut rgba = premultiplied.to_vec();
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3];
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((*c as u16 * 255 + a as u16 / 2) / a as u16).min(255) as u8;
            }
        }
    }
    let mut out = Vec::new();
    let image = image::RgbaImage::from_raw(width, height, rgba).ok_or_else(|| {
        Error::new("internal error: a rendered page has the wrong size")
    })?;
    image
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| Error::new(format!("failed to encode a PNG ({e})")))?;
    Ok(out)
}

/// Renders pages `1..=count` of any PDF to PNG files `<stem>-<n>.png` in `out_dir`,
/// at `dpi`: typst places each page as an image (its PDF support) and typst-render
/// draws it. Returns the files written.
pub fn render_pdf(
    pdf: &Path,
    count: usize,
    out_dir: &Path,
    stem: &str,
    dpi: f64,
) -> Result<Vec<PathBuf>> {
    let dir = pdf
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .canonicalize()
        .map_err(|e| Error::io("open", pdf, e))?;
    let name = pdf.file_name().and_then(|n| n.to_str()).unwrap_or("input.pdf");
    let mut main = String::from("#set page(width: auto, height: auto, margin: 0pt)\n");
    for n in 1..=count {
        main.push_str(&format!(
            "#image({}, page: {n})\n#pagebreak(weak: true)\n",
            crate::markdown::string_literal(&format!("/{name}"))
        ));
    }
    let fonts = Fonts::load(&dir, false)?;
    let date = typst::foundations::Datetime::from_ymd(2000, 1, 1).expect("a valid date");
    let world = GuideWorld::new(&dir, ".livret-render.typ", main, fonts, date);
    let compiled = crate::compile::compile(&world, ".livret-render.typ", &[])?;
    let mut files = Vec::new();
    for (i, page) in compiled.document.pages().iter().enumerate() {
        let pixmap = typst_render::render(
            page,
            &RenderOptions { pixel_per_pt: Scalar::new(dpi / 72.0), render_bleed: false },
        );
        let path = out_dir.join(format!("{stem}-{}.png", i + 1));
        write_atomic(
            &path,
            &encode_png(pixmap.width(), pixmap.height(), pixmap.data())?,
        )?;
        files.push(path);
    }
    Ok(files)
}
