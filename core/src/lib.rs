//! Program Finder's core: everything about programs that is not about the browser.
//!
//! - [`catalogue`]: the catalogue format and loading it, with every problem reported.
//! - [`check`]: the staff checker: every problem with line, column and a fix.
//! - [`towns`]: places: Connecticut's towns, counties, villages and ZIP codes, built in, and a
//!   catalogue's own places outside Connecticut ([`towns::Places`]).
//! - [`age`]: ages as intervals of months.
//! - [`filter`]: which programs fit a family's choices.
//! - [`hours`]: opening hours: open now, next opening, evenings, weekends, U.S. time zones.
//! - [`format`]: the file format as types; the JSON Schema; the standard needs.
//! - [`import`]: spreadsheets and Open Referral HSDS in, spreadsheets out.
//! - [`languages`]: the one table of languages: ISO 639 codes, English, Spanish and own names.
//! - [`stats`]: programs per need, county and age band; entries due for review.
//! - [`cost`]: what a cost text says: free, or only free (one rule for filter, card and import).
//! - [`letters`]: letters without accents and folded text, for comparing what people type.
//! - [`random`]: a seeded random number generator for made-up data (tests, benchmarks).
//!
//! The search over a catalogue is its own crate, `finder-search` (`search/`), compiled for
//! speed while this one is compiled for size.
//!
//! Nothing here depends on a web API, so all of it is tested natively with `cargo test`.

// The JSON reader's loops are compiled for speed in wasm builds (`json/read.rs`).
#![cfg_attr(finder_size, feature(optimize_attribute))]

pub mod age;
pub mod catalogue;
pub mod check;
pub mod cost;
mod ct_towns;
mod ct_zips;
mod fields;
pub mod filter;
pub mod format;
pub mod hours;
pub mod import;
pub mod json;
pub mod languages;
pub mod letters;
pub mod locate;
pub mod random;
pub mod spelling;
pub mod stats;
pub mod towns;

pub use fields::{is_phone_number, is_web_address, parse_date, Effect, Problem, Severity};
