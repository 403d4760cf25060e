//! What each page of the input paints, for the printer-margin check of `livret
//! impose`: read from the content streams on every core, and kept in the user's cache
//! by the PDF's bytes, the trim rule and this very program, so imposing the same PDF
//! again reads no content stream (on a 615-page manual, reading them was more than
//! half of a run whose page inks were kept).
//!
//! The file: `LIVRET-BOXES 1\n`, then per page 0 (nothing painted) or 1 and the box's
//! four numbers (f64, little-endian), then the 16-byte hash of all that.

use std::path::{Path, PathBuf};

use livret_impose::pdf::{PdfInput, TrimRule};
use rayon::prelude::*;

use crate::typeset::ink::cache::{prune, user_cache_dir};
use crate::util::fs::write_atomic;

/// A page's painted box (x0, y0, x1, y1), `None` when it paints nothing.
type PageBox = Option<(f64, f64, f64, f64)>;

/// The first bytes of a file of boxes; the number changes with what a box means.
const MAGIC: &[u8] = b"LIVRET-BOXES 1\n";

/// Most bytes the kept boxes take together (a 600-page PDF's take 20 kB).
const STORE_BYTES: u64 = 4 << 20;

/// What each page of `input` (parsed from `bytes`, its trim set by `trim`) paints, as
/// [`PdfInput::content_boxes`] gives it: kept from an earlier run, else read (each page
/// on its own thread) and kept.
pub fn content_boxes(
    input: &PdfInput,
    bytes: &[u8],
    trim: Option<TrimRule>,
) -> Vec<PageBox> {
    let kept = user_cache_dir("content-box").and_then(|dir| file(&dir, bytes, trim));
    let pages = input.info().pages;
    if let Some(found) = kept.as_deref().and_then(load).filter(|b| b.len() == pages) {
        return found;
    }
    let boxes: Vec<PageBox> =
        (0..pages).into_par_iter().map(|i| input.content_box(i)).collect();
    if let Some(file) = &kept
        && write_atomic(file, &encode(&boxes)).is_ok()
        && let Some(dir) = file.parent()
    {
        prune(dir, STORE_BYTES);
    }
    boxes
}

/// The file the boxes of the PDF `bytes` with `trim` are kept in, under `dir`: named by
/// a hash of them and of this program (its length and time of change); `None` when
/// the program cannot be looked at.
fn file(dir: &Path, bytes: &[u8], trim: Option<TrimRule>) -> Option<PathBuf> {
    let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let changed = exe.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let program = (exe.len(), changed.as_nanos());
    let key =
        typst::utils::hash128(&("content boxes 1", format!("{trim:?}"), program, bytes));
    Some(dir.join(format!("{key:032x}.bin")))
}

/// The bytes of a file of `boxes`.
fn encode(boxes: &[PageBox]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for b in boxes {
        match b {
            None => out.push(0),
            Some((x0, y0, x1, y1)) => {
                out.push(1);
                for v in [x0, y0, x1, y1] {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
    }
    let check = typst::utils::hash128(&out[..]);
    out.extend_from_slice(&check.to_le_bytes());
    out
}

/// The boxes kept at `path`, if the file is there, whole and of this version.
fn load(path: &Path) -> Option<Vec<PageBox>> {
    let bytes = crate::util::fs::read_cache_file(path)?;
    decode(&bytes)
}

/// The boxes of a file's `bytes`, if they are whole and of this version.
fn decode(bytes: &[u8]) -> Option<Vec<PageBox>> {
    let split = bytes.len().checked_sub(16)?;
    let (body, check) = bytes.split_at(split);
    if typst::utils::hash128(body).to_le_bytes() != check {
        return None;
    }
    let mut rest = body.strip_prefix(MAGIC)?;
    let mut boxes = Vec::new();
    while let Some((tag, after)) = rest.split_first() {
        match tag {
            0 => {
                boxes.push(None);
                rest = after;
            }
            1 => {
                let v = |i: usize| -> Option<f64> {
                    Some(f64::from_le_bytes(
                        after.get(8 * i..8 * i + 8)?.try_into().ok()?,
                    ))
                };
                boxes.push(Some((v(0)?, v(1)?, v(2)?, v(3)?)));
                rest = after.get(32..)?;
            }
            _ => return None,
        }
    }
    Some(boxes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_read_back_as_written_and_a_damaged_file_is_ignored() {
        let boxes = vec![None, Some((1.0, 2.5, 300.0, 400.25)), None];
        let mut bytes = encode(&boxes);
        assert_eq!(decode(&bytes), Some(boxes));
        assert_eq!(decode(&encode(&[])), Some(vec![]));
        bytes[MAGIC.len() + 3] ^= 1;
        assert_eq!(decode(&bytes), None);
        assert_eq!(decode(b"short"), None);
    }
}
