//! Turning catalogue files into catalogues: good files, broken files, broken programs.

use finder_core::catalogue::{load, LoadError};
use finder_core::Effect;

fn wrap(programs: &str) -> String {
    format!(
        r#"{{ "version": 1, "needs": [{{ "id": "food", "label": "Food" }}, {{ "id": "housing", "label": "Housing" }}],
             "programs": [{programs}] }}"#
    )
}

const GOOD: &str = r#"{ "id": "good", "name": "Good", "needs": ["food"], "towns": ["Hartford"] }"#;

/// One row: a program as JSON, and the problems expected as (path, words in the message, effect).
fn check_program(program: &str, expected: &[(&str, &str, Effect)]) {
    let loaded = load(&wrap(&format!("{GOOD}, {program}"))).expect("loads");
    let found: Vec<_> =
        loaded.problems.iter().map(|p| (p.path.as_str(), p.message.as_str(), p.effect)).collect();
    assert_eq!(found.len(), expected.len(), "problems for {program}: {found:#?}");
    for ((path, message, effect), (want_path, want_words, want_effect)) in found.iter().zip(expected) {
        assert_eq!(path, want_path, "{program}");
        assert!(message.contains(want_words), "{message:?} should mention {want_words:?}");
        assert_eq!(effect, want_effect, "{program}: {message}");
    }
    assert_eq!(loaded.catalogue.programs[0].id, "good", "the good program always stays");
    let kept = expected.iter().all(|(_, _, e)| *e == Effect::Ignored);
    assert_eq!(loaded.catalogue.programs.len(), if kept { 2 } else { 1 }, "{program}");
}

