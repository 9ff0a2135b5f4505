//! The search engine as families meet it: accents, typing, typos, synonyms, ranking,
//! filters that agree with `Filter`, and counts that agree with the results.
//! Each area has one `check` helper, so a new case is one line.

use std::collections::BTreeSet;

use finder_core::age::ChildAge::{self, Months, Years};
use finder_core::catalogue::{load, Catalogue};
use finder_core::filter::Filter;
use finder_core::towns::{family_town, Town, COUNTIES};
use finder_search::text::fold;
use finder_search::{synthetic, Choices, Query, SearchIndex, SearchOptions, SearchResults, AGE_BANDS};

/// A small catalogue where each program isolates one behaviour. Order matters: ties
/// are broken by it.
const CATALOGUE: &str = r#"{
  "version": 1,
  "needs": [
    { "id": "food", "label": "Food & nutrition", "labels": { "es": "Comida y nutrición" } },
    { "id": "housing", "label": "Housing", "labels": { "es": "Vivienda" } },
    { "id": "health", "label": "Health care", "labels": { "es": "Atención médica" } },
    { "id": "literacy", "label": "Early literacy", "labels": { "es": "Lectura temprana" } },
    { "id": "mental", "label": "Counseling", "labels": { "es": "Consejería" } },
    { "id": "rides", "label": "Transportation", "labels": { "es": "Transporte" } }
  ],
  "programs": [
    { "id": "pantry", "name": "Mobile Food Pantry", "organization": "Foodshare",
      "description": "Fresh groceries every week; suppers on Fridays.",
      "needs": ["food"], "towns": ["Hartford"], "cost": "free", "languages": ["en", "es"] },
    { "id": "suppers", "name": "Community Suppers",
      "description": "Hot meals for anyone, and a pantry shelf.",
      "needs": ["food"], "towns": ["Hartford County"], "cost": "Free", "languages": ["en"] },
    { "id": "snap", "name": "SNAP sign-up help", "description": "Applying for food benefits by phone.",
      "needs": ["food"], "statewide": true, "cost": "At no cost", "languages": ["es-MX", "en"] },
    { "id": "shelter", "name": "Housing Help Desk", "description": "Emergency shelter and rent assistance.",
      "needs": ["housing"], "towns": ["Windham County"], "cost": "sliding scale", "languages": ["en", "es"] },
    { "id": "clinic", "name": "Niños Felices Clinic", "organization": "Clínica del Pueblo",
      "description": "Check-ups for kids. Ask about the CAFÉ program.",
      "needs": ["health"], "towns": ["New Britain", "Willimantic"], "minimum_age": 0, "maximum_age": 12,
      "cost": "gratis", "languages": ["es"] },
    { "id": "book", "name": "Reach Out and Read",
      "description": "At each visit the doctor gives your child a new book.",
      "needs": ["literacy"], "towns": ["Hartford", "Bridgeport"], "minimum_age": 0, "maximum_age": 5,
      "translations": { "es": { "name": "Leer juntos", "description": "Un libro nuevo en cada visita." } } },
    { "id": "story", "name": "Story time",
      "description": "Reading aloud, good for babies and toddlers; readers welcome.",
      "needs": ["literacy"], "statewide": true, "minimum_age": 0, "maximum_age": 5 },
    { "id": "therapy", "name": "Family counselling center",
      "description": "Therapy for children and parents; mental health care.",
      "needs": ["mental"], "towns": ["Hartford"], "minimum_age": 3, "maximum_age": 17, "languages": ["en"] },
    { "id": "rides", "name": "Rides to appointments", "description": "Van service in Hartford and nearby towns.",
      "needs": ["rides"], "towns": ["Hartford County"], "minimum_age": 60 },
    { "id": "housing2", "name": "Vivienda Segura", "description": "Apartment search help.",
      "needs": ["housing"], "towns": ["Hartford"], "languages": ["es"] }
  ]
}"#;

fn catalogue() -> Catalogue {
    let loaded = load(CATALOGUE).expect("fixture loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalogue
}

fn sample() -> Catalogue {
    let text = include_str!("../../public/sample-catalogue.json");
    load(text).expect("the sample catalogue loads").catalogue
}

/// The ids of the hits, best first.
fn ids<'a>(catalogue: &'a Catalogue, results: &SearchResults) -> Vec<&'a str> {
    let ids = results.hits.iter().map(|hit| catalogue.programs[hit.program as usize].id.as_str());
    ids.collect()
}

