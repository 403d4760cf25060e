//! `livret images`: every raster image where it is printed, as tables or JSON.

use crate::cli::args::ImagesArgs;
use crate::cli::outcome::{ExitStatus, show_report};
use crate::i18n;
use crate::ops::images::{self, ImageReportOptions, TargetImages};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret images`: exit status 1 when an image will print blurry.
pub fn run(args: ImagesArgs) -> Result<ExitStatus> {
    let options = ImageReportOptions {
        project: args.project.project,
        langs: args.langs,
        layouts: args.layouts,
        system_fonts: args.fonts.system_fonts,
    };
    let reports = images::report(&options)?;
    let blurry = reports.iter().any(|r| r.images.iter().any(|i| i.blurry));
    Ok(show_report(args.format, &reports, |r| render_human(r), blurry))
}

/// The human report: a table per target, then the blurry warnings.
fn render_human(reports: &[TargetImages]) -> String {
    let mut out = String::new();
    let mut warnings = Vec::new();
    for r in reports {
        out.push_str(&format!("{} × {}:\n", r.lang, r.layout));
        if r.images.is_empty() {
            out.push_str(&format!("  {}\n", tr!("cli-images-none")));
        }
        for line in &r.images {
            let i = &line.image;
            let embedded = |v: Option<(u32, u32, usize)>| {
                v.map_or("-".to_string(), |(w, h, b)| {
                    format!("{w}×{h} px, {}", crate::util::human_size(b))
                })
            };
            let text = tr!(
                "cli-images-line",
                page = format!("{:<3}", i.page),
                path = &i.path,
                pixels = format!("{}×{}", i.pixels.0, i.pixels.1),
                width = i18n::decimal(i.printed_mm.0.round(), 0),
                height = i18n::decimal(i.printed_mm.1.round(), 0),
                dpi = i18n::decimal(i.dpi.round(), 0),
                print = embedded(i.embedded),
                screen = embedded(line.screen),
                place = i.place.to_string()
            );
            out.push_str(&format!("  {text}\n"));
            if let Some(w) = i.blurry_warning()
                && !warnings.contains(&w)
            {
                warnings.push(w);
            }
        }
    }
    for w in warnings {
        out.push_str(&format!("{} {w}\n", tr!("term-warning")));
    }
    out
}
