//! Page inks kept by content, so a page imposed on several sides, by several print
//! presets or twice in one file is drawn once — and, kept in a file, once across runs.
//!
//! The file: `LIVRET-INK 1\n`, then per entry its key (16 bytes) and either 0 and a
//! grid ([`PageInk::encode`]), 1 and the reason's length (4 bytes) and UTF-8 text, or
//! 2 and the key of an earlier entry holding the same grid; then the 16-byte hash of
//! all that: a damaged file is not read (its pages are drawn again).

use crate::i18n::Text;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::grid::PageInk;
use crate::util::diag::Result;
use crate::util::fs::write_atomic;

/// The first bytes of a cache file; the number changes with what a grid means.
const MAGIC: &[u8] = b"LIVRET-INK 1\n";

/// Most bytes the cache files of `livret impose` take together; past it the least
/// recently written go.
pub const STORE_BYTES: u64 = 64 << 20;

/// The folder `livret impose` keeps page inks in: `$LIVRET_CACHE_DIR/ink`, else the
/// user's cache folder (`$XDG_CACHE_HOME`, `~/.cache`, `%LOCALAPPDATA%`) `/livret/ink`;
/// `None` when there is none (the inks are then kept for the run only).
pub fn store_dir() -> Option<PathBuf> {
    user_cache_dir("ink")
}

/// The folder `sub` of livret's user cache: `$LIVRET_CACHE_DIR/<sub>`, else the user's
/// cache folder (`$XDG_CACHE_HOME`, `~/.cache`, `%LOCALAPPDATA%`) `/livret/<sub>`.
pub fn user_cache_dir(sub: &str) -> Option<PathBuf> {
    let var =
        |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("LIVRET_CACHE_DIR") {
        return Some(dir.join(sub));
    }
    let base = var("XDG_CACHE_HOME")
        .or_else(|| var("HOME").map(|h| h.join(".cache")))
        .or_else(|| var("LOCALAPPDATA"))?;
    Some(base.join("livret").join(sub))
}

/// The cache file of the PDF `bytes` in `dir`: named by a hash of its bytes and of
/// how inks are measured, so a changed file or method starts afresh.
pub fn store_file(dir: &Path, bytes: &[u8]) -> PathBuf {
    let method = (
        "ink 1",
        super::INK_DPI.to_bits(),
        super::MAX_PIXELS,
        super::grid::MAX_CELLS,
        format!("{:?}", super::budget::LIMITS),
    );
    let key = typst::utils::hash128(&(method, bytes));
    dir.join(format!("{key:032x}.bin"))
}

/// Removes the least recently written files of `dir` until they take at most `max`
/// bytes together (best effort: a file that cannot be removed is left).
pub fn prune(dir: &Path, max: u64) {
    let Ok(files) = crate::util::fs::files_in(dir) else { return };
    let mut found: Vec<(std::time::SystemTime, u64, PathBuf)> = files
        .into_iter()
        .filter_map(|f| {
            let meta = std::fs::metadata(&f).ok()?;
            Some((meta.modified().ok()?, meta.len(), f))
        })
        .collect();
    let mut total: u64 = found.iter().map(|f| f.1).sum();
    found.sort();
    for (_, len, file) in found {
        if total <= max {
            break;
        }
        if std::fs::remove_file(&file).is_ok() {
            total = total.saturating_sub(len);
        }
    }
}

/// Most page inks kept: a grid takes at most about 5 kB, so some twenty megabytes.
pub const MAX_KEPT: usize = 4096;

/// A page's ink, or why it was not measured.
#[derive(Debug, Clone, PartialEq)]
pub enum Measured {
    /// The page's ink.
    Ink(Arc<PageInk>),
    /// Not measured, and why (in words, for the user).
    Skipped(Text),
}

/// The pages of `measured` (by input page, 0-based) that were left out, 1-based, with why.
pub fn unmeasured(measured: &[Option<Measured>]) -> Vec<super::Unmeasured> {
    measured
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match m {
            Some(Measured::Skipped(reason)) => {
                Some(super::Unmeasured { page: i + 1, reason: reason.clone() })
            }
            _ => None,
        })
        .collect()
}

/// Page inks by a hash of what the page draws, for one run.
#[derive(Debug, Default)]
pub struct InkCache {
    kept: Mutex<HashMap<u128, Measured>>,
    drawn: AtomicUsize,
    reused: AtomicUsize,
}

