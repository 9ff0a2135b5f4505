//! One CSV file of a data package, read as exports really write them: a byte-order mark,
//! column names in any case with stray spaces (`" Service_ID "` is `service_id`), and
//! values separated by semicolons, tabs or bars instead of commas (noted, then read).
//!
//! Rows are kept as their non-empty values by column name; [`Index`] finds rows by the id
//! they link to without scanning.

use std::collections::HashMap;
use std::rc::Rc;

use super::model::Fields;
use crate::import::{ImportError, ImportNote};

/// One parsed CSV file (or several of the same table, one after another).
#[derive(Default)]
pub(super) struct Table {
    /// Column names, normalised by [`column_name`].
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row: its non-empty values by column name.
pub(super) struct Row {
    /// The file it came from, as named in the package (`physical_addresses.csv`).
    pub file: Rc<str>,
    /// As a spreadsheet counts it: the header is row 1.
    pub number: usize,
    values: HashMap<String, String>,
}

impl Row {
    pub fn get(&self, column: &str) -> Option<&str> {
        self.values.get(column).map(String::as_str)
    }

    /// `services.csv row 4`, for notes.
    pub fn place(&self) -> String {
        format!("{} row {}", self.file, self.number)
    }
}

impl Fields for Row {
    fn text(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_string)
    }
}

/// The separators exports use, with their names for notes. Comma first: it wins ties.
const SEPARATORS: [(u8, &str); 4] = [(b',', "commas"), (b';', "semicolons"), (b'\t', "tabs"), (b'|', "bars")];

impl Table {
    /// Parses one file. A separator other than the comma is noted in `notes`.
    pub fn parse(file: &str, text: &str, notes: &mut Vec<ImportNote>) -> Result<Table, ImportError> {
        // Spreadsheet programs often start UTF-8 files with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (separator, name) = separator(text);
        if separator != b',' {
            notes.push(ImportNote::new(
                file,
                format!("values are separated by {name}, not commas; the file was read that way"),
            ));
        }
        let mut reader =
            ::csv::ReaderBuilder::new().flexible(true).delimiter(separator).from_reader(text.as_bytes());
        let columns: Vec<String> = reader
            .headers()
            .map_err(|e| ImportError(format!("{file} could not be read as CSV: {e}")))?
            .iter()
            .map(column_name)
            .collect();
        let file: Rc<str> = Rc::from(file);
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let number = i + 2;
            let record = record
                .map_err(|e| ImportError(format!("{file} row {number} could not be read as CSV: {e}")))?;
            let values: HashMap<String, String> = columns
                .iter()
                .zip(record.iter())
                .map(|(column, value)| (column.clone(), value.trim().to_string()))
                .filter(|(_, value)| !value.is_empty())
                .collect();
            if !values.is_empty() {
                rows.push(Row { file: file.clone(), number, values });
            }
        }
        Ok(Table { columns, rows })
    }

    /// This table's rows, then `other`'s (`schedules.csv` and `regular_schedules.csv`).
    pub fn and(mut self, other: Table) -> Table {
        for column in other.columns {
            if !self.columns.contains(&column) {
                self.columns.push(column);
            }
        }
        self.rows.extend(other.rows);
        self
    }

    pub fn has_column(&self, column: &str) -> bool {
        self.columns.iter().any(|c| c == column)
    }

    /// The rows by one column's value.
    pub fn by(&self, column: &str) -> Index<'_> {
        let mut index: HashMap<&str, Vec<&Row>> = HashMap::new();
        for row in &self.rows {
            if let Some(key) = row.get(column) {
                index.entry(key).or_default().push(row);
            }
        }
        Index(index)
    }
}

/// A column name as the readers look it up: `" Service ID"` → `service_id`.
pub(super) fn column_name(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '"');
    trimmed.to_lowercase().split([' ', '-']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("_")
}

/// The separator of the header line: commas unless there are none and another separator
/// appears there.
fn separator(text: &str) -> (u8, &'static str) {
    let header = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; SEPARATORS.len()];
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = SEPARATORS.iter().position(|(s, _)| *s == byte) {
                counts[i] += 1;
            }
        }
    }
    if counts[0] > 0 {
        return SEPARATORS[0];
    }
    let best = (1..SEPARATORS.len()).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] > 0 {
        SEPARATORS[best]
    } else {
        SEPARATORS[0]
    }
}

/// Rows by one column's value.
pub(super) struct Index<'a>(HashMap<&'a str, Vec<&'a Row>>);

impl<'a> Index<'a> {
    /// The rows with this value, in file order; none for an empty key.
    pub fn get(&self, key: &str) -> &[&'a Row] {
        self.0.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_as_exports_write_them() {
        let table = [
            ("id", "id"),
            ("\u{feff}id", "id"),
            (" Service_ID ", "service_id"),
            ("Service ID", "service_id"),
            ("\"Taxonomy-Term-Id\"", "taxonomy_term_id"),
        ];
        for (raw, expected) in table {
            assert_eq!(column_name(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn separators_are_found_in_the_header() {
        let table = [
            ("id,name\n1,a;b", b','),
            ("id;name\n1;a", b';'),
            ("id\tname\n1\ta", b'\t'),
            ("id|name\n", b'|'),
            ("\"a;b\",c\n", b','),
            ("\"a,b\";c\n", b';'),
            ("id\n1\n", b','),
        ];
        for (text, expected) in table {
            assert_eq!(separator(text).0, expected, "{text:?}");
        }
    }

    #[test]
    fn semicolons_are_read_and_noted() {
        let mut notes = Vec::new();
        let table = Table::parse("services.csv", "ID ; Name\ns1;Pantry\n", &mut notes).unwrap();
        assert_eq!(table.columns, ["id", "name"]);
        assert_eq!(table.rows[0].get("name"), Some("Pantry"));
        assert_eq!(
            notes[0].to_string(),
            "services.csv: values are separated by semicolons, not commas; the file was read that way"
        );
    }
}
