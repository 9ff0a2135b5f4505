//! Opening hours: "open now" and what comes next, across midnight, holidays, "24 hours" and
//! the switches to and from daylight saving time; the catalogue's time zone whatever the
//! device's; schedules in catalogues, good and broken.

use finder_core::catalogue::load;
use finder_core::hours::{Date, Moment, Schedule, Status, TimeZone, WallClock, Weekday};

/// A schedule written as a catalogue writes it.
fn schedule(json: &str) -> Schedule {
    let text = format!(
        r#"{{ "version": 1, "needs": [{{ "id": "food", "label": "Food" }}],
            "programs": [{{ "id": "p", "name": "P", "needs": ["food"], "towns": ["Hartford"], "schedule": {json} }}] }}"#
    );
    let loaded = load(&text).expect("a catalogue");
    assert!(loaded.problems.is_empty(), "{json}: {:#?}", loaded.problems);
    loaded.catalogue.programs[0].schedule.clone().expect("a schedule")
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text} is not a date"))
}

/// `"2026-12-05 23:30"` as a wall clock.
fn wall(text: &str) -> WallClock {
    let (day, time) = text.split_once(' ').expect("date and time");
    let (hour, minute) = time.split_once(':').expect("hh:mm");
    WallClock::new(date(day), hour.parse().unwrap(), minute.parse().unwrap()).expect("a time")
}

/// A status as words: `open until +1 02:00`, `closed, opens +3 09:00`, `closed`.
fn said(status: Status) -> String {
    let at = |m: Moment| format!("+{} {:02}:{:02}", m.days_ahead, m.minute / 60, m.minute % 60);
    match status {
        Status { open_now: true, closes_at: Some(m), .. } => format!("open until {}", at(m)),
        Status { open_now: true, closes_at: None, .. } => "open".into(),
        Status { open_now: false, opens_next: Some(m), .. } => format!("closed, opens {}", at(m)),
        Status { open_now: false, opens_next: None, .. } => "closed".into(),
    }
}

/// One row per moment: the schedule, the wall-clock time, what families should be told.
#[track_caller]
fn check(schedule_json: &str, rows: &[(&str, &str)]) {
    let schedule = schedule(schedule_json);
    for (moment, expected) in rows {
        assert_eq!(said(schedule.status_at(wall(moment))), *expected, "{schedule_json} at {moment}");
    }
}

// 2026-12-04 is a Friday, 2026-12-05 a Saturday.

#[test]
fn a_period_past_midnight_is_open_on_both_sides_of_it() {
    check(
        r#"{ "weekly": { "sat": ["22:00-02:00"] } }"#,
        &[
            ("2026-12-05 21:59", "closed, opens +0 22:00"),
            ("2026-12-05 22:00", "open until +1 02:00"),
            ("2026-12-05 23:30", "open until +1 02:00"),
            ("2026-12-06 01:30", "open until +0 02:00"),
            ("2026-12-06 02:00", "closed, opens +6 22:00"),
            ("2026-12-04 23:30", "closed, opens +1 22:00"),
        ],
    );
    // Periods that touch are one opening: Monday evening into Tuesday morning.
    check(
        r#"{ "weekly": { "mon": ["18:00-24:00"], "tue": ["00:00-02:00", "09:00-12:00"] } }"#,
        &[("2026-11-30 23:00", "open until +1 02:00"), ("2026-12-01 03:00", "closed, opens +0 09:00")],
    );
}

#[test]
fn several_periods_a_day_and_closed_days() {
    check(
        r#"{ "weekly": { "mon": ["09:00-17:00"], "fri": ["09:00-12:00", "13:00-17:00"] } }"#,
        &[
            ("2026-12-04 08:00", "closed, opens +0 09:00"),
            ("2026-12-04 11:59", "open until +0 12:00"),
            ("2026-12-04 12:30", "closed, opens +0 13:00"),
            ("2026-12-04 17:40", "closed, opens +3 09:00"),
            ("2026-12-06 12:00", "closed, opens +1 09:00"),
            ("2026-12-07 16:59", "open until +0 17:00"),
        ],
    );
}

