//! The staff checker: one row per diagnostic, each with the smallest catalogue that
//! shows it, the path and line it must point at, and the words staff must read.

use finder_core::check::{check, CheckOptions, Diagnostic};
use finder_core::Severity::{self, Error, Warning};

/// A catalogue with one good program and then `program`, each on its own line, so the
/// second program's fields are all on line 6.
fn catalogue(program: &str) -> String {
    [
        r#"{ "version": 1, "updated": "2026-11-01","#,
        r#"  "needs": [{ "id": "food", "label": "Food" }, { "id": "housing", "label": "Housing" }],"#,
        r#"  "programs": ["#,
        r#"    { "id": "good", "name": "Good", "description": "Fine.", "phone": "860-555-0100","#,
        r#"      "needs": ["food"], "towns": ["Hartford"] },"#,
        &format!("    {program}"),
        r#"  ] }"#,
    ]
    .join("\n")
}

const TODAY: (u32, u32, u32) = (2026, 11, 22);

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    check(text, &CheckOptions { today: Some(TODAY) }).diagnostics
}

/// One row: the program, then the one diagnostic expected: path, line, severity, words in
/// the message, words in the hint ("" for no hint).
fn check_one(program: &str, path: &str, line: usize, severity: Severity, message: &str, hint: &str) {
    let found = diagnostics(&catalogue(program));
    assert_eq!(found.len(), 1, "{program}\n{found:#?}");
    let d = &found[0];
    assert_eq!((d.path.as_str(), d.line, d.severity), (path, line, severity), "{program}");
    assert!(d.message.contains(message), "{:?} should contain {message:?}", d.message);
    match (&d.hint, hint) {
        (None, "") => {}
        (Some(h), want) if !want.is_empty() => assert!(h.contains(want), "{h:?} should contain {want:?}"),
        (other, want) => panic!("hint {other:?}, wanted {want:?}"),
    }
}

const OK: &str = r#""description": "D", "phone": "860-555-0101""#;

