//! Spreadsheets: one row per program, in and out.
//!
//! Staff keep programs in a spreadsheet and save it as CSV (UTF-8). The first row names the
//! columns ([`COLUMNS`]); headers are matched forgivingly ("Minimum Age" is
//! `minimum_age`). Cells holding lists (`needs`, `towns`, `languages`) separate items with
//! `;`. Spanish (or any language's) text goes in `name_es`, `description_es`, ….
//!
//! A cell that starts with `=`, `+`, `-` or `@` could run as a formula when the file is
//! opened in a spreadsheet program, so [`export`] writes it with a leading `'` (the usual
//! spreadsheet convention) and [`import`] removes one leading `'`.
//!
//! ```
//! use finder_core::import::csv::{export, import};
//! use finder_core::format::standard_needs;
//! let text = "id,name,needs,towns\npantry,Mobile pantry,food,Hartford; Windham County\n";
//! let imported = import(text, standard_needs()).unwrap();
//! assert_eq!(imported.catalogue.programs[0].towns, ["Hartford", "Windham County"]);
//! assert!(export(&imported.catalogue).starts_with("id,name,organization"));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::{ImportError, ImportNote, Imported};
use crate::format::{CatalogueFile, NeedEntry, ProgramEntry, ProgramTranslation};

/// The columns, in order, with what each holds.
pub const COLUMNS: &[(&str, &str)] = &[
    ("id", "a unique id for the program, such as mobile-pantry (required)"),
    ("name", "the program's name (required)"),
    ("organization", "who runs it"),
    ("description", "what it offers, in a sentence or three"),
    ("needs", "need ids separated by ; such as food; housing (required)"),
    ("towns", "towns, counties (\"Windham County\") or villages, separated by ;"),
    ("statewide", "yes if it serves all of Connecticut (then towns can be empty)"),
    ("minimum_age", "youngest age served, in years"),
    ("maximum_age", "oldest age served, in years (0.5 means up to six months)"),
    ("phone", "a phone number families can call"),
    ("website", "a web address starting with https://"),
    ("email", "an email address"),
    ("address", "where to go"),
    ("hours", "when it is open"),
    ("eligibility", "who can use it"),
    ("languages", "language codes separated by ; such as en; es"),
    ("cost", "free, sliding scale, …"),
    ("last_reviewed", "when staff last checked the row, as YYYY-MM-DD"),
    ("name_es", "the name in Spanish"),
    ("description_es", "the description in Spanish"),
    ("eligibility_es", "the eligibility in Spanish"),
    ("hours_es", "the hours in Spanish"),
    ("cost_es", "the cost in Spanish"),
];

/// The fields a translation column can hold.
const TRANSLATED: [&str; 5] = ["name", "description", "eligibility", "hours", "cost"];

/// Reads a spreadsheet saved as CSV. See the module documentation.
pub fn import(text: &str, needs: Vec<NeedEntry>) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers =
        reader.headers().map_err(|e| ImportError(format!("the first row cannot be read: {e}")))?.clone();
    let mut notes = Vec::new();
    let columns = match_columns(&headers, &mut notes)?;

    let mut catalogue = CatalogueFile::new(needs);
    let mut added_needs = BTreeSet::new();
    for (index, record) in reader.records().enumerate() {
        // The header is row 1, so the first program is row 2, as staff see it.
        let row = index + 2;
        let record = record.map_err(|e| ImportError(format!("row {row} cannot be read: {e}")))?;
        let cell = |name: &str| -> String {
            columns.get(name).and_then(|&i| record.get(i)).map(clean_cell).unwrap_or_default()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(program) = read_row(row, &cell, &columns, &mut notes) else { continue };
        if catalogue.programs.iter().any(|p| p.id == program.id) {
            notes.push(ImportNote::new(
                format!("row {row}"),
                format!("the id \"{}\" is already used by an earlier row — row skipped", program.id),
            ));
            continue;
        }
        for need in &program.needs {
            if !catalogue.needs.iter().any(|n| &n.id == need) && added_needs.insert(need.clone()) {
                catalogue.needs.push(NeedEntry {
                    id: need.clone(),
                    label: need.clone(),
                    ..NeedEntry::default()
                });
                notes.push(ImportNote::new(
                    format!("row {row}, column \"needs\""),
                    format!("\"{need}\" is not a standard need; it was added with the label \"{need}\": give it a proper label"),
                ));
            }
        }
        catalogue.programs.push(program);
    }
    Ok(Imported { catalogue, notes })
}

