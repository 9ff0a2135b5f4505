//! Connecticut places: towns, counties, villages, and sets of towns.
//!
//! Every place a program can serve, and every place a family can live, comes down to
//! one of Connecticut's 169 towns. A county stands for all of its towns, and a village
//! ("Willimantic") for the town that contains it. Resolving names to towns once, when
//! the catalogue loads, makes filtering a single bit test per program.
//!
//! A family may also type a Connecticut ZIP code ("06226"): it stands for the town or
//! towns its people live in ([`zip_towns`]). ZIPs are for families only; a catalogue's
//! places are names.
//!
//! ```
//! use finder_core::towns::{resolve_place, town_named, Place};
//! let hartford = town_named("  hartford ").unwrap();
//! assert_eq!(hartford.county(), "Hartford");
//! assert!(matches!(resolve_place("Windham County"), Some(Place::County(_))));
//! assert_eq!(resolve_place("Willimantic").unwrap().towns().len(), 1);
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::ct_towns::{TOWNS, VILLAGES};
use crate::ct_zips::ZIP_TOWNS;
use crate::spelling::{closest, edit_distance};

/// One of Connecticut's 169 towns (an index into the built-in table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Town(u8);

impl Town {
    /// Every town, in alphabetical order.
    pub fn all() -> impl Iterator<Item = Town> {
        (0..TOWNS.len()).map(|i| Town(i as u8))
    }

    /// The town's official name, e.g. "North Stonington".
    pub fn name(self) -> &'static str {
        TOWNS[self.0 as usize].0
    }

    /// The county the town lies in, without the word "County".
    pub fn county(self) -> &'static str {
        TOWNS[self.0 as usize].1
    }
}

/// The eight counties, in alphabetical order.
pub const COUNTIES: [&str; 8] =
    ["Fairfield", "Hartford", "Litchfield", "Middlesex", "New Haven", "New London", "Tolland", "Windham"];

/// What a place name in a catalogue stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A town, by its own name.
    Town(Town),
    /// A county: all of its towns. Holds the county's name.
    County(&'static str),
    /// A village or section: the town or towns that contain it.
    Village(&'static str, Vec<Town>),
}

impl Place {
    /// The towns this place covers.
    pub fn towns(&self) -> Vec<Town> {
        match self {
            Place::Town(town) => vec![*town],
            Place::County(county) => Town::all().filter(|t| t.county() == *county).collect(),
            Place::Village(_, towns) => towns.clone(),
        }
    }
}

/// Lower-cases and trims a place name and folds runs of spaces, so that
/// " new  HAVEN " and "New Haven" compare equal.
pub fn normalize(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The town with this name (ignoring case and surrounding spaces), if there is one.
/// Villages are not towns: use [`resolve_place`] for those.
pub fn town_named(name: &str) -> Option<Town> {
    lowercase_towns().get(normalize(name).as_str()).copied()
}

/// Town names in lower case → town, built once: catalogues of tens of thousands of
/// programs look names up hundreds of thousands of times while loading.
fn lowercase_towns() -> &'static HashMap<String, Town> {
    static TABLE: OnceLock<HashMap<String, Town>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TOWNS.iter().enumerate().map(|(i, (town, _))| (town.to_lowercase(), Town(i as u8))).collect()
    })
}

/// Village names in lower case → (the village's name, its towns), built once.
fn lowercase_villages() -> &'static HashMap<String, (&'static str, Vec<Town>)> {
    static TABLE: OnceLock<HashMap<String, (&'static str, Vec<Town>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, (&'static str, Vec<Town>)> = HashMap::new();
        for (village, town) in VILLAGES {
            let entry = table.entry(village.to_lowercase()).or_insert((village, Vec::new()));
            entry.1.extend(town_named(town));
        }
        table
    })
}

/// A county as catalogues write it: "Windham" → "Windham County".
pub fn county_place_name(county: &str) -> String {
    format!("{county} County")
}

/// The county a place name stands for, without the word ("Windham County" → "Windham"),
/// as written; `None` for any other place.
pub fn county_in_name(name: &str) -> Option<&str> {
    name.trim().strip_suffix(" County").filter(|county| !county.is_empty())
}

