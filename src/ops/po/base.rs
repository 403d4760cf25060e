//! What a PO entry's translation was when it was exported: a translator comment
//! `# livret-base: <hash>` on each entry (`none` for an empty one). Translator
//! comments are kept by Poedit, Lokalize, Weblate and `msgmerge`, so an import can
//! tell who changed a block since the export — the PO, the chapter, or both (a
//! conflict) — and never overwrite work it did not see.

use crate::project::segments::normalize;
use crate::util::hash::sha256_hex;

use super::pofile::Entry;

/// The start of the comment.
const PREFIX: &str = "livret-base: ";

/// The base of a translation: 16 hex digits of its text with white space made
/// single, or `none` for an empty one.
pub fn hash_of(text: &str) -> String {
    let text = normalize(text);
    if text.is_empty() {
        "none".to_string()
    } else {
        sha256_hex(text.as_bytes())[..16].to_string()
    }
}

/// The base an entry was exported with (`None`: it has none, e.g. made from the
/// template or by an older livret).
pub fn of(entry: &Entry) -> Option<&str> {
    entry.comments.iter().rev().find_map(|c| c.strip_prefix(PREFIX)).map(str::trim)
}

/// The translator comments of `comments` without livret's base, then the base.
pub fn with(comments: &[String], base: &str) -> Vec<String> {
    let mut out: Vec<String> =
        comments.iter().filter(|c| !c.starts_with(PREFIX)).cloned().collect();
    out.push(format!("{PREFIX}{base}"));
    out
}

/// Whether two translations say the same (white space aside).
pub fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}
