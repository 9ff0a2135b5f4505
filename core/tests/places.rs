//! Places beyond Connecticut: a catalogue's `places` (towns and cities in other states),
//! regions (areas) that cross the state line, and families who live there. The sample is
//! `tests/fixtures/places-catalogue.json`: Connecticut towns beside places in MA, RI, NY
//! and NH, with "Enfield" (Connecticut's) and "Enfield, NH" as two places.

use finder_core::catalogue::{load, Catalogue};
use finder_core::filter::Filter;
use finder_core::stats::Stats;
use finder_core::towns::Places;

const SAMPLE: &str = include_str!("../../tests/fixtures/places-catalogue.json");

fn sample() -> Catalogue {
    let loaded = load(SAMPLE).expect("the sample loads");
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.catalogue
}

/// The names of the towns a place name stands for, as families see them.
fn towns(places: &Places, name: &str) -> Vec<String> {
    let found = places.resolve(name).map(|found| found.towns).unwrap_or_default();
    found.into_iter().map(|town| places.name(town).to_string()).collect()
}

#[test]
fn declared_places_resolve_beside_connecticuts() {
    let catalogue = sample();
    let places = &catalogue.places;
    assert_eq!(places.len(), 169 + 8);
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        // name in a catalogue       towns it stands for
        ("Springfield, MA",          &["Springfield, MA"]),
        ("springfield,  ma",         &["Springfield, MA"]),
        // A bare name: no Connecticut place and one declared place have it.
        ("Springfield",              &["Springfield, MA"]),
        ("Amherst",                  &["Amherst, MA"]),
        // Connecticut's Enfield keeps its name; New Hampshire's needs its state.
        ("Enfield",                  &["Enfield"]),
        ("Enfield, CT",              &["Enfield"]),
        ("Enfield, NH",              &["Enfield, NH"]),
        ("Hartford County, CT",      &["Avon", "Berlin", "Bloomfield"]), // (the first three of 29)
        ("Hampden County, MA",       &["Springfield, MA", "Longmeadow, MA", "West Springfield, MA"]),
        ("hampden county, ma",       &["Springfield, MA", "Longmeadow, MA", "West Springfield, MA"]),
        // Counties of declared places always carry their state.
        ("Hampden County",           &[]),
        ("Springfield, VT",          &[]),
        ("Springfield, Massachusetts", &[]),
        ("Port Chester, NY",         &["Port Chester, NY"]),
    ];
    for (name, expected) in cases {
        let mut found = towns(places, name);
        if name.starts_with("Hartford County") {
            found.truncate(3);
        }
        assert_eq!(found, *expected, "{name:?}");
    }
    // Every declared place has its own number, after Connecticut's.
    let enfield_ct = places.resolve("Enfield").unwrap().towns[0];
    let enfield_nh = places.resolve("Enfield, NH").unwrap().towns[0];
    assert!(enfield_ct.index() < 169 && enfield_nh.index() >= 169);
    assert_eq!(places.county(enfield_nh), Some("Grafton County, NH"));
    assert_eq!(places.county(enfield_ct), Some("Hartford"));
    let counties: Vec<&str> = places.counties().skip(8).collect();
    assert_eq!(
        counties,
        [
            "Hampden County, MA",
            "Hampshire County, MA",
            "Providence County, RI",
            "Washington County, RI",
            "Westchester County, NY",
            "Grafton County, NH"
        ]
    );
}

#[test]
fn a_region_crosses_the_state_line() {
    let catalogue = sample();
    let places = &catalogue.places;
    let area = |name: &str| -> Vec<&str> {
        let (_, set) = catalogue.areas.iter().find(|(area, _)| area == name).expect("the area");
        set.towns().map(|town| places.name(town)).collect()
    };
    assert_eq!(area("Enfield-Springfield Corridor"), ["Enfield", "Springfield, MA", "Longmeadow, MA"]);
    assert_eq!(
        area("Pioneer Valley"),
        ["Springfield, MA", "Longmeadow, MA", "West Springfield, MA", "Amherst, MA"]
    );
}

