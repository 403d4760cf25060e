//! The print files of one target: for each print preset of its layout, the booklet
//! (padded, or with grey images, when the preset needs it) imposed on sheets by
//! typst frames, the ink its sides take, its job ticket and its job sheet.

use std::path::PathBuf;

use crate::build::output::BuiltPrint;
use crate::build::print::{self, PrintJob};
use crate::build::target::{CompiledTarget, Context, TargetSpec, compile_edition};
use crate::images::{ImageCache, ImageTarget};
use crate::project::manifest::{Direction, PrintPreset};
use crate::project::paths::TargetPaths;
use crate::typeset::export;
use crate::typeset::frames::place_frames;
use crate::typeset::ink::{self, InkCoverage, cache::InkCache};
use crate::typeset::job_sheet::{self, JobSheet, Setting};
use crate::util::diag::Result;
use crate::util::fs::write_project;
use livret_impose::{self as impose, Imposition, ticket, ticket::TicketInfo};

/// What the presets made.
#[derive(Default)]
pub struct Printed {
    /// The print files and tickets written.
    pub prints: Vec<BuiltPrint>,
    /// Warnings (content in the printer's margin, blanks added).
    pub warnings: Vec<String>,
    /// The extra compilations (padded or grey), for the inputs they read.
    pub compiled: Vec<CompiledTarget>,
}