#[test]
fn a_broken_program_is_skipped_and_the_rest_stay() {
    use Effect::{Ignored, Skipped};
    check_program(
        r#"{ "name": "No id", "needs": ["food"], "statewide": true }"#,
        &[("programs[1]", "\"id\"", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "needs": ["food"], "statewide": true }"#,
        &[("programs[1]", "\"name\"", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "statewide": true }"#,
        &[("programs[1]", "\"needs\"", Skipped)],
    );
    check_program(r#"{ "id": "x", "name": "X", "needs": ["food"] }"#, &[("programs[1]", "neither", Skipped)]);
    check_program(
        r#"{ "id": "good", "name": "Again", "needs": ["food"], "statewide": true }"#,
        &[("programs[1]", "already used", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["fod"], "statewide": true }"#,
        &[("programs[1].needs[0]", "\"fod\"", Ignored), ("programs[1]", "no need", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "towns": ["Hartfrod"] }"#,
        &[
            ("programs[1].towns[0]", "\"Hartfrod\"", Ignored),
            ("programs[1]", "known Connecticut place", Skipped),
        ],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "minimum_age": 6, "maximum_age": 5 }"#,
        &[("programs[1]", "below", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "minimum_age": -1 }"#,
        &[("programs[1]", "negative", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "maximum_age": 500 }"#,
        &[("programs[1]", "not believable", Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "maximum_age": "five" }"#,
        &[("programs[1]", "number of years", Skipped)],
    );
    check_program(r#""just text""#, &[("programs[1]", "JSON object", Skipped)]);
}

#[test]
fn a_bad_optional_value_is_dropped_and_the_program_stays() {
    use Effect::Ignored;
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food", "nope"], "statewide": true }"#,
        &[("programs[1].needs[1]", "\"nope\"", Ignored)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "towns": ["Hartford", "Atlantis"] }"#,
        &[("programs[1].towns[1]", "\"Atlantis\"", Ignored)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "website": "javascript:alert(1)" }"#,
        &[("programs[1].website", "web address", Ignored)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "email": "not-an-email" }"#,
        &[("programs[1].email", "email", Ignored)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": "yes" }"#,
        &[("programs[1].statewide", "true or false", Ignored), ("programs[1]", "neither", Effect::Skipped)],
    );
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "description": ["a", "b"] }"#,
        &[("programs[1].description", "should be text", Ignored)],
    );
    // A wrong "fallback" costs only the flag: the program stays (`check_program` asserts it).
    check_program(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "fallback": "yes" }"#,
        &[("programs[1].fallback", "true or false", Ignored)],
    );
}

#[test]
fn unknown_fields_are_ignored_silently() {
    let loaded = load(&wrap(
        r#"{ "id": "x", "name": "X", "needs": ["food"], "statewide": true, "future_field": {"a": 1}, "colour": "blue" }"#,
    ))
    .unwrap();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.catalogue.programs.len(), 1);
}

#[test]
fn every_field_is_read() {
    let loaded = load(&wrap(
        r#"{ "id": "full", "name": " Full ", "organization": "Org", "description": "Desc",
             "needs": ["food", "housing"], "towns": ["Hartford", "Windham County"], "statewide": false,
             "minimum_age": 0, "maximum_age": 5, "phone": "860-555-0100", "website": "https://example.org/x",
             "email": "help@example.org", "address": "1 Sample St", "hours": "Mon–Fri", "eligibility": "Families",
             "languages": ["en", "es"], "cost": "free" }"#,
    ))
    .unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let p = &loaded.catalogue.programs[0];
    assert_eq!(p.name, "Full", "text is trimmed");
    assert_eq!(p.needs, ["food", "housing"]);
    assert_eq!(p.towns, ["Hartford", "Windham County"]);
    assert_eq!(p.serves.len(), 1 + 15);
    assert_eq!((p.minimum_age, p.maximum_age), (Some(0.0), Some(5.0)));
    assert_eq!(p.website.as_deref(), Some("https://example.org/x"));
    assert_eq!(p.languages, ["en", "es"]);
    assert_eq!(p.cost.as_deref(), Some("free"));
}

/// One language is one language when a catalogue writes it with an alias: `asl` is `ase`
/// (American Sign Language). Other codes are kept as written.
#[test]
fn language_codes_are_read_as_the_table_of_languages_writes_them() {
    let table = [
        (r#"["asl"]"#, vec!["ase"]),
        (r#"["ase"]"#, vec!["ase"]),
        (r#"["ASL", "en"]"#, vec!["ase", "en"]),
        (r#"["spa", "es"]"#, vec!["spa", "es"]),
        (r#"["en", "ES", "es-419", "hmn", "Klingon"]"#, vec!["en", "ES", "es-419", "hmn", "Klingon"]),
    ];
    for (languages, expected) in table {
        let program = format!(
            r#"{{ "id": "p", "name": "P", "needs": ["food"], "towns": ["Hartford"], "languages": {languages} }}"#
        );
        let loaded = load(&wrap(&program)).unwrap();
        assert!(loaded.problems.is_empty(), "{languages}: {:?}", loaded.problems);
        assert_eq!(loaded.catalogue.programs[0].languages, expected, "{languages}");
    }
}

#[test]
fn files_that_are_not_catalogues_are_refused_with_a_reason() {
    let check = |text: &str, expected: fn(&LoadError) -> bool, words: &str| {
        let error = load(text).expect_err(text);
        assert!(expected(&error), "{text}: {error:?}");
        assert!(error.to_string().contains(words), "{error} should mention {words:?}");
    };
    check("", |e| matches!(e, LoadError::NotJson(_)), "not valid JSON");
    check("<html><body>Not found</body></html>", |e| matches!(e, LoadError::NotJson(_)), "line 1");
    check(r#"{"version": 1, "needs": [], "programs": ["#, |e| matches!(e, LoadError::NotJson(_)), "JSON");
    check("[1, 2]", |e| matches!(e, LoadError::NotACatalogue(_)), "JSON object");
    check(r#"{"needs": [], "programs": []}"#, |e| matches!(e, LoadError::NotACatalogue(_)), "\"version\"");
    check(
        r#"{"version": 2, "needs": [], "programs": []}"#,
        |e| matches!(e, LoadError::UnsupportedVersion(_)),
        "version 1",
    );
    check(
        r#"{"version": "1", "needs": [], "programs": []}"#,
        |e| matches!(e, LoadError::UnsupportedVersion(_)),
        "\"1\"",
    );
    check(r#"{"version": 1, "programs": []}"#, |e| matches!(e, LoadError::NotACatalogue(_)), "\"needs\"");
    check(r#"{"version": 1, "needs": []}"#, |e| matches!(e, LoadError::NotACatalogue(_)), "\"programs\"");
    check(
        r#"{"version": 1, "needs": [], "programs": {}}"#,
        |e| matches!(e, LoadError::NotACatalogue(_)),
        "list",
    );
}

#[test]
fn the_bundled_sample_catalogue_loads_without_problems() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/sample-catalogue.json"))
            .unwrap();
    let loaded = load(&text).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.catalogue.programs.len() >= 30);
    for need in &loaded.catalogue.needs {
        let count = loaded.catalogue.programs.iter().filter(|p| p.needs.contains(&need.id)).count();
        assert!(count >= 2, "need {} has {count} programs", need.id);
    }
    assert!(loaded.catalogue.notice.as_deref().unwrap_or("").to_lowercase().contains("sample"));
}

/// Reading a few programs at a time gives exactly what `load` gives, in any step size.
#[test]
fn loading_in_steps_is_loading_at_once() {
    let text = include_str!("../../public/sample-catalogue.json");
    let whole = finder_core::catalogue::load(text).expect("the sample loads");
    for step in [1, 3, 7, 1000] {
        let mut loading = finder_core::catalogue::Loading::start(text).expect("starts");
        let mut steps = 0;
        while !loading.step(step) {
            steps += 1;
        }
        let (read, listed) = loading.progress();
        assert_eq!(read, listed);
        // It really went in steps: one call per `step` programs.
        assert_eq!(steps + 1, listed.div_ceil(step).max(1), "{step}: {steps} steps for {listed} programs");
        let stepped = loading.finish();
        assert_eq!(stepped.catalogue, whole.catalogue, "step {step}");
        assert_eq!(stepped.problems.len(), whole.problems.len());
    }
    // A broken file is refused at the start, as by `load`.
    assert!(finder_core::catalogue::Loading::start("{\"version\": 2}").is_err());
}

#[test]
fn fallback_programs_are_read_and_listed_in_catalogue_order() {
    let loaded = load(&wrap(
        r#"{ "id": "a", "name": "A", "needs": ["food"], "statewide": true, "fallback": true },
           { "id": "b", "name": "B", "needs": ["food"], "statewide": true },
           { "id": "c", "name": "C", "needs": ["food"], "statewide": true, "fallback": false },
           { "id": "d", "name": "D", "needs": ["food"], "statewide": true, "fallback": null },
           { "id": "e", "name": "E", "needs": ["food"], "towns": ["Hartford"], "fallback": true },
           { "id": "f", "name": "F", "needs": ["food"], "statewide": true, "fallback": 1 }"#,
    ))
    .expect("loads");
    let flags: Vec<(&str, bool)> =
        loaded.catalogue.programs.iter().map(|p| (p.id.as_str(), p.fallback)).collect();
    assert_eq!(flags, [("a", true), ("b", false), ("c", false), ("d", false), ("e", true), ("f", false)]);
    let fallbacks: Vec<&str> = loaded.catalogue.fallbacks().map(|p| p.id.as_str()).collect();
    assert_eq!(fallbacks, ["a", "e"]);
    let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["programs[5].fallback"], "{:#?}", loaded.problems);
}
