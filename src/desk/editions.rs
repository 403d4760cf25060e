//! The editions room: the matrix of languages × layouts with each target's state (up
//! to date, stale, not built, failed, warnings) from the build's records, a build of
//! one target or all of them with their progress, downloads of every file a target
//! wrote, the zip package for the print shop, and the report as a table.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Value, json};

use crate::build::incremental::{self, Record};
use crate::build::options::BuildOptions;
use crate::build::orchestrate::{self, fixed_fingerprint};
use crate::build::output::OutputKind;
use crate::build::{Project, package as pack, report};
use crate::desk::page::{escape, percent};
use crate::desk::state::{BuildProgress, DESK_DIR, State};
use crate::desk::text::{self, Ui, tr, tr_with};
use crate::i18n::decimal;
use crate::project::manifest::Manifest;
use crate::project::paths::TargetPaths;
use crate::tr;
use crate::util::diag::{Error, Result};

/// What `livret build` makes by default (print files included).
fn options(state: &State) -> BuildOptions {
    BuildOptions { project: state.root.clone(), print: true, ..BuildOptions::default() }
}

/// A download link to a project file.
fn link(path: &str, output: &str, label: String) -> String {
    format!(
        "<a href=\"/file?path={}\" data-output=\"{output}\" download>{}</a>",
        escape(&percent(path)),
        escape(&label)
    )
}

/// The room's page body.
pub fn room(state: &State, ui: Ui) -> Result<String> {
    let manifest = state.manifest()?;
    let project = Project::open(&state.root, false)?;
    let fixed = fixed_fingerprint(&manifest, &project.fonts, &options(state))?;
    let failed = state.build.lock().map(|b| b.failed.clone()).unwrap_or_default();
    let layouts = manifest.layout_names();
    let mut body = format!(
        "<main class=\"editions\"><h1>{}</h1><p><button data-action=\"build-all\">{}</button> \
         <button data-action=\"package\">{}</button> <span class=\"package-link\"></span></p>\
         <p class=\"build-progress\" role=\"status\"></p><table class=\"matrix\"><tr><th>{}</th>",
        tr(ui, "editions"),
        tr(ui, "build-all"),
        tr(ui, "package"),
        tr(ui, "language"),
    );
    for layout in &layouts {
        let _ = write!(body, "<th>{}</th>", escape(layout));
    }
    body.push_str("</tr>");
    for language in &manifest.languages {
        let _ =
            write!(body, "<tr><th>{} ({})</th>", escape(&language.name), language.code);
        for layout in &layouts {
            let key = format!("{}/{layout}", language.code);
            let record = incremental::read_record(&state.root, &language.code, layout);
            let fresh =
                incremental::up_to_date(&state.root, &language.code, layout, &fixed)
                    .is_some();
            let cell = match record {
                Some(record) => cell(ui, &key, Some(&record), fresh, failed.get(&key)),
                None => {
                    let paths =
                        TargetPaths::new(&manifest.guide.id, &language.code, layout);
                    unrecorded_cell(ui, &key, &state.root, &paths, failed.get(&key))
                }
            };
            body.push_str(&cell);
        }
        body.push_str("</tr>");
    }
    body.push_str("</table>");
    body.push_str(&report_table(&manifest, ui));
    body.push_str("</main>");
    Ok(body)
}

