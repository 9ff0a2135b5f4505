//! Spreadsheet import and export: forgiving reading, every note and error, round trips.
//!
//! Most tests are tables: one [`check`] per line, each a small spreadsheet, what to look at
//! in the result, what it should be, and every note it should give, word for word.

use finder_core::catalogue::load;
use finder_core::format::{standard_needs, CatalogueFile, ProgramEntry, ProgramTranslation};
use finder_core::hours::text as hours;
use finder_core::import::csv::{export, import, COLUMNS};
use finder_core::import::Imported;
use finder_core::random::Random;

/// Imports `csv` with the standard needs and compares one thing about the result:
/// - `"error"`: the import must fail with exactly this message;
/// - `"programs"`: the ids of the programs read, joined with `,`;
/// - `"added needs"`: needs the import added to the standard ones, as `id=label`;
/// - any other word: that field of the first program, as JSON (`null` when absent).
///
/// `notes` are every note, in order, as `place: message`.
#[track_caller]
fn check(csv: &str, look_at: &str, expected: &str, notes: &[&str]) {
    let imported = match import(csv, standard_needs()) {
        Ok(imported) => imported,
        Err(error) => {
            assert_eq!(("error", error.to_string().as_str()), (look_at, expected), "\n{csv}");
            return;
        }
    };
    assert_ne!(look_at, "error", "{csv:?} should not import");
    let found = look(&imported, look_at);
    assert_eq!(found, expected, "{look_at} of\n{csv}");
    let found_notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    assert_eq!(found_notes, notes, "notes of\n{csv}");
}

fn look(imported: &Imported, what: &str) -> String {
    let catalogue = &imported.catalogue;
    match what {
        "programs" => catalogue.programs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(","),
        "added needs" => catalogue.needs[standard_needs().len()..]
            .iter()
            .map(|n| format!("{}={}", n.id, n.label))
            .collect::<Vec<_>>()
            .join(", "),
        field => {
            let program = serde_json::to_value(catalogue.programs.first().expect("a program")).unwrap();
            program.get(field).map_or("null".to_string(), ToString::to_string)
        }
    }
}

