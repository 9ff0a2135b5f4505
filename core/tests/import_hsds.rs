//! Open Referral HSDS 3.0 import: the official examples, Connecticut data in both forms, the
//! taxonomy mapping, and every error a file can give.

use std::collections::BTreeMap;

use finder_core::format::{standard_needs, ProgramEntry};
use finder_core::import::hsds::{import_json, import_tables, TaxonomyMapping};
use finder_core::import::{ImportError, Imported};

/// The official examples, kept in the repository (see SOURCE there for origin and licence).
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/hsds");

fn example(name: &str) -> String {
    let path = format!("{EXAMPLES}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The example CSV data package, as the command-line tool reads a folder.
fn example_tables() -> BTreeMap<String, String> {
    let folder = format!("{EXAMPLES}/csv");
    let mut tables = BTreeMap::new();
    for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{folder}: {e}")) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        tables.insert(name, std::fs::read_to_string(&path).unwrap());
    }
    assert!(tables.len() >= 12, "{tables:?}");
    tables
}

/// The standard mapping with guesses from names (`--guess-needs`): the official examples'
/// only term is a placeholder, so their need comes from the name.
fn guessing() -> TaxonomyMapping {
    TaxonomyMapping::standard().with_guesses_from_names(true)
}

fn json(text: &str) -> Imported {
    import_json(text, &guessing()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn tables(files: &[(&str, &str)]) -> Result<Imported, ImportError> {
    let files = files.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
    import_tables(&files, &guessing())
}

fn only_program(imported: &Imported) -> &ProgramEntry {
    assert_eq!(imported.catalogue.programs.len(), 1, "{:#?}", imported.catalogue.programs);
    &imported.catalogue.programs[0]
}

/// Notes as (place, message) for comparing with expectations.
fn notes(imported: &Imported) -> Vec<(String, String)> {
    imported.notes.iter().map(|n| (n.place.clone(), n.message.clone())).collect()
}

/// "Community Counselling", as every official example describes it.
fn community_counselling() -> ProgramEntry {
    ProgramEntry {
        id: "ac148810-d857-441c-9679-408f346de14b".into(),
        name: "Community Counselling".into(),
        organization: Some("Example Organization Inc.".into()),
        description: Some(
            "Counselling Services provided by trained professionals. Suitable for people with mental health \
             conditions such as anxiety, depression, or eating disorders as well as people experiencing \
             difficult life events and circumstances."
                .into(),
        ),
        // The example's only taxonomy term is a placeholder ("name"); the name gives the need.
        needs: vec!["mental-health".into()],
        towns: vec![],
        statewide: false,
        fallback: false,
        minimum_age: Some(12.0),
        maximum_age: Some(100.0),
        // The example wraps the number in quotes; they are dropped.
        phone: Some("+44 1234 234567 ext. 100".into()),
        website: Some("http://example.com/counselling".into()),
        email: Some("email@example.com".into()),
        address: Some("1-30 Main Street, MyVillage, MyCity, MyState ABC 1234".into()),
        // From byday TH,FR and 10:00:00–18:00:00 (the description's "weekdays" disagrees).
        hours: Some("Thu, Fri 10am–6pm".into()),
        schedule: None,
        eligibility: Some(
            "This service is intended for all people aged 12 and over who require counselling services in \
             the MyCity area"
                .into(),
        ),
        languages: vec!["ur".into()],
        cost: Some(
            "Non-NHS patients are expected to pay for their counselling sessions. We charge a flat rate per \
             hour of counselling. The current rate is £50 per hour."
                .into(),
        ),
        last_reviewed: Some("2005-01-01".into()),
        translations: BTreeMap::new(),
    }
}

#[test]
fn the_full_service_example_maps_every_field_families_see() {
    let imported = json(&example("service_full.json"));
    let program = only_program(&imported);
    assert!(program.description.as_deref().unwrap().starts_with("Counselling Services provided by"));
    assert_eq!(program, &community_counselling());
    let catalogue = &imported.catalogue;
    assert_eq!(catalogue.version, 1);
    assert_eq!(catalogue.title, None);
    assert_eq!(catalogue.needs, standard_needs(), "all twelve needs, even unused ones");
    // The result is a catalogue the finder reads (the program itself waits for a town).
    let loaded = finder_core::catalogue::load(&catalogue.to_json()).expect("a catalogue");
    assert_eq!(loaded.catalogue.needs.len(), 12);
}

#[test]
fn every_form_of_the_example_gives_the_same_program() {
    let expected = community_counselling();
    for name in ["service_full.json", "organization_full.json", "service_at_location_full.json"] {
        assert_eq!(only_program(&json(&example(name))), &expected, "{name}");
    }
    let csv = import_tables(&example_tables(), &guessing()).expect("the CSV package imports");
    assert_eq!(only_program(&csv), &expected, "csv/");
    // The API page lists services without phones, locations, schedules or languages.
    let listed = json(&example("service_list.json"));
    let without_links =
        ProgramEntry { phone: None, address: None, hours: None, languages: vec![], ..expected.clone() };
    assert_eq!(only_program(&listed), &without_links, "service_list.json");
}

#[test]
fn the_examples_notes_say_what_was_lost_and_what_to_do() {
    let place = "service \"Community Counselling\" (index 0)";
    let expected = [
        "only a postal address was given, and it is used as the address: check families can go there",
        "its hours are kept as text only: a schedule has count \"3\", which a catalogue schedule cannot say",
        "\"cost\" holds the first sentences of fees_description: check the full text in the source",
        "taxonomy term \"name\" (code \"code\") matches no need: add a keyword or its code to a mapping file if it matters",
        "no taxonomy term gave a need, so \"mental-health\" was guessed from the name: check it",
        "accessibility details have no field in the catalogue, such as \"The building is equipped with induction loops for hearing ai…\": add them to the description if families need them",
        "service area \"The service is available to all residents of the MyCity area…\" is not a Connecticut town, county or village; left out",
        "the location in \"MyCity, MyState\" is outside Connecticut, so it gives no town",
        "no Connecticut town or county found: add towns or \"statewide\": true before publishing",
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|m| (place.to_string(), m.to_string())).collect();
    assert_eq!(notes(&json(&example("service_full.json"))), expected);

    // The CSV package's only attribute links to no service, so there is no term to note;
    // and it has no accessibility table.
    let csv = import_tables(&example_tables(), &guessing()).unwrap();
    let csv_place = "service \"Community Counselling\" (services.csv row 2)";
    let csv_expected: Vec<(String, String)> = expected
        .iter()
        .filter(|(_, m)| !m.starts_with("taxonomy term") && !m.starts_with("accessibility"))
        .map(|(_, m)| (csv_place.to_string(), m.clone()))
        .collect();
    assert_eq!(notes(&csv), csv_expected);

    let page = json(&example("service_list.json"));
    assert_eq!(
        page.notes[0].to_string(),
        "API page: this is page 1 of 10: only its services were imported; import every page to get them all"
    );
}

/// A Connecticut service in HSDS JSON; the same data as [`CT_TABLES`].
const CT_SERVICE: &str = r#"{
  "id": "pantry-1", "name": "Mobile Food Pantry", "description": " Fresh food every week. ",
  "url": "www.pantry.example.org", "minimum_age": "three", "maximum_age": 120,
  "eligibility_description": "Any family", "fees_description": "Free of charge.",
  "assured_date": "2026-02-03T09:00:00Z",
  "organization": { "name": "Eastern CT Food Bank", "website": "https://food.example.org",
                    "email": "help@food.example.org",
                    "phones": [{ "number": "860-555-0199" }] },
  "languages": [{ "name": "English" }, { "code": "es" }, { "name": "Klingon" }],
  "schedules": [
    { "byday": "MO", "opens_at": "09:00", "closes_at": "17:00" },
    { "byday": "TU,WE,TH,FR", "opens_at": "09:00:00", "closes_at": "17:00:00" },
    { "byday": "SA", "opens_at": "10:00", "closes_at": "12:30" }
  ],
  "service_areas": [ { "name": "Windham County" }, { "name": "Willimantic; Springfield, MA" } ],
  "attributes": [
    { "taxonomy_term": { "code": "BD-1800.2000", "name": "Food Pantries" } },
    { "taxonomy_term": { "name": "Parenting Education" } },
    { "taxonomy_term": { "code": "XX-1", "name": "Walk-in" } }
  ],
  "service_at_locations": [ { "location": {
    "location_type": "physical",
    "phones": [{ "number": "860-555-0100", "extension": 12 }],
    "addresses": [
      { "address_type": "postal", "address_1": "PO Box 9", "city": "Hartford", "state_province": "CT", "postal_code": "06101" },
      { "address_type": "physical", "address_1": "12 Main St", "city": "New Haven", "state_province": "CT", "postal_code": "06510", "country": "US" }
    ] } } ]
}"#;

/// [`CT_SERVICE`] as a CSV data package.
const CT_TABLES: [(&str, &str); 12] = [
    (
        "services.csv",
        "id,organization_id,name,description,url,minimum_age,maximum_age,eligibility_description,fees_description,assured_date\n\
         pantry-1,org-1,Mobile Food Pantry, Fresh food every week. ,www.pantry.example.org,three,120,Any family,Free of charge.,2026-02-03T09:00:00Z\n",
    ),
    (
        "organizations.csv",
        "id,name,website,email\norg-1,Eastern CT Food Bank,https://food.example.org,help@food.example.org\n",
    ),
    (
        "phones.csv",
        "id,organization_id,service_id,location_id,service_at_location_id,number,extension\n\
         p1,org-1,,,,860-555-0199,\n\
         p2,,,loc-1,,860-555-0100,12\n\
         p3,,other-service,loc-1,,860-555-0111,\n",
    ),
    ("languages.csv", "id,service_id,name,code\nl1,pantry-1,English,\nl2,pantry-1,,es\nl3,pantry-1,Klingon,\n"),
    (
        "schedules.csv",
        "id,service_id,byday,opens_at,closes_at\ns1,pantry-1,MO,09:00,17:00\n\
         s2,pantry-1,\"TU,WE,TH,FR\",09:00:00,17:00:00\ns3,pantry-1,SA,10:00,12:30\n",
    ),
    (
        "service_areas.csv",
        "id,service_id,name\na1,pantry-1,Windham County\na2,pantry-1,\"Willimantic; Springfield, MA\"\n",
    ),
    (
        "attributes.csv",
        "id,link_id,taxonomy_term_id,link_type\nat1,pantry-1,t1,service\nat2,pantry-1,t2,service\nat3,pantry-1,t3,service\n",
    ),
    (
        "taxonomy_terms.csv",
        "id,code,name\nt1,BD-1800.2000,Food Pantries\nt2,,Parenting Education\nt3,XX-1,Walk-in\n",
    ),
    ("service_at_location.csv", "id,service_id,location_id\nsal-1,pantry-1,loc-1\n"),
    ("locations.csv", "id,location_type,name\nloc-1,physical,Pantry\n"),
    (
        "addresses.csv",
        "id,location_id,address_type,address_1,city,state_province,postal_code,country\n\
         ad1,loc-1,postal,PO Box 9,Hartford,CT,06101,\n\
         ad2,loc-1,physical,12 Main St,New Haven,CT,06510,US\n",
    ),
    ("cost_options.csv", "id,service_id,amount,currency\nc1,pantry-1,5,usd\n"),
];

fn ct_program() -> ProgramEntry {
    ProgramEntry {
        id: "pantry-1".into(),
        name: "Mobile Food Pantry".into(),
        organization: Some("Eastern CT Food Bank".into()),
        description: Some("Fresh food every week.".into()),
        needs: vec!["food".into(), "family-support".into()],
        towns: vec!["Windham County".into(), "Willimantic".into(), "New Haven".into()],
        statewide: false,
        fallback: false,
        minimum_age: None,
        maximum_age: Some(120.0),
        phone: Some("860-555-0100 ext. 12".into()),
        website: Some("https://www.pantry.example.org".into()),
        email: Some("help@food.example.org".into()),
        address: Some("12 Main St, New Haven, CT 06510".into()),
        hours: Some("Mon–Fri 9am–5pm; Sat 10am–12:30pm".into()),
        schedule: Some(
            finder_core::hours::text::parse("Mon-Fri 09:00-17:00; Sat 10:00-12:30").unwrap().to_entry(),
        ),
        eligibility: Some("Any family".into()),
        languages: vec!["en".into(), "es".into()],
        cost: Some("free".into()),
        last_reviewed: Some("2026-02-03".into()),
        translations: BTreeMap::new(),
    }
}

#[test]
fn connecticut_data_maps_to_towns_needs_and_contacts_in_both_forms() {
    let from_json = json(CT_SERVICE);
    assert_eq!(only_program(&from_json), &ct_program());
    let from_tables = tables(&CT_TABLES).expect("imports");
    assert_eq!(only_program(&from_tables), &ct_program());

    let messages = |imported: &Imported| imported.notes.iter().map(|n| n.message.clone()).collect::<Vec<_>>();
    let expected = [
        "minimum_age \"three\" is not a number of years; left out",
        "url \"www.pantry.example.org\" had no https://, which was added: check the link opens",
        "language \"Klingon\" has no code the importer knows: add its code (such as \"es\") to \"languages\"",
        "taxonomy term \"Walk-in\" (code \"XX-1\") matches no need: add a keyword or its code to a mapping file if it matters",
        "service area \"Springfield, MA\" is not a Connecticut town, county or village; left out",
    ];
    assert_eq!(messages(&from_json), expected);
    // The package also has a phone of a service it does not list: counted once, by table.
    assert_eq!(
        from_tables.notes[0].to_string(),
        "phones.csv: rows naming a service that is not in services.csv: 1, \"other-service\" (row 4); they were not used"
    );
    assert_eq!(messages(&from_tables)[1..], expected);
    assert_eq!(from_json.notes[0].place, "service \"Mobile Food Pantry\" (index 0)");
    assert_eq!(from_tables.notes[1].place, "service \"Mobile Food Pantry\" (services.csv row 2)");
    // It checks clean apart from what the notes already say.
    let loaded = finder_core::catalogue::load(&from_json.catalogue.to_json()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
}

#[test]
fn statewide_areas_and_missing_places() {
    let statewide =
        json(r#"{ "id": "a", "name": "Crisis line", "service_areas": [{ "name": "Connecticut" }] }"#);
    let program = only_program(&statewide);
    assert!(program.statewide);
    assert!(program.towns.is_empty());
    assert_eq!(program.needs, ["mental-health"]);
    assert!(
        !statewide.notes.iter().any(|n| n.message.contains("before publishing")),
        "{:?}",
        statewide.notes
    );

    let nowhere = json(r#"{ "id": "b", "name": "Widget club" }"#);
    let messages: Vec<&str> = nowhere.notes.iter().map(|n| n.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "no need found: add one or more of food, housing, early-literacy, safety, mental-health, family-support, child-development, pregnancy, recovery, transportation, health-care, older-adults before publishing",
            "no Connecticut town or county found: add towns or \"statewide\": true before publishing",
        ]
    );
}

#[test]
fn programs_keep_source_order_with_unique_ids() {
    let imported = json(
        r#"[ { "id": "x", "name": "First", "service_areas": [{ "name": "Hartford" }] },
             { "id": "x", "name": "Second", "service_areas": [{ "name": "Hartford" }] },
             { "name": "Third Pantry", "service_areas": [{ "name": "Hartford" }] },
             { "id": "gone", "name": "Closed", "status": "defunct" },
             42 ]"#,
    );
    let ids: Vec<&str> = imported.catalogue.programs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["x", "x-2", "third-pantry"]);
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    assert!(notes.contains(&"item 4: a number, not an HSDS service; skipped".to_string()), "{notes:#?}");
    for expected in [
        "service \"Second\" (index 1): id \"x\" is already used by an earlier service; this one is \"x-2\"",
        "service \"Third Pantry\" (index 2): it has no id; it was given \"third-pantry\"",
        "service \"Closed\" (index 3): left out: its status is \"defunct\"",
    ] {
        assert!(notes.contains(&expected.to_string()), "{expected}\n{notes:#?}");
    }
}

#[test]
fn schedules_read_as_hours() {
    let table = [
        (
            r#"[{ "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00" }]"#,
            Some("Mon–Fri 9am–5pm"),
        ),
        (
            r#"[{ "byday": "SA,SU", "opens_at": "08:30", "closes_at": "12:00" }]"#,
            Some("Sat, Sun 8:30am–12pm"),
        ),
        (
            r#"[{ "freq": "MONTHLY", "byday": "1TU", "opens_at": "18:00", "closes_at": "19:00" }]"#,
            Some("1st Tue 6pm–7pm"),
        ),
        (r#"[{ "freq": "WEEKLY", "description": "By appointment" }]"#, Some("By appointment")),
        (r#"[{ "freq": "MONTHLY", "bymonthday": "1,15" }]"#, Some("Monthly on the 1st, 15th")),
        (r#"[{ "description": "By appointment" }]"#, Some("By appointment")),
        (r#"[{ "valid_from": "2024-01-01" }]"#, None),
    ];
    for (schedules, expected) in table {
        let imported = json(&format!(r#"{{ "id": "s", "name": "Pantry", "schedules": {schedules} }}"#));
        assert_eq!(only_program(&imported).hours.as_deref(), expected, "{schedules}");
    }
}

#[test]
fn the_standard_mapping_matches_codes_and_whole_words() {
    let mapping = TaxonomyMapping::standard();
    let table: [(Option<&str>, &str, &[&str]); 14] = [
        (Some("BD-1800.2000"), "Food Pantries", &["food"]),
        (Some("bd-1800"), "", &["food"]),
        (Some("RP-1400"), "Evaluation", &["mental-health"]),
        (None, "Counselling", &["mental-health"]),
        (None, "Mental Health Counseling", &["mental-health"]),
        (None, "Prenatal Care", &["pregnancy"]),
        (None, "Substance Use Disorder Treatment", &["recovery"]),
        (None, "Early Intervention for Children with Disabilities", &["child-development"]),
        (None, "Family Literacy Programs", &["early-literacy", "family-support"]),
        (None, "Senior Ride Programs", &["transportation", "older-adults"]),
        (None, "Domestic Violence Shelters", &["housing", "safety"]),
        (None, "Caregiver Respite", &["older-adults"]),
        (None, "Mealsite", &[]),
        (Some("code"), "name", &[]),
    ];
    for (code, term, expected) in table {
        assert_eq!(mapping.needs_for(code, term), expected, "{code:?} {term:?}");
    }
}

#[test]
fn a_staff_mapping_replaces_the_standard_one() {
    let mapping =
        TaxonomyMapping::from_json(r#"{ "legal-aid": ["legal", "FT"], "food": ["Pantry"] }"#).unwrap();
    assert_eq!(mapping.needs_for(None, "Legal Services"), ["legal-aid"]);
    assert_eq!(mapping.needs_for(Some("FT-3000"), "Advocacy"), ["legal-aid"]);
    assert_eq!(mapping.needs_for(None, "FOOD PANTRY"), ["food"]);
    assert!(mapping.needs_for(None, "Meals").is_empty(), "only the staff's keywords count");

    let service = r#"{ "id": "l", "name": "Tenant Help", "service_areas": [{ "name": "Hartford" }],
                       "attributes": [{ "taxonomy_term": { "name": "Legal Aid" } }] }"#;
    let imported = import_json(service, &mapping).unwrap();
    assert_eq!(only_program(&imported).needs, ["legal-aid"]);
    let added = imported.catalogue.needs.last().unwrap();
    assert_eq!((added.id.as_str(), added.label.as_str()), ("legal-aid", "Legal aid"));
    assert_eq!(imported.catalogue.needs.len(), 13);
    assert_eq!(
        imported.notes[0].to_string(),
        "needs: \"legal-aid\" is not one of the standard needs; it was added with the label \"Legal aid\": check the label and add a Spanish one"
    );
}

#[test]
fn mapping_files_with_mistakes_say_what_is_wrong() {
    let table = [
        ("{ food: [] }", "the mapping file is not valid JSON: key must be a string at line 1 column 3"),
        ("[\"food\"]", "the mapping file should be a JSON object from need ids to lists of keywords, such as {\"food\": [\"food\", \"meals\", \"BD-1800\"]}, not a list"),
        ("{}", "the mapping file maps no needs: add at least one, such as {\"food\": [\"food\", \"meals\", \"BD-1800\"]}"),
        (r#"{ "Food Help": ["food"] }"#, "\"Food Help\" is not a need id: use lower case letters, digits and dashes, such as \"food\" or \"mental-health\""),
        (r#"{ "food": "meals" }"#, "\"food\" should be a list of keywords and codes, such as [\"food\", \"meals\"], not text"),
        (r#"{ "food": ["meals", 3] }"#, "\"food\" lists 3, which is not text: write each keyword or code in quotes"),
        (r#"{ "food": ["meals", " - "] }"#, "\"food\" lists an empty keyword (\" - \"): remove it"),
        (r#"{ "food": ["meals"], "food": ["pantry"] }"#, "\"food\" appears twice in the mapping file: merge its two lists"),
    ];
    for (text, expected) in table {
        assert_eq!(TaxonomyMapping::from_json(text), Err(ImportError(expected.to_string())), "{text}");
    }
}

#[test]
fn json_that_is_not_hsds_says_why() {
    let shapes = "HSDS import takes a service, a list of services, or an API page {\"contents\": [...]}";
    let table = [
        (
            "{ \"name\": ",
            format!("this is not valid JSON (EOF while parsing a value at line 1 column 10); {shapes}"),
        ),
        ("\"text\"", format!("this JSON is text, not HSDS data; {shapes}")),
        (
            "{ \"title\": \"x\" }",
            format!("this JSON object is not an HSDS service (it has no \"id\" or \"name\"); {shapes}"),
        ),
        ("[]", "the list is empty: there are no services to import".to_string()),
        (
            "{ \"contents\": [] }",
            "the page's \"contents\" is empty: there are no services to import".to_string(),
        ),
        ("{ \"contents\": {} }", "\"contents\" should be a list of services".to_string()),
        (
            "[1, true]",
            format!("no HSDS services found (an organization needs a \"services\" list); {shapes}"),
        ),
        (
            "{ \"name\": \"Org\", \"services\": [] }",
            format!("no HSDS services found (an organization needs a \"services\" list); {shapes}"),
        ),
        (
            "{ \"version\": 1, \"needs\": [], \"programs\": [] }",
            "this is a Program Finder catalogue already, not HSDS data: it needs no import".to_string(),
        ),
    ];
    for (text, expected) in table {
        let result = import_json(text, &TaxonomyMapping::standard());
        assert_eq!(result, Err(ImportError(expected)), "{text}");
    }
}

#[test]
fn csv_packages_without_services_say_why() {
    let table: [(&[(&str, &str)], &str); 3] = [
        (
            &[("organizations.csv", "id,name\no1,Org\n")],
            "services.csv is missing: a CSV data package needs at least services.csv",
        ),
        (&[("services.csv", "id,name\n")], "services.csv lists no services: it has only its header line"),
        (
            &[("services.csv", "title,about\nPantry,Food\n")],
            "services.csv has neither an \"id\" nor a \"name\" column: its first line should name the columns (id, name, description, ...)",
        ),
    ];
    for (files, expected) in table {
        assert_eq!(tables(files), Err(ImportError(expected.to_string())), "{files:?}");
    }
}

#[test]
fn csv_packages_are_read_forgivingly() {
    // A byte-order mark, a folder in the name, upper case, column names with spaces and
    // capitals, and a table from HSDS 2.
    let imported = tables(&[
        ("export/SERVICES.CSV", "\u{feff} ID ,Name, Organization_ID\ns1,Diaper Bank,missing-org\n"),
        ("export/services_at_location.csv", "id,service_id,location_id\nsl1,s1,l1\n"),
        (
            "export/physical_addresses.csv",
            "id,location_id,address_1,city,state_province\na1,l1,1 Main St,Hartford,CT\n",
        ),
    ])
    .expect("imports");
    assert_eq!(only_program(&imported).needs, ["family-support"]);
    assert_eq!(only_program(&imported).organization, None);
    assert_eq!(only_program(&imported).address.as_deref(), Some("1 Main St, Hartford, CT"));
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes[..2],
        [
            "services.csv: services naming an organization that is not in organizations.csv: 1, \"missing-org\" (row 2); their organization's name is missing",
            "service \"Diaper Bank\" (services.csv row 2): no taxonomy term gave a need, so \"family-support\" was guessed from the name: check it",
        ]
    );
}

#[test]
fn odd_values_never_stop_an_import() {
    let odd = r#"[
      { "id": 7, "name": "Numbers", "phones": "none", "schedules": [null, 3, { "byday": "", "opens_at": "25:99" }],
        "minimum_age": -1, "maximum_age": "1e999", "service_areas": [{}, { "extent": "{}", "extent_type": "geojson" }],
        "languages": [{}], "cost_options": [{ "amount": "lots" }], "attributes": [{ "taxonomy_term_id": "t9" }],
        "service_at_locations": [{ "location_id": "nowhere" }, { "location": { "addresses": [{ "city": "Hartford" }] } }],
        "organization": "not an object", "url": "mailto:x@example.org", "assured_date": "yesterday" },
      { "id": "", "name": "   ", "alternate_name": "Alias" }
    ]"#;
    let imported = json(odd);
    let programs = &imported.catalogue.programs;
    assert_eq!(programs.len(), 2);
    assert_eq!(programs[0].id, "7");
    assert_eq!(programs[0].hours.as_deref(), Some("from 25:99"), "a time that is not one is kept as written");
    assert_eq!(programs[0].cost.as_deref(), Some("lots"));
    assert_eq!(programs[0].address, None, "a city alone is no address to go to…");
    assert_eq!(programs[0].towns, ["Hartford"], "…but it is a town");
    assert_eq!(programs[1].name, "Alias");
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    for expected in [
        "minimum_age \"-1\" is not an age in years (0 to 120); left out",
        "maximum_age \"1e999\" is not an age in years (0 to 120); left out",
        "url \"mailto:x@example.org\" is not a web address (http:// or https://); left out",
        "an attribute links taxonomy term \"t9\", which is not included, so its need could not be read",
        "a service area given only as a geojson shape could not be read: add its towns",
        "it has no name, so its alternate_name is used",
    ] {
        assert!(notes.iter().any(|n| n.ends_with(expected)), "{expected}\n{notes:#?}");
    }
}

/// The schedule of an imported program as one line (`text::write` of the weekly hours, then
/// the exceptions), or `-` for none.
fn schedule_text(program: &ProgramEntry) -> String {
    use finder_core::hours::text::{write, write_exceptions};
    match &program.schedule {
        None => "-".into(),
        Some(s) if s.exceptions.is_empty() => write(s),
        Some(s) => format!("{} | {}", write(s), write_exceptions(&s.exceptions)),
    }
}

/// HSDS 3.0 `schedules` become a catalogue schedule when they repeat weekly or daily on
/// plain weekdays; anything else stays text, with a note saying why.
#[rustfmt::skip]
#[test]
fn hsds3_schedules_become_a_schedule_or_stay_text_with_a_note() {
    let table: &[(&str, &str, &str)] = &[
        (r#"{ "byday": "MO,WE", "opens_at": "09:00", "closes_at": "17:00" }, { "byday": "WE", "opens_at": "18:00:00", "closes_at": "20:00:00" }"#,
            "Mon 09:00-17:00; Wed 09:00-17:00, 18:00-20:00", ""),
        (r#"{ "freq": "WEEKLY", "interval": 1, "byday": "SA", "opens_at": "22:00", "closes_at": "02:00" }"#, "Sat 22:00-02:00", ""),
        (r#"{ "freq": "DAILY", "opens_at": "08:00", "closes_at": "20:00" }"#, "Mon-Sun 08:00-20:00", ""),
        (r#"{ "freq": "DAILY", "opens_at": "00:00", "closes_at": "23:59" }"#, "24 hours", ""),
        (r#"{ "description": "By appointment" }"#, "By appointment", ""),
        (r#"{ "byday": "TU", "opens_at": "10:00", "closes_at": "14:00", "valid_to": "2027-06-30" }"#, "Tue 10:00-14:00",
            "its hours hold only until 2027-06-30: check they still do"),
        (r#"{ "freq": "MONTHLY", "byday": "1MO", "opens_at": "18:00", "closes_at": "19:30" }"#, "-",
            "its hours are kept as text only: a schedule repeats monthly, which a catalogue schedule cannot say"),
        (r#"{ "freq": "WEEKLY", "interval": 2, "byday": "WE", "opens_at": "16:00", "closes_at": "18:00" }"#, "-",
            "a schedule repeats at an interval of 2, which a catalogue schedule cannot say"),
        (r#"{ "byday": "1MO,-1FR", "opens_at": "18:00", "closes_at": "19:30" }"#, "-",
            "a schedule's days \"1MO,-1FR\" are not plain weekdays"),
        (r#"{ "byday": "TH", "opens_at": "10:00", "closes_at": "18:00", "bymonthday": "2,3,4" }"#, "-",
            "a schedule has bymonthday \"2,3,4\""),
        (r#"{ "description": "Call for hours" }"#, "-", "a schedule gives no days or times, only \"Call for hours\""),
        (r#"{ "byday": "MO", "opens_at": "09:00" }"#, "-", "a schedule has no opening or no closing time"),
        (r#"{ "opens_at": "09:00", "closes_at": "17:00" }"#, "-", "a schedule does not say on which days"),
    ];
    for (schedules, expected, note) in table {
        let imported = json(&format!(r#"{{ "id": "s", "name": "Food pantry", "statewide": true, "schedules": [{schedules}] }}"#));
        let program = only_program(&imported);
        assert_eq!(schedule_text(program), *expected, "{schedules}");
        assert!(program.hours.is_some(), "the free text stays: {schedules}");
        let hour_notes: Vec<&str> = imported.notes.iter().map(|n| n.message.as_str()).filter(|m| m.contains("hours")).collect();
        match note.is_empty() {
            true => assert!(hour_notes.is_empty(), "{schedules}: {hour_notes:?}"),
            false => assert!(hour_notes.iter().any(|m| m.contains(note)), "{schedules}: {hour_notes:?} should say {note:?}"),
        }
    }
}

/// An HSDS 1.x export in the shapes real ones have (`tests/fixtures/hsds/v1-export`):
/// `regular_schedules` with weekdays as names, abbreviations and numbers and times such as
/// `9:00am`, `09:00` and `9:00 AM`; `original_text`; `holiday_schedules` with U.S. dates.
#[rustfmt::skip]
#[test]
fn hsds1_regular_and_holiday_schedules_become_schedules() {
    let folder = format!("{EXAMPLES}/v1-export");
    let files: BTreeMap<String, String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    let imported = import_tables(&files, &TaxonomyMapping::standard()).expect("imports");
    let table = [
        ("101", "Mon-Thu 09:00-17:00; Fri 09:00-12:00, 13:00-17:00 | 2026-12-25 closed; 2026-12-24 09:00-12:00; 2026-11-26 to 2026-11-27 closed",
            Some("Mon–Thu 9am–5pm; Fri 9am–12pm, 1pm–5pm")),
        ("102", "Fri-Sat 22:00-02:00", Some("Fri, Sat 10pm–2am")),
        ("103", "24 hours", Some("24/7")),
        ("104", "Thu 18:00-19:30", Some("Thursdays 6-7:30pm, call first")),
        ("105", "-", Some("Tue from call for times")),
        ("106", " | 2026-12-12 10:00-14:00", None),
        ("107", "-", Some("Sat 9am–1am")),
    ];
    for (id, schedule, hours) in table {
        let program = imported.catalogue.programs.iter().find(|p| p.id == id).unwrap();
        assert_eq!((schedule_text(program).as_str(), program.hours.as_deref()), (schedule, hours), "{id}");
    }
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).filter(|n| !n.contains("need") && !n.contains("town")).collect();
    assert_eq!(notes, [
        "service \"Eastside Food Pantry\" (services.csv row 2): a holiday schedule was left out: its start_date \"Christmas\" is not a date",
        "service \"Night Owl Shelter Intake\" (services.csv row 3): weekdays given as numbers were read as 1 for Monday to 7 (or 0) for Sunday: check the days",
        "service \"Legal Clinic for Tenants\" (services.csv row 6): its hours are kept as text only: \"call for times\" is not a time of day",
        "service \"Saturday Walk-in Clinic\" (services.csv row 8): its hours are kept as text only: \"9:00\" to \"1:00\" closes before it opens",
    ]);
    // The schedules load as the finder reads them.
    let mut catalogue = imported.catalogue.clone();
    catalogue.programs.iter_mut().for_each(|p| p.statewide = true);
    catalogue.programs.iter_mut().for_each(|p| p.needs = vec!["food".into()]);
    let loaded = finder_core::catalogue::load(&catalogue.to_json()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let with_schedule = loaded.catalogue.programs.iter().filter(|p| p.schedule.is_some()).count();
    assert_eq!(with_schedule, 5);
}

/// HSDS 1.x JSON (as the Ohana API served it): `regular_schedules` and `holiday_schedules`
/// on services and on their locations.
#[test]
fn hsds1_json_schedules_on_services_and_locations() {
    let text = r#"[
      { "id": "s1", "name": "Mobile Pantry", "statewide": true,
        "regular_schedules": [{ "weekday": "Tuesday", "opens_at": "10:00am", "closes_at": "1:00pm" },
                              { "weekday": 5, "opens_at": "10:00", "closes_at": "13:00" }],
        "holiday_schedules": [{ "closed": true, "start_date": "2026-12-25", "end_date": "2026-12-25" }] },
      { "id": "s2", "name": "Drop-in Pantry",
        "service_at_locations": [{ "location": {
          "regular_schedules": [{ "weekday": "Sat", "opens_at": "09:00", "closes_at": "12:00" }],
          "holiday_schedules": [{ "closed": false, "start_date": "2026-12-26", "opens_at": "10:00", "closes_at": "11:00" }] } }] }
    ]"#;
    let imported = json(text);
    let found: Vec<String> = imported.catalogue.programs.iter().map(schedule_text).collect();
    assert_eq!(
        found,
        ["Tue, Fri 10:00-13:00 | 2026-12-25 closed", "Sat 09:00-12:00 | 2026-12-26 10:00-11:00"]
    );
    assert_eq!(imported.catalogue.programs[0].hours.as_deref(), Some("Tue, Fri 10am–1pm"));
}
