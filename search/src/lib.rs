//! Keyword search over a catalogue, with the family's choices as filters and a count
//! for every choice.
//!
//! Two layers, as in MiniSearch: [`SearchIndex::new`] builds the index once per
//! catalogue (terms, postings, per-program filter facts); [`SearchIndex::search`] runs a
//! [`Query`] (words plus [`Choices`]) with [`SearchOptions`] given per call.
//!
//! ```
//! use finder_core::catalogue::load;
//! use finder_search::{Query, SearchIndex, SearchOptions};
//! let loaded = load(r#"{ "version": 1,
//!   "needs": [{ "id": "food", "label": "Food", "labels": { "es": "Comida" } },
//!             { "id": "housing", "label": "Housing" }],
//!   "programs": [
//!     { "id": "pantry", "name": "Mobile pantry", "needs": ["food"], "towns": ["Hartford"] },
//!     { "id": "homes", "name": "Safe homes", "needs": ["housing"], "statewide": true }
//!   ] }"#).unwrap();
//! let index = SearchIndex::new(&loaded.catalogue);
//! let found = index.search(&Query::new("comid"), &SearchOptions::default());
//! assert_eq!(found.total, 1);
//! assert_eq!(found.hits[0].program, 0);
//! assert_eq!(found.hits[0].matched, ["comida"]);
//! ```
//!
//! # Matching
//!
//! Text is folded and split as in [`text`]: `nino` finds `niño`. Every query word must
//! match (AND), each in one of these ways:
//!
//! - **exactly**;
//! - **by stem** (`books` → `book`) or **synonym** (`comida` → `food`, from
//!   `search/data/synonyms.json`, see [`synonyms`]); a synonym phrase typed in full
//!   (`salud mental`) counts as one query term;
//! - **as a prefix**: every word of 3 or more letters (`health` finds `healthy`, `east`
//!   finds `Eastford`), and a last word of 2 letters while it is being typed (the text
//!   does not end in a space or punctuation): `ho` finds `housing`. A last word just
//!   started (one letter, or a stop word typed alone, such as `de` that may become
//!   `dental`) is left out while it matches nothing, so results do not flash empty as a
//!   word is started;
//! - **with typos**: 1 edit for words of 4–7 letters, 2 for 8 or more, none below 4;
//!   swapping two neighbouring letters is one edit (`hartfrod` → `hartford`). Typos
//!   apply to known words too (`classes` also finds `clases`), as in MiniSearch and
//!   Fuse.js, but rank after every match without one (see Ranking), so `food` lists
//!   food programs before one that only says `good`. (How candidates are found:
//!   [`SearchIndex`].)
//!
//! Stop words (`the`, `de`, `y`, …) are left out, also while typed after other words
//! (`families in`); at most [`MAX_WORDS`] words are used. A synonym phrase typed in
//! full (`salud mental`) also matches its words one by one, each in all the ways above.
//!
//! # Ranking
//!
//! 1. **Typos**: the fewer edits a program needed to match the words, the earlier
//!    (0 for every match that is exact, by stem, synonym or prefix).
//! 2. **Tier** (only when a town is chosen): 0 if the program names the town itself (or
//!    a village in it), 1 if it serves the town through a county or area, 2 if only
//!    statewide. The tier sorts before the score. Without a town, every tier is 0.
//! 3. **Score**: the sum, over query terms, of the best field weight the term hit (name
//!    10 > need label 6 > organization 4 > place 3 > description, eligibility and
//!    translations 2) times the quality of the match (exact 1.0, stem or synonym 0.8,
//!    prefix 0.7, one typo 0.5, two typos 0.3). A phrase counts once per word. See
//!    [`Weights`].
//! 4. **Catalogue order** breaks every tie, so results are stable. With no keywords,
//!    results are in tier order, then catalogue order.
//!
//! # Filters and counts
//!
//! Choices filter exactly as [`finder_core::filter::Filter::matches`] (needs any-of, town or
//! statewide, age overlap), plus languages (any of the chosen codes; `es-MX` counts as
//! `es`; a program listing no languages fits none) and free (the cost starts with
//! "free" or "gratis", or says "no cost"). With [`SearchOptions::counts`], [`Counts`] says
//! for every option how many programs choosing it would give: each facet applies the
//! keywords and every *other* choice, but not its own.

