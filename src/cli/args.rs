//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::cli::impose_args::{ImposeArgs, MAX_PREVIEW_PIXELS};
use crate::cli::term::{ColorChoice, Term};
use livret_impose::{Duplex, Orientation};

use crate::project::preset::Sheet;
use crate::project::targets::Shard;

/// livret turns a multilingual guide into pocket booklets and print-ready sheets.
#[derive(Debug, Parser)]
#[command(name = "livret", version, about, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors and warnings.
    #[arg(long, short = 'q', global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: timings and what each step read.
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
    /// Colours in messages: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto", global = true, value_name = "WHEN")]
    pub color: ColorChoice,
    /// The language livret speaks in (default: from LIVRET_LANG, else the locale).
    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub ui_lang: Option<crate::i18n::UiLang>,
}

impl Cli {
    /// The terminal settings these options ask for.
    pub fn terminal(&self) -> Term {
        Term::new(self.color, self.quiet, self.verbose)
    }
}

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Text for people.
    #[default]
    Human,
    /// JSON for tools.
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new guide: a commented guide.toml, sample chapters, layouts and fonts.
    #[command(
        after_help = "Examples:\n  livret new mon-guide\n  livret new guide-kayes --lang fr,bm,en --layout pocket-a6,pocket-a7\n  cd mon-guide && livret build"
    )]
    New(NewArgs),
    /// Build reading PDFs for every language × layout into out/.
    #[command(after_help = "Example:\n  livret build --lang fr --layout pocket-a6")]
    Build(BuildArgs),
    /// Impose any PDF on printer sheets (saddle stitch, cut and stack, zine…).
    #[command(
        after_help = "Examples:\n  livret impose guide-a6.pdf -o sheets.pdf --scheme cutstack --sheet a4\n  livret impose zine.pdf -o zine-sheet.pdf --scheme zine --sheet letter --marks fold"
    )]
    Impose(ImposeArgs),
    /// Write a duplex calibration sheet: rulers at each edge and a registration cross,
    /// to measure how much a printer clips and how far it shifts the back side.
    #[command(
        after_help = "Example:\n  livret calibrate --sheet a4 --duplex long -o calibration.pdf"
    )]
    Calibrate(CalibrateArgs),
    /// Check translations: missing and stale chapters, each block against its source
    /// (numbers, links, e-mail addresses, notes, emphasis, final punctuation), chapters
    /// the guide no longer lists, characters no font can show, page counts against the
    /// source language. Exit 1 when something needs attention.
    #[command(
        after_help = "Examples:\n  livret check --lang bm\n  livret check --lang bm --accept 05-signaler   (after reviewing it)\n  livret check --lang bm --accept 05-signaler:12   (one changed block)\n  livret check --lang bm --intended 05-signaler#quote-6ce28b51:numbers\n  livret check --format json"
    )]
    Check(CheckArgs),
    /// A proof PDF: each translated page beside the source page, chapter by chapter.
    #[command(
        after_help = "Example:\n  livret proof --lang bm --against fr --layout pocket-a6"
    )]
    Proof(ProofArgs),
    /// PNG previews: a contact sheet of every page, and the pages themselves.
    #[command(
        after_help = "Example:\n  livret preview --lang bm --layout pocket-a6 --dpi 150"
    )]
    Preview(PreviewArgs),
    /// List every raster image: pixels, printed size, dpi, what each edition embeds.
    #[command(after_help = "Example:\n  livret images --lang fr --layout pocket-a7")]
    Images(ImagesArgs),
    /// Work on build reports (out/<guide>/report.json).
    #[command(
        subcommand,
        after_help = "Example:\n  livret report merge shard-1/report.json shard-2/report.json -o report.json"
    )]
    Report(ReportCommand),
    /// List the fonts a build can use, the scripts they cover, and each language's stack.
    #[command(
        after_help = "Examples:\n  livret fonts\n  livret fonts --project mon-guide --format json"
    )]
    Fonts(FontsArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  livret completions bash > ~/.local/share/bash-completion/completions/livret\n  livret completions fish > ~/.config/fish/completions/livret.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the manual pages (livret.1 and one per command) into a folder.
    #[command(after_help = "Example:\n  livret man man/ && man -l man/livret.1")]
    Man {
        /// Where to write them.
        #[arg(default_value = "man")]
        dir: PathBuf,
    },
    /// Rebuild a language's reading PDF on every change, incrementally (Ctrl-C stops).
    #[command(after_help = "Example:\n  livret watch --lang bm --layout pocket-a6")]
    Watch(WatchArgs),
    /// The guide's workbench in a browser: translate, editions, print desk (Ctrl-C stops).
    #[command(after_help = "Example:\n  livret desk --port 8080 --no-open")]
    Desk(DeskArgs),
    /// A translation as PO files for Poedit, Lokalize or Weblate, and back.
    #[command(
        subcommand,
        after_help = "Examples:\n  livret po export --lang bm            (writes po/bm/*.po and the template)\n  livret po import --lang bm po/bm"
    )]
    Po(PoCommand),
    /// Work on the guide's chapters in every language at once.
    #[command(
        subcommand,
        after_help = "Example:\n  livret chapter rename 02-forces 02-forces-securite --dry-run"
    )]
    Chapter(ChapterCommand),
    /// Builds one target of `livret build --memory` (livret runs this itself, in a
    /// process of its own).
    #[command(hide = true, name = "__isolated")]
    BuildTarget {
        /// The job, as JSON.
        job: String,
    },
}

