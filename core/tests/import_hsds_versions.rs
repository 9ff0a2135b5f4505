//! HSDS 1.x and 2.x beside 3.0, as staff get them from a 2-1-1: a fictional western
//! Massachusetts HSDS 1.1 CSV package (`tests/fixtures/hsds/ma-211-v1.1`), a Rhode Island
//! HSDS 2.0 JSON export (`hsds2-export.json`) and a three-page HSDS 3.0 API listing
//! (`api-pages/`). The assertions are what staff would notice: needs from the taxonomy,
//! addresses, hours, broken links said once, nothing dropped without a note.

use std::collections::BTreeMap;

use finder_core::format::ProgramEntry;
use finder_core::import::hsds::{import_json, import_json_files, import_tables, TaxonomyMapping};
use finder_core::import::Imported;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/hsds");

/// Every file of a fixture folder, by name, as the command-line tool reads a folder.
fn folder(name: &str) -> BTreeMap<String, String> {
    let path = format!("{FIXTURES}/{name}");
    std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

fn messages(imported: &Imported) -> Vec<String> {
    imported.notes.iter().map(ToString::to_string).collect()
}

/// The program named `name` in the source: names in capitals are written in title case.
fn program<'a>(imported: &'a Imported, name: &str) -> &'a ProgramEntry {
    let name = finder_core::import::clean_text::clean_name(name).0;
    imported.catalogue.programs.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no {name}"))
}

fn massachusetts() -> Imported {
    import_tables(&folder("ma-211-v1.1"), &TaxonomyMapping::standard()).expect("the HSDS 1.1 package imports")
}

#[test]
fn an_hsds_1_1_package_gets_needs_from_its_airs_codes() {
    let imported = massachusetts();
    let programs = &imported.catalogue.programs;
    assert_eq!(programs.len(), 39, "40 services, one inactive");
    let notes = messages(&imported);
    assert!(
        notes.iter().any(|n| n.ends_with("(services.csv row 40): left out: its status is \"inactive\"")),
        "{notes:#?}"
    );
    // Every service but one has AIRS codes; at least 80 % of those get a need from them.
    let with_terms = programs.iter().filter(|p| p.name != "Read Together Story Time").count();
    let with_needs = programs.iter().filter(|p| !p.needs.is_empty()).count();
    assert!(with_needs * 100 >= with_terms * 80, "{with_needs} of {with_terms}");
    assert!(!notes.iter().any(|n| n.contains("guessed")), "no guesses unless asked");
    let table = [
        ("PIONEER VALLEY FOOD PANTRY", &["food"][..]),
        ("BERKSHIRE EMERGENCY SHELTER", &["housing"]),
        ("FUEL ASSISTANCE PROGRAM", &["housing"]),
        ("PVTA PARATRANSIT", &["transportation"]),
        ("CHILDREN'S DENTAL CLINIC", &["health-care"]),
        ("PRENATAL CARE CLINIC", &["pregnancy", "health-care"]),
        ("OUTPATIENT COUNSELING CENTER", &["mental-health"]),
        ("OPIOID TREATMENT PROGRAM", &["recovery"]),
        ("FATHERHOOD PROGRAM", &["family-support"]),
        ("HEAD START PRESCHOOL", &["child-development"]),
        ("DOMESTIC VIOLENCE HOTLINE", &["safety"]),
        // YB-8000 "Older Adults" says who, not what: the meal is the need.
        ("SENIOR CENTER LUNCH", &["food"]),
        ("VETERANS OUTREACH", &[]),
        // A legal clinic is not health care because its name says "clinic".
        ("HAMPDEN COUNTY LEGAL CLINIC", &[]),
    ];
    for (name, needs) in table {
        assert_eq!(program(&imported, name).needs, needs, "{name}");
    }
}

