//! Raster images for print and for screens: each image a chapter uses is checked,
//! resampled to the resolution its printed size needs (never upscaled), made grey for
//! black-and-white printing when asked, re-encoded (JPEG for photos, PNG for flat art)
//! and cached by content hash under `out/.cache/images/`. SVG passes through untouched.

mod cache;
mod check;
mod encode;
mod integrity;
mod model;
mod palette;
mod placements;

pub use cache::{ImageCache, folder};
pub use check::{check_svg, refusal, sniffed_refusal};
pub use model::{
    BLURRY_DPI, ImageInfo, ImageTarget, MAX_SIDE, SourceImage, Variant, Where, hex_hash,
    is_raster,
};
pub use placements::{Placement, placements, span_of, stand_in};
