//! `livret impose`: typed options → the imposition → warnings and the files written.

use livret_impose::MarkOptions;

use crate::cli::args::ImposeArgs;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::i18n;
use crate::ops::impose::{self, ImposeConfig};
use crate::tr;
use crate::typeset::ink;
use crate::util::diag::Result;

/// Runs `livret impose`.
pub fn run(args: ImposeArgs) -> Result<ExitStatus> {
    let choices = args.choices();
    let preview = args.preview_checked()?;
    let trim = args.trim_rule();
    let config = ImposeConfig::new(
        args.input,
        args.output,
        &choices,
        MarkOptions::from_kinds(&args.marks),
        args.manual_duplex,
        args.plan,
        preview,
    )?;
    let binding_from_input = args.binding.is_none();
    let quantity = args.quantity.map(|q| q as usize);
    let config =
        ImposeConfig { turn: args.rotate, binding_from_input, trim, quantity, ..config };
    // The parsed input is freed before pages are drawn on other threads: let them
    // reuse its memory (peak 92 MB, not 110, on a 615-page manual).
    crate::util::heap::one_heap();
    let done = impose::impose(&config)?;
    for warning in &done.warnings {
        term::warning(warning);
    }
    for note in &done.notes {
        term::info(note);
    }
    let t = done.plan.ticket();
    term::info(&tr!(
        "cli-impose-summary",
        pages = t.pages,
        sheets = t.sheets,
        scheme = t.scheme.to_string(),
        sheet = term::sheet_name(&config.sheet_name),
        booklets = t.booklets
    ));
    let (sheet, back) = ink::sheet_side(done.ink.fullest_page, done.plan.one_sided());
    let mean = i18n::decimal((done.ink.mean.total() * 100.0).round(), 0);
    let max = i18n::decimal((done.ink.fullest_total * 100.0).round(), 0);
    let ink_line = match done.ink.estimated {
        _ if done.ink.none_measured(done.plan.pages) => tr!("cli-impose-ink-none"),
        Some(e) => tr!(
            "cli-impose-ink-estimated",
            mean = mean,
            measured = e.measured,
            pages = e.pages
        ),
        None if back => tr!("cli-impose-ink-back", mean = mean, max = max, sheet = sheet),
        None => tr!("cli-impose-ink-front", mean = mean, max = max, sheet = sheet),
    };
    term::info(&ink_line);
    for file in &done.files {
        term::info(&tr!("cli-wrote", path = file));
    }
    Ok(ExitStatus::Success)
}