/// `livret chapter …`.
#[derive(Debug, Subcommand)]
pub enum ChapterCommand {
    /// Rename a chapter in one step: its file in every language, the translations'
    /// accepted snapshots and status.toml keys, and the chapter list in guide.toml.
    /// After an upstream rename (guide.toml already lists NEW), renames what the
    /// translations still keep under OLD. Nothing is changed when a name is taken.
    #[command(
        after_help = "Example:\n  livret chapter rename 02-forces 02-forces-securite"
    )]
    Rename(RenameArgs),
}

/// `livret chapter rename`.
#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The chapter's name now (its file stem, as in guide.toml).
    pub old: String,
    /// Its new name.
    pub new: String,
    /// Only say what would be moved and edited.
    #[arg(long)]
    pub dry_run: bool,
    /// human or json.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// `livret po …`.
#[derive(Debug, Subcommand)]
pub enum PoCommand {
    /// Write one PO file per chapter of a translation (msgid: a source block, msgstr:
    /// its translation, fuzzy where the source changed since) and a template (.pot).
    #[command(after_help = "Example:\n  livret po export --lang bm po/bm")]
    Export(PoArgs),
    /// Write the translated chapters back from PO files, and record the non-fuzzy
    /// blocks as reviewed. Nothing is written when a file has a problem.
    #[command(after_help = "Example:\n  livret po import --lang bm po/bm")]
    Import(PoArgs),
}

/// `livret po export` and `livret po import`.
#[derive(Debug, Args)]
pub struct PoArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The translation.
    #[arg(long, short = 'l', value_name = "L")]
    pub lang: String,
    /// The folder of PO files (default: po/<L> in the project).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// human or json.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// `livret new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create (it must be empty or new).
    pub dir: PathBuf,
    /// Language codes, the source language first.
    #[arg(long = "lang", short = 'l', value_delimiter = ',', default_value = "fr,en")]
    pub langs: Vec<String>,
    /// Pocket formats (pocket-a6, pocket-a7).
    #[arg(long = "layout", value_delimiter = ',', default_value = "pocket-a6")]
    pub layouts: Vec<String>,
    /// Write into a folder that is not empty.
    #[arg(long)]
    pub force: bool,
}

