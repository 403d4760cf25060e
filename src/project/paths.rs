//! Every path livret reads by convention or writes, in one place: the manifest, the
//! output folders and file names of each target, the records, the lock, the caches.
//! Paths are relative to the project root unless a function takes the root.

use std::path::{Path, PathBuf};

/// The manifest, relative to the project root.
pub const MANIFEST_PATH: &str = "sources/guide.toml";
/// Where every output goes.
pub const OUT_DIR: &str = "out";
/// Per-target records of what each build read and wrote.
pub const RECORD_DIR: &str = "out/.livret/targets";
/// The lock held by the running build.
pub const LOCK_PATH: &str = "out/.livret/lock";
/// Prepared image variants, by content hash.
pub const IMAGE_CACHE_DIR: &str = "out/.cache/images";
/// A translation's review record, inside its language folder.
pub const STATUS_FILE: &str = "status.toml";
/// A translation's accepted source snapshots, inside its language folder.
pub const ACCEPTED_DIR: &str = ".accepted";
/// The source language's block ids, inside its folder.
pub const IDS_DIR: &str = ".ids";

/// `out/<guide>`: every target's folder and the report.
pub fn guide_dir(guide: &str) -> PathBuf {
    Path::new(OUT_DIR).join(guide)
}

/// `out/<guide>/report.json`: every output with its SHA-256.
pub fn report_json(guide: &str) -> PathBuf {
    guide_dir(guide).join("report.json")
}

/// The record of the target (`lang`, `layout`) under `root`.
pub fn record(root: &Path, lang: &str, layout: &str) -> PathBuf {
    root.join(RECORD_DIR).join(format!("{lang}--{layout}.json"))
}

/// `po/<lang>`: where `livret po export` writes a translation's PO files by default.
pub fn po_dir(lang: &str) -> String {
    format!("po/{lang}")
}

/// `sources/<lang>/<stem>.<ext>`: a chapter file (`ext` is `md` or `typ`).
pub fn chapter(lang: &str, stem: &str, ext: &str) -> String {
    format!("sources/{lang}/{stem}.{ext}")
}

/// `sources/<lang>/status.toml`.
pub fn status_file(lang: &str) -> String {
    format!("sources/{lang}/{STATUS_FILE}")
}

/// `out/.livret/review-<lang>.lock`: held while a command writes a translation's
/// review records (status.toml and the accepted snapshots).
pub fn review_lock(lang: &str) -> String {
    format!("out/.livret/review-{lang}.lock")
}

/// `out/.livret/ids-<source>.lock`: held while a command writes the block ids of the
/// source's chapters (`sources/<source>/.ids/`).
pub fn ids_lock(source_lang: &str) -> String {
    format!("out/.livret/ids-{source_lang}.lock")
}

/// `sources/<lang>/.accepted/<chapter>.txt`: the source text the chapter's
/// translation was last accepted against, block by block.
pub fn accepted_snapshot(lang: &str, chapter: &str) -> String {
    format!("sources/{lang}/{ACCEPTED_DIR}/{chapter}.txt")
}

/// `sources/<source>/.ids/<chapter>.txt`: the ids of the source chapter's blocks
/// as last seen, so that an edited block keeps its id.
pub fn block_ids(source_lang: &str, chapter: &str) -> String {
    format!("sources/{source_lang}/{IDS_DIR}/{chapter}.txt")
}

/// The files of one target (language × layout), all in `out/<guide>/<lang>/<layout>/`
/// and named from the stem `<guide>-<lang>-<layout>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetPaths {
    /// The target's folder.
    pub dir: PathBuf,
    /// The stem of its file names.
    pub stem: String,
}

impl TargetPaths {
    /// The paths of (`lang`, `layout`) of the guide `guide`.
    pub fn new(guide: &str, lang: &str, layout: &str) -> Self {
        Self {
            dir: guide_dir(guide).join(lang).join(layout),
            stem: format!("{guide}-{lang}-{layout}"),
        }
    }

