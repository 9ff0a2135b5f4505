//! Service records → catalogue programs, with a note for everything families would miss.
//!
//! Every rule that turns an HSDS value into a catalogue value lives here (or in `text.rs`,
//! `schedule.rs`, `opening.rs` and `places.rs`), whichever form the data came in. Notes name the service and where it was
//! in the source, and say what to do when something must be done before publishing.

use std::collections::HashSet;

use super::mapping::{TaxonomyMapping, TermNeeds};
use super::model::Service;
use super::notes::Notes;
use super::opening;
use super::places::places;
use super::schedule::hours_text;
use super::text::{address_line, cost_text, date_part, language_code, phone_text, quoted, slug};
use super::tidy;
use super::HsdsImport;
use crate::format::{standard_needs, CatalogueFile, NeedEntry, ProgramEntry};
use crate::import::clean_text::{TextCleaner, WebAddress};
use crate::import::report::LEFT_OUT;
use crate::import::{ImportNote, Imported};
use crate::towns::Places;

/// The oldest believable age, as in the catalogue's own rules.
const MAX_AGE_YEARS: f64 = 120.0;

/// Builds the catalogue: the standard needs, one program per usable service, in order.
/// `notes` are the reader's own (a page of many, an item that is not a service).
pub(super) fn build(services: &[Service], notes: Vec<ImportNote>, import: &HsdsImport) -> Imported {
    let mapping = import.mapping;
    // Places outside Connecticut, declared as the data names them (`--places-from-data`).
    let mut declared = import.places_from_data.then(Places::default);
    let mut catalogue = CatalogueFile::new(standard_needs());
    let mut need_ids: Vec<String> = catalogue.needs.iter().map(|n| n.id.clone()).collect();
    for id in mapping.need_ids() {
        if !need_ids.iter().any(|n| n == id) {
            need_ids.push(id.to_string());
        }
    }
    let mut notes = notes;
    let mut ids = HashSet::new();
    let mut cleaner = TextCleaner::new();
    // Needs made from terms (`--new-needs`): id, and the term's name as the label.
    let mut new_needs: Vec<(String, String)> = Vec::new();
    for service in services {
        let place = match service.name.as_deref().or(service.alternate_name.as_deref()) {
            Some(name) => format!("service \"{name}\" ({})", service.source),
            None => format!("service ({})", service.source),
        };
        let service = &tidy::service(service, &mut cleaner);
        let mut service_notes = Notes::new(place, &mut notes);
        if let Some(program) = program(
            service,
            mapping,
            &need_ids,
            &mut new_needs,
            &mut ids,
            declared.as_mut(),
            &mut service_notes,
        ) {
            match missing_for_families(&program) {
                // The widget would skip it, and `catalogue check` would fail the file.
                Some(missing) if import.leave_out_incomplete => service_notes.add_kind(LEFT_OUT, format!(
                    "left out: it has {missing}, so families would never see it; fix the data, or import with --keep-incomplete and add them by hand"
                )),
                _ => catalogue.programs.push(program),
            }
        }
    }
    // A staff mapping may give needs the standard list lacks: the catalogue must define them.
    for program in &catalogue.programs {
        for need in &program.needs {
            if catalogue.needs.iter().any(|n| n.id == *need) {
                continue;
            }
            if let Some((_, term)) = new_needs.iter().find(|(id, _)| id == need) {
                notes.push(ImportNote::new(
                    "needs",
                    format!(
                        "\"{need}\" is a new need made from the taxonomy term {}: check its label and add a Spanish one",
                        quoted(term)
                    ),
                ));
                catalogue.needs.push(NeedEntry {
                    id: need.clone(),
                    label: term.clone(),
                    ..NeedEntry::default()
                });
            } else {
                let label = label_for(need);
                notes.push(ImportNote::new(
                    "needs",
                    format!(
                        "\"{need}\" is not one of the standard needs; it was added with the label \"{label}\": check the label and add a Spanish one"
                    ),
                ));
                catalogue.needs.push(NeedEntry { id: need.clone(), label, ..NeedEntry::default() });
            }
        }
    }
    if let Some(declared) = declared {
        catalogue.places = declared.entries();
        if !catalogue.places.is_empty() {
            notes.push(ImportNote::new(
                "places",
                format!(
                    "{} places outside Connecticut made from the data's service areas and addresses: give each its county in \"places\" if programs or families name counties",
                    catalogue.places.len()
                ),
            ));
        }
    }
    notes.extend(cleaner.notes());
    Imported { catalogue, notes }
}

