//! `livret images`: every raster image where it is printed, as tables or JSON.

use crate::cli::args::ImagesArgs;
use crate::cli::outcome::{ExitStatus, show_report};
use crate::ops::images::{self, ImageReportOptions, TargetImages};
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
            out.push_str("  no raster images\n");
        }
        for line in &r.images {
            let i = &line.image;
            let embedded = |v: Option<(u32, u32, usize)>| {
                v.map_or("-".to_string(), |(w, h, b)| {
                    format!("{w}×{h} px, {}", crate::util::human_size(b))
                })
            };
            out.push_str(&format!(
                "  p. {:<3} {}  {}×{} px  printed {:.0}×{:.0} mm  {:.0} dpi  print: {}  screen: {}  ({})\n",
                i.page,
                i.path,
                i.pixels.0,
                i.pixels.1,
                i.printed_mm.0,
                i.printed_mm.1,
                i.dpi,
                embedded(i.embedded),
                embedded(line.screen),
                i.place
            ));
            if let Some(w) = i.blurry_warning()
                && !warnings.contains(&w)
            {
                warnings.push(w);
            }
        }
    }
    for w in warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}
