//! `livret desk`: serves the workbench, prints its address (with the token) and opens
//! the browser, then serves until interrupted.

use std::io::Write;

use crate::cli::args::DeskArgs;
use crate::cli::outcome::ExitStatus;
use crate::desk;
use crate::tr;
use crate::util::diag::Result;

/// Runs `livret desk`.
pub fn run(args: DeskArgs) -> Result<ExitStatus> {
    let served = desk::start(&args.project.project, args.port)?;
    println!("{}", tr!("desk-serving", url = served.url.as_str()));
    let _ = std::io::stdout().flush();
    if !args.no_open {
        open_browser(&served.url);
    }
    // Nothing more is printed: a caller that read the address may close the pipe.
    loop {
        std::thread::park();
    }
}

/// Asks the system to open `url` in the browser (nothing when it cannot).
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("{}", tr!("desk-open-yourself"));
    }
}