/// The county with this name, written "Windham County" or "Windham county".
/// A bare "Windham" is the town, never the county.
pub fn county_named(name: &str) -> Option<&'static str> {
    let wanted = normalize(name);
    let bare = wanted.strip_suffix(" county")?;
    COUNTIES.iter().copied().find(|c| c.to_lowercase() == bare)
}

/// Resolves a place name from a catalogue or a family: a town, a county
/// ("Tolland County") or a village ("Storrs" is in Mansfield).
pub fn resolve_place(name: &str) -> Option<Place> {
    if let Some(town) = town_named(name) {
        return Some(Place::Town(town));
    }
    if let Some(county) = county_named(name) {
        return Some(Place::County(county));
    }
    lowercase_villages()
        .get(normalize(name).as_str())
        .map(|(village, towns)| Place::Village(village, towns.clone()))
}

/// Where a family lives, as typed in the town box: a town, or a village that lies in
/// exactly one town, also written the way people write addresses ("Hartford, CT",
/// "E. Hartford"), or a Connecticut ZIP code where at least 90% of the people live in one
/// town. `None` for anything else (counties, unknown names, a ZIP split between towns:
/// [`suggest`] offers its towns to pick from).
///
/// ```
/// use finder_core::towns::{family_town, Town};
/// assert_eq!(family_town("W. Hartford, CT").map(Town::name), Some("West Hartford"));
/// assert_eq!(family_town("06226").map(Town::name), Some("Windham"));
/// ```
pub fn family_town(name: &str) -> Option<Town> {
    if let Some(zip) = zip_code(name) {
        return match zip_rows(zip) {
            [(_, town, percent), ..] if *percent >= MAIN_TOWN_PERCENT => Some(Town(*town)),
            _ => None,
        };
    }
    match resolve_place(name).or_else(|| resolve_place(&as_written(name)))? {
        Place::Town(town) => Some(town),
        Place::Village(_, towns) if towns.len() == 1 => Some(towns[0]),
        _ => None,
    }
}

/// A name as a family types it, tidied the way an address is read: normalized, without
/// a trailing state (", CT", " Connecticut"), with "N." / "E." / "S." / "W." (or the
/// letter alone) for North, East, South, West.
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

/// The share of a ZIP's people (in percent) one town must have for the ZIP to stand for
/// that town alone: below it, the family picks among the ZIP's towns.
const MAIN_TOWN_PERCENT: u8 = 90;

/// The ZIP code in a family's text: five digits, alone or as ZIP+4 ("06226-1234"), spaces
/// around allowed. Any state's ZIP (10001 too); four digits are not a ZIP.
///
/// ```
/// use finder_core::towns::zip_code;
/// assert_eq!(zip_code(" 06226-1234 "), Some(6226));
/// assert_eq!(zip_code("0622"), None);
/// ```
pub fn zip_code(text: &str) -> Option<u32> {
    let text = text.trim();
    let (zip, plus4) = text.split_once('-').unwrap_or((text, "0000"));
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    (digits(zip, 5) && digits(plus4, 4)).then(|| zip.parse().ok()).flatten()
}

/// The towns whose people a Connecticut ZIP code covers, most people first: those with at
/// least 5% of them (`core/data/ct-zip-towns.tsv`, from the 2020 Census). Empty when the
/// text is not a ZIP, or not a Connecticut one.
///
/// ```
/// use finder_core::towns::{zip_towns, Town};
/// let names = |zip| zip_towns(zip).into_iter().map(Town::name).collect::<Vec<_>>();
/// assert_eq!(names("06355"), ["Groton", "Stonington"]);
/// assert!(names("10001").is_empty());
/// ```
pub fn zip_towns(text: &str) -> Vec<Town> {
    zip_code(text)
        .map(|zip| zip_rows(zip).iter().map(|(_, town, _)| Town(*town)).collect())
        .unwrap_or_default()
}

