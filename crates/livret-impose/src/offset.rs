//! Lengths as people write them (`5mm`, `0.2in`, `5`) and the back offset that makes up
//! for a printer's duplex misregistration.
//!
//! Sign convention of [`BackOffset`], from the operator's point of view: looking at the
//! back of the sheet (as the PDF shows it), `x` moves the back's print to the right and
//! `y` moves it up. It is what `livret calibrate`'s sheet reads: held against the light,
//! back side facing you, the front's cross falls on the back's graduated cross at `x`
//! (right +) and `y` (up +); moving the back by that much brings the two crosses together.
//!
//! The frame is the sheet as displayed in the print file. A printer's driver turns a
//! landscape page a quarter (one way or the other) to feed it, so an offset read on a
//! portrait calibration sheet does not apply to a landscape job: it is measured on a
//! calibration sheet of the job's own orientation (`livret calibrate --orientation
//! landscape`, the command each ticket quotes), which the driver turns the same way as
//! the job's sheets; then it cancels the misregistration whichever way the driver turns.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::geometry::{PT_PER_IN, PT_PER_MM, to_mm};

/// The largest back offset accepted on either axis, in mm: a printer further off than
/// this is not misregistering but printing at another scale or flip.
pub const MAX_BACK_OFFSET_MM: f64 = 20.0;

/// Parses a length: a number with a unit `mm`, `cm`, `in` or `pt`, or a bare number of
/// millimetres, its decimals after a point or a comma (`4,5mm`); returns pt. Negative
/// values are allowed here (callers bound them).
pub fn parse_length(text: &str) -> Result<f64, String> {
    let pointed;
    let t = match text.trim().split_once(',') {
        Some((whole, rest)) => match decimal_comma(&[whole, rest]) {
            Some(t) => {
                pointed = t;
                pointed.as_str()
            }
            None => text.trim(),
        },
        None => text.trim(),
    };
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let bad = || {
        format!("`{text}` is not a length; write a number with its unit, e.g. \"1.5mm\"")
    };
    let value: f64 = number.trim().parse().map_err(|_| bad())?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "mm" => PT_PER_MM,
        "cm" => 10.0 * PT_PER_MM,
        "in" => PT_PER_IN,
        "pt" => 1.0,
        other => return Err(format!("unknown unit `{other}` in `{text}`; use mm")),
    };
    if !value.is_finite() {
        return Err(bad());
    }
    Ok(value * factor)
}

/// How far to move every back side to make up for the printer's misregistration, in pt:
/// `x` to the right and `y` up, as the back is seen (see the module's conventions).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct BackOffset {
    /// To the right, in pt, looking at the back.
    pub x: f64,
    /// Up, in pt, looking at the back.
    pub y: f64,
}

impl BackOffset {
    /// An offset from millimetres: `x` to the right, `y` up.
    pub fn from_mm(x: f64, y: f64) -> Self {
        Self { x: x * PT_PER_MM, y: y * PT_PER_MM }
    }

    /// Whether it moves nothing.
    pub fn is_zero(&self) -> bool {
        self.x == 0.0 && self.y == 0.0
    }

    /// The displacement on the displayed sheet (x right, y down), in pt.
    pub fn sheet_shift(&self) -> (f64, f64) {
        (self.x, -self.y)
    }

    /// Why it cannot be used, if it cannot: not finite, or beyond
    /// [`MAX_BACK_OFFSET_MM`] on an axis.
    pub fn problem(&self) -> Option<String> {
        let (axis, value) = self.bad_axis()?;
        Some(if value.is_finite() {
            format!(
                "a back offset of {} mm on {axis} is more than the {MAX_BACK_OFFSET_MM} mm a printer misregisters",
                fmt_signed(value)
            )
        } else {
            format!("the back offset's {axis} is not a number")
        })
    }

    /// The first axis (`x` or `y`) whose value cannot be used, with that value in pt:
    /// not finite, or beyond [`MAX_BACK_OFFSET_MM`].
    pub fn bad_axis(&self) -> Option<(&'static str, f64)> {
        [("x", self.x), ("y", self.y)].into_iter().find(|(_, value)| {
            !value.is_finite() || to_mm(*value).abs() > MAX_BACK_OFFSET_MM + 1e-9
        })
    }
}

