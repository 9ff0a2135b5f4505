//! `catalogue`: the command-line tool for staff and for web teams' CI pipelines: check,
//! import and export catalogues (see `catalogue --help`). Install it with
//! `cargo install --path cli` from the repository.
//!
//! Two stages, as in ripgrep: clap parses the raw arguments into [`Command`], then each
//! command reads its files, calls the core, and prints. Exit codes: 0 success, 1 the
//! catalogue has errors (`check`, or an import whose catalogue was written but does not
//! pass `catalogue check`), 2 the command could not run (bad arguments, unreadable or
//! unwritable files, input that cannot be imported).

mod check;
mod convert;
mod hsds;
mod pack;
mod stats;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check, import and export Program Finder catalogues.
#[derive(Parser, Debug)]
#[command(name = "catalogue", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every problem in a catalogue, with line, column and a fix. Exits 1 if there are errors.
    Check {
        /// The catalogue JSON file.
        file: PathBuf,
        /// `text` for people, `json` for CI pipelines.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The date to judge "not reviewed in 12 months" against (YYYY-MM-DD); default today.
        #[arg(long)]
        today: Option<String>,
    },
    /// Make a catalogue from a spreadsheet or from Open Referral HSDS data. Prints a summary
    /// and the notes grouped by kind; exits 1 if the catalogue was written but does not pass
    /// `catalogue check`.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Write a catalogue's programs as a spreadsheet.
    Export {
        #[command(subcommand)]
        target: ExportTarget,
    },
    /// Print the catalogue format's JSON Schema.
    Schema {
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a big catalogue as a pack of static files the widget fetches piece by piece
    /// (over about 2,000 programs). Refuses a catalogue with errors. Prints the sizes.
    Pack {
        /// The catalogue JSON file.
        file: PathBuf,
        /// The folder to write into: `pack.json` (give its address to the widget) and a
        /// folder named by the pack's content hash.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Programs per need, per county and per age band, and entries due for review.
    Stats {
        file: PathBuf,
        /// The date to judge "due for review" against (YYYY-MM-DD); default today.
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum ImportSource {
    /// A CSV spreadsheet, one row per program (see public/catalogue-template.csv).
    Csv {
        file: PathBuf,
        /// Where to write the catalogue JSON (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        report: ReportOptions,
    },
    /// Open Referral HSDS (1.x, 2.x or 3.0): a CSV data-package folder, a JSON file (one service, a list, or an API page), or several JSON files or a folder of them (the pages of an API listing).
    Hsds {
        #[arg(required = true, num_args = 1..)]
        paths: Vec<PathBuf>,
        /// Where to write the catalogue JSON (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A JSON file mapping need ids to taxonomy terms (default: the built-in mapping).
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Make a taxonomy term that matches no need a new need of the catalogue (label: the term).
        #[arg(long)]
        new_needs: bool,
        /// Guess needs from the program's name when its taxonomy terms give none (each guess is noted).
        #[arg(long)]
        guess_needs: bool,
        /// Make every city outside Connecticut that a service area ("Holyoke, MA") or an address names one of the catalogue's places, so an export from any region becomes a finder for that region.
        #[arg(long)]
        places_from_data: bool,
        /// Keep programs families could not find (no need or no town), to complete by hand; by default they are left out, each noted.
        #[arg(long)]
        keep_incomplete: bool,
        #[command(flatten)]
        report: ReportOptions,
    },
}

/// How much of an import's notes to show: by default a summary with the notes grouped.
#[derive(Args, Debug, Clone, Default)]
pub struct ReportOptions {
    /// Also write every note to this file, as JSON lines ({"kind", "place", "message"}) for scripts.
    #[arg(long, value_name = "FILE")]
    notes: Option<PathBuf>,
    /// Also print every note after the summary.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Subcommand, Debug)]
enum ExportTarget {
    /// A CSV spreadsheet that `import csv` reads back.
    Csv {
        file: PathBuf,
        /// Where to write the CSV (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// A failure that stops a command, said plainly.
#[derive(Debug)]
pub struct Failure(String);

impl<T: std::fmt::Display> From<T> for Failure {
    fn from(message: T) -> Self {
        Failure(message.to_string())
    }
}

/// Parses the arguments and runs the command. Returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout and usage errors to stderr.
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let result = match cli.command {
        Command::Check { file, format, today } => check::run(&file, format, today.as_deref()),
        Command::Import { source: ImportSource::Csv { file, output, report } } => {
            convert::import_csv(&file, output.as_deref(), &report)
        }
        Command::Import {
            source:
                ImportSource::Hsds {
                    paths,
                    output,
                    mapping,
                    new_needs,
                    guess_needs,
                    places_from_data,
                    keep_incomplete,
                    report,
                },
        } => {
            let needs =
                hsds::NeedOptions { mapping, new_needs, guess_needs, places_from_data, keep_incomplete };
            hsds::import(&paths, output.as_deref(), &needs, &report)
        }
        Command::Export { target: ExportTarget::Csv { file, output } } => {
            convert::export_csv(&file, output.as_deref())
        }
        Command::Schema { output } => {
            write_output(output.as_deref(), &finder_core::format::json_schema()).map(|_| ExitCode::SUCCESS)
        }
        Command::Pack { file, output } => pack::run(&file, &output),
        Command::Stats { file, today } => stats::run(&file, today.as_deref()),
    };
    result.unwrap_or_else(|Failure(message)| {
        eprintln!("catalogue: {message}");
        ExitCode::from(2)
    })
}

fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// `--today` if given, else the system clock's date in `zone` (the catalogue's).
fn today(given: Option<&str>, zone: finder_core::hours::TimeZone) -> Result<(u32, u32, u32), Failure> {
    match given {
        Some(text) => finder_core::parse_date(text)
            .ok_or_else(|| Failure(format!("--today \"{text}\" is not a date written as YYYY-MM-DD"))),
        None => {
            let ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
            let (year, month, day) = finder_core::hours::WallClock::from_unix_ms(ms, zone).date.ymd();
            Ok((year.max(0) as u32, month, day))
        }
    }
}

fn main() -> ExitCode {
    run(std::env::args_os())
}
