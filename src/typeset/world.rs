//! `GuideWorld`: the only door of a compilation to disk, fonts and the clock.
//!
//! It reads only inside the project root (no `..`, no absolute path outside, no
//! symlink escape), serves fonts from `fonts/` plus typst's embedded fonts
//! (system fonts only when asked), and takes the date from the manifest or
//! `SOURCE_DATE_EPOCH`, never the clock.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::files::{FileLoader, FileStore};

use crate::typeset::fonts::Fonts;
use crate::util::diag::{Error, Result};
use crate::util::fs::{PathProblem, resolve_in_root};
use crate::util::hash::ReadLog;

/// Serves project files (through [`resolve_in_root`]) and the generated main source,
/// hashing each file as it is read.
pub struct ProjectLoader {
    root: PathBuf,
    main: FileId,
    main_text: String,
    reads: Arc<ReadLog>,
    /// Whether any file under the root may be read (a folder of PDFs to render), not
    /// only the guide's own ([`GUIDE_FOLDERS`]).
    any_file: bool,
}

/// The folders of a guide a compilation may read: its sources (chapters, images,
/// data), layouts and fonts; never `out/`, `po/` or a hidden folder (`.git/`,
/// `sources/fr/.accepted/`).
pub const GUIDE_FOLDERS: [&str; 3] = ["sources", "layouts", "fonts"];

/// Why a compilation of the guide may not read `rel`, if it may not.
pub fn off_limits(rel: &str) -> Option<String> {
    let mut parts = rel.split('/').filter(|p| !p.is_empty());
    let top = parts.next().unwrap_or_default();
    let hidden = rel.split('/').any(|p| p.starts_with('.'));
    if GUIDE_FOLDERS.contains(&top) && !hidden {
        return None;
    }
    Some(crate::tr!("typeset-off-limits", path = rel).to_string())
}

impl FileLoader for ProjectLoader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.main_text.clone()));
        }
        if !matches!(id.root(), VirtualRoot::Project) {
            let why = crate::tr!("typeset-no-packages").to_string();
            return Err(FileError::Other(Some(why.into())));
        }
        let rel = id.vpath().get_without_slash();
        if !self.any_file
            && let Some(why) = off_limits(rel)
        {
            return Err(FileError::Other(Some(why.into())));
        }
        let path = resolve_in_root(&self.root, rel).map_err(|problem| match problem {
            PathProblem::Escapes => FileError::AccessDenied,
            PathProblem::NotFound => FileError::NotFound(self.root.join(rel)),
            PathProblem::Io(err) => FileError::Other(Some(err.into())),
        })?;
        // A symlink in sources/ must not lead to out/, .git/… either.
        let real = path.strip_prefix(&self.root).ok().and_then(|p| p.to_str());
        if !self.any_file
            && let Some(why) = real.and_then(|real| off_limits(&real.replace('\\', "/")))
        {
            return Err(FileError::Other(Some(why.into())));
        }
        if path.is_dir() {
            return Err(FileError::IsDirectory);
        }
        let bytes = fs::read(&path).map_err(|err| FileError::from_io(err, &path))?;
        self.reads.note(rel, &bytes);
        if rel.ends_with(".typ") && rel.starts_with("sources/") {
            return Ok(Bytes::new(without_line_separators(bytes)));
        }
        Ok(Bytes::new(bytes))
    }
}

/// A Typst chapter with its line and paragraph separators (U+2028, U+2029) and next
/// line characters (U+0085) as spaces: typst reads them as line ends, so a heading
/// would end in the middle of a word, and line numbers would disagree with editors'.
fn without_line_separators(bytes: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(bytes) {
        Ok(text) if text.contains(['\u{2028}', '\u{2029}', '\u{85}']) => {
            text.replace(['\u{2028}', '\u{2029}', '\u{85}'], " ").into_bytes()
        }
        Ok(text) => text.into_bytes(),
        Err(err) => err.into_bytes(),
    }
}

/// Where a line of the generated main source came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOrigin {
    /// Project-relative path of the chapter file.
    pub file: String,
    /// 1-based line in that file.
    pub line: usize,
}

/// A typst world over one project with one generated main source.
pub struct GuideWorld {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    main: FileId,
    main_path: String,
    /// For each line of the main source, the chapter line it came from.
    line_map: Vec<Option<LineOrigin>>,
    files: FileStore<ProjectLoader>,
    today: Datetime,
    /// Image files served in place of the project's (resampled, re-encoded).
    image_overrides: HashMap<FileId, Bytes>,
    /// Project-relative paths of the project files typst asked for.
    loads: Mutex<BTreeSet<String>>,
    /// The project files read, hashed as they were read.
    reads: Arc<ReadLog>,
}

impl GuideWorld {
    /// Creates a world over `root` (canonical) whose main file is `main_text`,
    /// served at the project-relative `main_path`, dated `today`.
    pub fn new(
        root: &Path,
        main_path: &str,
        main_text: String,
        fonts: Arc<Fonts>,
        today: Datetime,
    ) -> Self {
        let main = file_id(main_path);
        let reads = Arc::new(ReadLog::default());
        let loader = ProjectLoader {
            root: root.to_path_buf(),
            main,
            main_text,
            reads: reads.clone(),
            any_file: false,
        };
        Self {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            main,
            main_path: main_path.to_string(),
            line_map: Vec::new(),
            files: FileStore::new(loader),
            today,
            image_overrides: HashMap::new(),
            loads: Mutex::new(BTreeSet::new()),
            reads,
        }
    }

