//! The file as rows, numbered as staff see them in their spreadsheet, and the row of
//! column names among them.

use std::collections::BTreeSet;

use super::columns::{column_key, Missing};
use crate::import::{ImportError, ImportNote};

/// How far down a title row may push the row of column names.
const HEADER_SEARCH_ROWS: usize = 10;

/// One record of the file, numbered as a spreadsheet shows it.
pub(super) struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }

    pub fn place(&self) -> String {
        format!("row {}", self.number)
    }
}

pub(super) fn empty_spreadsheet() -> ImportError {
    ImportError("the spreadsheet is empty: its first row should name the columns, as in the template".into())
}

/// Reads the file as comma-separated, or, when that finds no row of column names but
/// semicolons or tabs do, as those (spreadsheets set to some regions save with `;`, and
/// copying cells into a text file gives tabs). Returns the rows and where the header is.
pub(super) fn read_table(text: &str, notes: &mut Vec<ImportNote>) -> Result<(Vec<Row>, usize), ImportError> {
    let commas = read_rows(text, b',')?;
    let Some(header_at) = find_header(&commas) else {
        return Err(empty_spreadsheet());
    };
    if has_required_columns(&commas[header_at]) {
        return Ok((commas, header_at));
    }
    for (delimiter, what) in [(b';', "semicolons"), (b'\t', "tabs")] {
        let rows = read_rows(text, delimiter)?;
        if let Some(at) = find_header(&rows).filter(|&at| has_required_columns(&rows[at])) {
            notes.push(ImportNote::new(
                rows[at].place(),
                format!("the columns are separated by {what}, not commas — read anyway"),
            ));
            return Ok((rows, at));
        }
    }
    // Neither works: read as commas, and let the header say what is missing.
    Ok((commas, header_at))
}

/// The rows, each numbered as a spreadsheet shows it: blank lines count as rows, and a cell
/// holding line breaks is still one row. (The csv crate skips blank lines and its line
/// numbers ignore them, so the numbers are counted here from where each record ends.)
fn read_rows(text: &str, delimiter: u8) -> Result<Vec<Row>, ImportError> {
    let bytes = text.as_bytes();
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    let (mut end, mut number) = (0, 0);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ImportError(format!("the file cannot be read as CSV: {e}"))),
        }
        let start = end;
        end = usize::try_from(reader.position().byte()).unwrap_or(bytes.len()).min(bytes.len());
        // Line breaks since the last record = blank lines skipped + breaks inside this
        // record's cells + the one ending this record (if the file does not end here).
        let breaks = line_breaks(bytes, start, end);
        let inside: usize = record.iter().map(|cell| line_breaks(cell.as_bytes(), 0, cell.len())).sum();
        let ended = end > 0 && matches!(bytes.get(end - 1), Some(b'\n' | b'\r'));
        let blank_lines = breaks.saturating_sub(inside + usize::from(ended));
        number += 1 + blank_lines;
        rows.push(Row { number, cells: record.iter().map(String::from).collect() });
    }
    Ok(rows)
}

/// Line breaks in `bytes[from..to]`: `\r\n`, `\n` and `\r` each count once (a `\n` right
/// after `\r` belongs to it, even when the `\r` comes before `from`).
fn line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| match bytes.get(i) {
            Some(b'\r') => true,
            Some(b'\n') => i == 0 || bytes.get(i - 1) != Some(&b'\r'),
            _ => false,
        })
        .count()
}

/// The row of column names: the first one (among the first few) naming `id` and `name`,
/// so a title row above it does no harm; else the first row that is not blank.
fn find_header(rows: &[Row]) -> Option<usize> {
    let filled = || rows.iter().enumerate().filter(|(_, row)| !row.is_blank());
    filled()
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, row)| {
            let keys: Vec<String> = row.cells.iter().map(|cell| column_key(cell)).collect();
            keys.iter().any(|k| k == "id") && keys.iter().any(|k| k == "name")
        })
        .or_else(|| filled().next())
        .map(|(at, _)| at)
}

/// Whether a row of column names has every column a catalogue needs.
fn has_required_columns(header: &Row) -> bool {
    let keys: BTreeSet<String> = header.cells.iter().map(|cell| column_key(cell)).collect();
    Missing::find(|column| keys.contains(column)).is_none()
}
