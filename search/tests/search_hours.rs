//! The hours choices of the search: "open now", "evenings" and "weekends", with their
//! counts. Programs without structured hours are never left out by evenings or weekends
//! (nothing says they are closed then); "open now" leaves them out and says how many.

use finder_core::catalogue::load;
use finder_core::hours::{Date, WallClock};
use finder_search::{Choices, Query, SearchIndex, SearchOptions};

/// Five programs: a weekday office, an evening group, a Saturday pantry, a crisis line
/// open around the clock, and one with only free-text hours.
const CATALOGUE: &str = r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food" }],
  "programs": [
    { "id": "office", "name": "Office", "needs": ["food"], "towns": ["Hartford"],
      "schedule": { "weekly": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] } } },
    { "id": "evening", "name": "Evening group", "needs": ["food"], "towns": ["Hartford"],
      "schedule": { "weekly": { "thu": ["18:00-20:00"] } } },
    { "id": "pantry", "name": "Saturday pantry", "needs": ["food"], "towns": ["Hartford"],
      "schedule": { "weekly": { "sat": ["10:00-14:00"] } } },
    { "id": "line", "name": "Crisis line", "needs": ["food"], "statewide": true,
      "schedule": { "open_24_hours": true } },
    { "id": "unknown", "name": "Call for hours", "needs": ["food"], "towns": ["Hartford"], "hours": "Call us" }
  ] }"#;

fn index() -> (SearchIndex, Vec<String>) {
    let loaded = load(CATALOGUE).expect("the catalogue loads");
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let ids = loaded.catalogue.programs.iter().map(|p| p.id.clone()).collect();
    (SearchIndex::new(&loaded.catalogue), ids)
}

/// `"2026-12-04 17:40"` (a Friday) as the catalogue's wall clock.
fn at(text: &str) -> WallClock {
    let (day, time) = text.split_once(' ').unwrap();
    let (hour, minute) = time.split_once(':').unwrap();
    WallClock::new(Date::parse(day).unwrap(), hour.parse().unwrap(), minute.parse().unwrap()).unwrap()
}

/// The ids found, and (open now, evenings, weekends, hours unknown) counts.
fn run(choices: Choices) -> (Vec<String>, [usize; 4]) {
    let (index, ids) = index();
    let results = index.search(
        &Query::default().with_choices(choices),
        &SearchOptions { counts: true, ..Default::default() },
    );
    let found = results.hits.iter().map(|hit| ids[hit.program as usize].clone()).collect();
    let counts = results.counts.expect("counts");
    (found, [counts.open_now, counts.evenings, counts.weekends, counts.hours_unknown])
}

#[test]
fn hours_choices_keep_the_programs_a_family_expects_and_count_each_option() {
    let friday_540pm = Some(at("2026-12-04 17:40"));
    let friday_10am = Some(at("2026-12-04 10:00"));
    let saturday_11am = Some(at("2026-12-05 11:00"));
    // (what is chosen, programs kept, [open now, evenings, weekends, hours unknown])
    let rows: Vec<(&str, Choices, &[&str], [usize; 4])> = vec![
        (
            "nothing, Friday 17:40",
            Choices { now: friday_540pm, ..Choices::default() },
            &["office", "evening", "pantry", "line", "unknown"],
            // Open at 17:40: only the crisis line. Evenings: the group, the line, and
            // the program without hours. Weekends: the pantry, the line, no hours.
            [1, 3, 3, 0],
        ),
        (
            "open now, Friday 10:00",
            Choices { now: friday_10am, open_now: true, ..Choices::default() },
            &["office", "line"],
            // Each count keeps the other choices: open now leaves the office and the line.
            [2, 1, 1, 1],
        ),
        (
            "open now with unknown hours too",
            Choices { now: friday_10am, open_now: true, unknown_hours_too: true, ..Choices::default() },
            &["office", "line", "unknown"],
            [2, 2, 2, 0],
        ),
        (
            "open now, Saturday 11:00",
            Choices { now: saturday_11am, open_now: true, ..Choices::default() },
            &["pantry", "line"],
            [2, 1, 2, 1],
        ),
        (
            "evenings: never leaves out a program without hours",
            Choices { now: friday_10am, evenings: true, ..Choices::default() },
            &["evening", "line", "unknown"],
            [1, 3, 2, 0],
        ),
        (
            "weekends",
            Choices { now: friday_10am, weekends: true, ..Choices::default() },
            &["pantry", "line", "unknown"],
            [1, 2, 3, 0],
        ),
        (
            "evenings and weekends together",
            Choices { now: friday_10am, evenings: true, weekends: true, ..Choices::default() },
            &["line", "unknown"],
            [1, 2, 2, 0],
        ),
        (
            "open now without a clock leaves nothing out and counts nothing",
            Choices { open_now: true, ..Choices::default() },
            &["office", "evening", "pantry", "line", "unknown"],
            [0, 3, 3, 0],
        ),
    ];
    for (what, choices, expected, counts) in rows {
        let (mut found, got) = run(choices);
        found.sort();
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(found, expected, "{what}: programs");
        assert_eq!(got, counts, "{what}: counts [open now, evenings, weekends, hours unknown]");
    }
}

#[test]
fn open_now_follows_the_clock_minute_by_minute() {
    // The office closes at 17:00: open at 16:59, closed at 17:00 (the cache of the last
    // minute asked about must not answer for another minute).
    let (index, ids) = index();
    let open = |now: &str| {
        let choices = Choices { now: Some(at(now)), open_now: true, ..Choices::default() };
        let results = index.search(&Query::default().with_choices(choices), &SearchOptions::default());
        results.hits.iter().map(|hit| ids[hit.program as usize].clone()).collect::<Vec<_>>()
    };
    assert!(open("2026-12-04 16:59").contains(&"office".to_string()));
    assert!(!open("2026-12-04 17:00").contains(&"office".to_string()));
    assert!(open("2026-12-04 16:59").contains(&"office".to_string()));
}
