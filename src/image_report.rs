//! `livret images`: every raster image of the guide where it is printed — pixels,
//! printed size, effective resolution, what the print and screen editions embed —
//! with a warning for images that will print blurry.

use std::path::PathBuf;

use serde::Serialize;

use crate::build::{self, PlacedImage, TargetSpec};
use crate::diag::Result;
use crate::images::{ImageCache, ImageTarget};
use crate::manifest;
use crate::world::{self, Fonts};

/// What to report on.
#[derive(Debug, Clone, Default)]
pub struct ImageReportOptions {
    /// The project folder.
    pub project: PathBuf,
    /// Languages (all when empty).
    pub langs: Vec<String>,
    /// Layouts (all when empty).
    pub layouts: Vec<String>,
}

/// One image placement with both editions' embedded variants.
#[derive(Debug, Clone, Serialize)]
pub struct ImageLine {
    /// The placement, with the print edition's variant in `embedded`.
    #[serde(flatten)]
    pub image: PlacedImage,
    /// What the screen edition embeds: pixels and bytes.
    pub screen: Option<(u32, u32, usize)>,
    /// Whether it will print blurry (under 150 dpi).
    pub blurry: bool,
}

/// The images of one language × layout.
#[derive(Debug, Clone, Serialize)]
pub struct TargetImages {
    /// Language code.
    pub lang: String,
    /// Layout name.
    pub layout: String,
    /// Every placement, in page order.
    pub images: Vec<ImageLine>,
}

/// Compiles every selected target with its editions' images and lists them.
pub fn report(options: &ImageReportOptions) -> Result<Vec<TargetImages>> {
    let manifest = manifest::load(&options.project)?;
    let langs = build::select(
        &options.langs,
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    let layouts =
        build::select(&options.layouts, manifest.layout_names().into_iter(), "layout")?;
    let fonts = Fonts::load(&manifest.root, false)?;
    let date = world::build_date(manifest.date()?)?;
    let cache = ImageCache::new(&manifest.root);
    let mut out = Vec::new();
    for lang in &langs {
        for layout in &layouts {
            let spec = TargetSpec { lang, layout, strict: false, page_multiple: 4 };
            let print = build::compile_edition(
                &manifest,
                &fonts,
                date,
                &spec,
                &cache,
                ImageTarget::PRINT,
            )?;
            let screen = build::compile_edition(
                &manifest,
                &fonts,
                date,
                &spec,
                &cache,
                ImageTarget::SCREEN,
            )?;
            let images = print
                .images
                .iter()
                .zip(&screen.images)
                .map(|(p, s)| ImageLine {
                    image: p.clone(),
                    screen: s.embedded,
                    blurry: p.blurry_warning().is_some(),
                })
                .collect();
            out.push(TargetImages { lang: lang.clone(), layout: layout.clone(), images });
        }
    }
    Ok(out)
}

/// The human report: a table per target, then the blurry warnings.
pub fn render_human(reports: &[TargetImages]) -> String {
    let mut out = String::new();
    let mut warnings = Vec::new();
    for r in reports {
        out.push_str(&format!("{} × {}:\n", r.lang, r.layout));
        if r.images.is_empty() {
            out.push_str("  no raster images\n");
        }
        for line in &r.images {
            let i = &line.image;
            let embedded = |v: Option<(u32, u32, usize)>| {
                v.map_or("-".to_string(), |(w, h, b)| {
                    format!("{w}×{h} px, {}", build::human_size(b))
                })
            };
            out.push_str(&format!(
                "  p. {:<3} {}  {}×{} px  printed {:.0}×{:.0} mm  {:.0} dpi  print: {}  screen: {}  ({})\n",
                i.page,
                i.path,
                i.pixels.0,
                i.pixels.1,
                i.printed_mm.0,
                i.printed_mm.1,
                i.dpi,
                embedded(i.embedded),
                embedded(line.screen),
                i.place
            ));
            if let Some(w) = i.blurry_warning()
                && !warnings.contains(&w)
            {
                warnings.push(w);
            }
        }
    }
    for w in warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}