/// One target's cell: its state, a build button, its files.
fn cell(
    ui: Ui,
    key: &str,
    record: Option<&Record>,
    fresh: bool,
    failed: Option<&String>,
) -> String {
    let warnings = record.map_or(0, |r| r.target.warnings.len());
    let (state, label) = match (failed, record) {
        (Some(_), _) => ("failed", tr(ui, "failed").to_string()),
        (None, None) => ("not-built", tr(ui, "not-built").to_string()),
        (None, Some(_)) if !fresh => ("stale", tr(ui, "out-of-date").to_string()),
        (None, Some(_)) if warnings > 0 => (
            "warnings",
            format!("{} ({warnings} {})", tr(ui, "up-to-date"), tr(ui, "warnings")),
        ),
        _ => ("up-to-date", tr(ui, "up-to-date").to_string()),
    };
    let (lang, layout) = key.split_once('/').unwrap_or((key, ""));
    let mut out = format!(
        "<td data-target=\"{key}\" data-state=\"{state}\"><span class=\"badge {state}\">{}</span> \
         <button data-action=\"build\" data-lang=\"{lang}\" data-layout=\"{layout}\">{}</button><div class=\"files\">",
        escape(&label),
        tr(ui, "build")
    );
    if let Some(err) = failed {
        let _ = write!(out, "<pre class=\"error\">{}</pre>", escape(err));
    }
    if let Some(r) = record {
        let t = &r.target;
        out.push_str(&link(&t.pdf.display().to_string(), "reading", tr(ui, "reading")));
        out.push_str(&link(
            &t.screen_pdf.display().to_string(),
            "screen",
            tr(ui, "screen"),
        ));
        for p in &t.prints {
            let preset = tr_with(ui, "preset", &[("preset", p.preset.as_str().into())]);
            let _ = write!(out, "<span class=\"preset\">{}", escape(&preset));
            out.push_str(&link(
                &p.pdf.display().to_string(),
                "print",
                tr(ui, "print-file"),
            ));
            out.push_str(&link(
                &p.ticket.display().to_string(),
                "ticket",
                tr(ui, "ticket"),
            ));
            let sheet = p.job_sheet.display().to_string();
            out.push_str(&link(&sheet, "job-sheet", tr(ui, "job-sheet")));
            out.push_str("</span>");
        }
        if warnings > 0 {
            out.push_str("<details><summary>⚠</summary><pre>");
            for w in &t.warnings {
                out.push_str(&escape(w));
                out.push('\n');
            }
            out.push_str("</pre></details>");
        }
    }
    out.push_str("</div></td>");
    out
}

/// The cell of a target without a build record: "not built" when its folder has no
/// PDF either; else its PDFs (from a build whose record is gone: a failed or interrupted
/// rebuild, an older livret) as links, marked out of date since nothing vouches for them.
fn unrecorded_cell(
    ui: Ui,
    key: &str,
    root: &Path,
    paths: &TargetPaths,
    failed: Option<&String>,
) -> String {
    let reading = paths.reading_pdf();
    if failed.is_some() || !root.join(&reading).is_file() {
        return cell(ui, key, None, false, failed);
    }
    let (lang, layout) = key.split_once('/').unwrap_or((key, ""));
    let mut out = format!(
        "<td data-target=\"{key}\" data-state=\"stale\"><span class=\"badge stale\">{}</span> \
         <button data-action=\"build\" data-lang=\"{lang}\" data-layout=\"{layout}\">{}</button><div class=\"files\">",
        escape(&tr(ui, "out-of-date")),
        tr(ui, "build")
    );
    out.push_str(&link(&reading.display().to_string(), "reading", tr(ui, "reading")));
    let screen = paths.screen_pdf();
    if root.join(&screen).is_file() {
        out.push_str(&link(&screen.display().to_string(), "screen", tr(ui, "screen")));
    }
    out.push_str("</div></td>");
    out
}

/// The report (`report.json`'s entries) as a table.
fn report_table(manifest: &Manifest, ui: Ui) -> String {
    let report = report::collect(manifest);
    let mut out = format!(
        "<h2>{}</h2><table class=\"report\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        tr(ui, "report"),
        tr(ui, "file"),
        tr(ui, "kind"),
        tr(ui, "language"),
        tr(ui, "layout"),
        tr(ui, "pages"),
        tr(ui, "sheets"),
        tr(ui, "size"),
    );
    for e in report.outputs.iter().filter(|e| e.output.kind != OutputKind::Source) {
        let name = e.output.path.rsplit('/').next().unwrap_or("");
        let kind = match e.output.kind {
            OutputKind::Reading => tr(ui, "reading"),
            OutputKind::Screen => tr(ui, "screen"),
            OutputKind::Print => tr(ui, "print-file"),
            OutputKind::Ticket => tr(ui, "ticket"),
            OutputKind::JobSheet => tr(ui, "job-sheet"),
            OutputKind::Source => String::new(),
        };
        let size = tr_with(
            ui,
            "size-kb",
            &[("size", decimal(e.output.bytes as f64 / 1000.0, 1))],
        );
        let _ = write!(
            out,
            "<tr><td><a href=\"/file?path={}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&percent(&e.output.path)),
            escape(name),
            escape(&kind),
            escape(&e.lang),
            escape(&e.layout),
            e.pages.map(|p| p.to_string()).unwrap_or_default(),
            e.sheets.map(|s| s.to_string()).unwrap_or_default(),
            escape(&size),
        );
    }
    out.push_str("</table>");
    out
}

