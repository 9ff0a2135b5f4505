//! Where a service is offered, as places: service areas and location cities.
//!
//! HSDS service areas are free text as often as place names: "Hartford County", "Hartford,
//! West Hartford and Bloomfield", "Statewide", or a paragraph. Each area is read whole, then
//! piece by piece; what is not a Connecticut town, county or village is noted, never guessed.
//!
//! With `--places-from-data` ([`HsdsImport::places_from_data`](super::HsdsImport)), places
//! outside Connecticut become the catalogue's own when the data names them with their
//! state: a service area "Holyoke, MA" (or "Holyoke, Chicopee and Springfield, MA"), or a
//! location's address with its city and state. A name without a state is still never
//! guessed at: "Holyoke" alone could be anywhere.

use std::collections::HashSet;

use super::model::{Service, ServiceArea};
use super::notes::Notes;
use super::text::{in_connecticut, quoted};
use crate::import::clean_text::clean_name;
use crate::towns::{resolve_place, state_code, state_named, trailing_state, Place, Places, CONNECTICUT};

/// Towns from the service areas and the locations' cities; `true` when an area is the whole
/// state.
pub(super) fn places(
    service: &Service,
    mut declared: Option<&mut Places>,
    notes: &mut Notes,
) -> (Vec<String>, bool) {
    let mut towns: Vec<String> = Vec::new();
    let mut statewide = false;
    for area in &service.service_areas {
        area_places(area, &mut towns, &mut statewide, declared.as_deref_mut(), notes);
    }
    if !statewide {
        for location in service.locations.iter().filter(|l| !l.is_virtual()) {
            let Some((address, _)) = location.main_address() else { continue };
            let Some(city) = address.city.as_deref() else { continue };
            let state =
                address.state_province.as_deref().and_then(|s| state_code(s).or_else(|| state_named(s)));
            let beyond = state.filter(|state| *state != CONNECTICUT);
            if let (Some(places), Some(state)) = (declared.as_deref_mut(), beyond) {
                match declare(places, city, state) {
                    Some(place) => towns.push(place),
                    None => notes.add(format!(
                        "location city {} could not be made a place: add the program's towns",
                        quoted(&format!("{city}, {state}"))
                    )),
                }
            } else if !in_connecticut(address.state_province.as_deref()) {
                let state = address.state_province.as_deref().unwrap_or("");
                notes.add(format!(
                    "the location in {} is outside Connecticut, so it gives no town",
                    quoted(&format!("{city}, {state}"))
                ));
            } else if let Some(town) = resolve_piece(city) {
                towns.push(town);
            } else {
                notes.add(format!(
                    "location city {} is not a Connecticut town or village, so it gives no town",
                    quoted(city)
                ));
            }
        }
    }
    let mut seen = HashSet::new();
    towns.retain(|t| seen.insert(t.to_lowercase()));
    if statewide {
        // Every town is served; listing some as well would only raise a warning.
        towns.clear();
    } else if towns.is_empty() && declared.is_some() {
        notes.add("no town or county found: add towns before publishing");
    } else if towns.is_empty() {
        notes.add("no Connecticut town or county found: add towns or \"statewide\": true before publishing");
    }
    (towns, statewide)
}

fn area_places(
    area: &ServiceArea,
    towns: &mut Vec<String>,
    statewide: &mut bool,
    mut declared: Option<&mut Places>,
    notes: &mut Notes,
) {
    for text in [&area.name, &area.description].into_iter().flatten() {
        if is_statewide(text) {
            *statewide = true;
            return;
        }
        let (mut found, mut missed) = resolve_list(text);
        if let Some(places) = declared.as_deref_mut() {
            missed.retain(|piece| match places_with_state(places, piece) {
                Some(named) => {
                    found.extend(named);
                    false
                }
                None => true,
            });
        }
        if !found.is_empty() {
            towns.extend(found);
            for piece in missed {
                notes.add(format!(
                    "service area {} is not a Connecticut town, county or village; left out",
                    quoted(&piece)
                ));
            }
            return;
        }
    }
    if let Some(town) = area.extent.as_deref().and_then(resolve_piece) {
        towns.push(town);
        return;
    }
    match (area.name.as_ref().or(area.description.as_ref()), &area.extent) {
        (Some(text), _) => notes.add(format!(
            "service area {} is not a Connecticut town, county or village; left out",
            quoted(text)
        )),
        (None, Some(_)) => {
            let shape = area.extent_type.as_deref().unwrap_or("map");
            notes.add(format!(
                "a service area given only as a {shape} shape could not be read: add its towns"
            ));
        }
        (None, None) => {}
    }
}

/// The places an entry names with a state at its end ("Holyoke, MA", "Holyoke, Chicopee and
/// Springfield, Massachusetts"), declared in `places`: `None` when the entry ends in no
/// state outside Connecticut, or names a county ("Hampden County, MA": its towns are not
/// known here), or any of its names cannot be a place.
fn places_with_state(places: &mut Places, entry: &str) -> Option<Vec<String>> {
    let (before, state) = trailing_state(entry).filter(|(_, state)| *state != CONNECTICUT)?;
    let names: Vec<String> = before
        .split([',', '/', '&', ';'])
        .flat_map(|chunk| chunk.split(" and "))
        .map(|name| name.trim().trim_end_matches('.').to_string())
        .filter(|name| !name.is_empty())
        .collect();
    let looks_like_places = !names.is_empty()
        && names.iter().all(|name| {
            let lower = name.to_lowercase();
            name.split_whitespace().count() <= 4
                && !lower.contains("county")
                && !name.chars().any(|c| c.is_ascii_digit())
        });
    if !looks_like_places {
        return None;
    }
    names.iter().map(|name| declare(places, name, state)).collect()
}

