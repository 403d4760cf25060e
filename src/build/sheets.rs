//! The print files of one target: for each print preset of its layout, the booklet
//! (padded, or with grey images, when the preset needs it) imposed on sheets by
//! typst frames, the ink its sides take, its job ticket and its job sheet.

use std::path::PathBuf;

use typst_layout::PagedDocument;

use crate::build::output::{BuiltPrint, Output, OutputKind, Written};
use crate::build::print::{self, PrintJob};
use crate::build::target::{Context, EditionDoc, TargetSpec, TargetWork};
use crate::i18n::Text;
use crate::images::{ImageCache, ImageTarget};
use crate::project::manifest::{Direction, PrintPreset};
use crate::project::paths::TargetPaths;
use crate::tr;
use crate::typeset::export;
use crate::typeset::frames::place_frames;
use crate::typeset::ink::{self, InkCoverage, cache::InkCache};
use crate::typeset::job_sheet::{self, JobSheet, Setting};
use crate::util::diag::Result;
use livret_impose::{self as impose, Imposition, ticket, ticket::TicketInfo};

/// What the presets made.
#[derive(Default)]
pub struct Printed {
    /// The print files and tickets written.
    pub prints: Vec<BuiltPrint>,
    /// Warnings (content in the printer's margin, blanks added).
    pub warnings: Vec<Text>,
    /// Every file written, hashed from its bytes.
    pub outputs: Vec<Output>,
}

/// Writes the print file and ticket of every preset of `spec`'s layout, from
/// `reading` (the print edition) or, where a preset needs more pages or grey images,
/// an edition compiled for it on the target's world.
pub fn write(
    ctx: Context,
    spec: &TargetSpec,
    paths: &TargetPaths,
    work: &mut TargetWork,
    reading: &EditionDoc,
    cache: &ImageCache,
    stage: &(dyn Fn(&str) + Sync),
) -> Result<Printed> {
    let manifest = ctx.manifest;
    let page = print::page_size(&reading.compiled.document);
    let mut printed = Printed::default();
    let mut written = Written::new(&manifest.root);
    let mut variants: Vec<((usize, bool), EditionDoc)> = Vec::new();
    // Pages imposed by several presets are measured once.
    let inks = InkCache::new();
    for preset in manifest.print.iter().filter(|p| p.layout == spec.layout) {
        stage(&tr!(
            "build-stage-print-sheets",
            scheme = preset.scheme.to_string(),
            sheet = &preset.sheet.name
        ));
        let job = job_for(preset, manifest.language(spec.lang).map(|l| l.dir));
        let multiple = job.page_multiple(page)?;
        let pages = reading.compiled.document.pages().len();
        let source = if pages.is_multiple_of(multiple) && !job.gray {
            reading
        } else {
            let key = (multiple, job.gray);
            let index = match variants.iter().position(|(k, _)| *k == key) {
                Some(index) => index,
                None => {
                    let images = if job.gray {
                        ImageTarget::PRINT.grayscale()
                    } else {
                        ImageTarget::PRINT
                    };
                    variants.push((key, work.edition(cache, images, multiple)?));
                    variants.len() - 1
                }
            };
            &variants[index].1
        };
        let (print, warnings) = write_one(
            ctx,
            spec.lang,
            paths,
            &job,
            &source.compiled.document,
            &mut written,
            &inks,
        )?;
        printed.prints.push(print);
        printed.warnings.extend(warnings);
    }
    printed.outputs = written.outputs;
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

/// Imposes `document` by `job`, writes the print file, its ticket and job sheet.
fn write_one(
    ctx: Context,
    lang: &str,
    paths: &TargetPaths,
    job: &PrintJob,
    document: &PagedDocument,
    written: &mut Written,
    inks: &InkCache,
) -> Result<(BuiltPrint, Vec<Text>)> {
    let manifest = ctx.manifest;
    let root = &manifest.root;
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
    written.write_path(&pdf, &print_bytes, OutputKind::Print)?;
    let ink = ink::pages::imposed(&plan, pages, &order, job.marks, title, job.gray, inks);
    let thick = impose::thickness::warning(&plan, impose::thickness::Asked::Preset);
    let notes: Vec<ticket::Note> = thick
        .iter()
        .map(|w| ticket::Note { fr: w.note_fr.clone(), en: w.note_en.clone() })
        .collect();
    let (ticket_path, job_sheet) =
        write_tickets(ctx, lang, paths, job, (&plan, &notes), &ink, written)?;
    let mut warnings: Vec<Text> = ink
        .unmeasured_note()
        .map(|n| Text::raw(name.as_str()).join(": ", &Text::of(n)))
        .into_iter()
        .collect();
    let margin = job.options.printer_margin;
    if let Some(w) = print::margin_warning(&plan, margin, document, &name) {
        warnings.push(w);
    }
    if plan.padded != plan.pages {
        let count = plan.padded - plan.pages;
        warnings.push(tr!("build-blank-pages-added", name = &name, count = count));
    }
    if let Some(w) = print::thick_warning(&plan, impose::thickness::Asked::Preset) {
        warnings.push(Text::raw(name.as_str()).join(": ", &w));
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

/// Writes the `.txt` ticket and the job sheet of a print file, with the notes about the
/// job (a stack too thick to fold); gives their paths.
fn write_tickets(
    ctx: Context,
    lang: &str,
    paths: &TargetPaths,
    job: &PrintJob,
    (plan, notes): (&Imposition, &[ticket::Note]),
    ink: &InkCoverage,
    written: &mut Written,
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
        quantity: job.quantity,
        bleed: 0.0,
    };
    let ticket_path = paths.ticket(&suffix);
    written.write_path(
        &ticket_path,
        ticket::ticket_with_notes(plan, &info, notes).as_bytes(),
        OutputKind::Ticket,
    )?;
    let font =
        manifest.language(lang).and_then(|l| l.fonts.first()).map_or("Andika", |f| f);
    let sheet = JobSheet { plan, info, notes, gray: job.gray, ink: Some(ink), font };
    let setting = Setting {
        root,
        main: &paths.job_sheet_typ(&suffix),
        fonts: ctx.fonts,
        date: ctx.date,
        ident: &paths.job_sheet_stem(&suffix),
    };
    let job_sheet = paths.job_sheet(&suffix);
    written.write_path(
        &job_sheet,
        &job_sheet::pdf(&sheet, &setting)?,
        OutputKind::JobSheet,
    )?;
    Ok((ticket_path, job_sheet))
}
