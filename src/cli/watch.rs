//! `livret watch`: one line per rebuild (or its error), until interrupted.

use std::io::Write;

use crate::cli::args::WatchArgs;
use crate::cli::outcome::ExitStatus;
use crate::cli::supervise;
use crate::cli::term;
use crate::ops::watch::{self, WatchEvent, WatchOptions};
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret watch`.
pub fn run(args: WatchArgs) -> Result<ExitStatus> {
    let options = WatchOptions {
        project: args.project.project,
        lang: args.lang,
        layout: args.layout,
        max_builds: args.max_builds,
        serve: args.serve.then_some(args.port),
        timeout: std::time::Duration::from_secs(args.timeout),
        system_fonts: args.fonts.system_fonts,
        pdf_standard: args.pdf_standard,
        resume: supervise::resume(),
    };
    watch::watch(&options, show)?;
    Ok(ExitStatus::Success)
}

/// Shows one event of the watch loop.
fn show(event: &WatchEvent) {
    match event {
        WatchEvent::Built { pdf, pages, took, compile, warnings } => {
            for w in warnings {
                term::warning(w);
            }
            term::info(&tr!(
                "cli-watch-built",
                path = pdf,
                pages = *pages,
                millis = took.as_millis() as u64,
                typst = compile.as_millis() as u64
            ));
        }
        WatchEvent::Failed(err) => {
            eprintln!("{}", term::render_error(err));
            term::info(&tr!("cli-watch-failed"));
        }
        WatchEvent::Serving(addr) => {
            term::info(&tr!("cli-watch-serving", url = format!("http://{addr}/")));
        }
    }
    if matches!(event, WatchEvent::Built { .. } | WatchEvent::Failed(_)) {
        supervise::built();
    }
    let _ = std::io::stdout().flush();
}
