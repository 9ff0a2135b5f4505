//! Resolving the place names in a catalogue: towns, counties, villages and the
//! catalogue's own named areas, with a "did you mean" for near misses.

use serde_json::{Map, Value};

use crate::fields::Problem;
use crate::towns::{closest_place_name, normalize, resolve_place, TownSet};

/// Reads `"areas": {"Name": ["Town", ...]}`. An area may list towns, counties and
/// villages, but not other areas (keeps the meaning obvious to whoever reads the file).
pub(super) fn read_areas(root: &Map<String, Value>, problems: &mut Vec<Problem>) -> Vec<(String, TownSet)> {
    let mut areas = Vec::new();
    let Some(raw) = root.get("areas") else {
        return areas;
    };
    let Value::Object(raw) = raw else {
        problems.push(Problem::ignored(
            "areas",
            "\"areas\" should be an object: {\"Area name\": [\"Town\", ...]}",
        ));
        return areas;
    };
    for (name, places) in raw {
        let path = format!("areas.{name}");
        let Value::Array(places) = places else {
            problems.push(Problem::ignored(path, "an area should be a list of towns"));
            continue;
        };
        if resolve_place(name).is_some() {
            problems.push(Problem::ignored(
                path,
                format!("\"{name}\" is already a Connecticut place name; give the area another name"),
            ));
            continue;
        }
        let mut towns = TownSet::default();
        for (index, place) in places.iter().enumerate() {
            let resolved = place.as_str().and_then(resolve_place);
            match resolved {
                Some(place) => place.towns().into_iter().for_each(|t| towns.insert(t)),
                None => problems.push(unknown_place(&format!("{path}[{index}]"), place, &[])),
            }
        }
        areas.push((name.clone(), towns));
    }
    areas
}

/// The towns a place name in a program stands for, using the catalogue's areas too.
pub(super) fn towns_of(name: &str, areas: &[(String, TownSet)]) -> Option<TownSet> {
    if let Some(place) = resolve_place(name) {
        let mut set = TownSet::default();
        place.towns().into_iter().for_each(|t| set.insert(t));
        return Some(set);
    }
    let wanted = normalize(name);
    areas.iter().find(|(area, _)| normalize(area) == wanted).map(|(_, towns)| *towns)
}

/// The problem for a place name nobody knows, with the closest known name as a hint.
pub(super) fn unknown_place(path: &str, value: &Value, areas: &[(String, TownSet)]) -> Problem {
    let Some(text) = value.as_str() else {
        return Problem::ignored(path, "a place should be text, such as \"Hartford\"");
    };
    let hint = closest_place_name(text, areas).map(|name| format!("did you mean \"{name}\"?"));
    let hint = hint.or_else(|| {
        // "Windham Cty", "New London county" and the like.
        let lower = text.to_lowercase();
        (lower.contains("count") || lower.contains("cty")).then(|| {
            "write a county as \"Windham County\" (one of the eight Connecticut counties)".to_string()
        })
    });
    Problem::ignored(path, format!("\"{text}\" is not a Connecticut town, county or village")).with_hint(hint)
}