#[test]
fn each_error_has_a_path_a_line_and_a_fix() {
    let p = |rest: &str| format!(r#"{{ "id": "x", "name": "X", {OK}, {rest} }}"#);
    check_one(
        &p(r#""needs": ["food", "fod"], "towns": ["Hartford"]"#),
        "programs[1].needs[1]",
        6,
        Error,
        "\"fod\" is not one of the catalogue's needs",
        "did you mean \"food\"?",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Meriden", "Hartfrod"]"#),
        "programs[1].towns[1]",
        6,
        Error,
        "\"Hartfrod\" is not a Connecticut town",
        "did you mean \"Hartford\"?",
    );
    check_one(
        &p(r#""needs": ["food", "housing"], "towns": ["Hartford", "Windam County"]"#),
        "programs[1].towns[1]",
        6,
        Error,
        "\"Windam County\"",
        "did you mean \"Windham County\"?",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford", "Atlantis"]"#),
        "programs[1].towns[1]",
        6,
        Error,
        "\"Atlantis\"",
        "",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford"], "minimum_age": 6, "maximum_age": 5"#),
        "programs[1]",
        6,
        Error,
        "below \"minimum_age\"",
        "swap them",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford"], "minimum_age": -2"#),
        "programs[1]",
        6,
        Error,
        "cannot be negative",
        "",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford"], "maximum_age": 400"#),
        "programs[1]",
        6,
        Error,
        "not believable",
        "",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford"], "website": "www.example.org""#),
        "programs[1].website",
        6,
        Error,
        "not a web address",
        "",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford"], "email": "help at example.org""#),
        "programs[1].email",
        6,
        Error,
        "not an email address",
        "",
    );
    check_one(
        &p(r#""needs": ["food"], "towns": ["Hartford"], "last_reviewed": "10/15/2026""#),
        "programs[1].last_reviewed",
        6,
        Error,
        "YYYY-MM-DD",
        "",
    );
    check_one(
        r#"{ "id": "good", "name": "Again", "description": "D", "phone": "860-555-0102", "needs": ["food"], "statewide": true }"#,
        "programs[1]",
        6,
        Error,
        "already used",
        "",
    );
    check_one(
        r#"{ "id": "x", "description": "D", "phone": "860-555-0102", "needs": ["food"], "statewide": true }"#,
        "programs[1]",
        6,
        Error,
        "it has no \"name\"",
        "",
    );
    check_one(
        r#"{ "id": "x", "name": "X", "description": "D", "phone": "860-555-0102", "needs": ["food"] }"#,
        "programs[1]",
        6,
        Error,
        "neither \"towns\" nor \"statewide\"",
        "",
    );
}

#[test]
fn bad_phone_numbers_are_errors_and_real_ones_are_not() {
    let with_phone = |phone: &str| {
        format!(
            r#"{{ "id": "x", "name": "X", "description": "D", "needs": ["food"], "statewide": true, "website": "https://example.org", "phone": "{phone}" }}"#
        )
    };
    for good in [
        "860-555-0100",
        "(860) 555-0100",
        "+1 860 555 0100",
        "1-860-555-0100",
        "2-1-1",
        "988",
        "860.555.0100 ext. 4",
    ] {
        assert!(diagnostics(&catalogue(&with_phone(good))).is_empty(), "{good} is a phone number");
    }
    for bad in ["555-0100", "860-555-01000", "call us", "860-555-0100 ext", "123"] {
        let found = diagnostics(&catalogue(&with_phone(bad)));
        assert_eq!(found.len(), 1, "{bad}: {found:#?}");
        assert_eq!((found[0].path.as_str(), found[0].severity), ("programs[1].phone", Error), "{bad}");
        assert!(found[0].hint.as_deref().unwrap().contains("10 digits"));
    }
}

#[test]
fn each_warning_says_what_families_miss() {
    check_one(
        r#"{ "id": "x", "name": "X", "description": "D", "needs": ["food"], "statewide": true }"#,
        "programs[1]",
        6,
        Warning,
        "no way to reach",
        "add a \"phone\"",
    );
    check_one(
        r#"{ "id": "x", "name": "X", "phone": "860-555-0102", "needs": ["food"], "statewide": true }"#,
        "programs[1]",
        6,
        Warning,
        "no \"description\"",
        "",
    );
    check_one(
        &format!(
            r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "statewide": true, "towns": ["Hartford"] }}"#
        ),
        "programs[1].statewide",
        6,
        Warning,
        "statewide wins",
        "remove \"towns\"",
    );
    check_one(
        &format!(
            r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "statewide": true, "last_reviewed": "2025-11-21" }}"#
        ),
        "programs[1].last_reviewed",
        6,
        Warning,
        "more than 12 months ago",
        "confirm",
    );
    // Exactly a year is not yet stale.
    let fresh = format!(
        r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "statewide": true, "last_reviewed": "2025-11-22" }}"#
    );
    assert!(diagnostics(&catalogue(&fresh)).is_empty());
}

