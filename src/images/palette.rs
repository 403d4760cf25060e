//! Palette images for flat art on screens: a drawing made of a few flat colours keeps,
//! once resampled, those colours and the blends of its smoothed edges. Mapping every
//! pixel to the most common of them (a few dozen) changes nothing the eye sees at
//! phone size, and the pixels deflate to a third of their size in the PDF.

use std::collections::HashMap;

use image::{DynamicImage, RgbaImage};

/// A source image counts as flat art (a palette is safe) up to this many colours:
/// drawings, icons and diagrams; a photograph or a gradient has thousands.
pub const FLAT_ART_COLOURS: usize = 256;

/// An image reduced to a palette: the colours (RGBA) and one index per pixel.
pub struct Paletted {
    /// The palette, most common colour first (at most 256 entries).
    pub colours: Vec<[u8; 4]>,
    /// One palette index per pixel, row by row.
    pub indices: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Whether `image` has at most `most` distinct colours (transparency counted).
pub fn few_colours(image: &DynamicImage, most: usize) -> bool {
    let mut seen = std::collections::HashSet::new();
    for pixel in image.to_rgba8().pixels() {
        if seen.insert(normal(pixel.0)) && seen.len() > most {
            return false;
        }
    }
    true
}

/// Fully transparent pixels are all the same colour, whatever their RGB.
fn normal(p: [u8; 4]) -> [u8; 4] {
    if p[3] == 0 { [0; 4] } else { p }
}

/// Reduces `image` to its `size` most common colours (ties broken by colour, so the
/// result is always the same), every other colour drawn as the nearest of them.
pub fn reduce(image: &DynamicImage, size: usize) -> Paletted {
    let rgba: RgbaImage = image.to_rgba8();
    let mut counts: HashMap<[u8; 4], usize> = HashMap::new();
    for pixel in rgba.pixels() {
        *counts.entry(normal(pixel.0)).or_default() += 1;
    }
    let mut ranked: Vec<([u8; 4], usize)> = counts.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let colours: Vec<[u8; 4]> =
        ranked.iter().take(size.clamp(1, 256)).map(|(c, _)| *c).collect();
    let mut nearest: HashMap<[u8; 4], u8> = HashMap::new();
    let indices = rgba
        .pixels()
        .map(|pixel| {
            let colour = normal(pixel.0);
            *nearest.entry(colour).or_insert_with(|| closest(&colours, colour))
        })
        .collect();
    Paletted { colours, indices, width: rgba.width(), height: rgba.height() }
}

/// The index of the palette colour closest to `colour` (squared distance over the
/// four channels; the first of equals).
fn closest(colours: &[[u8; 4]], colour: [u8; 4]) -> u8 {
    let distance = |c: &[u8; 4]| -> u32 {
        c.iter()
            .zip(colour)
            .map(|(&a, b)| (i32::from(a) - i32::from(b)).pow(2) as u32)
            .sum()
    };
    let mut best = 0;
    for (i, c) in colours.iter().enumerate() {
        if distance(c) < distance(&colours[best]) {
            best = i;
        }
    }
    best as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_common_colours_and_maps_the_rest_to_the_nearest() {
        // 90 red pixels, 9 blue, one almost-red: two colours kept, the odd one is red.
        let mut image = RgbaImage::from_pixel(10, 10, image::Rgba([200, 0, 0, 255]));
        for x in 0..9 {
            image.put_pixel(x, 9, image::Rgba([0, 0, 200, 255]));
        }
        image.put_pixel(9, 0, image::Rgba([190, 10, 0, 255]));
        let image = DynamicImage::ImageRgba8(image);
        assert!(few_colours(&image, 3) && !few_colours(&image, 2));
        let p = reduce(&image, 2);
        assert_eq!(p.colours, vec![[200, 0, 0, 255], [0, 0, 200, 255]]);
        assert_eq!(p.indices[9], 0);
        assert_eq!(p.indices[90], 1);
        assert_eq!(p.indices.len(), 100);
    }

    #[test]
    fn transparent_pixels_are_one_colour() {
        let mut image = RgbaImage::from_pixel(4, 1, image::Rgba([10, 20, 30, 0]));
        image.put_pixel(1, 0, image::Rgba([200, 200, 200, 0]));
        image.put_pixel(2, 0, image::Rgba([0, 0, 0, 255]));
        let p = reduce(&DynamicImage::ImageRgba8(image), 256);
        assert_eq!(p.colours, vec![[0, 0, 0, 0], [0, 0, 0, 255]]);
        assert_eq!(p.indices, vec![0, 0, 1, 0]);
    }
}
