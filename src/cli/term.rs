//! Terminal output: how loud (`-q`, `-v`) and whether in colour (only on a terminal,
//! never with `NO_COLOR`, or as `--color` says). Set once by the `livret` command.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::sync::OnceLock;

use crate::util::diag::Error;

/// When to use colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The output settings of this run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Term {
    /// Colour the `error:`, `warning:` and `hint:` prefixes on stderr.
    pub colour: bool,
    /// Only errors and warnings.
    pub quiet: bool,
    /// Also details (timings, inputs).
    pub verbose: bool,
}

static TERM: OnceLock<Term> = OnceLock::new();

/// Set for a process livret runs again under a memory budget (`cli::supervise`), whose
/// stderr is a pipe: `1` when colours were on for the parent.
pub const PARENT_COLOUR: &str = "LIVRET_MEMORY_COLOUR";

impl Term {
    /// Settings from the command line and the environment.
    pub fn new(choice: ColorChoice, quiet: bool, verbose: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let colour = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // A supervised child's stderr is a pipe to livret: the parent's terminal decides.
            ColorChoice::Auto => {
                !no_color
                    && std::env::var(PARENT_COLOUR)
                        .map_or_else(|_| std::io::stderr().is_terminal(), |v| v == "1")
            }
        };
        Self { colour, quiet, verbose: verbose && !quiet }
    }

    /// Makes these the settings of the run (the first call wins).
    pub fn install(self) {
        let _ = TERM.set(self);
    }
}

/// The run's settings (defaults when none were installed, as in tests).
pub fn get() -> Term {
    TERM.get().copied().unwrap_or_default()
}

/// `text` in an ANSI style when colours are on.
fn paint(style: &str, text: &str) -> String {
    if get().colour { format!("\x1b[{style}m{text}\x1b[0m") } else { text.to_string() }
}

/// `text` safe for a terminal: control characters (escape sequences from a
/// guide.toml, a file name, a chapter) and the invisible bidirectional overrides are
/// shown as `\u{1b}`; line breaks and tabs stay.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// An error with its hints, for stderr.
pub fn render_error(err: &Error) -> String {
    let mut out = format!(
        "{} {}",
        paint("1;31", &crate::tr!("term-error")),
        printable(&err.message)
    );
    for hint in &err.hints {
        out.push_str(&format!(
            "\n{} {}",
            paint("1;36", &crate::tr!("term-hint")),
            printable(hint)
        ));
    }
    out
}

/// Prints a warning on stderr.
pub fn warning(text: &str) {
    eprintln!("{} {}", paint("1;33", &crate::tr!("term-warning")), printable(text));
}

/// Prints a line on stdout unless quiet.
pub fn info(line: &str) {
    if !get().quiet {
        println!("{}", printable(line));
    }
}

/// Prints a line on stdout when verbose.
pub fn detail(line: &str) {
    if get().verbose {
        println!("{}", printable(line));
    }
}
