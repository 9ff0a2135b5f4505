//! Bringing programs in from where staff already keep them.
//!
//! - [`csv`]: a spreadsheet with one row per program (and the way back out).
//! - [`hsds`]: Open Referral HSDS data (1.x, 2.x and 3.0), as JSON or as a CSV data package.
//! - [`encoding`]: a file's bytes as text, for the command-line tool to call before either.
//!
//! Both share [`clean_text`] (HTML, broken characters, `\n` written out, names in
//! capitals) and [`ages_in_text`] (ages stated in eligibility text).
//!
//! Every importer returns the catalogue it could build *and* notes on everything it could
//! not carry over, so nothing is lost silently. [`report`] sums them up for staff: what the
//! catalogue holds, then the notes grouped by kind.

pub mod ages_in_text;
pub mod clean_text;
pub mod csv;
pub mod encoding;
pub mod hsds;
pub mod report;

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
    /// What kind of note it is, when the importer said ([`ImportNote::with_kind`]).
    kind: Option<&'static str>,
}

impl ImportNote {
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> ImportNote {
        ImportNote { place: place.into(), message: message.into(), kind: None }
    }

    /// The same note with a kind: a short stable name (`age-from-text`) that the report
    /// groups by and scripts can match on.
    pub fn with_kind(mut self, kind: &'static str) -> ImportNote {
        self.kind = Some(kind);
        self
    }

    /// The note's kind: the one it was given, else the message's fixed wording with what
    /// varies from note to note left out ([`report::message_shape`]): quoted values become
    /// `"…"` and numbers `N`, so `"Hartfrod" is not a Connecticut town` and `"Hartfird" is
    /// not a Connecticut town` are one kind.
    pub fn kind(&self) -> std::borrow::Cow<'_, str> {
        match self.kind {
            Some(kind) => kind.into(),
            None => report::message_shape(&self.message).into(),
        }
    }

    /// Whether the importer gave this note a kind of its own.
    pub fn has_kind(&self) -> bool {
        self.kind.is_some()
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

/// What a JSON value is, in staff's words ("a list", "text"), as the catalogue reader's
/// [`crate::fields::kind`] says it, for the importers' `serde_json::Value`s.
pub(crate) fn value_kind(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    crate::fields::KINDS[match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }]
}
