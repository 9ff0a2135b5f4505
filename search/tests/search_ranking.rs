//! The ranking rules one at a time (README, "How searching and filtering work"), and a
//! typo that acts like the word meant. Each program of the small catalogue below isolates
//! one rule; each rule has one `check` table, so a new case is one line.

use finder_core::catalogue::{load, Catalogue};
use finder_search::{Query, SearchIndex, SearchOptions};

const CATALOGUE: &str = r#"{
  "version": 1,
  "needs": [{ "id": "help", "label": "Services" }],
  "programs": [
    { "id": "snapper", "name": "SNAPPER CREEK ELEMENTARY", "description": "After school care.", "needs": ["help"], "statewide": true },
    { "id": "snap-desc", "name": "Benefits Enrollment Center", "description": "Apply for SNAP and cash aid.", "needs": ["help"], "statewide": true },
    { "id": "scattered", "name": "Food Pantry", "description": "Canned goods. The desk sells postage stamps.", "needs": ["help"], "statewide": true },
    { "id": "near", "name": "Benefits Office", "description": "Food and postage stamps for families.", "needs": ["help"], "statewide": true },
    { "id": "together", "name": "Outreach Desk", "description": "We help you apply for food stamps.", "needs": ["help"], "statewide": true },
    { "id": "league", "name": "Youth basketball league", "needs": ["help"], "statewide": true },
    { "id": "reversed", "name": "Basketball for youth", "needs": ["help"], "statewide": true },
    { "id": "apart", "name": "Youth center", "description": "Homework, art, and on Fridays basketball.", "needs": ["help"], "statewide": true },
    { "id": "shelter", "name": "Shelter", "needs": ["help"], "statewide": true },
    { "id": "shell", "name": "Shell", "needs": ["help"], "statewide": true },
    { "id": "dentist", "name": "Family Dentist", "needs": ["help"], "statewide": true },
    { "id": "dental", "name": "Dental Clinic", "needs": ["help"], "statewide": true },
    { "id": "teeth", "name": "Free teeth cleaning", "needs": ["help"], "statewide": true },
    { "id": "mental", "name": "Mental health clinic", "needs": ["help"], "statewide": true },
    { "id": "rental", "name": "Rental help", "needs": ["help"], "statewide": true },
    { "id": "helpline", "name": "Helpline", "needs": ["help"], "statewide": true },
    { "id": "wic", "name": "Nutrition for Women, Infants and Children", "needs": ["help"], "statewide": true },
    { "id": "wic-name", "name": "WIC office", "needs": ["help"], "statewide": true },
    { "id": "liheap", "name": "Energy assistance program", "description": "Winter heating bills.", "needs": ["help"], "statewide": true },
    { "id": "ged", "name": "High school equivalency classes", "needs": ["help"], "statewide": true },
    { "id": "hud", "name": "Section 8 vouchers", "needs": ["help"], "statewide": true },
    { "id": "dcf", "name": "Department of Children and Families careline", "needs": ["help"], "statewide": true },
    { "id": "aa", "name": "Alcoholics Anonymous meetings", "needs": ["help"], "statewide": true },
    { "id": "esl", "name": "English as a second language", "needs": ["help"], "statewide": true },
    { "id": "childcare", "name": "Child care center", "needs": ["help"], "statewide": true }
  ]
}"#;

