//! Print presets: turning a compiled booklet into imposed sheets and a job ticket.

use std::collections::HashMap;
use std::sync::Arc;

use typst::foundations::Datetime;
use typst::layout::Frame;
use typst_layout::PagedDocument;

use crate::diag::{Error, Result, parse_choice};
use crate::impose::{
    self, Duplex, Imposition, MarkOptions, PlanOptions, Scheme, SheetSize, Size, mm,
};
use crate::manifest::{MANIFEST_PATH, PrintPreset};
use crate::markdown::string_literal;
use crate::world::{Fonts, GuideWorld};

/// A print preset turned into planning options.
#[derive(Debug, Clone)]
pub struct PrintJob {
    /// The planner's options (the page size is filled in from the document).
    pub options: PlanOptions,
    /// Marks to draw.
    pub marks: MarkOptions,
    /// The sheet as named in the manifest, for file names and the ticket.
    pub sheet_name: String,
    /// Images in shades of grey, for a black-and-white printer.
    pub gray: bool,
}

impl PrintJob {
    /// Reads a `[[print]]` entry; errors name the manifest and the bad value.
    pub fn from_preset(preset: &PrintPreset) -> Result<Self> {
        let bad = |what: &str, err: String| {
            Error::new(format!(
                "{MANIFEST_PATH}: print preset for `{}`: {what} ({err})",
                preset.layout
            ))
        };
        let scheme: Scheme =
            parse_choice(&preset.scheme).map_err(|e| bad("scheme", e))?;
        let sheet: SheetSize =
            parse_choice(&preset.sheet).map_err(|e| bad("sheet", e))?;
        let duplex: Duplex = match &preset.duplex {
            Some(d) => parse_choice(d).map_err(|e| bad("duplex", e))?,
            None => Duplex::Long,
        };
        let marks = MarkOptions::parse(&preset.marks).map_err(|e| bad("marks", e))?;
        let mut options = PlanOptions::new(scheme, sheet.size(), Size::new(1.0, 1.0));
        options.duplex = duplex;
        options.signature_sheets = preset.signature_sheets;
        options.creep = mm(preset.creep.unwrap_or(0.0));
        if let Some(margin) = preset.printer_margin {
            options.printer_margin = mm(margin);
        }
        match preset.fit.as_deref() {
            None => {}
            Some("shrink") => options.shrink_to_printable = true,
            Some(other) => {
                return Err(bad(
                    "fit",
                    format!("`{other}`; the only choice is `shrink`"),
                ));
            }
        }
        let gray = match preset.colour.as_deref() {
            None | Some("colour") | Some("color") => false,
            Some("gray") | Some("grey") => true,
            Some(other) => {
                return Err(bad(
                    "colour",
                    format!("`{other}`; choose `colour` or `gray`"),
                ));
            }
        };
        Ok(Self { options, marks, sheet_name: preset.sheet.to_lowercase(), gray })
    }

    /// The page multiple this job needs so that no sheet carries a padding blank.
    pub fn page_multiple(&self, page: Size) -> Result<usize> {
        let mut options = self.options.clone();
        options.page = page;
        let one = impose::plan(1, &options).map_err(plan_error)?;
        Ok(one.padded)
    }

    /// Plans the job for a document of `pages` pages of size `page`.
    pub fn plan(&self, pages: usize, page: Size) -> Result<Imposition> {
        let mut options = self.options.clone();
        options.page = page;
        impose::plan(pages, &options).map_err(plan_error)
    }

    /// File-name suffix: `print-a4-cutstack`.
    pub fn suffix(&self) -> String {
        let gray = if self.gray { "-gray" } else { "" };
        format!("print-{}-{}{gray}", self.sheet_name, self.options.scheme)
    }
}

/// A warning when page content falls into the printer's unprintable margin.
pub fn margin_warning(
    plan: &Imposition,
    margin: f64,
    document: &PagedDocument,
    name: &str,
) -> Option<String> {
    let bounds: Vec<_> = document
        .pages()
        .iter()
        .map(|p| crate::inspect::content_bounds(&p.frame))
        .collect();
    let hit = impose::margin::intrusion(plan, margin, &bounds)?;
    Some(
        format!(
            "{name}: content of {} placed page(s) (first: page {}) falls up to {:.1} mm into the printer's {:.1} mm unprintable margin and may be cut off",
            hit.pages,
            hit.first_page + 1,
            impose::to_mm(hit.depth),
            impose::to_mm(margin)
        ) + "\n  hint: set fit = \"shrink\" in this [[print]] preset, or widen the layout's margins",
    )
}

/// A planning error as a user-facing error with its hint.
pub fn plan_error(err: impose::PlanError) -> Error {
    let hint = err.hint();
    let mut e = Error::new(err.to_string());
    if let Some(hint) = hint {
        e = e.with_hint(hint);
    }
    e
}

/// The size of a document's first page in pt (all pages of a layout share it).
pub fn page_size(document: &PagedDocument) -> Size {
    let s = document.pages().first().map(|p| p.frame.size()).unwrap_or_default();
    Size::new(s.x.to_pt(), s.y.to_pt())
}

/// Lays out slug texts with typst (small, in the guide's first font) as frames.
pub fn slug_frames(
    root: &std::path::Path,
    main_path: &str,
    fonts: &Arc<Fonts>,
    date: Datetime,
    font: &str,
    texts: &[String],
) -> HashMap<String, Frame> {
    if texts.is_empty() {
        return HashMap::new();
    }
    let mut src = format!(
        "#set page(width: auto, height: auto, margin: 0pt)\n#set text(size: 6pt, font: ({}, \"Libertinus Serif\"))\n",
        string_literal(font)
    );
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            src.push_str("#pagebreak()\n");
        }
        src.push_str(&format!("#{}\n", string_literal(text)));
    }
    let world = GuideWorld::new(root, main_path, src, fonts.clone(), date);
    match typst::compile::<PagedDocument>(&world).output {
        Ok(doc) => texts
            .iter()
            .cloned()
            .zip(doc.pages().iter().map(|p| p.frame.clone()))
            .collect(),
        Err(_) => HashMap::new(),
    }
}

/// The slug texts a plan needs, with `{title}` replaced as the marks painter does.
pub fn slug_texts(plan: &Imposition, title: &str) -> Vec<String> {
    impose::slug_texts(plan, title)
}
