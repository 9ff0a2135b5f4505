//! Around the search: suggestions while typing, "did you mean", and the words a card
//! marks. Table-driven on a small catalogue written for it, then timed on made-up
//! catalogues of 10,000 and 50,000 programs.

use finder_core::catalogue::{load, Catalogue};
use finder_search::highlight::{excerpt, marks};
use finder_search::{synthetic, Query, SearchIndex, SearchOptions, Suggestion, SuggestionKind};

const CATALOGUE: &str = r#"{
  "version": 1,
  "needs": [
    { "id": "food", "label": "Food", "labels": { "es": "Comida" } },
    { "id": "health", "label": "Health care", "labels": { "es": "Salud" } },
    { "id": "community", "label": "Community life" },
    { "id": "children", "label": "Children", "labels": { "es": "Niños y niñas" } }
  ],
  "programs": [
    { "id": "kitchen", "name": "Community Kitchen", "description": "Hot meals every day.", "needs": ["food"], "statewide": true },
    { "id": "comedor", "name": "Comedor Niño Feliz", "description": "Comidas para niños.", "needs": ["food", "children"], "statewide": true },
    { "id": "pantry", "name": "FOOD PANTRY OF HARTFORD", "description": "Groceries for families.", "needs": ["food"], "towns": ["Hartford"] },
    { "id": "pantry-2", "name": "Food Pantry of Hartford", "description": "Groceries on Saturdays.", "needs": ["food"], "towns": ["Hartford"] },
    { "id": "stamps", "name": "Food Stamps (SNAP) help", "description": "Apply for food stamps.", "needs": ["food"], "statewide": true },
    { "id": "dentist", "name": "Family Dentist", "description": "Dentist visits for children. Community dental days.", "needs": ["health", "children"], "statewide": true },
    { "id": "daycare", "name": "Daycare for toddlers", "description": "Daycare and community play. A dentist visits monthly.", "needs": ["children"], "statewide": true },
    { "id": "transport", "name": "Rides to appointments", "description": "Transportation to medical appointments.", "needs": ["health"], "statewide": true },
    { "id": "clinic", "name": "Well-child clinic", "description": "Well-child visits and vaccines.", "needs": ["health", "children"], "statewide": true, "translations": { "es": { "description": "Consultas del niño sano y vacunas." } } }
  ]
}"#;

fn catalogue() -> Catalogue {
    let loaded = load(CATALOGUE).expect("fixture loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalogue
}

fn texts(found: &[Suggestion]) -> Vec<&str> {
    found.iter().map(|s| s.text.as_str()).collect()
}

/// Typed, the family's language, and the first suggestions exactly, in order.
type Case = (&'static str, &'static str, &'static [(&'static str, SuggestionKind)]);

#[test]
fn suggestions_a_family_would_see() {
    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    use SuggestionKind::{Need, Program, Word};
    let cases: &[Case] = &[
        // Spanish first: the need's Spanish label, before English "Community life".
        ("com", "es", &[("Comida", Need), ("Community life", Need)]),
        // In English the English labels only; "Comida" is not an English label.
        ("com", "en", &[("Community life", Need), ("community", Word)]),
        // Accents need not be typed; the label keeps its own.
        ("nin", "es", &[("Niños y niñas", Need)]),
        // Earlier words kept, the last completed; a name whose words start with each
        // typed word comes whole.
        ("food pan", "en", &[("food pantry", Word), ("Food Pantry of Hartford", Program)]),
        // Words in more programs first.
        ("dent", "en", &[("dentist", Word), ("dental", Word), ("Family Dentist", Program)]),
        // A hyphenated word as the index keeps it whole, and the name.
        ("well", "en", &[("wellchild", Word), ("Well-child clinic", Program)]),
    ];
    for &(typed, language, expected) in cases {
        let found = index.suggest(&catalogue, typed, language, 6);
        let got: Vec<(&str, SuggestionKind)> = found.iter().map(|s| (s.text.as_str(), s.kind)).collect();
        assert!(got.len() >= expected.len(), "{typed:?}: {got:?}");
        assert_eq!(&got[..expected.len()], expected, "{typed:?} in {language}: {got:?}");
    }
}

#[test]
fn suggestions_follow_the_rules_whatever_is_typed() {
    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    // Nothing to suggest: empty, one letter, or nothing in the catalogue starts so.
    for typed in ["", " ", "c", "é", "  f  ", "zzqx", "<script>", "🍎🍎"] {
        assert_eq!(index.suggest(&catalogue, typed, "en", 6), [], "{typed:?}");
    }
    // The same folded text twice ("FOOD PANTRY OF HARTFORD", "Food Pantry of Hartford")
    // is one suggestion; the text already typed is never one.
    for (typed, language) in
        [("food", "en"), ("fo", "en"), ("comida", "es"), ("food pantry of hartford", "en")]
    {
        let found = index.suggest(&catalogue, typed, language, 10);
        let keys: Vec<Vec<String>> = found.iter().map(|s| finder_search::text::words(&s.text)).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(key), "{typed:?}: {:?}", texts(&found));
            assert_ne!(*key, finder_search::text::words(typed), "{typed:?}");
        }
        assert_eq!(found, index.suggest(&catalogue, typed, language, 10), "deterministic");
    }
    assert_eq!(texts(&index.suggest(&catalogue, "food pantry of hartford", "en", 6)), Vec::<&str>::new());
    // `limit` is a limit.
    for limit in [0, 1, 2] {
        assert_eq!(index.suggest(&catalogue, "co", "en", limit).len(), limit);
    }
    // A finished word ("food ") is not completed, but names and labels still come.
    let found = index.suggest(&catalogue, "food ", "en", 6);
    assert!(found.iter().all(|s| s.kind != SuggestionKind::Word), "{found:?}");
    assert!(texts(&found).contains(&"Food Stamps (SNAP) help"), "{found:?}");
    // A typed stop word alone may be the start of another ("de" → "dental", "dentist").
    assert!(texts(&index.suggest(&catalogue, "de", "en", 6)).contains(&"dentist"));
}

