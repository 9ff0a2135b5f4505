//! The files of an HSDS CSV data package: which table each one is, under the names HSDS
//! 1.x, 2.x and 3.0 give them; what `datapackage.json` lists; which version the package is.
//!
//! File names count first (`physical_addresses.csv`, `Services.CSV`, `export/phones.csv`);
//! `datapackage.json`, when there, adds names for files it calls by a resource name
//! (`{"name": "services", "path": "svc_2024.csv"}`) and says which files should be there.
//! The package is read without it when it is missing or cannot be read.

use std::collections::BTreeMap;

use serde_json::Value;

use super::broken_links::BrokenLinks;
use crate::import::ImportNote;

/// Every table the importer reads: its name here, then the names exports give it.
const TABLES: [(&str, &[&str]); 20] = [
    ("services", &["services", "service"]),
    ("organizations", &["organizations", "organization"]),
    (
        "service_at_location",
        &["service_at_location", "services_at_location", "service_at_locations", "services_at_locations"],
    ),
    ("locations", &["locations", "location"]),
    ("addresses", &["addresses", "address"]),
    ("physical_addresses", &["physical_addresses", "physical_address"]),
    ("postal_addresses", &["postal_addresses", "postal_address"]),
    ("phones", &["phones", "phone"]),
    ("schedules", &["schedules", "schedule", "regular_schedules", "regular_schedule"]),
    ("holiday_schedules", &["holiday_schedules", "holiday_schedule"]),
    ("languages", &["languages", "language"]),
    ("service_areas", &["service_areas", "service_area"]),
    ("eligibility", &["eligibility", "eligibilities", "eligibilitys"]),
    ("taxonomy_terms", &["taxonomy_terms", "taxonomy_term"]),
    ("taxonomy", &["taxonomy", "taxonomies"]),
    ("attributes", &["attributes", "attribute"]),
    (
        "service_attributes",
        &[
            "service_attributes",
            "service_attribute",
            "service_taxonomy",
            "services_taxonomy",
            "service_taxonomies",
            "services_taxonomies",
        ],
    ),
    ("contacts", &["contacts", "contact"]),
    ("accessibility", &["accessibility_for_disabilities", "accessibility"]),
    ("cost_options", &["cost_options", "cost_option"]),
];

/// HSDS tables with nothing families see in a finder: read by nobody, noted by nobody.
const NOT_FOR_FAMILIES: [&str; 16] = [
    "programs",
    "funding",
    "fundings",
    "required_documents",
    "required_document",
    "payment_accepted",
    "payments_accepted",
    "metadata",
    "meta_table_description",
    "meta_table_descriptions",
    "other_attributes",
    "organization_identifiers",
    "urls",
    "service_capacity",
    "units",
    "meta_table",
];

/// Which HSDS version a package follows, judged from its tables and columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Version {
    /// `taxonomy` holds the terms, linked by `service_taxonomy.taxonomy_id`;
    /// `physical_addresses`, `regular_schedules`, `service_area`.
    One,
    /// As 1.x, but the terms are in `taxonomy_terms`, linked by `service_attributes`.
    Two,
    /// `attributes` (by `link_id`), `addresses` with `address_type`, `schedules`,
    /// `service_areas`; `taxonomy` lists vocabularies, not terms.
    Three,
}

/// The package's files, sorted into tables.
pub(super) struct Files<'a> {
    /// Table name → its files, as (name given, text), in name order.
    pub tables: BTreeMap<&'static str, Vec<(String, &'a str)>>,
    /// The base names of every file, lower case (`physical_addresses`), for [`Files::version`].
    names: Vec<String>,
}

