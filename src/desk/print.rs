//! The print desk: a PDF dropped on the page (saved under `out/.desk/uploads/` with a
//! safe name) or a booklet of the guide, imposed with `livret impose`'s own code and
//! options (scheme, sheet, duplex, binding, fit, marks, creep, quantity, back
//! offset); the printed sides and the job sheet drawn as pictures; the print PDF,
//! ticket and job sheet to download; the duplex calibration sheet.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use clap::ValueEnum;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::build::incremental;
use crate::desk::page::escape;
use crate::desk::safety::{decode, query, safe_name};
use crate::desk::state::{DESK_DIR, State};
use crate::desk::text::{Ui, tr, tr_with};
use crate::ops::calibrate;
use crate::ops::impose::{self, ImposeConfig};
use crate::project::paths;
use crate::project::preset::{Fit, PrintChoices, Sheet};
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::{output_path, write_project};
use livret_impose::{
    BackOffset, Binding, Duplex, MarkKind, MarkOptions, Orientation, Scheme,
};

/// The schemes offered.
const SCHEMES: [&str; 7] =
    ["cutstack", "saddle", "copies", "signatures", "zine", "cards", "wire"];

/// The sheets offered (any `WxHmm` may be typed too).
const SHEETS: [&str; 6] = ["a4", "a3", "a5", "letter", "legal", "tabloid"];

/// A `<select>` of `options`, the first chosen.
fn select(name: &str, options: &[&str]) -> String {
    let mut out = format!("<select name=\"{name}\">");
    for o in options {
        let _ = write!(out, "<option value=\"{o}\">{o}</option>");
    }
    out.push_str("</select>");
    out
}

/// The room's page body.
pub fn room(state: &State, ui: Ui) -> Result<String> {
    let manifest = state.manifest()?;
    let mut targets = String::from("<option value=\"\">—</option>");
    for language in &manifest.languages {
        for layout in manifest.layout_names() {
            if incremental::read_record(&state.root, &language.code, layout).is_some() {
                let key = format!("{}/{layout}", language.code);
                let _ = write!(targets, "<option value=\"target:{key}\">{key}</option>");
            }
        }
    }
    let row =
        |key: &str, field: String| format!("<label>{}<br>{field}</label>", tr(ui, key));
    let marks: String = ["crop", "fold", "collation", "slug"]
        .iter()
        .map(|m| format!("<label class=\"check\"><input type=\"checkbox\" name=\"marks\" value=\"{m}\">{m}</label>"))
        .collect();
    Ok(format!(
        "<main class=\"print\"><section class=\"job\"><h1>{title}</h1>\
         <div class=\"drop\" data-drop><p>{drop}</p><input type=\"file\" accept=\"application/pdf,.pdf\" data-action=\"upload\">\
         <p class=\"uploaded\"></p><p>{or}</p><select name=\"target\">{targets}</select></div>\
         <form class=\"options\">{scheme}{sheet}{duplex}{binding}{fit}{marks}{creep}{quantity}{offset}</form>\
         <p><button data-action=\"impose\">{impose}</button> <span class=\"msg\" role=\"status\"></span></p>\
         <ul class=\"warnings\"></ul><div class=\"downloads\"></div><h2>{calibration}</h2><p>{csheet} {cduplex} \
         <button data-action=\"calibrate\">{calibrate}</button> <span class=\"calibration-link\"></span></p></section>\
         <section class=\"result\"><h2>{sides}</h2><div class=\"sides\"></div><h2>{job}</h2><div class=\"job-sheet\"></div></section></main>",
        title = tr(ui, "print"),
        drop = tr(ui, "drop"),
        or = tr(ui, "or-target"),
        scheme = row("scheme", select("scheme", &SCHEMES)),
        sheet = row("sheet", select("sheet", &SHEETS)),
        duplex = row("duplex", select("duplex", &["long", "short"])),
        binding = row(
            "binding",
            format!(
                "<select name=\"binding\"><option value=\"\">{}</option><option>left</option><option>right</option></select>",
                tr(ui, "auto")
            )
        ),
        fit = row(
            "fit",
            format!(
                "<select name=\"fit\"><option value=\"\">{}</option><option>shrink</option><option>center</option></select>",
                tr(ui, "none")
            )
        ),
        marks = row("marks", marks),
        creep = row(
            "creep",
            "<input name=\"creep\" inputmode=\"decimal\" size=\"6\">".into()
        ),
        quantity = row(
            "quantity",
            "<input name=\"quantity\" inputmode=\"numeric\" size=\"6\">".into()
        ),
        offset = row(
            "back-offset",
            "<input name=\"back_offset\" placeholder=\"0mm,0mm\" size=\"12\">".into()
        ),
        impose = tr(ui, "impose"),
        calibration = tr(ui, "calibration"),
        csheet = select("cal_sheet", &SHEETS[..5]),
        cduplex = select("cal_duplex", &["long", "short"]),
        calibrate = tr(ui, "calibrate"),
        sides = tr(ui, "sides"),
        job = tr(ui, "job-sheet"),
    ))
}

