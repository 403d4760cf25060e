//! `livret proof`: the side-by-side proof PDF.

use crate::cli::args::ProofArgs;
use crate::cli::budget;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::proof::{self, ProofOptions};
use crate::util::diag::Result;

/// Runs `livret proof`.
pub fn run(args: ProofArgs) -> Result<ExitStatus> {
    let lang = args.lang.clone();
    let options = ProofOptions {
        project: args.project.project,
        lang: args.lang,
        against: args.against,
        layout: args.layout,
        changes: args.changes,
        system_fonts: args.fonts.system_fonts,
    };
    let done = budget::within(args.timeout, "proof", move || proof::proof(&options))?;
    term::info(&format!("wrote {} ({} proof sheet(s))", done.pdf.display(), done.sheets));
    if let Some((blocks, sheets, unknown)) = done.changes {
        term::info(&format!(
            "marked {blocks} changed block(s) since acceptance, on {sheets} sheet(s)"
        ));
        for chapter in unknown {
            term::warning(&format!(
                "{chapter}: the source changed since it was accepted, but only its hash was \
                 kept: its changes are not marked (once it is reviewed, `livret check --lang \
                 {lang} --accept {chapter}` keeps a snapshot)"
            ));
        }
    }
    Ok(ExitStatus::Success)
}
