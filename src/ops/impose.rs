//! `livret impose`: any PDF onto printer sheets, with a job ticket.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::foundations::Datetime;

use crate::i18n::{Text, decimal};
use crate::ops::impose_boxes;
use crate::ops::impose_errors::pdf_error;
use crate::ops::impose_preflight::{
    check_outputs, check_writable, planned_outputs, read_input, with_suffix,
};
use crate::ops::impose_warnings::{job_warnings, near_standard_warning};
use crate::project::paths;
use crate::project::preset::{Fit, PrintChoices};
use crate::tr;
use crate::typeset::fonts::Fonts;
use crate::typeset::ink::cache::InkCache;
use crate::typeset::ink::pdf::InkJob;
use crate::typeset::ink::{self, InkCoverage};
use crate::typeset::job_sheet::{self, JobSheet, Setting};
use crate::typeset::render::{self, render_pdf};
use crate::util::diag::{Error, Result};
use crate::util::fs::write_atomic;
use livret_impose::fit::{self, FitReport, PageFit, TurnPages, page_list};
use livret_impose::pdf::{self, InputInfo, PlaceOptions, TrimRule};
use livret_impose::ticket::{self, Note, TicketInfo};
use livret_impose::{
    Binding, Imposition, MarkOptions, PlanOptions, Scheme, SideRef, Size, to_mm,
};

/// A preprocessed `livret impose` invocation.
#[derive(Debug, Clone)]
pub struct ImposeConfig {
    /// The input PDF.
    pub input: PathBuf,
    /// The output PDF (with manual duplex: the fronts; backs get `-backs`).
    pub output: PathBuf,
    /// Planning options (page size filled in from the input).
    pub options: PlanOptions,
    /// Marks to draw.
    pub marks: MarkOptions,
    /// Sheet name as typed, for the ticket.
    pub sheet_name: String,
    /// Write fronts and backs separately.
    pub manual_duplex: bool,
    /// Where to write the plan as JSON.
    pub plan_json: Option<PathBuf>,
    /// Accept pages whose size differs from the slots', centred in their slot.
    pub center: bool,
    /// Whether pages of the other orientation are turned a quarter (`--rotate`).
    pub turn: TurnPages,
    /// Also render every printed side to PNG in this folder: (folder, dpi).
    pub preview: Option<(PathBuf, f64)>,
    /// No binding was asked for: bind on the right when the input reads right to left
    /// (`/ViewerPreferences /Direction /R2L`), else as `options` says.
    pub binding_from_input: bool,
    /// Where the trim is on pages without a TrimBox (`--trim`, `--bleed`).
    pub trim: Option<TrimRule>,
    /// Copies ordered (`--quantity`), for the ticket's overs and paper.
    pub quantity: Option<usize>,
}

/// What `impose` wrote.
#[derive(Debug, Clone)]
pub struct Imposed {
    /// The plan that was followed.
    pub plan: Imposition,
    /// The files written (PDFs, then the ticket, then the plan).
    pub files: Vec<PathBuf>,
    /// Warnings for the user.
    pub warnings: Vec<Text>,
    /// What the user should know, not a problem (e.g. where the binding came from).
    pub notes: Vec<Text>,
    /// The ink every printed side takes, measured on the print files.
    pub ink: InkCoverage,
}

impl ImposeConfig {
    /// Turns typed options into a configuration, rejecting bad values before any work.
    pub fn new(
        input: PathBuf,
        output: PathBuf,
        choices: &PrintChoices,
        marks: MarkOptions,
        manual_duplex: bool,
        plan_json: Option<PathBuf>,
        preview: Option<(PathBuf, f64)>,
    ) -> Result<Self> {
        choices.check(|key| format!("--{key}")).map_err(Error::new)?;
        if output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
            != Some("pdf")
        {
            return Err(Error::new(tr!("impose-not-pdf", path = &output))
                .with_hint(tr!("impose-not-pdf-hint")));
        }
        let preview_dir = preview.as_ref().map(|(dir, _)| dir.as_path());
        let outputs = planned_outputs(&output, manual_duplex, plan_json.as_deref());
        check_outputs(&input, &outputs, preview_dir)?;
        check_writable(&outputs, preview_dir)?;
        Ok(Self {
            input,
            output,
            options: choices.plan_options(),
            marks,
            sheet_name: choices.sheet.name.clone(),
            manual_duplex,
            plan_json,
            center: choices.fit == Some(Fit::Center),
            turn: TurnPages::Auto,
            preview,
            binding_from_input: false,
            trim: None,
            quantity: None,
        })
    }
}