#[test]
fn families_type_places_the_way_they_write_addresses() {
    let catalogue = sample();
    let places = &catalogue.places;
    let town = |typed: &str| places.family_town(typed).map(|town| places.name(town));
    #[rustfmt::skip]
    let cases: &[(&str, Option<&str>)] = &[
        ("Springfield, MA",                Some("Springfield, MA")),
        ("springfield ma",                 Some("Springfield, MA")),
        ("Springfield, Massachusetts",     Some("Springfield, MA")),
        ("springfield",                    Some("Springfield, MA")),
        ("W. Springfield, MA",             Some("West Springfield, MA")),
        ("providence ri",                  Some("Providence, RI")),
        ("Providence, Rhode Island",       Some("Providence, RI")),
        ("Enfield",                        Some("Enfield")),
        ("enfield ct",                     Some("Enfield")),
        ("enfield nh",                     Some("Enfield, NH")),
        ("Enfield, New Hampshire",         Some("Enfield, NH")),
        ("06082",                          Some("Enfield")),
        // A state typed is obeyed: no Springfield in Connecticut or Vermont.
        ("springfield ct",                 None),
        ("springfield vt",                 None),
        ("Springfeld, MA",                 None),
        ("Hampden County, MA",             None),
    ];
    for (typed, expected) in cases {
        assert_eq!(town(typed), *expected, "{typed:?}");
    }
    // Suggestions and "closest" offer declared places like Connecticut's.
    assert_eq!(places.suggest("springf", 8), ["Springfield, MA", "West Springfield, MA"]);
    assert_eq!(places.suggest("enfield", 8), ["Enfield", "Enfield, NH"]);
    assert_eq!(places.suggest("springfield m", 8), ["Springfield, MA"]);
    assert_eq!(places.suggest("Sprngfield", 3).first(), Some(&"Springfield, MA"));
    assert_eq!(places.closest_places("Springfeld, MA", 3).first(), Some(&"Springfield, MA"));
    assert_eq!(places.town_named("Springfield, MA").map(|t| places.name(t)), Some("Springfield, MA"));
    // Without the catalogue, none of it exists: Connecticut alone.
    assert_eq!(Places::connecticut().family_town("springfield ma"), None);
    assert!(!Places::connecticut().suggest("springf", 8).contains(&"Springfield, MA"));
}

#[test]
fn a_family_in_springfield_sees_its_programs() {
    let catalogue = sample();
    let places = &catalogue.places;
    let ids = |typed: &str| -> Vec<&str> {
        let filter = Filter { town: places.family_town(typed), ..Filter::default() };
        catalogue.programs.iter().filter(|p| filter.matches(p)).map(|p| p.id.as_str()).collect()
    };
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        // "family-line" is statewide: Connecticut's towns only.
        ("Springfield, MA", &["springfield-pantry", "corridor-housing", "hampden-parents", "valley-meals"]),
        ("Longmeadow, MA",  &["corridor-housing", "hampden-parents", "valley-meals"]),
        ("Amherst, MA",     &["valley-meals", "amherst-family"]),
        ("Enfield",         &["corridor-housing", "enfield-ct-pantry", "family-line"]),
        ("Enfield, NH",     &["enfield-nh-pantry"]),
        ("Westerly, RI",    &["shoreline-food"]),
        ("Stonington",      &["shoreline-food", "family-line"]),
        ("Hartford",        &["hartford-housing", "family-line"]),
    ];
    for (typed, expected) in cases {
        assert_eq!(ids(typed), *expected, "{typed:?}");
    }
}