fn catalogue() -> Catalogue {
    let loaded = load(CATALOGUE).expect("fixture loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalogue
}

/// The ids found for `text`, best first, and each hit's typos.
fn found(text: &str, options: &SearchOptions) -> Vec<(String, u8)> {
    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    let results = index.search(&Query::new(text), options);
    let hit = |h: &finder_search::Hit| (catalogue.programs[h.program as usize].id.clone(), h.typos);
    results.hits.iter().map(hit).collect()
}

fn ids(text: &str) -> Vec<String> {
    found(text, &SearchOptions::default()).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn an_exact_word_ranks_above_a_word_it_starts_and_a_prefix_above_a_typo() {
    let check = |text: &str, expected: &[&str]| assert_eq!(ids(text), expected, "{text:?}");
    // "SNAP" in a description ranks above "SNAPPER" in a name, and so do the programs
    // that say "food stamps" (a synonym; reached from one word, its words may be
    // anywhere: README, rule 4).
    check("snap", &["snap-desc", "scattered", "near", "together", "snapper"]);
    // Prefixes before typos: "shelt" starts "shelter"; "shell" is a typo of it.
    check("shelt", &["shelter", "shell"]);
    // An exact word in a description ranks above a prefix in a name.
    check("help", &["rental", "liheap", "together", "helpline"]); // liheap: "assistance"
}

#[test]
fn words_together_as_typed_rank_above_near_and_scattered_ones() {
    let check = |text: &str, expected: &[&str]| assert_eq!(ids(text), expected, "{text:?}");
    // A phrase (the snap group's "food stamps"): together, then near, then scattered,
    // whatever the field ("Food" in the pantry's name weighs most).
    // "SNAP" (one word of the group) is together with itself: after the phrase itself,
    // which is exact.
    check("food stamps", &["together", "snap-desc", "near", "scattered"]);
    // Plain words: in the order typed, then near in another order, then apart.
    check("youth basketball", &["league", "reversed", "apart"]);
    check("basketball youth", &["reversed", "league", "apart"]);
}

#[test]
fn abbreviations_and_what_they_stand_for_find_each_other() {
    let check = |text: &str, expected: &[&str]| assert_eq!(ids(text), expected, "{text:?}");
    check("wic", &["wic-name", "wic"]);
    check("women infants and children", &["wic", "wic-name"]);
    check("liheap", &["liheap"]);
    check("energy assistance", &["liheap"]);
    check("ged", &["ged"]);
    check("hud", &["hud"]);
    check("section 8", &["hud"]);
    check("dcf", &["dcf"]);
    check("aa", &["aa"]);
    check("esl", &["esl"]);
    check("snap", &["snap-desc", "scattered", "near", "together", "snapper"]);
}

#[test]
fn a_typo_finds_what_the_word_meant_finds_ranked_after_exact_matches() {
    let typos_off = SearchOptions { typos: false, ..SearchOptions::default() };
    // (query, programs in order, typos of each hit)
    let table: &[(&str, &[&str], u8)] = &[
        ("dentist", &["dentist", "dental", "teeth"], 0),
        ("dentsit", &["dentist", "dental", "teeth"], 1), // two letters swapped
        ("dentis", &["dentist"], 0),                     // still typing: the start of "dentist", not a typo
        ("dentistr", &["dentist", "dental", "teeth"], 1),
        ("dentsts", &["dentist", "dental", "teeth"], 1), // its stem "dentst": one edit
        ("dental", &["dental", "dentist", "teeth"], 0),  // never "mental" or "rental"
        ("dentl", &["dental", "dentist", "teeth"], 1),
        // A word the vocabulary knows but the catalogue does not spell.
        ("chilcare", &["childcare"], 1), // "childcare", one letter short
    ];
    for &(text, expected, typos) in table {
        let hits = found(text, &SearchOptions::default());
        let ids: Vec<&str> = hits.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, expected, "{text:?}");
        assert!(hits.iter().all(|(_, t)| *t == typos), "{text:?}: {hits:?}");
    }
    assert!(found("dentsit", &typos_off).is_empty());
}

#[test]
fn ranking_is_the_same_every_time() {
    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    for text in ["food stamps", "youth basketball", "dentsit", "snap", "help", "clinic"] {
        let first = index.search(&Query::new(text), &SearchOptions::default());
        for _ in 0..3 {
            assert_eq!(index.search(&Query::new(text), &SearchOptions::default()), first, "{text:?}");
        }
        assert_eq!(SearchIndex::new(&catalogue).search(&Query::new(text), &SearchOptions::default()), first);
    }
}
