//! Which programs a family sees for each combination of need, town and age.
//! Every boundary named in the filter rules has a row here.

use finder_core::age::ChildAge::{self, Months, Years};
use finder_core::catalogue::{load, Catalogue};
use finder_core::filter::Filter;
use finder_core::towns::family_town;

/// A small catalogue where each program isolates one rule.
const CATALOGUE: &str = r#"{
  "version": 1,
  "needs": [
    { "id": "food", "label": "Food" },
    { "id": "housing", "label": "Housing" },
    { "id": "literacy", "label": "Early literacy" }
  ],
  "programs": [
    { "id": "hartford-food", "name": "Hartford pantry", "needs": ["food"], "towns": ["Hartford"] },
    { "id": "windham-county-housing", "name": "Windham County homes", "needs": ["housing"], "towns": ["Windham County"] },
    { "id": "statewide-food-housing", "name": "Statewide help", "needs": ["food", "housing"], "statewide": true },
    { "id": "under-six", "name": "Birth to five", "needs": ["literacy"], "towns": ["Hartford", "New Britain"], "minimum_age": 0, "maximum_age": 5 },
    { "id": "preschool", "name": "Three to five", "needs": ["literacy"], "statewide": true, "minimum_age": 3, "maximum_age": 5 },
    { "id": "newborn", "name": "First six months", "needs": ["food"], "statewide": true, "minimum_age": 0, "maximum_age": 0.5 },
    { "id": "adults", "name": "Adults", "needs": ["housing"], "towns": ["  meriden "], "minimum_age": 18 },
    { "id": "village", "name": "Willimantic only", "needs": ["food"], "towns": ["Willimantic"] },
    { "id": "any-age-upto-12", "name": "Up to twelve", "needs": ["food"], "towns": ["new haven county"], "maximum_age": 12 }
  ]
}"#;

fn catalogue() -> Catalogue {
    let loaded = load(CATALOGUE).expect("fixture loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalogue
}

fn filter(needs: &[&str], town: Option<&str>, age: Option<ChildAge>) -> Filter {
    Filter {
        needs: needs.iter().map(|n| n.to_string()).collect(),
        town: town.map(|t| family_town(t).unwrap_or_else(|| panic!("{t} is a town"))),
        age,
    }
}

/// One row: the choices and the ids expected, in catalogue order.
fn check(needs: &[&str], town: Option<&str>, age: Option<ChildAge>, expected: &[&str]) {
    let catalogue = catalogue();
    let chosen = filter(needs, town, age);
    let found: Vec<&str> = chosen.apply(&catalogue).map(|p| p.id.as_str()).collect();
    assert_eq!(found, expected, "needs {needs:?}, town {town:?}, age {age:?}");
}

const ALL: [&str; 9] = [
    "hartford-food",
    "windham-county-housing",
    "statewide-food-housing",
    "under-six",
    "preschool",
    "newborn",
    "adults",
    "village",
    "any-age-upto-12",
];

#[test]
fn nothing_chosen_shows_every_program() {
    check(&[], None, None, &ALL);
}

#[test]
fn needs_match_any_chosen_need() {
    check(&["housing"], None, None, &["windham-county-housing", "statewide-food-housing", "adults"]);
    check(
        &["food", "literacy"],
        None,
        None,
        &[
            "hartford-food",
            "statewide-food-housing",
            "under-six",
            "preschool",
            "newborn",
            "village",
            "any-age-upto-12",
        ],
    );
    check(&["food", "housing", "literacy"], None, None, &ALL);
    check(&["no-such-need"], None, None, &[]);
}

#[test]
fn towns_match_listed_county_village_and_statewide() {
    // Listed town, plus every statewide program.
    check(
        &[],
        Some("Hartford"),
        None,
        &["hartford-food", "statewide-food-housing", "under-six", "preschool", "newborn"],
    );
    // Case and spaces are ignored, on both sides.
    check(
        &[],
        Some("  HARTFORD "),
        None,
        &["hartford-food", "statewide-food-housing", "under-six", "preschool", "newborn"],
    );
    check(
        &[],
        Some("meriden"),
        None,
        &["statewide-food-housing", "preschool", "newborn", "adults", "any-age-upto-12"],
    );
    // Killingly is in Windham County (Mansfield, home of Storrs, is in Tolland County).
    check(
        &[],
        Some("Killingly"),
        None,
        &["windham-county-housing", "statewide-food-housing", "preschool", "newborn"],
    );
    // Windham town: in Windham County and contains the village of Willimantic.
    check(
        &[],
        Some("Windham"),
        None,
        &["windham-county-housing", "statewide-food-housing", "preschool", "newborn", "village"],
    );
    // A family may type the village name.
    check(
        &[],
        Some("Willimantic"),
        None,
        &["windham-county-housing", "statewide-food-housing", "preschool", "newborn", "village"],
    );
    // A town nobody lists still gets the statewide programs.
    check(&[], Some("Salisbury"), None, &["statewide-food-housing", "preschool", "newborn"]);
}

#[test]
fn ages_at_every_boundary() {
    // 0–5: 5 years yes, 6 no.
    check(&["literacy"], Some("Hartford"), Some(Years(5)), &["under-six", "preschool"]);
    check(&["literacy"], Some("Hartford"), Some(Years(6)), &[]);
    // 3–5: 2 years no, 3 yes.
    check(&["literacy"], Some("Salisbury"), Some(Years(2)), &[]);
    check(&["literacy"], Some("Salisbury"), Some(Years(3)), &["preschool"]);
    // 0–0.5: 6 months yes, 7 no.
    check(&["food"], Some("Salisbury"), Some(Months(6)), &["statewide-food-housing", "newborn"]);
    check(&["food"], Some("Salisbury"), Some(Months(7)), &["statewide-food-housing"]);
    // Minimum 18: 17 no, 18 yes.
    check(&["housing"], Some("Meriden"), Some(Years(17)), &["statewide-food-housing"]);
    check(&["housing"], Some("Meriden"), Some(Years(18)), &["statewide-food-housing", "adults"]);
    // No minimum: open below; maximum 12 runs through age 12.
    check(
        &["food"],
        Some("New Haven"),
        Some(Months(0)),
        &["statewide-food-housing", "newborn", "any-age-upto-12"],
    );
    check(&["food"], Some("New Haven"), Some(Years(12)), &["statewide-food-housing", "any-age-upto-12"]);
    check(&["food"], Some("New Haven"), Some(Years(13)), &["statewide-food-housing"]);
}

#[test]
fn every_choice_must_fit() {
    check(&["housing"], Some("Hartford"), None, &["statewide-food-housing"]);
    check(&["food"], Some("Windham"), Some(Years(30)), &["statewide-food-housing", "village"]);
    check(
        &[],
        None,
        Some(Years(40)),
        &["hartford-food", "windham-county-housing", "statewide-food-housing", "adults", "village"],
    );
    check(&["literacy"], Some("Killingly"), Some(Years(4)), &["preschool"]);
}
