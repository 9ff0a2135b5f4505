//! The published JSON Schema must be the one generated from the Rust types.
//! After changing the format, regenerate it:
//!   UPDATE_SCHEMA=1 cargo test -p finder-core --test schema
//! (or `cargo run --bin catalogue -- schema -o public/catalogue.schema.json`).

use finder_core::format::{json_schema, CatalogueFile};

const PUBLISHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalogue.schema.json");

#[test]
fn the_published_schema_matches_the_types() {
    let generated = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(PUBLISHED, &generated).unwrap();
    }
    let published = std::fs::read_to_string(PUBLISHED).unwrap_or_default();
    assert!(
        published == generated,
        "public/catalogue.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p finder-core --test schema"
    );
}

#[test]
fn the_schema_describes_the_rules_editors_should_enforce() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let required = |path: &str| -> Vec<String> {
        let pointer = schema.pointer(path).unwrap_or_else(|| panic!("{path} in {schema:#}"));
        pointer["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
    };
    assert_eq!(required(""), ["version", "needs", "programs"]);
    assert_eq!(required("/$defs/ProgramEntry"), ["id", "name", "needs"]);
    assert_eq!(required("/$defs/NeedEntry"), ["id", "label"]);
    let max_age = &schema["$defs"]["ProgramEntry"]["properties"]["maximum_age"];
    assert_eq!(max_age["maximum"], 120.0, "{max_age}");
    // Editors offer "fallback" as true/false and say what it does when hovered.
    let fallback = &schema["$defs"]["ProgramEntry"]["properties"]["fallback"];
    assert_eq!(fallback["type"], "boolean", "{fallback}");
    let description = fallback["description"].as_str().unwrap_or_default();
    assert!(description.contains("match no program") && description.contains("2-1-1"), "{fallback}");
}

#[test]
fn the_sample_catalogue_follows_the_schema_types_and_points_at_it() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/sample-catalogue.json"))
            .unwrap();
    let file: CatalogueFile = serde_json::from_str(&text).expect("the sample reads as the format's types");
    assert_eq!(file.schema.as_deref(), Some("./catalogue.schema.json"));
    assert!(file.programs.len() >= 30);
}
