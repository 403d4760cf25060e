//! Units and sizes: every length is in PDF points (1 pt = 1/72 in), origin at the
//! top-left of a sheet side as displayed, y growing down.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Points per millimetre (72 / 25.4).
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// Points per inch.
pub const PT_PER_IN: f64 = 72.0;

/// Tolerance in pt for comparing lengths (a millionth of a point).
pub const EPS: f64 = 1e-6;

/// How much larger than the room a page may be and still count as fitting, in pt
/// (0.18 mm). PDF producers round sizes: an A5 page written as 419.53 × 595.28 pt must
/// still go two-up on an A4 sheet of 595.2756 pt.
pub const FIT_TOLERANCE: f64 = 0.5;

/// Smallest page or sheet side accepted, in pt (1 cm).
pub const MIN_SIDE: f64 = 72.0 / 2.54;

/// Largest page or sheet side accepted, in pt (200 in, 5080 mm: the PDF limit).
pub const MAX_SIDE: f64 = 14_400.0;

/// Converts millimetres to points.
pub fn mm(value: f64) -> f64 {
    value * PT_PER_MM
}

/// Converts points to millimetres.
pub fn to_mm(pt: f64) -> f64 {
    pt / PT_PER_MM
}

/// A width and a height in pt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Size {
    /// Horizontal extent in pt.
    pub width: f64,
    /// Vertical extent in pt.
    pub height: f64,
}

impl Size {
    /// A size from a width and a height in pt.
    pub const fn new(width: f64, height: f64) -> Self {
        Self { width, height }
    }

    /// A size from a width and a height in millimetres.
    pub fn from_mm(width: f64, height: f64) -> Self {
        Self::new(mm(width), mm(height))
    }

    /// A size from a width and a height in inches.
    pub fn from_in(width: f64, height: f64) -> Self {
        Self::new(width * PT_PER_IN, height * PT_PER_IN)
    }

    /// The same size turned a quarter turn (width and height swapped).
    pub fn rotated(self) -> Self {
        Self::new(self.height, self.width)
    }

    /// The same size with the shorter side as width.
    pub fn portrait(self) -> Self {
        if self.width <= self.height { self } else { self.rotated() }
    }

    /// The same size with the longer side as width.
    pub fn landscape(self) -> Self {
        if self.width >= self.height { self } else { self.rotated() }
    }

    /// Whether the width is strictly greater than the height.
    pub fn is_landscape(self) -> bool {
        self.width > self.height
    }

    /// Portrait or landscape, as displayed (a square counts as portrait).
    pub fn orientation(self) -> Orientation {
        if self.is_landscape() { Orientation::Landscape } else { Orientation::Portrait }
    }

    /// Whether both sides are finite and strictly positive.
    pub fn is_valid(self) -> bool {
        self.width.is_finite()
            && self.height.is_finite()
            && self.width > 0.0
            && self.height > 0.0
    }

    /// Whether this size fits inside `other` without turning (within [`FIT_TOLERANCE`]).
    pub fn fits_in(self, other: Size) -> bool {
        self.width <= other.width + FIT_TOLERANCE
            && self.height <= other.height + FIT_TOLERANCE
    }

    /// Both sides scaled by `factor`.
    pub fn scaled(self, factor: f64) -> Self {
        Self::new(self.width * factor, self.height * factor)
    }
}

impl fmt::Display for Size {
    /// Formats as `W×H mm`, rounded to a tenth of a millimetre.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}×{} mm", fmt_mm(self.width), fmt_mm(self.height))
    }
}

/// Formats a length in pt as millimetres, with one decimal only when needed.
pub fn fmt_mm(pt: f64) -> String {
    let v = (to_mm(pt) * 10.0).round() / 10.0;
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round())
    } else {
        format!("{v:.1}")
    }
}

/// A rectangle in pt, top-left origin, y down.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge in pt.
    pub x: f64,
    /// Top edge in pt.
    pub y: f64,
    /// Width in pt.
    pub width: f64,
    /// Height in pt.
    pub height: f64,
}

