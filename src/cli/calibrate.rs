//! `livret calibrate`: writes the duplex calibration sheet and says how to read it.

use crate::cli::args::CalibrateArgs;
use crate::cli::outcome::ExitStatus;
use crate::cli::term;
use crate::ops::calibrate::{self, size_text};
use crate::util::diag::Result;

/// Runs `livret calibrate`.
pub fn run(args: CalibrateArgs) -> Result<ExitStatus> {
    let done =
        calibrate::calibrate(&args.sheet, args.duplex, args.orientation, &args.output)?;
    term::info(&format!(
        "calibration sheet {} {} ({}), duplex {}: print it double-sided at 100%, as your jobs of this orientation",
        args.sheet.name,
        args.orientation,
        size_text(done.sheet),
        args.duplex
    ));
    term::info(
        "read the clipping on the rulers (printer-margin) and, against the light from the back, the offset (back-offset = \"right,up\")",
    );
    term::info(&format!("wrote {}", done.output.display()));
    Ok(ExitStatus::Success)
}
