//! `livret impose`: any PDF onto printer sheets, with a job ticket.

use std::fs;
use std::path::{Path, PathBuf};

use crate::project::preset::{Fit, PrintChoices};
use crate::typeset::render::render_pdf;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_atomic;
use livret_impose::pdf::{self, InputInfo, PlaceOptions};
use livret_impose::ticket::{self, TicketInfo};
use livret_impose::{Imposition, MarkOptions, PlanOptions, Scheme, SideRef, Size, to_mm};

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
    /// Accept pages whose size differs from the first page's, centred in their slot.
    pub center: bool,
    /// Also render every printed side to PNG in this folder: (folder, dpi).
    pub preview: Option<(PathBuf, f64)>,
}

/// What `impose` wrote.
#[derive(Debug, Clone)]
pub struct Imposed {
    /// The plan that was followed.
    pub plan: Imposition,
    /// The files written (PDFs, then the ticket, then the plan).
    pub files: Vec<PathBuf>,
    /// Warnings for the user.
    pub warnings: Vec<String>,
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
            return Err(Error::new(format!(
                "output {} should end in .pdf",
                output.display()
            )));
        }
        let preview_dir = preview.as_ref().map(|(dir, _)| dir.as_path());
        let outputs = planned_outputs(&output, manual_duplex, plan_json.as_deref());
        check_outputs(&input, &outputs, preview_dir)?;
        Ok(Self {
            input,
            output,
            options: choices.plan_options(),
            marks,
            sheet_name: choices.sheet.name.clone(),
            manual_duplex,
            plan_json,
            center: choices.fit == Some(Fit::Center),
            preview,
        })
    }
}

/// One file `livret impose` writes: its path, what it is, and what to change.
struct Planned {
    path: PathBuf,
    what: &'static str,
    fix: &'static str,
}

/// Every file `livret impose` would write besides the previews: the sheets, the
/// backs with manual duplex, the job ticket, the plan.
fn planned_outputs(
    output: &Path,
    manual_duplex: bool,
    plan: Option<&Path>,
) -> Vec<Planned> {
    let mut files = vec![Planned {
        path: output.to_path_buf(),
        what: "the output",
        fix: "choose another -o OUTPUT.pdf",
    }];
    if manual_duplex {
        files.push(Planned {
            path: with_suffix(output, "-backs"),
            what: "the backs file of --manual-duplex",
            fix: "choose another -o OUTPUT.pdf: the backs are written beside it as OUTPUT-backs.pdf",
        });
    }
    files.push(Planned {
        path: output.with_extension("txt"),
        what: "the job ticket",
        fix: "choose another -o OUTPUT.pdf: the job ticket is written beside it as OUTPUT.txt",
    });
    if let Some(plan) = plan {
        files.push(Planned {
            path: plan.to_path_buf(),
            what: "the plan of --plan",
            fix: "choose another --plan FILE.json",
        });
    }
    files
}

/// Refuses, before any work, an output that is the input (by path, through a
/// symlink, or as a hard link), a preview PNG that would be the input, and two
/// outputs that are one file (the second would replace the first).
fn check_outputs(
    input: &Path,
    outputs: &[Planned],
    preview: Option<&Path>,
) -> Result<()> {
    for (i, out) in outputs.iter().enumerate() {
        if same_file(input, &out.path) {
            return Err(Error::new(format!(
                "{} {} would overwrite the input {}",
                out.what,
                out.path.display(),
                input.display()
            ))
            .with_hint(out.fix)
            .with_hint("nothing was written"));
        }
        if let Some(earlier) = outputs[..i].iter().find(|e| same_file(&e.path, &out.path))
        {
            return Err(Error::new(format!(
                "{} {} is also {}: one would replace the other",
                out.what,
                out.path.display(),
                earlier.what
            ))
            .with_hint(out.fix));
        }
    }
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let side_png = name.strip_prefix("side-").and_then(|n| n.strip_suffix(".png"));
    let in_preview = preview.is_some_and(|dir| {
        same_file(
            dir,
            input
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        )
    });
    if in_preview && side_png.is_some_and(|n| n.parse::<usize>().is_ok()) {
        return Err(Error::new(format!(
            "the previews of --preview {} would overwrite the input {}",
            preview.unwrap_or(Path::new(".")).display(),
            input.display()
        ))
        .with_hint(
            "choose another --preview DIR: the sides are written there as side-N.png",
        )
        .with_hint("nothing was written"));
    }
    Ok(())
}

/// Whether two paths name one file: the same existing file (through symlinks, or a
/// hard link: same device and inode), or the same place for files not written yet.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    real_place(a) == real_place(b)
}

