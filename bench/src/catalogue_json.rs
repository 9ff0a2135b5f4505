//! A loaded catalogue back to the JSON staff publish (through `finder_core::format`),
//! plus two fields that let the JS peers filter without a table of Connecticut places.

use finder_core::catalogue::{Catalogue, Program};
use finder_core::format::{CatalogueFile, NeedEntry, ProgramEntry, ProgramTranslation};
use finder_core::towns::Town;
use serde_json::{json, Value};

/// Compact catalogue JSON. Each program also gets `_serves` (the numbers of the towns it
/// serves, counties and villages expanded, all 169 when statewide) and `_months` (its
/// ages as `[start, end)` months, `null` for no bound): both as `load` will compute them.
pub fn to_json(catalogue: &Catalogue) -> String {
    let needs = catalogue
        .needs
        .iter()
        .map(|need| NeedEntry { id: need.id.clone(), label: need.label.clone(), labels: need.labels.clone() })
        .collect();
    let mut file = CatalogueFile::new(needs);
    file.title = catalogue.title.clone();
    file.programs = catalogue.programs.iter().map(entry).collect();
    let mut value = serde_json::to_value(&file).expect("catalogue types always serialize");
    if let Some(Value::Array(programs)) = value.get_mut("programs") {
        for (raw, program) in programs.iter_mut().zip(&catalogue.programs) {
            if let Value::Object(object) = raw {
                object.insert("_serves".into(), json!(serves(program)));
                object.insert("_months".into(), json!([program.ages.start, program.ages.end]));
            }
        }
    }
    value.to_string()
}

fn entry(program: &Program) -> ProgramEntry {
    let translations = program
        .translations
        .iter()
        .map(|(language, text)| {
            let text = ProgramTranslation {
                name: text.name.clone(),
                description: text.description.clone(),
                eligibility: text.eligibility.clone(),
                hours: text.hours.clone(),
                cost: text.cost.clone(),
            };
            (language.clone(), text)
        })
        .collect();
    ProgramEntry {
        id: program.id.clone(),
        name: program.name.clone(),
        organization: program.organization.clone(),
        description: program.description.clone(),
        needs: program.needs.clone(),
        towns: program.towns.clone(),
        statewide: program.statewide,
        fallback: program.fallback,
        minimum_age: program.minimum_age,
        maximum_age: program.maximum_age,
        phone: program.phone.clone(),
        website: program.website.clone(),
        email: program.email.clone(),
        address: program.address.clone(),
        hours: program.hours.clone(),
        schedule: program.schedule.as_ref().map(finder_core::hours::Schedule::to_entry),
        eligibility: program.eligibility.clone(),
        languages: program.languages.clone(),
        cost: program.cost.clone(),
        last_reviewed: program.last_reviewed.clone(),
        translations,
    }
}

/// Town numbers (as in `Town::all()`) the program serves.
fn serves(program: &Program) -> Vec<usize> {
    Town::all()
        .enumerate()
        .filter(|(_, town)| program.statewide || program.serves.contains(*town))
        .map(|(i, _)| i)
        .collect()
}
