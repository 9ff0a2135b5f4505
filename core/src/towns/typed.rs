//! What a family types in the town box, read against a catalogue's [`Places`]: the town
//! it names, the names to suggest while typing, and the nearest names when nothing
//! matches; and "did you mean" for staff.
//!
//! Families write places the way they write addresses: "W. Hartford, CT", "springfield
//! ma", "Providence, Rhode Island", a ZIP code. ZIP codes are Connecticut's only (the
//! table is Connecticut's); every other rule works the same for Connecticut's towns and a
//! catalogue's own places, so a family in Springfield, MA is served exactly like one in
//! Hartford.

use super::states::{split_typed_state, CONNECTICUT};
use super::{
    county_place_name, normalize, resolve_place, village_town, zip_code, zip_rows, zip_towns, Found,
    PlaceKind, Places, Town, TownSet, COUNTIES,
};
use crate::ct_towns::{TOWNS, VILLAGES};
use crate::spelling::{closest, edit_distance};

/// The share of a ZIP's people (in percent) one town must have for the ZIP to stand for
/// that town alone: below it, the family picks among the ZIP's towns.
const MAIN_TOWN_PERCENT: u8 = 90;

impl Places {
    /// Where a family lives, as typed in the town box: a town, a village that lies in
    /// exactly one town, a declared place, also written the way people write addresses
    /// ("Hartford, CT", "E. Hartford", "springfield ma", "Springfield, Massachusetts"),
    /// or a Connecticut ZIP code where at least 90% of the people live in one town. `None`
    /// for anything else (counties, unknown names, a ZIP split between towns:
    /// [`Places::suggest`] offers its towns to pick from).
    ///
    /// A state typed with the name is obeyed: "Enfield" and "Enfield, CT" are
    /// Connecticut's Enfield, "enfield nh" the declared one, and "springfield ct" nothing,
    /// even when "Springfield" alone would be the declared "Springfield, MA".
    pub fn family_town(&self, text: &str) -> Option<Town> {
        if let Some(zip) = zip_code(text) {
            return match zip_rows(zip) {
                [(_, town, percent), ..] if *percent >= MAIN_TOWN_PERCENT => Some(Town(u16::from(*town))),
                _ => None,
            };
        }
        let found = self.resolve(text).or_else(|| match split_typed_state(text) {
            Some((place, CONNECTICUT)) => resolve_place(&as_written(&place)).map(Found::from),
            Some((place, state)) => self
                .declared_in(&as_written(&place), state)
                .map(|town| Found { kind: PlaceKind::Town, towns: vec![town] }),
            None => self.resolve(&as_written(text)),
        })?;
        match found.kind {
            PlaceKind::Town => Some(found.towns[0]),
            PlaceKind::Village if found.towns.len() == 1 => Some(found.towns[0]),
            _ => None,
        }
    }

