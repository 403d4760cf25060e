//! `livret images`: every raster image of the guide where it is printed — pixels,
//! printed size, effective resolution, what the print and screen editions embed —
//! with a warning for images that will print blurry.

use std::path::PathBuf;

use serde::Serialize;

use crate::build::PlacedImage;
use crate::build::Project;
use crate::build::target::{TargetSpec, TargetWork};
use crate::images::{ImageCache, ImageTarget};
use crate::project::targets::TargetId;
use crate::typeset::assemble::ChapterCache;
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
    /// Also use the system's fonts.
    pub system_fonts: bool,
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
    let project = Project::open(&options.project, options.system_fonts)?;
    let targets = project.targets(&options.langs, &options.layouts, None)?;
    let cache = ImageCache::new(&project.manifest.root);
    let chapters = ChapterCache::default();
    let ctx = project.context();
    let mut out = Vec::new();
    for TargetId { lang, layout } in targets {
        let spec =
            TargetSpec { lang: &lang, layout: &layout, strict: false, page_multiple: 4 };
        // One layout pass places the images; each edition's variants need no compile.
        let work = TargetWork::start(ctx, &spec, &cache, &chapters, &mut None)?;
        let print = work.images(&cache, ImageTarget::PRINT)?;
        let screen = work.images(&cache, ImageTarget::SCREEN)?;
        let images = print
            .iter()
            .zip(&screen)
            .map(|(p, s)| ImageLine {
                image: p.clone(),
                screen: s.embedded,
                blurry: p.blurry_warning().is_some(),
            })
            .collect();
        out.push(TargetImages { lang, layout, images });
    }
    Ok(out)
}
