//! `livret fonts`: the fonts and each language's stack, as text or JSON.

use crate::cli::args::FontsArgs;
use crate::cli::outcome::{ExitStatus, show_report};
use crate::ops::fonts::{self, FontReport};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret fonts`: exit status 1 when a script has no font.
pub fn run(args: FontsArgs) -> Result<ExitStatus> {
    let report = fonts::report(&args.project.project)?;
    Ok(show_report(args.format, &report, render_human, report.has_gaps()))
}

/// The human report: fonts, then languages, then gaps.
fn render_human(report: &FontReport) -> String {
    let mut out = format!("{}\n", tr!("cli-fonts-heading"));
    for f in &report.fonts {
        let scripts =
            if f.scripts.is_empty() { "-".to_string() } else { f.scripts.join(", ") };
        out.push_str(&format!(
            "  {} — {}  [{}]  {}\n      {}\n",
            f.family,
            f.style,
            f.file,
            f.licence,
            tr!("cli-fonts-scripts", scripts = scripts)
        ));
    }
    out.push_str(&format!("\n{}\n", tr!("cli-fonts-languages")));
    for l in &report.languages {
        let stack = tr!("cli-fonts-stack", fonts = l.stack.join(", "));
        out.push_str(&format!("  {} ({stack})\n", l.lang));
        for s in &l.scripts {
            let text = match &s.font {
                Some(font) => {
                    tr!(
                        "cli-fonts-shown-with",
                        count = s.characters,
                        font = font.to_string()
                    )
                }
                None => tr!("cli-fonts-no-font", count = s.characters),
            };
            out.push_str(&format!("      {}: {text}\n", s.script));
        }
    }
    out
}
