//! The search over a catalogue with places beyond Connecticut
//! (`tests/fixtures/places-catalogue.json`): filtering, counts per town and county, and
//! ranking tiers for a family in Springfield, MA, exactly as for a family in Hartford.

use finder_core::catalogue::{load, Catalogue};
use finder_core::filter::Filter;
use finder_search::{Choices, Query, SearchIndex, SearchOptions};

fn sample() -> Catalogue {
    let loaded = load(include_str!("../../tests/fixtures/places-catalogue.json")).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.catalogue
}

#[test]
fn a_family_in_springfield_gets_its_programs_ranked_by_tier() {
    let catalogue = sample();
    let index = SearchIndex::new(&catalogue);
    let town = catalogue.places.family_town("springfield ma");
    let query = Query::new("").with_choices(Choices { town, ..Choices::default() });
    let results = index.search(&query, &SearchOptions { counts: true, ..SearchOptions::default() });
    let hits: Vec<(&str, u8)> = results
        .hits
        .iter()
        .map(|hit| (catalogue.programs[hit.program as usize].id.as_str(), hit.tier))
        .collect();
    assert_eq!(
        hits,
        [
            // Names Springfield itself.
            ("springfield-pantry", 0),
            // Through an area (a region across the state line) or the county.
            ("corridor-housing", 1),
            ("hampden-parents", 1),
            ("valley-meals", 1),
            // Not the statewide "family-line": statewide means Connecticut.
        ]
    );
    let counts = results.counts.unwrap();
    let need = |id: &str| counts.needs.iter().find(|(n, _)| n == id).map(|(_, c)| *c);
    assert_eq!((need("food"), need("housing"), need("family-support")), (Some(2), Some(1), Some(1)));
    // Counts per town leave the town out: what the family would see in each place.
    let places = &catalogue.places;
    let per_town = |name: &str| counts.towns[places.family_town(name).unwrap().index()];
    assert_eq!(per_town("Springfield, MA"), 4);
    assert_eq!(per_town("Enfield, NH"), 1);
    assert_eq!(per_town("Enfield"), 3);
    assert_eq!(counts.towns.len(), 169 + 8);
    let county = |name: &str| counts.counties.iter().find(|(c, _)| c == name).map(|(_, n)| *n);
    assert_eq!(county("Hampden County, MA"), Some(4));
    assert_eq!(county("Grafton County, NH"), Some(1));
    assert_eq!(county("Hartford"), Some(4));
    assert_eq!(counts.counties.len(), 8 + 6);
}

#[test]
fn the_engine_filters_every_place_as_filter_does() {
    let catalogue = sample();
    let index = SearchIndex::new(&catalogue);
    for town in catalogue.places.towns() {
        for needs in [vec![], vec!["food".to_string()], vec!["family-support".to_string()]] {
            let filter = Filter { needs: needs.clone(), town: Some(town), age: None };
            let expected: Vec<u32> = catalogue
                .programs
                .iter()
                .enumerate()
                .filter(|(_, p)| filter.matches(p))
                .map(|(i, _)| i as u32)
                .collect();
            let query = Query::new("").with_choices(Choices::from(&filter));
            let mut found: Vec<u32> =
                index.search(&query, &SearchOptions::default()).hits.iter().map(|hit| hit.program).collect();
            found.sort_unstable();
            assert_eq!(found, expected, "{} {needs:?}", catalogue.places.name(town));
        }
    }
}

#[test]
fn words_find_programs_in_declared_places() {
    let catalogue = sample();
    let index = SearchIndex::new(&catalogue);
    let town = catalogue.places.family_town("Enfield, NH");
    let query = Query::new("food").with_choices(Choices { town, ..Choices::default() });
    let results = index.search(&query, &SearchOptions::default());
    let ids: Vec<&str> =
        results.hits.iter().map(|hit| catalogue.programs[hit.program as usize].id.as_str()).collect();
    assert_eq!(ids, ["enfield-nh-pantry"]);
}