mod builder;
mod clauses;
mod counts;
mod filters;
mod index;
mod places;
mod program_set;
mod query;
pub mod synonyms;
#[doc(hidden)]
pub mod synthetic;
pub mod text;

pub use index::SearchIndex;

use finder_core::age::ChildAge;
use finder_core::filter::Filter;
use finder_core::towns::Town;

/// At most this many words of a query are used; the rest are ignored.
pub const MAX_WORDS: usize = 12;

/// What a family searches for: words, and their choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Keywords as typed. Empty means "everything that fits the choices".
    pub text: String,
    pub choices: Choices,
}

impl Query {
    /// A query for these words, with nothing chosen.
    pub fn new(text: impl Into<String>) -> Query {
        Query { text: text.into(), choices: Choices::default() }
    }

    /// The same words with these choices.
    pub fn with_choices(self, choices: Choices) -> Query {
        Query { choices, ..self }
    }
}

/// A family's choices. The default chooses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// Need ids; any of them is enough. Empty means any need.
    pub needs: Vec<String>,
    /// Where the family lives: programs serving it or statewide ones.
    pub town: Option<Town>,
    /// The child's age: programs whose age range includes it.
    pub age: Option<ChildAge>,
    /// Language codes (`"es"`); programs that speak any of them. Empty means any.
    pub languages: Vec<String>,
    /// Only programs that are free.
    pub free_only: bool,
    /// Only programs open at [`Choices::now`] by their structured hours. Programs without
    /// structured hours are left out too (they may be closed), unless
    /// [`Choices::unknown_hours_too`]; [`Counts::hours_unknown`] says how many that is.
    pub open_now: bool,
    /// With `open_now`: keep programs without structured hours as well.
    pub unknown_hours_too: bool,
    /// Only programs open some day after 5 pm. A program without structured hours is never
    /// left out by this (nothing says it is not open then).
    pub evenings: bool,
    /// Only programs open on Saturday or Sunday; as `evenings`, never leaves out a program
    /// without structured hours.
    pub weekends: bool,
    /// The wall-clock time in the catalogue's time zone that "open now" means (the widget
    /// sets it every minute). Without it, `open_now` leaves nothing out and is not counted.
    pub now: Option<finder_core::hours::WallClock>,
}

impl From<&Filter> for Choices {
    fn from(filter: &Filter) -> Choices {
        Choices { needs: filter.needs.clone(), town: filter.town, age: filter.age, ..Choices::default() }
    }
}

/// How to search; pass another value per call to change any of it.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    /// Compute [`Counts`] for every choice (default false: they cost a little).
    pub counts: bool,
    /// At most this many hits (the best ones); `total` still counts them all. Default: all.
    pub limit: Option<usize>,
    /// Match words as the start of longer words: every word of 3 or more letters, and a
    /// last word of 2 while it is being typed (default true).
    pub prefixes: bool,
    /// Allow typos, by the word's length (default true).
    pub typos: bool,
    /// Use synonyms and stems (default true).
    pub synonyms: bool,
    /// Fill [`Hit::matched`] for at most this many of the best hits (default 100); the
    /// rest have it empty. Each list costs allocations, and a page shows far fewer hits.
    pub matched_limit: usize,
    pub weights: Weights,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            counts: false,
            limit: None,
            prefixes: true,
            typos: true,
            synonyms: true,
            matched_limit: 100,
            weights: Weights::default(),
        }
    }
}