/// Declares `city` in `state` (once), written as the rest of the card ("HOLYOKE" →
/// "Holyoke"), and gives the name programs list: "Holyoke, MA".
fn declare(places: &mut Places, city: &str, state: &str) -> Option<String> {
    let city = clean_name(city).0;
    let full = format!("{city}, {state}");
    if let Some(town) = places.town_named(&full) {
        return Some(places.name(town).to_string());
    }
    places.declare(&city, state, None).ok().map(|town| places.name(town).to_string())
}

/// Whether a service area means all of Connecticut.
fn is_statewide(text: &str) -> bool {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    matches!(
        words.join(" ").as_str(),
        "connecticut"
            | "ct"
            | "statewide"
            | "state wide"
            | "state of connecticut"
            | "all of connecticut"
            | "all connecticut"
            | "connecticut statewide"
            | "statewide connecticut"
            | "ct statewide"
            | "statewide ct"
            | "entire state"
            | "the entire state"
    )
}

/// Place names in a list such as "Hartford, West Hartford and Bloomfield; Springfield, MA":
/// those that are Connecticut places, and those that are not. Semicolons and lines separate
/// entries; commas and "and" separate names within one, unless the entry names no
/// Connecticut place at all ("Springfield, MA"), which is then reported whole.
fn resolve_list(text: &str) -> (Vec<String>, Vec<String>) {
    if let Some(place) = resolve_piece(text) {
        return (vec![place], Vec::new());
    }
    let mut found = Vec::new();
    let mut missed = Vec::new();
    for entry in text.split([';', '|', '\n']).map(str::trim).filter(|e| !e.is_empty() && !is_qualifier(e)) {
        if let Some(place) = resolve_piece(entry) {
            found.push(place);
            continue;
        }
        let (places, others) = names_in(entry);
        if places.is_empty() {
            missed.push(entry.to_string());
        } else {
            found.extend(places);
            missed.extend(others);
        }
    }
    (found, missed)
}

/// The names in one entry, split at commas, slashes, "and" and "&": places and the rest.
fn names_in(entry: &str) -> (Vec<String>, Vec<String>) {
    let mut found = Vec::new();
    let mut missed = Vec::new();
    for chunk in entry.split([',', '/']) {
        let mut piece: Vec<&str> = Vec::new();
        // The trailing "&" ends the last name.
        for word in chunk.split_whitespace().chain(std::iter::once("&")) {
            if !(word.eq_ignore_ascii_case("and") || word == "&") {
                piece.push(word);
                continue;
            }
            let name = piece.join(" ");
            piece.clear();
            if name.is_empty() || is_qualifier(&name) {
                continue;
            }
            match resolve_piece(&name) {
                Some(place) => found.push(place),
                None => missed.push(name),
            }
        }
    }
    (found, missed)
}

/// "CT", "USA", a ZIP code: words that qualify a place rather than name one.
fn is_qualifier(word: &str) -> bool {
    let lower = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(lower.as_str(), "ct" | "conn" | "connecticut" | "us" | "usa" | "united states")
        || (!lower.is_empty() && lower.chars().all(|c| c.is_ascii_digit() || c == '-'))
}

/// One place name ("Town of Windham", "Hartford CT 06106", "Tolland County") as the
/// catalogue writes it: the town's or village's own name, or "X County".
fn resolve_piece(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | '(' | ')' | '"')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut words = words.as_slice();
    while words.len() > 1 && words.last().is_some_and(|w| is_qualifier(w)) {
        words = &words[..words.len() - 1];
    }
    if words.len() > 2
        && words[1].eq_ignore_ascii_case("of")
        && ["town", "city", "borough", "village"].iter().any(|k| words[0].eq_ignore_ascii_case(k))
    {
        words = &words[2..];
    }
    Some(match resolve_place(&words.join(" "))? {
        Place::Town(town) => town.name().to_string(),
        Place::County(county) => crate::towns::county_place_name(county),
        Place::Village(village, _) => village.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_lists_resolve_piece_by_piece() {
        let table: [(&str, &[&str], &[&str]); 8] = [
            ("Hartford", &["Hartford"], &[]),
            ("hartford county", &["Hartford County"], &[]),
            ("Town of Windham", &["Windham"], &[]),
            ("Hartford, CT 06106", &["Hartford"], &[]),
            ("Hartford, West Hartford and Bloomfield", &["Hartford", "West Hartford", "Bloomfield"], &[]),
            ("Willimantic; Springfield, MA", &["Willimantic"], &["Springfield, MA"]),
            ("Vernon and Ellington, Tolland, Boston", &["Vernon", "Ellington", "Tolland"], &["Boston"]),
            ("MyCity area", &[], &["MyCity area"]),
        ];
        for (text, found, missed) in table {
            let (f, m) = resolve_list(text);
            assert_eq!(f, found, "{text}: found");
            assert_eq!(m, missed, "{text}: missed");
        }
    }

    #[test]
    fn statewide_areas_are_recognised() {
        for text in ["Connecticut", "CT", "Statewide", "State of Connecticut", "Statewide (Connecticut)"] {
            assert!(is_statewide(text), "{text}");
        }
        for text in ["Hartford", "Connecticut River Valley", "New England"] {
            assert!(!is_statewide(text), "{text}");
        }
    }
}