/// A length in pt as signed millimetres with at most two decimals (`1.5`, `-0.25`, `0`).
fn fmt_signed(pt: f64) -> String {
    let v = (to_mm(pt) * 100.0).round() / 100.0;
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".into() } else { text.into() }
}

impl fmt::Display for BackOffset {
    /// Formats as it is written: `1.5mm,-0.5mm`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}mm,{}mm", fmt_signed(self.x), fmt_signed(self.y))
    }
}

impl FromStr for BackOffset {
    type Err = String;

    /// Parses `X,Y` (two lengths, e.g. `1.5mm,-0.5mm`; bare numbers are mm) and refuses
    /// offsets beyond [`MAX_BACK_OFFSET_MM`]. Decimals may be written with a comma, as in
    /// French (`1,5mm,-0,5mm`), when only one reading of the commas gives two lengths.
    fn from_str(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split(',').collect();
        if let Some((one, pointed)) = one_decimal_length(&parts) {
            let (x, y) = (parts[0].trim(), parts[1].trim());
            return Err(format!(
                "`{text}` reads as {one} (one value) or as {x} and {y}: give both offsets, right then up, e.g. \"{},0mm\" or \"{pointed},0mm\"",
                text.trim()
            ));
        }
        let readings: Vec<(f64, f64)> = (1..parts.len())
            .filter_map(|k| {
                let x = decimal_comma(&parts[..k])?;
                let y = decimal_comma(&parts[k..])?;
                Some((parse_length(&x).ok()?, parse_length(&y).ok()?))
            })
            .collect();
        let (x, y) = match (readings.as_slice(), parts.as_slice()) {
            ([one], _) => *one,
            // Two plain lengths that do not parse: say which one is wrong.
            ([], [x, y]) => (parse_length(x)?, parse_length(y)?),
            ([], _) => {
                return Err(format!(
                    "`{text}` is not a back offset; write two lengths, right then up, e.g. \"1.5mm,-0.5mm\""
                ));
            }
            _ => {
                return Err(format!(
                    "`{text}` can be read more than one way: write the decimals with a point, e.g. \"1.5mm,-0.5mm\""
                ));
            }
        };
        let offset = BackOffset { x, y };
        match offset.problem() {
            Some(problem) => Err(problem),
            None => Ok(offset),
        }
    }
}

/// The one length `parts` make when they are a single number with a decimal comma
/// (`1` and `5mm`: `1,5 mm`), as the user wrote it: such a text is also two lengths
/// (1 and 5 mm), so it is refused rather than guessed; with its pointed form (`1.5mm`).
/// `0,0` reads as no offset both ways: accepted.
fn one_decimal_length(parts: &[&str]) -> Option<(String, String)> {
    let [_, _] = parts else { return None };
    let pointed = decimal_comma(parts)?.replace(' ', "");
    // `0,0` is no offset either way.
    if parse_length(&pointed).ok()? == 0.0 {
        return None;
    }
    let split = pointed.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(pointed.len());
    let (number, unit) = pointed.split_at(split);
    let pointed = if unit.is_empty() { format!("{pointed}mm") } else { pointed.clone() };
    let unit = if unit.is_empty() { "mm" } else { unit };
    Some((format!("{} {unit}", number.replace('.', ",")), pointed))
}

