//! Open Referral HSDS import: services from a 2-1-1 or referral platform become programs.
//! HSDS 1.x, 2.x and 3.0 are all read, as JSON or as a CSV data package; the version is
//! judged from what is there (table and field names), never asked for.
//!
//! Both forms go through the same steps so that the same service gives the same program
//! either way:
//!
//! 1. [`import_json`] and [`import_json_files`] (`json.rs`) or [`import_tables`]
//!    (`tables.rs`) read each service, with everything linked to it (organization, phones,
//!    contacts, schedules, eligibility, locations and their addresses, terms), into one
//!    plain record (`model.rs`). A package's files are sorted into tables by `package.rs`
//!    (the names of every version, and `datapackage.json`) and parsed by `csv_table.rs`
//!    (any case, byte-order marks, other separators); links that lead nowhere are counted
//!    once per kind by `broken_links.rs`.
//! 2. `build.rs` turns each record into a [`ProgramEntry`](crate::format::ProgramEntry),
//!    noting everything families would miss (`notes.rs`): `schedule.rs` writes opening
//!    hours as text, `opening.rs` makes them a [`ScheduleEntry`](crate::format::ScheduleEntry)
//!    when the schedules repeat weekly (HSDS 3 `schedules`, HSDS 1/2 `regular_schedules`
//!    and `holiday_schedules`) and notes why when they cannot, `places.rs` finds
//!    Connecticut towns in service areas and addresses, `text.rs` writes phones, languages,
//!    addresses and costs, and [`TaxonomyMapping`] (`mapping.rs`) turns taxonomy terms into
//!    the catalogue's needs. First, `tidy.rs` cleans the service's texts
//!    ([`clean_text`](crate::import::clean_text): HTML, broken characters, names in
//!    capitals), and last it reads ages from the eligibility text when the fields give none
//!    ([`ages_in_text`](crate::import::ages_in_text)).
//!
//! The files import top-down, never back: `model.rs`, `text.rs` and `notes.rs` at the
//! bottom; then `schedule.rs`, `opening.rs`, `places.rs`, `mapping.rs` and `tidy.rs`; then the
//! readers (`csv_table.rs`, `broken_links.rs`, `package.rs`, then `tables.rs`, and
//! `json.rs`); `build.rs` on top, and this file, which ties the readers to the builder.
//!
//! Nothing here touches the file system, so the importer could run in a browser too
//! ([`crate::import::encoding`] turns a file's bytes into text first).
//!
//! # The mapping file
//!
//! Staff can write their own mapping (`catalogue import hsds --mapping FILE`); the built-in
//! one is `core/data/hsds-taxonomy-map.json`. It is a JSON object from need id to a list of
//! keywords and taxonomy codes:
//!
//! ```json
//! { "food": ["food", "nutrition", "BD-1800", "meals"],
//!   "mental-health": ["mental health", "counseling", "counselling", "RP-1400"],
//!   "no standard need": ["=legal", "F"],
//!   "not a need": ["Y"] }
//! ```
//!
//! A taxonomy term gets a need when
//! - its code equals a listed code, or lies below it (`BD-1800` also matches `BD-1800.2000`;
//!   a one-letter AIRS level such as `L` matches `LV` and `LV-1600`), or
//! - its name contains a listed keyword as whole words (`meals` matches "Home Delivered
//!   Meals" but not "Mealsite"); a keyword written `=Health` matches only a term named
//!   exactly "Health". Keywords shaped like AIRS codes (`BD`, `RX-8450`) match codes only.
//!   Case never matters.
//!
//! Two keys are not needs. Terms listed under `"not a need"` say who a service is for
//! (AIRS `Y`, target populations) and give none. Terms under `"no standard need"` (AIRS
//! `F` legal services, `N` income support...) match none of the catalogue's needs: with
//! [`TaxonomyMapping::with_new_needs`] (`--new-needs`) they become needs of their own, like
//! any term that matches nothing. A code under either key silences the term's name, so
//! "Legal Counseling" under `F` is not counseling. Needs are guessed from a program's name
//! only with [`TaxonomyMapping::with_guesses_from_names`] (`--guess-needs`), and never when a
//! term gave a need or is listed under one of these keys.
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

mod broken_links;
mod build;
mod csv_table;
mod json;
mod mapping;
mod model;
mod notes;
mod opening;
mod package;
mod places;
mod schedule;
mod tables;
mod text;
mod tidy;

use std::collections::BTreeMap;

pub use mapping::{TaxonomyMapping, TermNeeds, NOT_A_NEED, NO_STANDARD_NEED};

use super::{ImportError, Imported};

/// Imports HSDS JSON: a single service, a list of services, or an API page
/// (`{"contents": [...]}`). An organization with its `services`, or a `service_at_location`
/// with its `service`, is read too, as the HSDS API returns them.
///
/// Fails only when the text is not JSON or holds no HSDS service; everything else that could
/// not be carried over is in [`Imported::notes`].
pub fn import_json(text: &str, mapping: &TaxonomyMapping) -> Result<Imported, ImportError> {
    HsdsImport::new(mapping).json(text)
}

