//! `make bench`: the search engine compiled to wasm, with what the benchmark needs around
//! it (see `bench/run.mjs`, which compares it with MiniSearch and Fuse.js in Node).
//!
//! - [`generate_catalogue`] and [`generate_queries`]: the same inputs for every engine,
//!   made in Rust so that they come from `finder_search::synthetic`;
//! - [`tables`]: towns, counties and age bands, so that the JS peers filter and count
//!   exactly as the core does;
//! - [`Engine`]: loads a catalogue as the widget does and runs queries by number, so
//!   that the timed call crosses the JS–wasm boundary once and parses nothing.

mod alloc;
mod catalogue_json;
pub mod queries;

use finder_core::catalogue::load;
use finder_core::towns::{Town, COUNTIES};
use finder_search::text::STOP_WORDS;
use finder_search::{synthetic, Query, SearchIndex, SearchOptions, AGE_BANDS};
use serde_json::json;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

/// Shows a panic's message on the console: the release build aborts with a bare
/// "unreachable" otherwise. Called once, when the module starts.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| error(&info.to_string())));
}

/// A synthetic catalogue of `size` programs as catalogue JSON, with `_serves` and
/// `_months` per program for the JS peers (our loader ignores unknown fields).
#[wasm_bindgen]
pub fn generate_catalogue(size: u32, seed: u32) -> String {
    catalogue_json::to_json(&synthetic::catalogue(size as usize, u64::from(seed)))
}

/// `count` deterministic queries (a third filters only, a third words only, a third
/// both), as a JSON array. The words come from a synthetic catalogue made with the same
/// `seed`, so pass the catalogue's seed to get proper names the catalogues contain.
#[wasm_bindgen]
pub fn generate_queries(count: u32, seed: u32) -> String {
    queries::generate(count as usize, u64::from(seed))
}

/// What the JS peers need to apply the core's filter and count rules: each town's county
/// (towns indexed as in `_serves`), the age bands in months, and the stop words.
#[wasm_bindgen]
pub fn tables() -> String {
    let county_of_town: Vec<usize> =
        Town::all().map(|town| COUNTIES.iter().position(|c| *c == town.county()).unwrap_or(0)).collect();
    let bands: Vec<_> = AGE_BANDS
        .iter()
        .map(|band| json!([band.from_years * 12, band.to_years.map(|to| to * 12 + 12)]))
        .collect();
    json!({
        "towns": Town::all().map(Town::name).collect::<Vec<_>>(),
        "counties": COUNTIES,
        "county_of_town": county_of_town,
        "age_bands": bands,
        "age_band_labels": AGE_BANDS.iter().map(|band| band.label).collect::<Vec<_>>(),
        "stop_words": STOP_WORDS,
    })
    .to_string()
}

/// Bytes of wasm linear memory: everything the module has ever needed at once (it never
/// shrinks), including the copy of the catalogue text made while loading.
#[wasm_bindgen]
pub fn memory_bytes() -> u32 {
    #[cfg(target_arch = "wasm32")]
    return (core::arch::wasm32::memory_size(0) * 65536) as u32;
    #[cfg(not(target_arch = "wasm32"))]
    return 0;
}

/// Bytes allocated and not yet freed: what the engine holds right now.
#[wasm_bindgen]
pub fn live_bytes() -> u32 {
    alloc::live() as u32
}

/// Only loads catalogue JSON (the first half of [`Engine::new`]), to tell loading time
/// from indexing time; returns the number of programs.
#[wasm_bindgen]
pub fn load_only(catalogue_json: &str) -> Result<u32, String> {
    let loaded = load(catalogue_json).map_err(|error| error.to_string())?;
    Ok(loaded.catalogue.programs.len() as u32)
}

/// The most bytes allocated at once since [`reset_peak`] (or the start): tells which
/// step needed the memory that [`memory_bytes`] shows.
#[wasm_bindgen]
pub fn peak_bytes() -> u32 {
    alloc::peak() as u32
}

/// Starts measuring [`peak_bytes`] again from what is allocated now.
#[wasm_bindgen]
pub fn reset_peak() {
    alloc::reset_peak();
}

/// The cards the widget shows before "Show more" (`DEFAULT_PAGE_SIZE` in `src/ui/mod.rs`),
/// which is how many hits it asks the search to rank.
const FIRST_PAGE: usize = 30;