/// `livret fonts`.
#[derive(Debug, Args)]
pub struct FontsArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// human or json.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
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
    /// The project folder.
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
    /// Only the reading PDFs: skip the print presets (imposed sheets and job tickets).
    #[arg(long)]
    pub no_print: bool,
    /// Rebuild every target, even those whose sources did not change.
    #[arg(long)]
    pub force: bool,
    /// Targets built at the same time (default: one per processor core; at most 64).
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Stop with an error when one target takes longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: u64,
    /// Stop with an error a target that needs more memory than this (e.g. 2GB, or
    /// `none`); targets with Typst chapters are built in a process of their own.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: Memory,
    /// Build only the K-th of N parts of the targets (stable), e.g. on CI machine K of N.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Also gather the print files, job tickets and a README for the print shop in DIR
    /// (or in one zip archive, the same bytes for the same build, when it ends in .zip).
    #[arg(long, value_name = "DIR")]
    pub package: Option<PathBuf>,
    /// Make the reading PDFs meet a PDF standard, e.g. a-2b (PDF/A-2b, for archives).
    #[arg(long, value_name = "STANDARD", value_parser = crate::typeset::export::parse_standard)]
    pub pdf_standard: Option<typst_pdf::PdfStandard>,
    /// List the targets this command would build, and build nothing.
    #[arg(long)]
    pub list_targets: bool,
    /// With --list-targets: human (one per line) or json.
    #[arg(long, value_enum, default_value = "human", requires = "list_targets")]
    pub format: Format,
    /// Which fonts a build may use.
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `livret calibrate`.
#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// The paper of your jobs: a4, a3, letter, legal, tabloid, or WxHmm / WxHin.
    #[arg(long)]
    pub sheet: Sheet,
    /// The flip your printer makes when printing both sides: long or short.
    #[arg(long, default_value = "long")]
    pub duplex: Duplex,
    /// The orientation of your job's sheets (its ticket gives the command): portrait
    /// or landscape. The driver turns a landscape sheet, so measure in the job's own.
    #[arg(long, default_value = "portrait")]
    pub orientation: Orientation,
    /// Where to write the sheet (a two-page PDF: front, back).
    #[arg(long, short = 'o', value_name = "OUTPUT.pdf")]
    pub output: PathBuf,
}

/// `livret check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Only this language (repeatable).
    #[arg(long = "lang", short = 'l', value_name = "L")]
    pub langs: Vec<String>,
    /// Mark this chapter of the one --lang as reviewed against the current source, or
    /// with `:LINE` only its changed block at that source line, as check prints it
    /// (repeatable).
    #[arg(long, value_name = "CHAPTER[:LINE]")]
    pub accept: Vec<String>,
    /// Mark a translation check's finding in one block of the one --lang as intended,
    /// as check prints it: BLOCK-ID:CHECK (repeatable); kept in status.toml.
    #[arg(long, value_name = "BLOCK-ID:CHECK")]
    pub intended: Vec<String>,
    /// human (a table and one line per problem) or json.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Stop with an error when the command takes longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: u64,
    /// Stop with an error when the compilations need more memory than this (e.g. 2GB,
    /// or `none`): the command runs in a process of its own under that limit.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: Memory,
    /// Which fonts the compilations may use.
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `livret report …`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Merge the report.json files of sharded builds into one.
    #[command(
        after_help = "Example:\n  livret report merge shard-1/report.json shard-2/report.json -o report.json"
    )]
    Merge {
        /// The shards' reports.
        #[arg(required = true, value_name = "REPORT")]
        reports: Vec<PathBuf>,
        /// Where to write the merged report (default: standard output).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// `livret images`.
#[derive(Debug, Args)]
pub struct ImagesArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Only this language (repeatable).
    #[arg(long = "lang", short = 'l', value_name = "L")]
    pub langs: Vec<String>,
    /// Only this layout (repeatable).
    #[arg(long = "layout", value_name = "NAME")]
    pub layouts: Vec<String>,
    /// human (a table per booklet) or json.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Stop with an error when the compilations need more memory than this (e.g. 2GB,
    /// or `none`): the command runs in a process of its own under that limit.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: Memory,
    /// Which fonts the compilations may use.
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `livret proof`.
#[derive(Debug, Args)]
pub struct ProofArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The translation to proof.
    #[arg(long, short = 'l', value_name = "L")]
    pub lang: String,
    /// The language to compare with (default: the source language).
    #[arg(long, value_name = "L2")]
    pub against: Option<String>,
    /// The layout (default: the first in guide.toml).
    #[arg(long, value_name = "NAME")]
    pub layout: Option<String>,
    /// Mark the source blocks changed since the translation was accepted, and their
    /// translations (a bar in the margin, a light background).
    #[arg(long)]
    pub changes: bool,
    /// Stop with an error when the command takes longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: u64,
    /// Stop with an error when the compilations need more memory than this (e.g. 2GB,
    /// or `none`): the command runs in a process of its own under that limit.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: Memory,
    /// Which fonts the compilations may use.
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `livret preview`.
#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Only this language (repeatable).
    #[arg(long = "lang", short = 'l', value_name = "L")]
    pub langs: Vec<String>,
    /// Only this layout (repeatable).
    #[arg(long = "layout", value_name = "NAME")]
    pub layouts: Vec<String>,
    /// Resolution of the page PNGs.
    #[arg(long, default_value_t = 100.0)]
    pub dpi: f64,
    /// Only the contact sheet, not every page.
    #[arg(long)]
    pub contact_only: bool,
    /// Stop with an error when the command takes longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: u64,
    /// Stop with an error when the compilations need more memory than this (e.g. 2GB,
    /// or `none`): the command runs in a process of its own under that limit.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: Memory,
    /// Which fonts the compilations may use.
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `livret desk`.
#[derive(Debug, Args)]
pub struct DeskArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The port on 127.0.0.1 (0: one the system chooses).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Do not open the browser.
    #[arg(long)]
    pub no_open: bool,
}

