//! `GuideWorld`: the only door of a compilation to disk, fonts and the clock.
//!
//! It reads only inside the project root (no `..`, no absolute path outside, no
//! symlink escape), serves fonts from `fonts/` plus typst's embedded fonts
//! (system fonts only when asked), and takes the date from the manifest or
//! `SOURCE_DATE_EPOCH`, never the clock.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
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

use crate::diag::{Error, Result};

/// Why a project path was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblem {
    /// The path leaves the project root (`..`, absolute, or a symlink pointing out).
    Escapes,
    /// The file does not exist.
    NotFound,
    /// Another I/O error.
    Io(String),
}

impl fmt::Display for PathProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Escapes => write!(f, "the path leads outside the project folder"),
            Self::NotFound => write!(f, "file not found"),
            Self::Io(err) => write!(f, "{err}"),
        }
    }
}

/// Resolves a project-relative path to an absolute one, refusing any escape from `root`.
///
/// `root` must be canonical. The path is checked lexically (no `..` above the root,
/// no absolute path) and then through symlinks (the canonical target must be inside).
pub fn resolve_in_root(root: &Path, rel: &str) -> Result<PathBuf, PathProblem> {
    let vpath = VirtualPath::new(rel).map_err(|_| PathProblem::Escapes)?;
    let joined = vpath.realize(root).map_err(|_| PathProblem::Escapes)?;
    let real = joined.canonicalize().map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => PathProblem::NotFound,
        _ => PathProblem::Io(err.to_string()),
    })?;
    if real.starts_with(root) { Ok(real) } else { Err(PathProblem::Escapes) }
}

/// Fonts a build may use: the book and the loaded faces, shared between worlds.
pub struct Fonts {
    /// Metadata of every face, in index order.
    pub book: LazyHash<FontBook>,
    /// The faces, in book order.
    pub fonts: Vec<Font>,
    /// For each face, where it came from (`fonts/…`, `embedded`, or a system path).
    pub origins: Vec<String>,
}

impl Fonts {
    /// Loads every font file under `root/fonts` (sorted, so indices are stable),
    /// then typst's embedded fonts, then system fonts when `system` is set.
    pub fn load(root: &Path, system: bool) -> Result<Arc<Self>> {
        let mut book = FontBook::new();
        let mut fonts = Vec::new();
        let mut origins = Vec::new();
        let mut push = |font: Font, origin: String| {
            book.push(font.info().clone());
            fonts.push(font);
            origins.push(origin);
        };
        let dir = root.join("fonts");
        let mut files = Vec::new();
        if dir.is_dir() {
            collect_font_files(&dir, &mut files)?;
        }
        files.sort();
        for path in files {
            let data =
                fs::read(&path).map_err(|err| Error::io("read font", &path, err))?;
            let rel = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            let mut any = false;
            for font in Font::iter(Bytes::new(data)) {
                push(font, rel.clone());
                any = true;
            }
            if !any {
                return Err(Error::new(format!("{rel}: not a usable font file"))
                    .with_hint("remove it from fonts/ or replace it with a TrueType/OpenType file"));
            }
        }
        for (font, _) in typst_kit::fonts::embedded() {
            push(font, "embedded".into());
        }
        if system {
            for (path, _) in typst_kit::fonts::system() {
                let Ok(data) = fs::read(&path.path) else { continue };
                if let Some(font) = Font::new(Bytes::new(data), path.index) {
                    push(font, path.path.display().to_string());
                }
            }
        }
        Ok(Arc::new(Self { book: LazyHash::new(book), fonts, origins }))
    }
}

/// Recursively lists `.ttf`, `.otf`, `.ttc`, `.otc` files.
fn collect_font_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|err| Error::io("list", dir, err))?;
    for entry in entries {
        let entry = entry.map_err(|err| Error::io("list", dir, err))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|err| Error::io("inspect", &path, err))?;
        if kind.is_dir() {
            collect_font_files(&path, out)?;
        } else if kind.is_file() {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc") {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// Serves project files (through [`resolve_in_root`]) and the generated main source.
pub struct ProjectLoader {
    root: PathBuf,
    main: FileId,
    main_text: String,
}

impl FileLoader for ProjectLoader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.main_text.clone()));
        }
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                "packages are not available to guides; copy what you need into layouts/"
                    .into(),
            )));
        }
        let rel = id.vpath().get_without_slash();
        let path = resolve_in_root(&self.root, rel).map_err(|problem| match problem {
            PathProblem::Escapes => FileError::AccessDenied,
            PathProblem::NotFound => FileError::NotFound(self.root.join(rel)),
            PathProblem::Io(err) => FileError::Other(Some(err.into())),
        })?;
        if path.is_dir() {
            return Err(FileError::IsDirectory);
        }
        fs::read(&path).map(Bytes::new).map_err(|err| FileError::from_io(err, &path))
    }
}

/// A typst world over one project with one generated main source.
pub struct GuideWorld {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    main: FileId,
    main_path: String,
    files: FileStore<ProjectLoader>,
    today: Datetime,
    /// Image files served in place of the project's (resampled, re-encoded).
    image_overrides: HashMap<FileId, Bytes>,
    /// Project-relative paths of the project files typst asked for.
    loads: Mutex<BTreeSet<String>>,
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
        let loader = ProjectLoader { root: root.to_path_buf(), main, main_text };
        Self {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            main,
            main_path: main_path.to_string(),
            files: FileStore::new(loader),
            today,
            image_overrides: HashMap::new(),
            loads: Mutex::new(BTreeSet::new()),
        }
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
        self.files.file(id)
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
                Error::new(format!(
                    "SOURCE_DATE_EPOCH is `{value}`, not a number of seconds"
                ))
                .with_hint("unset it, or set it to a Unix timestamp such as 1767225600")
            })?;
            let date = chrono::DateTime::from_timestamp(secs, 0).ok_or_else(|| {
                Error::new(format!("SOURCE_DATE_EPOCH `{value}` is out of range"))
            })?;
            use chrono::Datelike;
            (date.year(), date.month() as u8, date.day() as u8)
        }
        Err(_) => manifest_date,
    };
    Datetime::from_ymd(y, m, d).ok_or_else(|| {
        Error::new(format!("the date {y}-{m:02}-{d:02} is not a valid date"))
    })
}
