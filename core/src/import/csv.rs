//! Spreadsheet import and export (being written).
