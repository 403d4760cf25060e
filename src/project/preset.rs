//! Print choices, typed once: what a `[[print]]` preset of guide.toml and the options
//! of `livret impose` both say (scheme, sheet, duplex, marks, margins, fit), with the
//! one conversion to the planner's options. Both accept the same values.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, de::Error as _};

use crate::i18n::{Text, decimal};
use crate::project::preset_text::{self, Said};
use crate::tr;
use livret_impose::paper::Paper;
use livret_impose::{
    BackOffset, Binding, Blanks, Duplex, MarkKind, PlanOptions, Scheme, SheetSize, Size,
    mm, to_mm,
};

/// A sheet size and its name as written (lowercase), which print file names use.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The size.
    pub size: SheetSize,
    /// The name as written, lowercase (`a4`, `210x297mm`).
    pub name: String,
}

impl FromStr for Sheet {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::said(text).map_err(String::from)
    }
}

impl Said for Sheet {
    fn said(text: &str) -> Result<Self, Text> {
        Ok(Self { size: SheetSize::said(text)?, name: text.to_lowercase() })
    }
}

/// A finished page size as `--trim` takes it: a standard name (a6, letter) or `WxHmm`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrimSize(pub livret_impose::Size);

impl FromStr for TrimSize {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let lower = text.trim().to_ascii_lowercase().replace(' ', "");
        let named = livret_impose::geometry::STANDARD_PAGES
            .iter()
            .find(|(name, _, _)| name.to_ascii_lowercase().replace(' ', "") == lower);
        if let Some((_, w, h)) = named {
            return Ok(Self(livret_impose::Size::from_mm(*w, *h)));
        }
        let with_unit = if lower.ends_with("mm") || lower.ends_with("in") {
            lower
        } else {
            format!("{lower}mm")
        };
        match with_unit.parse::<livret_impose::SheetSize>() {
            Ok(size) => Ok(Self(size.size())),
            Err(_) => Err(tr!("project-page-size-invalid", text = text).into()),
        }
    }
}

/// How pages whose size differs from the slots' are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Scale the pages down so that they fit inside the printable area.
    Shrink,
    /// Accept pages of other sizes, centred in their slot.
    Center,
}

/// Images in colour or in shades of grey (for a black-and-white printer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    /// As they are.
    #[default]
    #[serde(alias = "color")]
    Colour,
    /// Converted to shades of grey.
    #[serde(alias = "grey")]
    Gray,
}

/// The imposition choices shared by presets and `livret impose`.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintChoices {
    /// The scheme.
    pub scheme: Scheme,
    /// The sheet.
    pub sheet: Sheet,
    /// The flip the printer makes.
    pub duplex: Duplex,
    /// Where padding blanks go.
    pub blanks: Blanks,
    /// Where the spine is.
    pub binding: Binding,
    /// Sheets per signature (for `signatures`).
    pub signature_sheets: Option<usize>,
    /// Creep per sheet in mm; `None`: the paper's thickness when it is given, else 0.
    pub creep_mm: Option<f64>,
    /// The paper, when given (its weight or caliper).
    pub paper: Option<Paper>,
    /// Room on each leaf's spine edge for wire binding, in mm.
    pub binding_margin_mm: Option<f64>,
    /// The printer's unprintable margin in mm (the planner's default when `None`).
    pub printer_margin_mm: Option<f64>,
    /// How pages of other sizes are handled.
    pub fit: Option<Fit>,
    /// How far every back side moves for the printer's misregistration.
    pub back_offset: BackOffset,
}

impl PrintChoices {
    /// Refuses lengths that are not a number of mm ≥ 0; the message names the option
    /// as `name` spells it (`--creep` or `creep`).
    pub fn check(&self, name: impl Fn(&str) -> String) -> Result<(), Text> {
        self.check_keyed(name).map_err(|(_, message)| message)
    }

