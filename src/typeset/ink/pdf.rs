//! The ink of the pages of any PDF, for `livret impose`: each page the plan uses drawn
//! once, small, by hayro (the renderer typst uses for PDF images), within the limits of
//! [`super::budget`], then each printed side composed from where the backend puts them.

use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_interpret::font::{FontData, FontQuery, StandardFont};
use hayro::hayro_syntax::Pdf;
use hayro::hayro_syntax::object::dict::keys::{CONTENTS, RESOURCES};
use hayro::hayro_syntax::object::{Array, Dict, Stream};
use hayro::hayro_syntax::page::Page;
use hayro::vello_cpu::color::palette::css::TRANSPARENT;
use hayro::{RenderCache, RenderSettings};
use livret_impose::pdf::{PagePlacement, PdfError, PdfInput, PlaceOptions};
use livret_impose::{Imposition, drawings};
use rayon::prelude::*;

use super::budget::{LIMITS, page_work};
use super::cache::{InkCache, Measured, unmeasured};
use super::grid::{Affine, PageInk, Placed, Rect, compose};
use super::marks::marks_ink;
use crate::i18n::Text;
use crate::tr;

use super::{Estimate, INK_DPI, InkCoverage, Inks, MAX_PIXELS, Unmeasured, summarise};

/// Most pages drawn from one parse of the PDF: the renderer keeps each page's inflated
/// content while its parse lives (and its fonts, which pages share), so a long document
/// is parsed again every so many pages.
const PAGES_PER_PARSE: usize = 64;

/// Most pages drawn to measure a PDF's ink: a PDF that uses more than
/// [`ALL_PAGES_UP_TO`] has this many drawn (the first, the last, and the others evenly
/// spread between, [`sample`]) and the rest estimated as the mean of those between
/// ([`Estimate`]). Drawing a page costs about as much as imposing it: a 615-page
/// manual drawn whole took as long as pdfimpose's whole run.
pub const SAMPLE_PAGES: usize = 64;

/// Most pages a PDF may use and have every one drawn (its ink measured, not estimated).
pub const ALL_PAGES_UP_TO: usize = 128;

/// The ink of every side `options` writes (every side when its order is empty), in
/// that order, for the PDF `data` parsed as `input`, its pages measured through `cache`
/// (a cache for this one PDF: pages are told apart by what they hold within it); fails
/// only as [`PdfInput::impose`] would.
pub fn imposed(
    input: &PdfInput,
    data: &Arc<Vec<u8>>,
    plan: &Imposition,
    options: &PlaceOptions,
    cache: &InkCache,
) -> Result<InkCoverage, PdfError> {
    Ok(InkJob::new(input, plan, options)?.measure(data, cache))
}

/// Each side's ink, as [`imposed`] sums them up, and the pages not measured.
pub fn side_inks(
    input: &PdfInput,
    data: &Arc<Vec<u8>>,
    plan: &Imposition,
    options: &PlaceOptions,
    cache: &InkCache,
) -> Result<(Vec<Inks>, Vec<Unmeasured>), PdfError> {
    let (inks, unmeasured, _) = InkJob::new(input, plan, options)?.side_inks(data, cache);
    Ok((inks, unmeasured))
}

/// Each side's ink, the pages not measured, and the estimate they are, if any.
type SideInks = (Vec<Inks>, Vec<Unmeasured>, Option<Estimate>);

/// What measuring the ink of an imposition needs once the input is placed: where each
/// side's pages go and its marks. Made before anything is written (it fails only as
/// placing would), measured after the sheets are written and the parsed input freed,
/// so the two never take memory at once.
pub struct InkJob {
    /// Each side's placed pages, in print order.
    sides: Vec<Vec<PagePlacement>>,
    /// Each side's marks' ink.
    marks: Vec<Inks>,
    /// Pages of the input the sides use.
    used: Vec<bool>,
    /// Each page's box as drawn on the sheet, in its user space (for estimates).
    boxes: Vec<Option<(f64, f64, f64, f64)>>,
    /// The sheet's size, pt.
    sheet: (f64, f64),
}

