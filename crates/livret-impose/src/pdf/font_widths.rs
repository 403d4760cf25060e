//! The advance widths of a PDF font's glyphs, as its dictionary gives them (`/W` of a
//! composite font's descendant, `/Widths` of a simple font), for measuring a line of
//! text without rendering it. A font without them gets an average of 0.6 em a glyph.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId};

use super::read::{number, resolve};

/// The width of a glyph whose font says nothing, in thousandths of an em.
const AVERAGE: f64 = 600.0;

/// Most width entries read from one font (a CJK font may list tens of thousands).
const MAX_ENTRIES: usize = 70_000;

/// A font's glyph widths, in thousandths of an em.
#[derive(Debug, Clone, Default)]
pub(super) struct Widths {
    /// Bytes of a string per glyph: 2 for a composite font (`/Type0`), else 1.
    code_bytes: usize,
    /// The width of each code the font lists.
    widths: BTreeMap<u32, f64>,
    /// The width of a code it does not list.
    default: f64,
}

impl Widths {
    /// Widths of an unknown font: one byte a glyph, 0.6 em each.
    pub(super) fn unknown() -> Self {
        Self { code_bytes: 1, widths: BTreeMap::new(), default: AVERAGE }
    }

    /// The widths `font` gives.
    pub(super) fn of<'a>(
        objects: &'a BTreeMap<ObjectId, Object>,
        font: &'a Dictionary,
    ) -> Self {
        let get = |d: &'a Dictionary, key: &[u8]| -> Option<&'a Object> {
            d.get(key).ok().map(|o| resolve(objects, o))
        };
        let composite =
            matches!(get(font, b"Subtype"), Some(Object::Name(n)) if n == b"Type0");
        if !composite {
            let first = get(font, b"FirstChar").and_then(|o| number(objects, o));
            let Some(Object::Array(list)) = get(font, b"Widths") else {
                return Self::unknown();
            };
            let first = first.unwrap_or(0.0).max(0.0) as u32;
            let widths = list
                .iter()
                .take(MAX_ENTRIES)
                .enumerate()
                .filter_map(|(i, w)| Some((first + i as u32, number(objects, w)?)))
                .collect();
            return Self { code_bytes: 1, widths, default: AVERAGE };
        }
        let descendant = match get(font, b"DescendantFonts") {
            Some(Object::Array(list)) => list.first().map(|o| resolve(objects, o)),
            _ => None,
        };
        let Some(Object::Dictionary(cid)) = descendant else {
            return Self { code_bytes: 2, ..Self::unknown() };
        };
        let default = get(cid, b"DW").and_then(|o| number(objects, o)).unwrap_or(1000.0);
        let mut widths = BTreeMap::new();
        if let Some(Object::Array(w)) = get(cid, b"W") {
            cid_widths(objects, w, &mut widths);
        }
        Self { code_bytes: 2, widths, default }
    }

    /// The width of the glyphs of `bytes`, in em.
    pub(super) fn width(&self, bytes: &[u8]) -> f64 {
        let total: f64 = bytes
            .chunks(self.code_bytes.max(1))
            .map(|c| c.iter().fold(0u32, |code, &b| code << 8 | u32::from(b)))
            .map(|code| self.widths.get(&code).copied().unwrap_or(self.default))
            .sum();
        total / 1000.0
    }
}

/// Reads a `/W` array: `c [w1 w2 …]` (widths from code `c` on) or `c_first c_last w`.
fn cid_widths(
    objects: &BTreeMap<ObjectId, Object>,
    w: &[Object],
    out: &mut BTreeMap<u32, f64>,
) {
    let mut i = 0;
    while i < w.len() && out.len() < MAX_ENTRIES {
        let Some(first) = number(objects, &w[i]) else { return };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| resolve(objects, o)) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate().take(MAX_ENTRIES) {
                    if let Some(width) = number(objects, width) {
                        out.insert(first + k as u32, width);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let last = w.get(i + 1).and_then(|o| number(objects, o));
                let width = w.get(i + 2).and_then(|o| number(objects, o));
                let (Some(last), Some(width)) = (last, width) else { return };
                let last =
                    (last.max(0.0) as u32).min(first.saturating_add(MAX_ENTRIES as u32));
                for code in first..=last {
                    out.insert(code, width);
                }
                i += 3;
            }
            None => return,
        }
    }
}