impl Rect {
    /// A rectangle from its top-left corner and size in pt.
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self { x, y, width, height }
    }

    /// Right edge in pt.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Bottom edge in pt.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Centre point in pt.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Size of the rectangle.
    pub fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }

    /// Whether `other` lies inside this rectangle (within half the [`FIT_TOLERANCE`] on
    /// each side, as a page that fits within the tolerance is centred).
    pub fn contains(&self, other: &Rect) -> bool {
        let t = FIT_TOLERANCE / 2.0 + EPS;
        other.x >= self.x - t
            && other.y >= self.y - t
            && other.right() <= self.right() + t
            && other.bottom() <= self.bottom() + t
    }

    /// Whether the two rectangles overlap by more than the [`FIT_TOLERANCE`] (touching
    /// edges do not overlap; a page up to the tolerance larger than its cell is centred
    /// in it and may reach that far into its neighbour).
    pub fn overlaps(&self, other: &Rect) -> bool {
        let t = FIT_TOLERANCE + EPS;
        self.x < other.right() - t
            && other.x < self.right() - t
            && self.y < other.bottom() - t
            && other.y < self.bottom() - t
    }
}

/// Portrait (height ≥ width) or landscape, as displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    /// Height at least the width.
    Portrait,
    /// Width greater than the height.
    Landscape,
}

impl Orientation {
    /// The word as written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        }
    }

    /// `size` turned to this orientation.
    pub fn apply(self, size: Size) -> Size {
        match self {
            Orientation::Portrait => size.portrait(),
            Orientation::Landscape => size.landscape(),
        }
    }
}

impl fmt::Display for Orientation {
    /// Formats as the CLI word.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Orientation {
    type Err = String;

    /// Parses `portrait|landscape`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "portrait" => Ok(Orientation::Portrait),
            "landscape" => Ok(Orientation::Landscape),
            _ => {
                Err(format!("unknown orientation `{s}` (expected portrait or landscape)"))
            }
        }
    }
}

/// A sheet size as given on the command line: a standard name or `WxHmm` / `WxHin`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SheetSize {
    /// ISO A3, 297×420 mm.
    A3,
    /// ISO A4, 210×297 mm.
    A4,
    /// ISO A5, 148×210 mm.
    A5,
    /// US Letter, 8.5×11 in.
    Letter,
    /// US Legal, 8.5×14 in.
    Legal,
    /// US Tabloid, 11×17 in.
    Tabloid,
    /// Any other size, in pt as given (not re-oriented).
    Custom(Size),
}

impl SheetSize {
    /// The named sizes, smallest area first.
    pub const STANDARD: [SheetSize; 6] = [
        SheetSize::A5,
        SheetSize::A4,
        SheetSize::Letter,
        SheetSize::Legal,
        SheetSize::Tabloid,
        SheetSize::A3,
    ];

    /// The size in pt, portrait for the named sizes.
    pub fn size(self) -> Size {
        match self {
            SheetSize::A3 => Size::from_mm(297.0, 420.0),
            SheetSize::A4 => Size::from_mm(210.0, 297.0),
            SheetSize::A5 => Size::from_mm(148.0, 210.0),
            SheetSize::Letter => Size::from_in(8.5, 11.0),
            SheetSize::Legal => Size::from_in(8.5, 14.0),
            SheetSize::Tabloid => Size::from_in(11.0, 17.0),
            SheetSize::Custom(size) => size,
        }
    }

    /// The lowercase name as accepted by `--sheet` (custom sizes as `WxHmm`).
    pub fn name(self) -> String {
        match self {
            SheetSize::A3 => "a3".into(),
            SheetSize::A4 => "a4".into(),
            SheetSize::A5 => "a5".into(),
            SheetSize::Letter => "letter".into(),
            SheetSize::Legal => "legal".into(),
            SheetSize::Tabloid => "tabloid".into(),
            SheetSize::Custom(size) => {
                format!("{}x{}mm", fmt_mm(size.width), fmt_mm(size.height))
            }
        }
    }
}