impl InkJob {
    /// Places the pages of `input` as `options` says (every side when its order is
    /// empty); fails only as [`PdfInput::impose`] would.
    pub fn new(
        input: &PdfInput,
        plan: &Imposition,
        options: &PlaceOptions,
    ) -> Result<InkJob, PdfError> {
        let sides = input.placements(plan, options)?;
        let mut used = vec![false; input.info().pages];
        for p in sides.iter().flatten() {
            if let Some(u) = used.get_mut(p.page) {
                *u = true;
            }
        }
        let order = if options.order.is_empty() {
            livret_impose::all_sides(plan)
        } else {
            options.order.clone()
        };
        let (w, h) = (plan.sheet.width, plan.sheet.height);
        let marks = order
            .iter()
            .filter_map(|side| side.get(plan))
            .map(|side| marks_ink(&drawings(side, options.marks, &options.title), w, h))
            .collect();
        let boxes = (0..used.len()).map(|i| input.drawn_box(i)).collect();
        Ok(InkJob { sides, marks, used, boxes, sheet: (w, h) })
    }

    /// The ink of every side, from the PDF `data` the job was placed from.
    pub fn measure(&self, data: &Arc<Vec<u8>>, cache: &InkCache) -> InkCoverage {
        let (sides, unmeasured, estimate) = self.side_inks(data, cache);
        let mut coverage = summarise(&sides, false);
        coverage.unmeasured = unmeasured;
        coverage.estimated = estimate;
        coverage
    }

    /// Each side's ink, the pages not measured, and whether the inks are estimated
    /// from a sample of the pages.
    fn side_inks(&self, data: &Arc<Vec<u8>>, cache: &InkCache) -> SideInks {
        let (drawn, estimate) = sample(&self.used, ALL_PAGES_UP_TO, SAMPLE_PAGES);
        let mut pages = measure_pages(data, &drawn, cache);
        let unmeasured = unmeasured(&pages);
        // Pages of the sample past the limits are not among those measured.
        let estimate = estimate.map(|e| Estimate {
            measured: e.measured.saturating_sub(unmeasured.len()),
            ..e
        });
        if estimate.is_some() {
            estimate_pages(&self.used, &self.boxes, &mut pages);
        }
        let (w, h) = self.sheet;
        let inks = (self.sides.iter().zip(&self.marks))
            .map(|(placed, marks)| side_ink(placed, &pages, w, h, *marks))
            .collect();
        (inks, unmeasured, estimate)
    }
}

/// The pages of `used` to draw: all of them when there are at most `all`, else `most`
/// of them: the first and the last (covers, often unlike the rest) and the others
/// evenly spread between (the middle page of each of `most − 2` equal runs), and then
/// the estimate it makes.
pub fn sample(used: &[bool], all: usize, most: usize) -> (Vec<bool>, Option<Estimate>) {
    let pages: Vec<usize> = (0..used.len()).filter(|&i| used[i]).collect();
    if pages.len() <= all.max(most) || most < 3 {
        return (used.to_vec(), None);
    }
    let mut drawn = vec![false; used.len()];
    let (ends, inner) = (pages.len() - 1, &pages[1..pages.len() - 1]);
    drawn[pages[0]] = true;
    drawn[pages[ends]] = true;
    let spread = most - 2;
    for k in 0..spread {
        drawn[inner[(2 * k + 1) * inner.len() / (2 * spread)]] = true;
    }
    (drawn, Some(Estimate { measured: most, pages: pages.len() }))
}

/// Gives each used page not drawn (`None` in `pages`) the mean ink of the pages drawn
/// between the first and the last (the covers stand only for themselves), spread
/// evenly over its box as drawn on the sheet (`boxes`, in its user space); with no
/// such page drawn, they stay unmeasured.
fn estimate_pages(
    used: &[bool],
    boxes: &[Option<(f64, f64, f64, f64)>],
    pages: &mut [Option<Measured>],
) {
    let first = used.iter().position(|&u| u);
    let last = used.iter().rposition(|&u| u);
    let drawn: Vec<&PageInk> = (pages.iter().enumerate())
        .filter(|(i, _)| Some(*i) != first && Some(*i) != last)
        .filter_map(|(_, m)| match m {
            Some(Measured::Ink(ink)) => Some(ink.as_ref()),
            _ => None,
        })
        .collect();
    if drawn.is_empty() {
        return;
    }
    let colour = Inks::mean_of(&drawn.iter().map(|p| p.mean(false)).collect::<Vec<_>>());
    let gray = Inks::mean_of(&drawn.iter().map(|p| p.mean(true)).collect::<Vec<_>>()).k;
    for (i, slot) in pages.iter_mut().enumerate() {
        if slot.is_some() || !used[i] {
            continue;
        }
        let Some(Some((x0, y0, x1, y1))) = boxes.get(i) else { continue };
        // Four cells of the grid's drawing a pt, top-left first (y down).
        let (w, h) = (((x1 - x0) * 4.0).floor(), ((y1 - y0) * 4.0).floor());
        if !(w >= 1.0 && h >= 1.0 && w < 1e6 && h < 1e6) {
            continue;
        }
        let to_page = Affine([0.25, 0.0, 0.0, -0.25, *x0, *y1]);
        let ink = PageInk::uniform(w as u32, h as u32, to_page, colour, gray);
        *slot = Some(Measured::Ink(Arc::new(ink)));
    }
}

