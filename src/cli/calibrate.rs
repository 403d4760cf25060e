//! `livret calibrate`: writes the duplex calibration sheet and says how to read it.

use crate::cli::args::CalibrateArgs;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::calibrate::{self, size_text};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret calibrate`.
pub fn run(args: CalibrateArgs) -> Result<ExitStatus> {
    let done =
        calibrate::calibrate(&args.sheet, args.duplex, args.orientation, &args.output)?;
    term::info(&tr!(
        "cli-calibrate-sheet",
        sheet = args.sheet.name.to_string(),
        orientation = args.orientation.to_string(),
        size = size_text(done.sheet),
        duplex = args.duplex.to_string()
    ));
    term::info(&tr!("cli-calibrate-read"));
    term::info(&tr!("cli-wrote", path = &done.output));
    Ok(ExitStatus::Success)
}
