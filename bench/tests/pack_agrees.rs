//! A catalogue pack finds what its JSON catalogue finds: the benchmark's query set over
//! 10,000 synthetic programs gives the same programs, in the same order, with the same
//! counts, from the pack's files as from the catalogue (issue 18's acceptance test).

use finder_bench::{generate_catalogue, generate_queries, queries};
use finder_core::catalogue::load;
use finder_search::pack::write::{write, CHUNK};
use finder_search::pack::{PackEntry, NEED_SCREEN_CARDS};
use finder_search::{Choices, Query, SearchIndex, SearchOptions};

/// As `bench/run.mjs`.
const SEED: u32 = 7;
const QUERY_COUNT: u32 = 240;

#[test]
fn pack_gives_the_same_results_as_the_json_catalogue_on_10k_programs() {
    let text = generate_catalogue(10_000, SEED);
    let direct = load(&text).expect("synthetic catalogues load");
    assert!(direct.problems.is_empty());
    let from_json = SearchIndex::new(&direct.catalogue);

    let pack = write(&text, CHUNK).expect("a clean catalogue packs");
    let file = |name: &str| &pack.files.iter().find(|(path, _)| path == name).expect(name).1;
    let entry = PackEntry::read(&pack.entry_text).expect("an entry").expect("a good entry");
    let (terms, facts) = entry.split_start(file(&entry.start_file())).expect("the start file reads");
    let first = PackEntry::first_screen(&pack.entry_text).expect("the entry has a first screen");
    let skeleton = entry.read_facts(facts, &first.own).expect("the facts read");
    let from_pack = entry.read_index(terms, &skeleton).expect("the index reads");
    assert_eq!(from_pack.term_count(), from_json.term_count());

    let queries = queries::parse(&generate_queries(QUERY_COUNT, SEED)).unwrap();
    let options = SearchOptions { counts: true, limit: Some(50), ..SearchOptions::default() };
    let mut compared_hits = 0;
    let mut fetched = 0;
    for query in &queries {
        let expected = from_json.search(query, &options);
        // As the widget does: search, fetch the fragments the search lacked, again.
        let got = loop {
            let got = from_pack.search(query, &options);
            let missing = from_pack.missing();
            if missing.is_empty() {
                break got;
            }
            for n in missing {
                entry.add_fragment(&from_pack, n, file(&entry.fragment_file(n))).unwrap();
                fetched += usize::from(n % 2 == 0);
            }
        };
        // Same programs, same order, same count, same counts per option, same marks.
        assert_eq!(got, expected, "{query:?}");
        compared_hits += expected.hits.len();
    }
    assert!(compared_hits > 1_000, "the query set finds programs ({compared_hits} hits)");
    let fragments = pack.files.iter().filter(|(name, _)| name.contains("/postings-")).count();
    assert!(fragments > 10 && fetched == fragments, "{fetched} of {fragments} fragments fetched");

    // A family's search fetches only the fragments of its words, all at once: each query
    // on its own (a fresh index, nothing fetched before) needs a few of them, in one
    // round trip; spans only for more than one word.
    let (mut most, mut sum, mut rounds, mut spans_bytes, mut postings_bytes) = (0, 0, 0, 0, 0);
    for query in &queries {
        let fresh = entry.read_index(terms, &skeleton).unwrap();
        let mut needed = 0;
        let mut round = 0;
        loop {
            fresh.search(query, &options);
            let missing = fresh.missing();
            if missing.is_empty() {
                break;
            }
            round += 1;
            needed += missing.iter().filter(|&&n| n % 2 == 0).count();
            for n in missing {
                let bytes = file(&entry.fragment_file(n));
                *[&mut postings_bytes, &mut spans_bytes][n % 2] += bytes.len();
                assert!(n % 2 == 0 || query.text.split_whitespace().count() > 1, "spans for {query:?}");
                entry.add_fragment(&fresh, n, bytes).unwrap();
            }
        }
        most = most.max(needed);
        sum += needed;
        rounds = rounds.max(round);
    }
    let mean = sum as f64 / queries.len() as f64;
    eprintln!(
        "a query needs {mean:.1} of {fragments} fragments on average, at most {most}, in at most {rounds} round(s); \
         postings {} KB, spans {} KB (raw, all queries)",
        postings_bytes / 1000,
        spans_bytes / 1000
    );
    assert!(most * 2 < fragments && mean * 6.0 < fragments as f64, "{mean:.1} on average, at most {most}");
    assert_eq!(rounds, 1, "a search asks for every file it needs at once");

    // Each card's text comes from its chunk, in catalogue order, exactly as loaded.
    for program in [0, 1, CHUNK - 1, CHUNK, 9_999] {
        let k = entry.chunk_of(program);
        let chunk = std::str::from_utf8(file(&entry.chunk_file(k))).unwrap();
        let programs = entry.read_chunk(chunk, k, &skeleton).expect("the chunk reads");
        assert_eq!(programs[program - k * CHUNK], direct.catalogue.programs[program]);
    }

    // The first screen, from the entry alone: the JSON's counts with nothing chosen, and
    // its first cards are the first programs (what the widget shows before the facts).
    let nothing = from_json.search(&Query::default(), &options);
    assert_eq!(Some(first.first.counts), nothing.counts);
    assert_eq!(nothing.total, entry.programs);
    let first_cards: Vec<u32> = (0..50).collect();
    assert_eq!(nothing.hits.iter().map(|hit| hit.program).collect::<Vec<_>>(), first_cards);
    assert!(!first.hours, "the synthetic catalogue lists no structured hours");
    // And the screen after each need alone, which the widget shows before the facts too.
    assert_eq!(first.by_need.len(), direct.catalogue.needs.len());
    for (need, screen) in direct.catalogue.needs.iter().zip(&first.by_need) {
        let query = Query {
            choices: Choices { needs: vec![need.id.clone()], ..Choices::default() },
            ..Query::default()
        };
        let options =
            SearchOptions { counts: true, limit: Some(NEED_SCREEN_CARDS), ..SearchOptions::default() };
        let expected = from_json.search(&query, &options);
        assert_eq!(screen.total, expected.total, "{}", need.id);
        assert_eq!(
            screen.cards,
            expected.hits.iter().map(|hit| hit.program).collect::<Vec<_>>(),
            "{}",
            need.id
        );
        assert_eq!(Some(&screen.counts), expected.counts.as_ref(), "{}", need.id);
        assert!(screen.total > 0 && screen.cards.len() == NEED_SCREEN_CARDS.min(screen.total));
    }
    assert_eq!(first.catalogue.needs, direct.catalogue.needs);
    assert_eq!(first.catalogue.places, direct.catalogue.places);
    let chunk = std::str::from_utf8(file(&entry.chunk_file(3))).unwrap();
    let programs = entry.read_chunk(chunk, 3, &first.catalogue).expect("read against the first screen");
    assert_eq!(programs, direct.catalogue.programs[3 * CHUNK..4 * CHUNK]);
}
