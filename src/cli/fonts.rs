//! `livret fonts`: the fonts and each language's stack, as text or JSON.

use crate::cli::args::FontsArgs;
use crate::cli::outcome::{ExitStatus, show_report};
use crate::ops::fonts::{self, FontReport};
use crate::util::diag::Result;

/// Runs `livret fonts`: exit status 1 when a script has no font.
pub fn run(args: FontsArgs) -> Result<ExitStatus> {
    let report = fonts::report(&args.project.project)?;
    Ok(show_report(args.format, &report, render_human, report.has_gaps()))
}

/// The human report: fonts, then languages, then gaps.
fn render_human(report: &FontReport) -> String {
    let mut out = String::from("Fonts a build can use:\n");
    for f in &report.fonts {
        out.push_str(&format!(
            "  {} — {}  [{}]  {}\n      scripts: {}\n",
            f.family,
            f.style,
            f.file,
            f.licence,
            if f.scripts.is_empty() { "-".to_string() } else { f.scripts.join(", ") }
        ));
    }
    out.push_str("\nLanguages of guide.toml:\n");
    for l in &report.languages {
        out.push_str(&format!("  {} (fonts: {})\n", l.lang, l.stack.join(", ")));
        for s in &l.scripts {
            match &s.font {
                Some(font) => out.push_str(&format!(
                    "      {}: {} character(s), shown with {font}\n",
                    s.script, s.characters
                )),
                None => out.push_str(&format!(
                    "      {}: {} character(s), NO FONT of the stack shows them all — add one to fonts/ and to the language's fonts\n",
                    s.script, s.characters
                )),
            }
        }
    }
    out
}
