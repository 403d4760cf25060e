//! `livret impose`: typed options → the imposition → warnings and the files written.

use livret_impose::MarkOptions;

use crate::cli::args::ImposeArgs;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::impose::{self, ImposeConfig};
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
    let done = impose::impose(&config)?;
    for warning in &done.warnings {
        term::warning(warning);
    }
    for note in &done.notes {
        term::info(note);
    }
    let t = done.plan.ticket();
    term::info(&format!(
        "{} pages → {} {} sheet(s) of {} ({} booklet(s))",
        t.pages, t.sheets, t.scheme, config.sheet_name, t.booklets
    ));
    let (sheet, back) = ink::sheet_side(done.ink.fullest_page, done.plan.one_sided());
    term::info(&format!(
        "ink per printed side: {} on average, {} on the fullest (sheet {sheet}, {}; C+M+Y+K, solid black = 100 %)",
        ink::percent(done.ink.mean.total()),
        ink::percent(done.ink.fullest_total),
        if back { "back" } else { "front" }
    ));
    for file in &done.files {
        term::info(&format!("wrote {}", file.display()));
    }
    Ok(ExitStatus::Success)
}
