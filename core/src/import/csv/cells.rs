//! One cell's text as staff meant it: trimmed, and lists split.

/// A cell as staff meant it: trimmed, and without one leading `'` (which
/// [`export`](super::export) adds to stop formulas, and which spreadsheet users type for
/// the same reason).
pub(super) fn clean_cell(cell: &str) -> String {
    let cell = cell.trim();
    cell.strip_prefix('\'').unwrap_or(cell).trim().to_string()
}

/// The items of a list cell: split on `;`, trimmed, blanks dropped.
pub(super) fn list(cell: &str) -> Vec<String> {
    cell.split(';').map(str::trim).filter(|item| !item.is_empty()).map(String::from).collect()
}

/// The parts of a list item with commas in it ("Hartford, New Britain"), trimmed.
pub(super) fn comma_parts(item: &str) -> Vec<String> {
    item.split(',').map(str::trim).filter(|part| !part.is_empty()).map(String::from).collect()
}