/// An HSDS import with its choices: the taxonomy mapping (with its own options), and
/// whether places outside Connecticut are built from the data (`--places-from-data`). The
/// free functions [`import_json`], [`import_json_files`] and [`import_tables`] are this with
/// Connecticut's places only.
///
/// With [`HsdsImport::places_from_data`], every city outside Connecticut that a service
/// area ("Holyoke, MA") or a location's address (city and state) names becomes one of the
/// catalogue's `places`, and the program lists it ("Holyoke, MA"), so an export from any
/// region becomes a finder for that region:
///
/// ```
/// use finder_core::import::hsds::{HsdsImport, TaxonomyMapping};
/// let service = r#"{ "id": "s1", "name": "Valley Pantry",
///   "service_areas": [{ "name": "Holyoke, MA; Chicopee, MA" }] }"#;
/// let mapping = TaxonomyMapping::standard();
/// let imported = HsdsImport::new(&mapping).places_from_data(true).json(service).unwrap();
/// assert_eq!(imported.catalogue.programs[0].towns, ["Holyoke, MA", "Chicopee, MA"]);
/// assert_eq!(imported.catalogue.places.len(), 2);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct HsdsImport<'a> {
    mapping: &'a TaxonomyMapping,
    places_from_data: bool,
    leave_out_incomplete: bool,
}

impl<'a> HsdsImport<'a> {
    pub fn new(mapping: &'a TaxonomyMapping) -> HsdsImport<'a> {
        HsdsImport { mapping, places_from_data: false, leave_out_incomplete: false }
    }

    /// Leaves out the programs families could not find (no need, or no town), each with a
    /// note saying why, so the catalogue written passes `catalogue check` and can be
    /// published as it is (the command line's default; `--keep-incomplete` keeps them for
    /// staff to complete by hand). Without it every usable service becomes a program.
    pub fn publishable(self, yes: bool) -> HsdsImport<'a> {
        HsdsImport { leave_out_incomplete: yes, ..self }
    }

    /// Builds the catalogue's places outside Connecticut from the data's own service areas
    /// and addresses.
    pub fn places_from_data(self, yes: bool) -> HsdsImport<'a> {
        HsdsImport { places_from_data: yes, ..self }
    }

    /// As [`import_json`].
    pub fn json(&self, text: &str) -> Result<Imported, ImportError> {
        let (services, notes) = json::read(text)?;
        Ok(build::build(&services, notes, self))
    }

    /// As [`import_json_files`].
    pub fn json_files(&self, files: &[(String, String)]) -> Result<Imported, ImportError> {
        let files: Vec<(String, &str)> =
            files.iter().map(|(name, text)| (name.clone(), text.as_str())).collect();
        let (services, notes) = json::read_files(&files)?;
        Ok(build::build(&services, notes, self))
    }

    /// As [`import_tables`].
    pub fn tables(&self, tables: &BTreeMap<String, String>) -> Result<Imported, ImportError> {
        let (services, notes) = tables::read(tables)?;
        Ok(build::build(&services, notes, self))
    }
}

/// Imports several HSDS JSON files as one: the pages of an API listing (read in page order,
/// whatever order they are given in; a page given twice is read once, and the pages of
/// `total_pages` that are missing are noted once), or any files [`import_json`] reads.
/// Files are (name, text); names appear in notes and errors.
///
/// ```
/// use finder_core::import::hsds::{import_json_files, TaxonomyMapping};
/// let page = |n: u32| (format!("page-{n}.json"), format!(
///     r#"{{ "page_number": {n}, "total_pages": 2, "contents": [{{ "id": "s{n}", "name": "Pantry {n}" }}] }}"#));
/// let imported = import_json_files(&[page(2), page(1)], &TaxonomyMapping::standard()).unwrap();
/// let names: Vec<&str> = imported.catalogue.programs.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["Pantry 1", "Pantry 2"]);
/// ```
pub fn import_json_files(
    files: &[(String, String)],
    mapping: &TaxonomyMapping,
) -> Result<Imported, ImportError> {
    HsdsImport::new(mapping).json_files(files)
}

/// Imports an HSDS CSV data package: file name (`"services.csv"`) → file text. Only
/// `services.csv` is required. Every table families' programs draw on is read when present,
/// under its HSDS 3.0 name (`organizations`, `service_at_location`, `locations`,
/// `addresses`, `phones`, `schedules`, `service_areas`, `languages`, `attributes`,
/// `taxonomy_terms`, `contacts`, `cost_options`) or its HSDS 1.x and 2.x one
/// (`services_at_location`, `physical_addresses`, `postal_addresses`, `regular_schedules`,
/// `holiday_schedules`, `eligibility`, `service_area`, `taxonomy` with `services_taxonomy`,
/// `service_attributes`, `accessibility_for_disabilities`). `datapackage.json` is read when
/// given (resource names, and files it lists that are missing). Names may carry a folder
/// (`export/services.csv`) and any case; column names any case and stray spaces.
///
/// Broken links between tables (a missing organization, rows without ids, rows naming a
/// service that is not there) are noted once per kind, with a count and examples.
pub fn import_tables(
    tables: &BTreeMap<String, String>,
    mapping: &TaxonomyMapping,
) -> Result<Imported, ImportError> {
    HsdsImport::new(mapping).tables(tables)
}