/// What a program lacks that families need to find it ("no need"), if anything.
fn missing_for_families(program: &ProgramEntry) -> Option<&'static str> {
    let no_place = program.towns.is_empty() && !program.statewide;
    match (program.needs.is_empty(), no_place) {
        (true, true) => Some("no need and no town"),
        (true, false) => Some("no need"),
        (false, true) => Some("no town"),
        (false, false) => None,
    }
}

fn program(
    service: &Service,
    mapping: &TaxonomyMapping,
    need_ids: &[String],
    new_needs: &mut Vec<(String, String)>,
    ids: &mut HashSet<String>,
    declared: Option<&mut Places>,
    notes: &mut Notes,
) -> Option<ProgramEntry> {
    for message in &service.notes {
        notes.add(message.clone());
    }
    let status = service.status.as_deref().unwrap_or("").trim().to_lowercase();
    match status.as_str() {
        // A closed program shown to families is worse than a missing one.
        "inactive" | "defunct" => {
            notes.add_kind(LEFT_OUT, format!("left out: its status is \"{status}\""));
            return None;
        }
        "temporarily closed" => {
            notes.add("its status is \"temporarily closed\": imported, but check it before publishing")
        }
        _ => {}
    }
    let name = match (&service.name, &service.alternate_name) {
        (Some(name), _) => name.clone(),
        (None, Some(alternate)) => {
            notes.add("it has no name, so its alternate_name is used");
            alternate.clone()
        }
        (None, None) => {
            notes.add_kind(LEFT_OUT, "left out: it has no name");
            return None;
        }
    };
    let organization = service.organization.as_ref();
    let mut program = ProgramEntry {
        id: unique_id(service.id.as_deref(), &name, ids, notes),
        organization: organization.and_then(|o| o.name.clone()),
        description: service.description.clone(),
        eligibility: service.eligibility.clone(),
        minimum_age: age(service.minimum_age.as_deref(), "minimum_age", notes),
        maximum_age: age(service.maximum_age.as_deref(), "maximum_age", notes),
        ..ProgramEntry::default()
    };
    program.website = web_address(service.url.as_deref(), "url", notes).or_else(|| {
        web_address(organization.and_then(|o| o.website.as_deref()), "organization website", notes)
    });
    program.email = service
        .email
        .clone()
        .or_else(|| service.contacts.iter().find_map(|c| c.email.clone()))
        .or_else(|| organization.and_then(|o| o.email.clone()));
    program.phone = service
        .phones
        .iter()
        .chain(service.locations.iter().flat_map(|l| &l.phones))
        .chain(service.contacts.iter().flat_map(|c| &c.phones))
        .chain(organization.iter().flat_map(|o| &o.phones))
        .find_map(phone_text);
    program.languages = languages(service, notes);
    program.address = address(service, notes);
    // The service's own schedules, else those of its first location that has some; the
    // same for holidays, apart: exports often tie holidays to the service and weekly hours
    // to its place.
    let schedules = std::iter::once(&service.schedules)
        .chain(service.locations.iter().map(|l| &l.schedules))
        .find(|s| !s.is_empty())
        .unwrap_or(&service.schedules);
    let holidays = std::iter::once(&service.holidays)
        .chain(service.locations.iter().map(|l| &l.holidays))
        .find(|h| !h.is_empty())
        .unwrap_or(&service.holidays);
    // The source's own words for the hours, else hours written from its schedules.
    program.hours = schedules.iter().find_map(|s| s.original_text.clone()).or_else(|| hours_text(schedules));
    program.schedule = opening::schedule(schedules, holidays, notes);
    let (cost, shortened) =
        cost_text(service.fees_description.as_deref().or(service.fees.as_deref()), &service.cost_options);
    if shortened {
        notes
            .add("\"cost\" holds the first sentences of fees_description: check the full text in the source");
    }
    program.cost = cost;
    program.needs = needs(service, &name, mapping, need_ids, new_needs, notes);
    note_accessibility(service, notes);
    (program.towns, program.statewide) = places(service, declared, notes);
    program.last_reviewed = [&service.assured_date, &service.last_modified]
        .into_iter()
        .find_map(|date| date.as_deref().and_then(date_part));
    program.name = name;
    tidy::ages(&mut program, notes);
    Some(program)
}