/// Saves an uploaded PDF (POST `/api/upload?name=…`, the file as the body) under
/// `out/.desk/uploads/` with a safe name; gives that name.
pub fn upload(state: &State, target: &str, body: &[u8]) -> Result<Value> {
    let name = safe_name(&decode(query(target, "name").unwrap_or("upload.pdf")));
    if !body.starts_with(b"%PDF-") {
        return Err(Error::new(tr!("desk-err-not-pdf", name = name.as_str())));
    }
    let rel = format!("{DESK_DIR}/uploads/{name}");
    write_project(&state.root, &rel, body)?;
    Ok(json!({ "name": name, "path": rel, "bytes": body.len() }))
}

/// An imposition as the page asks for it.
#[derive(Deserialize)]
struct ImposeRequest {
    input: String,
    scheme: String,
    sheet: String,
    duplex: String,
    #[serde(default)]
    binding: String,
    #[serde(default)]
    fit: String,
    #[serde(default)]
    marks: Vec<String>,
    #[serde(default)]
    creep: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    back_offset: String,
}

/// A value parsed from the page's text, or an error naming the option.
fn parsed<T: FromStr>(what: &str, text: &str) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    T::from_str(text.trim()).map_err(|e| {
        Error::new(tr!("desk-err-option", option = what, reason = e.to_string()))
    })
}

/// `text` parsed when it is not empty.
fn optional<T: FromStr>(what: &str, text: &str) -> Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    if text.trim().is_empty() { Ok(None) } else { parsed(what, text).map(Some) }
}

/// The PDF an imposition reads: an upload, or a built booklet's reading PDF.
fn input_path(state: &State, input: &str) -> Result<(PathBuf, String)> {
    if let Some(name) = input.strip_prefix("upload:") {
        let name = safe_name(name);
        let path = output_path(&state.root, format!("{DESK_DIR}/uploads/{name}"))?;
        let stem = name.trim_end_matches(".pdf").to_string();
        return Ok((path, stem));
    }
    if let Some((lang, layout)) =
        input.strip_prefix("target:").and_then(|t| t.split_once('/'))
    {
        let record =
            incremental::read_record(&state.root, lang, layout).ok_or_else(|| {
                Error::new(tr!("desk-err-not-built", target = format!("{lang}/{layout}")))
            })?;
        let stem = format!("{lang}-{layout}");
        return Ok((state.root.join(&record.target.pdf), stem));
    }
    Err(Error::new(tr!("desk-err-no-input")))
}

/// The print choices of a request.
fn choices(r: &ImposeRequest) -> Result<(PrintChoices, Vec<MarkKind>, Option<usize>)> {
    let marks =
        r.marks.iter().map(|m| parsed("marks", m)).collect::<Result<Vec<MarkKind>>>()?;
    let fit = match r.fit.trim() {
        "" => None,
        f => Some(Fit::from_str(f, true).map_err(|e| {
            Error::new(tr!("desk-err-option", option = "fit", reason = e))
        })?),
    };
    let choices = PrintChoices {
        scheme: parsed::<Scheme>("scheme", &r.scheme)?,
        sheet: parsed::<Sheet>("sheet", &r.sheet)?,
        duplex: parsed::<Duplex>("duplex", &r.duplex)?,
        blanks: Default::default(),
        binding: optional::<Binding>("binding", &r.binding)?.unwrap_or_default(),
        signature_sheets: None,
        creep_mm: optional::<f64>("creep", &r.creep)?,
        paper: None,
        binding_margin_mm: None,
        printer_margin_mm: Some(4.0),
        fit,
        back_offset: optional::<BackOffset>("back offset", &r.back_offset)?
            .unwrap_or_default(),
    };
    let quantity = optional::<usize>("quantity", &r.quantity)?;
    Ok((choices, marks, quantity))
}