/// One side's ink from its placed pages (a page not measured adds nothing).
fn side_ink(
    placed: &[PagePlacement],
    pages: &[Option<Measured>],
    width: f64,
    height: f64,
    marks: Inks,
) -> Inks {
    // The backend's matrices lead to PDF space (y up): turn them to y down.
    let flip = Affine([1.0, 0.0, 0.0, -1.0, 0.0, height]);
    let parts: Vec<Placed> = placed
        .iter()
        .filter_map(|p| match pages.get(p.page) {
            Some(Some(Measured::Ink(ink))) => Some(Placed {
                ink,
                to_sheet: flip.after(&Affine(p.matrix)),
                clip: Rect::new(p.clip.x, p.clip.y, p.clip.width, p.clip.height),
            }),
            _ => None,
        })
        .collect();
    compose(width, height, &parts, marks, false)
}

/// Measures the pages flagged in `used` (in page order), each through `cache`; pages
/// not used are `None`. A PDF hayro cannot read leaves every used page unmeasured.
///
/// A page is found in `cache` by its place in this PDF (as a file of kept inks for
/// this one PDF has it: no parse needed), else by what it holds (pages alike share a
/// drawing), else drawn; each page is kept by both.
pub fn measure_pages(
    data: &Arc<Vec<u8>>,
    used: &[bool],
    cache: &InkCache,
) -> Vec<Option<Measured>> {
    let mut out = vec![None; used.len()];
    let mut missing = Vec::new();
    for i in (0..used.len()).filter(|&i| used[i]) {
        match cache.get(index_key(i)) {
            Some(found) => out[i] = Some(found),
            None => missing.push(i),
        }
    }
    // Two chunks a thread at least, so the threads finish together.
    let per_chunk = missing
        .len()
        .div_ceil(2 * rayon::current_num_threads().max(1))
        .clamp(1, PAGES_PER_PARSE);
    let chunks: Vec<Vec<(usize, Measured)>> = missing
        .par_chunks(per_chunk)
        .map(|chunk| measure_chunk(data, chunk, used.len(), cache))
        .collect();
    for (i, measured) in chunks.into_iter().flatten() {
        cache.insert(index_key(i), measured.clone());
        out[i] = Some(measured);
    }
    out
}

/// The key of page `index` (0-based) among a cache's entries for one PDF.
fn index_key(index: usize) -> u128 {
    typst::utils::hash128(&("pdf page number", index))
}

/// Measures pages `indices` from a fresh parse of `data`, which should have `count`.
fn measure_chunk(
    data: &Arc<Vec<u8>>,
    indices: &[usize],
    count: usize,
    cache: &InkCache,
) -> Vec<(usize, Measured)> {
    let unread = |why: Text| -> Vec<(usize, Measured)> {
        indices.iter().map(|&i| (i, Measured::Skipped(why.clone()))).collect()
    };
    let Ok(pdf) = Pdf::new(data.clone()) else {
        return unread(tr!("typeset-ink-unreadable"));
    };
    let pages = pdf.pages();
    if pages.len() != count {
        return unread(tr!("typeset-ink-other-page-tree"));
    }
    let settings = interpreter_settings();
    let render_cache = RenderCache::new();
    indices
        .iter()
        .map(|&i| {
            let page = &pages[i];
            let measured = cache.get_or(page_key(page, i), || {
                measure_page(page, &render_cache, &settings)
            });
            (i, measured)
        })
        .collect()
}

/// Draws one page within the limits, or says why not.
fn measure_page<'a>(
    page: &'a Page<'a>,
    render_cache: &RenderCache<'a>,
    settings: &InterpreterSettings,
) -> Measured {
    if let Err(over) = page_work(page, &LIMITS) {
        return Measured::Skipped(over.reason(&LIMITS));
    }
    let Some((scale, to_page)) = geometry(page) else {
        return Measured::Skipped(tr!("typeset-ink-empty-box"));
    };
    let options = RenderSettings {
        x_scale: scale as f32,
        y_scale: scale as f32,
        width: None,
        height: None,
        bg_color: TRANSPARENT,
    };
    let pixmap = hayro::render(page, render_cache, settings, &options);
    let (pw, ph) = (pixmap.width() as u32, pixmap.height() as u32);
    Measured::Ink(Arc::new(PageInk::from_pixels(
        pixmap.data_as_u8_slice(),
        pw,
        ph,
        to_page,
    )))
}

