//! Notes about one service, as the builder and its helpers (`opening.rs`, `places.rs`)
//! write them: each names the service and where it was in the source.
//!
//! A file of its own so that the helpers need not import the builder that calls them.

use crate::import::ImportNote;

/// Notes about one service.
pub(super) struct Notes<'a> {
    place: String,
    list: &'a mut Vec<ImportNote>,
}

impl<'a> Notes<'a> {
    /// Notes for the service at `place` (`service "Pantry" (services.csv row 2)`), added to `list`.
    pub(super) fn new(place: String, list: &'a mut Vec<ImportNote>) -> Notes<'a> {
        Notes { place, list }
    }

    pub(super) fn add(&mut self, message: impl Into<String>) {
        self.list.push(ImportNote::new(self.place.clone(), message));
    }

    /// A note of a [kind](ImportNote::with_kind) of its own.
    pub(super) fn add_kind(&mut self, kind: &'static str, message: impl Into<String>) {
        self.list.push(ImportNote::new(self.place.clone(), message).with_kind(kind));
    }
}
