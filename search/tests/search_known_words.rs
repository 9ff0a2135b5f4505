//! A word the search knows is taken as meant: its one-letter neighbours that are other
//! known words ("dental" → "mental", "rental") are not typos of it. Misspellings of known
//! words still find them.

use finder_core::catalogue::load;
use finder_search::{Query, SearchIndex, SearchOptions};

fn found(text: &str) -> Vec<String> {
    let catalogue = load(include_str!("../../public/sample-catalogue.json")).expect("the sample").catalogue;
    let index = SearchIndex::new(&catalogue);
    let results = index.search(&Query::new(text), &SearchOptions::default());
    results.hits.iter().map(|hit| catalogue.programs[hit.program as usize].id.clone()).collect()
}

#[test]
fn a_known_word_does_not_bring_in_other_known_words_one_letter_away() {
    let catalogue = load(include_str!("../../public/sample-catalogue.json")).expect("the sample").catalogue;
    let about = |id: &str| {
        let p = catalogue.programs.iter().find(|p| p.id == id).unwrap();
        format!("{} {}", p.name, p.description.clone().unwrap_or_default()).to_lowercase()
    };
    // The sample has no dental program: "dental" finds nothing rather than a crisis line
    // ("mental") or a housing line ("rental"), and the family is shown the way to 2-1-1.
    for id in found("dental") {
        let text = about(&id);
        assert!(
            text.contains("dent") || text.contains("teeth") || text.contains("oral"),
            "dental found {id}: {text}"
        );
    }
    // Known words still find what they mean, and misspellings still find known words.
    assert!(!found("mental").is_empty());
    assert!(!found("food").is_empty());
    assert!(!found("fodo").is_empty(), "two letters swapped in a known word");
    assert!(!found("mentl").is_empty(), "a misspelling of a known word is still a typo of it");
}
