//! The arguments of `livret impose`.

use std::path::PathBuf;

use clap::Args;

use livret_impose::fit::TurnPages;
use livret_impose::paper::Paper;
use livret_impose::{BackOffset, Binding, Blanks, Duplex, MarkKind, Scheme, mm};

use crate::project::preset::{Fit, Millimetres, PrintChoices, Sheet, TrimSize};
use crate::project::preset_text::Said;

/// The most pixels of one `impose --preview` picture (100 million, 400 MB in memory):
/// a side of A3 at 600 dpi fits, A4 at 1200 dpi does not.
pub const MAX_PREVIEW_PIXELS: f64 = 100e6;

/// `livret impose`.
#[derive(Debug, Args)]
pub struct ImposeArgs {
    /// The PDF to impose (any PDF: pages stay vector, fonts stay embedded).
    pub input: PathBuf,
    /// Where to write the sheets; the job ticket goes beside it (`.txt`).
    #[arg(long, short = 'o', value_name = "OUTPUT.pdf")]
    pub output: PathBuf,
    /// saddle, cutstack, copies, signatures, zine, cards or wire.
    #[arg(long, value_parser = said::<Scheme>)]
    pub scheme: Scheme,
    /// Sheet size: a3, a4, a5, letter, legal, tabloid, or WxHmm / WxHin.
    #[arg(long)]
    pub sheet: Sheet,
    /// The flip your printer makes when printing both sides: long or short.
    #[arg(long, default_value = "long", value_parser = said::<Duplex>)]
    pub duplex: Duplex,
    /// Sheets per signature (with --scheme signatures; default 4).
    #[arg(long, value_name = "K")]
    pub signature_sheets: Option<usize>,
    /// Paper thickness in mm: inner sheets' pages move toward the fold by this much each.
    /// Default: the --caliper or --paper-weight's thickness when one is given, else 0.
    #[arg(long, value_name = "MM")]
    pub creep: Option<f64>,
    /// The paper's weight in g/m² (80 for office paper): its thickness gives the creep,
    /// the spine, and a warning when a stack is too thick to fold and staple.
    #[arg(long, value_name = "G/M²", conflicts_with = "caliper")]
    pub paper_weight: Option<Paper>,
    /// The paper's thickness instead of its weight: 0.1 (mm) or 0.1mm.
    #[arg(long, value_name = "LENGTH")]
    pub caliper: Option<Millimetres>,
    /// Room on the spine edge of every leaf for wire, spiral or comb holes (--scheme
    /// wire): 8 (mm) or 8mm.
    #[arg(long, value_name = "LENGTH")]
    pub binding_margin: Option<Millimetres>,
    /// Marks to draw: crop, fold, collation, slug (comma-separated, or all).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = said::<MarkKind>)]
    pub marks: Vec<MarkKind>,
    /// What your printer cannot print near the paper's edge: 5 (mm) or 5mm, 0.2in.
    #[arg(long, value_name = "LENGTH", default_value = "4")]
    pub printer_margin: Millimetres,
    /// Move every back side to make up for the printer's misregistration: right,up as
    /// seen on the back, e.g. 1.5mm,-0.5mm (measure it with `livret calibrate`).
    #[arg(long, value_name = "X,Y", allow_hyphen_values = true, value_parser = said::<BackOffset>)]
    pub back_offset: Option<BackOffset>,
    /// For printers without duplex: write the fronts and the backs as two files.
    #[arg(long)]
    pub manual_duplex: bool,
    /// Also write the imposition plan as JSON (for tests and other tools).
    #[arg(long, value_name = "FILE.json")]
    pub plan: Option<PathBuf>,
    /// Also draw every printed side as a PNG (side-1.png, side-2.png, …) in DIR, and
    /// the job sheet's pages (ticket-1.png in French, ticket-2.png in English).
    #[arg(long, value_name = "DIR")]
    pub preview: Option<PathBuf>,
    /// Resolution of the --preview pictures (10 to 1200).
    #[arg(long, default_value_t = 60.0, value_name = "DPI", value_parser = parse_dpi)]
    pub preview_dpi: f64,
    /// Where padding blanks go: before-last (the back cover stays last) or end.
    #[arg(long, default_value = "before-last", value_parser = said::<Blanks>)]
    pub blanks: Blanks,
    /// Where the spine is: left, or right for right-to-left scripts (N'Ko, Arabic).
    /// Default: right when the PDF reads right to left (/ViewerPreferences /Direction
    /// /R2L), else left.
    #[arg(long, value_parser = said::<Binding>)]
    pub binding: Option<Binding>,
    /// Pages of another size than most: shrink scales every page into its slot (and the
    /// slots into the printable area); center centres them, shrinking only what is larger.
    #[arg(long, value_enum)]
    pub fit: Option<Fit>,
    /// Pages of the other orientation (landscape in a portrait job): auto turns them a
    /// quarter to fill their slot, none keeps them as they are.
    #[arg(long, default_value = "auto", value_name = "auto|none")]
    pub rotate: TurnPages,
    /// The finished size of pages whose PDF has no TrimBox (the rest of the page box is
    /// bleed): a6, a7, or WxHmm such as 105x148mm.
    #[arg(long, value_name = "WxH", conflicts_with = "bleed")]
    pub trim: Option<TrimSize>,
    /// The bleed included in pages whose PDF has no TrimBox, on every side: 3 (mm) or 3mm.
    #[arg(long, value_name = "LENGTH")]
    pub bleed: Option<Millimetres>,
    /// Copies (or cards) ordered: the ticket adds 5 % overs and says the paper it takes.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub quantity: Option<u32>,
}

