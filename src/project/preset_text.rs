//! A print preset's values read from their text in guide.toml (or on the command
//! line), refused with a message in the interface language: the imposition crate's
//! own parsers speak English only, so their refusals are said here again.

use std::str::FromStr;

use livret_impose::paper::Paper;
use livret_impose::{
    BackOffset, Binding, Blanks, Duplex, MarkKind, ParseChoiceError, PlanError, Scheme,
    SheetSize, parse_length,
};

use crate::i18n::{Text, decimal};
use crate::tr;
use crate::util::plan_error;

/// A value read from its text, or why the text is not one (in the interface language).
pub trait Said: Sized {
    /// The value `text` writes, or why it does not.
    fn said(text: &str) -> Result<Self, Text>;
}

/// One of a fixed set of words (`saddle`, `long`…), or the words there are.
fn choice<T: FromStr<Err = ParseChoiceError>>(text: &str) -> Result<T, Text> {
    text.parse().map_err(|e: ParseChoiceError| {
        let expected = e.expected.replace(" or ", ", ");
        tr!("project-choice-unknown", key = e.what, given = e.given, expected = expected)
    })
}

impl Said for Scheme {
    fn said(text: &str) -> Result<Self, Text> {
        choice(text)
    }
}

impl Said for Duplex {
    fn said(text: &str) -> Result<Self, Text> {
        choice(text)
    }
}

impl Said for Blanks {
    fn said(text: &str) -> Result<Self, Text> {
        choice(text)
    }
}

impl Said for Binding {
    fn said(text: &str) -> Result<Self, Text> {
        choice(text)
    }
}

impl Said for SheetSize {
    fn said(text: &str) -> Result<Self, Text> {
        text.parse().map_err(|_| tr!("project-sheet-invalid", given = text))
    }
}

impl Said for MarkKind {
    fn said(text: &str) -> Result<Self, Text> {
        text.parse().map_err(|_| tr!("project-mark-unknown", mark = text))
    }
}

impl Said for BackOffset {
    /// Two lengths, right then up (`1.5mm,-0.5mm`), each within what a printer
    /// misregisters.
    /// Decimals may take a comma (`1,5mm,-0,5mm`) where only one reading of the commas
    /// gives two lengths, as the imposition crate reads them.
    fn said(text: &str) -> Result<Self, Text> {
        if let Ok(offset) = text.parse::<BackOffset>() {
            return Ok(offset);
        }
        let parts: Vec<&str> = text.split(',').collect();
        let [x, y] = parts.as_slice() else {
            return Err(tr!("project-back-offset-form", text = text));
        };
        let offset = BackOffset { x: length(x)?, y: length(y)? };
        if offset.bad_axis().is_none() {
            // Two lengths the crate still refused: one value with a decimal comma
            // (`1,5mm`), which could as well be 1 mm and 5 mm.
            return Err(tr!("project-back-offset-one-value", text = text.trim()));
        }
        match offset.bad_axis() {
            Some((axis, value)) => {
                Err(plan_error::message(&PlanError::BackOffset { axis, value }))
            }
            None => Ok(offset),
        }
    }
}

/// A length (`1.5mm`, `0.5cm`, `0.2in`, `3pt`, a bare number of mm) in pt, or why
/// `text` is not one.
pub fn length(text: &str) -> Result<f64, Text> {
    parse_length(text).map_err(|_| {
        let t = text.trim();
        let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
        let (number, unit) = t.split_at(split);
        match number.trim().parse::<f64>() {
            Ok(value) if value.is_finite() => {
                tr!("project-length-unit", unit = unit.trim(), text = text)
            }
            _ => tr!("project-length-not-a-length", text = text),
        }
    })
}

/// A paper weight (`80`, `80gsm`, `80 g/m²`) a printer takes, or why not.
pub fn paper_weight(text: &str) -> Result<Paper, Text> {
    let gsm = livret_impose::paper::weight_number(text)
        .ok_or_else(|| tr!("project-paper-weight-invalid", value = text))?;
    let paper = Paper::Weight(gsm);
    match paper.problem() {
        Some(_) => Err(tr!(
            "project-paper-weight-range",
            key = "paper-weight",
            gsm = decimal(gsm, 1)
        )),
        None => Ok(paper),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_what_to_write() {
        let said = |r: Result<BackOffset, Text>| r.unwrap_err().to_string();
        assert!(said(BackOffset::said("1.5")).contains("two lengths"));
        assert!(said(BackOffset::said("1,5mm")).contains("one value"));
        assert!(said(BackOffset::said("1,5,2")).contains("two lengths"));
        assert_eq!(
            BackOffset::said("1,5mm,-0,5mm").unwrap(),
            BackOffset::from_mm(1.5, -0.5)
        );
        assert!(said(BackOffset::said("25mm,0")).contains("25 mm on x"));
        assert!(
            said(BackOffset::said("1mm,2furlongs")).contains("unknown unit `furlongs`")
        );
        assert!(said(BackOffset::said("1mm,wide")).contains("`wide` is not a length"));
        assert_eq!(
            BackOffset::said("1.5mm,-0.5mm").unwrap(),
            BackOffset::from_mm(1.5, -0.5)
        );
        let scheme = Scheme::said("saddel").unwrap_err();
        assert!(scheme.contains("`saddel`") && scheme.contains("cutstack"), "{scheme}");
        assert!(SheetSize::said("a9").unwrap_err().contains("`a9`"));
        assert!(MarkKind::said("bleed").unwrap_err().contains("`bleed`"));
        assert!(paper_weight("heavy").unwrap_err().contains("`heavy`"));
        assert!(paper_weight("900").unwrap_err().contains("900 g/m²"));
        assert_eq!(paper_weight("80gsm").unwrap(), Paper::Weight(80.0));
    }
}
