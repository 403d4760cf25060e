//! Drawing pages as pictures: typst-render's pixmaps encoded as PNG, and any PDF's
//! pages drawn through typst (which places PDF pages as images).

use std::path::{Path, PathBuf};

use typst::utils::Scalar;
use typst_layout::{Page, PagedDocument};
use typst_render::RenderOptions;

use crate::typeset::fonts::Fonts;
use crate::typeset::world::GuideWorld;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_atomic;

/// Draws one page at `dpi` as PNG bytes.
pub fn page_png(page: &Page, dpi: f64) -> Result<Vec<u8>> {
    let options =
        RenderOptions { pixel_per_pt: Scalar::new(dpi / 72.0), render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    encode_png(pixmap.width(), pixmap.height(), pixmap.data())
}

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
    let image = image::RgbaImage::from_raw(width, height, rgba)
        .ok_or_else(|| Error::new(crate::tr!("typeset-render-wrong-size")))?;
    image
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| {
            Error::new(crate::tr!("typeset-png-failed", reason = e.to_string()))
        })?;
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
    let document = pdf_document(&[(pdf, count)])?;
    let mut files = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        let path = out_dir.join(format!("{stem}-{}.png", i + 1));
        write_atomic(&path, &page_png(page, dpi)?)?;
        files.push(path);
    }
    Ok(files)
}

/// The pages `1..=count` of each PDF of `files` (all in one folder), in order, as a
/// typst document: each page placed as an image at its own size.
pub fn pdf_document(files: &[(&Path, usize)]) -> Result<PagedDocument> {
    let Some((first, _)) = files.first() else {
        let info = typst::model::DocumentInfo::default();
        return Ok(PagedDocument::new(typst::ecow::EcoVec::new(), info));
    };
    let dir = first
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .canonicalize()
        .map_err(|e| Error::io("open", first, e))?;
    let mut main = String::from("#set page(width: auto, height: auto, margin: 0pt)\n");
    for (pdf, count) in files {
        let name = pdf.file_name().and_then(|n| n.to_str()).unwrap_or("input.pdf");
        for n in 1..=*count {
            main.push_str(&format!(
                "#image({}, page: {n})\n#pagebreak(weak: true)\n",
                crate::typeset::markdown::string_literal(&format!("/{name}"))
            ));
        }
    }
    let fonts = Fonts::load(&dir, false)?;
    let date = typst::foundations::Datetime::from_ymd(2000, 1, 1).expect("a valid date");
    let world =
        GuideWorld::new(&dir, ".livret-render.typ", main, fonts, date).reading_any_file();
    Ok(crate::typeset::compile::compile(&world)?.document)
}
