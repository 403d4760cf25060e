//! `livret calibrate`: the duplex calibration sheet, drawn by typst and written
//! atomically. No project is needed: only typst's embedded fonts are used.

use std::path::{Path, PathBuf};

use crate::project::preset::Sheet;
use crate::tr;
use crate::typeset::calibration::{self, CalibrationSheet};
use crate::typeset::compile::compile;
use crate::typeset::export;
use crate::typeset::fonts::Fonts;
use crate::typeset::world::{GuideWorld, build_date};
use crate::util::diag::{Error, Result};
use crate::util::fs::write_atomic;
use livret_impose::{Axis, Duplex, MAX_SIDE, Orientation, Size, to_mm};

/// The smallest sheet the sheet's words and rulers fit on, in mm (short, long side).
const MIN_SHEET_MM: (f64, f64) = (200.0, 270.0);

/// The date written in the PDF when `SOURCE_DATE_EPOCH` is not set (it only dates the
/// file: the same options give the same bytes).
const FIXED_DATE: (i32, u8, u8) = (2026, 1, 1);

/// What `livret calibrate` wrote.
#[derive(Debug, Clone)]
pub struct Calibrated {
    /// The PDF written.
    pub output: PathBuf,
    /// The sheet as drawn (portrait or landscape), in pt.
    pub sheet: Size,
    /// The flip axis on the displayed sheet.
    pub flip: Axis,
}

/// Draws the calibration sheet for `sheet`, `duplex` and `orientation` and writes it to
/// `output`; refuses sheets too small for its words or larger than a PDF page may be.
pub fn calibrate(
    sheet: &Sheet,
    duplex: Duplex,
    orientation: Orientation,
    output: &Path,
) -> Result<Calibrated> {
    let is_pdf = output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf {
        return Err(Error::new(tr!("ops-calibrate-not-pdf", path = output))
            .with_hint(tr!("ops-calibrate-not-pdf-hint")));
    }
    let portrait = sheet.size.size().portrait();
    let (short, long) = (to_mm(portrait.width), to_mm(portrait.height));
    if !portrait.is_valid() || portrait.height > MAX_SIDE + 1e-6 {
        return Err(Error::new(tr!(
            "ops-calibrate-too-big",
            sheet = &sheet.name,
            size = size_text(portrait),
            max = to_mm(MAX_SIDE).round() as i64
        ))
        .with_hint(tr!("ops-calibrate-paper-hint")));
    }
    if short < MIN_SHEET_MM.0 - 0.5 || long < MIN_SHEET_MM.1 - 0.5 {
        return Err(Error::new(tr!(
            "ops-calibrate-too-small",
            min = format!("{}×{} mm", MIN_SHEET_MM.0, MIN_SHEET_MM.1),
            sheet = &sheet.name,
            size = format!("{short:.0}×{long:.0} mm")
        ))
        .with_hint(tr!("ops-calibrate-paper-hint")));
    }
    let size = orientation.apply(portrait);
    let drawn = CalibrationSheet { size, duplex, name: sheet.name.to_uppercase() };
    let source = calibration::source(&drawn);
    let root =
        output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let date = build_date(FIXED_DATE)?;
    let world = GuideWorld::new(root, "calibration.typ", source, Fonts::embedded(), date);
    let compiled = compile(&world)?;
    let ident = format!("livret-calibration-{}-{duplex}-{orientation}", sheet.name);
    let bytes = export::pdf(&compiled.document, &ident, date, false)?;
    write_atomic(output, &bytes)?;
    Ok(Calibrated { output: output.to_path_buf(), sheet: size, flip: drawn.flip() })
}

/// The sheet's size in mm as `W×H mm`, for messages.
pub fn size_text(size: Size) -> String {
    format!("{:.0}×{:.0} mm", to_mm(size.width), to_mm(size.height))
}