/// Writes the print file and ticket of every preset of `spec`'s layout, from
/// `reading` (the print edition) or a recompilation where a preset needs one.
pub fn write(
    ctx: Context,
    spec: &TargetSpec,
    paths: &TargetPaths,
    reading: &CompiledTarget,
    cache: &ImageCache,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<Printed> {
    let manifest = ctx.manifest;
    let page = print::page_size(&reading.compiled.document);
    let mut printed = Printed::default();
    let mut variants: Vec<(usize, bool)> = Vec::new();
    // Pages imposed by several presets are measured once.
    let inks = InkCache::new();
    for preset in manifest.print.iter().filter(|p| p.layout == spec.layout) {
        stage(&format!("print sheets ({} on {})", preset.scheme, preset.sheet.name));
        let job = job_for(preset, manifest.language(spec.lang).map(|l| l.dir));
        let multiple = job.page_multiple(page)?;
        let pages = reading.compiled.document.pages().len();
        let source = if pages.is_multiple_of(multiple) && !job.gray {
            reading
        } else {
            let key = (multiple, job.gray);
            let index = match variants.iter().position(|k| *k == key) {
                Some(index) => index,
                None => {
                    let images = if job.gray {
                        ImageTarget::PRINT.grayscale()
                    } else {
                        ImageTarget::PRINT
                    };
                    let spec = TargetSpec { page_multiple: multiple, ..*spec };
                    printed.compiled.push(compile_edition(ctx, &spec, cache, images)?);
                    variants.push(key);
                    variants.len() - 1
                }
            };
            &printed.compiled[index]
        };
        let (print, warnings) = write_one(ctx, spec.lang, paths, &job, source, &inks)?;
        printed.prints.push(print);
        printed.warnings.extend(warnings);
    }
    Ok(printed)
}

/// The preset as a job; a right-to-left book is bound on the right.
fn job_for(preset: &PrintPreset, dir: Option<Direction>) -> PrintJob {
    let mut job = PrintJob::from_preset(preset);
    if dir == Some(Direction::Rtl) {
        job.options.binding = impose::Binding::Right;
    }
    job
}

/// Imposes `source` by `job`, writes the print file and its ticket.
fn write_one(
    ctx: Context,
    lang: &str,
    paths: &TargetPaths,
    job: &PrintJob,
    source: &CompiledTarget,
    inks: &InkCache,
) -> Result<(BuiltPrint, Vec<String>)> {
    let manifest = ctx.manifest;
    let root = &manifest.root;
    let document = &source.compiled.document;
    let pages = document.pages();
    let plan = job.plan(pages.len(), print::page_size(document))?;
    let title = manifest.title(lang);
    let texts = if job.marks.slug { print::slug_texts(&plan, title) } else { Vec::new() };
    let font =
        manifest.language(lang).and_then(|l| l.fonts.first()).map_or("Andika", |f| f);
    let slugs = crate::typeset::frames::slug_frames(
        root,
        &paths.slugs_typ(),
        ctx.fonts,
        ctx.date,
        font,
        &texts,
    );
    let order = impose::print_order(&plan);
    let sheets =
        place_frames(&plan, pages, &order, job.marks, title, |t| slugs.get(t).cloned());
    let suffix = job.suffix();
    let name = paths.print_stem(&suffix);
    let print_bytes = export::pdf(&sheets, &name, ctx.date, false)?;
    let pdf = paths.print_pdf(&suffix);
    write_project(root, &pdf, &print_bytes)?;
    let ink = ink::pages::imposed(&plan, pages, &order, job.marks, title, job.gray, inks);
    let (ticket_path, job_sheet) = write_tickets(ctx, lang, paths, job, &plan, &ink)?;
    let mut warnings: Vec<String> =
        ink.unmeasured_note().map(|n| format!("{name}: {n}")).into_iter().collect();
    let margin = job.options.printer_margin;
    if let Some(w) = print::margin_warning(&plan, margin, document, &name) {
        warnings.push(w);
    }
    if plan.padded != plan.pages {
        warnings
            .push(format!("{name}: {} blank page(s) added", plan.padded - plan.pages));
    }
    if let Some(t) = impose::thickness::too_thick(&plan) {
        warnings.push(format!(
            "{name}: {} sheets or pieces are folded together: more than the {} that fold and staple cleanly on {} paper\n  hint: scheme = \"signatures\" and signature-sheets = {} ({} signatures) in this [[print]] preset, or give its paper-weight",
            t.stack.leaves, t.limit, t.paper, t.sheets_per_signature, t.signatures
        ));
    }
    let print = BuiltPrint {
        pdf,
        ticket: ticket_path,
        job_sheet,
        ink: Some(ink),
        preset: job.name(),
        sheets: plan.sheets.len(),
        scheme: plan.scheme,
        bytes: print_bytes.len(),
        booklets: plan.ticket().booklets,
    };
    Ok((print, warnings))
}

/// Writes the `.txt` ticket and the job sheet of a print file; gives their paths.
fn write_tickets(
    ctx: Context,
    lang: &str,
    paths: &TargetPaths,
    job: &PrintJob,
    plan: &Imposition,
    ink: &InkCoverage,
) -> Result<(PathBuf, PathBuf)> {
    let manifest = ctx.manifest;
    let root = &manifest.root;
    let suffix = job.suffix();
    let file = format!("{}.pdf", paths.print_stem(&suffix));
    let info = TicketInfo {
        title: manifest.title(lang),
        file: &file,
        backs_file: None,
        sheet_name: &job.sheet_name,
        quantity: None,
        bleed: 0.0,
    };
    let ticket_path = paths.ticket(&suffix);
    write_project(root, &ticket_path, ticket::ticket(plan, &info).as_bytes())?;
    let font =
        manifest.language(lang).and_then(|l| l.fonts.first()).map_or("Andika", |f| f);
    let sheet = JobSheet { plan, info, notes: &[], gray: job.gray, ink: Some(ink), font };
    let setting = Setting {
        root,
        main: &paths.job_sheet_typ(&suffix),
        fonts: ctx.fonts,
        date: ctx.date,
        ident: &paths.job_sheet_stem(&suffix),
    };
    let job_sheet = paths.job_sheet(&suffix);
    write_project(root, &job_sheet, &job_sheet::pdf(&sheet, &setting)?)?;
    Ok((ticket_path, job_sheet))
}