/// HSDS `accessibility_for_disabilities` has no field in the catalogue: say what it was, so
/// staff can add it to the description (families need it before they travel).
fn note_accessibility(service: &Service, notes: &mut Notes) {
    let mut lines: Vec<&str> = Vec::new();
    for line in service.locations.iter().flat_map(|l| &l.accessibility) {
        if !lines.contains(&line.as_str()) {
            lines.push(line);
        }
    }
    if let Some(first) = lines.first() {
        notes.add(format!(
            "accessibility details have no field in the catalogue, such as {}: add them to the description if families need them",
            quoted(first)
        ));
    }
}

/// The service id, else one made from the name; `-2`, `-3`… when already taken.
fn unique_id(id: Option<&str>, name: &str, ids: &mut HashSet<String>, notes: &mut Notes) -> String {
    let base = match id {
        Some(id) => id.to_string(),
        None => {
            let made = Some(slug(name)).filter(|s| !s.is_empty()).unwrap_or_else(|| "service".into());
            notes.add(format!("it has no id; it was given \"{made}\""));
            made
        }
    };
    if ids.insert(base.clone()) {
        return base;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{base}-{n}");
        if ids.insert(candidate.clone()) {
            notes.add(format!(
                "id \"{base}\" is already used by an earlier service; this one is \"{candidate}\""
            ));
            return candidate;
        }
        n += 1;
    }
}

fn age(raw: Option<&str>, field: &str, notes: &mut Notes) -> Option<f64> {
    let raw = raw?;
    match raw.trim().parse::<f64>() {
        Ok(years) if (0.0..=MAX_AGE_YEARS).contains(&years) => Some(years),
        Ok(_) => {
            notes.add(format!("{field} {} is not an age in years (0 to 120); left out", quoted(raw)));
            None
        }
        Err(_) => {
            notes.add(format!("{field} {} is not a number of years; left out", quoted(raw)));
            None
        }
    }
}

/// Only `http(s)` addresses become links. A bare `www.example.org` gets `https://`, noted.
fn web_address(raw: Option<&str>, field: &str, notes: &mut Notes) -> Option<String> {
    let raw = raw?.trim();
    match crate::import::clean_text::web_address(raw) {
        WebAddress::Link(link) => Some(link),
        WebAddress::HttpsAdded(link) => {
            notes.add(format!(
                "{field} {} had no https://, which was added: check the link opens",
                quoted(raw)
            ));
            Some(link)
        }
        WebAddress::NotALink => {
            notes
                .add(format!("{field} {} is not a web address (http:// or https://); left out", quoted(raw)));
            None
        }
    }
}

/// The service's languages, else its locations'.
fn languages(service: &Service, notes: &mut Notes) -> Vec<String> {
    let listed: Vec<_> = if service.languages.is_empty() {
        service.locations.iter().flat_map(|l| &l.languages).collect()
    } else {
        service.languages.iter().collect()
    };
    let mut codes: Vec<String> = Vec::new();
    for language in listed {
        match language_code(language) {
            Ok(code) if !codes.contains(&code) => codes.push(code),
            Ok(_) => {}
            Err(name) if name.trim().is_empty() => {}
            Err(name) => notes.add(format!(
                "language {} has no code the importer knows: add its code (such as \"es\") to \"languages\"",
                quoted(&name)
            )),
        }
    }
    codes
}

