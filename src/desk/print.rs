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
use crate::i18n::Text;
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

/// A `<select>` of `options`, the first chosen; each value's label is
/// `desk-<labels>-<value>` in `ui`, or without `labels` the value in capitals (sheets).
fn select(ui: Ui, name: &str, options: &[&str], labels: Option<&str>) -> String {
    let mut out = format!("<select name=\"{name}\">");
    for o in options {
        let label = match labels {
            Some(labels) => tr(ui, &format!("{labels}-{o}")),
            None => o.to_uppercase(),
        };
        let _ = write!(out, "<option value=\"{o}\">{}</option>", escape(&label));
    }
    out.push_str("</select>");
    out
}

/// A `<select>` led by an empty choice labelled `first` (automatic, none).
fn select_or(ui: Ui, name: &str, first: &str, options: &[&str]) -> String {
    let body = select(ui, name, options, Some(name));
    let open = format!("<select name=\"{name}\">");
    let first = format!("{open}<option value=\"\">{}</option>", tr(ui, first));
    body.replacen(&open, &first, 1)
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
        .map(|m| {
            let label = escape(&tr(ui, &format!("marks-{m}")));
            format!("<label class=\"check\"><input type=\"checkbox\" name=\"marks\" value=\"{m}\">{label}</label>")
        })
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
        scheme = row("scheme", select(ui, "scheme", &SCHEMES, Some("scheme"))),
        sheet = row("sheet", select(ui, "sheet", &SHEETS, None)),
        duplex = row("duplex", select(ui, "duplex", &["long", "short"], Some("duplex"))),
        binding = row("binding", select_or(ui, "binding", "auto", &["left", "right"])),
        fit = row("fit", select_or(ui, "fit", "none", &["shrink", "center"])),
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
        csheet = select(ui, "cal_sheet", &SHEETS[..5], None),
        cduplex = select(ui, "cal_duplex", &["long", "short"], Some("duplex")),
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

/// The page's field `what` (`creep`, `back-offset`…) refusing its value for `reason`:
/// named as the page labels it.
fn refused(what: &str, reason: impl Into<Text>) -> Error {
    let option = Text::from_key(&format!("desk-{what}"), &[]);
    Error::new(tr!("desk-err-option", option = option, reason = reason.into()))
}

/// A value parsed from the page's text, or an error naming the field.
fn parsed<T: FromStr>(what: &str, text: &str) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    T::from_str(text.trim()).map_err(|e| refused(what, e.to_string()))
}

/// A number of the page's field `what` (a decimal point or comma), when it is not empty.
fn optional_number(what: &str, text: &str) -> Result<Option<f64>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(refused(what, tr!("desk-err-number"))),
    }
}

/// A count of the page's field `what` (a whole number), when it is not empty.
fn optional_count(what: &str, text: &str) -> Result<Option<usize>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| refused(what, tr!("desk-err-count")))
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
        f => Some(Fit::from_str(f, true).map_err(|e| refused("fit", e))?),
    };
    let choices = PrintChoices {
        scheme: parsed::<Scheme>("scheme", &r.scheme)?,
        sheet: parsed::<Sheet>("sheet", &r.sheet)?,
        duplex: parsed::<Duplex>("duplex", &r.duplex)?,
        blanks: Default::default(),
        binding: optional::<Binding>("binding", &r.binding)?.unwrap_or_default(),
        signature_sheets: None,
        creep_mm: optional_number("creep", &r.creep)?,
        paper: None,
        binding_margin_mm: None,
        printer_margin_mm: Some(4.0),
        fit,
        back_offset: optional::<BackOffset>("back-offset", &r.back_offset)?
            .unwrap_or_default(),
    };
    let quantity = optional_count("quantity", &r.quantity)?;
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
        "warnings": for_the_page(ui, &done.warnings),
        "notes": for_the_page(ui, &done.notes),
        "summary": tr_with(ui, "impose-summary", &[
            ("pages", t.pages.into()),
            ("sheets", t.sheets.into()),
            ("scheme", t.scheme.to_string().into()),
            ("sheet", sheet_label(&config.sheet_name).into()),
            ("booklets", t.booklets.into()),
        ]),
    }))
}

/// A sheet's name as people write it: `A4`, `Letter`; a size (`210x297mm`) as it is.
fn sheet_label(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if name.chars().all(|c| c.is_ascii_alphanumeric()) => {
            let rest: String = chars.collect();
            if rest.chars().all(|c| c.is_ascii_digit()) {
                name.to_ascii_uppercase()
            } else {
                format!("{}{rest}", first.to_ascii_uppercase())
            }
        }
        _ => name.to_string(),
    }
}

/// `livret impose`'s options the page has a field for, with the field and choice
/// that set them (`--fit shrink` is the field Fit set to shrink).
const FIELDS: [(&str, &str, &str); 6] = [
    ("--fit shrink", "fit", "fit-shrink"),
    ("--fit center", "fit", "fit-center"),
    ("--binding left", "binding", "binding-left"),
    ("--binding right", "binding", "binding-right"),
    ("--sheet", "sheet", ""),
    ("--marks", "marks", ""),
];

/// Warnings and notes in `ui` as the page shows them: the terminal's options that
/// have a field on the page named by that field (`« Ajustement : réduire »`).
fn for_the_page(ui: Ui, texts: &[Text]) -> Vec<String> {
    texts
        .iter()
        .map(|text| {
            let mut line = text.in_lang(ui.lang()).to_string();
            for (option, field, choice) in FIELDS {
                let field = tr(ui, field);
                let named = if choice.is_empty() {
                    tr_with(ui, "field", &[("field", field.as_str().into())])
                } else {
                    let value = tr(ui, choice);
                    let args = [
                        ("field", field.as_str().into()),
                        ("value", value.as_str().into()),
                    ];
                    tr_with(ui, "field-value", &args)
                };
                line = line.replace(option, &named);
            }
            line
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_named_as_people_write_them() {
        assert_eq!(sheet_label("a4"), "A4");
        assert_eq!(sheet_label("letter"), "Letter");
        assert_eq!(sheet_label("210x297mm"), "210x297mm");
    }

    #[test]
    fn warnings_name_the_page_fields_not_the_terminal_options() {
        let texts = [Text::raw("use a larger --sheet, or --fit shrink to make room")];
        let fr = for_the_page(Ui::Fr, &texts);
        assert_eq!(
            fr[0],
            "use a larger « Feuille », or « Ajustement : réduire » to make room"
        );
        let en = for_the_page(Ui::En, &texts);
        assert_eq!(en[0], "use a larger “Sheet”, or “Fit: shrink” to make room");
    }
}
