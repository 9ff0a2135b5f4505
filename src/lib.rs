//! Program Finder: the widget that shows a catalogue of community programs to families.
//!
//! - [`i18n`], [`text`], [`presets`], [`url_state`] and [`host_options`]: plain Rust,
//!   tested natively.
//! - `ui` (feature `web`): Leptos components; they only render state.
//! - `checker` (feature `web`): the staff checker page, its own wasm module.
//! - `cli` (feature `cli`): the `catalogue` command-line tool for staff.
//! - `embed` (feature `web`): the only code that knows about the host page: finds host
//!   elements, reads their attributes, attaches shadow roots and mounts the UI.
//!
//! The catalogue model, towns and filters live in the `finder-core` crate.

pub mod choices;
pub mod host_options;
pub mod i18n;
pub mod presets;
pub mod saved_list;
pub mod text;
pub mod url_state;

#[cfg(feature = "web")]
pub mod checker;
#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "web")]
pub mod embed;
#[cfg(feature = "web")]
pub mod ui;
