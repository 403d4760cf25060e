//! `livret preview`: page PNGs and contact sheets.

use crate::cli::args::PreviewArgs;
use crate::cli::budget;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::preview::{self, PreviewOptions};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret preview`.
pub fn run(args: PreviewArgs) -> Result<ExitStatus> {
    let options = PreviewOptions {
        project: args.project.project,
        langs: args.langs,
        layouts: args.layouts,
        dpi: args.dpi,
        pages: !args.contact_only,
        system_fonts: args.fonts.system_fonts,
    };
    let previews =
        budget::within(args.timeout, "preview", move || preview::preview(&options))?;
    for done in previews {
        term::info(&tr!(
            "cli-preview-wrote",
            path = &done.contact_sheet,
            count = done.pages.len()
        ));
    }
    Ok(ExitStatus::Success)
}
