//! The ink of a build's print file: each booklet page drawn once, small, by
//! typst-render, and each printed side composed from where the plan puts the pages.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use typst::foundations::Smart;
use typst::layout::{Frame, FrameItem};
use typst::utils::Scalar;
use typst::visualize::ImageKind;
use typst_layout::Page;
use typst_render::RenderOptions;

use super::budget::{LIMITS, Over, page_work};
use super::cache::{InkCache, Measured, unmeasured};
use super::grid::{Affine, PageInk, Placed, Rect, compose};
use super::marks::marks_ink;
use super::pdf::raster_scale;
use super::{InkCoverage, Inks, Unmeasured, summarise};
use crate::typeset::frames::page_transform;
use livret_impose::{Imposition, MarkOptions, SideRef, drawings};

/// The ink of the sides `order` of `plan` laid out from the booklet's `pages` (as
/// [`crate::typeset::frames::place_frames`] lays them), for a grey or a colour printer,
/// each page measured once through `cache`.
pub fn imposed(
    plan: &Imposition,
    pages: &[Page],
    order: &[SideRef],
    marks: MarkOptions,
    title: &str,
    gray: bool,
    cache: &InkCache,
) -> InkCoverage {
    let (sides, unmeasured) = side_inks(plan, pages, order, marks, title, gray, cache);
    let mut coverage = summarise(&sides, gray);
    coverage.unmeasured = unmeasured;
    coverage
}

/// Each side's ink, as [`imposed`] sums them up, and the pages not measured (a page
/// showing a PDF image past the limits of [`super::budget`]).
pub fn side_inks(
    plan: &Imposition,
    pages: &[Page],
    order: &[SideRef],
    marks: MarkOptions,
    title: &str,
    gray: bool,
    cache: &InkCache,
) -> (Vec<Inks>, Vec<Unmeasured>) {
    let mut used = vec![false; pages.len()];
    for side in order.iter().filter_map(|s| s.get(plan)) {
        for index in side.slots.iter().filter_map(|s| s.page) {
            if let Some(u) = used.get_mut(index) {
                *u = true;
            }
        }
    }
    let measured = measure_pages(pages, &used, cache);
    let (w, h) = (plan.sheet.width, plan.sheet.height);
    let sides = order
        .iter()
        .filter_map(|s| s.get(plan))
        .map(|side| {
            let placed: Vec<Placed> = side
                .slots
                .iter()
                .filter_map(|slot| {
                    let Some(Some(Measured::Ink(ink))) = measured.get(slot.page?) else {
                        return None;
                    };
                    let to_sheet = Affine(page_transform(slot, plan.scale));
                    let clip = Rect::new(slot.x, slot.y, slot.width, slot.height);
                    Some(Placed { ink, to_sheet, clip })
                })
                .collect();
            let marks = marks_ink(&drawings(side, marks, title), w, h);
            compose(w, h, &placed, marks, gray)
        })
        .collect();
    let unmeasured = unmeasured(&measured);
    (sides, unmeasured)
}

/// The pages flagged in `used`, each drawing measured once through `cache`.
fn measure_pages(
    pages: &[Page],
    used: &[bool],
    cache: &InkCache,
) -> Vec<Option<Measured>> {
    // Pages alike (blank ones, repeated parts) are told apart before drawing, so each
    // drawing is made once even when threads would meet it at the same time.
    let keys: Vec<Option<u128>> = pages
        .par_iter()
        .zip(used)
        .map(|(page, used)| used.then(|| page_key(page)))
        .collect();
    let mut first: HashMap<u128, usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            first.entry(*key).or_insert(i);
        }
    }
    let drawn: HashMap<u128, Measured> = first
        .par_iter()
        .map(|(key, &i)| (*key, cache.get_or(*key, || measure_page(&pages[i]))))
        .collect();
    keys.iter().map(|key| key.and_then(|k| drawn.get(&k).cloned())).collect()
}

/// What identifies a page's drawing: what its frame paints, where (its fill is not
/// drawn); not the places in the source it came from, nor its links and tags, so a
/// page laid out again from the same content, or a blank page, is the same drawing.
fn page_key(page: &Page) -> u128 {
    typst::utils::hash128(&("typst page", Drawn(&page.frame)))
}

/// A frame hashed by what it paints.
struct Drawn<'a>(&'a Frame);

impl Hash for Drawn<'_> {
    /// Hashes the size and each painted item with its position, groups deeply.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.size().hash(state);
        for (pos, item) in self.0.items() {
            match item {
                FrameItem::Group(group) => {
                    (0u8, pos, group.transform, &group.clip).hash(state);
                    Drawn(&group.frame).hash(state);
                }
                FrameItem::Text(text) => {
                    (1u8, pos, &text.font, text.size, &text.fill, &text.stroke)
                        .hash(state);
                    for g in &text.glyphs {
                        (g.id, g.x_advance, g.x_offset, g.y_advance, g.y_offset)
                            .hash(state);
                    }
                }
                FrameItem::Shape(shape, _) => (2u8, pos, shape).hash(state),
                FrameItem::Image(image, size, _) => (3u8, pos, image, size).hash(state),
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }
}

/// One page's ink, drawn without its fill (the sheet shows the page's frame on paper),
/// unless a PDF image on it asks for more than the limits.
fn measure_page(page: &Page) -> Measured {
    if let Some(over) = pdf_images_over(&page.frame) {
        return Measured::Skipped(crate::tr!(
            "typeset-ink-pdf-image",
            reason = over.reason(&LIMITS)
        ));
    }
    let size = page.frame.size();
    let scale = raster_scale(size.x.to_pt(), size.y.to_pt());
    let bare = Page { fill: Smart::Custom(None), ..page.clone() };
    let options = RenderOptions { pixel_per_pt: Scalar::new(scale), render_bleed: false };
    let pixmap = typst_render::render(&bare, &options);
    // typst-render draws at exactly `scale` (rounding only the pixmap's size).
    let to_page = Affine::scale(1.0 / scale, 1.0 / scale);
    Measured::Ink(Arc::new(PageInk::from_pixels(
        pixmap.data(),
        pixmap.width(),
        pixmap.height(),
        to_page,
    )))
}

/// Why a PDF image in `frame` (or its groups) is past the limits, if one is: typst
/// draws such images with hayro, which would keep all they ask for.
fn pdf_images_over(frame: &Frame) -> Option<Over> {
    frame.items().find_map(|(_, item)| match item {
        FrameItem::Group(group) => pdf_images_over(&group.frame),
        FrameItem::Image(image, _, _) => match image.kind() {
            ImageKind::Pdf(pdf) => page_work(pdf.page(), &LIMITS).err(),
            _ => None,
        },
        _ => None,
    })
}