    /// [`PrintChoices::check`], with the key (as in guide.toml) the message is about.
    pub fn check_keyed(
        &self,
        name: impl Fn(&str) -> String,
    ) -> Result<(), (&'static str, Text)> {
        let lengths = [
            ("creep", self.creep_mm),
            ("printer-margin", self.printer_margin_mm),
            ("binding-margin", self.binding_margin_mm),
        ];
        for (what, value) in lengths {
            if let Some(value) = value
                && (!value.is_finite() || value < 0.0)
            {
                let value = value.to_string();
                let message =
                    tr!("project-length-negative", key = name(what), value = value);
                return Err((what, message));
            }
        }
        if let Some(paper) = self.paper.filter(|p| p.problem().is_some()) {
            let message = match paper {
                Paper::Caliper(pt) => tr!(
                    "project-paper-caliper-range",
                    key = name("caliper"),
                    mm = decimal(to_mm(pt), 3)
                ),
                Paper::Weight(gsm) => tr!(
                    "project-paper-weight-range",
                    key = name("paper-weight"),
                    gsm = decimal(gsm, 1)
                ),
            };
            let key = if matches!(paper, Paper::Caliper(_)) {
                "caliper"
            } else {
                "paper-weight"
            };
            return Err((key, message));
        }
        Ok(())
    }

    /// The planner's options (the page size is filled in later from the document).
    pub fn plan_options(&self) -> PlanOptions {
        let mut options =
            PlanOptions::new(self.scheme, self.sheet.size.size(), Size::new(1.0, 1.0));
        options.duplex = self.duplex;
        options.blanks = self.blanks;
        options.binding = self.binding;
        options.signature_sheets = self.signature_sheets;
        // Without a creep, a given paper's own thickness (each folio moves by one sheet).
        let creep = self.creep_mm.map(mm).or(self.paper.map(Paper::caliper));
        options.creep = creep.unwrap_or(0.0);
        options.paper = self.paper;
        options.binding_margin = self.binding_margin_mm.map_or(0.0, mm);
        if let Some(margin) = self.printer_margin_mm {
            options.printer_margin = mm(margin);
        }
        options.shrink_to_printable = self.fit == Some(Fit::Shrink);
        options.back_offset = self.back_offset;
        options
    }
}

/// One `[[print]]` entry: how a layout is imposed on sheets for printing, typed when
/// guide.toml loads (a bad value is an error at its line and column).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PrintPreset {
    /// The layout this preset prints.
    pub layout: String,
    /// Sheet size: `a4`, `letter`, `210x297mm`, …
    #[serde(deserialize_with = "parsed")]
    pub sheet: Sheet,
    /// Imposition scheme: `saddle`, `cutstack`, `copies`, `signatures`, `zine`.
    #[serde(deserialize_with = "parsed")]
    pub scheme: Scheme,
    /// The flip the printer makes: `long` (default) or `short`.
    #[serde(default, deserialize_with = "parsed_option")]
    pub duplex: Option<Duplex>,
    /// Sheets per signature (for `signatures`).
    #[serde(default)]
    pub signature_sheets: Option<usize>,
    /// Creep per sheet in mm (default: the paper's thickness when given, else 0).
    #[serde(default)]
    pub creep: Option<f64>,
    /// The paper's weight in g/m² (`80`), for creep, spine and the thickness warning.
    #[serde(default, deserialize_with = "paper_weight")]
    pub paper_weight: Option<Paper>,
    /// The paper's thickness instead of its weight: `0.1` (mm) or `"0.1mm"`.
    #[serde(default)]
    pub caliper: Option<Millimetres>,
    /// Room on each leaf's spine edge for wire binding: `8` (mm) or `"8mm"`.
    #[serde(default)]
    pub binding_margin: Option<Millimetres>,
    /// Marks to draw: `crop`, `fold`, `collation`, `slug` (or `all`).
    #[serde(default, deserialize_with = "mark_list")]
    pub marks: Vec<MarkKind>,
    /// Unprintable margin of the printer: `5` (mm) or `"5mm"` (default 4 mm).
    #[serde(default)]
    pub printer_margin: Option<Millimetres>,
    /// How far to move every back side, right then up as seen on the back:
    /// `"1.5mm,-0.5mm"`, as `livret calibrate`'s sheet reads it.
    #[serde(default, deserialize_with = "parsed_option")]
    pub back_offset: Option<BackOffset>,
    /// `shrink`: scale the pages into the printable area; `center`: as `livret impose`.
    #[serde(default)]
    pub fit: Option<Fit>,
    /// `gray` for a black-and-white printer: images are converted to shades of grey.
    #[serde(default)]
    pub colour: Colour,
    /// Copies (or cards) ordered: the ticket and job sheet add 5 % overs and say the
    /// paper it takes (1 to 10 000 000, as `livret impose --quantity`).
    #[serde(default)]
    pub quantity: Option<usize>,
}

