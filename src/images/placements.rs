//! Where raster images ended up on the laid-out pages, found by content, and the
//! stand-ins typst lays out in their place on a first pass.

use std::collections::HashMap;

use typst::foundations::Bytes;
use typst::layout::{Frame, FrameItem};
use typst::syntax::Span;
use typst::visualize::ImageKind;
use typst_layout::PagedDocument;

use crate::images::model::{ImageInfo, SourceImage, hex_hash};

/// Where a raster image ended up on the pages.
#[derive(Debug, Clone)]
pub struct Placement {
    /// Project-relative path of the source image.
    pub rel: String,
    /// Printed width in pt.
    pub width_pt: f64,
    /// Printed height in pt.
    pub height_pt: f64,
    /// 1-based page.
    pub page: usize,
    /// Where the image is called for.
    pub span: Span,
}

/// An empty SVG with an image's proportions: typst lays it out like the image at a
/// given width without decoding the picture. It carries an id made from `rel`, so
/// that two files with the same content get two stand-ins, told apart on the pages.
pub fn stand_in(info: &ImageInfo, rel: &str) -> Bytes {
    Bytes::from_string(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"livret-{id}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"/>",
        id = hex_hash(rel.as_bytes()),
        w = info.width,
        h = info.height
    ))
}

/// Where an image whose data is `bytes` is first placed in `document`, if it is.
pub fn span_of(document: &PagedDocument, bytes: &[u8]) -> Option<Span> {
    let mut found = None;
    for page in document.pages() {
        collect_images(&page.frame, 1.0, &mut |image, _, _, span| {
            if let ImageKind::Raster(raster) = image.kind()
                && found.is_none()
                && raster.data().as_slice() == bytes
            {
                found = Some(span);
            }
        });
    }
    found
}

/// Every image placed in `document` whose data is one of `sources` or a stand-in
/// served as `<source path>.svg` (matched by content), in page order.
pub fn placements(
    document: &PagedDocument,
    sources: &[SourceImage],
    stand_ins: &[(String, Bytes)],
) -> Vec<Placement> {
    let mut by_hash: HashMap<u128, &str> = sources
        .iter()
        .map(|s| (typst::utils::hash128(&s.bytes), s.rel.as_str()))
        .collect();
    for (served, bytes) in stand_ins {
        let rel = served.strip_suffix(".svg").unwrap_or(served);
        by_hash.insert(typst::utils::hash128(bytes), rel);
    }
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        collect_images(&page.frame, 1.0, &mut |image, w, h, span| {
            let data = match image.kind() {
                ImageKind::Raster(raster) => raster.data(),
                ImageKind::Svg(svg) => svg.data(),
                _ => return,
            };
            if let Some(rel) = by_hash.get(&typst::utils::hash128(data)) {
                out.push(Placement {
                    rel: rel.to_string(),
                    width_pt: w,
                    height_pt: h,
                    page: i + 1,
                    span,
                });
            }
        });
    }
    out
}

/// Calls `f(image, width_pt, height_pt, span)` for every image in a frame, sizes
/// multiplied by the groups' scale.
fn collect_images(
    frame: &Frame,
    scale: f64,
    f: &mut impl FnMut(&typst::visualize::Image, f64, f64, Span),
) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let s =
                    group.transform.sx.get().abs().max(group.transform.ky.get().abs());
                collect_images(&group.frame, scale * s, f);
            }
            FrameItem::Image(image, size, span) => {
                f(image, size.x.to_pt() * scale, size.y.to_pt() * scale, *span)
            }
            _ => {}
        }
    }
}
