//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// livret turns a multilingual guide into pocket booklets and print-ready sheets.
#[derive(Debug, Parser)]
#[command(name = "livret", version, about, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build reading PDFs for every language × layout into out/.
    #[command(after_help = "Example:\n  livret build --lang fr --layout pocket-a6")]
    Build(BuildArgs),
}

/// Options naming the project.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The project folder, holding sources/guide.toml.
    #[arg(long, short = 'p', default_value = ".", value_name = "DIR")]
    pub project: PathBuf,
}

/// Options about fonts.
#[derive(Debug, Args)]
pub struct FontArgs {
    /// Also use the fonts installed on this system (builds stop being reproducible elsewhere).
    #[arg(long)]
    pub system_fonts: bool,
}

/// `livret build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Only this language (repeatable).
    #[arg(long = "lang", short = 'l', value_name = "L")]
    pub langs: Vec<String>,
    /// Only this layout (repeatable).
    #[arg(long = "layout", value_name = "NAME")]
    pub layouts: Vec<String>,
    /// Fail when a translation misses chapters instead of showing the source text.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub fonts: FontArgs,
}
