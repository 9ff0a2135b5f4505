//! `catalogue import csv` and `catalogue export csv`, and the report every import ends
//! with (`catalogue import hsds` is in `hsds.rs`).
//!
//! Imports write the catalogue, then say on standard error what could not be carried
//! over and how the result checks, so staff know exactly what is left to do.

use std::path::Path;
use std::process::ExitCode;

use finder_core::check::{check, CheckOptions};
use finder_core::format::{standard_needs, CatalogueFile};
use finder_core::import::{csv, Imported};

use super::{read_text, write_output, Failure};

pub(super) fn import_csv(file: &Path, output: Option<&Path>) -> Result<ExitCode, Failure> {
    let text = read_text(file)?;
    let imported =
        csv::import(&text, standard_needs()).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    finish_import(file, output, imported)
}

pub(super) fn finish_import(
    source: &Path,
    output: Option<&Path>,
    imported: Imported,
) -> Result<ExitCode, Failure> {
    let json = imported.catalogue.to_json();
    write_output(output, &json)?;
    let count = imported.catalogue.programs.len();
    eprintln!("Imported {count} program(s) from {}.", source.display());
    if !imported.notes.is_empty() {
        eprintln!("\nNot carried over as it was ({}):", imported.notes.len());
        for note in &imported.notes {
            eprintln!("  {note}");
        }
    }
    let report = check(&json, &CheckOptions::default());
    let target = output.map_or("the output".to_string(), |p| p.display().to_string());
    if report.errors() > 0 {
        eprintln!(
            "\nThe new catalogue has {} error(s) to fix before publishing: run `catalogue check {target}`.",
            report.errors()
        );
    } else {
        eprintln!("\nThe new catalogue checks clean ({} warning(s)).", report.warnings());
    }
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
