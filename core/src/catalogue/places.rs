//! Resolving the place names in a catalogue: its own `places` outside Connecticut, its
//! named `areas`, and the towns, counties, villages and areas programs list, with a "did
//! you mean" for near misses.
//!
//! Order matters: `places` first (areas and programs may name them), then `areas` (programs
//! may name them), then programs.

use crate::fields::Problem;
use crate::json::{Json, Object};
use crate::towns::{normalize, PlaceError, Places, TownSet};
#[cfg(feature = "hints")]
use crate::towns::{split_state, CONNECTICUT};

/// Reads `"places": [{"name": "Springfield", "state": "MA", "county": "Hampden"}]`: the
/// towns and cities outside Connecticut the catalogue serves. A bad entry is left out and
/// reported (programs naming it then report an unknown place); the others still count.
pub(super) fn read_places(root: &Object, problems: &mut Vec<Problem>) -> Places {
    let mut places = Places::default();
    let Some(raw) = root.get("places").filter(|raw| !raw.is_null()) else {
        return places;
    };
    let Json::Array(raw) = raw else {
        problems.push(Problem::ignored(
            "places",
            "\"places\" should be a list: [{\"name\": \"Springfield\", \"state\": \"MA\", \"county\": \"Hampden\"}]",
        ));
        return places;
    };
    for (index, entry) in raw.iter().enumerate() {
        let path = format!("places[{index}]");
        let Json::Object(entry) = entry else {
            problems.push(Problem::ignored(
                path,
                "a place should be an object such as {\"name\": \"Springfield\", \"state\": \"MA\"}",
            ));
            continue;
        };
        let text = |key: &str| entry.get(key).and_then(Json::as_str).map(str::trim).filter(|t| !t.is_empty());
        // A name or state that is not text leaves nothing to declare; a county that is
        // not text is dropped and the place kept.
        let mut readable = true;
        for key in ["name", "state", "county"] {
            if entry.get(key).is_some_and(|v| !v.is_null() && !v.is_string()) {
                problems.push(Problem::ignored(format!("{path}.{key}"), format!("\"{key}\" should be text")));
                readable &= key == "county";
            }
        }
        if !readable {
            continue;
        }
        let (name, state) = (text("name").unwrap_or_default(), text("state").unwrap_or_default());
        if let Err(error) = places.declare(name, state, text("county")) {
            let at = match error {
                PlaceError::NotAState(..) | PlaceError::Connecticut(_) => format!("{path}.state"),
                PlaceError::NameWithComma(_) => format!("{path}.name"),
                _ => path,
            };
            problems.push(Problem::ignored(at, error.to_string()));
        }
    }
    places
}

/// Reads `"areas": {"Name": ["Town", ...]}`. An area may list towns, counties, villages
/// and declared places and counties ("Springfield, MA", "Hampden County, MA"), so a region
/// can cross a state line; but not other areas (keeps the meaning obvious to whoever reads
/// the file).
pub(super) fn read_areas(
    root: &Object,
    places: &Places,
    problems: &mut Vec<Problem>,
) -> Vec<(String, TownSet)> {
    let mut areas = Vec::new();
    let Some(raw) = root.get("areas") else {
        return areas;
    };
    let Json::Object(raw) = raw else {
        problems.push(Problem::ignored(
            "areas",
            "\"areas\" should be an object: {\"Area name\": [\"Town\", ...]}",
        ));
        return areas;
    };
    for (name, listed) in raw.iter() {
        let path = format!("areas.{name}");
        let Json::Array(listed) = listed else {
            problems.push(Problem::ignored(path, "an area should be a list of towns"));
            continue;
        };
        if places.resolve(name).is_some() {
            let message = if crate::towns::resolve_place(name).is_some() {
                format!("\"{name}\" is already a Connecticut place name; give the area another name")
            } else {
                format!("\"{name}\" is already one of the catalogue's places; give the area another name")
            };
            problems.push(Problem::ignored(path, message));
            continue;
        }
        let mut towns = TownSet::default();
        for (index, place) in listed.iter().enumerate() {
            match place.as_str().and_then(|name| places.resolve(name)) {
                Some(found) => found.towns.into_iter().for_each(|t| towns.insert(t)),
                None => {
                    problems.push(unknown_place(&format!("{path}[{index}]"), place.as_str(), places, &[]))
                }
            }
        }
        areas.push((name.clone(), towns));
    }
    areas
}

/// The towns a place name in a program stands for, using the catalogue's areas too.
pub(super) fn towns_of(name: &str, places: &Places, areas: &[(String, TownSet)]) -> Option<TownSet> {
    if let Some(found) = places.resolve(name) {
        return Some(found.towns.into_iter().collect());
    }
    let wanted = normalize(name);
    areas.iter().find(|(area, _)| normalize(area) == wanted).map(|(_, towns)| towns.clone())
}

/// The problem for a place name nobody knows, with the closest known name as a hint;
/// `None` for a value that is not text.
#[cfg_attr(not(feature = "hints"), allow(unused_variables))]
pub(super) fn unknown_place(
    path: &str,
    text: Option<&str>,
    places: &Places,
    areas: &[(String, TownSet)],
) -> Problem {
    let Some(text) = text else {
        return Problem::ignored(path, "a place should be text, such as \"Hartford\"");
    };
    #[cfg(feature = "hints")]
    let hint = place_hint(text, places, areas);
    #[cfg(not(feature = "hints"))]
    let hint = None;
    let known = if places.has_declared() {
        "a Connecticut town, county or village, or one of the catalogue's places"
    } else {
        "a Connecticut town, county or village"
    };
    Problem::ignored(path, format!("\"{text}\" is not {known}")).with_hint(hint)
}

/// How to fix a place name nobody knows, when something says: the closest known name,
/// a state to add, a county's spelling.
#[cfg(feature = "hints")]
fn place_hint(text: &str, places: &Places, areas: &[(String, TownSet)]) -> Option<String> {
    // "Springfield" when the catalogue declares "Springfield, MA" and "Springfield, VT".
    let same_name = places.declared_with_name(text);
    let hint = (same_name.len() > 1).then(|| {
        let names: Vec<String> = same_name.iter().map(|town| format!("\"{}\"", places.name(*town))).collect();
        format!("more than one place has this name: write it with its state, {}", names.join(" or "))
    });
    let hint = hint
        .or_else(|| places.closest_place_name(text, areas).map(|name| format!("did you mean \"{name}\"?")));
    let hint = hint.or_else(|| {
        // "Springfield, MA" in a catalogue that has not declared it.
        let (place, state) = split_state(text).filter(|(_, state)| *state != CONNECTICUT)?;
        Some(format!(
            "add it to the catalogue's \"places\": {{\"name\": \"{place}\", \"state\": \"{state}\"}}"
        ))
    });
    hint.or_else(|| {
        // "Windham Cty", "New London county" and the like.
        let lower = text.to_lowercase();
        (lower.contains("count") || lower.contains("cty")).then(|| {
            "write a county as \"Windham County\" (one of the eight Connecticut counties)".to_string()
        })
    })
}
