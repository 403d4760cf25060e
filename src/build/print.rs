//! Print presets: turning a compiled booklet into imposed sheets and a job ticket.

use typst_layout::PagedDocument;

use crate::project::preset::{Colour, PrintPreset};
use crate::util::diag::Result;
use livret_impose::{self as impose, Imposition, MarkOptions, PlanOptions, Size};

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
    /// Copies ordered, for the ticket's overs and paper.
    pub quantity: Option<usize>,
}

impl PrintJob {
    /// The job a `[[print]]` preset describes (typed and checked when guide.toml loaded).
    pub fn from_preset(preset: &PrintPreset) -> Self {
        let choices = preset.choices();
        Self {
            options: choices.plan_options(),
            marks: MarkOptions::from_kinds(&preset.marks),
            sheet_name: choices.sheet.name,
            gray: preset.colour == Colour::Gray,
            quantity: preset.quantity,
        }
    }

    /// The page multiple this job needs so that no sheet carries a padding blank.
    pub fn page_multiple(&self, page: Size) -> Result<usize> {
        let mut options = self.options.clone();
        options.page = page;
        let one = impose::plan(1, &options)?;
        Ok(one.padded)
    }

    /// Plans the job for a document of `pages` pages of size `page`.
    pub fn plan(&self, pages: usize, page: Size) -> Result<Imposition> {
        let mut options = self.options.clone();
        options.page = page;
        Ok(impose::plan(pages, &options)?)
    }

    /// The preset's short name: `a4-cutstack`, `a4-saddle-gray`.
    pub fn name(&self) -> String {
        let gray = if self.gray { "-gray" } else { "" };
        format!("{}-{}{gray}", self.sheet_name, self.options.scheme)
    }

    /// File-name suffix: `print-a4-cutstack`.
    pub fn suffix(&self) -> String {
        format!("print-{}", self.name())
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
        .map(|p| crate::typeset::inspect::content_bounds(&p.frame))
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

/// The size of a document's first page in pt (all pages of a layout share it).
pub fn page_size(document: &PagedDocument) -> Size {
    let s = document.pages().first().map(|p| p.frame.size()).unwrap_or_default();
    Size::new(s.x.to_pt(), s.y.to_pt())
}

/// The slug texts a plan needs, with `{title}` replaced as the marks painter does.
pub fn slug_texts(plan: &Imposition, title: &str) -> Vec<String> {
    impose::slug_texts(plan, title)
}
