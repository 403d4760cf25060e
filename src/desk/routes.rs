//! Which answer each request gets, after the safety checks: pages of the three rooms,
//! their JSON calls, the assets built into the binary, the guide's fonts, the
//! preview's pages, and downloads of what builds and impositions wrote.

use std::sync::Arc;

use serde_json::Value;

use crate::desk::page::{self, shell};
use crate::desk::preview;
use crate::desk::state::{State, ui_of};
use crate::desk::text;
use crate::desk::{editions, print, safety, translate};
use crate::ops::http::{Reply, Request};
use crate::tr;
use crate::util::diag::Result;
use crate::util::fs::read_project;

/// Answers one request.
pub fn answer(state: &Arc<State>, request: &Request) -> Reply {
    if let Some(refused) = safety::check(request, &state.secrets) {
        return refused;
    }
    let path = request.target.split(['?', '#']).next().unwrap_or("/").to_string();
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if request.method == "POST" {
        return post(state, &parts, request);
    }
    match get(state, &path, &parts, request) {
        Ok(Some(reply)) => reply,
        Ok(None) => safety::refuse(404, &tr!("desk-err-not-found")),
        Err(err) => safety::refuse(500, &err.to_string()),
    }
}

/// A page in the frame.
fn html(state: &State, request: &Request, room: &str, path: &str, body: &str) -> Reply {
    let html = shell(ui_of(request), &state.secrets, room, path, body);
    Reply::Full(200, "text/html; charset=utf-8", html.into_bytes())
}

/// JSON with status 200.
fn json(value: &Value) -> Reply {
    Reply::Full(200, "application/json", value.to_string().into_bytes())
}

/// Answers a GET (or HEAD); `None` for a path the desk does not have.
fn get(
    state: &State,
    path: &str,
    parts: &[&str],
    request: &Request,
) -> Result<Option<Reply>> {
    let ui = ui_of(request);
    Ok(Some(match parts {
        [""] => html(state, request, "translate", path, &translate::index(state, ui)?),
        ["translate", lang, stem] => html(
            state,
            request,
            "translate",
            path,
            &translate::room(state, ui, lang, stem)?,
        ),
        ["editions"] => {
            html(state, request, "editions", path, &editions::room(state, ui)?)
        }
        ["print"] => html(state, request, "print", path, &print::room(state, ui)?),
        ["api", "preview", lang, stem] => {
            json(&translate::preview_json(state, lang, stem)?)
        }
        ["api", "build"] => json(&editions::progress(state)),
        ["preview", lang, "book.pdf"] => {
            let pdf = state.preview(lang, |p| p.shown.as_ref().map(|s| s.1.clone()))?;
            let Some(pdf) = pdf else { return Ok(None) };
            Reply::Full(200, "application/pdf", pdf)
        }
        ["preview", lang, _build, page] => {
            let Some(n) = page.strip_suffix(".svg").and_then(|n| n.parse().ok()) else {
                return Ok(None);
            };
            let svg = state.preview(lang, |p| preview::page_svg(p, n))?;
            let Some(svg) = svg else { return Ok(None) };
            Reply::Full(200, "image/svg+xml", svg.into_bytes())
        }
        ["assets", "desk.css"] => Reply::Full(200, "text/css", page::CSS.into()),
        ["assets", "desk.js"] => Reply::Full(200, "text/javascript", page::JS.into()),
        ["assets", "fonts.css"] => {
            Reply::Full(200, "text/css", page::fonts_css(&state.root).into_bytes())
        }
        ["fonts", ..] => return Ok(font(state, path)),
        ["file"] => return Ok(download(state, request)),
        ["ui"] => switch_ui(request),
        _ => return Ok(None),
    }))
}

/// A font file of the guide's `fonts/` folder.
fn font(state: &State, path: &str) -> Option<Reply> {
    let rel = path.trim_start_matches('/');
    let ok = (rel.ends_with(".ttf") || rel.ends_with(".otf"))
        && rel.split('/').all(|p| !p.is_empty() && !p.starts_with('.'));
    let bytes = read_project(&state.root, rel).ok().filter(|_| ok)?;
    Some(Reply::Full(200, "font/ttf", bytes))
}

/// A file the desk or a build wrote under `out/`, as a download (`/file?path=…`).
fn download(state: &State, request: &Request) -> Option<Reply> {
    let rel = safety::decode(safety::query(&request.target, "path")?);
    let inside = rel.starts_with("out/")
        && rel.split('/').all(|p| !p.is_empty() && p != ".." && p != ".");
    if !inside {
        return Some(safety::refuse(403, &tr!("desk-forbidden-path")));
    }
    let bytes = read_project(&state.root, &rel).ok()?;
    let name = rel.rsplit('/').next().unwrap_or("file");
    let mime = match name.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        Some("zip") => "application/zip",
        Some("json") => "application/json",
        _ => "text/plain; charset=utf-8",
    };
    let inline = safety::query(&request.target, "inline").is_some();
    let disposition = if inline { "inline" } else { "attachment" };
    Some(Reply::Headed(
        200,
        mime,
        vec![(
            "Content-Disposition",
            format!("{disposition}; filename=\"{}\"", safety::safe_file(name)),
        )],
        bytes,
    ))
}

/// Sets the interface language (`/ui?to=fr&back=/path`) and goes back.
fn switch_ui(request: &Request) -> Reply {
    let to = safety::query(&request.target, "to").unwrap_or("en");
    let code = if to == "fr" { "fr" } else { "en" };
    let back = safety::query(&request.target, "back").map(safety::decode);
    let back =
        back.filter(|b| b.starts_with('/') && !b.starts_with("//")).unwrap_or("/".into());
    Reply::Headed(
        303,
        "text/plain",
        vec![
            ("Set-Cookie", format!("desk_ui={code}; SameSite=Strict; Path=/")),
            ("Location", back),
        ],
        Vec::new(),
    )
}

/// Answers a POST (its safety checks passed): the JSON calls of the rooms.
fn post(state: &Arc<State>, parts: &[&str], request: &Request) -> Reply {
    let body = &request.body;
    let result = match parts {
        ["api", "save", lang, stem] => translate::save(state, lang, stem, body),
        ["api", "accept", lang, stem] => {
            translate::accept(state, ui_of(request), lang, stem, body)
        }
        ["api", "build"] => editions::start_build(state, body),
        ["api", "package"] => editions::package(state),
        ["api", "upload"] => print::upload(state, &request.target, body),
        ["api", "impose"] => print::impose(state, ui_of(request), body),
        ["api", "calibrate"] => print::calibrate(state, body),
        _ => return safety::refuse(404, &tr!("desk-err-not-found")),
    };
    match result {
        Ok(value) => json(&value),
        Err(err) => Reply::Full(
            422,
            "application/json",
            serde_json::json!({ "error": text::error(ui_of(request), &err) })
                .to_string()
                .into_bytes(),
        ),
    }
}
