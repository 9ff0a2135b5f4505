//! `catalogue import csv` and `catalogue export csv`, and the report every import ends
//! with (`catalogue import hsds` is in `hsds.rs`).
//!
//! Imports write the catalogue, then say on standard error what it holds, what could not be
//! carried over (grouped by kind, [`finder_core::import::report`]) and how the result
//! checks, so staff know exactly what is left to do. The exit status says whether the
//! catalogue passes `catalogue check`: 0 it does, 1 it was written but has errors.

use std::path::Path;
use std::process::ExitCode;

use finder_core::check::{check, CheckOptions};
use finder_core::format::{standard_needs, CatalogueFile};
use finder_core::import::report::{notes_as_json_lines, ImportSummary};
use finder_core::import::{csv, Imported};

use super::{read_text, write_output, Failure, ReportOptions};

pub(super) fn import_csv(
    file: &Path,
    output: Option<&Path>,
    report: &ReportOptions,
) -> Result<ExitCode, Failure> {
    let text = read_text(file)?;
    let imported =
        csv::import(&text, standard_needs()).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    finish_import(file, output, imported, report)
}

pub(super) fn finish_import(
    source: &Path,
    output: Option<&Path>,
    imported: Imported,
    options: &ReportOptions,
) -> Result<ExitCode, Failure> {
    let json = imported.catalogue.to_json();
    write_output(output, &json)?;
    if let Some(file) = &options.notes {
        std::fs::write(file, notes_as_json_lines(&imported.notes))
            .map_err(|e| Failure(format!("cannot write {}: {e}", file.display())))?;
    }
    let summary = ImportSummary::of(&imported);
    eprintln!("Imported from {}: {summary}", source.display());
    if options.verbose && !imported.notes.is_empty() {
        eprintln!("Every note ({}):", imported.notes.len());
        for note in &imported.notes {
            eprintln!("  {note}");
        }
        eprintln!();
    }
    match &options.notes {
        Some(file) => {
            eprintln!("Every note ({}) is in {}, one JSON line each.", imported.notes.len(), file.display())
        }
        None if !options.verbose && summary.problems() > 0 => {
            eprintln!("Every note: add --verbose, or --notes FILE for a file of JSON lines.")
        }
        None => {}
    }
    let report = check(&json, &CheckOptions::default());
    let target = output.map_or("the output".to_string(), |p| p.display().to_string());
    if report.errors() > 0 {
        eprintln!(
            "\nThe new catalogue does not pass `catalogue check`: {} error(s) to fix before publishing (run `catalogue check {target}`).",
            report.errors()
        );
        return Ok(ExitCode::from(1));
    }
    eprintln!("\nThe new catalogue passes `catalogue check` ({} warning(s)).", report.warnings());
    Ok(ExitCode::SUCCESS)
}

pub(super) fn export_csv(file: &Path, output: Option<&Path>) -> Result<ExitCode, Failure> {
    let text = read_text(file)?;
    let catalogue: CatalogueFile = serde_json::from_str(&text).map_err(|e| {
        Failure(format!(
            "{} cannot be exported: {e}. Run `catalogue check {}` to find the problem.",
            file.display(),
            file.display()
        ))
    })?;
    write_output(output, &csv::export(&catalogue))?;
    Ok(ExitCode::SUCCESS)
}
