//! Dates as a family reads them, in the family's language: the browser's `Intl` writes them
//! ("October 15, 2026", "15 de octubre de 2026"), so the widget carries no month names.

use crate::i18n::Lang;

/// Whose calendar a date is read in.
#[derive(Clone, Copy)]
pub(super) enum Zone {
    /// The browser's: for moments (today, when a copy was saved).
    Local,
    /// UTC: for a catalogue's dates, which the browser reads as midnight UTC, so they are
    /// the same day in every time zone (in Connecticut that midnight is the evening before).
    Utc,
}

/// A date in `lang`'s long style: "October 15, 2026", "15 de octubre de 2026".
pub(super) fn long_date(date: &js_sys::Date, lang: Lang, zone: Zone) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    if let Zone::Utc = zone {
        let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    }
    date.to_locale_date_string(lang.code(), &options).into()
}

/// A catalogue date (2026-10-15) as a family reads it, the same day in every time zone;
/// anything the browser cannot read is shown as written.
pub(super) fn catalogue_date(iso: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    long_date(&date, lang, Zone::Utc)
}