impl InkCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The ink kept under `key`, else `measure`'s (kept while there is room).
    pub fn get_or(&self, key: u128, measure: impl FnOnce() -> Measured) -> Measured {
        if let Some(found) = self.get(key) {
            return found;
        }
        let measured = measure();
        self.drawn.fetch_add(1, Ordering::Relaxed);
        self.insert(key, measured.clone());
        measured
    }

    /// The ink kept under `key`, if any (counted as reused).
    pub fn get(&self, key: u128) -> Option<Measured> {
        let found = self.lock().get(&key).cloned();
        if found.is_some() {
            self.reused.fetch_add(1, Ordering::Relaxed);
        }
        found
    }

    /// Keeps `measured` under `key` too, while there is room.
    pub fn insert(&self, key: u128, measured: Measured) {
        let mut kept = self.lock();
        if kept.len() < MAX_KEPT {
            kept.insert(key, measured);
        }
    }

    /// Pages measured (drawn, or walked and skipped) so far.
    pub fn drawn(&self) -> usize {
        self.drawn.load(Ordering::Relaxed)
    }

    /// Pages found already measured so far.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// The inks kept in the file at `path`; an empty cache when it is missing, damaged
    /// or of another version.
    pub fn load(path: &Path) -> Self {
        let cache = Self::new();
        if let Some(bytes) = crate::util::fs::read_cache_file(path)
            && let Some(entries) = decode(&bytes)
        {
            cache.lock().extend(entries);
        }
        cache
    }

    /// Keeps the inks in the file at `path` (atomically), if any were measured since it
    /// was loaded.
    pub fn save(&self, path: &Path) -> Result<()> {
        if self.drawn() == 0 {
            return Ok(());
        }
        let kept = self.lock();
        let mut entries: Vec<(&u128, &Measured)> = kept.iter().collect();
        entries.sort_by_key(|(k, _)| **k);
        let mut out = MAGIC.to_vec();
        // A grid kept under two keys (its content, its page) is written once.
        let mut written: HashMap<*const PageInk, u128> = HashMap::new();
        for (key, measured) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            match measured {
                Measured::Ink(ink) => match written.get(&Arc::as_ptr(ink)) {
                    Some(first) => {
                        out.push(2);
                        out.extend_from_slice(&first.to_le_bytes());
                    }
                    None => {
                        written.insert(Arc::as_ptr(ink), *key);
                        out.push(0);
                        ink.encode(&mut out);
                    }
                },
                Measured::Skipped(why) => {
                    // The interface language, the reason in it, and in English.
                    let lang = crate::i18n::current().code();
                    let why =
                        format!("{lang}\u{0}{}\u{0}{}", why.as_str(), why.english());
                    out.push(1);
                    out.extend_from_slice(&(why.len() as u32).to_le_bytes());
                    out.extend_from_slice(why.as_bytes());
                }
            }
        }
        let check = typst::utils::hash128(&out[..]);
        out.extend_from_slice(&check.to_le_bytes());
        write_atomic(path, &out)
    }

    /// The map, even if a thread panicked while holding it (its entries stay whole).
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u128, Measured>> {
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A cached reason (`lang NUL ui NUL english`) when written in this run's language;
/// `None` for one in another language: the page is looked at again (deciding to skip
/// it draws nothing), so the reason is said in this run's language.
fn skipped_reason(text: &str) -> Option<Text> {
    let mut parts = text.splitn(3, '\u{0}');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(lang), Some(ui), Some(en)) if lang == crate::i18n::current().code() => {
            Some(Text::from_parts(ui.to_string(), en.to_string()))
        }
        _ => None,
    }
}

/// The entries of a cache file, if it is whole and of this version.
fn decode(bytes: &[u8]) -> Option<Vec<(u128, Measured)>> {
    let body = bytes.strip_prefix(MAGIC)?;
    let split = body.len().checked_sub(16)?;
    let (entries, check) = body.split_at(split);
    let whole = &bytes[..MAGIC.len() + split];
    if typst::utils::hash128(whole).to_le_bytes() != check {
        return None;
    }
    let mut out: Vec<(u128, Measured)> = Vec::new();
    let mut index: HashMap<u128, usize> = HashMap::new();
    let mut rest = entries;
    while !rest.is_empty() {
        let key = u128::from_le_bytes(rest.get(..16)?.try_into().ok()?);
        let (tag, after) = rest.get(16..)?.split_first()?;
        let (measured, used) = match tag {
            0 => {
                let (ink, used) = PageInk::decode(after)?;
                (Some(Measured::Ink(Arc::new(ink))), used)
            }
            1 => {
                let len = u32::from_le_bytes(after.get(..4)?.try_into().ok()?) as usize;
                let text = std::str::from_utf8(after.get(4..4 + len)?).ok()?;
                (skipped_reason(text).map(Measured::Skipped), 4 + len)
            }
            2 => {
                let first = u128::from_le_bytes(after.get(..16)?.try_into().ok()?);
                let earlier = out.get(*index.get(&first)?)?.1.clone();
                (Some(earlier), 16)
            }
            _ => return None,
        };
        rest = after.get(used..)?;
        if let Some(measured) = measured {
            index.insert(key, out.len());
            out.push((key, measured));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_is_measured_once() {
        let cache = InkCache::new();
        let skipped = || Measured::Skipped("x".into());
        assert_eq!(
            skipped_reason("en\u{0}a\u{0}b"),
            Some(Text::from_parts("a".into(), "b".into()))
        );
        assert_eq!(skipped_reason("xx\u{0}a\u{0}b"), None);
        cache.get_or(1, skipped);
        cache.get_or(1, || panic!("measured twice"));
        cache.get_or(2, skipped);
        assert_eq!((cache.drawn(), cache.reused()), (2, 1));
    }

    #[test]
    fn a_saved_cache_loads_whole_and_a_damaged_one_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ink.bin");
        let cache = InkCache::new();
        let px = [0u8, 0, 0, 255].repeat(16);
        let ink = PageInk::from_pixels(&px, 4, 4, super::super::grid::Affine::IDENTITY);
        cache.get_or(7, || Measured::Ink(Arc::new(ink.clone())));
        cache.get_or(9, || Measured::Skipped("too much".into()));
        cache.save(&path).unwrap();
        let back = InkCache::load(&path);
        back.get_or(7, || panic!("not kept"));
        assert_eq!(
            back.get_or(9, || panic!("not kept")),
            Measured::Skipped("too much".into())
        );
        assert_eq!(back.get_or(7, || panic!()), Measured::Ink(Arc::new(ink)));
        let mut bytes = std::fs::read(&path).unwrap();
        let n = bytes.len();
        bytes[n / 2] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(InkCache::load(&path).lock().len(), 0);
    }
}