/// `livret watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The project folder.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The language to rebuild.
    #[arg(long, short = 'l', value_name = "L")]
    pub lang: String,
    /// The layout (default: the first in guide.toml).
    #[arg(long, value_name = "NAME")]
    pub layout: Option<String>,
    /// Also show the pages in a browser on localhost, reloaded after every rebuild.
    #[arg(long)]
    pub serve: bool,
    /// The port for `--serve` (default: the first free of 3000–3005; 0: any free port,
    /// printed).
    #[arg(long, value_name = "N", requires = "serve")]
    pub port: Option<u16>,
    /// Stop after this many builds (for scripts and benchmarks).
    #[arg(long, value_name = "N", hide = true)]
    pub max_builds: Option<usize>,
    /// Give up a rebuild that takes longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: u64,
    /// Stop with an error when the compilations need more memory than this (e.g. 2GB,
    /// or `none`): the command runs in a process of its own under that limit.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: Memory,
    /// Make the reading PDFs meet a PDF standard, e.g. a-2b (as `build` does).
    #[arg(long, value_name = "STANDARD", value_parser = crate::typeset::export::parse_standard)]
    pub pdf_standard: Option<typst_pdf::PdfStandard>,
    /// Which fonts a build may use.
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// Seconds one target may take by default: a guide's target takes seconds, a chapter
/// that loops for ever would otherwise hold the build for ever.
pub const DEFAULT_TIMEOUT: u64 = 300;

/// The most targets built at once: each holds a compiled book in memory, and
/// thousands of threads only cost time to start.
pub const MAX_JOBS: usize = 64;

/// `-j N`: 1 to [`MAX_JOBS`].
fn parse_jobs(text: &str) -> Result<usize, String> {
    let jobs: usize = text
        .parse()
        .map_err(|_| crate::tr!("cli-args-not-jobs", value = text).to_string())?;
    if (1..=MAX_JOBS).contains(&jobs) {
        Ok(jobs)
    } else {
        Err(crate::tr!("cli-args-jobs-range", most = MAX_JOBS).to_string())
    }
}

/// The memory budget of a built target, unless `--memory` says otherwise.
pub const DEFAULT_MEMORY: &str = "4GB";

/// A memory budget: bytes, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory(pub Option<u64>);

/// `--memory SIZE`: `none`, or at least the memory livret itself needs.
fn parse_memory(text: &str) -> Result<Memory, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(Memory(None));
    }
    let bytes = crate::project::preset::parse_size(text)?;
    let min = crate::build::isolate::MIN_MEMORY;
    if bytes < min {
        return Err(
            crate::tr!("cli-args-memory-min", megabytes = min / 1_000_000).to_string()
        );
    }
    Ok(Memory(Some(bytes)))
}

/// `--timeout SECONDS`: 1 second to a day.
fn parse_timeout(text: &str) -> Result<u64, String> {
    let secs: u64 = text
        .parse()
        .map_err(|_| crate::tr!("cli-args-not-seconds", value = text).to_string())?;
    if (1..=86_400).contains(&secs) {
        Ok(secs)
    } else {
        Err(crate::tr!("cli-args-seconds-range").to_string())
    }
}