    /// The generated Typst source (`main.typ`), as a `/`-separated string for the World.
    pub fn main_typ(&self) -> String {
        format!("{}/main.typ", self.dir.display())
    }

    /// The source typst lays out the slug texts of print marks from.
    pub fn slugs_typ(&self) -> String {
        format!("{}/slugs.typ", self.dir.display())
    }

    /// The source typst lays out the proof's captions from.
    pub fn captions_typ(&self) -> String {
        format!("{}/captions.typ", self.dir.display())
    }

    /// The source typst lays out the contact sheet's page numbers from.
    pub fn numbers_typ(&self) -> String {
        format!("{}/numbers.typ", self.preview_dir().display())
    }

    /// The reading PDF (the print edition).
    pub fn reading_pdf(&self) -> PathBuf {
        self.dir.join(format!("{}.pdf", self.stem))
    }

    /// The screen edition's name without extension (also its PDF identifier).
    pub fn screen_stem(&self) -> String {
        format!("{}-screen", self.stem)
    }

    /// The screen edition.
    pub fn screen_pdf(&self) -> PathBuf {
        self.dir.join(format!("{}.pdf", self.screen_stem()))
    }

    /// A print file's name without extension: `<stem>-<suffix>` (`print-a4-saddle`).
    pub fn print_stem(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.stem)
    }

    /// A print file (imposed sheets).
    pub fn print_pdf(&self, suffix: &str) -> PathBuf {
        self.dir.join(format!("{}.pdf", self.print_stem(suffix)))
    }

    /// A print file's job ticket.
    pub fn ticket(&self, suffix: &str) -> PathBuf {
        self.dir.join(format!("{}.txt", self.print_stem(suffix)))
    }

    /// A print file's job sheet (the pictured ticket): `<stem>-<suffix>-ticket.pdf`.
    pub fn job_sheet(&self, suffix: &str) -> PathBuf {
        self.dir.join(format!("{}.pdf", self.job_sheet_stem(suffix)))
    }

    /// The job sheet's name without extension (also its PDF identifier).
    pub fn job_sheet_stem(&self, suffix: &str) -> String {
        job_sheet_stem(&self.print_stem(suffix))
    }

    /// The source typst lays out a print file's job sheet from.
    pub fn job_sheet_typ(&self, suffix: &str) -> String {
        format!("{}/{}.typ", self.dir.display(), self.job_sheet_stem(suffix))
    }

    /// The side-by-side proof against `against`.
    pub fn proof_pdf(&self, against: &str) -> PathBuf {
        self.dir.join(format!("{}-proof-{against}.pdf", self.stem))
    }

    /// The preview folder.
    pub fn preview_dir(&self) -> PathBuf {
        self.dir.join("preview")
    }

    /// The contact sheet in the preview folder.
    pub fn contact_png(&self) -> PathBuf {
        self.preview_dir().join(format!("{}-contact.png", self.stem))
    }
}

/// The name without extension of the job sheet of the print file named `print_stem`.
pub fn job_sheet_stem(print_stem: &str) -> String {
    format!("{print_stem}-ticket")
}

/// The job sheet `livret impose` writes beside its output: `dir/name.pdf` →
/// `dir/name-ticket.pdf`.
pub fn job_sheet_beside(output: &Path) -> PathBuf {
    let stem = output.file_stem().and_then(|s| s.to_str()).unwrap_or("output");
    output.with_file_name(format!("{}.pdf", job_sheet_stem(stem)))
}

/// `path` (relative to the project) as seen from the current folder, for messages:
/// unchanged when the project is `.`, else under the project folder as given.
pub fn shown(project: &Path, path: &Path) -> PathBuf {
    if project == Path::new(".") { path.to_path_buf() } else { project.join(path) }
}

/// `path` shown relative to `root` when it is inside it.
pub fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}
