//! What each column of the spreadsheet is, from the row of column names as staff wrote it.

use std::collections::BTreeMap;

use super::columns::{column_key, suggest_column, translation_column, Missing, FIELDS};
use super::rows::Row;
use crate::import::{ImportError, ImportNote};

/// What a column of the spreadsheet is read as.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Column {
    /// One of the program's own fields, by its column name (one of [`FIELDS`]).
    Field(&'static str),
    /// Text in another language: the field and the language code.
    Translation(&'static str, String),
    /// Named, but not read (unknown, or a repeat); already noted.
    Ignored,
    /// No name in the header row; cells with something in them are noted.
    Unnamed,
}

/// The meaning of each column, from the row of column names.
pub(super) struct Layout {
    pub header_row: usize,
    /// The column names as staff wrote them (trimmed), for notes.
    names: Vec<String>,
    pub columns: Vec<Column>,
    pub fields: BTreeMap<&'static str, usize>,
}

impl Layout {
    pub fn read(header: &Row, notes: &mut Vec<ImportNote>) -> Result<Layout, ImportError> {
        let mut layout = Layout {
            header_row: header.number,
            names: header
                .cells
                .iter()
                .map(|name| name.trim().trim_start_matches(super::BOM).trim().to_string())
                .collect(),
            columns: Vec::new(),
            fields: BTreeMap::new(),
        };
        let mut first_with_key: BTreeMap<String, usize> = BTreeMap::new();
        let mut unknown = Vec::new();
        for (index, name) in layout.names.iter().enumerate() {
            let key = column_key(name);
            let column = if key.is_empty() {
                Column::Unnamed
            } else if let Some(&first) = first_with_key.get(&key) {
                let first = layout.names.get(first).map_or("", String::as_str);
                notes.push(ImportNote::new(
                    header.place(),
                    format!("column \"{name}\" repeats column \"{first}\"; only the first is used"),
                ));
                Column::Ignored
            } else if let Some(field) = FIELDS.iter().copied().find(|c| *c == key) {
                layout.fields.insert(field, index);
                Column::Field(field)
            } else if let Some((field, language)) = translation_column(&key) {
                Column::Translation(field, language)
            } else {
                let hint =
                    suggest_column(&key).map(|c| format!(" — did you mean \"{c}\"?")).unwrap_or_default();
                notes.push(ImportNote::new(header.place(), format!("column \"{name}\" is not used{hint}")));
                unknown.push((name.clone(), key.clone()));
                Column::Ignored
            };
            if !key.is_empty() {
                first_with_key.entry(key).or_insert(index);
            }
            layout.columns.push(column);
        }
        if let Some(missing) = Missing::find(|column| layout.fields.contains_key(column)) {
            return Err(ImportError(missing.error(&unknown)));
        }
        Ok(layout)
    }

    /// The column name for notes, as staff wrote it.
    pub fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}