/// The address families go to: the first physical address of the first location that has
/// one, else a postal address (noted: it may be a post box).
fn address(service: &Service, notes: &mut Notes) -> Option<String> {
    for location in service.locations.iter().filter(|l| !l.is_virtual()) {
        let Some((address, physical)) = location.main_address() else { continue };
        let Some(line) = address_line(address) else { continue };
        if !physical {
            notes.add(
                "only a postal address was given, and it is used as the address: check families can go there",
            );
        }
        return Some(line);
    }
    None
}

/// Needs from the taxonomy terms. A term that matches no need becomes a new need when
/// the mapping says so (its id and label go in `new_needs`). Needs are guessed from the
/// name only when the mapping asks for guesses, and never against a term: not when a term
/// gave a need, nor when one is known to give none (legal services, target populations).
fn needs(
    service: &Service,
    name: &str,
    mapping: &TaxonomyMapping,
    need_ids: &[String],
    new_needs: &mut Vec<(String, String)>,
    notes: &mut Notes,
) -> Vec<String> {
    let mut needs: Vec<String> = Vec::new();
    let add = |need: String, needs: &mut Vec<String>| {
        if !needs.contains(&need) {
            needs.push(need);
        }
    };
    let mut unmatched: Vec<String> = Vec::new();
    let mut known_without_need = false;
    for term in &service.terms {
        let unknown = match mapping.judge(term.code.as_deref(), &term.name) {
            TermNeeds::Needs(found) => {
                found.into_iter().for_each(|need| add(need, &mut needs));
                continue;
            }
            TermNeeds::NotANeed => {
                known_without_need = true;
                continue;
            }
            TermNeeds::NoStandardNeed => {
                known_without_need = true;
                false
            }
            TermNeeds::Unknown => true,
        };
        let id = slug(&term.name);
        if mapping.makes_new_needs() && !id.is_empty() {
            if !new_needs.iter().any(|(known, _)| *known == id) && !need_ids.contains(&id) {
                new_needs.push((id.clone(), term.name.clone()));
            }
            add(id, &mut needs);
            continue;
        }
        let described = match (term.name.is_empty(), term.code.as_deref()) {
            (false, Some(code)) => format!("taxonomy term {} (code \"{code}\")", quoted(&term.name)),
            (false, None) => format!("taxonomy term {}", quoted(&term.name)),
            (true, code) => format!("taxonomy term with code \"{}\"", code.unwrap_or_default()),
        };
        if !unmatched.contains(&described) {
            notes.add(if unknown {
                format!(
                    "{described} matches no need: add a keyword or its code to a mapping file if it matters"
                )
            } else {
                format!(
                    "{described} is none of the catalogue's needs: import with --new-needs to make it one"
                )
            });
            unmatched.push(described);
        }
    }
    if needs.is_empty() && !known_without_need && mapping.guesses_from_names() {
        let guessed = mapping.needs_for(None, name);
        if !guessed.is_empty() {
            let list: Vec<String> = guessed.iter().map(|n| format!("\"{n}\"")).collect();
            notes.add(format!(
                "no taxonomy term gave a need, so {} was guessed from the name: check it",
                list.join(", ")
            ));
            return guessed;
        }
    }
    if needs.is_empty() {
        notes.add(format!("no need found: add one or more of {} before publishing", need_ids.join(", ")));
    }
    needs
}

/// "legal-aid" → "Legal aid".
fn label_for(id: &str) -> String {
    let text = id.replace('-', " ");
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_come_from_ids() {
        assert_eq!(label_for("legal-aid"), "Legal aid");
        assert_eq!(label_for("food"), "Food");
        assert_eq!(label_for(""), "");
    }
}