#[test]
fn an_hsds_1_1_package_gives_addresses_hours_contacts_and_eligibility() {
    let imported = massachusetts();
    for program in &imported.catalogue.programs {
        // Every service but the one without an id (nothing can link to it) has a place.
        if program.name != "Read Together Story Time" {
            let address =
                program.address.as_deref().unwrap_or_else(|| panic!("{} has no address", program.name));
            assert!(address.ends_with(", MA 01040") || address.contains(", MA 0"), "{address}");
            assert!(program.phone.as_deref().is_some_and(|p| p.starts_with("413-555-01")), "{program:?}");
            assert!(program.hours.is_some(), "{} has no hours", program.name);
        }
    }
    let pantry = program(&imported, "PIONEER VALLEY FOOD PANTRY");
    assert_eq!(pantry.address.as_deref(), Some("11 Elm St, Holyoke, MA 01040"));
    assert_eq!(pantry.hours.as_deref(), Some("Mon–Fri 9am–5pm"));
    assert_eq!(pantry.eligibility.as_deref(), Some("Residents of Hampden County with low income"));
    assert_eq!(pantry.organization.as_deref(), Some("Fictional Agency 1 of Western Mass"));
    assert_eq!(pantry.languages, ["en"]);
    // Holidays tied to the service, weekly hours to its place: both are read.
    let van = program(&imported, "MOBILE HEALTH VAN");
    assert_eq!(van.hours.as_deref(), Some("Mon, Wed, Fri 8:30am–4pm"));
    assert!(van.schedule.is_some());
    // A phone through the service's contact (phones.contact_id), with its extension.
    let wic = program(&imported, "WIC NUTRITION PROGRAM - SPRINGFIELD");
    assert_eq!(wic.phone.as_deref(), Some("413-555-0103 ext. 12"));
    assert_eq!(wic.email.as_deref(), Some("intake3@agency.example.org"));
}

#[test]
fn broken_links_are_counted_once_each_and_never_stop_the_import() {
    let notes = messages(&massachusetts());
    let expected = [
        "datapackage.json: files listed that are not in the package: 1, \"funding.csv\"; their tables were not read",
        "services.csv: rows without an id: 1, row 39; nothing can link to them, so what other tables say about them is missing",
        "locations.csv: rows without an id: 1, row 6; nothing can link to them, so what other tables say about them is missing",
        "phones.csv: rows naming a service that is not in services.csv: 1, \"svc-999\" (row 41); they were not used",
        "services_taxonomy.csv: rows naming a taxonomy term that is not in the package's terms: 1, \"ZZ-9999\" (row 45); the needs they stand for could not be read",
        "services.csv: services naming an organization that is not in organizations.csv: 1, \"org-99\" (row 41); their organization's name is missing",
    ];
    for line in expected {
        assert_eq!(notes.iter().filter(|n| *n == line).count(), 1, "{line}\n{notes:#?}");
    }
    // Many broken rows of one kind still make one note, with three examples.
    let mut files = folder("ma-211-v1.1");
    let phones = files.get_mut("phones.csv").unwrap();
    for i in 0..50 {
        phones.push_str(&format!("x{i},,gone-{i},,,413-555-0100,,voice\n"));
    }
    let notes = messages(&import_tables(&files, &TaxonomyMapping::standard()).unwrap());
    let about_phones: Vec<&String> = notes.iter().filter(|n| n.starts_with("phones.csv")).collect();
    assert_eq!(about_phones.len(), 1, "{about_phones:#?}");
    assert!(
        about_phones[0].starts_with(
            "phones.csv: rows naming a service that is not in services.csv: 51, such as \"svc-999\" (row 41), \"gone-0\" (row 42), \"gone-1\" (row 43)"
        ),
        "{}",
        about_phones[0]
    );
}