/// The rows of [`ZIP_TOWNS`] for one ZIP (none for a ZIP it does not have).
fn zip_rows(zip: u32) -> &'static [(u16, u8, u8)] {
    let Ok(zip) = u16::try_from(zip) else { return &[] };
    let start = ZIP_TOWNS.partition_point(|(z, _, _)| *z < zip);
    let end = start + ZIP_TOWNS[start..].partition_point(|(z, _, _)| *z == zip);
    &ZIP_TOWNS[start..end]
}

/// The names of a ZIP's towns, when `text` is a ZIP code: what [`suggest`] and
/// [`closest_places`] offer instead of names like the text (none for a ZIP outside
/// Connecticut, which no town name is like either).
fn zip_names(text: &str, limit: usize) -> Option<Vec<&'static str>> {
    zip_code(text)?;
    Some(zip_towns(text).into_iter().map(Town::name).take(limit).collect())
}

/// The village's town when `name` is a village in exactly one town ("Willimantic" →
/// "Windham"), so a suggestion can say where it is.
pub fn village_town(name: &str) -> Option<&'static str> {
    match resolve_place(name)? {
        Place::Village(_, towns) if towns.len() == 1 => Some(towns[0].name()),
        _ => None,
    }
}

/// Town and village names to suggest as a family types, best first: names that start
/// with the text, then names with a word that starts with it; when there are none, near
/// misses (one typo in 4–7 letters, two from 8: "Hartfrod", "Wilimantic"). At most `limit`.
/// For a Connecticut ZIP code, its towns, most people first ("06355": Groton, Stonington).
pub fn suggest(text: &str, limit: usize) -> Vec<&'static str> {
    if let Some(names) = zip_names(text, limit) {
        return names;
    }
    let wanted = as_written(text);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut word_starts = Vec::new();
    for name in place_names() {
        let lower = name.to_lowercase();
        if lower.starts_with(&wanted) {
            starts.push(name);
        } else if lower.split([' ', '-']).any(|word| word.starts_with(&wanted)) {
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
        starts.extend(nearest(typos, |lower| {
            (length.saturating_sub(typos)..=length + typos)
                .map(|n| edit_distance(&wanted, &lower.chars().take(n).collect::<String>()))
                .min()
                .unwrap_or(usize::MAX)
        }));
    }
    dedup_in_order(&mut starts);
    starts.truncate(limit);
    starts
}

/// The towns and villages closest to a name no place has, nearest first, at most
/// `limit`: what to offer a family whose town was not found. Only names at most half
/// as many edits away as the text has letters (so "zzz" gets nothing). For a Connecticut
/// ZIP code split between towns, its towns, most people first.
pub fn closest_places(text: &str, limit: usize) -> Vec<&'static str> {
    if let Some(names) = zip_names(text, limit) {
        return names;
    }
    let wanted = as_written(text);
    let mut found = nearest(wanted.chars().count() / 2, |lower| edit_distance(&wanted, lower));
    dedup_in_order(&mut found);
    found.truncate(limit);
    found
}

/// The place name nearest to a misspelled one in a catalogue or spreadsheet ("Hartfrod" →
/// "Hartford"): a town, a village, a county written "X County", or one of `areas` (the
/// catalogue's own, as its reader holds them); `None` when none is near ([`closest`]).
pub fn closest_place_name(text: &str, areas: &[(String, TownSet)]) -> Option<String> {
    let counties: Vec<String> = COUNTIES.iter().map(|c| county_place_name(c)).collect();
    let names = TOWNS
        .iter()
        .map(|(town, _)| *town)
        .chain(VILLAGES.iter().map(|(village, _)| *village))
        .chain(counties.iter().map(String::as_str))
        .chain(areas.iter().map(|(area, _)| area.as_str()));
    closest(text, names).map(String::from)
}

/// Every town and village name.
fn place_names() -> impl Iterator<Item = &'static str> {
    TOWNS.iter().map(|(t, _)| *t).chain(VILLAGES.iter().map(|(v, _)| *v))
}

