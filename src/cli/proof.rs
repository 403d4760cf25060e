//! `livret proof`: the side-by-side proof PDF.

use crate::cli::args::ProofArgs;
use crate::cli::budget;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::proof::{self, ProofOptions};
use crate::tr;
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
    term::info(&tr!("cli-proof-wrote", path = &done.pdf, count = done.sheets));
    if let Some((blocks, sheets, unknown)) = done.changes {
        term::info(&tr!("cli-proof-marked", count = blocks, sheets = sheets));
        for chapter in unknown {
            let accept = format!("livret check --lang {lang} --accept {chapter}");
            term::warning(&tr!(
                "cli-proof-hash-only",
                chapter = &chapter,
                command = accept
            ));
        }
    }
    Ok(ExitStatus::Success)
}
