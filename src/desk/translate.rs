//! The translate room: progress per language and chapter, and one chapter's source
//! and translation blocks side by side (aligned by the segment model, with stale
//! blocks' word diffs and the translation checks), each saved through `po import`'s
//! merge, accepted as `check --accept` does, beside the page preview.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::desk::page::{escape, family};
use crate::desk::preview::{self, Place};
use crate::desk::state::State;
use crate::desk::text::{self, Ui, tr};
use crate::ops::check::confirm;
use crate::ops::check::qa::chapter_findings;
use crate::ops::po::blocks::{self, BlockEdit, BlockState, ChapterBlocks, EditorBlock};
use crate::ops::po::import::Outcome;
use crate::project::accept;
use crate::project::changes::DiffOpKind;
use crate::project::manifest::{Direction, Manifest};
use crate::project::status;
use crate::tr;
use crate::util::diag::{Error, Result};

/// The home page's body: every translation's chapters with their progress.
pub fn index(state: &State, ui: Ui) -> Result<String> {
    let manifest = state.manifest()?;
    let mut body = format!(
        "<main class=\"home\"><h1>{}</h1><p>{}</p>",
        escape(manifest.title(&manifest.guide.source_language)),
        tr(ui, "home-intro")
    );
    for language in translations(&manifest) {
        let _ =
            write!(body, "<section><h2>{} ({})</h2>", escape(&language.1), language.0);
        body.push_str(&progress_table(&manifest, ui, &language.0, None)?);
        body.push_str("</section>");
    }
    body.push_str("</main>");
    Ok(body)
}

/// The translations of the guide: (code, name).
fn translations(manifest: &Manifest) -> Vec<(String, String)> {
    manifest
        .languages
        .iter()
        .filter(|l| l.code != manifest.guide.source_language)
        .map(|l| (l.code.clone(), l.name.clone()))
        .collect()
}

/// A table of chapters with their counts and a bar, each linking to its room.
fn progress_table(
    manifest: &Manifest,
    ui: Ui,
    lang: &str,
    current: Option<&str>,
) -> Result<String> {
    let mut out = format!(
        "<table class=\"progress\" data-lang=\"{lang}\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
        tr(ui, "chapter"),
        tr(ui, "current"),
        tr(ui, "stale"),
        tr(ui, "review"),
        tr(ui, "untranslated")
    );
    for p in blocks::progress(manifest, lang)? {
        let here =
            if current == Some(p.chapter.as_str()) { " class=\"here\"" } else { "" };
        let pct = |n: usize| (n * 100).checked_div(p.total).unwrap_or(0);
        let _ = write!(
            out,
            "<tr{here} data-chapter=\"{c}\"><td><a href=\"/translate/{lang}/{c}\">{c}</a></td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><span class=\"bar\">\
             <i class=\"st-current\" style=\"width:{}%\"></i><i class=\"st-review\" style=\"width:{}%\"></i>\
             <i class=\"st-stale\" style=\"width:{}%\"></i></span></td></tr>",
            p.current,
            p.stale,
            p.review,
            p.untranslated,
            pct(p.current),
            pct(p.review),
            pct(p.stale),
            c = escape(&p.chapter),
        );
    }
    out.push_str("</table>");
    Ok(out)
}