/// Names within `most` edits (as `distance` measures them on the lower-case name),
/// nearest first, then alphabetical.
fn nearest(most: usize, distance: impl Fn(&str) -> usize) -> Vec<&'static str> {
    if most == 0 {
        return Vec::new();
    }
    let mut found: Vec<(usize, &'static str)> = place_names()
        .map(|name| (distance(&name.to_lowercase()), name))
        .filter(|(distance, _)| *distance <= most)
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, name)| name).collect()
}

/// Removes repeated names, keeping the first of each.
fn dedup_in_order(names: &mut Vec<&'static str>) {
    let mut kept: Vec<&'static str> = Vec::with_capacity(names.len());
    for name in names.drain(..) {
        if !kept.contains(&name) {
            kept.push(name);
        }
    }
    *names = kept;
}

/// A set of towns, one bit per town: what a program serves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TownSet([u64; 3]);

impl TownSet {
    /// Adds a town to the set.
    pub fn insert(&mut self, town: Town) {
        self.0[town.0 as usize / 64] |= 1 << (town.0 % 64);
    }

    /// Whether the set holds the town.
    pub fn contains(&self, town: Town) -> bool {
        self.0[town.0 as usize / 64] & (1 << (town.0 % 64)) != 0
    }

    /// How many towns the set holds.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Adds every town of another set.
    pub fn extend(&mut self, other: TownSet) {
        for (word, other) in self.0.iter_mut().zip(other.0) {
            *word |= other;
        }
    }

    /// The set as bits: bit `i` (of word `i / 64`) for the `i`-th town of [`Town::all`].
    pub fn bits(&self) -> [u64; 3] {
        self.0
    }