#[test]
fn a_legal_clinic_never_becomes_health_care() {
    let clinic = |attributes: &str| {
        format!(r#"{{ "id": "c", "name": "Westside Legal Clinic", "attributes": [{attributes}] }}"#)
    };
    let guessing = TaxonomyMapping::standard().with_guesses_from_names(true);
    let with_term = clinic(r#"{ "taxonomy_term": { "code": "FT-3000", "name": "Legal Services" } }"#);
    let open_eligibility = clinic(r#"{ "taxonomy_term": { "name": "Legal" } }"#);
    for text in [&with_term, &open_eligibility] {
        let imported = import_json(text, &guessing).unwrap();
        assert!(
            imported.catalogue.programs[0].needs.is_empty(),
            "{text}: {:?}",
            imported.catalogue.programs[0].needs
        );
    }
    // Without any term, and only when asked, the name is all there is.
    let no_term = import_json(&clinic(""), &guessing).unwrap();
    assert_eq!(no_term.catalogue.programs[0].needs, ["health-care"]);
    let not_asked = import_json(&clinic(""), &TaxonomyMapping::standard()).unwrap();
    assert!(not_asked.catalogue.programs[0].needs.is_empty());

    // With --new-needs the term becomes a need of its own, labelled as the term.
    let new_needs = TaxonomyMapping::standard().with_new_needs(true);
    let imported = import_json(&with_term, &new_needs).unwrap();
    assert_eq!(imported.catalogue.programs[0].needs, ["legal-services"]);
    let added = imported.catalogue.needs.last().unwrap();
    assert_eq!((added.id.as_str(), added.label.as_str()), ("legal-services", "Legal Services"));
    assert!(messages(&imported).contains(
        &"needs: \"legal-services\" is a new need made from the taxonomy term \"Legal Services\": check its label and add a Spanish one"
            .to_string()
    ));
}

#[test]
fn open_eligibility_and_airs_terms_give_needs() {
    let mapping = TaxonomyMapping::standard();
    let table: [(Option<&str>, &str, &[&str]); 14] = [
        (Some("BD-1800.2000"), "Food Pantries", &["food"]),
        (Some("BV-8900"), "Utility Assistance", &["housing"]),
        (Some("LV-1600"), "Dental Care", &["health-care"]),
        (Some("RX-8450"), "Substance Use Disorder Treatment", &["recovery"]),
        (Some("RM-6500"), "Psychiatric Care", &["mental-health"]),
        (Some("FT-1800"), "Legal Counseling", &[]),
        (Some("YB-8000"), "Older Adults", &[]),
        (None, "Food", &["food"]),
        (None, "Emergency Shelter", &["housing"]),
        (None, "Transit", &["transportation"]),
        (None, "Health", &["health-care"]),
        (None, "Mental Health Care", &["mental-health", "health-care"]),
        (None, "Help Escape Violence", &["safety"]),
        (None, "Baby Supplies", &["family-support"]),
    ];
    for (code, name, expected) in table {
        assert_eq!(mapping.needs_for(code, name), expected, "{code:?} {name}");
    }
}

#[test]
fn an_hsds_2_json_export_reads_its_own_field_names() {
    let imported = import_json(&fixture("hsds2-export.json"), &TaxonomyMapping::standard()).unwrap();
    let needs: Vec<(&str, Vec<String>)> =
        imported.catalogue.programs.iter().map(|p| (p.name.as_str(), p.needs.clone())).collect();
    let expected: Vec<(&str, Vec<String>)> = [
        ("Coastal Food Pantry", vec!["food"]),
        ("Harbor Family Shelter", vec!["housing", "family-support"]),
        ("Bayside Teen Counseling", vec!["mental-health"]),
        ("Ocean State Legal Clinic", vec![]),
        ("Little Readers Club", vec!["early-literacy"]),
        ("Rides to Care", vec!["transportation"]),
    ]
    .into_iter()
    .map(|(name, needs)| (name, needs.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(needs, expected);
    let pantry = &imported.catalogue.programs[0];
    assert_eq!(
        pantry.address.as_deref(),
        Some("1 Fictional Way, Westerly, RI 02891"),
        "physical before postal"
    );
    assert_eq!(pantry.phone.as_deref(), Some("401-555-0101"), "the contact's phone");
    assert_eq!(pantry.email.as_deref(), Some("intake1@agency.example.org"));
    assert_eq!(pantry.eligibility.as_deref(), Some("Residents of Washington County"));
    assert_eq!(pantry.hours.as_deref(), Some("Mon, Wed 9am–5pm"));
    assert_eq!(pantry.languages, ["es"]);
    assert_eq!(pantry.website.as_deref(), Some("https://agency1.example.org"), "the organization's url");
}

fn pages(numbers: &[u32]) -> Vec<(String, String)> {
    numbers.iter().map(|n| (format!("page-{n}.json"), fixture(&format!("api-pages/page-{n}.json")))).collect()
}

#[test]
fn an_api_listing_imports_from_all_its_pages() {
    let mapping = TaxonomyMapping::standard();
    let imported = import_json_files(&pages(&[3, 1, 2]), &mapping).unwrap();
    let names: Vec<&str> = imported.catalogue.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Valley Diaper Bank",
            "Hilltop Prenatal Clinic",
            "Riverside Food Shelf",
            "Mill Town Bus Passes",
            "Maple Street Counseling",
            "Granite Recovery Center"
        ]
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    assert!(imported.catalogue.programs.iter().all(|p| !p.needs.is_empty()));

    let partial = import_json_files(&pages(&[1, 3, 3]), &mapping).unwrap();
    assert_eq!(partial.catalogue.programs.len(), 4);
    assert_eq!(
        messages(&partial),
        [
            "page-3.json: page 3 was given twice; its services were imported once",
            "API pages: pages 2 of 3 were not given: only the pages given were imported; import every page to get them all",
        ]
    );
    let broken = vec![("page-9.json".to_string(), "{ \"contents\": ".to_string())];
    let error = import_json_files(&broken, &mapping).unwrap_err().0;
    assert!(error.starts_with("page-9.json: this is not valid JSON"), "{error}");
}

#[test]
fn packages_of_every_version_read_their_own_tables() {
    let files = |list: &[(&str, &str)]| -> BTreeMap<String, String> {
        list.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
    };
    let mapping = TaxonomyMapping::standard();
    // HSDS 2: terms in taxonomy_terms.csv (`term`), linked by service_attributes.csv.
    let two = files(&[
        ("services.csv", "id,name\ns1,Pantry\n"),
        ("service_attributes.csv", "id,service_id,taxonomy_term_id\na1,s1,t1\n"),
        ("taxonomy_terms.csv", "id,term,taxonomy\nt1,Food Pantries,AIRS\n"),
    ]);
    assert_eq!(import_tables(&two, &mapping).unwrap().catalogue.programs[0].needs, ["food"]);
    // HSDS 3: taxonomy.csv lists vocabularies, never terms; attributes link by link_id.
    let three = files(&[
        ("services.csv", "id,name\ns1,Pantry\n"),
        ("attributes.csv", "id,link_id,link_type,taxonomy_term_id\na1,s1,service,t1\n"),
        ("taxonomy_terms.csv", "id,name,code\nt1,Crisis Lines,RP-1500\n"),
        ("taxonomy.csv", "id,name\nt1,Food\n"),
    ]);
    assert_eq!(import_tables(&three, &mapping).unwrap().catalogue.programs[0].needs, ["mental-health"]);
    // HSDS 1 without its taxonomy table: the AIRS code in the link is the term.
    let bare = files(&[
        ("services.csv", "id,name\ns1,Pantry\n"),
        ("service_taxonomy.csv", "id,service_id,taxonomy_id\nx,s1,BT-4500\n"),
    ]);
    assert_eq!(import_tables(&bare, &mapping).unwrap().catalogue.programs[0].needs, ["transportation"]);
    // Semicolons and tabs, as some exports write them.
    for separator in [";", "\t"] {
        let text = format!("id{separator}name\ns1{separator}Food Pantry\n");
        let imported = import_tables(&files(&[("services.csv", &text)]), &mapping).unwrap();
        assert_eq!(imported.catalogue.programs[0].name, "Food Pantry");
        assert!(imported.notes[0].message.starts_with("values are separated by"), "{:?}", imported.notes);
    }
}
