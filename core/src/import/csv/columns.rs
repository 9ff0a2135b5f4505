//! The spreadsheet's columns, written once: their names and what each holds, which must be
//! there, and how a column name as staff typed it is read.

use crate::spelling::closest;

/// Writes the column table's constants from one list: the program's own fields, then the
/// fields that have translations (a Spanish column each, `name_es`, and as many columns for
/// any other language).
macro_rules! columns {
    (
        fields: [$(($field:literal, $holds:literal $(,)?),)*]
        translated: [$(($translated:literal, $the_text:literal),)*]
    ) => {
        /// The columns, in order, with what each holds (for the documentation and the tool's help).
        pub const COLUMNS: &[(&str, &str)] = &[
            $(($field, $holds),)*
            $((concat!($translated, "_es"), concat!($the_text, " in Spanish")),)*
        ];

        /// The columns of the program's own fields, by name: the first of [`COLUMNS`].
        pub(super) const FIELDS: &[&str] = &[$($field),*];

        /// The fields a translation column can hold, in the order their columns are written.
        pub(super) const TRANSLATED: &[&str] = &[$($translated),*];
    };
}

columns! {
    fields: [
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
        ("hours", "when it is open, as families should read it"),
        (
            "schedule",
            "opening hours the finder understands: Mon-Fri 9:00-17:00; Sat 10-14, or 24 hours, or By appointment",
        ),
        ("schedule_exceptions", "dates with other hours: 2026-12-25 closed; 2026-12-24 9:00-12:00"),
        ("eligibility", "who can use it"),
        ("languages", "language codes separated by ; such as en; es"),
        ("cost", "free, sliding scale, …"),
        ("last_reviewed", "when staff last checked the row, as YYYY-MM-DD"),
        // After the columns older spreadsheets have, so their first twenty keep their places.
        ("fallback", "yes to show it to families whose choices match nothing, such as 2-1-1"),
    ]
    translated: [
        ("name", "the name"),
        ("description", "the description"),
        ("eligibility", "the eligibility"),
        ("hours", "the hours"),
        ("cost", "the cost"),
    ]
}

/// The columns every spreadsheet must have…
const REQUIRED: [&str; 3] = ["id", "name", "needs"];

/// …and at least one of these, so each program says where it serves.
const ONE_OF: [&str; 2] = ["towns", "statewide"];

/// What a row of column names lacks to make a catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Missing {
    /// These required columns, in the order of [`REQUIRED`].
    Required(Vec<&'static str>),
    /// Every required column is there, but neither `towns` nor `statewide`.
    Place,
}

impl Missing {
    /// What the row of column names lacks, if anything; `has` says whether a column is there.
    pub fn find(has: impl Fn(&str) -> bool) -> Option<Missing> {
        let required: Vec<&'static str> = REQUIRED.into_iter().filter(|column| !has(column)).collect();
        if !required.is_empty() {
            Some(Missing::Required(required))
        } else if !ONE_OF.iter().any(|column| has(column)) {
            Some(Missing::Place)
        } else {
            None
        }
    }

    /// Why no catalogue can be made (`unknown`: the columns that were not read, as
    /// (written, key), so a misspelled required one can be pointed out).
    pub fn error(&self, unknown: &[(String, String)]) -> String {
        let Missing::Required(missing) = self else {
            return format!(
                "the spreadsheet has neither a \"{}\" nor a \"{}\" column: every program needs one or the other",
                ONE_OF[0], ONE_OF[1]
            );
        };
        let quoted: Vec<String> = missing.iter().map(|c| format!("\"{c}\"")).collect();
        let listed = match quoted.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        let renames: Vec<String> = unknown
            .iter()
            .filter_map(|(name, key)| suggest_column(key).filter(|c| missing.contains(c)).map(|c| (name, c)))
            .map(|(name, c)| format!("is \"{name}\" meant to be \"{c}\"?"))
            .collect();
        let hint = if renames.is_empty() { String::new() } else { format!(" ({})", renames.join(" ")) };
        format!(
            "the spreadsheet has no {listed} column: the row of column names must have them, as in the template{hint}"
        )
    }
}

/// "Minimum Age " → `minimum_age`; `Name-ES*` → `name_es`.
pub(super) fn column_key(name: &str) -> String {
    let name = name.trim().trim_start_matches(super::BOM).trim_end_matches(['*', ':']).trim().to_lowercase();
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        let c = if c.is_whitespace() || c == '-' { '_' } else { c };
        // "Minimum  Age" and "minimum - age" are still minimum_age.
        if !(c == '_' && key.ends_with('_')) {
            key.push(c);
        }
    }
    key.trim_matches('_').to_string()
}

/// `description_pt` → ("description", "pt"); `name_pt_br` → ("name", "pt-BR").
pub(super) fn translation_column(key: &str) -> Option<(&'static str, String)> {
    let (field, language) = key.split_once('_')?;
    let field = TRANSLATED.iter().copied().find(|f| *f == field)?;
    Some((field, language_tag(language)?))
}

/// `pt_br` → `pt-BR`: a 2–3 letter language code and optional subtags, cased the way
/// language tags are usually written, so that an exported `name_pt-BR` comes back as
/// `pt-BR` even though column names are read without case.
fn language_tag(key: &str) -> Option<String> {
    let mut parts = key.split('_');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for part in parts {
        if !(2..=8).contains(&part.len()) || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let letters = part.chars().all(|c| c.is_ascii_alphabetic());
        tag.push('-');
        match part.len() {
            2 if letters => tag.push_str(&part.to_ascii_uppercase()),
            4 if letters => {
                let (first, rest) = part.split_at(1);
                tag.push_str(&first.to_ascii_uppercase());
                tag.push_str(&rest.to_ascii_lowercase());
            }
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

/// The known column a misspelled or singular name most likely meant ("Town" → `towns`).
pub(super) fn suggest_column(key: &str) -> Option<&'static str> {
    closest(key, COLUMNS.iter().map(|(c, _)| *c))
}

/// The column letter a spreadsheet shows: 0 → A, 25 → Z, 26 → AA.
pub(super) fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_fields_then_their_spanish_columns() {
        assert_eq!(COLUMNS.len(), FIELDS.len() + TRANSLATED.len());
        let names: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
        assert_eq!(names[..FIELDS.len()], *FIELDS);
        for ((column, holds), field) in COLUMNS[FIELDS.len()..].iter().zip(TRANSLATED) {
            assert_eq!(*column, format!("{field}_es"));
            assert!(holds.starts_with("the ") && holds.ends_with(" in Spanish"), "{holds}");
            assert!(FIELDS.contains(field), "{field} is translated, so it is a field too");
        }
    }

    #[test]
    fn a_catalogue_needs_ids_names_needs_and_places() {
        let table = [
            ("id,name,needs,towns", None),
            ("id,name,needs,statewide", None),
            ("id,name,needs,towns,statewide", None),
            ("id,name,towns", Some(Missing::Required(vec!["needs"]))),
            ("needs,statewide", Some(Missing::Required(vec!["id", "name"]))),
            ("", Some(Missing::Required(vec!["id", "name", "needs"]))),
            ("id,name,needs", Some(Missing::Place)),
        ];
        for (header, expected) in table {
            let columns: Vec<&str> = header.split(',').collect();
            assert_eq!(Missing::find(|column| columns.contains(&column)), expected, "{header}");
        }
    }
}