/// Runs the imposition: read, check, plan, place, write (atomically), ticket.
pub fn impose(config: &ImposeConfig) -> Result<Imposed> {
    let input = &config.input;
    let bytes = Arc::new(read_input(input)?);
    let parsed = parse_input(config, &bytes)
        .map_err(|err| pdf_error(input, &err).with_hint(tr!("impose-nothing-written")))?;
    let info = parsed.info();
    let (page, report) = check_sizes(input, &info, page_fit(config), config.turn)?;
    let mut options = config.options.clone();
    options.page = page;
    let mut notes = binding_from_input(config, &info, &mut options);
    let plan = livret_impose::plan(info.pages, &options)?;
    let title = info.title.clone().unwrap_or_else(|| {
        input.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string()
    });
    let mut warnings = fit_warnings(&report, &info, page);
    let boxes = impose_boxes::content_boxes(&parsed, &bytes, config.trim);
    warnings.extend(self::warnings(&plan, &options, &boxes));
    let job = job_warnings(&plan, &info, config.marks);
    warnings.extend(job.terminal);
    if config.trim.is_none() {
        warnings.extend(near_standard_warning(&plan, &options));
    }
    // Placed before anything is written (it fails only as placing would), measured
    // once the sheets are written and their parse freed: never both in memory.
    let ink_job = ink_job(config, &parsed, &plan, &title)?;
    let mut files = write_sheets(config, &bytes, parsed, &plan, &title)?;
    let ink = measure_ink(&ink_job, &bytes);
    notes.extend(ink.unmeasured_note().map(Text::of));
    let name =
        |p: &Path| p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    let backs_name = files.get(1).map(|p| name(p));
    let ticket_info = TicketInfo {
        title: &title,
        file: &name(&config.output),
        backs_file: backs_name.as_deref(),
        sheet_name: &config.sheet_name,
        quantity: config.quantity,
        bleed: info
            .bleed
            .iter()
            .map(|b| b.top.max(b.right).max(b.bottom).max(b.left))
            .fold(0.0, f64::max),
    };
    let ticket_path = config.output.with_extension("txt");
    let mut ticket_notes = report.notes();
    if info.protected {
        ticket_notes.push(Note::protected_source());
    }
    ticket_notes.extend(job.notes);
    let ticket_text = ticket::ticket_with_notes(&plan, &ticket_info, &ticket_notes);
    write_atomic(&ticket_path, ticket_text.as_bytes())?;
    files.push(ticket_path);
    let sheet = JobSheet {
        plan: &plan,
        info: ticket_info,
        notes: &ticket_notes,
        gray: false,
        ink: Some(&ink),
        font: "Andika",
    };
    files.extend(write_job_sheet(&config.output, &sheet, config.preview.as_ref())?);
    if let Some(json_path) = &config.plan_json {
        let json = serde_json::to_string_pretty(&plan).expect("plans serialise");
        write_atomic(json_path, json.as_bytes())?;
        files.push(json_path.clone());
    }
    if let Some((dir, dpi)) = &config.preview {
        // Each printed side as the printer gets it (fronts and backs alternate).
        let sides = side_orders(config, &plan)[0].len();
        files.extend(render_pdf(&config.output, sides, dir, "side", *dpi)?);
    }
    Ok(Imposed { plan, files, warnings, notes, ink })
}