    /// Whether the set holds no town.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_town_once_in_the_right_counties() {
        assert_eq!(TOWNS.len(), 169);
        let expected = [
            ("Fairfield", 23),
            ("Hartford", 29),
            ("Litchfield", 26),
            ("Middlesex", 15),
            ("New Haven", 27),
            ("New London", 21),
            ("Tolland", 13),
            ("Windham", 15),
        ];
        for (county, count) in expected {
            let found = Town::all().filter(|t| t.county() == county).count();
            assert_eq!(found, count, "{county} County");
        }
        let mut names: Vec<_> = TOWNS.iter().map(|(t, _)| t.to_lowercase()).collect();
        names.dedup();
        assert_eq!(names.len(), 169, "duplicate or unsorted town names");
    }

    #[test]
    fn every_village_lies_in_a_known_town() {
        for (village, town) in VILLAGES {
            assert!(town_named(town).is_some(), "{village} → {town}");
            assert!(town_named(village).is_none(), "{village} is a town name");
        }
    }

    #[test]
    fn names_resolve_ignoring_case_and_spaces() {
        let check = |name: &str, expected: Option<&str>| {
            assert_eq!(town_named(name).map(Town::name), expected, "{name:?}");
        };
        check("Hartford", Some("Hartford"));
        check("  hartford  ", Some("Hartford"));
        check("NEW   haven", Some("New Haven"));
        check("West Hartford", Some("West Hartford"));
        check("Hartfrod", None);
        check("Windham County", None);
        check("", None);
    }

    #[test]
    fn counties_need_the_word_county() {
        assert_eq!(county_named("Windham County"), Some("Windham"));
        assert_eq!(county_named(" new london county "), Some("New London"));
        assert_eq!(county_named("Windham"), None);
        assert_eq!(county_named("Essex County"), None);
        assert_eq!(resolve_place("Tolland County").unwrap().towns().len(), 13);
    }

    #[test]
    fn villages_map_to_their_towns() {
        let towns = |name: &str| -> Vec<&str> {
            resolve_place(name).map(|p| p.towns().into_iter().map(Town::name).collect()).unwrap_or_default()
        };
        assert_eq!(towns("Willimantic"), ["Windham"]);
        assert_eq!(towns("storrs"), ["Mansfield"]);
        let mut mystic = towns("Mystic");
        mystic.sort();
        assert_eq!(mystic, ["Groton", "Stonington"]);
        assert_eq!(family_town("Willimantic").map(Town::name), Some("Windham"));
        assert_eq!(family_town("Mystic"), None, "Mystic spans two towns");
    }

    #[test]
    fn suggestions_start_with_the_typed_text() {
        let first = suggest("hart", 10);
        assert_eq!(first.first(), Some(&"Hartford"));
        assert!(first.contains(&"Hartland"));
        assert!(first.contains(&"West Hartford"), "word starts count too");
        assert!(suggest("", 10).is_empty());
        assert_eq!(suggest("w", 3).len(), 3);
    }

    #[test]
    fn typed_towns_forgive_typos_states_and_abbreviations() {
        let town = |typed: &str| family_town(typed).map(Town::name);
        assert_eq!(town("Willimantic, CT"), Some("Windham"));
        assert_eq!(town("hartford ct"), Some("Hartford"));
        assert_eq!(town("Hartford, Connecticut"), Some("Hartford"));
        assert_eq!(town("N. Windham"), Some("Windham"), "North Windham is a village of Windham");
        assert_eq!(town("E. Hartford"), Some("East Hartford"));
        assert_eq!(town("W Hartford, CT"), Some("West Hartford"));
        assert_eq!(town("S. Windsor"), Some("South Windsor"));
        assert_eq!(town("N Haven"), Some("North Haven"));
        assert_eq!(town("Hartfrod"), None, "a typo is suggested, never chosen for the family");

        let first = |typed: &str| suggest(typed, 8).first().copied();
        assert_eq!(first("Hartfrod"), Some("Hartford"));
        assert_eq!(first("Harford"), Some("Hartford"));
        assert_eq!(first("Wilimantic"), Some("Willimantic"));
        assert_eq!(first("Hartfr"), Some("Hartford"), "half typed, with a typo");
        assert_eq!(first("e. hart"), Some("East Hartford"));
        assert_eq!(first("willimantic, ct"), Some("Willimantic"));
        assert!(suggest("hart", 10).starts_with(&["Hartford", "Hartland"]), "exact starts come first");
        assert!(suggest("xq", 8).is_empty());
        assert_eq!(suggest("killingl", 8), ["Killingly"], "no near misses beside an exact start");

        assert_eq!(closest_places("Hartfxyz", 3).first(), Some(&"Hartford"));
        assert!(closest_places("zzzzzz", 3).is_empty());
        assert_eq!(village_town("Willimantic"), Some("Windham"));
        assert_eq!(village_town("Windham"), None);
        assert_eq!(village_town("Mystic"), None, "two towns");
    }

    /// What a family sees after typing `text` in the town box: the town the list is
    /// filtered by, the suggestions under the box as the UI shows them (a village with its
    /// town), and, on leaving the box without a town, the towns offered beside "No
    /// Connecticut town matches".
    fn seen(text: &str) -> (Option<&'static str>, Vec<String>, Vec<&'static str>) {
        let town = family_town(text).map(Town::name);
        let list = if town_named(text).is_some() { Vec::new() } else { suggest(text, 8) };
        let list = list
            .into_iter()
            .map(|name| match village_town(name) {
                Some(town) => format!("{name} ({town})"),
                None => name.to_string(),
            })
            .collect();
        let closest = if town.is_none() { closest_places(text, 3) } else { Vec::new() };
        (town, list, closest)
    }

    #[test]
    fn zip_codes_resolve_to_their_towns() {
        /// Typed text, the town, the suggestions, the towns offered on leaving the box.
        type Case = (&'static str, Option<&'static str>, &'static [&'static str], &'static [&'static str]);
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // typed          town filtered by    suggestions                   offered on leaving
            ("06226",        Some("Windham"),    &["Windham"],                 &[]),
            (" 06226 ",      Some("Windham"),    &["Windham"],                 &[]),
            ("06226-1234",   Some("Windham"),    &["Windham"],                 &[]),
            ("06106",        Some("Hartford"),   &["Hartford"],                &[]),
            // Split between towns: the family picks, most people first.
            ("06355",        None,               &["Groton", "Stonington"],    &["Groton", "Stonington"]),
            ("06512",        None,               &["East Haven", "New Haven"], &["East Haven", "New Haven"]),
            ("06754",        None,               &["Warren", "Cornwall"],      &["Warren", "Cornwall"]),
            // 89% in Sprague is not enough to choose for the family.
            ("06330",        None,               &["Sprague", "Scotland"],     &["Sprague", "Scotland"]),
            // 93% in Killingly is: the list filters, and Plainfield is still offered.
            ("06239",        Some("Killingly"),  &["Killingly", "Plainfield"], &[]),
            // Not Connecticut, no people (post office boxes), not a ZIP: as any unknown text.
            ("10001",        None,               &[],                          &[]),
            ("06101",        None,               &[],                          &[]),
            ("0622",         None,               &[],                          &[]),
            ("062261",       None,               &[],                          &[]),
            ("06226-12",     None,               &[],                          &[]),
            // Names still work as before.
            ("Willimantic",  Some("Windham"),    &["Willimantic (Windham)"],   &[]),
            ("Mystic",       None,               &["Mystic"],                  &["Mystic", "Baltic", "Yantic"]),
            ("Hartfrod",     None,               &["Hartford"],                &["Hartford", "Eastford", "Hartland"]),
        ];
        for &(typed, town, list, closest) in cases {
            let (seen_town, seen_list, seen_closest) = seen(typed);
            assert_eq!(seen_town, town, "{typed:?}: the town the list is filtered by");
            assert_eq!(seen_list, list, "{typed:?}: the suggestions");
            assert_eq!(seen_closest, closest, "{typed:?}: the towns offered on leaving the box");
        }
        // A family in 06226 knows it as Willimantic: both are Windham.
        assert_eq!(family_town("06226"), family_town("Willimantic"));
        assert_eq!(zip_towns("06226").iter().map(|t| t.name()).collect::<Vec<_>>(), ["Windham"]);
        assert_eq!(zip_code("06226-1234"), Some(6226));
        assert_eq!(zip_code("10001"), Some(10001));
        assert_eq!(zip_code("0622"), None);
        assert_eq!(suggest("06355", 1), ["Groton"], "at most `limit`");
    }

    /// The compiled-in table is what `tools/zip-towns.py` makes of the data file: every
    /// row with at least 5% of the ZIP's people, percent rounded down, most people first.
    #[test]
    fn the_zip_table_matches_its_data_file() {
        let data = include_str!("../data/ct-zip-towns.tsv");
        let mut lines = data.lines().filter(|line| !line.starts_with('#'));
        assert_eq!(lines.next(), Some("zip\ttown\tshare"));
        let mut expected = Vec::new();
        let mut zips = std::collections::BTreeSet::new();
        for line in lines {
            let [zip, town, share] = line.split('\t').collect::<Vec<_>>()[..] else { panic!("{line:?}") };
            let town =
                town_named(town).unwrap_or_else(|| panic!("{town:?} is not spelled as in ct_towns.rs"));
            assert!(zip.len() == 5 && zip.starts_with("06"), "{zip} is not a Connecticut ZIP");
            let basis_points: u32 = share.replace('.', "").parse().unwrap();
            assert!(share.len() == 6 && basis_points <= 10_000, "{line:?}");
            zips.insert(zip);
            if basis_points >= 500 {
                expected.push((zip.parse::<u16>().unwrap(), town.0, (basis_points / 100) as u8));
            }
        }
        assert_eq!(ZIP_TOWNS, expected, "run python3 tools/zip-towns.py");
        assert_eq!(zips.len(), 288);
        // Every ZIP has a town, and the data is in the order lookups rely on.
        for zip in &zips {
            assert!(!zip_towns(zip).is_empty(), "{zip}");
        }
        assert!(ZIP_TOWNS.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].2 >= w[1].2)));
    }

    #[test]
    fn town_sets_hold_what_was_inserted() {
        let mut set = TownSet::default();
        let last = Town::all().last().unwrap();
        let first = Town::all().next().unwrap();
        set.insert(last);
        assert!(set.contains(last));
        assert!(!set.contains(first));
        assert_eq!(set.len(), 1);
    }
}