impl<'a> Files<'a> {
    /// Sorts the files, noting files that are no HSDS table and files `datapackage.json`
    /// lists that are not there.
    pub fn sort(
        given: &'a BTreeMap<String, String>,
        notes: &mut Vec<ImportNote>,
        broken: &mut BrokenLinks,
    ) -> Files<'a> {
        let mut resources: Vec<(String, String)> = Vec::new();
        if let Some((name, text)) = given.iter().find(|(name, _)| base_name(name) == "datapackage.json") {
            match resources_of(text) {
                Ok(list) => resources = list,
                Err(why) => notes.push(ImportNote::new(
                    name.as_str(),
                    format!("{why}; the files were read by their names"),
                )),
            }
        }
        let mut files = Files { tables: BTreeMap::new(), names: Vec::new() };
        let mut unknown = Vec::new();
        for (name, text) in given {
            let base = base_name(name);
            if base == "datapackage.json" || !base.ends_with(".csv") {
                continue;
            }
            let stem = base.trim_end_matches(".csv").to_string();
            // datapackage.json may call the file by a resource name.
            let listed = resources.iter().find(|(_, path)| base_name(path) == base).map(|(r, _)| r.clone());
            match table_of(&stem).or_else(|| listed.as_deref().and_then(table_of)) {
                Some(table) => files.tables.entry(table).or_default().push((base.clone(), text.as_str())),
                None if is_not_for_families(&stem) => {}
                None => unknown.push(format!("\"{base}\"")),
            }
            files.names.push(stem);
        }
        if !unknown.is_empty() {
            notes.push(ImportNote::new(
                "data package",
                format!(
                    "files that are no HSDS table the importer reads, left unread: {}",
                    unknown.join(", ")
                ),
            ));
        }
        let present: Vec<String> = given.keys().map(|name| base_name(name)).collect();
        for (_, path) in &resources {
            let wanted = base_name(path);
            if !present.contains(&wanted) && !path.contains("://") {
                broken.add(
                    "datapackage.json",
                    "files listed that are not in the package",
                    "their tables were not read",
                    format!("\"{path}\""),
                );
            }
        }
        files
    }

    /// The version, from the tables present and one column: `taxonomy_id` (1.x) or
    /// `taxonomy_term_id` in the links between services and terms.
    pub fn version(&self, links_have_term_ids: bool) -> Version {
        let has = |name: &str| self.names.iter().any(|n| n == name);
        if has("attributes") || has("addresses") || has("schedules") || has("service_areas") {
            Version::Three
        } else if has("taxonomy_terms") || has("service_attributes") || links_have_term_ids {
            Version::Two
        } else {
            Version::One
        }
    }
}

/// `export/Services.CSV ` → `services.csv`.
pub(super) fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).trim().to_lowercase()
}

/// The importer's name for a table, from a file stem or resource name (`regular_schedule`).
fn table_of(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase().replace(['-', ' '], "_");
    TABLES.iter().find(|(_, names)| names.contains(&name.as_str())).map(|(table, _)| *table)
}

fn is_not_for_families(name: &str) -> bool {
    NOT_FOR_FAMILIES.contains(&name.trim().to_lowercase().as_str())
}

/// The (resource name, path) pairs of a `datapackage.json`, or why it cannot be read.
fn resources_of(text: &str) -> Result<Vec<(String, String)>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("datapackage.json is not valid JSON ({e})"))?;
    let Some(resources) = value.get("resources").and_then(Value::as_array) else {
        return Err("datapackage.json has no \"resources\" list".to_string());
    };
    Ok(resources
        .iter()
        .filter_map(|resource| {
            let name = resource.get("name").and_then(Value::as_str).unwrap_or_default();
            // `path` is one path or a list of them.
            let paths: Vec<&str> = match resource.get("path") {
                Some(Value::String(path)) => vec![path.as_str()],
                Some(Value::Array(paths)) => paths.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            (!paths.is_empty())
                .then(|| paths.into_iter().map(|p| (name.to_string(), p.to_string())).collect::<Vec<_>>())
        })
        .flatten()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_go_by_the_names_of_every_version() {
        let table = [
            ("services", Some("services")),
            ("Regular_Schedule", Some("schedules")),
            ("services_at_location", Some("service_at_location")),
            ("physical_address", Some("physical_addresses")),
            ("services_taxonomy", Some("service_attributes")),
            ("accessibility_for_disabilities", Some("accessibility")),
            ("funding", None),
            ("clients", None),
        ];
        for (name, expected) in table {
            assert_eq!(table_of(name), expected, "{name}");
        }
    }

    #[test]
    fn datapackage_resources_give_names_and_paths() {
        let text = r#"{ "resources": [
            { "name": "services", "path": "data/svc.csv" },
            { "name": "phones", "path": ["phones-1.csv", "phones-2.csv"] },
            { "name": "nothing" } ] }"#;
        let found = resources_of(text).unwrap();
        assert_eq!(found.len(), 3);
        assert_eq!(found[0], ("services".to_string(), "data/svc.csv".to_string()));
        assert!(resources_of("{}").is_err());
        assert!(resources_of("not json").is_err());
    }
}
