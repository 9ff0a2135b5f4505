//! Keyword search over a catalogue, with the family's choices as filters and a count
//! for every choice.
//!
//! Two steps, as in MiniSearch: [`SearchIndex::new`] builds the index once per
//! catalogue (terms, postings, per-program filter facts); [`SearchIndex::search`] runs a
//! [`Query`] (words plus [`Choices`]) with [`SearchOptions`] given per call.
//!
//! Inside, the engine is layers, each built only on those below it: [`text`] (folding,
//! words, stems) → [`synonyms`] (the vocabulary) → facts (sets of programs, per program
//! and per option) → the index of terms, built from them → queries (choices as filters
//! with their counts, query text into clauses) → the search (evaluation and ranking).
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
//! - **with typos**: 1 edit for words of 4–7 letters, 2 for 8 or more, none below 4
//!   (except a word of 3 letters that matches nothing else: 1, so `fod` finds `food`);
//!   swapping two neighbouring letters is one edit (`hartfrod` → `hartford`). Typos
//!   apply to known words too (`classes` also finds `clases`), as in MiniSearch and
//!   Fuse.js, but rank after every match without one (see Ranking), so `food` lists
//!   food programs before one that only says `good`. (How candidates are found:
//!   [`SearchIndex`].) A word matched *only* through typos (no exact, stem, synonym or
//!   prefix match) acts like the word it was taken for: the closest catalogue or
//!   vocabulary words bring their stems and synonyms, with the typo's edits, so
//!   `dentsit` finds what `dentist` finds, `dental` included, and `chilcare` finds
//!   child care.
//!
//! Stop words (`the`, `de`, `y`, …) are left out, also while typed after other words
//! (`families in`); at most [`MAX_WORDS`] words are used. A synonym phrase typed in
//! full (`salud mental`) also matches its words one by one, each in all the ways above.
//! Abbreviations are synonyms like any other (`wic` ↔ "women infants and children",
//! `snap` ↔ "food stamps", `liheap` ↔ "energy assistance", `esl`, `ged`, `hud`, `dcf`,
//! `aa`, `na`): data in `search/data/synonyms.json`.
//!
//! # Ranking
//!
//! Each rule only breaks the ties of the rules before it (the key of `search.rs`):
//!
//! 1. **Typos**: the fewer edits a program needed to match the words, the earlier
//!    (0 for every match that is exact, by stem, synonym or prefix).
//! 2. **Prefixes**: the fewer query words matched only as the start of a longer word,
//!    the earlier. So an exact word ranks above a word that merely starts with it,
//!    whatever the field: `snap` lists programs that say "SNAP" (or "food stamps")
//!    before "SNAPPER CREEK ELEMENTARY".
//! 3. **Tier** (only when a town is chosen): 0 if the program names the town itself (or
//!    a village in it), 1 if it serves the town through a county or area, 2 if only
//!    statewide. Without a town, every tier is 0.
//! 4. **Words apart**: words typed together rank first where the program has them
//!    together. Each query word and the next cost 0 when the second follows the first
//!    (a phrase, as typed), 1 when they are at most 3 words apart (in any order), 2
//!    otherwise; the lower the sum, the earlier. A synonym phrase the family typed
//!    (`food stamps`) counts its words the same way. (Positions are where each word
//!    first and last appears in a program, counted through its name, organization,
//!    description, eligibility, need labels, places and translations; a phrase member
//!    reached from one typed word, as "food stamps" from `snap`, is not measured.)
//! 5. **Score**: the sum, over query terms, of the best field weight the term hit (name
//!    10 > need label 6 > organization 4 > place 3 > description, eligibility and
//!    translations 2) times the quality of the match (exact 1.0, stem or synonym 0.8,
//!    prefix 0.7, one typo 0.5, two typos 0.3; a synonym reached through a typo, the
//!    two multiplied). A phrase counts once per word. See [`Weights`].
//! 6. **Catalogue order** breaks every tie, so results are stable. With no keywords,
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

//! # Around the search
//!
//! - **Suggestions while typing** ([`SearchIndex::suggest`]): the catalogue's need
//!   labels (the family's language first), words completing the last word typed (the
//!   catalogue's words in the most programs, then the vocabulary's), and program names.
//!   Read from the index's sorted terms and postings, with nothing built for it, so it
//!   can run at every keystroke.
//! - **Did you mean** ([`SearchIndex::did_you_mean`]): for a search that finds (almost)
//!   nothing, the text with each word that matches nothing in any way above replaced by
//!   the closest catalogue or vocabulary word, further away than the search's own typos.
//! - **Highlights** ([`highlight`]): the whole words of a program's text that gave a hit's
//!   [`Hit::matched`] terms, as byte ranges to mark, and an excerpt of a long text around
//!   them. Rendered as text, never HTML.

// Bytes and speed: the code that runs at every keystroke (the query, its clauses, the
// counts, the sets of programs, term lookups, splitting text) and the inner loops of
// building the index is marked `#[cfg_attr(finder_size, optimize(speed))]`; everything
// else (building the facts, once per catalogue) is compiled for size like the rest of the
// widget (`opt-level = "z"` in Cargo.toml). `finder_size` is set for wasm builds only
// (tools/setup.sh), which may use this unstable attribute; native builds ignore it. On
// 3 December 2026 this took 5.7 KB (brotli) off the widget against the whole crate at
// `opt-level = 3`, with the speed targets still met (BENCHMARKS.md, "Size").
#![cfg_attr(finder_size, feature(optimize_attribute))]

// The layers, from the ground up: each imports only from the layers before it, and
// within a layer, files import in the order the comment names them.

// 0. Ground: the hash map every layer builds with (FxHash).
mod fast_map;
// 1. Text: folding, splitting, stop words, the stemmer; then highlight (which words of a
//    program's text to mark, and excerpts around them).
pub mod highlight;
pub mod text;
// 2. Vocabulary: the stemming rules and synonym groups of `data/synonyms.json`.
pub mod synonyms;
// 3. Facts: program_set (sets of programs, rows of bits), places (the towns programs
//    serve), then facts (per program and per option, what filtering and ranking need).
mod facts;
mod places;
mod program_set;
// 4. Index: index (terms, postings, stems, typo lookup), then builder (`SearchIndex::new`).
mod builder;
mod index;
// 5. Queries: facets (the choices as filters, and counts), query (what is asked), then
//    clauses (query text into what each term may match).
mod clauses;
mod facets;
mod query;
// 6. Search: runs the clauses, filters, counts and ranks (`SearchIndex::search`); then
//    what is offered around it: suggest (suggestions while typing) and did_you_mean (a
//    correction when nothing is found).
mod did_you_mean;
mod search;
mod suggest;
// 7. Pack: a catalogue as static files fetched piece by piece (the facts, the index's
//    postings, the text in chunks), written by the staff tool and read by the widget.
pub mod pack;
// Beside the layers: made-up catalogues and queries for benchmarks and tests.
#[doc(hidden)]
pub mod synthetic;

pub use facets::{Choices, Counts};
pub use facts::{AgeBand, AGE_BANDS};
pub use index::SearchIndex;
pub use query::{Query, SearchOptions, Weights, MAX_WORDS};
pub use search::{Hit, SearchResults};
pub use suggest::{Suggestion, SuggestionKind};