#[test]
fn stats_count_programs_per_declared_county() {
    let stats = Stats::of(&sample(), None);
    let county = |name: &str| stats.per_county.iter().find(|(c, _)| c == name).map(|(_, n)| *n);
    assert_eq!(county("Hampden County, MA"), Some(5), "3 of its own, the corridor, the line");
    assert_eq!(county("Grafton County, NH"), Some(2));
    assert_eq!(county("Hartford"), Some(4), "Hartford, Enfield, the corridor, the line");
    assert_eq!(stats.per_county.len(), 8 + 6);
}

/// A catalogue with `places` (as JSON) and one program listing `towns`; what was wrong.
fn problems(places: &str, towns: &str) -> Vec<String> {
    let json = format!(
        r#"{{ "version": 1, "needs": [{{ "id": "food", "label": "Food" }}], "places": {places},
             "programs": [{{ "id": "p", "name": "P", "needs": ["food"], "towns": {towns} }}] }}"#
    );
    let loaded = load(&json).expect("loads");
    loaded
        .problems
        .iter()
        .map(|p| {
            let hint = p.hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default();
            format!("{}: {}{hint}", p.path, p.message)
        })
        .collect()
}

#[test]
fn bad_places_are_reported_with_their_path() {
    let ok = r#"{ "name": "Springfield", "state": "MA" }"#;
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        (r#""Springfield, MA""#,
         r#"places: "places" should be a list: [{"name": "Springfield", "state": "MA", "county": "Hampden"}]"#),
        (r#"["Springfield, MA"]"#,
         r#"places[0]: a place should be an object such as {"name": "Springfield", "state": "MA"}"#),
        (r#"[{ "state": "MA" }]"#,
         r#"places[0]: a place needs a "name", such as "Springfield""#),
        (r#"[{ "name": "Springfield" }]"#,
         r#"places[0]: a place needs a "state", a two-letter code such as "MA""#),
        (r#"[{ "name": "Springfield", "state": "Massachusetts" }]"#,
         r#"places[0].state: "Massachusetts" is not a two-letter state code: write "MA""#),
        (r#"[{ "name": "Springfield", "state": "Mass" }]"#,
         r#"places[0].state: "Mass" is not a two-letter U.S. state code such as "MA""#),
        (r#"[{ "name": "Enfield", "state": "ct" }]"#,
         r#"places[0].state: "Enfield" is in Connecticut, whose towns are built in: list it in programs' "towns" without declaring it"#),
        (r#"[{ "name": "Springfield, MA", "state": "MA" }]"#,
         r#"places[0].name: "Springfield, MA": write the town alone in "name" and its state in "state""#),
        (r#"[{ "name": 7, "state": "MA" }]"#,
         r#"places[0].name: "name" should be text"#),
    ];
    for (places, expected) in cases {
        let found = problems(places, r#"["Hartford"]"#);
        assert_eq!(found, [*expected], "{places}");
    }
    // The same place twice: the first is kept, so programs naming it still load.
    let twice = format!(r#"[{ok}, {{ "name": "springfield", "state": "ma" }}]"#);
    assert_eq!(
        problems(&twice, r#"["Springfield, MA"]"#),
        [r#"places[1]: "Springfield, MA" is declared twice; the first is kept"#]
    );
}

#[test]
fn unknown_places_get_a_did_you_mean_over_declared_places() {
    let ok = r#"[{ "name": "Springfield", "state": "MA", "county": "Hampden" }]"#;
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        // places   towns                   problem
        (ok, r#"["Springfeld, MA", "Hartford"]"#,
         r#"programs[0].towns[0]: "Springfeld, MA" is not a Connecticut town, county or village, or one of the catalogue's places (did you mean "Springfield, MA"?)"#),
        (ok, r#"["Hampden Cnty, MA", "Hartford"]"#,
         r#"programs[0].towns[0]: "Hampden Cnty, MA" is not a Connecticut town, county or village, or one of the catalogue's places (did you mean "Hampden County, MA"?)"#),
        (ok, r#"["Hartfrod", "Hartford"]"#,
         r#"programs[0].towns[0]: "Hartfrod" is not a Connecticut town, county or village, or one of the catalogue's places (did you mean "Hartford"?)"#),
        // Not declared: the fix is to declare it.
        ("[]", r#"["Worcester, MA", "Hartford"]"#,
         r#"programs[0].towns[0]: "Worcester, MA" is not a Connecticut town, county or village (add it to the catalogue's "places": {"name": "Worcester", "state": "MA"})"#),
    ];
    for (places, towns, expected) in cases {
        assert_eq!(problems(places, towns), [*expected], "{towns}");
    }
    let two = r#"[{ "name": "Springfield", "state": "MA" }, { "name": "Springfield", "state": "VT" }]"#;
    assert_eq!(
        problems(two, r#"["Springfield", "Hartford"]"#),
        [
            r#"programs[0].towns[0]: "Springfield" is not a Connecticut town, county or village, or one of the catalogue's places (more than one place has this name: write it with its state, "Springfield, MA" or "Springfield, VT")"#
        ]
    );
    let skipped = problems(ok, r#"["Springfeld, MA"]"#);
    assert_eq!(skipped[1], r#"programs[0]: none of its "towns" is a known place, and it is not "statewide""#);
}

#[test]
fn areas_may_not_take_a_declared_places_name() {
    let json = r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food" }],
        "places": [{ "name": "Springfield", "state": "MA" }],
        "areas": { "Springfield": ["Hartford"], "Valley": ["Springfield, MA", "Springfeld, MA"] },
        "programs": [{ "id": "p", "name": "P", "needs": ["food"], "towns": ["Valley"] }] }"#;
    let loaded = load(json).unwrap();
    let found: Vec<String> = loaded.problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
    assert_eq!(
        found,
        [
            r#"areas.Springfield: "Springfield" is already one of the catalogue's places; give the area another name"#,
            r#"areas.Valley[1]: "Springfeld, MA" is not a Connecticut town, county or village, or one of the catalogue's places"#,
        ]
    );
    assert_eq!(loaded.catalogue.programs.len(), 1);
}

#[test]
fn a_spreadsheet_declares_the_places_outside_connecticut_it_names() {
    use finder_core::format::standard_needs;
    use finder_core::import::csv::{export, import};
    let text = "id,name,needs,towns\n\
                pvd,Providence Family Center,family-support,\"Providence, RI; Westerly, RI\"\n\
                shore,Shoreline Food Share,food,\"Westerly, RI; Stonington\"\n\
                hfd,Hartford Tenant Help,housing,\"Hartford, CT\"\n";
    let imported = import(text, standard_needs()).unwrap();
    let notes: Vec<String> = imported.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notes,
        [
            r#"row 2, column "towns": "Providence, RI" added to the catalogue's places (outside Connecticut); give its county there if programs list the county"#,
            r#"row 2, column "towns": "Westerly, RI" added to the catalogue's places (outside Connecticut); give its county there if programs list the county"#,
        ]
    );
    let declared: Vec<(&str, &str)> =
        imported.catalogue.places.iter().map(|p| (p.name.as_str(), p.state.as_str())).collect();
    assert_eq!(declared, [("Providence", "RI"), ("Westerly", "RI")]);
    assert_eq!(imported.catalogue.programs[0].towns, ["Providence, RI", "Westerly, RI"]);
    // The catalogue loads clean, and the places come back through a spreadsheet.
    let loaded = load(&imported.catalogue.to_json()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let places = &loaded.catalogue.places;
    let providence = places.family_town("providence ri").unwrap();
    assert!(loaded.catalogue.programs[0].serves.contains(providence));
    let again = import(&export(&imported.catalogue), standard_needs()).unwrap();
    assert_eq!(again.catalogue.programs, imported.catalogue.programs);
    assert_eq!(again.catalogue.places, imported.catalogue.places);
}