/// Parses the input and gives pages without a TrimBox the trim of `--trim` or `--bleed`.
fn parse_input(
    config: &ImposeConfig,
    bytes: &[u8],
) -> Result<pdf::PdfInput, pdf::PdfError> {
    let mut parsed = pdf::PdfInput::parse(bytes)?;
    if let Some(rule) = config.trim {
        parsed.set_trim(rule)?;
    }
    Ok(parsed)
}

/// Where every printed side's pages go, in print order (with manual duplex, the
/// fronts and backs files interleaved, as the sheets go), to measure their ink.
fn ink_job(
    config: &ImposeConfig,
    parsed: &pdf::PdfInput,
    plan: &Imposition,
    title: &str,
) -> Result<InkJob> {
    let place = PlaceOptions {
        order: livret_impose::print_order(plan),
        marks: config.marks,
        title: title.to_string(),
        fit: page_fit(config),
        turn: config.turn,
    };
    InkJob::new(parsed, plan, &place).map_err(|err| located(&config.input, err))
}

/// The ink of every printed side: each input page drawn once (or a sample of them, for
/// a long PDF) and the sides composed from where the backend puts them.
fn measure_ink(job: &InkJob, bytes: &Arc<Vec<u8>>) -> InkCoverage {
    // Page inks are kept by the PDF's content in the user's cache folder: imposing the
    // same PDF again (another sheet, another scheme) draws no page again.
    let store = ink::cache::store_dir().map(|dir| ink::cache::store_file(&dir, bytes));
    let cache = store.as_deref().map(InkCache::load).unwrap_or_default();
    let coverage = job.measure(bytes, &cache);
    if let Some(file) = &store
        && cache.save(file).is_ok()
        && let Some(dir) = file.parent()
    {
        ink::cache::prune(dir, ink::cache::STORE_BYTES);
    }
    coverage
}

/// The least resolution of the job sheet's previews: enough to read its words.
const JOB_SHEET_PREVIEW_DPI: f64 = 100.0;

/// Writes the job sheet beside `output`, laid out with the fonts of its folder's
/// `fonts/` (if any) and typst's own, and with `--preview` its pages as
/// `ticket-1.png` (French) and `ticket-2.png` (English); gives the files written.
fn write_job_sheet(
    output: &Path,
    sheet: &JobSheet,
    preview: Option<&(PathBuf, f64)>,
) -> Result<Vec<PathBuf>> {
    let path = paths::job_sheet_beside(output);
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .canonicalize()
        .map_err(|e| Error::io("open", output, e))?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("job-sheet");
    let date = Datetime::from_ymd(2000, 1, 1).expect("a valid date");
    // Kept by all that makes its bytes: the same job again writes the kept PDF.
    let kept = ink::cache::user_cache_dir("job-sheet")
        .zip(job_sheet::store::key(sheet, &dir, stem, date))
        .map(|(store, key)| job_sheet::store::file(&store, key));
    let found = match (preview, &kept) {
        (None, Some(file)) => job_sheet::store::load(file),
        _ => None,
    };
    if let Some(bytes) = found {
        write_atomic(&path, &bytes)?;
        return Ok(vec![path]);
    }
    let fonts = Fonts::load(&dir, false)?;
    let setting = Setting {
        root: &dir,
        main: ".livret-job-sheet.typ",
        fonts: &fonts,
        date,
        ident: stem,
    };
    let document = job_sheet::document(sheet, &setting)?;
    let bytes = crate::typeset::export::pdf(&document, stem, setting.date, false)?;
    write_atomic(&path, &bytes)?;
    // Best effort: a cache folder that cannot be written only costs the next run time.
    if let Some(file) = &kept {
        let _ = job_sheet::store::save(file, &bytes);
    }
    let mut files = vec![path];
    if let Some((dir, dpi)) = preview {
        for (i, page) in document.pages().iter().enumerate() {
            let png = dir.join(format!("ticket-{}.png", i + 1));
            write_atomic(&png, &render::page_png(page, dpi.max(JOB_SHEET_PREVIEW_DPI))?)?;
            files.push(png);
        }
    }
    Ok(files)
}

