//! Messy text from real exports becomes text staff can publish, and ages stated only in
//! eligibility text become ages, in both importers: `tests/fixtures/hsds/messy-text` (an
//! export in the shape 2-1-1s send) and spreadsheets typed by staff.

use std::collections::BTreeMap;

use finder_core::format::{standard_needs, ProgramEntry};
use finder_core::import::hsds::{import_tables, TaxonomyMapping};
use finder_core::import::report::ImportSummary;
use finder_core::import::{csv, Imported};

const MESSY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/hsds/messy-text");

fn messy_export() -> Imported {
    let mut tables = BTreeMap::new();
    for name in ["services.csv", "organizations.csv", "service_areas.csv"] {
        tables.insert(name.to_string(), std::fs::read_to_string(format!("{MESSY}/{name}")).unwrap());
    }
    import_tables(&tables, &TaxonomyMapping::standard()).unwrap()
}

fn program<'a>(imported: &'a Imported, id: &str) -> &'a ProgramEntry {
    imported.catalogue.programs.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no program {id}"))
}

#[test]
fn names_and_texts_read_as_staff_would_publish_them() {
    let imported = messy_export();
    let table: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "201",
            "St. Mary's Food Pantry",
            Some("Community Renewal Team"),
            Some("We don’t ask for ID.\nBring a bag if you can."),
        ),
        (
            "202",
            "YMCA of Greater Springfield Youth Program",
            Some("YMCA of Greater Springfield"),
            Some("After-school & summer programs.\n\n• Homework help\n• Swim lessons"),
        ),
        (
            "203",
            "WIC Nutrition Program",
            Some("CT Dept. of Public Health"),
            Some("Healthy food and nutrition advice."),
        ),
        (
            "205",
            "Programa Niños Sanos",
            Some("YMCA of Greater Springfield"),
            Some("Visitas al hogar para familias con niños de 0 a 5 años."),
        ),
        (
            "206",
            "Legal Aid Clinic",
            Some("CT Dept. of Public Health"),
            Some("Serving 5 towns in Tolland County since 1998. Open 9-5, Mon-Fri."),
        ),
    ];
    for &(id, name, organization, description) in table {
        let program = program(&imported, id);
        assert_eq!(program.name, name, "{id}");
        assert_eq!(program.organization.as_deref(), organization, "{id}");
        assert_eq!(program.description.as_deref(), description, "{id}");
    }
    assert_eq!(program(&imported, "202").cost.as_deref(), Some("Sliding scale fees"));
    assert_eq!(program(&imported, "201").website.as_deref(), Some("https://www.stmarys-pantry.example.org"));
}

#[test]
fn ages_come_from_eligibility_text_with_a_note_quoting_it() {
    let imported = messy_export();
    let table: &[(&str, Option<f64>, Option<f64>)] = &[
        ("201", None, None),
        ("202", Some(5.0), Some(18.0)),
        ("203", None, Some(4.0)),
        // The field says 55: the text's "60+" never overrides it.
        ("204", Some(55.0), None),
        ("205", Some(0.0), Some(5.0)),
        // "Grades 6-12" is not an age.
        ("206", None, None),
        ("207", Some(3.0), Some(5.0)),
    ];
    for &(id, minimum, maximum) in table {
        let program = program(&imported, id);
        assert_eq!((program.minimum_age, program.maximum_age), (minimum, maximum), "{id}");
    }
    let age_notes: Vec<String> = imported
        .notes
        .iter()
        .filter(|n| n.kind() == "age-from-text")
        .map(|n| format!("{}: {}", n.place, n.message))
        .collect();
    assert_eq!(
        age_notes,
        [
            "service \"YMCA OF GREATER SPRINGFIELD YOUTH PROGRAM\" (services.csv row 3): minimum_age 5 and maximum_age 18 read from the eligibility text \"Children 5-18 years old\": check",
            "service \"WIC NUTRITION PROGRAM\" (services.csv row 4): maximum_age 4 read from the eligibility text \"children under 5\": check",
            "service \"Programa Niños Sanos\" (services.csv row 6): minimum_age 0 and maximum_age 5 read from the eligibility text \"Niños de 0 a 5 años\": check",
            "service \"CHILD CARE SUBSIDY\" (services.csv row 8): minimum_age 3 and maximum_age 5 read from the description text \"children ages 3-5\": check",
        ]
    );
}

#[test]
fn each_kind_of_repair_is_one_note_with_a_count() {
    let imported = messy_export();
    let tidied: Vec<(String, String)> = imported
        .notes
        .iter()
        .filter(|n| n.kind().starts_with("tidied-"))
        .map(|n| (n.kind().into_owned(), n.message.clone()))
        .collect();
    let kinds: Vec<&str> = tidied.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        ["tidied-capitals", "tidied-html", "tidied-characters", "tidied-line-breaks", "tidied-spaces"]
    );
    assert!(
        tidied[0].1.starts_with(
            "names in capitals written in title case, acronyms kept: 6 programs, e.g. \"ST. MARY'S FOOD PANTRY\" → \"St. Mary's Food Pantry\"; \"COMMUNITY RENEWAL TEAM\" → \"Community Renewal Team\"; \"YMCA OF GREATER SPRINGFIELD YOUTH PROGRAM\" → \"YMCA of Greater Springfield Youth Program\""
        ),
        "{}",
        tidied[0].1
    );
    assert!(tidied[2].1.contains("2 programs"), "{}", tidied[2].1);
    let summary = ImportSummary::of(&imported);
    assert_eq!(summary.programs, 7);
    assert_eq!(summary.with_age, 5);
    assert_eq!(summary.tidied.len(), 5);
}

#[test]
fn spreadsheets_get_the_same_repairs_but_keep_their_spacing() {
    let text = "id,name,needs,towns,description,website\n\
        a,ST. MARY'S FOOD PANTRY,food,Hartford,We donâ€™t ask for ID.,www.example.org\n\
        b,Meals  on Wheels,food,Hartford,\"<p>Hot meals &amp; a visit.</p><p>Call first.</p>\",https://example.org\n\
        c,YMCA,food,Hartford,Two  spaces stay,\n";
    let imported = csv::import(text, standard_needs()).unwrap();
    let programs = &imported.catalogue.programs;
    assert_eq!(programs[0].name, "St. Mary's Food Pantry");
    assert_eq!(programs[0].description.as_deref(), Some("We don’t ask for ID."));
    assert_eq!(programs[0].website.as_deref(), Some("https://www.example.org"));
    assert_eq!(programs[1].name, "Meals  on Wheels");
    assert_eq!(programs[1].description.as_deref(), Some("Hot meals & a visit.\n\nCall first."));
    assert_eq!(programs[2].name, "YMCA");
    assert_eq!(programs[2].description.as_deref(), Some("Two  spaces stay"));
    let messages: Vec<String> = imported.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        messages,
        [
            "row 2, column \"website\": \"www.example.org\" had no https://, which was added: check the link opens",
            "all programs: names in capitals written in title case, acronyms kept: 1 program, e.g. \"ST. MARY'S FOOD PANTRY\" → \"St. Mary's Food Pantry\"",
            "all programs: HTML turned into plain text (tags removed, &amp; and the like decoded): 1 program, e.g. \"<p>Hot meals &amp; a visit.</p><p>Call first.</p>\" → \"Hot meals & a visit.↵↵Call first.\"",
            "all programs: characters broken by a wrong code page repaired (â€™ or GÇÖ → ’): 1 program, e.g. \"We donâ€™t ask for ID.\" → \"We don’t ask for ID.\"",
        ]
    );
}