#[rustfmt::skip]
#[test]
fn column_names_are_matched_forgivingly() {
    check("\u{feff} ID ,Name,NEEDS,Towns\nx,X,food,Hartford", "id", r#""x""#, &[]);
    check("id,name,needs,towns,Minimum Age\nx,X,food,Hartford,3", "minimum_age", "3.0", &[]);
    check("id,name,needs,towns,minimum-age\nx,X,food,Hartford,3", "minimum_age", "3.0", &[]);
    check("id,name,needs,towns,MAXIMUM_AGE\nx,X,food,Hartford,5", "maximum_age", "5.0", &[]);
    check("id,name,needs,towns,Maximum  -  Age \nx,X,food,Hartford,5", "maximum_age", "5.0", &[]);
    check("id*,name*,needs*,Towns:\nx,X,food,Hartford", "towns", r#"["Hartford"]"#, &[]);
    check("towns,needs,name,id\nHartford,food,X,x", "name", r#""X""#, &[]);
    check("id,name,needs,towns,Last Reviewed\nx,X,food,Hartford,2026-11-01", "last_reviewed", r#""2026-11-01""#, &[]);
    check("id,name,needs,towns,Name ES\nx,X,food,Hartford,Equis", "translations", r#"{"es":{"name":"Equis"}}"#, &[]);
    check("id,name,needs,towns,cost-es\nx,X,food,Hartford,gratis", "translations", r#"{"es":{"cost":"gratis"}}"#, &[]);
    check("id,name,needs,towns,description_pt\nx,X,food,Hartford,Ajuda", "translations", r#"{"pt":{"description":"Ajuda"}}"#, &[]);
    check("id,name,needs,towns,hours_pt-BR\nx,X,food,Hartford,9h", "translations", r#"{"pt-BR":{"hours":"9h"}}"#, &[]);
    check("id,name,needs,towns,name_zh_hant\nx,X,food,Hartford,名", "translations", r#"{"zh-Hant":{"name":"名"}}"#, &[]);
    check("id,name,needs,towns,name_english\nx,X,food,Hartford,X", "translations", "null", &[r#"row 1: column "name_english" is not used"#]);
    check("id,name,needs,towns,Notes\nx,X,food,Hartford,call first", "id", r#""x""#, &[r#"row 1: column "Notes" is not used"#]);
    check("id,name,needs,statewide,Town\nx,X,food,yes,Hartford", "towns", "null", &[r#"row 1: column "Town" is not used — did you mean "towns"?"#]);
    check("id,name,needs,towns,Name\nx,X,food,Hartford,Y", "name", r#""X""#, &[r#"row 1: column "Name" repeats column "name"; only the first is used"#]);
    check("Community programs,,,\nid,name,needs,towns\nx,X,food,Hartford", "programs", "x", &["row 1: comes before the row of column names — not used"]);
    check("Programs\n\nid,name,needs,towns\n,X,food,Hartford", "programs", "", &["row 1: comes before the row of column names — not used", "row 4: no id — row skipped"]);
    check("id;name;needs;towns\nx;X;food;Hartford", "towns", r#"["Hartford"]"#, &["row 1: the columns are separated by semicolons, not commas — read anyway"]);
    check("id\tname\tneeds\ttowns\nx\tX\t\"food; housing\"\tHartford", "needs", r#"["food","housing"]"#, &["row 1: the columns are separated by tabs, not commas — read anyway"]);
    check("id,name,needs,towns,\nx,X,food,Hartford,oops", "id", r#""x""#, &["row 2, column E: this column has no name in row 1, so its cells are not used"]);
    check("id,name,needs,towns\nx,X,food,Hartford,,extra\ny,Y,food,Hartford,,more", "programs", "x,y", &["row 2, column F: this column has no name in row 1, so its cells are not used"]);
    check("id,name,needs,towns\nx,X,food,Hartford,,", "programs", "x", &[]);
}

#[rustfmt::skip]
#[test]
fn statewide_says_yes_or_no() {
    for yes in ["yes", "Yes", "YES", "y", "Y", "true", "TRUE", "1", "x", "X", " yes "] {
        check(&format!("id,name,needs,statewide\nx,X,food,{yes}"), "statewide", "true", &[]);
    }
    for no in ["no", "No", "n", "N", "false", "FALSE", "0"] {
        check(&format!("id,name,needs,towns,statewide\nx,X,food,Hartford,{no}"), "statewide", "null", &[]);
    }
    check("id,name,needs,towns,statewide\nx,X,food,Hartford,", "statewide", "null", &[]);
    check("id,name,needs,towns,statewide\nx,X,food,Hartford,Maybe", "statewide", "null", &[r#"row 2, column "statewide": "Maybe" is not yes or no — read as no"#]);
    check("id,name,needs,Statewide\nx,X,food,sí", "statewide", "null", &[
        r#"row 2, column "Statewide": "sí" is not yes or no — read as no"#,
        "row 2: no towns and not statewide — families will not see this program until it has one or the other",
    ]);
}

/// `fallback`: the same yes/no words as `statewide`; anything else is noted with its row
/// and column, and the program is kept, just not as a fallback.
#[rustfmt::skip]
#[test]
fn fallback_says_yes_or_no() {
    for yes in ["yes", "Yes", "YES", "y", "Y", "true", "True", "TRUE", "x", "X", "1", " yes ", "'yes"] {
        check(&format!("id,name,needs,statewide,fallback\nx,X,food,yes,{yes}"), "fallback", "true", &[]);
    }
    for no in ["no", "No", "NO", "n", "N", "false", "FALSE", "0", "", "  "] {
        check(&format!("id,name,needs,statewide,fallback\nx,X,food,yes,{no}"), "fallback", "null", &[]);
    }
    // Without the column, no program is a fallback.
    check("id,name,needs,statewide\nx,X,food,yes", "fallback", "null", &[]);
    check("id,name,needs,statewide,Fallback\nx,X,food,yes,always", "fallback", "null", &[r#"row 2, column "Fallback": "always" is not yes or no — read as no"#]);
    check("id,name,needs,statewide,fallback\nx,X,food,yes,sí\ny,Y,food,yes,2", "programs", "x,y", &[
        r#"row 2, column "fallback": "sí" is not yes or no — read as no"#,
        r#"row 3, column "fallback": "2" is not yes or no — read as no"#,
    ]);
    check("id,name,needs,statewide,fallbak\nx,X,food,yes,yes", "fallback", "null", &[r#"row 1: column "fallbak" is not used — did you mean "fallback"?"#]);
}

#[rustfmt::skip]
#[test]
fn ages_are_years_with_a_decimal_point() {
    let bad = |value: &str, column: &str| format!(r#"row 2, column "{column}": "{value}" is not a number of years (write 1.5 for a year and a half, 0.5 for six months) — left out"#);
    check("id,name,needs,towns,minimum_age\nx,X,food,Hartford,3", "minimum_age", "3.0", &[]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,0.5", "maximum_age", "0.5", &[]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford, 2.25 ", "maximum_age", "2.25", &[]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,.5", "maximum_age", "0.5", &[]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,'5", "maximum_age", "5.0", &[]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,", "maximum_age", "null", &[]);
    check("id,name,needs,towns,minimum_age\nx,X,food,Hartford,three", "minimum_age", "null", &[&bad("three", "minimum_age")]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,\"1,5\"", "maximum_age", "null", &[&bad("1,5", "maximum_age")]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,6 months", "maximum_age", "null", &[&bad("6 months", "maximum_age")]);
    check("id,name,needs,towns,Maximum Age\nx,X,food,Hartford,NaN", "maximum_age", "null", &[&bad("NaN", "Maximum Age")]);
    check("id,name,needs,towns,maximum_age\nx,X,food,Hartford,inf", "maximum_age", "null", &[&bad("inf", "maximum_age")]);
}

#[rustfmt::skip]
#[test]
fn lists_are_split_on_semicolons_only() {
    check("id,name,needs,towns\nx,X,food; housing ;,Hartford", "needs", r#"["food","housing"]"#, &[]);
    check("id,name,needs,towns\nx,X,food;;housing,Hartford", "needs", r#"["food","housing"]"#, &[]);
    check("id,name,needs,towns\nx,X,food,Hartford;Windham County; Willimantic", "towns", r#"["Hartford","Windham County","Willimantic"]"#, &[]);
    check("id,name,needs,towns,languages\nx,X,food,Hartford, en ;es;pt-BR", "languages", r#"["en","es","pt-BR"]"#, &[]);
    check("id,name,needs,towns,description\nx,X,food,Hartford,\"Food; fun, and \"\"more\"\"\"", "description", r#""Food; fun, and \"more\"""#, &[]);
    check("id,name,needs,towns,description\nx,X,food,Hartford,\"two\nlines\"", "description", r#""two\nlines""#, &[]);
    check("id,name,needs,towns,hours\nx,X,food,Hartford,;", "hours", r#"";""#, &[]);
    check("id,name,needs,towns,languages\nx,X,food,Hartford,;", "languages", "null", &[]);
}

/// [`check`], with `expected` written as any JSON (its keys need not be sorted).
#[track_caller]
fn check_json(csv: &str, look_at: &str, expected: &str, notes: &[&str]) {
    let expected: serde_json::Value = serde_json::from_str(expected).expect("expected is JSON");
    check(csv, look_at, &expected.to_string(), notes);
}

#[rustfmt::skip]
#[test]
fn schedules_are_read_in_the_forms_staff_write() {
    let row = |schedule: &str| format!("id,name,needs,towns,schedule\nx,X,food,Hartford,\"{schedule}\"");
    let weekdays = r#""mon":["09:00-17:00"],"tue":["09:00-17:00"],"wed":["09:00-17:00"],"thu":["09:00-17:00"],"fri":["09:00-17:00"]"#;
    check_json(&row("Mon-Fri 9:00-17:00; Sat 10-14"), "schedule", &format!(r#"{{"weekly":{{{weekdays},"sat":["10:00-14:00"]}}}}"#), &[]);
    check_json(&row("Mon–Fri 9am–5pm"), "schedule", &format!(r#"{{"weekly":{{{weekdays}}}}}"#), &[]);
    check_json(&row("Tue, Thu 10-6"), "schedule", r#"{"weekly":{"tue":["10:00-18:00"],"thu":["10:00-18:00"]}}"#, &[]);
    check_json(&row("Sat 22:00-02:00"), "schedule", r#"{"weekly":{"sat":["22:00-02:00"]}}"#, &[]);
    check_json(&row("24 hours"), "schedule", r#"{"open_24_hours":true}"#, &[]);
    check_json(&row("By appointment"), "schedule", r#"{"appointment_only":true}"#, &[]);
    check_json(&row("By appointment; Wed 1-4"), "schedule", r#"{"weekly":{"wed":["13:00-16:00"]},"appointment_only":true}"#, &[]);
    check_json(&row("9am-5pm"), "schedule", r#"{"weekly":{"mon":["09:00-17:00"],"tue":["09:00-17:00"],"wed":["09:00-17:00"],"thu":["09:00-17:00"],"fri":["09:00-17:00"],"sat":["09:00-17:00"],"sun":["09:00-17:00"]}}"#,
        &[r#"row 2, column "schedule": "9am-5pm" names no days, so it was read as every day"#]);
    // What cannot be read is kept as the free-text hours, or noted when those are taken.
    check_json(&row("Walk in most days"), "hours", r#""Walk in most days""#,
        &[r#"row 2, column "schedule": "Walk in most days" could not be read as opening hours ("walk" is not a day or a time) — kept as the free-text hours; write them like Mon-Fri 9:00-17:00; Sat 10-14"#]);
    check_json("id,name,needs,towns,hours,schedule\nx,X,food,Hartford,Weekdays,Mon 9-", "schedule", "null",
        &[r#"row 2, column "schedule": "Mon 9-" could not be read as opening hours (after 09:00, a closing time should follow the dash) — not used; write them like Mon-Fri 9:00-17:00; Sat 10-14"#]);
    check("id,name,needs,towns,hours,schedule\nx,X,food,Hartford,Weekdays,Mon 9-", "hours", r#""Weekdays""#, &[
        r#"row 2, column "schedule": "Mon 9-" could not be read as opening hours (after 09:00, a closing time should follow the dash) — not used; write them like Mon-Fri 9:00-17:00; Sat 10-14"#]);
    // Dated exceptions.
    let dates = |schedule: &str, exceptions: &str| format!("id,name,needs,towns,schedule,Schedule Exceptions\nx,X,food,Hartford,{schedule},{exceptions}");
    check_json(&dates("Mon 9-5", "2026-12-25 closed (Christmas); 2026-12-28 to 2026-12-31 closed"), "schedule",
        r#"{"weekly":{"mon":["09:00-17:00"]},"exceptions":[{"date":"2026-12-25","closed":true,"note":"Christmas"},{"date":"2026-12-28","until":"2026-12-31","closed":true}]}"#, &[]);
    check_json(&dates("", "2027-06-12 8am-4pm (Health fair)"), "schedule",
        r#"{"exceptions":[{"date":"2027-06-12","hours":["08:00-16:00"],"note":"Health fair"}]}"#, &[]);
    check_json(&dates("Mon 9-5", "12/25/2026 closed"), "schedule", "null",
        &[r#"row 2, column "Schedule Exceptions": "12/25/2026 closed" could not be read as dated exceptions ("12/25/2026" is not a date written YYYY-MM-DD) — not used; write them like 2026-12-25 closed; 2026-12-24 9:00-12:00"#]);
    // The catalogue's own rules still hold: closed dates alone give no hours.
    check_json(&dates("", "2026-12-25 closed"), "schedule", "null",
        &[r#"row 2, column "schedule": the schedule is not used: gives no opening hours, so the schedule is not used"#]);
}

#[rustfmt::skip]
#[test]
fn needs_towns_and_languages_written_another_way() {
    check("id,name,needs,towns\nx,X,Mental Health,Hartford", "needs", r#"["mental-health"]"#, &[r#"row 2, column "needs": "Mental Health" read as the need "mental-health""#]);
    check("id,name,needs,towns\nx,X,Food & nutrition,Hartford\ny,Y,Food & nutrition,Hartford", "needs", r#"["food"]"#, &[r#"row 2, column "needs": "Food & nutrition" read as the need "food""#]);
    check("id,name,needs,towns\nx,X,Comida y nutrición,Hartford", "needs", r#"["food"]"#, &[r#"row 2, column "needs": "Comida y nutrición" read as the need "food""#]);
    check("id,name,needs,towns\nx,X,\"food, housing\",Hartford", "needs", r#"["food","housing"]"#, &[r#"row 2, column "needs": "food, housing" read as the needs "food", "housing": separate needs with ;"#]);
    check("id,name,needs,towns\nx,X,legal-aid,Hartford\ny,Y,legal-aid,Hartford", "added needs", "legal-aid=legal-aid", &[r#"row 2, column "needs": "legal-aid" is not one of the catalogue's needs; it was added as the need "legal-aid" labelled "legal-aid": give it a proper label (and a Spanish one) in the catalogue."#]);
    check("id,name,needs,towns\nx,X,Legal Aid,Hartford", "needs", r#"["legal-aid"]"#, &[r#"row 2, column "needs": "Legal Aid" is not one of the catalogue's needs; it was added as the need "legal-aid" labelled "Legal Aid": give it a proper label (and a Spanish one) in the catalogue."#]);
    check("id,name,needs,towns\nx,X,Niñez temprana,Hartford", "added needs", "ninez-temprana=Niñez temprana", &[r#"row 2, column "needs": "Niñez temprana" is not one of the catalogue's needs; it was added as the need "ninez-temprana" labelled "Niñez temprana": give it a proper label (and a Spanish one) in the catalogue."#]);
    check("id,name,needs,towns\nx,X,fod,Hartford", "needs", r#"["fod"]"#, &[r#"row 2, column "needs": "fod" is not one of the catalogue's needs; it was added as the need "fod" labelled "fod": give it a proper label (and a Spanish one) in the catalogue. Did you mean "food"?"#]);
    check("id,name,needs,towns\nx,X,food,\"Hartford, New Britain\"", "towns", r#"["Hartford","New Britain"]"#, &[r#"row 2, column "towns": "Hartford, New Britain" read as 2 places: separate places with ;"#]);
    check("id,name,needs,towns\nx,X,food,Hartfrod; Hartford", "towns", r#"["Hartfrod","Hartford"]"#, &[r#"row 2, column "towns": "Hartfrod" is not a Connecticut town, county or village; kept, in case it is one of the catalogue's areas — did you mean "Hartford"?"#]);
    check("id,name,needs,towns\nx,X,food,Northeast District", "towns", r#"["Northeast District"]"#, &[r#"row 2, column "towns": "Northeast District" is not a Connecticut town, county or village; kept, in case it is one of the catalogue's areas"#]);
    check("id,name,needs,towns,languages\nx,X,food,Hartford,English; Español", "languages", r#"["en","es"]"#, &[r#"row 2, column "languages": "English" read as the language code "en""#, r#"row 2, column "languages": "Español" read as the language code "es""#]);
    check("id,name,needs,towns,languages\nx,X,food,Hartford,Klingon", "languages", r#"["Klingon"]"#, &[r#"row 2, column "languages": "Klingon" is not a language code such as en or es; kept as it is"#]);
}

/// One language is one code, however a row writes it: the table of languages
/// (`finder_core::languages`) reads names in English, Spanish or the language's own, with or
/// without accents, and other codes for the same language.
#[rustfmt::skip]
#[test]
fn languages_become_the_codes_of_the_table_of_languages() {
    let note = |written: &str, code: &str| format!(r#"row 2, column "languages": "{written}" read as the language code "{code}""#);
    let table = [
        ("en; es; pt-BR; ase", r#"["en","es","pt-BR","ase"]"#, vec![]),
        ("asl", r#"["ase"]"#, vec![note("asl", "ase")]),
        ("ASL", r#"["ase"]"#, vec![note("ASL", "ase")]),
        ("American Sign Language", r#"["ase"]"#, vec![note("American Sign Language", "ase")]),
        ("spa", r#"["es"]"#, vec![note("spa", "es")]),
        ("Spanish; spanish; SPANISH", r#"["es","es","es"]"#, vec![note("Spanish", "es"), note("spanish", "es"), note("SPANISH", "es")]),
        ("Espanol", r#"["es"]"#, vec![note("Espanol", "es")]),
        ("Portugués", r#"["pt"]"#, vec![note("Portugués", "pt")]),
        ("Kreyòl ayisyen", r#"["ht"]"#, vec![note("Kreyòl ayisyen", "ht")]),
        ("hmn", r#"["hmn"]"#, vec![]),
    ];
    for (cell, expected, notes) in table {
        let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
        check(&format!("id,name,needs,towns,languages\nx,X,food,Hartford,{cell}"), "languages", expected, &notes);
    }
}

#[rustfmt::skip]
#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    check("id,name,needs,towns\n,X,food,Hartford", "programs", "", &["row 2: no id — row skipped"]);
    check("id,name,needs,towns\nx,,food,Hartford", "programs", "", &["row 2: no name — row skipped"]);
    check("id,name,needs,towns\n,,food,Hartford", "programs", "", &["row 2: no id and no name — row skipped"]);
    check("id,name,needs,towns\n' ,X,food,Hartford", "programs", "", &["row 2: no id — row skipped"]);
    check("id,name,needs,towns\nx,X,food,Hartford\nx,Y,food,Hartford", "name", r#""X""#, &[r#"row 3: the id "x" is already used by row 2 — row skipped"#]);
    check("id,name,needs,towns\n,,,\n  , ,\t,\nx,X,food,Hartford", "programs", "x", &[]);
    check("id,name,needs,towns,description\nx,X,food,Hartford,\"two\nlines\"\n,Z,food,Hartford,", "programs", "x", &["row 3: no id — row skipped"]);
    check("id,name,needs,towns,description\r\nx,X,food,Hartford,\"two\r\nlines\"\r\n,Z,food,Hartford,\r\n", "programs", "x", &["row 3: no id — row skipped"]);
    check("id,name,needs,towns,description\rx,X,food,Hartford,\"a\rb\rc\"\r,Z,food,Hartford,", "programs", "x", &["row 3: no id — row skipped"]);
    check("\nid,name,needs,towns\n\nx,X,food,Hartford\n\n\n,Z,food,Hartford\n", "programs", "x", &["row 7: no id — row skipped"]);
    check("id,name,needs,towns\r\n\r\nx,X,food,Hartford\r\n\r\n,Z,food,Hartford", "programs", "x", &["row 5: no id — row skipped"]);
}

#[rustfmt::skip]
#[test]
fn other_notes() {
    check("id,name,needs,towns,phone\nx,X,food,Hartford,'+1 860-555-0100", "phone", r#""+1 860-555-0100""#, &[]);
    check("id,name,needs,towns,hours\nx,X,food,Hartford,''quoted", "hours", r#""'quoted""#, &[]);
    check("id,name,needs,towns,last_reviewed\nx,X,food,Hartford,11/1/2026", "last_reviewed", r#""2026-11-01""#, &[r#"row 2, column "last_reviewed": "11/1/2026" read as 2026-11-01 (dates are written YYYY-MM-DD)"#]);
    check("id,name,needs,towns,last_reviewed\nx,X,food,Hartford,3/9/26", "last_reviewed", r#""2026-03-09""#, &[r#"row 2, column "last_reviewed": "3/9/26" read as 2026-03-09 (dates are written YYYY-MM-DD)"#]);
    check("id,name,needs,towns,last_reviewed\nx,X,food,Hartford,2/30/2026", "last_reviewed", r#""2/30/2026""#, &[r#"row 2, column "last_reviewed": "2/30/2026" is not a date written YYYY-MM-DD — kept as it is, but the finder ignores it"#]);
    check("id,name,needs,towns,last_reviewed\nx,X,food,Hartford,last spring", "last_reviewed", r#""last spring""#, &[r#"row 2, column "last_reviewed": "last spring" is not a date written YYYY-MM-DD — kept as it is, but the finder ignores it"#]);
    check("id,name,needs,towns\nx,X,,Hartford", "needs", "[]", &[r#"row 2, column "needs": no needs — families will not see this program until it has one"#]);
    check("id,name,needs,towns\nx,X,food,", "towns", "null", &["row 2: no towns and not statewide — families will not see this program until it has one or the other"]);
}

#[rustfmt::skip]
#[test]
fn spreadsheets_without_the_needed_columns_are_refused() {
    let empty = "the spreadsheet is empty: its first row should name the columns, as in the template";
    check("", "error", empty, &[]);
    check("\u{feff}\r\n,,,\n", "error", empty, &[]);
    check("name,needs,towns\nX,food,Hartford", "error", r#"the spreadsheet has no "id" column: the row of column names must have them, as in the template"#, &[]);
    check("id,towns\nx,Hartford", "error", r#"the spreadsheet has no "name" or "needs" column: the row of column names must have them, as in the template"#, &[]);
    check("program,place\nX,Hartford", "error", r#"the spreadsheet has no "id", "name" or "needs" column: the row of column names must have them, as in the template"#, &[]);
    check("id,name,Need,towns\nx,X,food,Hartford", "error", r#"the spreadsheet has no "needs" column: the row of column names must have them, as in the template (is "Need" meant to be "needs"?)"#, &[]);
    check("id,name,needs\nx,X,food", "error", r#"the spreadsheet has neither a "towns" nor a "statewide" column: every program needs one or the other"#, &[]);
    check("\"id,name,needs,towns\nx,X,food,Hartford", "error", r#"the spreadsheet has no "id", "name" or "needs" column: the row of column names must have them, as in the template"#, &[]);
}

// ---------------------------------------------------------------------------------------
// Export and round trips.

fn header_of(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').expect("exports start with a byte-order mark");
    text.lines().next().unwrap_or("").split(',').map(String::from).collect()
}

#[test]
fn the_header_is_every_column_in_order_then_other_languages() {
    let names: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    assert_eq!(header_of(&export(&CatalogueFile::new(standard_needs()))), names);

    let mut catalogue = CatalogueFile::new(standard_needs());
    catalogue.programs.push(full_program());
    let header = header_of(&export(&catalogue));
    assert_eq!(header[..COLUMNS.len()], names[..]);
    let more: Vec<&str> = header[COLUMNS.len()..].iter().map(String::as_str).collect();
    assert_eq!(
        more,
        [
            "name_pt",
            "description_pt",
            "eligibility_pt",
            "hours_pt",
            "cost_pt",
            "name_pt-BR",
            "description_pt-BR",
            "eligibility_pt-BR",
            "hours_pt-BR",
            "cost_pt-BR",
        ]
    );
}

#[test]
fn cells_that_could_run_as_formulas_are_exported_as_text() {
    let mut catalogue = CatalogueFile::new(standard_needs());
    catalogue.programs.push(full_program());
    let text = export(&catalogue);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let row = reader.records().next().expect("a row").expect("readable");
    let cell =
        |column: &str| COLUMNS.iter().position(|(c, _)| *c == column).and_then(|i| row.get(i)).unwrap();
    assert_eq!(cell("phone"), "'+1 860-555-0100");
    assert_eq!(cell("hours"), "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(cell("eligibility"), "'@everyone");
    assert_eq!(cell("cost"), "'-");
    assert_eq!(cell("address"), "''quoted already");
    assert_eq!(cell("name"), "Full, \"quoted\" name");
}

/// A program using every field, with text a spreadsheet finds awkward.
fn full_program() -> ProgramEntry {
    ProgramEntry {
        id: "full".into(),
        name: "Full, \"quoted\" name".into(),
        organization: Some("Org; with semicolon".into()),
        description: Some("Line one\nline two, with comma\r\nand a CRLF".into()),
        needs: vec!["food".into(), "housing".into()],
        towns: vec!["Hartford".into(), "Windham County".into(), "Willimantic".into()],
        statewide: false,
        fallback: true,
        minimum_age: Some(0.0),
        maximum_age: Some(0.5),
        phone: Some("+1 860-555-0100".into()),
        website: Some("https://example.org/full?a=1&b=2".into()),
        email: Some("full@example.org".into()),
        address: Some("'quoted already".into()),
        hours: Some("=HYPERLINK(\"http://evil.example\")".into()),
        schedule: Some(
            finder_core::hours::text::parse(
                "By appointment; Mon-Fri 09:00-12:00, 13:00-17:00; Sat 22:00-02:00",
            )
            .map(|mut s| {
                s.exceptions = finder_core::hours::text::parse_exceptions(
                    "2026-12-25 closed (Christmas, \"Day\"); 2026-12-31 to 2027-01-02 09:00-12:00",
                )
                .unwrap_or_default();
                s.to_entry()
            })
            .unwrap(),
        ),
        eligibility: Some("@everyone".into()),
        languages: vec!["en".into(), "es".into(), "pt-BR".into()],
        cost: Some("-".into()),
        last_reviewed: Some("2026-11-01".into()),
        translations: [
            (
                "es",
                ProgramTranslation {
                    name: Some("Completo".into()),
                    description: Some("Línea uno; línea dos".into()),
                    eligibility: Some("Todos".into()),
                    hours: Some("=lunes".into()),
                    cost: Some("gratis".into()),
                },
            ),
            ("pt", ProgramTranslation { description: Some("Descrição".into()), ..Default::default() }),
            ("pt-BR", ProgramTranslation { name: Some("Completo".into()), ..Default::default() }),
        ]
        .into_iter()
        .map(|(language, text)| (language.to_string(), text))
        .collect(),
    }
}

fn read_catalogue(path: &str) -> CatalogueFile {
    let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("the file exists")).expect("a catalogue")
}

/// `import(export(c))` gives `c.programs` back.
#[track_caller]
fn assert_round_trip(catalogue: &CatalogueFile) -> Imported {
    let again = import(&export(catalogue), catalogue.needs.clone()).expect("an export imports");
    assert_eq!(again.catalogue.programs, catalogue.programs);
    again
}

#[test]
fn export_then_import_gives_the_same_programs() {
    let mut catalogue = CatalogueFile::new(standard_needs());
    catalogue.programs.push(full_program());
    let mut statewide = full_program();
    statewide.id = "=statewide".into();
    statewide.statewide = true;
    statewide.towns.clear();
    statewide.translations.clear();
    statewide.minimum_age = Some(1.0 / 3.0);
    statewide.maximum_age = None;
    catalogue.programs.push(statewide);
    catalogue.programs.push(ProgramEntry {
        id: "bare".into(),
        name: "Bare".into(),
        needs: vec!["food".into()],
        towns: vec!["Hartford".into()],
        ..ProgramEntry::default()
    });
    let again = assert_round_trip(&catalogue);
    assert!(again.notes.is_empty(), "{:#?}", again.notes);

    for path in ["tests/e2e/fixtures/catalogue.json", "public/sample-catalogue.json"] {
        let fixture = read_catalogue(path);
        assert!(!fixture.programs.is_empty());
        let again = assert_round_trip(&fixture);
        assert!(again.notes.is_empty(), "{path}: {:#?}", again.notes);
    }
}

/// What the generated catalogues take from the shared seeded generator, so the
/// variations are the same at each run.
trait Pieces {
    /// One of `items`, two times in three.
    fn maybe(&mut self, items: &[&str]) -> Option<String>;
    /// Up to three of `items`.
    fn some_of(&mut self, items: &[&str]) -> Vec<String>;
}

impl Pieces for Random {
    fn maybe(&mut self, items: &[&str]) -> Option<String> {
        (self.below(3) > 0).then(|| self.pick(items).to_string())
    }

    fn some_of(&mut self, items: &[&str]) -> Vec<String> {
        (0..self.below(4)).map(|_| self.pick(items).to_string()).collect()
    }
}

/// Text that spreadsheets and CSV find awkward; none with spaces at either end, which
/// import trims by design.
const AWKWARD: &[&str] = &[
    "plain",
    "with, comma",
    "with \"quotes\"",
    "\"",
    "two\nlines",
    "crlf\r\nlines",
    "lone\rreturn",
    "semi; colon;",
    "=1+1",
    "+1 860-555-0100",
    "-",
    "-3",
    "@home",
    "'",
    "'quoted",
    "''twice",
    "' spaced",
    "niño ñ é 中文",
    "tab\tinside",
    "inner  double  spaces",
    "\u{feff}bom",
    ",",
    "a,\"b\"\n;c",
];

/// Schedules and exceptions as staff write them in a spreadsheet.
const SCHEDULES: &[&str] = &[
    "Mon-Fri 9-5",
    "Tue and Thu 10am-6pm; Sat 9am-noon",
    "24 hours",
    "By appointment",
    "By appointment; Wed 1-4",
    "Fri 9-12, 1-5; Sat 22:00-02:00",
    "Sat-Sun 00:00-24:00",
];
const EXCEPTIONS: &[&str] =
    &["2026-12-25 closed (Christmas Day)", "2026-12-24 9-12; 2026-12-28 to 2026-12-31 closed"];

fn generated_catalogue(random: &mut Random) -> CatalogueFile {
    let mut catalogue = CatalogueFile::new(standard_needs());
    let need_ids = ["food", "housing", "mental-health", "older-adults"];
    let places = ["Hartford", "Windham County", "Willimantic", "New Britain", "Storrs"];
    let languages = ["en", "es", "pt", "pt-BR", "zh-Hant", "es-419", "ht"];
    let ages = [0.0, 0.5, 1.0 / 3.0, 2.25, 5.0, 17.0, 120.0, 1e-7, 99.99];
    for index in 0..random.below(6) {
        let mut translations = std::collections::BTreeMap::new();
        for language in ["es", "pt", "pt-BR", "zh-Hant", "es-419"] {
            if random.below(3) == 0 {
                continue;
            }
            let mut text = ProgramTranslation {
                name: random.maybe(AWKWARD),
                description: random.maybe(AWKWARD),
                eligibility: random.maybe(AWKWARD),
                hours: random.maybe(AWKWARD),
                cost: random.maybe(AWKWARD),
            };
            // A translation with no text at all has nothing a spreadsheet could show.
            text.name.get_or_insert_with(|| "nombre".into());
            translations.insert(language.to_string(), text);
        }
        let age = |random: &mut Random| (random.below(3) == 0).then(|| ages[random.below(ages.len())]);
        catalogue.programs.push(ProgramEntry {
            id: format!("{}{index}", random.pick(AWKWARD)),
            name: random.pick(AWKWARD).to_string(),
            organization: random.maybe(AWKWARD),
            description: random.maybe(AWKWARD),
            needs: random.some_of(&need_ids),
            towns: random.some_of(&places),
            statewide: random.below(2) == 0,
            fallback: random.below(4) == 0,
            minimum_age: age(random),
            maximum_age: age(random),
            phone: random.maybe(AWKWARD),
            website: random.maybe(AWKWARD),
            email: random.maybe(AWKWARD),
            address: random.maybe(AWKWARD),
            hours: random.maybe(AWKWARD),
            schedule: random.maybe(SCHEDULES).map(|text| {
                let mut schedule = hours::parse(&text).expect("a schedule");
                if let Some(dates) = random.maybe(EXCEPTIONS) {
                    schedule.exceptions = hours::parse_exceptions(&dates).expect("exceptions");
                }
                schedule.to_entry()
            }),
            eligibility: random.maybe(AWKWARD),
            languages: random.some_of(&languages),
            cost: random.maybe(AWKWARD),
            last_reviewed: random.maybe(&["2026-11-01", "2024-02-29"]),
            translations,
        });
    }
    catalogue
}

#[test]
fn generated_catalogues_round_trip() {
    let mut random = Random::new(0x5eed_1234_abcd_0001);
    for _ in 0..300 {
        let catalogue = generated_catalogue(&mut random);
        assert_round_trip(&catalogue);
    }
}

/// Whatever text comes in, import never panics, and what it reads survives an export.
#[test]
fn any_text_imports_without_panicking_and_round_trips() {
    const PIECES: &[&str] = &[
        "id",
        "name",
        "needs",
        "towns",
        "statewide",
        "fallback",
        "minimum age",
        "name_es",
        "hours_pt",
        "x",
        "X",
        "food",
        "Hartford",
        "yes",
        "maybe",
        "3",
        "1e999",
        "-1",
        ",",
        ",",
        ",",
        ";",
        "\n",
        "\r\n",
        "\r",
        "\"",
        "'",
        "=",
        " ",
        "\t",
        "\u{feff}",
        "é",
        "Mental Health",
        "Legal Aid",
        "English",
        "11/1/2026",
    ];
    let mut random = Random::new(0x0ddb_a11c_0ffe_e001);
    let mut programs_read = 0;
    for _ in 0..3000 {
        let mut text = String::new();
        if random.below(2) == 0 {
            text.push_str(
                "id,name,needs,towns,statewide,fallback,languages,last_reviewed,maximum_age,name_pt\n",
            );
        }
        for _ in 0..random.below(60) {
            text.push_str(random.pick(PIECES));
        }
        let Ok(first) = import(&text, standard_needs()) else { continue };
        programs_read += first.catalogue.programs.len();
        let again =
            import(&export(&first.catalogue), first.catalogue.needs.clone()).expect("an export imports");
        assert_eq!(again.catalogue.programs, first.catalogue.programs, "{text:?}");
    }
    // Otherwise the texts above would only ever test the errors.
    assert!(programs_read > 500, "{programs_read}");
}

fn template() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalogue-template.csv");
    std::fs::read_to_string(path).expect("the template exists")
}

#[test]
fn the_template_imports_cleanly_and_passes_the_catalogue_rules() {
    let imported = import(&template(), standard_needs()).expect("the template imports");
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let programs = &imported.catalogue.programs;
    assert_eq!(programs.len(), 3);
    let loaded = load(&imported.catalogue.to_json()).expect("a catalogue");
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.catalogue.programs.len(), 3);

    // It shows staff each kind of cell.
    assert!(programs.iter().any(|p| p.statewide && p.towns.is_empty()));
    assert!(programs.iter().any(|p| p.fallback && p.statewide), "a fallback, shown when nothing matches");
    assert!(programs.iter().any(|p| p.towns.iter().any(|t| t == "Windham County")));
    assert!(programs.iter().any(|p| p.needs.len() > 1 && p.towns.len() > 1));
    assert!(programs.iter().any(|p| p.minimum_age.is_some() && p.maximum_age.is_some()));
    assert!(programs
        .iter()
        .any(|p| p.translations.get("es").is_some_and(|t| t.name.is_some() && t.description.is_some())));
    // And is plainly fictional.
    for program in programs {
        assert!(program.phone.as_deref().is_some_and(|p| p.starts_with("860-555-01")), "{program:?}");
        assert!(
            program.website.as_deref().is_some_and(|w| w.starts_with("https://example.org/")),
            "{program:?}"
        );
        assert!(program.address.as_deref().is_none_or(|a| a.contains("Sample")), "{program:?}");
    }
}

/// What a template cell means, so that cells written differently but meaning the same
/// compare equal: `'` and spaces, list spacing, `yes`/blank, `5`/`5.0`.
fn meaning(column: &str, cell: &str) -> String {
    let cell = cell.trim();
    let cell = cell.strip_prefix('\'').unwrap_or(cell).trim();
    match column {
        "needs" | "towns" | "languages" => {
            cell.split(';').map(str::trim).filter(|i| !i.is_empty()).collect::<Vec<_>>().join(";")
        }
        "statewide" | "fallback" => {
            matches!(cell.to_lowercase().as_str(), "yes" | "y" | "true" | "1" | "x").to_string()
        }
        "minimum_age" | "maximum_age" => cell.parse::<f64>().map_or(cell.to_string(), |n| n.to_string()),
        // `Tue and Fri 10am-1pm` comes back as `Tue, Fri 10:00-13:00`.
        "schedule" => hours::parse(cell).map_or(cell.to_string(), |s| hours::write(&s.to_entry())),
        _ => cell.to_string(),
    }
}

fn table(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(String::from).collect();
    reader
        .records()
        .map(|row| {
            let row = row.expect("readable");
            header.iter().zip(row.iter()).map(|(c, cell)| (c.clone(), meaning(c, cell))).collect()
        })
        .collect()
}

#[test]
fn exporting_the_imported_template_gives_its_rows_back() {
    let template = template();
    let exported = export(&import(&template, standard_needs()).expect("imports").catalogue);
    assert_eq!(header_of(&exported), header_of(&template), "the template has exactly the columns");
    assert_eq!(table(&exported), table(&template));
}
