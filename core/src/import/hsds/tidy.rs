//! A service's texts made fit to publish before they become a program: names in capitals,
//! HTML, broken characters and `\n` written out ([`crate::import::clean_text`]), counted per
//! program for one summary note each; and ages stated only in the eligibility text
//! ([`crate::import::ages_in_text`]), noted per program so staff check them.

use super::model::Service;
use super::notes::Notes;
use crate::format::ProgramEntry;
use crate::import::ages_in_text::fill_ages;
use crate::import::clean_text::TextCleaner;

/// The service with every text families read cleaned. The reader's records stay as the
/// source wrote them, so notes can still quote the source.
pub(super) fn service(service: &Service, cleaner: &mut TextCleaner) -> Service {
    let mut clean = service.clone();
    clean.name = cleaner.optional_name(service.name.as_deref());
    clean.alternate_name = cleaner.optional_name(service.alternate_name.as_deref());
    for text in [&mut clean.description, &mut clean.eligibility, &mut clean.fees_description, &mut clean.fees]
    {
        *text = cleaner.optional_text(text.as_deref());
    }
    if let Some(organization) = &mut clean.organization {
        organization.name = cleaner.optional_name(organization.name.as_deref());
    }
    let schedules =
        clean.schedules.iter_mut().chain(clean.locations.iter_mut().flat_map(|l| &mut l.schedules));
    for schedule in schedules {
        schedule.original_text = cleaner.optional_text(schedule.original_text.as_deref());
        schedule.description = cleaner.optional_text(schedule.description.as_deref());
    }
    for option in &mut clean.cost_options {
        option.option = cleaner.optional_text(option.option.as_deref());
        option.amount_description = cleaner.optional_text(option.amount_description.as_deref());
    }
    cleaner.end_program();
    clean
}

/// Ages from the eligibility text (or a plain description) when the fields give none.
pub(super) fn ages(program: &mut ProgramEntry, notes: &mut Notes) {
    if let Some(note) = fill_ages(program) {
        notes.add_kind(note.kind, note.message);
    }
}
