//! `livret proof --changes`: the source blocks changed since a translation was accepted
//! and their translations, found on the laid-out pages and marked with a bar in the
//! margin and a light background.

use std::collections::BTreeMap;

use typst::layout::{Abs, FrameItem, Point, Size};
use typst::syntax::Span;
use typst::visualize::{Color, Geometry, Paint};

use crate::build::target::CompiledTarget;
use crate::project::changes::ChangeKind;
use crate::project::chapters;
use crate::project::manifest::Manifest;
use crate::project::review::{self, State};
use crate::project::status;
use crate::tr;
use crate::typeset::regions::{self, Passage};
use crate::util::diag::{Error, Result};
use livret_impose::mm;

/// A box on a page: left, top, right, bottom in pt.
type Bounds = (f64, f64, f64, f64);

/// The marks of both sides of a proof: for the source (0) and the translation (1), the
/// boxes to mark on each page.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Per side, per 0-based page, the boxes (left, top, right, bottom in pt).
    sides: [BTreeMap<usize, Vec<Bounds>>; 2],
    /// How many changed blocks there are.
    pub blocks: usize,
    /// Stale chapters whose changes cannot be shown: no snapshot of the accepted source.
    pub unknown: Vec<String>,
}

/// The colour of the margin bar.
const BAR: (u8, u8, u8) = (214, 96, 0);

impl Marks {
    /// Whether a proof row showing these pages carries a mark.
    pub fn on_row(&self, left: Option<usize>, right: Option<usize>) -> bool {
        let has = |k: usize, p: Option<usize>| {
            p.is_some_and(|p| self.sides[k].contains_key(&p))
        };
        has(0, left) || has(1, right)
    }

    /// The shapes marking one side's page, relative to the page's top-left: a light
    /// background over each box and a bar at `bar_x` beside it.
    pub fn draw(&self, side: usize, page: usize, bar_x: Abs) -> Vec<(Point, FrameItem)> {
        let Some(boxes) = self.sides[side].get(&page) else { return Vec::new() };
        let tint = Paint::Solid(Color::from_u8(255, 200, 0, 70));
        let bar = Paint::Solid(Color::from_u8(BAR.0, BAR.1, BAR.2, 255));
        let pad = 1.5;
        let mut out = Vec::new();
        for &(x0, y0, x1, y1) in boxes {
            let top = Abs::pt(y0 - pad);
            let height = Abs::pt(y1 - y0 + 2.0 * pad);
            let background =
                Geometry::Rect(Size::new(Abs::pt(x1 - x0 + 2.0 * pad), height))
                    .filled(tint.clone());
            out.push((
                Point::new(Abs::pt(x0 - pad), top),
                FrameItem::Shape(background, Span::detached()),
            ));
            let stripe =
                Geometry::Rect(Size::new(Abs::pt(mm(1.5)), height)).filled(bar.clone());
            out.push((
                Point::new(bar_x, top),
                FrameItem::Shape(stripe, Span::detached()),
            ));
        }
        out
    }
}

/// Refuses to mark changes against another language than the source: changes are
/// known against the source text a translation was accepted for.
pub fn check_against(manifest: &Manifest, against: &str) -> Result<()> {
    if against != manifest.guide.source_language {
        return Err(Error::new(tr!(
            "ops-changes-against",
            source = &manifest.guide.source_language,
            against = against
        ))
        .with_hint(tr!("ops-changes-against-hint")));
    }
    Ok(())
}

/// Finds the changed blocks of `lang`'s chapters (against the source language) on both
/// compiled documents.
pub fn marks(
    manifest: &Manifest,
    lang: &str,
    targets: [&CompiledTarget; 2],
) -> Result<Marks> {
    let changed = changed_passages(manifest, lang)?;
    let mut marks =
        Marks { blocks: changed.blocks, unknown: changed.unknown, ..Marks::default() };
    for (k, passages) in [changed.source, changed.translation].iter().enumerate() {
        let target = targets[k];
        for region in regions::find(&target.world, &target.compiled.document, passages) {
            marks.sides[k].entry(region.page).or_default().push(region.bounds);
        }
    }
    Ok(marks)
}

/// The changed blocks of a translation: the lines to mark in the source and in the
/// translation, how many blocks, and the stale chapters whose changes are unknown.
#[derive(Default)]
struct Changed {
    /// Lines of the changed source blocks.
    source: Vec<Passage>,
    /// Lines of their translations.
    translation: Vec<Passage>,
    /// How many blocks changed.
    blocks: usize,
    /// Stale chapters with no snapshot of the accepted source.
    unknown: Vec<String>,
}

/// Reviews every chapter of `lang` and gathers its changed blocks' lines.
fn changed_passages(manifest: &Manifest, lang: &str) -> Result<Changed> {
    let status = status::read(manifest, lang)?;
    let mut out = Changed::default();
    for stem in manifest.guide.chapters.iter().map(|c| c.get_ref().as_str()) {
        let Some(review) = review::review(manifest, lang, stem, &status)? else {
            continue;
        };
        match review.state {
            State::NoSnapshot => out.unknown.push(review.chapter.clone()),
            State::Changed => {}
            State::Current | State::NeverAccepted => continue,
        }
        let translation = match review.blocks.iter().any(|b| b.translation_line.is_some())
        {
            true => chapters::find(manifest, lang, stem)?
                .map(|file| review::read_chapter(manifest, file))
                .transpose()?
                .map(|c| c.blocks)
                .unwrap_or_default(),
            false => Vec::new(),
        };
        for block in &review.blocks {
            out.blocks += 1;
            if block.change != ChangeKind::Removed {
                let lines = block.source_line..block.source_end_line + 1;
                out.source.push(Passage { file: review.source.clone(), lines });
            }
            let aligned = block
                .translation_line
                .and_then(|line| translation.iter().find(|b| b.line == line));
            if let Some(b) = aligned {
                let lines = b.line..b.end_line + 1;
                out.translation.push(Passage { file: review.translation.clone(), lines });
            }
        }
    }
    Ok(out)
}