/// Searches the small catalogue with `text` and `choices`, default options.
fn found(text: &str, choices: Choices, options: &SearchOptions) -> Vec<String> {
    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    let results = index.search(&Query::new(text).with_choices(choices), options);
    assert_eq!(results.total, results.hits.len(), "no limit was set");
    ids(&catalogue, &results).into_iter().map(String::from).collect()
}

fn town(name: &str) -> Option<Town> {
    Some(family_town(name).unwrap_or_else(|| panic!("{name} is a town")))
}

const ALL: [&str; 10] =
    ["pantry", "suppers", "snap", "shelter", "clinic", "book", "story", "therapy", "rides", "housing2"];

#[test]
fn folding_accents_and_case() {
    let check = |text: &str, first: &str| {
        let hits = found(text, Choices::default(), &SearchOptions::default());
        assert_eq!(hits.first().map(String::as_str), Some(first), "{text:?}: {hits:?}");
    };
    check("nino", "clinic");
    check("NIÑOS", "clinic");
    check("nin\u{303}os", "clinic");
    check("café", "clinic");
    check("CAFE", "clinic");
    check("clinica", "clinic");
    check("atencion medica", "clinic");
    assert_eq!(fold("Niño CAFÉ Ærø"), "nino cafe aero");
}

#[test]
fn prefixes_for_every_word_and_a_short_last_word_while_typing() {
    let check = |text: &str, expected: &[&str]| {
        let hits = found(text, Choices::default(), &SearchOptions::default());
        assert_eq!(hits, expected, "{text:?}");
    };
    check("hou", &["shelter", "housing2"]);
    check("hou ", &["shelter", "housing2"]); // 3 letters: a prefix even when finished
    check("hou pantry", &[]); // "pantry" is in neither housing program
    check("hou help", &["shelter", "housing2"]); // every word may be a prefix
    check("ho", &["shelter", "housing2", "suppers"]); // 2 letters while typing ("hot meals")
    check("ho ", &[]); // 2 letters, finished: no prefix, too short for typos
    check("thera child", &["therapy"]); // "thera" → therapy, "child" → children
    check("food pan", &["pantry", "suppers"]);
    check("h", &ALL); // one letter that matches nothing yet is left out
    check("food p", &["pantry", "suppers", "snap", "story"]); // "good" in story: a typo, last
    check("suppers d", &["suppers", "pantry"]); // "d" is left out: nothing is just "d"
                                                // A stop word typed alone may be a word's start ("de" → "dental"); after other words
                                                // it is left out.
    check("food in", &["pantry", "suppers", "snap", "story"]);
    // (Typos off too: "hou" alone would be taken for a typo of "house", see typos_by_length.)
    let no_prefix = SearchOptions { prefixes: false, typos: false, ..SearchOptions::default() };
    assert_eq!(found("hou", Choices::default(), &no_prefix), Vec::<String>::new());
}

#[test]
fn typos_by_length() {
    let check = |text: &str, expected: &[&str]| {
        let hits = found(text, Choices::default(), &SearchOptions::default());
        assert_eq!(hits, expected, "{text:?}");
    };
    check("hartfrod", &["pantry", "suppers", "book", "therapy", "rides", "housing2"]);
    check("counseling", &["therapy"]);
    check("counselling", &["therapy"]);
    check("thrapy", &["therapy"]); // 6 letters: one edit
    check("apointmnets", &["rides"]); // 11 letters: two edits
                                      // 3 letters: a typo only when the word matches nothing else ("fod" → "food").
    check("fod", &["pantry", "suppers", "snap"]);
    check("vna", &["rides"]); // "van"
    check("hel", &["snap", "shelter", "housing2"]); // a prefix of "help": no typos
                                                    // Typos apply to known words too, but rank after every match without one: "good"
                                                    // (story) comes after the three food programs, whatever its score.
    check("food", &["pantry", "suppers", "snap", "story"]);
    check("readers", &["story"]);
    check("rent hartford", &["housing2"]); // a synonym of housing; shelter is in Windham
    let no_typos = SearchOptions { typos: false, ..SearchOptions::default() };
    assert_eq!(found("hartfrod", Choices::default(), &no_typos), Vec::<String>::new());
}