#[test]
fn did_you_mean_helps_where_the_search_finds_nothing() {
    let index = SearchIndex::new(&catalogue());
    let total = |text: &str| index.search(&Query::new(text), &SearchOptions::default()).total;
    // Each typed text finds nothing, even with the search's own typos; the suggestion does.
    let cases = [
        ("dacyre", "daycare"),
        ("dantsst", "dentist"),
        ("klinik", "clinic"),
        ("toddlers dacyre", "toddlers daycare"),
        // A word the search finds with its own typos is kept as typed.
        ("Comunity KICHTEN!", "Comunity kitchen!"),
        ("trnsprtaton", "transportation"),
    ];
    for (typed, expected) in cases {
        assert_eq!(total(typed), 0, "{typed:?} should find nothing for this test to mean anything");
        let meant = index.did_you_mean(typed);
        assert_eq!(meant.as_deref(), Some(expected), "{typed:?}");
        assert!(total(expected) > 0, "{expected:?} finds programs");
    }
    // Nothing to correct: words that match, in any way the search has.
    for typed in ["daycare", "dentsit", "groceries", "pantr", "comida", "", "a", "zz", "🍎", "daycare zz"] {
        assert_eq!(index.did_you_mean(typed), None, "{typed:?}");
    }
    // A word too far from any is kept, the others corrected.
    assert_eq!(index.did_you_mean("xqzvwk dacyre").as_deref(), Some("xqzvwk daycare"));
}

#[test]
fn a_hits_matched_terms_mark_whole_words_of_its_texts() {
    let catalogue = catalogue();
    let index = SearchIndex::new(&catalogue);
    // (typed, program, the words its name shows marked)
    let cases: &[(&str, &str, &[&str])] = &[
        ("food stamps", "stamps", &["Food", "Stamps"]),
        // What the engine reports: the word typed, not the phrase it stands for.
        ("snap", "stamps", &["SNAP"]),
        ("nino", "comedor", &["Niño"]),
        // Typed as two words: the two words are marked, not the hyphen.
        ("well-child", "clinic", &["Well", "child"]),
        ("wellchild", "clinic", &["Well-child"]),
        ("dentsit", "dentist", &["Dentist"]),
    ];
    for &(typed, id, expected) in cases {
        let results = index.search(&Query::new(typed), &SearchOptions::default());
        let hit = results
            .hits
            .iter()
            .find(|h| catalogue.programs[h.program as usize].id == id)
            .unwrap_or_else(|| panic!("{typed:?} finds {id}"));
        let name = &catalogue.programs[hit.program as usize].name;
        let shown: Vec<&str> = marks(name, &hit.matched).into_iter().map(|(s, e)| &name[s..e]).collect();
        assert_eq!(shown, expected, "{typed:?}: {:?}", hit.matched);
    }
    let description = "Transportation to medical appointments, every weekday, from your door to the clinic.";
    let piece = excerpt(description, &["clinic".to_string()], 40);
    assert!(piece.starts_with('…') && piece.contains("clinic"), "{piece:?}");
}

/// Suggestions at every keystroke of made-up queries on 10,000 and 50,000 programs. Run
/// with `cargo test --release -p finder-search --test suggest -- --ignored --nocapture`.
#[test]
#[ignore]
fn suggestions_are_fast_on_big_catalogues() {
    use std::time::Instant;
    for size in [10_000, 50_000] {
        let catalogue = synthetic::catalogue(size, 42);
        let index = SearchIndex::new(&catalogue);
        let mut typed: Vec<String> = Vec::new();
        for query in synthetic::queries(200, 42) {
            let chars: Vec<char> = query.text.chars().collect();
            typed.extend((2..=chars.len()).map(|n| chars[..n].iter().collect()));
        }
        typed.extend(["co", "ha", "fa", "pr", "se", "he"].map(String::from));
        for language in ["en", "es"] {
            let mut times: Vec<f64> = typed
                .iter()
                .map(|text| {
                    let start = Instant::now();
                    std::hint::black_box(index.suggest(&catalogue, text, language, 6));
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!(
                "{size} programs, {} keystrokes in {language}: median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
                times.len(),
                times[times.len() / 2],
                times[times.len() * 95 / 100],
                times[times.len() - 1],
            );
        }
        let start = Instant::now();
        for text in ["famly suport", "helth", "pregnacy clases", "transportaton"] {
            std::hint::black_box(index.did_you_mean(text));
        }
        println!(
            "{size} programs: did_you_mean {:.3} ms a call",
            start.elapsed().as_secs_f64() * 1000.0 / 4.0
        );
    }
}