/// Binds on the right when no binding was asked for and the input reads right to
/// left, and says so.
fn binding_from_input(
    config: &ImposeConfig,
    info: &InputInfo,
    options: &mut PlanOptions,
) -> Vec<Text> {
    if !config.binding_from_input || !info.right_to_left {
        return Vec::new();
    }
    options.binding = Binding::Right;
    vec![tr!("impose-binding-right")]
}

/// A list of page numbers, the first eight and how many more.
fn pages(pages: &[usize]) -> String {
    page_list(pages, |n| tr!("impose-and-more", count = n).to_string())
}

/// How pages of another size go into their slot: `--fit shrink` scales them, `--fit
/// center` centres them, without `--fit` they are refused.
fn page_fit(config: &ImposeConfig) -> PageFit {
    if config.options.shrink_to_printable {
        PageFit::Scale
    } else if config.center {
        PageFit::Center
    } else {
        PageFit::Exact
    }
}

/// Warnings on what was done to the input: owner password removed, pages turned, scaled
/// or centred in slots of `slot`.
fn fit_warnings(report: &FitReport, info: &InputInfo, slot: Size) -> Vec<Text> {
    let mut warnings = Vec::new();
    if info.protected {
        warnings.push(tr!("impose-protected"));
    }
    if !report.turned.is_empty() {
        let warning = tr!(
            "impose-turned",
            count = report.turned.len(),
            pages = pages(&report.turned),
            orientation = orientation(slot)
        );
        warnings.push(with_hint(warning, &tr!("impose-turned-hint")));
    }
    if !report.scaled.is_empty() {
        let pages: Vec<usize> = report.scaled.iter().map(|s| s.0).collect();
        let pc = |v: f64| (v * 100.0).round();
        let low = report.scaled.iter().map(|s| pc(s.1)).fold(f64::INFINITY, f64::min);
        let high = report.scaled.iter().map(|s| pc(s.1)).fold(0.0, f64::max);
        let range =
            if low == high { format!("{low} %") } else { format!("{low}–{high} %") };
        warnings.push(tr!(
            "impose-scaled",
            count = pages.len(),
            pages = self::pages(&pages),
            slot = slot.to_string(),
            range = range
        ));
    }
    if !report.centred.is_empty() {
        warnings.push(tr!(
            "impose-centred",
            count = report.centred.len(),
            pages = pages(&report.centred),
            slot = slot.to_string()
        ));
    }
    warnings
}

/// `portrait` or `landscape`, in words.
fn orientation(size: Size) -> Text {
    if size.is_landscape() { tr!("impose-landscape") } else { tr!("impose-portrait") }
}

/// A warning followed by its hint on an indented line (`\n  hint: …`).
fn with_hint(warning: Text, hint: &Text) -> Text {
    crate::build::print::with_hint(warning, hint)
}

/// Warnings for the user: page content reaching into the printer's margin (from what
/// each page paints, `boxes`, not its slot), blanks added.
fn warnings(
    plan: &Imposition,
    options: &PlanOptions,
    boxes: &[Option<(f64, f64, f64, f64)>],
) -> Vec<Text> {
    let mut warnings = Vec::new();
    let margin = options.printer_margin;
    let hits = livret_impose::margin::intruding_pages(plan, margin, boxes);
    if let Some(deepest) = hits.iter().map(|h| h.1).reduce(f64::max) {
        let pages: Vec<usize> = hits.iter().map(|h| h.0 + 1).collect();
        let shrink = PlanOptions { shrink_to_printable: true, ..options.clone() };
        let fix = match livret_impose::plan(plan.pages, &shrink) {
            Ok(p) if !options.shrink_to_printable => {
                tr!("impose-margin-shrink", scale = (p.scale * 100.0).round() as i64)
            }
            _ => tr!("impose-margin-calibrate"),
        };
        let warning = tr!(
            "impose-in-printer-margin",
            count = pages.len(),
            pages = self::pages(&pages),
            depth = decimal(to_mm(deepest), 1),
            margin = decimal(to_mm(margin), 1)
        );
        warnings.push(with_hint(warning, &fix));
    }
    if plan.padded > plan.pages {
        let count = plan.padded - plan.pages;
        warnings.push(tr!("impose-blank-pages", count = count));
    }
    warnings
}