#[test]
fn synonyms_both_ways_and_stems() {
    let check = |text: &str, expected: &[&str]| {
        let hits = found(text, Choices::default(), &SearchOptions::default());
        assert_eq!(hits, expected, "{text:?}");
    };
    // Spanish and English find each other.
    check("alimentos", &["pantry", "suppers", "snap"]);
    check("comida", &["pantry", "suppers", "snap"]);
    check("groceries", &["pantry", "suppers", "snap"]);
    check("vivienda", &["housing2", "shelter"]);
    check("housing", &["shelter", "housing2"]);
    check("doctor", &["clinic", "book", "therapy"]); // "health" is in the doctor group
    check("salud mental", &["therapy"]); // a phrase: programs with "mental" and "health"
                                         // Stems.
    check("books", &["book", "story"]);
    check("book", &["book", "story"]);
    check("reader", &["story"]);
    check("families", &["therapy"]);
    check("ride", &["rides"]);
    let plain = SearchOptions { synonyms: false, ..SearchOptions::default() };
    assert_eq!(found("alimentos ", Choices::default(), &plain), Vec::<String>::new());
    assert_eq!(found("families ", Choices::default(), &plain), Vec::<String>::new());
}

#[test]
fn every_word_must_match() {
    let check = |text: &str, expected: &[&str]| {
        let hits = found(text, Choices::default(), &SearchOptions::default());
        assert_eq!(hits, expected, "{text:?}");
    };
    check("food hartford", &["pantry", "suppers"]);
    check("hartford food", &["pantry", "suppers"]);
    check("pantry windham", &[]);
    check("the food of", &["pantry", "suppers", "snap", "story"]); // stop words are left out
    check("", &ALL);
    check("   ", &ALL);
}

#[test]
fn ranking() {
    let check = |text: &str, choices: Choices, expected: &[&str]| {
        let hits = found(text, choices.clone(), &SearchOptions::default());
        assert_eq!(hits, expected, "{text:?} {choices:?}");
    };
    let none = Choices::default;
    let in_town = |name: &str| Choices { town: town(name), ..Choices::default() };
    // A name match outranks a description match, whatever the catalogue order.
    check("suppers", none(), &["suppers", "pantry"]);
    // Equal scores keep catalogue order.
    check("hartford", none(), &["pantry", "suppers", "book", "therapy", "rides", "housing2"]);
    // A chosen town: programs naming it, then its county, then statewide.
    let hartford = ["pantry", "book", "therapy", "housing2", "suppers", "rides", "snap", "story"];
    check("", in_town("Hartford"), &hartford);
    check("", in_town("Windham"), &["clinic", "shelter", "snap", "story"]); // Willimantic is in Windham
                                                                            // The tier sorts before the score: "help" is in snap's name but housing2's description.
    check("help", none(), &["snap", "shelter", "housing2"]);
    check("help", in_town("Hartford"), &["housing2", "snap"]);

    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    let results = index.search(&Query::new("comida"), &SearchOptions::default());
    let first = &results.hits[0];
    // "Comida" is pantry's need label (6 × exact), but "food" is in its name (10 × synonym).
    assert_eq!((first.program, first.tier), (0, 0));
    assert!((first.score - 8.0).abs() < 1e-4, "{}", first.score);
    assert_eq!(first.matched, ["food"]);
    assert_eq!(results.hits[1].matched, ["comida"]);
    let results = index.search(&Query::new("pantry"), &SearchOptions::default());
    assert_eq!(results.hits[0].score, 10.0);
    assert_eq!(results.hits[0].matched, ["pantry"]);
    let few = SearchOptions { matched_limit: 1, ..SearchOptions::default() };
    let results = index.search(&Query::new("hartford"), &few);
    assert_eq!((&results.hits[0].matched, results.hits[1].matched.len()), (&vec!["hartford".to_string()], 0));
    let limited = SearchOptions { limit: Some(2), ..SearchOptions::default() };
    let results = index.search(&Query::new("hartford"), &limited);
    assert_eq!((ids(&catalogue, &results), results.total), (vec!["pantry", "suppers"], 6));
}

#[test]
fn languages_and_free() {
    let check = |choices: Choices, expected: &[&str]| {
        let hits = found("", choices.clone(), &SearchOptions::default());
        assert_eq!(hits, expected, "{choices:?}");
    };
    let speaking = |codes: &[&str]| Choices {
        languages: codes.iter().map(|c| c.to_string()).collect(),
        ..Choices::default()
    };
    check(speaking(&["es"]), &["pantry", "snap", "shelter", "clinic", "housing2"]);
    check(speaking(&["ES"]), &["pantry", "snap", "shelter", "clinic", "housing2"]);
    check(speaking(&["pt"]), &[]);
    check(speaking(&["pt", "en"]), &["pantry", "suppers", "snap", "shelter", "therapy"]);
    let free = Choices { free_only: true, ..Choices::default() };
    check(free.clone(), &["pantry", "suppers", "snap", "clinic"]);
    check(Choices { languages: vec!["en".into()], ..free }, &["pantry", "suppers", "snap"]);
}

