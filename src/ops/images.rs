//! `livret images`: every raster image of the guide where it is printed — pixels,
//! printed size, effective resolution, what the print and screen editions embed —
//! with a warning for images that will print blurry.

use std::path::PathBuf;

use serde::Serialize;

use crate::build::PlacedImage;
use crate::build::target::{Context, TargetSpec, compile_edition};
use crate::images::{ImageCache, ImageTarget};
use crate::project::{manifest, targets};
use crate::typeset::fonts::Fonts;
use crate::typeset::world;
use crate::util::diag::Result;

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
    let langs = targets::select(
        &options.langs,
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    let layouts =
        targets::select(&options.layouts, manifest.layout_names().into_iter(), "layout")?;
    let fonts = Fonts::load(&manifest.root, false)?;
    let date = world::build_date(manifest.date()?)?;
    let cache = ImageCache::new(&manifest.root);
    let ctx = Context { manifest: &manifest, fonts: &fonts, date };
    let mut out = Vec::new();
    for lang in &langs {
        for layout in &layouts {
            let spec = TargetSpec { lang, layout, strict: false, page_multiple: 4 };
            let print = compile_edition(ctx, &spec, &cache, ImageTarget::PRINT)?;
            let screen = compile_edition(ctx, &spec, &cache, ImageTarget::SCREEN)?;
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
