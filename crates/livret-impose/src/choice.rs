//! The choices a job is made of: scheme, duplex, blanks, binding, and the plan's small
//! direction types (axis, rotation, edge).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How pages are laid out, cut, stacked and folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// One spread per side, sheets nested, fold once, staple on the fold.
    Saddle,
    /// Several spreads per side; cut, stack the piles, fold once: one booklet.
    Cutstack,
    /// Every cell carries the same booklet (step and repeat).
    Copies,
    /// Groups of K sheets folded alone and gathered in order.
    Signatures,
    /// Eight pages on one side of one sheet, folded and slit.
    Zine,
    /// Flat items (one page, or pairs of pages front and back) in step and repeat: as
    /// many as fit, each sheet one item, cut only.
    Cards,
    /// Single leaves for wire, spiral or comb binding: n-up, cut and stack, a binding
    /// margin on the spine edge, no folding.
    Wire,
}

impl Scheme {
    /// Every scheme, in CLI order.
    pub const ALL: [Scheme; 7] = [
        Scheme::Saddle,
        Scheme::Cutstack,
        Scheme::Copies,
        Scheme::Signatures,
        Scheme::Zine,
        Scheme::Cards,
        Scheme::Wire,
    ];

    /// The CLI name.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Saddle => "saddle",
            Scheme::Cutstack => "cutstack",
            Scheme::Copies => "copies",
            Scheme::Signatures => "signatures",
            Scheme::Zine => "zine",
            Scheme::Cards => "cards",
            Scheme::Wire => "wire",
        }
    }

    /// Whether the scheme lays out flat leaves (cut only, never folded).
    pub fn is_flat(self) -> bool {
        matches!(self, Scheme::Cards | Scheme::Wire)
    }
}

impl fmt::Display for Scheme {
    /// Formats as the CLI name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A value of an option that is not one of the accepted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseChoiceError {
    /// What the option is (`scheme`, `duplex`, `blanks`).
    pub what: &'static str,
    /// The text as given.
    pub given: String,
    /// The accepted words.
    pub expected: &'static str,
}

impl fmt::Display for ParseChoiceError {
    /// One lowercase line naming the input and the accepted words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}` (expected {})", self.what, self.given, self.expected)
    }
}

impl std::error::Error for ParseChoiceError {}

impl FromStr for Scheme {
    type Err = ParseChoiceError;

    /// Parses `saddle|cutstack|copies|signatures|zine|cards|wire`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Scheme::ALL.into_iter().find(|scheme| scheme.name() == lower).ok_or_else(|| {
            ParseChoiceError {
                what: "scheme",
                given: s.to_string(),
                expected: "saddle, cutstack, copies, signatures, zine, cards or wire",
            }
        })
    }
}

/// The flip the printer makes between the two sides of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Duplex {
    /// Flip about the sheet's long edge.
    #[default]
    Long,
    /// Flip about the sheet's short edge.
    Short,
}

impl fmt::Display for Duplex {
    /// Formats as the CLI name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Duplex::Long => "long",
            Duplex::Short => "short",
        })
    }
}

impl FromStr for Duplex {
    type Err = ParseChoiceError;

    /// Parses `long|short`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "long" => Ok(Duplex::Long),
            "short" => Ok(Duplex::Short),
            _ => Err(ParseChoiceError {
                what: "duplex",
                given: s.to_string(),
                expected: "long or short",
            }),
        }
    }
}

/// Where padding blanks go in the booklet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Blanks {
    /// Just before the last page, so the back cover stays last (after page 1 when there is one page).
    #[default]
    BeforeLast,
    /// After the last page.
    End,
}

impl FromStr for Blanks {
    type Err = ParseChoiceError;

    /// Parses `before-last|end`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "before-last" => Ok(Blanks::BeforeLast),
            "end" => Ok(Blanks::End),
            _ => Err(ParseChoiceError {
                what: "blanks",
                given: s.to_string(),
                expected: "before-last or end",
            }),
        }
    }
}

/// Which side of the booklet the spine is on when its cover faces the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    /// Spine on the left: left-to-right scripts (Latin).
    #[default]
    Left,
    /// Spine on the right: right-to-left scripts (N'Ko, Arabic); each spread is mirrored.
    Right,
}

impl FromStr for Binding {
    type Err = ParseChoiceError;

    /// Parses `left|right`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "left" => Ok(Binding::Left),
            "right" => Ok(Binding::Right),
            _ => Err(ParseChoiceError {
                what: "binding",
                given: s.to_string(),
                expected: "left or right",
            }),
        }
    }
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Binding::Left => "left",
            Binding::Right => "right",
        })
    }
}

/// A direction on the displayed sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    /// Top to bottom.
    Vertical,
    /// Left to right.
    Horizontal,
}

/// Clockwise rotation of page content as displayed on the sheet; serialised as degrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rotation {
    /// Upright.
    #[default]
    R0,
    /// A quarter turn clockwise (the page's top points right).
    R90,
    /// Upside down.
    R180,
    /// A quarter turn counter-clockwise (the page's top points left).
    R270,
}

impl Rotation {
    /// The rotation in degrees clockwise: 0, 90, 180 or 270.
    pub fn degrees(self) -> u16 {
        match self {
            Rotation::R0 => 0,
            Rotation::R90 => 90,
            Rotation::R180 => 180,
            Rotation::R270 => 270,
        }
    }

    /// The rotation for 0, 90, 180 or 270 degrees (any multiple of 90 is reduced); `None` otherwise.
    pub fn from_degrees(degrees: i64) -> Option<Self> {
        match degrees.rem_euclid(360) {
            0 => Some(Rotation::R0),
            90 => Some(Rotation::R90),
            180 => Some(Rotation::R180),
            270 => Some(Rotation::R270),
            _ => None,
        }
    }

    /// This rotation followed by `other`.
    pub fn then(self, other: Rotation) -> Rotation {
        let sum = i64::from(self.degrees()) + i64::from(other.degrees());
        Rotation::from_degrees(sum).unwrap_or_default()
    }

    /// Whether the page's top points left or right (width and height swap).
    pub fn is_quarter(self) -> bool {
        matches!(self, Rotation::R90 | Rotation::R270)
    }
}

impl Serialize for Rotation {
    /// Serialises as the number of degrees.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.degrees())
    }
}

impl<'de> Deserialize<'de> for Rotation {
    /// Deserialises from 0, 90, 180 or 270.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let degrees = u16::deserialize(deserializer)?;
        Rotation::from_degrees(i64::from(degrees)).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid rotation {degrees} (expected 0, 90, 180 or 270)"
            ))
        })
    }
}

/// An edge of a slot as displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edge {
    /// The left edge.
    Left,
    /// The right edge.
    Right,
    /// The top edge.
    Top,
    /// The bottom edge.
    Bottom,
}

impl Edge {
    /// The edge across the slot.
    pub fn opposite(self) -> Edge {
        match self {
            Edge::Left => Edge::Right,
            Edge::Right => Edge::Left,
            Edge::Top => Edge::Bottom,
            Edge::Bottom => Edge::Top,
        }
    }
}