impl PrintPreset {
    /// The preset's short name, as its print files are named: `a4-cutstack`,
    /// `a4-saddle-gray`.
    pub fn name(&self) -> String {
        let gray = if self.colour == Colour::Gray { "-gray" } else { "" };
        format!("{}-{}{gray}", self.sheet.name, self.scheme)
    }

    /// The preset's imposition choices.
    pub fn choices(&self) -> PrintChoices {
        PrintChoices {
            scheme: self.scheme,
            sheet: self.sheet.clone(),
            duplex: self.duplex.unwrap_or_default(),
            blanks: Blanks::default(),
            binding: Binding::default(),
            signature_sheets: self.signature_sheets,
            creep_mm: self.creep,
            paper: self.paper_weight.or(self.caliper.map(|c| Paper::Caliper(mm(c.0)))),
            binding_margin_mm: self.binding_margin.map(|m| m.0),
            printer_margin_mm: self.printer_margin.map(|m| m.0),
            fit: self.fit,
            back_offset: self.back_offset.unwrap_or_default(),
        }
    }
}

/// A length ≥ 0 in millimetres, written as a number of mm (`5`) or with its unit
/// (`"5mm"`, `"0.5cm"`, `"0.2in"`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Millimetres(pub f64);

impl Millimetres {
    /// The length if it is finite and not negative.
    fn checked(mm: f64, text: &str) -> Result<Self, String> {
        if mm.is_finite() && mm >= 0.0 {
            Ok(Self(mm))
        } else {
            Err(tr!("project-length-invalid", text = text).into())
        }
    }
}

impl FromStr for Millimetres {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::checked(to_mm(preset_text::length(text).map_err(String::from)?), text)
    }
}

impl<'de> Deserialize<'de> for Millimetres {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Millimetres;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&tr!("project-length-expecting"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Millimetres, E> {
                Millimetres::checked(v, &v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Millimetres, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Millimetres, E> {
                self.visit_f64(v as f64)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Millimetres, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A file size written for people (`"3 MB"`, `"800 kB"`), with the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteSize {
    /// The size in bytes.
    pub bytes: u64,
    /// The size as written.
    pub text: String,
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let bytes = parse_size(&text).map_err(D::Error::custom)?;
        Ok(Self { bytes, text })
    }
}

/// Parses a file size such as `3 MB`, `500 kB` or `1.5 MiB` into bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .trim()
        .parse()
        .map_err(|_| String::from(tr!("project-byte-size-invalid", text = text)))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "kib" => 1024.0,
        "mb" | "m" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "gb" => 1e9,
        other => return Err(tr!("project-byte-size-unit", unit = other).into()),
    };
    if !(number.is_finite() && number > 0.0) {
        return Err(tr!("project-byte-size-not-positive", text = text).into());
    }
    Ok((number * factor).round() as u64)
}

/// Deserializes a string through the type's [`Said`] (its message is the error).
fn parsed<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Said,
{
    let text = String::deserialize(deserializer)?;
    T::said(&text).map_err(D::Error::custom)
}

/// A paper weight written as a number (`80`) or a string (`"80gsm"`).
fn paper_weight<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Paper>, D::Error> {
    let value = toml::Value::deserialize(deserializer)?;
    let text = match value {
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(v) => v.to_string(),
        toml::Value::String(s) => s,
        other => {
            let other = other.to_string();
            return Err(D::Error::custom(tr!(
                "project-paper-weight-invalid",
                value = other
            )));
        }
    };
    preset_text::paper_weight(&text).map(Some).map_err(D::Error::custom)
}

/// [`parsed`] for an optional key.
fn parsed_option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Said,
{
    parsed(deserializer).map(Some)
}

/// A list of marks; an item may itself be comma-separated (`"crop,fold"`).
fn mark_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<MarkKind>, D::Error> {
    let items = Vec::<String>::deserialize(deserializer)?;
    let mut kinds = Vec::new();
    for item in
        items.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty())
    {
        kinds.push(MarkKind::said(item).map_err(D::Error::custom)?);
    }
    Ok(kinds)
}