/// How the last build goes (GET `/api/build`).
pub fn progress(state: &State) -> Value {
    let progress = state.build.lock().map(|b| b.clone()).unwrap_or_default();
    serde_json::to_value(progress).unwrap_or(Value::Null)
}

/// Starts a build of one target (`{"lang": …, "layout": …}`) or of all (`{}`) on a
/// thread of its own (POST `/api/build`); its progress is at GET `/api/build`.
pub fn start_build(state: &Arc<State>, body: &[u8]) -> Result<Value> {
    let request: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let field = |k: &str| request.get(k).and_then(Value::as_str).map(String::from);
    let mut build = options(state);
    build.langs = field("lang").into_iter().collect();
    build.layouts = field("layout").into_iter().collect();
    {
        let mut progress =
            state.build.lock().map_err(|_| Error::new(tr!("desk-err-broken")))?;
        if progress.running {
            return Err(Error::new(tr!("desk-err-build-running")));
        }
        *progress = BuildProgress { running: true, ..BuildProgress::default() };
    }
    let state = state.clone();
    std::thread::Builder::new()
        .name("livret desk build".into())
        .spawn(move || run_build(&state, &build))
        .map_err(|e| Error::new(tr!("desk-err-start-build", reason = e.to_string())))?;
    Ok(json!({ "started": true }))
}

/// Runs a build under the desk's gate, recording its progress.
fn run_build(state: &State, build: &BuildOptions) {
    let _gate = state.gate.lock();
    let manifest = state.manifest();
    if let (Ok(m), Ok(mut p)) = (&manifest, state.build.lock()) {
        let langs: Vec<&str> = m.languages.iter().map(|l| l.code.as_str()).collect();
        let layouts = m.layout_names();
        let want =
            |list: &[String], x: &str| list.is_empty() || list.iter().any(|l| l == x);
        p.total = langs.iter().filter(|l| want(&build.langs, l)).count()
            * layouts.iter().filter(|l| want(&build.layouts, l)).count();
        for lang in langs.iter().filter(|l| want(&build.langs, l)) {
            for layout in layouts.iter().filter(|l| want(&build.layouts, l)) {
                p.failed.remove(&format!("{lang}/{layout}"));
            }
        }
    }
    let stage = |id: &crate::project::targets::TargetId, what: &str| {
        if let Ok(mut p) = state.build.lock() {
            p.stages.insert(format!("{}/{}", id.lang, id.layout), what.to_string());
        }
    };
    let done = |t: &crate::build::output::BuiltTarget| {
        if let Ok(mut p) = state.build.lock() {
            p.done += 1;
            p.stages.insert(format!("{}/{}", t.lang, t.layout), "done".into());
        }
    };
    let result = orchestrate::build(build, stage, done);
    if let Ok(mut p) = state.build.lock() {
        if let Err(err) = result {
            let key = match (&build.langs[..], &build.layouts[..]) {
                ([lang], [layout]) => format!("{lang}/{layout}"),
                _ => "all".to_string(),
            };
            p.failed.insert(key, text::error(Ui::from_code(None), &err));
        }
        p.running = false;
    }
}

/// Packs every built target's print files and tickets into
/// `out/.desk/<guide>-print-package.zip` (POST `/api/package`); gives its path.
pub fn package(state: &State) -> Result<Value> {
    let manifest = state.manifest()?;
    let built: Vec<_> = manifest
        .languages
        .iter()
        .flat_map(|l| {
            manifest.layout_names().into_iter().filter_map(|layout| {
                incremental::read_record(&state.root, &l.code, layout).map(|r| r.target)
            })
        })
        .collect();
    let rel = format!("{DESK_DIR}/{}-print-package.zip", manifest.guide.id);
    let dest: PathBuf = crate::util::fs::output_path(&state.root, &rel)?;
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    }
    let files = pack::package(&manifest, &built, &dest)?;
    Ok(json!({ "path": rel, "files": files }))
}
