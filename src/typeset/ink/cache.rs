//! Page inks kept by content, so a page imposed on several sides, by several print
//! presets or twice in one file is drawn once.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::grid::PageInk;

/// Most page inks kept: a grid takes at most about 20 kB, so a few tens of megabytes.
pub const MAX_KEPT: usize = 4096;

/// A page's ink, or why it was not measured.
#[derive(Debug, Clone, PartialEq)]
pub enum Measured {
    /// The page's ink.
    Ink(Arc<PageInk>),
    /// Not measured, and why (in words, for the user).
    Skipped(String),
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
        if let Some(found) = self.lock().get(&key) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return found.clone();
        }
        let measured = measure();
        self.drawn.fetch_add(1, Ordering::Relaxed);
        let mut kept = self.lock();
        if kept.len() < MAX_KEPT {
            kept.insert(key, measured.clone());
        }
        measured
    }

    /// Pages measured (drawn, or walked and skipped) so far.
    pub fn drawn(&self) -> usize {
        self.drawn.load(Ordering::Relaxed)
    }

    /// Pages found already measured so far.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// The map, even if a thread panicked while holding it (its entries stay whole).
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u128, Measured>> {
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_is_measured_once() {
        let cache = InkCache::new();
        let skipped = || Measured::Skipped("x".into());
        cache.get_or(1, skipped);
        cache.get_or(1, || panic!("measured twice"));
        cache.get_or(2, skipped);
        assert_eq!((cache.drawn(), cache.reused()), (2, 1));
    }
}