/// Every combination of needs, town and age gives the programs `Filter` gives, among
/// those the words match.
#[test]
fn choices_filter_exactly_like_filter() {
    let catalogue = sample();
    let index = SearchIndex::new(&catalogue);
    let mut needs: Vec<Vec<String>> = vec![vec![], vec!["no-such-need".into()]];
    needs.extend(catalogue.needs.iter().map(|n| vec![n.id.clone()]));
    needs.push(vec!["food".into(), "housing".into()]);
    let mut towns: Vec<Option<Town>> = vec![None];
    towns.extend(Town::all().step_by(6).map(Some));
    towns.extend([town("Hartford"), town("Windham"), town("Mansfield")]);
    let mut ages: Vec<Option<ChildAge>> = vec![None, Some(Months(0)), Some(Months(6)), Some(Months(7))];
    ages.extend([0, 1, 3, 5, 6, 8, 9, 12, 13, 17, 18, 25, 64, 65, 119].map(|y| Some(Years(y))));
    for text in ["", "help", "salud", "free"] {
        let matched: BTreeSet<u32> = index
            .search(&Query::new(text), &SearchOptions::default())
            .hits
            .iter()
            .map(|hit| hit.program)
            .collect();
        for needs in &needs {
            for &town in &towns {
                for &age in &ages {
                    let filter = Filter { needs: needs.clone(), town, age };
                    let query = Query::new(text).with_choices(Choices::from(&filter));
                    let results = index.search(&query, &SearchOptions::default());
                    let found: BTreeSet<u32> = results.hits.iter().map(|hit| hit.program).collect();
                    let expected: BTreeSet<u32> = matched
                        .iter()
                        .copied()
                        .filter(|&p| filter.matches(&catalogue.programs[p as usize]))
                        .collect();
                    assert_eq!(found, expected, "{text:?} {filter:?}");
                }
            }
        }
    }
}

/// Each count equals the number of results choosing that option gives, with the other
/// choices kept: so each facet ignores its own choice.
#[test]
fn counts_match_the_results_of_choosing() {
    let catalogue = sample();
    let index = SearchIndex::new(&catalogue);
    let with_counts = SearchOptions { counts: true, ..SearchOptions::default() };
    let total = |text: &str, choices: Choices| {
        index.search(&Query::new(text).with_choices(choices), &SearchOptions::default()).total
    };
    let programs = |text: &str, choices: Choices| -> BTreeSet<u32> {
        let results = index.search(&Query::new(text).with_choices(choices), &SearchOptions::default());
        results.hits.iter().map(|hit| hit.program).collect()
    };
    let check = |text: &str, choices: Choices| {
        let results = index.search(&Query::new(text).with_choices(choices.clone()), &with_counts);
        let counts = results.counts.expect("counts were asked for");
        let context = format!("{text:?} {choices:?}");
        for (need, count) in &counts.needs {
            let chosen = Choices { needs: vec![need.clone()], ..choices.clone() };
            assert_eq!(*count, total(text, chosen), "need {need}, {context}");
        }
        for (town, count) in Town::all().zip(&counts.towns) {
            let chosen = Choices { town: Some(town), ..choices.clone() };
            assert_eq!(*count, total(text, chosen), "town {}, {context}", town.name());
        }
        assert_eq!(counts.counties.len(), COUNTIES.len());
        for (county, count) in &counts.counties {
            let union: BTreeSet<u32> = Town::all()
                .filter(|t| t.county() == *county)
                .flat_map(|t| programs(text, Choices { town: Some(t), ..choices.clone() }))
                .collect();
            assert_eq!(*count, union.len(), "county {county}, {context}");
        }
        for (band, count) in AGE_BANDS.iter().zip(&counts.ages) {
            let last = band.to_years.unwrap_or(119);
            let union: BTreeSet<u32> = (band.from_years..=last)
                .flat_map(|y| programs(text, Choices { age: Some(Years(y)), ..choices.clone() }))
                .collect();
            assert_eq!(*count, union.len(), "ages {}, {context}", band.label);
        }
        for (code, count) in &counts.languages {
            let chosen = Choices { languages: vec![code.clone()], ..choices.clone() };
            assert_eq!(*count, total(text, chosen), "language {code}, {context}");
        }
        let chosen = Choices { free_only: true, ..choices.clone() };
        assert_eq!(counts.free, total(text, chosen), "free, {context}");
        assert_eq!(results.total, total(text, choices), "{context}");
    };
    check("", Choices::default());
    check("help", Choices { town: town("Hartford"), ..Choices::default() });
    check("", Choices { needs: vec!["food".into()], age: Some(Years(3)), ..Choices::default() });
    check("family", Choices { languages: vec!["es".into()], free_only: true, ..Choices::default() });
    check("nino", Choices { town: town("Windham"), age: Some(Months(4)), ..Choices::default() });
    check("zzzz", Choices::default());

    // A chosen need does not zero the other needs' counts.
    let food = Choices { needs: vec!["food".into()], ..Choices::default() };
    let results = index.search(&Query::new("").with_choices(food), &with_counts);
    let counts = results.counts.unwrap();
    let housing = counts.needs.iter().find(|(id, _)| id == "housing").unwrap().1;
    assert!(housing > 0);
    assert_eq!(counts.languages.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), ["en", "es", "pt"]);
}