/// The sides of each output file in print order: one file, or with manual duplex
/// (never for a one-sided zine) the fronts and the backs.
fn side_orders(config: &ImposeConfig, plan: &Imposition) -> Vec<Vec<SideRef>> {
    if config.manual_duplex && plan.scheme != Scheme::Zine {
        let (fronts, backs) = livret_impose::manual_duplex(plan);
        vec![fronts, backs]
    } else {
        vec![livret_impose::print_order(plan)]
    }
}

/// A backend error as the user's: the input named, with its hint.
fn located(input: &Path, err: pdf::PdfError) -> Error {
    pdf_error(input, &err)
}

/// Writes the sheets (and, with manual duplex, the backs beside them as `-backs.pdf`);
/// gives the files written.
fn write_sheets(
    config: &ImposeConfig,
    bytes: &[u8],
    parsed: pdf::PdfInput,
    plan: &Imposition,
    title: &str,
) -> Result<Vec<PathBuf>> {
    let input = &config.input;
    let located = |err: pdf::PdfError| located(input, err);
    // Placing consumes the parsed input; a second file (manual duplex) parses again.
    let mut parsed = Some(parsed);
    let mut files = Vec::new();
    for (i, order) in side_orders(config, plan).into_iter().enumerate() {
        let path = if i == 0 {
            config.output.clone()
        } else {
            with_suffix(&config.output, "-backs")
        };
        let source = match parsed.take() {
            Some(p) => p,
            None => parse_input(config, bytes).map_err(located)?,
        };
        let place = PlaceOptions {
            order,
            marks: config.marks,
            title: title.to_string(),
            fit: page_fit(config),
            turn: config.turn,
        };
        let out = source.impose(plan, &place).map_err(located)?;
        write_atomic(&path, &out)?;
        files.push(path);
    }
    Ok(files)
}

/// The slot size (the most common page size, see [`livret_impose::fit`]) and how every
/// page goes into it; without a fit, a page of another size is refused.
fn check_sizes(
    input: &Path,
    info: &InputInfo,
    mode: PageFit,
    turn: TurnPages,
) -> Result<(Size, FitReport)> {
    let slot = fit::slot_size(&info.sizes, turn)
        .ok_or_else(|| Error::new(tr!("impose-no-pages", input = input)))?;
    let report = FitReport::new(&info.sizes, slot, mode, turn);
    let Some(odd) = report.mismatch else { return Ok((slot, report)) };
    let s = info.sizes[odd - 1];
    let turnable = fit::place(s, slot, PageFit::Exact, TurnPages::Auto).is_some();
    let hint = if turnable {
        tr!("impose-other-orientation-hint")
    } else {
        tr!("impose-one-size-hint")
    };
    let size = format!("{} × {}", fmt(s.width), fmt(s.height));
    let common = format!("{} × {}", fmt(slot.width), fmt(slot.height));
    // Name a page of the slot's size, as it is displayed, when there is one.
    let message = match info.sizes.iter().position(|p| fit::same_size(*p, slot)) {
        Some(k) => tr!(
            "impose-odd-size",
            input = input,
            page = odd,
            size = size,
            like = k + 1,
            common = common
        ),
        None => tr!(
            "impose-odd-size-turned",
            input = input,
            page = odd,
            size = size,
            common = common
        ),
    };
    Err(Error::new(message).with_hint(hint).with_hint(tr!("impose-nothing-written")))
}

/// Millimetres with one decimal (a decimal comma in French), e.g. `148` or `210,5`.
fn fmt(pt: f64) -> String {
    let mm = to_mm(pt);
    let text = format!("{mm:.1}");
    match crate::i18n::current() {
        crate::i18n::UiLang::Fr => text.replace('.', ","),
        crate::i18n::UiLang::En => text,
    }
}
