//! The standard 14 fonts for hayro, as typst's own (bare CFF fonts) wrapped in an
//! OpenType file of two tables: the CFF font itself and a `post` table naming its
//! glyphs.
//!
//! hayro finds a glyph of a non-embedded standard font by its name; in a bare CFF font
//! it looks the name up by walking the font's whole charset for every glyph drawn
//! (most of the time of drawing a page of Helvetica text), in an OpenType font with
//! a `post` table once in a map made when the font is loaded. The outlines come from
//! the same CFF table and neither file gives widths (no `hmtx`, `maxp` or `cmap`), so
//! pages are drawn exactly as from the bare font.

use std::sync::{Arc, OnceLock};

use hayro::hayro_interpret::font::{FontData, StandardFont};
use skrifa::raw::ps::cff::CffFontRef;
use skrifa::raw::ps::cff::v1::Cff;
use skrifa::raw::{FontData as RawData, FontRead};

/// The font hayro should use for `font`: typst's, wrapped once per run (the bare font
/// when it cannot be wrapped).
pub fn font_data(font: StandardFont) -> FontData {
    static WRAPPED: [OnceLock<FontData>; 14] = [const { OnceLock::new() }; 14];
    WRAPPED[index(font)]
        .get_or_init(|| {
            let bare = bare(font);
            match wrap(bare) {
                Some(otf) => Arc::new(otf),
                None => Arc::new(bare),
            }
        })
        .clone()
}

/// The place of `font` among the 14.
fn index(font: StandardFont) -> usize {
    match font {
        StandardFont::Helvetica => 0,
        StandardFont::HelveticaBold => 1,
        StandardFont::HelveticaOblique => 2,
        StandardFont::HelveticaBoldOblique => 3,
        StandardFont::Courier => 4,
        StandardFont::CourierBold => 5,
        StandardFont::CourierOblique => 6,
        StandardFont::CourierBoldOblique => 7,
        StandardFont::TimesRoman => 8,
        StandardFont::TimesBold => 9,
        StandardFont::TimesItalic => 10,
        StandardFont::TimesBoldItalic => 11,
        StandardFont::ZapfDingBats => 12,
        StandardFont::Symbol => 13,
    }
}

/// typst's bare CFF font for `font`.
pub fn bare(font: StandardFont) -> &'static [u8] {
    use typst_assets::pdf as f;
    match font {
        StandardFont::Helvetica => f::SANS,
        StandardFont::HelveticaBold => f::SANS_BOLD,
        StandardFont::HelveticaOblique => f::SANS_ITALIC,
        StandardFont::HelveticaBoldOblique => f::SANS_BOLD_ITALIC,
        StandardFont::Courier => f::FIXED,
        StandardFont::CourierBold => f::FIXED_BOLD,
        StandardFont::CourierOblique => f::FIXED_ITALIC,
        StandardFont::CourierBoldOblique => f::FIXED_BOLD_ITALIC,
        StandardFont::TimesRoman => f::SERIF,
        StandardFont::TimesBold => f::SERIF_BOLD,
        StandardFont::TimesItalic => f::SERIF_ITALIC,
        StandardFont::TimesBoldItalic => f::SERIF_BOLD_ITALIC,
        StandardFont::ZapfDingBats => f::DING_BATS,
        StandardFont::Symbol => f::SYMBOL,
    }
}

/// The glyph names of the CFF font `cff`, by glyph: the first glyph of a name keeps
/// it (as a walk of the charset finds it), later ones and unnamed glyphs get none.
fn glyph_names(cff: &[u8]) -> Option<Vec<Option<Vec<u8>>>> {
    let font = CffFontRef::new(cff, 0, None).ok()?;
    let table = Cff::read(RawData::new(cff)).ok()?;
    let charset = font.charset()?;
    let mut names = vec![None; font.num_glyphs() as usize];
    let mut seen = std::collections::HashSet::new();
    for (gid, sid) in charset.iter() {
        let Some(name) = table.string(sid) else { continue };
        let slot = names.get_mut(gid.to_u32() as usize);
        if let Some(slot) = slot
            && name.len() <= 255
            && seen.insert(name.to_vec())
        {
            *slot = Some(name.to_vec());
        }
    }
    Some(names)
}

/// A `post` table, version 2, naming each glyph (an unnamed glyph gets the empty name).
fn post_table(names: &[Option<Vec<u8>>]) -> Option<Vec<u8>> {
    let count = u16::try_from(names.len()).ok()?;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0002_0000u32.to_be_bytes()); // version 2.0
    out.extend_from_slice(&[0; 28]); // angle, underline, pitch, memory: none
    out.extend_from_slice(&count.to_be_bytes());
    // Names past the 258 of the standard Macintosh set are the table's own, in order.
    for i in 0..count {
        out.extend_from_slice(&(258 + i).to_be_bytes());
    }
    for name in names {
        let name = name.as_deref().unwrap_or(b"");
        out.push(name.len() as u8);
        out.extend_from_slice(name);
    }
    Some(out)
}

