//! What `livret build` shows while it works: one progress line per target on a
//! terminal (indicatif), plain lines when the output goes to a file or a pipe.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

use crate::build::BuiltTarget;
use crate::i18n;
use crate::project::paths::IMAGE_CACHE_DIR;
use crate::project::targets::TargetId;
use crate::tr;
use crate::util::human_size;

/// The build's display.
pub struct BuildDisplay {
    /// Progress lines, when stdout is a terminal.
    bars: Option<(MultiProgress, Mutex<HashMap<String, ProgressBar>>)>,
    /// The project folder as given, shown before output paths (empty for `.`).
    project: PathBuf,
}

impl BuildDisplay {
    /// Progress lines on a terminal (unless `quiet`), plain lines otherwise; output
    /// paths are shown from the current folder (through `project`).
    pub fn new(quiet: bool, project: &Path) -> Self {
        let live = !quiet && std::io::stdout().is_terminal();
        let project = if project == Path::new(".") {
            PathBuf::new()
        } else {
            project.to_path_buf()
        };
        Self {
            bars: live.then(|| (MultiProgress::new(), Mutex::new(HashMap::new()))),
            project,
        }
    }

    /// A target started a stage.
    pub fn stage(&self, id: &TargetId, what: &str) {
        let Some((multi, bars)) = &self.bars else { return };
        let Ok(mut bars) = bars.lock() else { return };
        let key = format!("{} {}", id.lang, id.layout);
        let bar = bars.entry(key.clone()).or_insert_with(|| {
            let bar = multi.add(ProgressBar::new_spinner());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {prefix:<18} {wide_msg}")
                    .expect("valid template"),
            );
            bar.set_prefix(key);
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        bar.set_message(what.to_string());
    }

    /// A target is done: its lines (plain) or its finished progress line (terminal).
    pub fn done(&self, t: &BuiltTarget) {
        let mut lines = target_lines(&self.shown(t));
        if crate::cli::term::get().verbose && !t.up_to_date {
            lines.push(
                tr!(
                    "cli-progress-timing",
                    lang = &t.lang,
                    layout = &t.layout,
                    millis = t.millis,
                    inputs = t.inputs,
                    decodes = t.image_decodes
                )
                .to_string(),
            );
        }
        match &self.bars {
            Some((multi, bars)) => {
                for warning in &t.warnings {
                    let _ = multi.println(format!(
                        "{} {}",
                        tr!("term-warning"),
                        crate::cli::term::printable(warning)
                    ));
                }
                let key = format!("{} {}", t.lang, t.layout);
                let summary = if t.up_to_date {
                    tr!("cli-progress-up-to-date")
                } else {
                    tr!("cli-progress-done", pages = t.pages, size = human_size(t.bytes))
                };
                if let Ok(mut bars) = bars.lock() {
                    let bar = bars.remove(&key).unwrap_or_else(|| {
                        let bar = multi.add(ProgressBar::new_spinner());
                        bar.set_style(
                            ProgressStyle::with_template("  {prefix:<18} {wide_msg}")
                                .expect("valid template"),
                        );
                        bar.set_prefix(key);
                        bar
                    });
                    bar.finish_with_message(summary.to_string());
                }
            }
            None => {
                for warning in &t.warnings {
                    crate::cli::term::warning(warning);
                }
                for line in lines {
                    crate::cli::term::info(&line);
                }
            }
        }
    }
}

impl BuildDisplay {
    /// The target with its paths relative to the current folder.
    fn shown(&self, t: &BuiltTarget) -> BuiltTarget {
        let mut t = t.clone();
        t.pdf = self.project.join(&t.pdf);
        t.screen_pdf = self.project.join(&t.screen_pdf);
        for p in &mut t.prints {
            p.pdf = self.project.join(&p.pdf);
            p.ticket = self.project.join(&p.ticket);
            p.job_sheet = self.project.join(&p.job_sheet);
        }
        t
    }
}

/// The plain lines describing a finished target.
pub fn target_lines(t: &BuiltTarget) -> Vec<String> {
    if t.up_to_date {
        return vec![tr!("cli-target-up-to-date", path = &t.pdf).to_string()];
    }
    let mut lines = Vec::new();
    let wrote = tr!(
        "cli-target-wrote",
        path = &t.pdf,
        pages = t.pages,
        width = i18n::decimal(t.page_mm.0, 0),
        height = i18n::decimal(t.page_mm.1, 0),
        size = human_size(t.bytes)
    );
    let line = if t.untranslated.is_empty() {
        wrote
    } else {
        tr!(
            "cli-target-wrote-untranslated",
            wrote = wrote,
            count = t.untranslated.len(),
            chapters = t.untranslated.join(", ")
        )
    };
    lines.push(line.to_string());
    lines.push(
        tr!(
            "cli-target-wrote-screen",
            path = &t.screen_pdf,
            size = human_size(t.screen_bytes)
        )
        .to_string(),
    );
    if !t.images.is_empty() {
        let mut files: Vec<&str> = t.images.iter().map(|i| i.path.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        lines.push(
            tr!(
                "cli-target-images",
                count = files.len(),
                decoded = t.image_decodes,
                cache = IMAGE_CACHE_DIR
            )
            .to_string(),
        );
    }
    for p in &t.prints {
        lines.push(
            tr!(
                "cli-target-wrote-print",
                path = &p.pdf,
                sheets = p.sheets,
                scheme = p.scheme.to_string(),
                size = human_size(p.bytes),
                ticket = &p.ticket,
                job_sheet = &p.job_sheet
            )
            .to_string(),
        );
    }
    lines
}