#[test]
fn any_text_is_safe() {
    let catalogue = sample();
    let index = SearchIndex::new(&catalogue);
    let long = "a".repeat(10_000);
    let many = "food ".repeat(500);
    let texts = [
        "",
        " ",
        "-",
        "'''",
        "2-1-1",
        "211",
        "🍎 comida",
        "\u{0}",
        "n\u{303}",
        &long,
        &many,
        "de",
        "a a a",
        "x y z",
        "ñ",
        "İstanbul",
        "ß",
        "日本語",
        "hou-",
        "...food...",
    ];
    let options = SearchOptions { counts: true, ..SearchOptions::default() };
    for text in texts {
        let results = index.search(&Query::new(text), &options);
        assert!(results.total <= catalogue.programs.len(), "{text:?}");
    }
    let absurd = Choices { age: Some(Years(u32::MAX)), needs: vec![String::new()], ..Choices::default() };
    index.search(&Query::new("help").with_choices(absurd), &options);
    let empty = SearchIndex::new(&Catalogue::default());
    assert_eq!(empty.search(&Query::new("food"), &options).total, 0);
    assert_eq!(empty.search(&Query::new(""), &options).total, 0);
    let zero = SearchOptions { limit: Some(0), ..options };
    assert_eq!(index.search(&Query::new(""), &zero).hits.len(), 0);
}

#[test]
fn synthetic_catalogues_are_deterministic() {
    let a = synthetic::catalogue(300, 7);
    assert_eq!(a, synthetic::catalogue(300, 7));
    assert_ne!(a, synthetic::catalogue(300, 8));
    assert_eq!(synthetic::queries(20, 1), synthetic::queries(20, 1));
    let index = SearchIndex::new(&a);
    let options = SearchOptions { counts: true, ..SearchOptions::default() };
    for query in synthetic::queries(50, 3) {
        let results = index.search(&query, &options);
        let filter =
            Filter { needs: query.choices.needs.clone(), town: query.choices.town, age: query.choices.age };
        for hit in &results.hits {
            assert!(filter.matches(&a.programs[hit.program as usize]));
        }
    }
}

/// Timing on made-up catalogues of 10,000 and 50,000 programs. Run with
/// `cargo test --release -p finder-search --test search -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing() {
    use std::time::Instant;
    for size in [10_000, 50_000] {
        let catalogue = synthetic::catalogue(size, 42);
        let start = Instant::now();
        let index = SearchIndex::new(&catalogue);
        let build = start.elapsed();
        let queries = synthetic::queries(200, 42);
        for (label, limit) in [("limit 50", Some(50)), ("no limit", None)] {
            let options = SearchOptions { counts: true, limit, ..SearchOptions::default() };
            let mut times: Vec<f64> = queries
                .iter()
                .map(|query| {
                    let start = Instant::now();
                    let results = index.search(query, &options);
                    std::hint::black_box(results);
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!(
                "{size} programs, {} terms: build {:.0} ms; queries with counts, {label}: median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
                index.term_count(),
                build.as_secs_f64() * 1000.0,
                times[times.len() / 2],
                times[times.len() * 95 / 100],
                times[times.len() - 1],
            );
        }
    }
}