/// The room of chapter `stem` in translation `lang`.
pub fn room(state: &State, ui: Ui, lang: &str, stem: &str) -> Result<String> {
    let manifest = state.manifest()?;
    let chapter = blocks::chapter_blocks(&manifest, lang, stem)?;
    let language = manifest
        .language(lang)
        .ok_or_else(|| Error::new(tr!("desk-err-language", lang = lang)))?;
    let rtl = language.dir == Direction::Rtl;
    let font = language.fonts.first().map(|f| family(f)).unwrap_or_default();
    let findings = findings_by_block(&manifest, lang, stem)?;
    let mut body = format!(
        "<main class=\"translate\"><nav class=\"chapters\"><h2>{} ({lang})</h2>{}</nav><section class=\"blocks\" data-lang=\"{lang}\" data-chapter=\"{}\"><h1>{}</h1>",
        escape(&language.name),
        progress_table(&manifest, ui, lang, Some(stem))?,
        escape(stem),
        escape(&chapter.file),
    );
    if !chapter.editable {
        let _ = write!(body, "<p class=\"note\">{}</p>", tr(ui, "typst-chapter"));
    }
    let style = format!(
        " dir=\"{}\" lang=\"{lang}\" style=\"font-family:'{font}',sans-serif\"",
        if rtl { "rtl" } else { "auto" }
    );
    for block in &chapter.blocks {
        let found = findings.get(&block.id).map(Vec::as_slice).unwrap_or(&[]);
        block_html(&mut body, ui, block, found, &style, &manifest.guide.source_language);
    }
    if chapter.editable {
        let _ = write!(
            body,
            "<p><button data-action=\"accept-chapter\">{}</button></p>",
            tr(ui, "accept-chapter")
        );
    }
    let _ = write!(
        body,
        "</section><aside class=\"preview\" data-preview data-build=\"0\" data-lang=\"{lang}\" data-chapter=\"{}\">\
         <h2>{}</h2><p class=\"status\">{}</p><div class=\"sheet\"><img alt=\"\"><div class=\"mark\"></div></div>\
         <p><a href=\"/preview/{lang}/book.pdf\" data-preview-pdf>PDF</a></p></aside></main>",
        escape(stem),
        tr(ui, "preview"),
        tr(ui, "building"),
    );
    Ok(body)
}

/// One block: the source (with its diff) beside the translation's editor.
fn block_html(
    out: &mut String,
    ui: Ui,
    block: &EditorBlock,
    findings: &[(String, String)],
    style: &str,
    source_lang: &str,
) {
    let state = state_name(block.state);
    let _ = write!(
        out,
        "<article class=\"block st-{state}\" data-id=\"{id}\" data-base=\"{base}\" data-state=\"{state}\">\
         <div class=\"src\" lang=\"{source_lang}\" dir=\"auto\"><span class=\"kind\">{kind}</span><p>{src}</p>",
        id = escape(&block.id),
        base = escape(&block.base),
        kind = escape(&text::block_kind(ui, block.kind)),
        src = escape(&block.source),
    );
    if !block.diff.is_empty() {
        let _ = write!(
            out,
            "<div class=\"diff\"><span class=\"label\">{}</span> ",
            tr(ui, "diff")
        );
        for op in &block.diff {
            let (open, close) = match op.op {
                DiffOpKind::Equal => ("<span>", "</span>"),
                DiffOpKind::Delete => ("<del>", "</del>"),
                DiffOpKind::Insert => ("<ins>", "</ins>"),
            };
            let _ = write!(out, "{open}{}{close}", escape(&op.text));
        }
        out.push_str("</div>");
    }
    out.push_str("</div><div class=\"tr\">");
    if block.editable {
        let rows = (block.source.len() / 60 + 2).min(14);
        let _ = write!(
            out,
            "<textarea data-block=\"{id}\" rows=\"{rows}\"{style} placeholder=\"{ph}\">{text}</textarea>",
            id = escape(&block.id),
            ph = escape(&block.source),
            text = escape(block.translation.as_deref().unwrap_or("")),
        );
    } else {
        let _ = write!(
            out,
            "<p{style}>{}</p>",
            escape(block.translation.as_deref().unwrap_or(""))
        );
    }
    if !findings.is_empty() {
        let _ = write!(out, "<ul class=\"checks\" title=\"{}\">", tr(ui, "checks"));
        for (check, message) in findings {
            let _ = write!(out, "<li data-check=\"{check}\">{}</li>", escape(message));
        }
        out.push_str("</ul>");
    }
    if block.editable {
        let _ = write!(
            out,
            "<div class=\"actions\"><button data-action=\"save\">{}</button>\
             <button data-action=\"accept\">{}</button><span class=\"state\">{}</span>\
             <span class=\"msg\" role=\"status\"></span></div><div class=\"conflict\" hidden></div>",
            tr(ui, "save"),
            tr(ui, "accept"),
            tr(ui, &format!("state-{state}")),
        );
    }
    out.push_str("</div></article>");
}

/// The name of a state as the page's classes and words use it.
fn state_name(state: BlockState) -> &'static str {
    match state {
        BlockState::Current => "current",
        BlockState::Stale => "stale",
        BlockState::Review => "review",
        BlockState::Untranslated => "untranslated",
    }
}