impl ImposeArgs {
    /// Where the trim is on pages without a TrimBox, as `--trim` or `--bleed` say.
    pub fn trim_rule(&self) -> Option<livret_impose::pdf::TrimRule> {
        use livret_impose::pdf::TrimRule;
        match (self.trim, self.bleed) {
            (Some(t), _) => Some(TrimRule::Size(t.0)),
            (None, Some(b)) => Some(TrimRule::Bleed(mm(b.0))),
            (None, None) => None,
        }
    }

    /// The print choices these options make (the same type a `[[print]]` preset makes).
    pub fn choices(&self) -> PrintChoices {
        PrintChoices {
            scheme: self.scheme,
            sheet: self.sheet.clone(),
            duplex: self.duplex,
            blanks: self.blanks,
            binding: self.binding.unwrap_or_default(),
            signature_sheets: self.signature_sheets,
            creep_mm: self.creep,
            paper: self.paper_weight.or(self.caliper.map(|c| Paper::Caliper(mm(c.0)))),
            binding_margin_mm: self.binding_margin.map(|m| m.0),
            printer_margin_mm: Some(self.printer_margin.0),
            fit: self.fit,
            back_offset: self.back_offset.unwrap_or_default(),
        }
    }
}

impl ImposeArgs {
    /// The `--preview` folder and resolution, refused when one side's picture would
    /// exceed [`MAX_PREVIEW_PIXELS`] (a large custom sheet at a high resolution).
    pub fn preview_checked(&self) -> crate::util::diag::Result<Option<(PathBuf, f64)>> {
        let Some(dir) = &self.preview else { return Ok(None) };
        let size = self.sheet.size.size();
        let (w, h) = (size.width / 72.0, size.height / 72.0);
        let pixels = w * h * self.preview_dpi * self.preview_dpi;
        if pixels > MAX_PREVIEW_PIXELS {
            let most = (MAX_PREVIEW_PIXELS / (w * h)).sqrt().floor();
            let pixels =
                format!("{:.0}×{:.0}", w * self.preview_dpi, h * self.preview_dpi);
            return Err(crate::util::diag::Error::new(crate::tr!(
                "cli-impose-preview-too-big",
                dpi = crate::i18n::decimal(self.preview_dpi, 2),
                sheet = self.sheet.name.to_string(),
                pixels = pixels,
                millions = crate::i18n::decimal(MAX_PREVIEW_PIXELS / 1e6, 0)
            ))
            .with_hint(crate::tr!(
                "cli-impose-preview-dpi-hint",
                dpi = crate::i18n::decimal(most.max(1.0), 0)
            )));
        }
        Ok(Some((dir.clone(), self.preview_dpi)))
    }
}

/// `--preview-dpi`: 10 to 1200, as `preview --dpi`.
/// A choice (`--scheme`, `--duplex`…) read from its text, refused in the interface
/// language (the imposition crate's own parsers speak English only).
pub fn said<T: Said>(text: &str) -> Result<T, String> {
    T::said(text).map_err(|why| why.to_string())
}

fn parse_dpi(text: &str) -> Result<f64, String> {
    let dpi: f64 = text
        .parse()
        .map_err(|_| crate::tr!("cli-args-not-dpi", value = text).to_string())?;
    if (10.0..=1200.0).contains(&dpi) {
        Ok(dpi)
    } else {
        Err(crate::tr!("cli-args-dpi-range").to_string())
    }
}