/// `"fallback": true` marks programs shown when nothing matches. A value that is not true or
/// false is an error at that value, with the fix for what it most likely meant; the program
/// still shows, as an ordinary one.
#[rustfmt::skip]
#[test]
fn a_fallback_that_is_not_true_or_false_is_an_error_at_its_value() {
    let p = |value: &str| format!(r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "statewide": true, "fallback": {value} }}"#);
    for (value, kind, hint) in [
        (r#""yes""#, "text", r#"write "fallback": true (without quotes)"#),
        (r#""true""#, "text", r#"write "fallback": true (without quotes)"#),
        (r#"" X ""#, "text", r#"write "fallback": true (without quotes)"#),
        ("1", "a number", r#"write "fallback": true"#),
        (r#""no""#, "text", r#"write "fallback": false (without quotes), or leave it out"#),
        ("0", "a number", r#"write "fallback": false, or leave it out"#),
        (r#""always""#, "text", r#"write "fallback": true or "fallback": false (without quotes)"#),
        ("[true]", "a list", r#"write "fallback": true or "fallback": false"#),
        (r#"{ "es": true }"#, "an object", r#"write "fallback": true or "fallback": false"#),
    ] {
        let text = catalogue(&p(value));
        let found = diagnostics(&text);
        assert_eq!(found.len(), 1, "{value}: {found:#?}");
        let d = &found[0];
        let column = text.lines().nth(5).unwrap().find(&format!(r#""fallback": {value}"#)).unwrap() + r#""fallback": "#.len() + 1;
        assert_eq!((d.path.as_str(), d.line, d.column, d.severity), ("programs[1].fallback", 6, column, Error), "{value}");
        assert_eq!(d.message, format!("should be true or false, not {kind}"), "{value}");
        assert_eq!(d.hint.as_deref(), Some(hint), "{value}");
        assert_eq!(d.effect, finder_core::Effect::Ignored, "{value}");
        let report = check(&text, &CheckOptions::default());
        let programs = &report.catalogue.unwrap().programs;
        assert_eq!(programs.len(), 2, "{value}: the program still shows");
        assert!(!programs[1].fallback, "{value}: but not as a fallback");
    }
    // true, false, null and leaving it out are all fine.
    for fine in ["true", "false", "null"] {
        assert_eq!(diagnostics(&catalogue(&p(fine))), vec![], "{fine}");
    }
}

/// A fallback program is what a family sees when nothing else matches, so it must be
/// reachable at once, serve every town, and be one of a few.
#[rustfmt::skip]
#[test]
fn fallback_warnings_say_what_a_family_at_a_dead_end_would_miss() {
    let p = |rest: &str| format!(r#"{{ "id": "x", "name": "X", "description": "D", "needs": ["food"], {rest}, "fallback": true }}"#);
    let f = "programs[1].fallback";
    check_one(&p(r#""statewide": true, "email": "help@example.org""#), f, 6, Warning,
        r#"it is a "fallback" program, shown when nothing else matches, but has no "phone" or "website"; a family with nowhere else to turn could not reach it"#,
        r#"add a "phone" or "website", or remove "fallback""#);
    check_one(&p(r#""towns": ["Hartford"], "phone": "860-555-0102""#), f, 6, Warning,
        r#"it is a "fallback" program but not "statewide"; when nothing matches it is shown to families in every town, including towns it does not serve"#,
        r#"set "statewide": true if it serves all of Connecticut, or remove "fallback""#);
    // A phone alone, or a website alone, is enough.
    for fine in [r#""statewide": true, "phone": "2-1-1""#, r#""statewide": true, "website": "https://example.org""#] {
        assert_eq!(diagnostics(&catalogue(&p(fine))), vec![], "{fine}");
    }
    // A phone number that cannot be dialled does not count: its error, then the warning.
    let found = diagnostics(&catalogue(&p(r#""statewide": true, "email": "help@example.org", "phone": "call us""#)));
    let said: Vec<(&str, Severity)> = found.iter().map(|d| (d.path.as_str(), d.severity)).collect();
    assert_eq!(said, [("programs[1].phone", Error), (f, Warning)], "{found:#?}");
    // No contact at all: the general warning and the fallback one, each at its place.
    let found = diagnostics(&catalogue(&p(r#""statewide": true"#)));
    let said: Vec<(&str, Severity)> = found.iter().map(|d| (d.path.as_str(), d.severity)).collect();
    assert_eq!(said, [("programs[1]", Warning), (f, Warning)], "{found:#?}");
}

/// Programs `0..count` of a catalogue, one per line from line 3, the first `fallbacks` of
/// them marked as fallbacks.
fn with_fallbacks(count: usize, fallbacks: usize) -> String {
    let programs: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"    {{ "id": "p{i}", "name": "P{i}", "description": "D", "phone": "860-555-01{i:02}", "needs": ["food"], "statewide": true, "fallback": {} }}"#,
                i < fallbacks
            )
        })
        .collect();
    format!(
        "{{ \"version\": 1, \"needs\": [{{ \"id\": \"food\", \"label\": \"Food\" }}],\n  \"programs\": [\n{}\n  ] }}",
        programs.join(",\n")
    )
}

#[test]
fn more_than_five_fallbacks_is_one_warning_naming_the_count() {
    for fallbacks in 0..=finder_core::check::MOST_FALLBACKS {
        assert_eq!(diagnostics(&with_fallbacks(9, fallbacks)), vec![], "{fallbacks} fallbacks are fine");
    }
    for (fallbacks, count_words) in [(6, "6 programs"), (9, "9 programs")] {
        let found = diagnostics(&with_fallbacks(9, fallbacks));
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        // At the first program over the limit, the sixth (line 3 is the first program).
        assert_eq!((d.path.as_str(), d.line, d.severity), ("programs[5].fallback", 8, Warning));
        assert_eq!(
            d.message,
            format!(
                r#"{count_words} are marked "fallback": true; a family whose choices match nothing would see all {fallbacks}, more than 5 to read through"#
            )
        );
        assert_eq!(
            d.hint.as_deref(),
            Some(
                r#"keep "fallback" on the 5 or fewer that can help any family, such as 2-1-1, and remove it from the rest"#
            )
        );
    }
}

#[test]
fn the_sample_catalogue_has_a_few_reachable_statewide_fallbacks() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/sample-catalogue.json"))
            .unwrap();
    let catalogue = check(&text, &CheckOptions::default()).catalogue.unwrap();
    let fallbacks: Vec<(&str, Option<&str>)> =
        catalogue.fallbacks().map(|p| (p.id.as_str(), p.phone.as_deref())).collect();
    assert_eq!(fallbacks, [("help-me-grow", Some("2-1-1")), ("suicide-crisis-988", Some("988"))]);
    assert!(catalogue.fallbacks().all(|p| p.statewide));
}

#[test]
fn a_stale_catalogue_date_is_a_warning_on_its_line() {
    let text =
        catalogue(&format!(r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "statewide": true }}"#))
            .replace("2026-11-01", "2024-01-31");
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].path.as_str(), found[0].line, found[0].severity), ("updated", 1, Warning));
}

#[test]
fn files_that_cannot_be_used_get_one_located_error() {
    let broken = "{ \"version\": 1,\n  \"needs\": [],\n  \"programs\": [\n    { \"id\": \"a\" \"name\": \"b\" }\n  ]\n}";
    let found = diagnostics(broken);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column, found[0].severity), (4, 17, Error));
    assert!(found[0].message.contains("not valid JSON"), "{}", found[0].message);
    assert!(found[0].hint.as_deref().unwrap().contains("missing comma"));

    let version = diagnostics("{\n  \"version\": 3, \"needs\": [], \"programs\": []\n}");
    assert_eq!((version[0].path.as_str(), version[0].line), ("version", 2));
    assert!(version[0].message.contains("reads version 1"));
}

#[test]
fn diagnostics_come_in_file_order_and_are_all_reported() {
    let text = catalogue(
        r#"{ "id": "x", "name": "X", "needs": ["fod", "housng"], "towns": ["Hartfrod", "Meridan"], "website": "ftp://x" }"#,
    );
    let found = diagnostics(&text);
    let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "programs[1]",
            "programs[1]",
            "programs[1].needs[0]",
            "programs[1].needs[1]",
            "programs[1].towns[0]",
            "programs[1].towns[1]",
            "programs[1].website"
        ],
        "{found:#?}"
    );
    let hints: Vec<Option<&str>> = found.iter().map(|d| d.hint.as_deref()).collect();
    assert_eq!(hints[3], Some("did you mean \"housing\"?"));
    assert_eq!(hints[5], Some("did you mean \"Meriden\"?"));
}

#[test]
fn villages_and_areas_are_places_too() {
    let text = r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food" }],
      "areas": { "Northeast District": ["Putnam", "Thompson", "Woodstock"], "Bad Area": ["Nowhere"] },
      "programs": [{ "id": "a", "name": "A", "description": "D", "phone": "860-555-0100", "needs": ["food"],
                     "towns": ["Willimantic", "northeast district", "Storrs"] }] }"#;
    let report = check(text, &CheckOptions::default());
    let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["areas.Bad Area[0]"], "{:#?}", report.diagnostics);
    let program = &report.catalogue.unwrap().programs[0];
    assert_eq!(program.serves.len(), 5, "Windham, Putnam, Thompson, Woodstock, Mansfield");
}

#[test]
fn translations_and_need_labels_in_other_languages_are_read() {
    let text = r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food", "labels": { "es": "Comida" } }],
      "programs": [{ "id": "a", "name": "Pantry", "description": "Food", "phone": "860-555-0100", "needs": ["food"], "statewide": true,
                     "translations": { "es": { "name": "Despensa", "description": "Comida" }, "fr": "oops" } }] }"#;
    let report = check(text, &CheckOptions::default());
    let catalogue = report.catalogue.as_ref().unwrap();
    assert_eq!(catalogue.needs[0].label_in("es"), "Comida");
    assert_eq!(catalogue.needs[0].label_in("pt"), "Food");
    // A label shown in English on a Portuguese page is marked as English; the others are not.
    assert_eq!(catalogue.needs[0].fallback_language("pt"), Some("en"));
    assert_eq!(catalogue.needs[0].fallback_language("es"), None);
    assert_eq!(catalogue.needs[0].fallback_language("en"), None);
    assert_eq!(catalogue.programs[0].translations["es"].name.as_deref(), Some("Despensa"));
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].path, "programs[0].translations.fr");
}

#[test]
fn the_sample_catalogue_checks_clean() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/sample-catalogue.json"))
            .unwrap();
    let report = check(&text, &CheckOptions { today: Some((2026, 11, 22)) });
    assert_eq!(report.diagnostics, vec![], "the sample is what staff copy from");
}

/// Opening hours: errors that cost the schedule, each with its path, line and fix; warnings
/// about hours that overlap, disagree with the free text, or have passed.
#[rustfmt::skip]
#[test]
fn hours_problems_have_a_path_a_line_and_a_fix() {
    let p = |rest: &str| format!(r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "towns": ["Hartford"], {rest} }}"#);
    let weekly = |days: &str| p(&format!(r#""schedule": {{ "weekly": {{ {days} }} }}"#));
    let s = "programs[1].schedule";
    check_one(&weekly(r#""mon": ["09:00-05:00"]"#), &format!("{s}.weekly.mon[0]"), 6, Error, "\"09:00-05:00\" closes before it opens, so the schedule is not used", "if it closes in the afternoon, write \"09:00-17:00\"");
    check_one(&weekly(r#""mon": ["09:00-25:00"]"#), &format!("{s}.weekly.mon[0]"), 6, Error, "\"25:00\" is not a time of day", "hours run from 00 to 23");
    check_one(&weekly(r#""mon": ["9:75-12:00"]"#), &format!("{s}.weekly.mon[0]"), 6, Error, "\"9:75\" is not a time of day", "minutes from 00 to 59");
    check_one(&weekly(r#""mon": ["9am-5pm"]"#), &format!("{s}.weekly.mon[0]"), 6, Error, "\"9am-5pm\" is not an opening and a closing time", "such as \"09:00-17:00\"");
    check_one(&weekly(r#""thurs": ["09:00-17:00"]"#), &format!("{s}.weekly.thurs"), 6, Error, "\"thurs\" is not a day of the week", "did you mean \"thu\"?");
    check_one(&weekly(r#""Thursday": ["09:00-17:00"]"#), &format!("{s}.weekly.Thursday"), 6, Error, "not a day of the week", "did you mean \"thu\"?");
    check_one(&weekly(r#""mno": ["09:00-17:00"]"#), &format!("{s}.weekly.mno"), 6, Error, "not a day of the week", "did you mean \"mon\"?");
    check_one(&weekly(r#""sat": ["22:00-02:00"], "sun": ["01:00-05:00"]"#), &format!("{s}.weekly.sun[0]"), 6, Warning, "\"01:00-05:00\" overlaps \"22:00-02:00\" from the day before", "correct one of them");
    check_one(&weekly(r#""mon": ["09:00-12:00", "11:00-13:00"]"#), &format!("{s}.weekly.mon[1]"), 6, Warning, "\"11:00-13:00\" overlaps \"09:00-12:00\"", "join them into one, \"09:00-13:00\"");
    check_one(&p(r#""hours": "Mon–Fri 9–5", "schedule": { "weekly": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"], "sat": ["10:00-14:00"] } }"#),
        s, 6, Warning, "the free-text \"hours\" (\"Mon–Fri 9–5\") say Mon-Fri 09:00-17:00, but the schedule says Mon-Fri 09:00-17:00; Sat 10:00-14:00", "correct whichever is wrong");
    check_one(&p(r#""hours": "Walk in Mon–Sat 8am–4pm", "schedule": { "weekly": { "mon": ["08:00-16:00"], "fri": ["08:00-16:00"] } }"#),
        s, 6, Warning, "say Mon-Sat, but the schedule says Mon, Fri 08:00-16:00", "correct whichever");
    check_one(&p(r#""schedule": { "open_24_hours": true, "exceptions": [{ "date": "2025-12-25", "closed": true }] }"#),
        &format!("{s}.exceptions[0]"), 6, Warning, "the exception for 2025-12-25 is over", "remove it");
    // Hours that agree in other words, and exceptions still ahead, are fine.
    for fine in [
        p(r#""hours": "Mon–Fri 9am–5pm", "schedule": { "weekly": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] }, "exceptions": [{ "date": "2026-11-26", "closed": true }] }"#),
        p(r#""hours": "Call 2-1-1 any time; care coordinators Mon–Fri 8:30am–5pm", "schedule": { "weekly": { "mon": ["08:30-17:00"], "tue": ["08:30-17:00"], "wed": ["08:30-17:00"], "thu": ["08:30-17:00"], "fri": ["08:30-17:00"] } }"#),
        p(r#""hours": "Every day, all hours", "schedule": { "open_24_hours": true }"#),
        p(r#""hours": "Sessions scheduled with each practice", "schedule": { "appointment_only": true }"#),
        p(r#""schedule": { "weekly": { "mon": ["09:00-12:00", "12:00-17:00"] } }"#),
    ] {
        assert_eq!(diagnostics(&catalogue(&fine)), vec![], "{fine}");
    }
}

#[test]
fn hours_errors_point_at_the_exact_value() {
    let text = catalogue(&format!(
        r#"{{ "id": "x", "name": "X", {OK}, "needs": ["food"], "towns": ["Hartford"], "schedule": {{ "weekly": {{ "fri": ["09:00-12:00", "13:00-29:00"] }} }} }}"#
    ));
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let column = text.lines().nth(5).unwrap().find("\"13:00-29:00\"").unwrap() + 1;
    assert_eq!((found[0].line, found[0].column), (6, column));
    assert_eq!(found[0].path, "programs[1].schedule.weekly.fri[1]");

    let zone = r#"{ "version": 1, "time_zone": "Eastern", "needs": [], "programs": [] }"#;
    let found = diagnostics(zone);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].path.as_str(), found[0].line, found[0].column, found[0].severity),
        ("time_zone", 1, 30, Error)
    );
    assert_eq!(found[0].hint.as_deref(), Some("did you mean \"America/New_York\"?"));
}