    /// Lets the compilation read any file under the root, not only the guide's own
    /// folders: for a folder of PDFs rendered as pages, never for a guide.
    pub fn reading_any_file(mut self) -> Self {
        self.files.loader_mut().any_file = true;
        self
    }

    /// Sets where each line of the main source came from, for locating diagnostics.
    pub fn with_line_map(mut self, line_map: Vec<Option<LineOrigin>>) -> Self {
        self.line_map = line_map;
        self
    }

    /// Replaces the line map (with a new main source of other lines).
    pub fn set_line_map(&mut self, line_map: Vec<Option<LineOrigin>>) {
        self.line_map = line_map;
    }

    /// For each line of the main source, the chapter line it came from.
    pub fn line_map(&self) -> &[Option<LineOrigin>] {
        &self.line_map
    }

    /// Replaces the main source and marks every file stale, keeping caches for
    /// incremental compilation.
    pub fn set_main(&mut self, main_text: String) {
        self.files.loader_mut().main_text = main_text;
        self.files.reset();
    }

    /// Serves these bytes in place of the given project files (paths relative to the
    /// root), replacing any earlier overrides; typst notices the change incrementally.
    pub fn set_image_overrides(&mut self, overrides: &[(String, Bytes)]) {
        self.image_overrides =
            overrides.iter().map(|(rel, bytes)| (file_id(rel), bytes.clone())).collect();
    }

    /// Project-relative paths of the raster images typst loaded from the project
    /// (not overridden), sorted.
    pub fn raster_files(&self) -> Vec<String> {
        self.loaded_files().into_iter().filter(|f| crate::images::is_raster(f)).collect()
    }

    /// Project-relative paths of every project file typst read (sources, layouts,
    /// images; not the generated main source and not overridden files), sorted.
    pub fn loaded_files(&self) -> Vec<String> {
        self.loads.lock().map(|set| set.iter().cloned().collect()).unwrap_or_default()
    }

    /// Every project file this world read, with the hex SHA-256 of the bytes as read
    /// ([`CHANGED_DURING_BUILD`](crate::util::hash::CHANGED_DURING_BUILD) when read
    /// twice with different bytes), sorted by path.
    pub fn read_hashes(&self) -> Vec<(String, String)> {
        self.reads.entries()
    }

    /// Forgets which files were read and with what bytes, so that a new build on this
    /// world (`watch`) records only its own reads.
    pub fn forget_reads(&mut self) {
        self.reads = Arc::new(ReadLog::default());
        self.files.loader_mut().reads = self.reads.clone();
        self.loads = Mutex::new(BTreeSet::new());
    }

    /// Notes that typst read a project file.
    fn record_load(&self, id: FileId) {
        if id != self.main
            && matches!(id.root(), VirtualRoot::Project)
            && let Ok(mut loads) = self.loads.lock()
        {
            loads.insert(id.vpath().get_without_slash().to_string());
        }
    }

    /// The project-relative path of the main source.
    pub fn main_path(&self) -> &str {
        &self.main_path
    }

    /// The project root it reads in.
    pub fn root(&self) -> &Path {
        &self.files.loader().root
    }

    /// The fonts this world serves.
    pub fn fonts(&self) -> &Arc<Fonts> {
        &self.fonts
    }
}

/// The file id of a project-relative path.
pub fn file_id(rel: &str) -> FileId {
    let vpath = VirtualPath::new(rel).expect("generated paths stay inside the project");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for GuideWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.record_load(id);
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.image_overrides.get(&id) {
            return Ok(bytes.clone());
        }
        self.record_load(id);
        let bytes = self.files.file(id)?;
        // A damaged, mislabelled or enormous raster image is refused before typst
        // decodes it; typst names the chapter call that asked for it.
        // Any other file is looked at as typst may use it: as an image from bytes.
        let rel = id.vpath().get_without_slash();
        if matches!(id.root(), VirtualRoot::Project) {
            let why = if crate::images::is_raster(rel) {
                crate::images::refusal(&bytes, rel)
            } else {
                crate::images::sniffed_refusal(&bytes, rel)
            };
            if let Some(why) = why {
                return Err(FileError::Other(Some(why.into())));
            }
        }
        Ok(bytes)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// The build date: `SOURCE_DATE_EPOCH` when set, else the manifest's date.
pub fn build_date(manifest_date: (i32, u8, u8)) -> Result<Datetime> {
    let (y, m, d) = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => {
            let secs: i64 = value.trim().parse().map_err(|_| {
                Error::new(crate::tr!("typeset-epoch-not-number", value = value.as_str()))
                    .with_hint(crate::tr!("typeset-epoch-hint"))
            })?;
            let date = chrono::DateTime::from_timestamp(secs, 0).ok_or_else(|| {
                Error::new(crate::tr!(
                    "typeset-epoch-out-of-range",
                    value = value.as_str()
                ))
                .with_hint(crate::tr!("typeset-epoch-hint"))
            })?;
            use chrono::Datelike;
            (date.year(), date.month() as u8, date.day() as u8)
        }
        Err(_) => manifest_date,
    };
    Datetime::from_ymd(y, m, d).ok_or_else(|| {
        let date = format!("{y}-{m:02}-{d:02}");
        Error::new(crate::tr!("typeset-date-invalid", date = date))
            .with_hint(crate::tr!("typeset-date-invalid-hint"))
    })
}