/// One catalogue's search index and a list of queries to run on it.
#[wasm_bindgen]
pub struct Engine {
    /// Loaded by [`Engine::load`], indexed by [`Engine::build_index`], and kept, as the
    /// widget keeps it (so freeing it is not counted as part of building the index).
    catalogue: Option<finder_core::catalogue::Catalogue>,
    index: SearchIndex,
    programs: u32,
    problems: u32,
    queries: Vec<Query>,
    /// What the widget asks for on every keystroke: its first page of hits ranked, all of
    /// them counted, and the counts of every choice.
    with_counts: SearchOptions,
}

#[wasm_bindgen]
impl Engine {
    /// Loads catalogue JSON as the widget does and indexes it ([`Engine::load`], then
    /// [`Engine::build_index`]); the catalogue is kept, as the widget keeps it.
    #[wasm_bindgen(constructor)]
    pub fn new(catalogue_json: &str) -> Result<Engine, String> {
        let mut engine = Engine::load(catalogue_json)?;
        engine.build_index();
        Ok(engine)
    }

    /// The first half of [`Engine::new`], timed apart: catalogue JSON into a catalogue.
    pub fn load(catalogue_json: &str) -> Result<Engine, String> {
        let loaded = load(catalogue_json).map_err(|error| error.to_string())?;
        Ok(Engine {
            programs: loaded.catalogue.programs.len() as u32,
            catalogue: Some(loaded.catalogue),
            index: SearchIndex::new(&finder_core::catalogue::Catalogue::default()),
            problems: loaded.problems.len() as u32,
            queries: Vec::new(),
            with_counts: SearchOptions { counts: true, limit: Some(FIRST_PAGE), ..SearchOptions::default() },
        })
    }

    /// The second half of [`Engine::new`]: the search index of the loaded catalogue.
    pub fn build_index(&mut self) {
        if let Some(catalogue) = &self.catalogue {
            self.index = SearchIndex::new(catalogue);
        }
    }

    /// Programs loaded (the benchmark checks that none was skipped).
    pub fn program_count(&self) -> u32 {
        self.programs
    }

    /// Problems the loader reported.
    pub fn problem_count(&self) -> u32 {
        self.problems
    }

    /// Reads the queries of [`generate_queries`], so that timed runs parse nothing.
    pub fn load_queries(&mut self, json: &str) -> Result<u32, String> {
        self.queries = queries::parse(json)?;
        Ok(self.queries.len() as u32)
    }

    /// Runs query `i` with counts, as the widget would; returns how many programs match.
    pub fn run(&self, i: u32) -> u32 {
        match self.queries.get(i as usize) {
            Some(query) => self.index.search(query, &self.with_counts).total as u32,
            None => 0,
        }
    }

    /// The program numbers of every hit of query `i`, ascending (for agreement checks).
    pub fn ids(&self, i: u32) -> Vec<u32> {
        let Some(query) = self.queries.get(i as usize) else { return Vec::new() };
        let mut ids: Vec<u32> =
            self.index.search(query, &SearchOptions::default()).hits.iter().map(|hit| hit.program).collect();
        ids.sort_unstable();
        ids
    }

    /// The program numbers of every hit of `text`, best first, as the widget ranks them
    /// (for the relevance score of `bench/relevance.mjs`).
    pub fn ranked(&self, text: &str) -> Vec<u32> {
        let results = self.index.search(&Query::new(text), &SearchOptions::default());
        results.hits.iter().map(|hit| hit.program).collect()
    }

    /// The counts of query `i` as JSON, to check that the peers count the same.
    pub fn counts(&self, i: u32) -> String {
        let Some(query) = self.queries.get(i as usize) else { return "null".into() };
        let Some(counts) = self.index.search(query, &self.with_counts).counts else { return "null".into() };
        json!({
            "needs": counts.needs,
            "counties": counts.counties.iter().map(|(_, count)| count).collect::<Vec<_>>(),
            "towns": counts.towns,
            "ages": counts.ages,
            "languages": counts.languages,
            "free": counts.free,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The benchmark compares program numbers, so the loader must keep every program.
    #[test]
    fn generated_catalogues_load_whole_and_every_query_runs() {
        let mut engine = Engine::new(&generate_catalogue(300, 7)).expect("catalogue JSON loads");
        assert_eq!((engine.program_count(), engine.problem_count()), (300, 0));
        let queries = generate_queries(60, 7);
        assert_eq!(engine.load_queries(&queries), Ok(60));
        for i in 0..60 {
            assert_eq!(engine.run(i) as usize, engine.ids(i).len(), "query {i}");
        }
    }
}