    /// Town, village and declared place names to suggest as a family types, best first:
    /// names that start with the text, then names with a word that starts with it; when
    /// there are none, near misses (one typo in 4–7 letters, two from 8: "Hartfrod",
    /// "Wilimantic", "Springfeld"). At most `limit`. For a Connecticut ZIP code, its
    /// towns, most people first ("06355": Groton, Stonington).
    pub fn suggest(&self, text: &str, limit: usize) -> Vec<&str> {
        if let Some(names) = zip_names(text, limit) {
            return names;
        }
        let wanted = as_written(text);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut starts = Vec::new();
        let mut word_starts = Vec::new();
        for (name, key) in self.typed_names() {
            if key.starts_with(&wanted) {
                starts.push(name);
            } else if key.split([' ', '-']).any(|word| word.starts_with(&wanted)) {
                word_starts.push(name);
            }
        }
        starts.sort_unstable();
        word_starts.sort_unstable();
        starts.extend(word_starts);
        // Near misses only when nothing starts with the text: once "killingl" finds
        // Killingly, Killingworth is noise.
        if starts.is_empty() {
            let typos = match wanted.chars().count() {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            // Against the start of each name about as long as the text, so a half-typed
            // name with a typo ("Hartfr") already finds it.
            let length = wanted.chars().count();
            starts.extend(self.nearest(typos, |key| {
                (length.saturating_sub(typos)..=length + typos)
                    .map(|n| edit_distance(&wanted, &key.chars().take(n).collect::<String>()))
                    .min()
                    .unwrap_or(usize::MAX)
            }));
        }
        dedup_in_order(&mut starts);
        starts.truncate(limit);
        starts
    }

    /// The towns, villages and declared places closest to a name no place has, nearest
    /// first, at most `limit`: what to offer a family whose town was not found. Only names
    /// at most half as many edits away as the text has letters (so "zzz" gets nothing).
    /// For a Connecticut ZIP code split between towns, its towns, most people first.
    pub fn closest_places(&self, text: &str, limit: usize) -> Vec<&str> {
        if let Some(names) = zip_names(text, limit) {
            return names;
        }
        let wanted = as_written(text);
        let mut found = self.nearest(wanted.chars().count() / 2, |key| edit_distance(&wanted, key));
        dedup_in_order(&mut found);
        found.truncate(limit);
        found
    }

    /// The place name nearest to a misspelled one in a catalogue or spreadsheet ("Hartfrod"
    /// → "Hartford", "Springfeld, MA" → "Springfield, MA"): a town, a village, a county
    /// written "X County", a declared place or county, or one of `areas` (the catalogue's
    /// own, as its reader holds them); `None` when none is near ([`closest`]).
    pub fn closest_place_name(&self, text: &str, areas: &[(String, TownSet)]) -> Option<String> {
        let counties: Vec<String> = COUNTIES.iter().map(|c| county_place_name(c)).collect();
        let names = TOWNS
            .iter()
            .map(|(town, _)| *town)
            .chain(VILLAGES.iter().map(|(village, _)| *village))
            .chain(counties.iter().map(String::as_str))
            .chain(self.declared_names())
            .chain(self.declared_county_names())
            .chain(areas.iter().map(|(area, _)| area.as_str()));
        closest(text, names).map(String::from)
    }

    /// The village's town when `name` is a village in exactly one town ("Willimantic" →
    /// "Windham"), so a suggestion can say where it is. Villages are Connecticut's.
    pub fn village_town(&self, name: &str) -> Option<&'static str> {
        village_town(name)
    }

    /// Every name a family may pick, with the key typed text is compared with: town and
    /// village names in lower case, and declared places as typed ("springfield ma").
    fn typed_names(&self) -> impl Iterator<Item = (&str, String)> + '_ {
        let built_in = TOWNS.iter().map(|(t, _)| *t).chain(VILLAGES.iter().map(|(v, _)| *v));
        let built_in = built_in.map(|name| (name, name.to_lowercase()));
        built_in.chain(self.declared_names().map(|name| (name, as_written(name))))
    }

    /// Names within `most` edits (as `distance` measures them on the key), nearest first,
    /// then alphabetical.
    fn nearest(&self, most: usize, distance: impl Fn(&str) -> usize) -> Vec<&str> {
        if most == 0 {
            return Vec::new();
        }
        let mut found: Vec<(usize, &str)> = self
            .typed_names()
            .map(|(name, key)| (distance(&key), name))
            .filter(|(distance, _)| *distance <= most)
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, name)| name).collect()
    }
}

/// A name as a family types it, tidied the way an address is read: normalized, without
/// commas or full stops, without a trailing "CT" or "Connecticut", with "N." / "E." /
/// "S." / "W." (or the letter alone) for North, East, South, West.
pub fn as_written(text: &str) -> String {
    let mut name = normalize(&text.replace(['.', ','], " "));
    for state in [" connecticut", " conn", " ct"] {
        if let Some(rest) = name.strip_suffix(state) {
            name = rest.trim_end().to_string();
        }
    }
    for (short, long) in [("n ", "north "), ("e ", "east "), ("s ", "south "), ("w ", "west ")] {
        if let Some(rest) = name.strip_prefix(short) {
            return format!("{long}{rest}");
        }
    }
    name
}

/// The names of a ZIP's towns, when `text` is a ZIP code: what suggestions and the
/// closest places offer instead of names like the text (none for a ZIP outside
/// Connecticut, which no town name is like either).
fn zip_names(text: &str, limit: usize) -> Option<Vec<&'static str>> {
    zip_code(text)?;
    Some(zip_towns(text).into_iter().map(Town::name).take(limit).collect())
}

/// Removes repeated names, keeping the first of each.
fn dedup_in_order(names: &mut Vec<&str>) {
    let mut kept: Vec<&str> = Vec::with_capacity(names.len());
    for name in names.drain(..) {
        if !kept.contains(&name) {
            kept.push(name);
        }
    }
    *names = kept;
}