/// How `page` is drawn: the pixels per pt, and the map from pixels to the page's
/// coordinates (`None` for an empty box).
fn geometry(page: &Page) -> Option<(f64, Affine)> {
    let (w, h) = page.render_dimensions();
    let scale = raster_scale(w as f64, h as f64);
    let initial = Affine(page.initial_transform(true).as_coeffs());
    let to_page = Affine::scale(scale, scale).after(&initial).invert()?;
    Some((scale, to_page))
}

/// Pixels per pt to draw a page `w` × `h` pt at: [`INK_DPI`], less for a page so large
/// it would take more than [`MAX_PIXELS`], and never more than hayro's 65 535 a side.
pub fn raster_scale(w: f64, h: f64) -> f64 {
    let mut scale = INK_DPI / 72.0;
    let pixels = w * scale * h * scale;
    if pixels > MAX_PIXELS as f64 {
        scale *= (MAX_PIXELS as f64 / pixels).sqrt();
    }
    let longest = w.max(h) * scale;
    if longest > 60_000.0 {
        scale *= 60_000.0 / longest;
    }
    scale
}

/// What identifies a page's drawing within its PDF: its content streams as stored, its
/// resources (by reference, or as written when inline) and its boxes and turn.
fn page_key(page: &Page, index: usize) -> u128 {
    let raw = page.raw();
    let mut content: Vec<Vec<u8>> = Vec::new();
    if let Some(stream) = raw.get::<Stream>(CONTENTS) {
        content.push(stream.raw_data().into_owned());
    } else if let Some(array) = raw.get::<Array>(CONTENTS) {
        content.extend(array.iter::<Stream>().map(|s| s.raw_data().into_owned()));
    }
    let resources: Vec<u8> = match (raw.get_ref(RESOURCES), raw.get::<Dict>(RESOURCES)) {
        (Some(r), _) => format!("ref {} {}", r.obj_number, r.gen_number).into_bytes(),
        (None, Some(inline)) => inline.data().to_vec(),
        // Inherited from the page tree: told apart by the page itself.
        (None, None) => format!("page {index}").into_bytes(),
    };
    let boxes = [page.media_box(), page.crop_box()]
        .map(|r| [r.x0, r.y0, r.x1, r.y1].map(f64::to_bits));
    let turn = format!("{:?}", page.rotation());
    typst::utils::hash128(&("pdf page", content, resources, boxes, turn))
}

/// hayro's settings as typst's: the standard 14 fonts from typst's own (wrapped so
/// hayro finds their glyphs by name quickly, [`super::standard_fonts`]), no annotations
/// (the imposed sheets carry none), warnings ignored.
fn interpreter_settings() -> InterpreterSettings {
    let standard = |font: StandardFont| -> Option<(FontData, u32)> {
        Some((super::standard_fonts::font_data(font), 0))
    };
    InterpreterSettings {
        font_resolver: Arc::new(move |query| match query {
            FontQuery::Standard(s) => standard(*s),
            FontQuery::Fallback(f) => standard(f.pick_standard_font()),
        }),
        cmap_resolver: Arc::new(|_| None),
        warning_sink: Arc::new(|_| {}),
        render_annotations: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_pages_are_all_drawn_and_many_are_sampled_evenly() {
        let used = vec![true; 100];
        assert_eq!(sample(&used, 128, 64), (used.clone(), None));
        // Pages not used are never drawn, nor counted.
        let mut used = vec![true; 400];
        used[0] = false;
        used[399] = false;
        let (drawn, estimate) = sample(&used, 128, 64);
        assert_eq!(estimate, Some(Estimate { measured: 64, pages: 398 }));
        let picked: Vec<usize> = (0..400).filter(|&i| drawn[i]).collect();
        assert_eq!(picked.len(), 64);
        assert!(picked.iter().all(|&i| used[i]));
        // The first and last used pages, and one page in each of 62 equal runs of the
        // 396 between: about 6 apart.
        assert_eq!((picked[0], picked[63]), (1, 398));
        let inner = &picked[1..63];
        assert!(inner.windows(2).all(|w| (6..=7).contains(&(w[1] - w[0]))), "{picked:?}");
        assert!(inner[0] <= 8 && inner[61] >= 391, "{picked:?}");
    }
}
