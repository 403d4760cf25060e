//! What the desk's requests share: the project, the secrets, the previews kept warm per
//! language, the build in progress, and one gate so that only one build (a preview
//! or an edition) runs at a time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::desk::preview::{self, Preview, Previews};
use crate::desk::safety::Secrets;
use crate::desk::text::Ui;
use crate::ops::http::Request;
use crate::project::manifest::{self, Manifest};
use crate::util::diag::Result;

/// Where the desk keeps what it makes and receives, relative to the project.
pub const DESK_DIR: &str = "out/.desk";

/// The largest upload (64 MB).
pub const MAX_UPLOAD: usize = 64 << 20;

/// How a build started from the editions room is going.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildProgress {
    /// Whether it still runs.
    pub running: bool,
    /// The stage each target is at (`lang/layout` → stage), or `done`.
    pub stages: BTreeMap<String, String>,
    /// Targets that failed, with their error.
    pub failed: BTreeMap<String, String>,
    /// Targets finished.
    pub done: usize,
    /// Targets asked for.
    pub total: usize,
}

/// The desk's shared state.
pub struct State {
    /// The project root (canonical).
    pub root: PathBuf,
    /// The secrets and port.
    pub secrets: Secrets,
    /// Previews by language.
    pub previews: Mutex<BTreeMap<String, Preview>>,
    /// The last build of the editions room.
    pub build: Mutex<BuildProgress>,
    /// Held while anything builds.
    pub gate: Mutex<()>,
}

impl State {
    /// A desk's state over `root`.
    pub fn new(root: &Path, secrets: Secrets) -> State {
        State {
            root: root.to_path_buf(),
            secrets,
            previews: Mutex::new(BTreeMap::new()),
            build: Mutex::new(BuildProgress::default()),
            gate: Mutex::new(()),
        }
    }

    /// Brings the preview of `lang` up to date, then gives what `f` makes of it.
    pub fn preview<T>(&self, lang: &str, f: impl FnOnce(&Preview) -> T) -> Result<T> {
        let desk =
            Previews { root: &self.root, previews: &self.previews, gate: &self.gate };
        preview::with_preview(desk, lang, f)
    }

    /// The manifest as guide.toml says now.
    pub fn manifest(&self) -> Result<Manifest> {
        manifest::load(&self.root)
    }
}

/// The interface language a request asks for (its cookie).
pub fn ui_of(request: &Request) -> Ui {
    Ui::from_code(crate::desk::safety::cookie(request, "desk_ui"))
}
