//! Print presets: turning a compiled booklet into imposed sheets and a job ticket.

use typst_layout::PagedDocument;

use crate::i18n::{Text, decimal};
use crate::project::preset::{Colour, PrintPreset};
use crate::tr;
use crate::util::diag::Result;
use livret_impose::thickness::Asked;
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
) -> Option<Text> {
    let bounds: Vec<_> = document
        .pages()
        .iter()
        .map(|p| crate::typeset::inspect::content_bounds(&p.frame))
        .collect();
    let hit = impose::margin::intrusion(plan, margin, &bounds)?;
    let warning = tr!(
        "build-in-printer-margin",
        name = name,
        count = hit.pages,
        first = hit.first_page + 1,
        depth = decimal(impose::to_mm(hit.depth), 1),
        margin = decimal(impose::to_mm(margin), 1)
    );
    Some(with_hint(warning, &tr!("build-in-printer-margin-hint")))
}

/// The warning, with its hint, for a job whose thickest folded stack is past what
/// folds and staples cleanly (the crate's `thickness::warning` in the user's language),
/// its fix written as `asked` takes it (options of `impose` or keys of a preset).
pub fn thick_warning(plan: &Imposition, asked: Asked) -> Option<Text> {
    let t = impose::thickness::too_thick(plan)?;
    let (k, count) = (t.sheets_per_signature, t.signatures);
    let hint = match (asked, plan.scheme == impose::Scheme::Signatures) {
        (Asked::Options, true) => {
            tr!("build-thick-hint-options", sheets = k, count = count)
        }
        (Asked::Options, false) => {
            tr!("build-thick-hint-options-scheme", sheets = k, count = count)
        }
        (Asked::Preset, true) => {
            tr!("build-thick-hint-preset", sheets = k, count = count)
        }
        (Asked::Preset, false) => {
            tr!("build-thick-hint-preset-scheme", sheets = k, count = count)
        }
    };
    let (leaves, limit, paper) = (t.stack.leaves, t.limit, t.paper.to_string());
    let mm = decimal(impose::to_mm(t.stack.thickness), 1);
    let warning = match (t.assumed, asked) {
        (false, _) => {
            tr!("build-thick", count = leaves, mm = mm, limit = limit, paper = paper)
        }
        (true, Asked::Options) => {
            tr!(
                "build-thick-assumed-options",
                count = leaves,
                mm = mm,
                limit = limit,
                paper = paper
            )
        }
        (true, Asked::Preset) => {
            tr!(
                "build-thick-assumed-preset",
                count = leaves,
                mm = mm,
                limit = limit,
                paper = paper
            )
        }
    };
    Some(with_hint(warning, &hint))
}

/// A warning followed by its hint on an indented line (`\n  hint: …`).
pub fn with_hint(warning: Text, hint: &Text) -> Text {
    warning.join("\n  ", &tr!("term-hint").join(" ", hint))
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

#[cfg(test)]
mod tests {
    use super::*;
    use impose::paper::Paper;
    use impose::{Scheme, thickness};

    /// In English, the warning and its hint say what the imposition crate says.
    #[test]
    fn the_thick_warning_reads_as_the_crate_says_it_in_english() {
        let (a4, a6) = (Size::from_mm(210.0, 297.0), Size::from_mm(105.0, 148.0));
        for scheme in [Scheme::Saddle, Scheme::Signatures] {
            for paper in [None, Some(Paper::Weight(200.0))] {
                for asked in [Asked::Options, Asked::Preset] {
                    let mut options = PlanOptions::new(scheme, a4, a6);
                    options.paper = paper;
                    if scheme == Scheme::Signatures {
                        options.signature_sheets = Some(40);
                    }
                    let plan = impose::plan(320, &options).unwrap();
                    let crate_says = thickness::warning(&plan, asked).unwrap();
                    let said = thick_warning(&plan, asked).unwrap();
                    let expected =
                        format!("{}\n  hint: {}", crate_says.message, crate_says.hint);
                    assert_eq!(
                        said.english(),
                        expected,
                        "{scheme:?} {paper:?} {asked:?}"
                    );
                }
            }
        }
    }
}
