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
