//! Reading and checking one program of a catalogue.

use std::collections::BTreeMap;

use super::places::{towns_of, unknown_place};
use super::{Need, Program, ProgramText};
use crate::age::AgeRange;
use crate::fields::{staff_hint, years_text, Fields, Problem};
use crate::json::Json;
use crate::spelling::closest;
use crate::towns::{Places, TownSet};

/// Checks one program. `None` means it breaks a rule and is skipped (the reason is in
/// `problems`); bad optional values are dropped and reported.
pub(super) fn read(
    raw: &Json,
    index: usize,
    path: &str,
    needs: &[Need],
    (places, areas): (&Places, &[(String, TownSet)]),
    problems: &mut Vec<Problem>,
) -> Option<Program> {
    let Json::Object(object) = raw else {
        problems.push(Problem::skipped(path, "a program should be a JSON object"));
        return None;
    };
    let mut fields = Fields::new(object, path.to_string(), problems);
    let id = fields.required_text("id");
    let name = fields.required_text("name");
    let minimum_age = fields.age("minimum_age");
    let maximum_age = fields.age("maximum_age");
    let mut program = Program {
        organization: fields.text("organization"),
        description: fields.text("description"),
        phone: fields.phone("phone"),
        website: fields.web_address("website"),
        email: fields.email("email"),
        address: fields.text("address"),
        hours: fields.text("hours"),
        eligibility: fields.text("eligibility"),
        languages: languages(fields.text_list("languages").unwrap_or_default()),
        cost: fields.text("cost"),
        last_reviewed: fields.date("last_reviewed"),
        statewide: fields.flag("statewide").unwrap_or(false),
        // A wrong value ("yes", 1) is an error that costs only the flag: the program still
        // shows, just not under an empty result. Dropping a program over how it is shown
        // when nothing matches would hide it from the families it does match.
        fallback: fields.flag("fallback").unwrap_or(false),
        ..Program::default()
    };
    program.translations = read_translations(&mut fields);
    if let Some(schedule) = object.get("schedule").filter(|v| !v.is_null()) {
        program.schedule =
            crate::hours::read::read(schedule, &format!("{path}.schedule"), fields.problems_mut());
    }
    let listed_needs = fields.text_list("needs");
    let listed_towns = fields.text_list("towns");
    let raw_towns = object.get("towns").and_then(Json::as_array);
    drop(fields);

    // Every check runs even after one fails, so staff see all of a program's problems at once.
    let mut usable = id.is_some() && name.is_some() && minimum_age.is_some() && maximum_age.is_some();
    program.minimum_age = minimum_age.flatten();
    program.maximum_age = maximum_age.flatten();
    if let (Some(min), Some(max)) = (program.minimum_age, program.maximum_age) {
        if max < min {
            let (max, min) = (years_text(max), years_text(min));
            let message = format!("\"maximum_age\" ({max}) is below \"minimum_age\" ({min})");
            let hint = staff_hint(|| "swap them, or check the ages against the program's flyer".into());
            problems.push(Problem::skipped(path, message).with_hint(hint));
            usable = false;
        }
    }
    program.ages = AgeRange::from_years(program.minimum_age, program.maximum_age);

    if listed_needs.is_none() {
        problems.push(Problem::skipped(path, "it has no \"needs\" list"));
        usable = false;
    }
    for (index, need) in listed_needs.unwrap_or_default().into_iter().enumerate() {
        if needs.iter().any(|n| n.id == need) {
            program.needs.push(need);
        } else {
            let hint = staff_hint(|| {
                closest(&need, needs.iter().map(|n| n.id.as_str()))
                    .map(|id| format!("did you mean \"{id}\"?"))
                    .unwrap_or_else(|| {
                        format!("use one of the catalogue's need ids, or add \"{need}\" to \"needs\"")
                    })
            });
            let message = format!("\"{need}\" is not one of the catalogue's needs");
            let problem = Problem::ignored(format!("{path}.needs[{index}]"), message);
            problems.push(problem.with_hint(hint));
        }
    }
    if program.needs.is_empty() && usable {
        let message = "it has no need from the catalogue's \"needs\"";
        problems.push(Problem::skipped(path, message));
        usable = false;
    }

    for (index, place) in listed_towns.clone().unwrap_or_default().into_iter().enumerate() {
        match towns_of(&place, places, areas) {
            Some(towns) => {
                program.serves.extend(&towns);
                program.towns.push(place);
            }
            None => {
                // The raw value at the same index, as before (indexes of `listed_towns`
                // shift past values `text_list` dropped; kept so messages stay the same).
                let text =
                    raw_towns.and_then(|list| list.get(index)).map_or(Some(place.as_str()), Json::as_str);
                problems.push(unknown_place(&format!("{path}.towns[{index}]"), text, places, areas));
            }
        }
    }
    if !program.statewide && program.serves.is_empty() {
        let why = if listed_towns.is_some() && places.has_declared() {
            "none of its \"towns\" is a known place, and it is not \"statewide\""
        } else if listed_towns.is_some() {
            "none of its \"towns\" is a known Connecticut place, and it is not \"statewide\""
        } else {
            "it has neither \"towns\" nor \"statewide\": true"
        };
        problems.push(Problem::skipped(path, why));
        usable = false;
    }
    if !usable {
        return None;
    }
    program.index = index;
    program.id = id?;
    program.name = name?;
    Some(program)
}

/// `"translations": {"es": {"name": ..., "description": ...}}`.
fn read_translations(fields: &mut Fields) -> BTreeMap<String, ProgramText> {
    let mut translations = BTreeMap::new();
    let Some(object) = fields.object("translations") else {
        return translations;
    };
    let path = format!("{}.translations", fields.path());
    for (language, text) in object.iter() {
        let Json::Object(text) = text else {
            fields.problems_mut().push(Problem::ignored(
                format!("{path}.{language}"),
                "a translation should be an object such as {\"name\": \"...\", \"description\": \"...\"}",
            ));
            continue;
        };
        let mut text_fields = Fields::new(text, format!("{path}.{language}"), fields.problems_mut());
        let translated = ProgramText {
            name: text_fields.text("name"),
            description: text_fields.text("description"),
            eligibility: text_fields.text("eligibility"),
            hours: text_fields.text("hours"),
            cost: text_fields.text("cost"),
        };
        translations.insert(language.clone(), translated);
    }
    translations
}

/// A program's language codes, an alias written as the table of languages writes it
/// ([`crate::languages::canonical`]: `asl` → `ase`), so both are one language and one
/// filter option. (A program that lists both then lists it twice, as one that lists `es`
/// twice does; the search counts it once.)
fn languages(mut codes: Vec<String>) -> Vec<String> {
    for code in &mut codes {
        if let Some(canonical) = crate::languages::canonical(code) {
            *code = canonical.to_string();
        }
    }
    codes
}