/// Imposes (POST `/api/impose`) with `livret impose`'s code: the files written under
/// `out/.desk/print/`, the pictures of the printed sides and of the job sheet, the
/// warnings and notes.
pub fn impose(state: &State, ui: Ui, body: &[u8]) -> Result<Value> {
    let request: ImposeRequest = serde_json::from_slice(body)
        .map_err(|e| Error::new(tr!("desk-err-request", reason = e.to_string())))?;
    let (input, stem) = input_path(state, &request.input)?;
    let (choices, marks, quantity) = choices(&request)?;
    let name = format!("{stem}-{}-{}", choices.sheet.name, request.scheme.trim());
    let dir = format!("{DESK_DIR}/print");
    let output = output_path(&state.root, format!("{dir}/{name}.pdf"))?;
    let pictures = output_path(&state.root, format!("{dir}/{name}-sides"))?;
    std::fs::create_dir_all(&pictures)
        .map_err(|e| Error::io("create folder", &pictures, e))?;
    for old in crate::util::fs::files_in(&pictures)? {
        let _ = std::fs::remove_file(old);
    }
    let config = ImposeConfig::new(
        input,
        output.clone(),
        &choices,
        MarkOptions::from_kinds(&marks),
        false,
        None,
        Some((pictures.clone(), 40.0)),
    )?;
    let binding_from_input = request.binding.trim().is_empty();
    let config = ImposeConfig { binding_from_input, quantity, ..config };
    let done = impose::impose(&config)?;
    let rel = |p: &Path| paths::display(&state.root, p);
    let mut sides = Vec::new();
    let mut tickets = Vec::new();
    for f in done.files.iter().filter(|f| f.extension().is_some_and(|e| e == "png")) {
        let n = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if n.starts_with("side-") { sides.push(rel(f)) } else { tickets.push(rel(f)) }
    }
    let t = done.plan.ticket();
    Ok(json!({
        "print": rel(&output),
        "ticket": rel(&output.with_extension("txt")),
        "job_sheet": rel(&paths::job_sheet_beside(&output)),
        "sides": sides,
        "tickets": tickets,
        "warnings": done.warnings,
        "notes": done.notes,
        "summary": tr_with(ui, "impose-summary", &[
            ("pages", t.pages.into()),
            ("sheets", t.sheets.into()),
            ("scheme", t.scheme.to_string().into()),
            ("sheet", config.sheet_name.as_str().into()),
            ("booklets", t.booklets.into()),
        ]),
    }))
}

/// The calibration sheet (POST `/api/calibrate`, `{"sheet": …, "duplex": …}`),
/// written under `out/.desk/`; gives its path.
pub fn calibrate(state: &State, body: &[u8]) -> Result<Value> {
    let request: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let field = |k: &str, d: &str| {
        request.get(k).and_then(Value::as_str).unwrap_or(d).to_string()
    };
    let sheet: Sheet = parsed("sheet", &field("sheet", "a4"))?;
    let duplex: Duplex = parsed("duplex", &field("duplex", "long"))?;
    let orientation: Orientation =
        parsed("orientation", &field("orientation", "portrait"))?;
    let rel = format!("{DESK_DIR}/calibration-{}-{duplex}-{orientation}.pdf", sheet.name);
    let output = output_path(&state.root, &rel)?;
    if let Some(dir) = output.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    }
    calibrate::calibrate(&sheet, duplex, orientation, &output)?;
    Ok(json!({ "path": rel, "name": escape(&rel) }))
}
