//! Program Finder: the widget that shows a catalogue of community programs to families.
//!
//! - [`choices`], [`saved_list`], [`url_state`], [`presets`], [`i18n`], [`text`] and
//!   [`host_options`]: plain Rust, tested natively.
//! - [`ui`]: Leptos components; they hold signals and render.
//! - [`embed`]: the only code that knows about the host page: finds host elements, reads
//!   their attributes, attaches shadow roots and mounts the UI.
//!
//! The catalogue model and towns live in `finder-core` (`core/`), the search in
//! `finder-search` (`search/`); the staff checker page (`checker/`) and the `catalogue`
//! tool (`cli/`) are crates of their own.

pub mod choices;
pub mod host_options;
pub mod i18n;
pub mod presets;
pub mod saved_list;
pub mod text;
pub mod url_state;

pub mod embed;
pub mod ui;