/// The translation checks' findings of a chapter, by block id: (check, message).
fn findings_by_block(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
) -> Result<BTreeMap<String, Vec<(String, String)>>> {
    let status = status::read(manifest, lang)?;
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for f in chapter_findings(manifest, lang, stem, &status)? {
        if !f.intended {
            out.entry(f.id)
                .or_default()
                .push((f.check.name().to_string(), f.message.to_string()));
        }
    }
    Ok(out)
}

/// A save as the page sends it.
#[derive(Deserialize)]
struct SaveRequest {
    id: String,
    base: String,
    text: String,
}

/// Saves one block (POST `/api/save/<lang>/<chapter>`): the outcome, the block as it
/// is now, and on a conflict the text now in the file.
pub fn save(state: &State, lang: &str, stem: &str, body: &[u8]) -> Result<Value> {
    let request: SaveRequest = serde_json::from_slice(body)
        .map_err(|e| Error::new(tr!("desk-err-request", reason = e.to_string())))?;
    let manifest = state.manifest()?;
    let edit =
        BlockEdit { id: request.id.clone(), base: request.base, text: request.text };
    let done = blocks::save(&manifest, lang, stem, &[edit])?;
    let chapter = blocks::chapter_blocks(&manifest, lang, stem)?;
    let conflict = done.conflicts.first().map(|c| {
        json!({ "theirs": c.chapter_text, "mine": c.po_text,
                "base": crate::ops::po::blocks::base_of(&c.chapter_text) })
    });
    let outcome = match done.outcome {
        Outcome::Written => "written",
        Outcome::Unchanged => "unchanged",
        Outcome::Conflicts => "conflict",
        Outcome::Unpaired => "unpaired",
        Outcome::Untranslated => "unchanged",
    };
    Ok(json!({
        "outcome": outcome,
        "block": block_json(&chapter, &request.id),
        "conflict": conflict,
        "unpaired": done.unpaired,
    }))
}

/// A block's state and base as JSON, for the page to update.
fn block_json(chapter: &ChapterBlocks, id: &str) -> Value {
    chapter.blocks.iter().find(|b| b.id == id).map_or(Value::Null, |b| {
        json!({ "id": b.id, "base": b.base, "state": state_name(b.state),
                "translation": b.translation })
    })
}

/// Accepts a block (`{"id": …}`) or the whole chapter (`{}`): POST
/// `/api/accept/<lang>/<chapter>`; gives what was marked, every block's state and, for
/// a chapter, a warning when blocks are still marked as untranslated.
pub fn accept(
    state: &State,
    ui: Ui,
    lang: &str,
    stem: &str,
    body: &[u8],
) -> Result<Value> {
    let request: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let what = match request.get("id").and_then(Value::as_str) {
        Some(id) => id.to_string(),
        None => stem.to_string(),
    };
    let manifest = state.manifest()?;
    let lines = accept::accept(&manifest, lang, std::slice::from_ref(&what))?;
    // A whole chapter accepted with blocks still in the source's words: say so.
    let warnings: Vec<String> = confirm::accept_warnings(&manifest, lang, &[what])?
        .iter()
        .map(|w| w.in_lang(ui.lang()).to_string())
        .collect();
    let chapter = blocks::chapter_blocks(&manifest, lang, stem)?;
    let states: BTreeMap<&str, &str> =
        chapter.blocks.iter().map(|b| (b.id.as_str(), state_name(b.state))).collect();
    Ok(json!({ "lines": lines, "states": states, "warnings": warnings }))
}

/// The preview of a chapter (GET `/api/preview/<lang>/<chapter>`), rebuilt first when
/// a file changed: its build number, page size and count, where each block lies.
pub fn preview_json(state: &State, lang: &str, stem: &str) -> Result<Value> {
    let manifest = state.manifest()?;
    let chapter = blocks::chapter_blocks(&manifest, lang, stem)?;
    let lines: Vec<(String, (usize, usize))> =
        chapter.blocks.iter().filter_map(|b| Some((b.id.clone(), b.lines?))).collect();
    state.preview(lang, |p| {
        let places: BTreeMap<String, Vec<Place>> =
            preview::places(p, &chapter.file, &lines);
        let size = preview::page_size(p);
        json!({
            "build": p.build,
            "error": p.error,
            "took_ms": p.took.as_millis() as u64,
            "size": size.map(|s| s.0),
            "pages": size.map_or(0, |s| s.1),
            "places": places,
        })
    })
}
