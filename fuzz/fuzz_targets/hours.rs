//! Any text as opening hours: the reader for spreadsheets and imports, dated exceptions, and
//! a catalogue's `schedule` must never panic; hours it reads must read back the same once
//! written; and every question families ask of a schedule must answer, at any instant in
//! every zone.
#![no_main]

use finder_core::catalogue::load;
use finder_core::hours::{text, Schedule, TimeZone, WallClock};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let instant = data.iter().take(8).fold(0i64, |n, &b| n.wrapping_shl(8) | i64::from(b));
    if let Ok(schedule) = text::parse(&input) {
        let written = text::write(&schedule.to_entry());
        assert_eq!(text::parse(&written).as_ref(), Ok(&schedule), "{written}");
        ask(&schedule, instant);
    }
    if let Ok(exceptions) = text::parse_exceptions(&input) {
        let mut schedule = Schedule::default();
        (schedule.exceptions, schedule.open_24_hours) = (exceptions, true);
        let written = text::write_exceptions(&schedule.to_entry().exceptions);
        assert!(text::parse_exceptions(&written).is_ok(), "{written}");
        ask(&schedule, instant);
    }
    let _ = text::days_named(&input);
    let _ = text::parse_time(&input);
    // The same text as a catalogue's `schedule` value.
    let catalogue = format!(
        r#"{{"version":1,"needs":[{{"id":"f","label":"F"}}],"programs":[{{"id":"p","name":"P","needs":["f"],"statewide":true,"schedule":{input}}}]}}"#
    );
    if let Ok(loaded) = load(&catalogue) {
        if let Some(schedule) = loaded.catalogue.programs.first().and_then(|p| p.schedule.as_ref()) {
            ask(schedule, instant);
        }
    }
});

/// Every question, in every zone; the answers must agree with each other.
fn ask(schedule: &Schedule, instant: i64) {
    for zone in TimeZone::ALL {
        let now = WallClock::from_unix_ms(instant, zone);
        assert!(now.minute < 1440);
        let status = schedule.status_at(now);
        assert!(!(status.open_now && status.opens_next.is_some()));
        assert!(status.open_now || status.closes_at.is_none());
        for moment in status.closes_at.iter().chain(&status.opens_next) {
            assert!(moment.minute < 1440);
        }
        let today = schedule.hours_on(now.date);
        assert!(today.exception.is_none() || schedule.exception_on(now.date).is_some());
    }
    let _ = (schedule.has_evening(), schedule.has_weekend(), schedule.week());
}
