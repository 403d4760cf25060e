//! The page preview of the translate room: one booklet per language (its first
//! layout), rebuilt through `watch`'s pipeline on a world kept warm between rebuilds
//! whenever a source, layout or font changed since the last build; and where each
//! block of a chapter lies on its pages (the spans of its text, as `proof --changes`
//! finds them).

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use typst_layout::PagedDocument;

use crate::build::lock::BuildLock;
use crate::desk::text::{self, Ui};
use crate::ops::watch::{self, Kept, WatchOptions};
use crate::tr;
use crate::typeset::regions::{self, Passage};
use crate::util::diag::{Error, Result};
use crate::util::fs::files_under;

/// The longest one preview rebuild may take.
const REBUILD_LIMIT: Duration = Duration::from_secs(120);

/// One language's preview.
#[derive(Default)]
pub struct Preview {
    kept: Kept,
    /// Increases with every rebuild (the `data-build` the page shows).
    pub build: u64,
    /// The fingerprint of the sources the last rebuild saw.
    stamp: u64,
    /// The latest good pages and their PDF.
    pub shown: Option<(Arc<PagedDocument>, Vec<u8>)>,
    /// The error of the last rebuild, when it failed.
    pub error: Option<String>,
    /// How long the last rebuild took.
    pub took: Duration,
}

/// Where a block's text lies on one page.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// 1-based page.
    pub page: usize,
    /// Left, top, right, bottom in pt from the page's top-left.
    pub bounds: (f64, f64, f64, f64),
}

/// A fingerprint of every file under `sources/`, `layouts/` and `fonts/` (path, size,
/// modification time).
fn stamp(root: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    for sub in ["sources", "layouts", "fonts"] {
        for path in files_under(&root.join(sub)).unwrap_or_default() {
            path.hash(&mut hasher);
            if let Ok(meta) = std::fs::metadata(&path) {
                meta.len().hash(&mut hasher);
                meta.modified().ok().hash(&mut hasher);
            }
        }
    }
    hasher.finish()
}

/// The previews of a desk by language, and the gate every build of the desk takes.
pub struct Previews<'a> {
    /// The project root.
    pub root: &'a Path,
    /// The previews.
    pub previews: &'a Mutex<BTreeMap<String, Preview>>,
    /// Held while anything builds.
    pub gate: &'a Mutex<()>,
}

/// Brings the preview of `lang` up to date (rebuilding when a file changed since the
/// last build), then gives what `f` makes of it.
pub fn with_preview<T>(
    desk: Previews,
    lang: &str,
    f: impl FnOnce(&Preview) -> T,
) -> Result<T> {
    let mut previews =
        desk.previews.lock().map_err(|_| Error::new(tr!("desk-err-broken")))?;
    let preview = previews.entry(lang.to_string()).or_default();
    let now = stamp(desk.root);
    if preview.build == 0 || now != preview.stamp {
        let _gate = desk.gate.lock().map_err(|_| Error::new(tr!("desk-err-broken")))?;
        let options = WatchOptions {
            project: desk.root.to_path_buf(),
            lang: lang.to_string(),
            layout: None,
            max_builds: None,
            serve: None,
            timeout: REBUILD_LIMIT,
            system_fonts: false,
            pdf_standard: None,
            resume: None,
        };
        let started = Instant::now();
        // A build running (the editions room, a terminal) is waited for a while.
        let result = BuildLock::acquire_waiting(desk.root, REBUILD_LIMIT / 2)
            .and_then(|_lock| watch::rebuild(desk.root, &options, &mut preview.kept));
        preview.took = started.elapsed();
        preview.build += 1;
        preview.stamp = now;
        match result {
            Ok(rebuilt) => {
                preview.shown = Some((rebuilt.document, rebuilt.bytes));
                preview.error = None;
            }
            Err(err) => preview.error = Some(text::error(Ui::from_code(None), &err)),
        }
        typst::comemo::evict(10);
    }
    Ok(f(preview))
}

/// Where each block (`id` → first and last line in `file`) lies on the preview's pages.
pub fn places(
    preview: &Preview,
    file: &str,
    blocks: &[(String, (usize, usize))],
) -> BTreeMap<String, Vec<Place>> {
    let mut out: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    let (Some((document, _)), Some(world)) = (&preview.shown, &preview.kept.world) else {
        return out;
    };
    let passages: Vec<Passage> = blocks
        .iter()
        .map(|(_, (first, last))| Passage {
            file: file.to_string(),
            lines: *first..last + 1,
        })
        .collect();
    for region in regions::find(world, document, &passages) {
        let id = &blocks[region.passage].0;
        out.entry(id.clone())
            .or_default()
            .push(Place { page: region.page + 1, bounds: region.bounds });
    }
    // The largest box first: a heading's own page before the contents and running heads.
    let area = |p: &Place| (p.bounds.2 - p.bounds.0) * (p.bounds.3 - p.bounds.1);
    for places in out.values_mut() {
        places.sort_by(|a, b| area(b).total_cmp(&area(a)));
    }
    out
}

/// Page `n` (1-based) of the preview as SVG, with only safe links live.
pub fn page_svg(preview: &Preview, n: usize) -> Option<String> {
    let (document, _) = preview.shown.as_ref()?;
    let page = document.pages().get(n.checked_sub(1)?)?;
    let svg = typst_svg::svg(page, &typst_svg::SvgOptions::default());
    Some(crate::ops::serve::safe_links(&svg))
}

/// The preview's page size in pt (of its first page) and page count.
pub fn page_size(preview: &Preview) -> Option<((f64, f64), usize)> {
    let (document, _) = preview.shown.as_ref()?;
    let size = document.pages().first()?.frame.size();
    Some(((size.x.to_pt(), size.y.to_pt()), document.pages().len()))
}