/// Where a path leads: its canonical form when it exists, else its folder's canonical
/// form with its name (a file not written yet).
fn real_place(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let parent =
        path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Runs the imposition: read, check, plan, place, write (atomically), ticket.
pub fn impose(config: &ImposeConfig) -> Result<Imposed> {
    let input = &config.input;
    let bytes = fs::read(input).map_err(|err| {
        Error::io("read", input, err).with_hint("give the path of an existing PDF file")
    })?;
    let parsed = pdf::PdfInput::parse(&bytes).map_err(|err| {
        let mut e = Error::new(format!("{}: {err}", input.display()));
        if let Some(hint) = err.hint() {
            e = e.with_hint(hint);
        }
        e.with_hint("nothing was written")
    })?;
    let info = parsed.info();
    let page = check_sizes(input, &info, config.center)?;
    let mut options = config.options.clone();
    options.page = page;
    let plan = livret_impose::plan(info.pages, &options)?;
    let title = info.title.clone().unwrap_or_else(|| {
        input.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string()
    });
    let warnings = warnings(&plan, &info, options.printer_margin);
    let mut files = write_sheets(config, &bytes, parsed, &plan, &title)?;
    let name =
        |p: &Path| p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    let backs_name = files.get(1).map(|p| name(p));
    let ticket_info = TicketInfo {
        title: &title,
        file: &name(&config.output),
        backs_file: backs_name.as_deref(),
        sheet_name: &config.sheet_name,
    };
    let ticket_path = config.output.with_extension("txt");
    write_atomic(&ticket_path, ticket::ticket(&plan, &ticket_info).as_bytes())?;
    files.push(ticket_path);
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
    Ok(Imposed { plan, files, warnings })
}

/// Warnings for the user: pages reaching into the printer's margin, blanks added.
fn warnings(plan: &Imposition, info: &InputInfo, printer_margin: f64) -> Vec<String> {
    let mut warnings = Vec::new();
    // External pages: their content box is unknown, so check the page boxes.
    let boxes: Vec<_> =
        info.sizes.iter().map(|s| Some((0.0, 0.0, s.width, s.height))).collect();
    if let Some(hit) = livret_impose::margin::intrusion(plan, printer_margin, &boxes) {
        warnings.push(format!(
            "{} placed page(s) reach up to {:.1} mm into the printer's {:.1} mm unprintable margin: anything printed closer than that to those page edges will be cut off\n  hint: use --fit shrink to scale the pages into the printable area",
            hit.pages,
            to_mm(hit.depth),
            to_mm(printer_margin)
        ));
    }
    if plan.padded > plan.pages {
        warnings.push(format!(
            "{} blank page(s) added to fill the sheets",
            plan.padded - plan.pages
        ));
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
    let located = |err: pdf::PdfError| Error::new(format!("{}: {err}", input.display()));
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
            None => pdf::PdfInput::parse(bytes).map_err(located)?,
        };
        let place = PlaceOptions {
            order,
            marks: config.marks,
            title: title.to_string(),
            center: config.center,
        };
        let out = source.impose(plan, &place).map_err(located)?;
        write_atomic(&path, &out)?;
        files.push(path);
    }
    Ok(files)
}

/// All pages must share the first page's size (within 0.5 pt), unless centring.
fn check_sizes(input: &Path, info: &InputInfo, center: bool) -> Result<Size> {
    let first = *info.sizes.first().ok_or_else(|| {
        Error::new(format!("{}: the PDF has no pages", input.display()))
    })?;
    let same = |s: &Size| {
        (s.width - first.width).abs() < 0.5 && (s.height - first.height).abs() < 0.5
    };
    if center {
        // Every page fits a slot as large as the largest page.
        let width = info.sizes.iter().map(|s| s.width).fold(0.0, f64::max);
        let height = info.sizes.iter().map(|s| s.height).fold(0.0, f64::max);
        return Ok(Size::new(width, height));
    }
    if let Some(odd) = info.sizes.iter().position(|s| !same(s)) {
        let s = info.sizes[odd];
        return Err(Error::new(format!(
            "{}: page {} is {} × {} mm but page 1 is {} × {} mm",
            input.display(),
            odd + 1,
            fmt(s.width),
            fmt(s.height),
            fmt(first.width),
            fmt(first.height)
        ))
        .with_hint("imposition needs pages of one size; use --fit center to centre every page in a slot of the largest size"));
    }
    Ok(first)
}

/// Millimetres with one decimal.
fn fmt(pt: f64) -> String {
    format!("{:.1}", to_mm(pt))
}

/// `dir/name.pdf` → `dir/name{suffix}.pdf`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("output");
    path.with_file_name(format!("{stem}{suffix}.pdf"))
}
