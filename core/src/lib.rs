//! Program Finder's core: everything about programs that is not about the browser.
//!
//! - [`catalogue`]: the catalogue format and loading it, with every problem reported.
//! - [`towns`]: Connecticut's towns, counties and villages.
//! - [`age`]: ages as intervals of months.
//! - [`filter`]: which programs fit a family's choices.
//!
//! Nothing here depends on a web API, so all of it is tested natively with `cargo test`.

pub mod age;
pub mod catalogue;
mod ct_towns;
mod fields;
pub mod filter;
pub mod towns;

pub use fields::{is_web_address, Effect, Problem};
