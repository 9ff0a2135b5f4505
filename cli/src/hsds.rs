//! `catalogue import hsds PATH...`: Open Referral HSDS from the files staff get.
//!
//! One folder of CSV tables is a data package (with its `datapackage.json`, when there);
//! one JSON file, several, or a folder of them are read as one listing (the pages of an
//! API export). Every file is read as bytes and decoded first, so a file saved as UTF-16
//! or Windows-1252 imports (noted), and anything else that cannot be imported gets one
//! sentence naming the file and what was expected (exit status 2).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use finder_core::import::encoding::decode;
use finder_core::import::hsds::{self, TaxonomyMapping};
use finder_core::import::{ImportNote, Imported};

use super::convert::finish_import;
use super::{read_text, Failure, ReportOptions};

/// How needs and places are found: `--mapping`, `--new-needs`, `--guess-needs`,
/// `--places-from-data`, `--keep-incomplete`.
pub(super) struct NeedOptions {
    pub mapping: Option<PathBuf>,
    pub new_needs: bool,
    pub guess_needs: bool,
    pub places_from_data: bool,
    pub keep_incomplete: bool,
}

/// What the paths hold.
enum Source {
    /// A data-package folder: its CSV files and `datapackage.json`.
    Tables(BTreeMap<String, String>),
    /// JSON files, by name.
    Json(Vec<(String, String)>),
}

pub(super) fn import(
    paths: &[PathBuf],
    output: Option<&Path>,
    needs: &NeedOptions,
    report: &ReportOptions,
) -> Result<ExitCode, Failure> {
    let mapping = match &needs.mapping {
        Some(file) => TaxonomyMapping::from_json(&read_text(file)?)
            .map_err(|e| Failure(format!("{}: {e}", file.display())))?,
        None => TaxonomyMapping::standard(),
    }
    .with_new_needs(needs.new_needs)
    .with_guesses_from_names(needs.guess_needs);
    let mut notes = Vec::new();
    let shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    let named = |e| Failure(format!("{shown}: {e}"));
    let import = hsds::HsdsImport::new(&mapping)
        .places_from_data(needs.places_from_data)
        .publishable(!needs.keep_incomplete);
    let imported = match source(paths, &mut notes)? {
        Source::Tables(tables) => import.tables(&tables).map_err(named)?,
        Source::Json(files) if files.len() == 1 => import.json(&files[0].1).map_err(named)?,
        // Errors name the file already.
        Source::Json(files) => import.json_files(&files).map_err(Failure::from)?,
    };
    // How the files were decoded comes first: it explains any odd letters below.
    notes.extend(imported.notes);
    let imported = Imported { notes, ..imported };
    finish_import(Path::new(&shown), output, imported, report)
}

fn source(paths: &[PathBuf], notes: &mut Vec<ImportNote>) -> Result<Source, Failure> {
    if let [folder] = paths {
        if folder.is_dir() {
            return folder_source(folder, notes);
        }
        if has_extension(folder, "csv") {
            return Err(Failure(format!(
                "{} is one CSV file: an HSDS CSV data package is a folder of tables (services.csv, organizations.csv, ...): import the folder",
                folder.display()
            )));
        }
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            return Err(Failure(format!(
                "{} is a folder: give one folder, or JSON files only",
                path.display()
            )));
        }
        files.push((path.display().to_string(), read_decoded(path, notes)?));
    }
    Ok(Source::Json(files))
}

/// A folder: its CSV tables if it has any, else its JSON files.
fn folder_source(folder: &Path, notes: &mut Vec<ImportNote>) -> Result<Source, Failure> {
    let entries =
        std::fs::read_dir(folder).map_err(|e| Failure(format!("cannot read {}: {e}", folder.display())))?;
    let mut paths = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(|e| Failure(format!("cannot read {}: {e}", folder.display())))?.path());
    }
    paths.sort();
    let name = |path: &Path| path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let csv: Vec<&PathBuf> = paths.iter().filter(|p| has_extension(p, "csv")).collect();
    let json: Vec<&PathBuf> = paths.iter().filter(|p| has_extension(p, "json")).collect();
    if !csv.is_empty() {
        let mut tables = BTreeMap::new();
        for path in csv.into_iter().chain(json.into_iter().filter(|p| name(p) == "datapackage.json")) {
            tables.insert(name(path), read_decoded(path, notes)?);
        }
        return Ok(Source::Tables(tables));
    }
    if json.is_empty() {
        return Err(Failure(format!(
            "{} has no CSV or JSON files: expected an HSDS CSV data package (services.csv, organizations.csv, ...) or HSDS JSON files",
            folder.display()
        )));
    }
    let mut files = Vec::new();
    for path in json {
        files.push((name(path), read_decoded(path, notes)?));
    }
    Ok(Source::Json(files))
}

/// A file's text in whatever encoding it was saved in; a note when it was not UTF-8.
fn read_decoded(path: &Path, notes: &mut Vec<ImportNote>) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let (text, note) = decode(name, &bytes).map_err(|e| {
        // The core names the file by its name; the folder helps staff find it.
        Failure(e.0.replacen(name, &path.display().to_string(), 1))
    })?;
    notes.extend(note);
    Ok(text)
}

fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(wanted))
}
