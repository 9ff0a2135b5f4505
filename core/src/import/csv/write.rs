//! A catalogue's programs as a spreadsheet, one row each, in the columns [`import`](super::import) reads.

use std::collections::BTreeSet;

use super::columns::{COLUMNS, TRANSLATED};
use crate::format::{CatalogueFile, ProgramEntry};
use crate::hours::text;

/// The catalogue's programs as CSV text: see [`export`](super::export).
pub(super) fn write(catalogue: &CatalogueFile) -> String {
    let mut languages: BTreeSet<&str> =
        catalogue.programs.iter().flat_map(|p| p.translations.keys().map(String::as_str)).collect();
    languages.remove("es");
    let mut header: Vec<String> = COLUMNS.iter().map(|(column, _)| column.to_string()).collect();
    for language in &languages {
        header.extend(TRANSLATED.iter().map(|field| format!("{field}_{language}")));
    }
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to memory cannot fail, and a String holds whatever the writer was given, so
    // the results below are safe to ignore.
    let _ = writer.write_record(&header);
    for program in &catalogue.programs {
        let _ = writer.write_record(header.iter().map(|column| protect(export_cell(program, column))));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut text = String::from(super::BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

fn export_cell(program: &ProgramEntry, column: &str) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    // Rust writes the shortest decimal that reads back as the same number, never an exponent.
    let number = |value: Option<f64>| value.map(|n| n.to_string()).unwrap_or_default();
    match column {
        "id" => program.id.clone(),
        "name" => program.name.clone(),
        "organization" => text(&program.organization),
        "description" => text(&program.description),
        "needs" => program.needs.join("; "),
        "towns" => program.towns.join("; "),
        "statewide" => if program.statewide { "yes" } else { "" }.to_string(),
        "fallback" => if program.fallback { "yes" } else { "" }.to_string(),
        "minimum_age" => number(program.minimum_age),
        "maximum_age" => number(program.maximum_age),
        "phone" => text(&program.phone),
        "website" => text(&program.website),
        "email" => text(&program.email),
        "address" => text(&program.address),
        "hours" => text(&program.hours),
        "schedule" => program.schedule.as_ref().map(text::write).unwrap_or_default(),
        "schedule_exceptions" => {
            program.schedule.as_ref().map(|s| text::write_exceptions(&s.exceptions)).unwrap_or_default()
        }
        "eligibility" => text(&program.eligibility),
        "languages" => program.languages.join("; "),
        "cost" => text(&program.cost),
        "last_reviewed" => text(&program.last_reviewed),
        other => {
            // Translation columns: the header was made from the catalogue's own language
            // code, so look it up as written rather than through the forgiving reading.
            let Some((field, language)) = other.split_once('_') else { return String::new() };
            let Some(translation) = program.translations.get(language) else { return String::new() };
            // A copy, to reach the field through the one map of names to fields.
            let mut translation = translation.clone();
            translation.field_mut(field).map(|value| text(value)).unwrap_or_default()
        }
    }
}

/// A leading `'` on cells a spreadsheet would run as a formula, and on cells that already
/// start with `'`, so that the import's stripping of one `'` gives them back unchanged.
fn protect(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{cell}")
    } else {
        cell
    }
}