impl fmt::Display for SheetSize {
    /// Formats as the `--sheet` name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A sheet size that could not be parsed; shows what was given and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSizeError {
    /// The text as given.
    pub given: String,
}

impl fmt::Display for ParseSizeError {
    /// One lowercase line naming the input and the accepted forms.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid sheet size `{}` (expected a3, a4, a5, letter, legal, tabloid, \
             or WxHmm / WxHin such as 210x297mm or 8.5x11in, each side from 10 mm to 5080 mm)",
            self.given
        )
    }
}

impl std::error::Error for ParseSizeError {}

impl FromStr for SheetSize {
    type Err = ParseSizeError;

    /// Parses `a3|a4|a5|letter|legal|tabloid|WxHmm|WxHin`, case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseSizeError { given: s.to_string() };
        let text: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let text = text.to_ascii_lowercase();
        let named = match text.as_str() {
            "a3" => Some(SheetSize::A3),
            "a4" => Some(SheetSize::A4),
            "a5" => Some(SheetSize::A5),
            "letter" => Some(SheetSize::Letter),
            "legal" => Some(SheetSize::Legal),
            "tabloid" => Some(SheetSize::Tabloid),
            _ => None,
        };
        if let Some(named) = named {
            return Ok(named);
        }
        let (dims, factor) = if let Some(d) = text.strip_suffix("mm") {
            (d, PT_PER_MM)
        } else if let Some(d) = text.strip_suffix("in") {
            (d, PT_PER_IN)
        } else {
            return Err(err());
        };
        let (w, h) = dims.split_once(['x', '×']).ok_or_else(err)?;
        let w: f64 = w.parse().map_err(|_| err())?;
        let h: f64 = h.parse().map_err(|_| err())?;
        let size = Size::new(w * factor, h * factor);
        let side_ok = |v: f64| (MIN_SIDE - EPS..=MAX_SIDE + EPS).contains(&v);
        if !size.is_valid() || !side_ok(size.width) || !side_ok(size.height) {
            return Err(err());
        }
        Ok(SheetSize::Custom(size))
    }
}

/// Page sizes print jobs are made in, portrait, with their names: for telling a page a
/// hair larger than one of them (rounding, or bleed in the page box without a
/// `TrimBox`).
pub const STANDARD_PAGES: [(&str, f64, f64); 12] = [
    ("A3", 297.0, 420.0),
    ("A4", 210.0, 297.0),
    ("A5", 148.0, 210.0),
    ("A6", 105.0, 148.0),
    ("A7", 74.0, 105.0),
    ("A8", 52.0, 74.0),
    ("B5", 176.0, 250.0),
    ("B6", 125.0, 176.0),
    ("Letter", 215.9, 279.4),
    ("Half Letter", 139.7, 215.9),
    ("Legal", 215.9, 355.6),
    ("card", 55.0, 85.0),
];

/// How much larger than a standard size a page may be and still be taken for it, in mm
/// on each side (a 3 mm bleed on both edges is 6 mm).
pub const NEAR_STANDARD_MM: f64 = 6.5;

/// The standard page `size` is a little larger than (by a hundredth of a point or more
/// on a side, at most [`NEAR_STANDARD_MM`] on each), in the page's own orientation: its
/// name and size.
pub fn near_standard(size: Size) -> Option<(&'static str, Size)> {
    STANDARD_PAGES.iter().find_map(|&(name, w, h)| {
        let standard = Size::from_mm(w, h);
        let standard =
            if size.is_landscape() { standard.landscape() } else { standard.portrait() };
        let (dw, dh) = (size.width - standard.width, size.height - standard.height);
        let near = |d: f64| (-FIT_TOLERANCE..=mm(NEAR_STANDARD_MM)).contains(&d);
        (near(dw) && near(dh) && (dw > 0.01 || dh > 0.01)).then_some((name, standard))
    })
}
