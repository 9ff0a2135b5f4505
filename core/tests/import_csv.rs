//! Spreadsheet import and export: forgiving headers, every note, round trips.

use finder_core::catalogue::load;
use finder_core::format::{standard_needs, CatalogueFile, ProgramEntry, ProgramTranslation};
use finder_core::import::csv::{export, import, COLUMNS};

fn programs(text: &str) -> Vec<ProgramEntry> {
    import(text, standard_needs()).expect("imports").catalogue.programs
}

fn notes(text: &str) -> Vec<String> {
    import(text, standard_needs()).expect("imports").notes.iter().map(|n| n.to_string()).collect()
}

/// One row: a spreadsheet, and the one note expected (place and words).
fn check_note(text: &str, expected: &str) {
    let found = notes(text);
    assert_eq!(found.len(), 1, "{text}\n{found:#?}");
    assert!(found[0].contains(expected), "{:?} should contain {expected:?}", found[0]);
}

/// One row: a spreadsheet that cannot be imported, and words of the error.
fn check_error(text: &str, expected: &str) {
    let error = import(text, standard_needs()).expect_err(text).to_string();
    assert!(error.contains(expected), "{error:?} should contain {expected:?}");
}

#[test]
fn headers_are_matched_forgivingly() {
    let p = programs("\u{feff} ID ,Name,NEEDS,Towns,Minimum Age,maximum-age\nx,X,food,Hartford,3,5\n");
    assert_eq!((p[0].id.as_str(), p[0].minimum_age, p[0].maximum_age), ("x", Some(3.0), Some(5.0)));
}

#[test]
fn cells_become_fields() {
    let p = &programs(
        "id,name,needs,towns,statewide,languages,name_es,description_pt\n\
         x, X ,food; housing ;,Hartford;Windham County, , en ;es,Equis,Descrição\n",
    )[0];
    assert_eq!(p.name, "X");
    assert_eq!(p.needs, ["food", "housing"]);
    assert_eq!(p.towns, ["Hartford", "Windham County"]);
    assert_eq!(p.languages, ["en", "es"]);
    assert!(!p.statewide);
    assert_eq!(p.translations["es"].name.as_deref(), Some("Equis"));
    assert_eq!(p.translations["pt"].description.as_deref(), Some("Descrição"));
}

#[test]
fn statewide_accepts_the_usual_ways_of_saying_yes() {
    let statewide =
        |cell: &str| programs(&format!("id,name,needs,statewide\nx,X,food,{cell}\n"))[0].statewide;
    for yes in ["yes", "Y", "TRUE", "1", "x"] {
        assert!(statewide(yes), "{yes}");
    }
    for no in ["", "no", "N", "false", "0"] {
        assert!(!statewide(no), "{no}");
    }
}

#[test]
fn each_note_names_the_row_and_column() {
    check_note(
        "id,name,needs,towns,minimum_age\nx,X,food,Hartford,three\n",
        "row 2, column \"minimum_age\": \"three\" is not a number",
    );
    check_note(
        "id,name,needs,statewide\nx,X,food,maybe\n",
        "row 2, column \"statewide\": \"maybe\" is not yes or no",
    );
    check_note("id,name,needs,towns\n,X,food,Hartford\n", "row 2: no id — row skipped");
    check_note("id,name,needs,towns\nx,,food,Hartford\n", "row 2: no name — row skipped");
    check_note(
        "id,name,needs,towns\nx,X,food,Hartford\nx,Y,food,Hartford\n",
        "row 3: the id \"x\" is already used",
    );
    check_note("id,name,needs,towns,Notes\nx,X,food,Hartford,call first\n", "column \"Notes\" is not used");
    check_note("id,name,needs,towns\nx,X,legal-aid,Hartford\n", "\"legal-aid\" is not a standard need");
    assert!(
        notes("id,name,needs,towns\n,,,\nx,X,food,Hartford\n").is_empty(),
        "blank rows are skipped quietly"
    );
}

#[test]
fn spreadsheets_without_the_needed_columns_are_refused() {
    check_error("name,needs,towns\nX,food,Hartford\n", "no \"id\" column");
    check_error("id,towns\nx,Hartford\n", "no \"name\", \"needs\" columns");
    check_error("id,name,needs\nx,X,food\n", "neither a \"towns\" nor a \"statewide\" column");
}

#[test]
fn the_header_lists_every_column_in_order() {
    let header = export(&CatalogueFile::new(standard_needs()));
    let names: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    assert_eq!(header.trim_end(), names.join(","));
}

fn full_program() -> ProgramEntry {
    ProgramEntry {
        id: "full".into(),
        name: "Full, \"quoted\" name".into(),
        organization: Some("Org; with semicolon".into()),
        description: Some("Line one\nline two, with comma".into()),
        needs: vec!["food".into(), "housing".into()],
        towns: vec!["Hartford".into(), "Windham County".into()],
        statewide: false,
        minimum_age: Some(0.0),
        maximum_age: Some(0.5),
        phone: Some("+1 860-555-0100".into()),
        website: Some("https://example.org/full".into()),
        email: Some("full@example.org".into()),
        address: Some("1 Sample St, Hartford".into()),
        hours: Some("=not a formula".into()),
        eligibility: Some("@everyone".into()),
        languages: vec!["en".into(), "es".into()],
        cost: Some("-".into()),
        last_reviewed: Some("2026-11-01".into()),
        translations: [
            (
                "es".to_string(),
                ProgramTranslation {
                    name: Some("Completo".into()),
                    cost: Some("gratis".into()),
                    ..Default::default()
                },
            ),
            (
                "pt".to_string(),
                ProgramTranslation { description: Some("Descrição".into()), ..Default::default() },
            ),
        ]
        .into_iter()
        .collect(),
    }
}

#[test]
fn export_then_import_gives_the_same_programs() {
    let mut catalogue = CatalogueFile::new(standard_needs());
    catalogue.programs.push(full_program());
    let mut statewide = full_program();
    statewide.id = "statewide".into();
    statewide.statewide = true;
    statewide.towns.clear();
    statewide.translations.clear();
    catalogue.programs.push(statewide);
    let fixture: CatalogueFile = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/e2e/fixtures/catalogue.json"
        ))
        .unwrap(),
    )
    .unwrap();
    catalogue.programs.extend(fixture.programs);
    // The fixture has its own needs ("literacy"); importing with them gives no notes.
    let mut needs = standard_needs();
    needs.extend(fixture.needs);
    let text = export(&catalogue);
    assert!(
        text.contains("'=not a formula") && text.contains("'@everyone") && text.contains("'+1 860"),
        "{text}"
    );
    let again = import(&text, needs).unwrap();
    assert!(again.notes.is_empty(), "{:?}", again.notes);
    assert_eq!(again.catalogue.programs, catalogue.programs);
}

#[test]
fn the_template_imports_cleanly_and_passes_the_checker() {
    let template =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalogue-template.csv"))
            .unwrap();
    let imported = import(&template, standard_needs()).unwrap();
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(imported.catalogue.programs.len(), 3);
    let loaded = load(&imported.catalogue.to_json()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let again = import(&export(&imported.catalogue), standard_needs()).unwrap();
    assert_eq!(again.catalogue.programs, imported.catalogue.programs);
}