/// The OpenType file holding the CFF font `cff` and its glyph names.
fn wrap(cff: &[u8]) -> Option<Vec<u8>> {
    let names = glyph_names(cff)?;
    if names.len() + 258 > usize::from(u16::MAX) {
        return None;
    }
    let post = post_table(&names)?;
    // Tables in the order of their tags: `CFF ` then `post`.
    let tables: [(&[u8; 4], &[u8]); 2] = [(b"CFF ", cff), (b"post", &post)];
    let mut out = Vec::new();
    out.extend_from_slice(b"OTTO");
    out.extend_from_slice(&2u16.to_be_bytes()); // tables
    out.extend_from_slice(&32u16.to_be_bytes()); // search range: 2 × 16
    out.extend_from_slice(&1u16.to_be_bytes()); // entry selector: log2(2)
    out.extend_from_slice(&0u16.to_be_bytes()); // range shift
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        out.extend_from_slice(*tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    Some(out)
}

/// A table's checksum: the sum of its big-endian 32-bit words (zero-padded).
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, word| {
        let mut w = [0u8; 4];
        w[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard fonts, in the order of `index`.
    const FONTS: [StandardFont; 14] = [
        StandardFont::Helvetica,
        StandardFont::HelveticaBold,
        StandardFont::HelveticaOblique,
        StandardFont::HelveticaBoldOblique,
        StandardFont::Courier,
        StandardFont::CourierBold,
        StandardFont::CourierOblique,
        StandardFont::CourierBoldOblique,
        StandardFont::TimesRoman,
        StandardFont::TimesBold,
        StandardFont::TimesItalic,
        StandardFont::TimesBoldItalic,
        StandardFont::ZapfDingBats,
        StandardFont::Symbol,
    ];

    #[test]
    fn every_standard_font_is_wrapped_with_the_names_of_its_glyphs() {
        for font in FONTS {
            let otf = wrap(bare(font)).expect("wrapped");
            let face = skrifa::FontRef::new(&otf).expect("an OpenType file");
            use skrifa::raw::TableProvider;
            let post = face.post().expect("a post table");
            let names = glyph_names(bare(font)).unwrap();
            assert_eq!(post.num_glyphs(), Some(names.len() as u16), "{font:?}");
            assert_eq!(face.cff().unwrap().offset_data().as_ref(), bare(font));
            // The names read back as written.
            let strings: Vec<&str> =
                post.string_data().unwrap().iter().map(|s| s.unwrap().as_str()).collect();
            for (gid, name) in names.iter().enumerate() {
                let name = name.as_deref().map(|n| std::str::from_utf8(n).unwrap());
                assert_eq!(Some(strings[gid]), Some(name.unwrap_or("")), "{font:?}");
            }
            assert_eq!(font_data(font).as_ref().as_ref(), &otf[..]);
            assert_eq!(index(FONTS[index(font)]), index(font));
        }
        let helvetica = glyph_names(bare(StandardFont::Helvetica)).unwrap();
        assert!(helvetica.iter().flatten().any(|n| n == b"A"));
    }

    /// A one-page PDF showing `text` in the standard font `name`, not embedded.
    fn text_pdf(name: &str, text: &str) -> Vec<u8> {
        let content = format!("BT /F1 30 Tf 20 60 Td ({text}) Tj ET");
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 120] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /{name} >>"),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(
                format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes(),
            );
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    /// The page of `pdf` drawn by hayro with the standard fonts from `fonts`.
    fn drawn(pdf: Vec<u8>, fonts: fn(StandardFont) -> FontData) -> Vec<u8> {
        use hayro::hayro_interpret::InterpreterSettings;
        use hayro::hayro_interpret::font::FontQuery;
        let pdf = hayro::hayro_syntax::Pdf::new(Arc::new(pdf)).unwrap();
        let settings = InterpreterSettings {
            font_resolver: Arc::new(move |query| match query {
                FontQuery::Standard(s) => Some((fonts(*s), 0)),
                FontQuery::Fallback(f) => Some((fonts(f.pick_standard_font()), 0)),
            }),
            ..InterpreterSettings::default()
        };
        let options =
            hayro::RenderSettings { x_scale: 1.0, y_scale: 1.0, ..Default::default() };
        let cache = hayro::RenderCache::new();
        let pixmap = hayro::render(&pdf.pages()[0], &cache, &settings, &options);
        pixmap.data_as_u8_slice().to_vec()
    }

    #[test]
    fn pages_draw_the_same_from_the_wrapped_fonts_as_from_the_bare_ones() {
        for name in ["Helvetica", "Times-BoldItalic", "Courier", "Symbol"] {
            let pdf = text_pdf(name, "Ag (fi) 9 \\374 Wy");
            let wrapped = drawn(pdf.clone(), font_data);
            let bare = drawn(pdf, |f| Arc::new(bare(f)));
            assert!(wrapped == bare, "{name} draws differently");
            // Something was drawn, or the comparison proves nothing.
            assert!(
                wrapped.chunks(4).any(|px| px[3] > 0 && px[0] < 128),
                "{name}: blank"
            );
        }
    }
}
