//! Bringing programs in from where staff already keep them.
//!
//! - [`csv`]: a spreadsheet with one row per program (and the way back out).
//! - [`hsds`]: Open Referral HSDS data (1.x, 2.x and 3.0), as JSON or as a CSV data package.
//! - [`encoding`]: a file's bytes as text, for the command-line tool to call before either.
//!
//! Every importer returns the catalogue it could build *and* notes on everything it could
//! not carry over, so nothing is lost silently.

pub mod csv;
pub mod encoding;
pub mod hsds;

use crate::format::CatalogueFile;

/// What an import produced.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub catalogue: CatalogueFile,
    /// Everything that could not be mapped, or was guessed, in source order.
    pub notes: Vec<ImportNote>,
}

/// One thing an importer could not carry over as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportNote {
    /// Where in the source: `row 4`, `services.csv row 2`, `service "abc" (index 3)`.
    pub place: String,
    /// What happened, in plain words.
    pub message: String,
}

impl ImportNote {
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> ImportNote {
        ImportNote { place: place.into(), message: message.into() }
    }
}

impl std::fmt::Display for ImportNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Why an import could not produce a catalogue at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}
