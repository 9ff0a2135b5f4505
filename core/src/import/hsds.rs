//! Open Referral HSDS 3.0 import: services from a 2-1-1 or referral platform become programs.
//!
//! HSDS comes in two forms, and both go through the same steps so that the same service gives
//! the same program either way:
//!
//! 1. [`import_json`] (`json.rs`) or [`import_tables`] (`tables.rs`) reads each service, with
//!    everything linked to it (organization, phones, schedules, locations, terms), into one
//!    plain record (`model.rs`).
//! 2. `build.rs` turns each record into a [`ProgramEntry`](crate::format::ProgramEntry),
//!    noting everything families would miss: `schedule.rs` writes opening hours as text,
//!    `opening.rs` makes them a [`ScheduleEntry`](crate::format::ScheduleEntry) when the
//!    schedules repeat weekly (HSDS 3 `schedules`, HSDS 1/2 `regular_schedules` and
//!    `holiday_schedules`) and notes why when they cannot,
//!    `places.rs` finds Connecticut towns in service areas and addresses, `text.rs` writes
//!    phones, languages, addresses and costs, and [`TaxonomyMapping`]
//!    (`mapping.rs`) turns taxonomy terms into the catalogue's needs. First, `tidy.rs` cleans
//!    the service's texts ([`clean_text`](crate::import::clean_text): HTML, broken characters,
//!    names in capitals), and last it reads ages from the eligibility text when the fields
//!    give none ([`ages_in_text`](crate::import::ages_in_text)).
//!
//! Nothing here touches the file system, so the importer could run in a browser too.
//!
//! # The mapping file
//!
//! Staff can write their own mapping (`catalogue import hsds --mapping FILE`); the built-in
//! one is `core/data/hsds-taxonomy-map.json`. It is a JSON object from need id to a list of
//! keywords and taxonomy codes:
//!
//! ```json
//! { "food": ["food", "nutrition", "BD-1800", "meals"],
//!   "mental-health": ["mental health", "counseling", "counselling", "RP-1400"] }
//! ```
//!
//! A taxonomy term gets a need when
//! - its code equals a listed code, or lies below it (`BD-1800` also matches `BD-1800.2000`),
//!   or
//! - its name contains a listed keyword as whole words (`meals` matches "Home Delivered
//!   Meals" but not "Mealsite"). Case never matters.
//!
//! One term may give several needs. A need id that is not one of the
//! [standard needs](crate::format::standard_needs) is added to the catalogue, with a note to
//! check its label.
//!
//! ```
//! use finder_core::import::hsds::{import_json, TaxonomyMapping};
//! let service = r#"{ "id": "s1", "name": "Mobile Pantry",
//!   "attributes": [{ "taxonomy_term": { "code": "BD-1800.2000", "name": "Food Pantries" } }],
//!   "service_areas": [{ "name": "Windham County" }] }"#;
//! let imported = import_json(service, &TaxonomyMapping::standard()).unwrap();
//! let program = &imported.catalogue.programs[0];
//! assert_eq!(program.needs, ["food"]);
//! assert_eq!(program.towns, ["Windham County"]);
//! assert!(imported.notes.is_empty());
//! ```

mod build;
mod json;
mod mapping;
mod model;
mod opening;
mod places;
mod schedule;
mod tables;
mod text;
mod tidy;

use std::collections::BTreeMap;

pub use mapping::TaxonomyMapping;

use super::{ImportError, Imported};

/// Imports HSDS JSON: a single service, a list of services, or an API page
/// (`{"contents": [...]}`). An organization with its `services`, or a `service_at_location`
/// with its `service`, is read too, as the HSDS API returns them.
///
/// Fails only when the text is not JSON or holds no HSDS service; everything else that could
/// not be carried over is in [`Imported::notes`].
pub fn import_json(text: &str, mapping: &TaxonomyMapping) -> Result<Imported, ImportError> {
    let (services, notes) = json::read(text)?;
    Ok(build::build(&services, notes, mapping))
}

/// Imports an HSDS CSV data package: file name (`"services.csv"`) → file text. Only
/// `services.csv` is required; `organizations.csv`, `phones.csv`, `schedules.csv`,
/// `service_areas.csv`, `languages.csv`, `service_at_location.csv`, `locations.csv`,
/// `addresses.csv`, `attributes.csv`, `taxonomy_terms.csv` and `cost_options.csv` are read
/// when present, and so are HSDS 1/2's `regular_schedules.csv` and `holiday_schedules.csv`. Names may carry a folder (`export/services.csv`) and any case.
pub fn import_tables(
    tables: &BTreeMap<String, String>,
    mapping: &TaxonomyMapping,
) -> Result<Imported, ImportError> {
    let (services, notes) = tables::read(tables)?;
    Ok(build::build(&services, notes, mapping))
}