/// Which column index holds each known field; notes unknown columns.
fn match_columns(
    headers: &csv::StringRecord,
    notes: &mut Vec<ImportNote>,
) -> Result<BTreeMap<String, usize>, ImportError> {
    let mut columns = BTreeMap::new();
    for (index, header) in headers.iter().enumerate() {
        let name = normalize_header(header);
        if name.is_empty() {
            continue;
        }
        if is_known_column(&name) {
            columns.entry(name).or_insert(index);
        } else {
            notes.push(ImportNote::new("row 1", format!("column \"{}\" is not used", header.trim())));
        }
    }
    let missing: Vec<&str> =
        ["id", "name", "needs"].into_iter().filter(|c| !columns.contains_key(*c)).collect();
    if !missing.is_empty() {
        return Err(ImportError(format!(
            "the spreadsheet has no {} column{}: the first row must name the columns (see the template)",
            missing.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", "),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    if !columns.contains_key("towns") && !columns.contains_key("statewide") {
        return Err(ImportError(
            "the spreadsheet has neither a \"towns\" nor a \"statewide\" column: programs need one".into(),
        ));
    }
    Ok(columns)
}

/// "Minimum Age " → "minimum_age".
fn normalize_header(header: &str) -> String {
    header.trim().trim_start_matches('\u{feff}').to_lowercase().replace([' ', '-'], "_")
}

fn is_known_column(name: &str) -> bool {
    COLUMNS.iter().any(|(column, _)| *column == name) || translation_column(name).is_some()
}

/// `description_pt` → ("description", "pt").
fn translation_column(name: &str) -> Option<(&'static str, &str)> {
    let (field, language) = name.rsplit_once('_')?;
    let field = TRANSLATED.iter().find(|f| **f == field)?;
    let is_code = (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_lowercase());
    is_code.then_some((field, language))
}

/// A cell as staff meant it: trimmed, and without the `'` that stops formulas.
fn clean_cell(cell: &str) -> String {
    let cell = cell.trim();
    cell.strip_prefix('\'').unwrap_or(cell).trim().to_string()
}

fn read_row(
    row: usize,
    cell: &dyn Fn(&str) -> String,
    columns: &BTreeMap<String, usize>,
    notes: &mut Vec<ImportNote>,
) -> Option<ProgramEntry> {
    let text = |name: &str| Some(cell(name)).filter(|v| !v.is_empty());
    let list = |name: &str| -> Vec<String> {
        cell(name).split(';').map(str::trim).filter(|v| !v.is_empty()).map(String::from).collect()
    };
    let (id, name) = (cell("id"), cell("name"));
    if id.is_empty() || name.is_empty() {
        let missing = if id.is_empty() { "id" } else { "name" };
        notes.push(ImportNote::new(format!("row {row}"), format!("no {missing} — row skipped")));
        return None;
    }
    let mut age = |column: &str| -> Option<f64> {
        let value = cell(column);
        if value.is_empty() {
            return None;
        }
        match value.parse::<f64>() {
            Ok(years) if years.is_finite() => Some(years),
            _ => {
                notes.push(ImportNote::new(
                    format!("row {row}, column \"{column}\""),
                    format!("\"{value}\" is not a number of years — left empty"),
                ));
                None
            }
        }
    };
    let (minimum_age, maximum_age) = (age("minimum_age"), age("maximum_age"));
    let statewide = match cell("statewide").to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => false,
        "yes" | "y" | "true" | "1" | "x" => true,
        other => {
            notes.push(ImportNote::new(
                format!("row {row}, column \"statewide\""),
                format!("\"{other}\" is not yes or no — read as no"),
            ));
            false
        }
    };
    Some(ProgramEntry {
        id,
        name,
        organization: text("organization"),
        description: text("description"),
        needs: list("needs"),
        towns: list("towns"),
        statewide,
        minimum_age,
        maximum_age,
        phone: text("phone"),
        website: text("website"),
        email: text("email"),
        address: text("address"),
        hours: text("hours"),
        eligibility: text("eligibility"),
        languages: list("languages"),
        cost: text("cost"),
        last_reviewed: text("last_reviewed"),
        translations: read_translations(cell, columns),
    })
}

fn read_translations(
    cell: &dyn Fn(&str) -> String,
    columns: &BTreeMap<String, usize>,
) -> BTreeMap<String, ProgramTranslation> {
    let mut translations: BTreeMap<String, ProgramTranslation> = BTreeMap::new();
    for column in columns.keys() {
        let Some((field, language)) = translation_column(column) else { continue };
        let value = cell(column);
        if value.is_empty() {
            continue;
        }
        let entry = translations.entry(language.to_string()).or_default();
        let slot = match field {
            "name" => &mut entry.name,
            "description" => &mut entry.description,
            "eligibility" => &mut entry.eligibility,
            "hours" => &mut entry.hours,
            _ => &mut entry.cost,
        };
        *slot = Some(value);
    }
    translations
}

/// Writes the catalogue's programs as CSV with the [`COLUMNS`] header, plus translation
/// columns for any language other than Spanish that the catalogue uses.
pub fn export(catalogue: &CatalogueFile) -> String {
    let mut languages: BTreeSet<&str> =
        catalogue.programs.iter().flat_map(|p| p.translations.keys().map(String::as_str)).collect();
    languages.remove("es");
    let mut header: Vec<String> = COLUMNS.iter().map(|(c, _)| c.to_string()).collect();
    for language in &languages {
        header.extend(TRANSLATED.iter().map(|field| format!("{field}_{language}")));
    }
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to memory cannot fail; the results are ignored on purpose.
    let _ = writer.write_record(&header);
    for program in &catalogue.programs {
        let row: Vec<String> = header.iter().map(|column| export_cell(program, column)).collect();
        let _ = writer.write_record(row.iter().map(|c| protect(c)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn export_cell(program: &ProgramEntry, column: &str) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<f64>| value.map(|n| n.to_string()).unwrap_or_default();
    match column {
        "id" => program.id.clone(),
        "name" => program.name.clone(),
        "organization" => text(&program.organization),
        "description" => text(&program.description),
        "needs" => program.needs.join("; "),
        "towns" => program.towns.join("; "),
        "statewide" => if program.statewide { "yes" } else { "" }.to_string(),
        "minimum_age" => number(program.minimum_age),
        "maximum_age" => number(program.maximum_age),
        "phone" => text(&program.phone),
        "website" => text(&program.website),
        "email" => text(&program.email),
        "address" => text(&program.address),
        "hours" => text(&program.hours),
        "eligibility" => text(&program.eligibility),
        "languages" => program.languages.join("; "),
        "cost" => text(&program.cost),
        "last_reviewed" => text(&program.last_reviewed),
        other => match translation_column(other) {
            Some((field, language)) => {
                let translation = program.translations.get(language);
                let value = translation.and_then(|t| match field {
                    "name" => t.name.clone(),
                    "description" => t.description.clone(),
                    "eligibility" => t.eligibility.clone(),
                    "hours" => t.hours.clone(),
                    _ => t.cost.clone(),
                });
                value.unwrap_or_default()
            }
            None => String::new(),
        },
    }
}

/// A leading `'` on cells a spreadsheet would run as a formula (and on cells that already
/// start with `'`, so the import's stripping gives them back unchanged).
fn protect(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}