/// How much a match counts: the field a term was found in, times how well it matched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Program name: 10.
    pub name: f32,
    /// A label of one of the program's needs, in any language: 6.
    pub need: f32,
    /// Organization: 4.
    pub organization: f32,
    /// A place the program lists (town, county, village, area): 3.
    pub place: f32,
    /// Description: 2.
    pub description: f32,
    /// Eligibility: 2.
    pub eligibility: f32,
    /// Translated name, description or eligibility: 2.
    pub translation: f32,
    /// The word itself: 1.0.
    pub exact: f32,
    /// Same stem, or a synonym: 0.8.
    pub synonym: f32,
    /// The start of a longer word: 0.7.
    pub prefix: f32,
    /// One typo: 0.5.
    pub one_typo: f32,
    /// Two typos: 0.3.
    pub two_typos: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            name: 10.0,
            need: 6.0,
            organization: 4.0,
            place: 3.0,
            description: 2.0,
            eligibility: 2.0,
            translation: 2.0,
            exact: 1.0,
            synonym: 0.8,
            prefix: 0.7,
            one_typo: 0.5,
            two_typos: 0.3,
        }
    }
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// The best hits first (see the module's ranking rules), at most `limit`.
    pub hits: Vec<Hit>,
    /// How many programs match in all, ignoring `limit`.
    pub total: usize,
    /// Counts per choice, when asked for.
    pub counts: Option<Counts>,
    /// The query terms searched for: folded, stop words left out, phrases as one.
    pub terms: Vec<String>,
}

/// One program that matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into `catalogue.programs`.
    pub program: u32,
    /// Relevance; 0 without keywords.
    pub score: f32,
    /// 0 names the chosen town, 1 serves it through a county or area, 2 statewide.
    pub tier: u8,
    /// Edits it took to match the query's words (0: no typo). Hits with fewer typos
    /// rank first.
    pub typos: u8,
    /// The catalogue's terms (folded) that matched the query, one or more per query
    /// term, for highlighting. Empty without keywords and beyond
    /// [`SearchOptions::matched_limit`].
    pub matched: Vec<String>,
}

/// For every option of every choice, how many programs choosing it would give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// (need id, programs), in catalogue order.
    pub needs: Vec<(String, usize)>,
    /// (county, programs serving a town in it or statewide), in `COUNTIES` order.
    pub counties: Vec<(&'static str, usize)>,
    /// Programs per town, indexed like `Town::all()` (169).
    pub towns: Vec<usize>,
    /// Programs serving some age in each of [`AGE_BANDS`], in that order.
    pub ages: Vec<usize>,
    /// (language code, programs), codes sorted.
    pub languages: Vec<(String, usize)>,
    /// Programs that are free.
    pub free: usize,
    /// Programs open at [`Choices::now`] (0 without it).
    pub open_now: usize,
    /// Programs open some evening, or without structured hours.
    pub evenings: usize,
    /// Programs open on a weekend, or without structured hours.
    pub weekends: usize,
    /// With `open_now` chosen: programs left out only because they list no structured
    /// hours (a family may want to call them anyway).
    pub hours_unknown: usize,
}

/// A range of children's ages, in whole years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeBand {
    pub label: &'static str,
    pub from_years: u32,
    /// Last year included; `None` for no upper end.
    pub to_years: Option<u32>,
}

/// The age bands counted in [`Counts::ages`].
pub const AGE_BANDS: [AgeBand; 6] = [
    AgeBand { label: "under 1", from_years: 0, to_years: Some(0) },
    AgeBand { label: "1–2", from_years: 1, to_years: Some(2) },
    AgeBand { label: "3–5", from_years: 3, to_years: Some(5) },
    AgeBand { label: "6–12", from_years: 6, to_years: Some(12) },
    AgeBand { label: "13–17", from_years: 13, to_years: Some(17) },
    AgeBand { label: "18+", from_years: 18, to_years: None },
];

impl SearchIndex {
    /// Finds the programs that match the query's words and fit its choices, best first.
    /// Never panics, whatever the text.
    pub fn search(&self, query: &Query, options: &SearchOptions) -> SearchResults {
        query::run(self, query, options)
    }
}