/// One length from the comma-separated `parts` it was split into: one part as it is, or
/// two read as a decimal comma (`1` and `5mm` give `1.5mm`): the first a whole number
/// with no unit, the second digits and an optional unit.
fn decimal_comma(parts: &[&str]) -> Option<String> {
    match parts {
        [one] => Some(one.to_string()),
        [whole, fraction] => {
            let whole = whole.trim();
            let digits = whole.strip_prefix(['-', '+']).unwrap_or(whole);
            let fraction = fraction.trim_end();
            let decimals =
                fraction.trim_end_matches(|c: char| c.is_ascii_alphabetic()).trim_end();
            let ok = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && !decimals.is_empty()
                && decimals.chars().all(|c| c.is_ascii_digit());
            ok.then(|| format!("{whole}.{fraction}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::mm;

    #[test]
    fn lengths_take_units_and_bare_millimetres() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(parse_length("5mm").unwrap(), mm(5.0)));
        assert!(close(parse_length(" 5 ").unwrap(), mm(5.0)));
        assert!(close(parse_length("0.5cm").unwrap(), mm(5.0)));
        assert!(close(parse_length("1in").unwrap(), 72.0));
        assert!(close(parse_length("-3pt").unwrap(), -3.0));
        assert!(parse_length("abc").is_err());
        assert!(parse_length("5km").unwrap_err().contains("unknown unit `km`"));
        assert!(parse_length("").is_err());
        assert!(parse_length("inf").is_err());
        assert!(close(parse_length("4,5mm").unwrap(), mm(4.5)));
        assert!(close(parse_length("-0,25").unwrap(), mm(-0.25)));
        assert!(parse_length("4,5,6").is_err());
    }

    #[test]
    fn offsets_need_two_sane_lengths() {
        let o: BackOffset = "1.5mm,-0.5mm".parse().unwrap();
        assert!((to_mm(o.x) - 1.5).abs() < 1e-9 && (to_mm(o.y) + 0.5).abs() < 1e-9);
        assert_eq!(o.to_string(), "1.5mm,-0.5mm");
        assert_eq!(o.sheet_shift(), (o.x, -o.y));
        assert!("1.5".parse::<BackOffset>().unwrap_err().contains("two lengths"));
        assert!("1.5mm".parse::<BackOffset>().is_err());
        assert!("1,2,3".parse::<BackOffset>().is_err());
        assert!("abc".parse::<BackOffset>().is_err());
        let huge = "30mm,0".parse::<BackOffset>().unwrap_err();
        assert!(huge.contains("30 mm on x"), "{huge}");
        assert!("0,-2cm".parse::<BackOffset>().is_ok());
        assert!("0,-2.1cm".parse::<BackOffset>().is_err());
        assert!(BackOffset::default().is_zero());
    }

    #[test]
    fn offsets_take_a_decimal_comma_when_it_reads_one_way() {
        let mm_of = |t: &str| {
            let o: BackOffset = t.parse().unwrap_or_else(|e| panic!("{t}: {e}"));
            ((to_mm(o.x) * 100.0).round() / 100.0, (to_mm(o.y) * 100.0).round() / 100.0)
        };
        // As a French reader writes what the calibration sheet shows.
        assert_eq!(mm_of("1,5mm,-0,5mm"), (1.5, -0.5));
        assert_eq!(mm_of("1,5,-0,5"), (1.5, -0.5));
        assert_eq!(mm_of("1,5mm,2mm"), (1.5, 2.0));
        assert_eq!(mm_of("1,-0,25mm"), (1.0, -0.25));
        assert_eq!(mm_of("0,5 mm, -1 mm"), (0.5, -1.0));
        // A point still works, and mixes with a comma.
        assert_eq!(mm_of("1.5mm,-0,5mm"), (1.5, -0.5));
        // `1,5,2` is 1.5 and 2, or 1 and 5.2: refused, with what to write.
        let both = "1,5,2".parse::<BackOffset>().unwrap_err();
        assert!(both.contains("more than one way") && both.contains("point"), "{both}");
        // A unit before the comma is not a decimal: `5mm,2mm,3` has no reading.
        assert!("5mm,2mm,3".parse::<BackOffset>().unwrap_err().contains("two lengths"));
        // `1,5mm` is 1,5 mm alone, or 1 mm and 5 mm: refused, with both ways to write it.
        let one = "1,5mm".parse::<BackOffset>().unwrap_err();
        assert!(one.contains("reads as 1,5 mm (one value) or as 1 and 5mm"), "{one}");
        assert!(one.contains("\"1,5mm,0mm\" or \"1.5mm,0mm\""), "{one}");
        let bare = "-0,5".parse::<BackOffset>().unwrap_err();
        assert!(
            bare.contains("-0,5 mm (one value)") && bare.contains("\"-0.5mm,0mm\""),
            "{bare}"
        );
        // Two lengths with their units are not a decimal: `1mm,5mm` is read as it is.
        assert_eq!(mm_of("1mm,5mm"), (1.0, 5.0));
        assert_eq!(mm_of("0,0"), (0.0, 0.0));
        assert!("1,5mm,30mm".parse::<BackOffset>().unwrap_err().contains("30 mm on y"));
    }
}