#[test]
fn a_holiday_closure_and_a_one_off_opening() {
    let week = r#""weekly": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] }"#;
    check(
        &format!(
            r#"{{ {week}, "exceptions": [
                {{ "date": "2026-12-25", "closed": true, "note": "Christmas Day" }},
                {{ "date": "2026-12-24", "hours": ["09:00-12:00"] }},
                {{ "date": "2026-12-26", "hours": ["10:00-14:00"] }},
                {{ "date": "2026-12-28", "until": "2026-12-31", "closed": true }} ] }}"#
        ),
        &[
            ("2026-12-23 16:00", "open until +0 17:00"),
            ("2026-12-24 11:00", "open until +0 12:00"),
            ("2026-12-24 12:30", "closed, opens +2 10:00"),
            ("2026-12-25 10:00", "closed, opens +1 10:00"),
            ("2026-12-26 11:00", "open until +0 14:00"),
            ("2026-12-27 11:00", "closed, opens +5 09:00"),
            ("2026-12-30 11:00", "closed, opens +2 09:00"),
            ("2027-01-01 09:30", "open until +0 17:00"),
        ],
    );
    let library =
        schedule(&format!(r#"{{ {week}, "exceptions": [{{ "date": "2026-12-25", "closed": true }}] }}"#));
    let christmas = library.hours_on(date("2026-12-25"));
    assert!(christmas.periods.is_empty());
    assert!(christmas.exception.is_some_and(|e| e.closed()));
    assert_eq!(library.hours_on(date("2026-12-18")).periods.len(), 1);
    assert_eq!(library.day(Weekday::Fri).len(), 1, "the week itself is unchanged");
}

#[test]
fn open_24_hours_never_closes_except_on_a_closed_date() {
    check(
        r#"{ "open_24_hours": true }"#,
        &[("2026-12-05 03:00", "open"), ("2026-03-08 02:30", "open"), ("2026-12-31 23:59", "open")],
    );
    check(
        r#"{ "open_24_hours": true, "exceptions": [{ "date": "2026-12-25", "closed": true }] }"#,
        &[("2026-12-24 20:00", "open until +1 00:00"), ("2026-12-25 12:00", "closed, opens +1 00:00")],
    );
    let line = schedule(r#"{ "open_24_hours": true }"#);
    assert!(line.has_evening() && line.has_weekend());
    assert!(line.week().iter().all(|(_, periods)| periods[0].to_string() == "00:00-24:00"));
}

#[test]
fn by_appointment_and_dated_openings_far_ahead() {
    check(r#"{ "appointment_only": true }"#, &[("2026-12-04 10:00", "closed")]);
    check(
        r#"{ "appointment_only": true, "weekly": { "tue": ["10:00-18:00"] } }"#,
        &[("2026-12-01 11:00", "open until +0 18:00")],
    );
    // A yearly event, months ahead.
    check(
        r#"{ "exceptions": [{ "date": "2027-06-12", "hours": ["08:00-16:00"] }] }"#,
        &[("2026-12-04 10:00", "closed, opens +190 08:00"), ("2027-06-12 09:00", "open until +0 16:00")],
    );
}

#[test]
fn evenings_and_weekends() {
    let table = [
        (r#"{ "weekly": { "mon": ["09:00-17:00"] } }"#, false, false),
        (r#"{ "weekly": { "mon": ["09:00-17:30"] } }"#, false, false),
        (r#"{ "weekly": { "mon": ["09:00-18:00"] } }"#, true, false),
        (r#"{ "weekly": { "thu": ["18:00-19:30"] } }"#, true, false),
        (r#"{ "weekly": { "sat": ["22:00-02:00"] } }"#, true, true),
        (r#"{ "weekly": { "sun": ["10:00-12:00"] } }"#, false, true),
        (r#"{ "weekly": { "fri": ["23:30-02:00"] } }"#, false, false),
        (r#"{ "appointment_only": true }"#, false, false),
        (
            r#"{ "weekly": { "mon": ["09:00-12:00"] }, "exceptions": [{ "date": "2026-12-05", "hours": ["18:00-22:00"] }] }"#,
            false,
            false,
        ),
    ];
    for (json, evening, weekend) in table {
        let schedule = schedule(json);
        assert_eq!((schedule.has_evening(), schedule.has_weekend()), (evening, weekend), "{json}");
    }
}

/// 2026 and 2027 in New York: the instants just before and after each switch, and the local
/// hour that never happens (spring) and the one that happens twice (autumn).
#[test]
fn daylight_saving_time_in_new_york() {
    // Unix ms, then the New York wall clock: date, minute of the day.
    let table: &[(i64, &str, &str)] = &[
        // 2026-03-08: 01:59:59 EST, then 03:00 EDT. 02:xx never happens.
        (1_772_953_199_000, "2026-03-08", "01:59"),
        (1_772_953_200_000, "2026-03-08", "03:00"),
        (1_772_953_200_000 - 3_600_000, "2026-03-08", "01:00"),
        // 2026-11-01: 01:59:59 EDT, then 01:00 EST: 01:00–01:59 happens twice.
        (1_793_512_799_000, "2026-11-01", "01:59"),
        (1_793_512_800_000, "2026-11-01", "01:00"),
        (1_793_511_000_000, "2026-11-01", "01:30"),
        (1_793_514_600_000, "2026-11-01", "01:30"),
        (1_793_516_400_000, "2026-11-01", "02:00"),
        // 2027-03-14 and 2027-11-07.
        (1_805_007_540_000, "2027-03-14", "01:59"),
        (1_805_007_600_000, "2027-03-14", "03:00"),
        (1_825_567_140_000, "2027-11-07", "01:59"),
        (1_825_567_200_000, "2027-11-07", "01:00"),
        (1_825_569_000_000, "2027-11-07", "01:30"),
        // Ordinary days: winter (UTC−5) and summer (UTC−4).
        (1_796_531_400_000, "2026-12-05", "23:30"),
        (1_783_639_800_000, "2026-07-09", "19:30"),
    ];
    for &(ms, day, time) in table {
        let found = WallClock::from_unix_ms(ms, TimeZone::NewYork);
        let shown = format!("{:02}:{:02}", found.minute / 60, found.minute % 60);
        assert_eq!((found.date.to_string().as_str(), shown.as_str()), (day, time), "{ms}");
    }
    // An overnight shelter open 22:00–04:00 on the spring-forward night: open on both sides of
    // the missing hour; one open only in the missing hour is never open that night.
    let shelter = schedule(r#"{ "weekly": { "sat": ["22:00-04:00"] } }"#);
    let missing = schedule(r#"{ "weekly": { "sun": ["02:00-03:00"] } }"#);
    for ms in [1_772_953_199_000, 1_772_953_200_000] {
        let now = WallClock::from_unix_ms(ms, TimeZone::NewYork);
        assert!(shelter.is_open_at(now), "{now:?}");
        assert!(!missing.is_open_at(now), "{now:?}");
    }
    // On the fall-back night 01:30 happens twice; a period 01:00–02:00 is open both times.
    let late = schedule(r#"{ "weekly": { "sun": ["01:00-02:00"] } }"#);
    for ms in [1_793_511_000_000, 1_793_514_600_000] {
        assert!(late.is_open_at(WallClock::from_unix_ms(ms, TimeZone::NewYork)));
    }
}

#[test]
fn other_us_zones_keep_their_offsets() {
    // 2026-07-01 12:00 UTC and 2026-01-01 12:00 UTC.
    let (summer, winter) = (1_782_907_200_000_i64, 1_767_268_800_000_i64);
    let table = [
        (TimeZone::NewYork, "08:00", "07:00"),
        (TimeZone::Chicago, "07:00", "06:00"),
        (TimeZone::Denver, "06:00", "05:00"),
        (TimeZone::Phoenix, "05:00", "05:00"),
        (TimeZone::LosAngeles, "05:00", "04:00"),
        (TimeZone::Anchorage, "04:00", "03:00"),
        (TimeZone::Honolulu, "02:00", "02:00"),
        (TimeZone::PuertoRico, "08:00", "08:00"),
    ];
    for (zone, in_summer, in_winter) in table {
        let time = |ms| {
            let wall = WallClock::from_unix_ms(ms, zone);
            format!("{:02}:{:02}", wall.minute / 60, wall.minute % 60)
        };
        assert_eq!((time(summer), time(winter)), (in_summer.to_string(), in_winter.to_string()), "{zone:?}");
        assert_eq!(TimeZone::from_name(zone.name()), Some(zone));
    }
}

/// A family in Los Angeles looks at a Hartford pantry at 14:30 their time, a Friday: it is
/// 17:30 in Hartford, and the pantry closed at 17:00. The answer follows the catalogue's
/// zone, whatever the device's.
#[test]
fn now_is_the_catalogues_time_zone_whatever_the_devices() {
    let catalogue = |zone: &str| {
        let text = format!(
            r#"{{ "version": 1, {zone} "needs": [{{ "id": "food", "label": "Food" }}],
                "programs": [{{ "id": "p", "name": "P", "needs": ["food"], "towns": ["Hartford"],
                  "schedule": {{ "weekly": {{ "fri": ["09:00-17:00"], "mon": ["09:00-17:00"] }} }} }}] }}"#
        );
        load(&text).expect("a catalogue").catalogue
    };
    let friday_2230_utc = 1_796_423_400_000_i64;
    for (zone_field, open, expected_zone) in [
        ("", false, TimeZone::NewYork),
        (r#""time_zone": "America/New_York","#, false, TimeZone::NewYork),
        (r#""time_zone": "America/Los_Angeles","#, true, TimeZone::LosAngeles),
    ] {
        let catalogue = catalogue(zone_field);
        assert_eq!(catalogue.time_zone, expected_zone);
        let now = WallClock::from_unix_ms(friday_2230_utc, catalogue.time_zone);
        let status = catalogue.programs[0].schedule.as_ref().unwrap().status_at(now);
        assert_eq!(status.open_now, open, "{zone_field}");
    }
    // New York: Friday 17:30, so Monday at 9.
    let new_york = WallClock::from_unix_ms(friday_2230_utc, TimeZone::NewYork);
    assert_eq!((new_york.weekday(), new_york.minute), (Weekday::Fri, 17 * 60 + 30));
    let status = catalogue("").programs[0].schedule.as_ref().unwrap().status_at(new_york);
    assert_eq!(said(status), "closed, opens +3 09:00");
}

#[test]
fn catalogues_without_schedules_load_unchanged() {
    let text = r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food" }],
        "programs": [{ "id": "p", "name": "P", "needs": ["food"], "towns": ["Hartford"], "hours": "Mon–Fri 9–5" }] }"#;
    let loaded = load(text).unwrap();
    assert!(loaded.problems.is_empty());
    let program = &loaded.catalogue.programs[0];
    assert_eq!((program.schedule.as_ref(), program.hours.as_deref()), (None, Some("Mon–Fri 9–5")));
    assert_eq!(loaded.catalogue.time_zone, TimeZone::NewYork);
}

/// A schedule the finder cannot read costs the schedule, never the program: the free-text
/// hours stay, and every mistake is reported with its path.
#[test]
fn a_broken_schedule_is_skipped_and_the_program_kept() {
    let table: &[(&str, &[&str])] = &[
        (r#"{ "weekly": { "thurs": ["09:00-17:00"] } }"#, &["programs[0].schedule.weekly.thurs"]),
        (
            r#"{ "weekly": { "mon": ["09:00-25:00"], "tue": ["9:75-10:00"] } }"#,
            &["programs[0].schedule.weekly.mon[0]", "programs[0].schedule.weekly.tue[0]"],
        ),
        (r#"{ "weekly": { "mon": ["09:00-05:00"] } }"#, &["programs[0].schedule.weekly.mon[0]"]),
        (r#"{ "weekly": { "mon": "9am-5pm" } }"#, &["programs[0].schedule.weekly.mon"]),
        (r#"{ "weekly": { "mon": [9] } }"#, &["programs[0].schedule.weekly.mon[0]"]),
        (r#"{ "weekly": ["09:00-17:00"] }"#, &["programs[0].schedule.weekly"]),
        (r#"{ "weeky": { "mon": ["09:00-17:00"] } }"#, &["programs[0].schedule.weeky"]),
        (r#"{ "open_24_hours": "yes" }"#, &["programs[0].schedule.open_24_hours"]),
        (
            r#"{ "open_24_hours": true, "weekly": { "mon": ["09:00-17:00"] } }"#,
            &["programs[0].schedule.open_24_hours"],
        ),
        (r#"{ }"#, &["programs[0].schedule"]),
        (r#""Mon-Fri 9-5""#, &["programs[0].schedule"]),
        (
            r#"{ "open_24_hours": true, "exceptions": [{ "date": "2026-12-25" }] }"#,
            &["programs[0].schedule.exceptions[0]"],
        ),
        (
            r#"{ "open_24_hours": true, "exceptions": [{ "date": "12/25/2026", "closed": true }] }"#,
            &["programs[0].schedule.exceptions[0].date"],
        ),
        (
            r#"{ "open_24_hours": true, "exceptions": [{ "date": "2026-12-25", "closed": true, "hours": ["09:00-12:00"] }] }"#,
            &["programs[0].schedule.exceptions[0].closed"],
        ),
        (
            r#"{ "open_24_hours": true, "exceptions": [{ "date": "2026-12-31", "until": "2026-12-25", "closed": true }] }"#,
            &["programs[0].schedule.exceptions[0].until"],
        ),
        (
            r#"{ "open_24_hours": true, "exceptions": [{ "date": "2026-12-24", "until": "2026-12-26", "closed": true }, { "date": "2026-12-25", "closed": true }] }"#,
            &["programs[0].schedule.exceptions[1].date"],
        ),
        (
            r#"{ "open_24_hours": true, "exceptions": [{ "day": "2026-12-25", "closed": true }] }"#,
            &["programs[0].schedule.exceptions[0].day", "programs[0].schedule.exceptions[0]"],
        ),
    ];
    for (json, paths) in table {
        let text = format!(
            r#"{{ "version": 1, "needs": [{{ "id": "food", "label": "Food" }}],
                "programs": [{{ "id": "p", "name": "P", "needs": ["food"], "towns": ["Hartford"], "hours": "Mon–Fri 9–5", "schedule": {json} }}] }}"#
        );
        let loaded = load(&text).expect("loads");
        let program = &loaded.catalogue.programs[0];
        assert_eq!(program.schedule, None, "{json}");
        assert_eq!(program.hours.as_deref(), Some("Mon–Fri 9–5"), "{json}");
        let found: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(&found, paths, "{json}: {:#?}", loaded.problems);
        for problem in &loaded.problems {
            assert_eq!(problem.effect, finder_core::Effect::Ignored, "{problem}");
            assert!(problem.message.ends_with("so the schedule is not used"), "{problem}");
        }
    }
}

#[test]
fn an_unknown_time_zone_is_an_error_with_a_fix_and_new_york_is_used() {
    let table = [
        ("America/Boston", "use one of \"America/New_York\""),
        ("America/New_Yrok", "did you mean \"America/New_York\"?"),
        ("US/Eastern", "did you mean \"America/New_York\"?"),
        ("America/Honolulu", "did you mean \"Pacific/Honolulu\"?"),
    ];
    for (zone, hint) in table {
        let text = format!(r#"{{ "version": 1, "time_zone": "{zone}", "needs": [], "programs": [] }}"#);
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.catalogue.time_zone, TimeZone::NewYork);
        assert_eq!(loaded.problems.len(), 1, "{zone}");
        let problem = &loaded.problems[0];
        assert_eq!(problem.path, "time_zone");
        assert!(problem.hint.as_deref().unwrap_or("").starts_with(hint), "{zone}: {problem}");
    }
}

/// Random text made of the pieces hours are written with: reading never panics, and hours
/// that read once read back the same once written (what the `hours` fuzz target checks).
#[test]
fn any_hours_text_reads_back_the_same_once_written() {
    use finder_core::hours::text;
    const PIECES: &[&str] = &[
        "Mon",
        "tues",
        "Thursdays",
        "sat",
        "Sun",
        "weekdays",
        "weekends",
        "daily",
        "every day",
        "-",
        "–",
        " to ",
        ", ",
        " and ",
        "; ",
        "\n",
        ": ",
        " ",
        "9",
        "09",
        "9:30",
        "12",
        "0",
        "1",
        "5",
        "10",
        "13",
        "17:00",
        "22",
        "24",
        "24:00",
        "0930",
        "25",
        "9:75",
        "am",
        "pm",
        " a.m.",
        "p",
        "noon",
        "midnight",
        "closed",
        "24 hours",
        "all day",
        "24/7",
        "by appointment",
        "only",
        "open",
        "from",
        "2026-12-25",
        "(note)",
        "x",
        "é",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let mut read = 0;
    for _ in 0..20_000 {
        // Half shaped like hours (days, times, a dash, times), half any pieces at all.
        let input: String = if next(2) == 0 {
            let length = 1 + next(9);
            (0..length).map(|_| PIECES[next(PIECES.len())]).collect()
        } else {
            const DAYS: &[&str] = &["Mon", "Tue-Thu", "Fri, Sat", "weekends", "daily", "Sun and Mon", ""];
            const TIMES: &[&str] =
                &["9", "9:30", "10am", "12", "1", "5pm", "17:00", "22", "02:00", "noon", "6", "0930"];
            let items = 1 + next(3);
            let item = |next: &mut dyn FnMut(usize) -> usize| match next(8) {
                0 => "by appointment".to_string(),
                1 => format!("{} closed", DAYS[next(DAYS.len() - 1)]),
                2 => format!("{} 24 hours", DAYS[next(DAYS.len())]),
                _ => {
                    let range = |next: &mut dyn FnMut(usize) -> usize| {
                        format!("{}-{}", TIMES[next(TIMES.len())], TIMES[next(TIMES.len())])
                    };
                    let first = range(next);
                    let second = if next(3) == 0 { format!(", {}", range(next)) } else { String::new() };
                    format!("{} {first}{second}", DAYS[next(DAYS.len())])
                }
            };
            (0..items).map(|_| item(&mut next)).collect::<Vec<_>>().join("; ")
        };
        let instant = (next(1 << 30) as i64) * 1_000;
        if let Ok(schedule) = text::parse(&input) {
            read += 1;
            let written = text::write(&schedule.to_entry());
            assert_eq!(text::parse(&written).as_ref(), Ok(&schedule), "{input:?} written as {written:?}");
            for zone in TimeZone::ALL {
                let status = schedule.status_at(WallClock::from_unix_ms(instant, zone));
                assert!(!(status.open_now && status.opens_next.is_some()), "{input:?}");
            }
        }
        if let Ok(exceptions) = text::parse_exceptions(&input) {
            let mut schedule = Schedule::default();
            schedule.exceptions = exceptions;
            let written = text::write_exceptions(&schedule.to_entry().exceptions);
            assert_eq!(text::parse_exceptions(&written).ok(), Some(schedule.exceptions.clone()), "{input:?}");
        }
        let _ = (text::days_named(&input), text::parse_time(&input));
    }
    assert!(read > 3_000, "only {read} texts read as hours: the pieces should make more");
}

/// The sample catalogue has hours for most programs, and "open now" at known instants gives
/// the programs a family would find open (the crisis lines, 2-1-1 among them, any time).
#[test]
fn the_sample_catalogue_has_hours_for_most_programs() {
    let text = include_str!("../../public/sample-catalogue.json");
    let catalogue = load(text).expect("the sample loads").catalogue;
    let with_hours = catalogue.programs.iter().filter(|p| p.schedule.is_some()).count();
    assert!(with_hours * 4 >= catalogue.programs.len() * 3, "{with_hours} of {}", catalogue.programs.len());
    let always: Vec<&str> = catalogue
        .programs
        .iter()
        .filter(|p| p.schedule.as_ref().is_some_and(|s| s.open_24_hours))
        .map(|p| p.id.as_str())
        .collect();
    assert!(always.contains(&"suicide-crisis-988") && always.contains(&"help-me-grow"), "{always:?}");
    let open_at = |ms: i64| -> Vec<&str> {
        let now = WallClock::from_unix_ms(ms, catalogue.time_zone);
        catalogue
            .programs
            .iter()
            .filter(|p| p.schedule.as_ref().is_some_and(|s| s.is_open_at(now)))
            .map(|p| p.id.as_str())
            .collect()
    };
    let crisis = ["help-me-grow", "hartford-youth-violence-intervention", "recovery-coaches-ed"];
    // Friday 4 December 2026, 17:40 in Hartford.
    let friday_evening = open_at(1_796_424_000_000);
    assert_eq!(friday_evening[..3], crisis);
    assert_eq!(friday_evening[3..], ["caregiver-respite", "family-shelter-hotline", "suicide-crisis-988"]);
    // Saturday 5 December, 10:45.
    let saturday_morning = open_at(1_796_485_500_000);
    assert_eq!(saturday_morning[1..3], ["books-for-babies", "hartford-youth-violence-intervention"]);
    assert!(saturday_morning.contains(&"library-story-times") && saturday_morning.contains(&"morr-meriden"));
    // Christmas Day, 11:00: the pantry, WIC and the senior rides are closed for the holiday.
    let christmas = open_at(1_798_214_400_000);
    for closed in ["mobile-food-pantry", "wic-nutrition", "senior-transit"] {
        assert!(!christmas.contains(&closed), "{closed} on Christmas Day");
    }
    assert!(christmas.contains(&"caregiver-respite"));
}
