//! Places: Connecticut's towns, counties and villages, built in; the places outside
//! Connecticut a catalogue declares; and sets of towns.
//!
//! Every place a program can serve, and every place a family can live, comes down to a
//! town: one of Connecticut's 169, or a town or city the catalogue declares in its
//! `places` ("Springfield, MA"). A county stands for all of its towns, and a village
//! ("Willimantic") for the town that contains it. Resolving names to towns once, when
//! the catalogue loads, makes filtering a single bit test per program.
//!
//! - `places.rs`: [`Places`], one catalogue's table of towns (Connecticut's first, then its
//!   own), with their names and counties, and what a name stands for.
//! - `typed.rs`: what families type (the town box) and "did you mean" for staff.
//! - `states.rs`: U.S. state codes and names.
//!
//! The free functions here answer for Connecticut alone ([`Places::connecticut`]), for
//! callers with no catalogue; code that has a catalogue asks its `catalogue.places`.
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

mod places;
mod states;
mod typed;

pub use places::{DeclaredPlace, Found, PlaceError, PlaceKind, Places, MOST_DECLARED_PLACES};
pub use states::{
    may_be_declared, split_state, split_typed_state, state_code, state_named, trailing_state, CONNECTICUT,
};
pub use typed::as_written;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::ct_towns::{TOWNS, VILLAGES};
use crate::ct_zips::ZIP_TOWNS;

/// A town: an index into a catalogue's [`Places`]. Connecticut's 169 towns are 0..169 in
/// every catalogue (alphabetical); the catalogue's declared places follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Town(u16);

impl Town {
    /// Connecticut's towns, in alphabetical order ([`Places::towns`] gives a catalogue's).
    pub fn all() -> impl Iterator<Item = Town> {
        (0..TOWNS.len()).map(|i| Town(i as u16))
    }

    /// The town's place in its catalogue's [`Places`] (and bit in a [`TownSet`]).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether the town is one of Connecticut's (not a catalogue's declared place):
    /// `statewide` programs serve these only.
    pub fn in_connecticut(self) -> bool {
        self.index() < TOWNS.len()
    }

    /// A Connecticut town's official name, e.g. "North Stonington". A declared place has
    /// no name without its catalogue: ask [`Places::name`] (this gives "" for one).
    pub fn name(self) -> &'static str {
        TOWNS.get(self.index()).map_or("", |(name, _)| name)
    }

    /// The county a Connecticut town lies in, without the word "County"; "" for a
    /// declared place ([`Places::county`] knows its county).
    pub fn county(self) -> &'static str {
        TOWNS.get(self.index()).map_or("", |(_, county)| county)
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
        TOWNS.iter().enumerate().map(|(i, (town, _))| (town.to_lowercase(), Town(i as u16))).collect()
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

/// A county as catalogues write it: "Windham" → "Windham County". A declared county,
/// which [`Places::counties`] already names in full ("Hampden County, MA"), stays as it is.
pub fn county_place_name(county: &str) -> String {
    if split_state(county).is_some() {
        return county.to_string();
    }
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

/// Where a family lives, as typed in the town box, among Connecticut's places:
/// [`Places::family_town`] on [`Places::connecticut`].
///
/// ```
/// use finder_core::towns::{family_town, Town};
/// assert_eq!(family_town("W. Hartford, CT").map(Town::name), Some("West Hartford"));
/// assert_eq!(family_town("06226").map(Town::name), Some("Windham"));
/// ```
pub fn family_town(name: &str) -> Option<Town> {
    Places::connecticut().family_town(name)
}

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
        .map(|zip| zip_rows(zip).iter().map(|(_, town, _)| Town(u16::from(*town))).collect())
        .unwrap_or_default()
}

/// The rows of [`ZIP_TOWNS`] for one ZIP (none for a ZIP it does not have).
fn zip_rows(zip: u32) -> &'static [(u16, u8, u8)] {
    let Ok(zip) = u16::try_from(zip) else { return &[] };
    let start = ZIP_TOWNS.partition_point(|(z, _, _)| *z < zip);
    let end = start + ZIP_TOWNS[start..].partition_point(|(z, _, _)| *z == zip);
    &ZIP_TOWNS[start..end]
}

/// The village's town when `name` is a village in exactly one town ("Willimantic" →
/// "Windham"), so a suggestion can say where it is.
pub fn village_town(name: &str) -> Option<&'static str> {
    match resolve_place(name)? {
        Place::Village(_, towns) if towns.len() == 1 => Some(towns[0].name()),
        _ => None,
    }
}

/// Connecticut names to suggest as a family types: [`Places::suggest`] on
/// [`Places::connecticut`].
pub fn suggest(text: &str, limit: usize) -> Vec<&'static str> {
    Places::connecticut().suggest(text, limit)
}

/// The Connecticut places closest to a name no place has: [`Places::closest_places`] on
/// [`Places::connecticut`].
pub fn closest_places(text: &str, limit: usize) -> Vec<&'static str> {
    Places::connecticut().closest_places(text, limit)
}

/// The Connecticut place name (or one of `areas`) nearest to a misspelled one:
/// [`Places::closest_place_name`] on [`Places::connecticut`].
pub fn closest_place_name(text: &str, areas: &[(String, TownSet)]) -> Option<String> {
    Places::connecticut().closest_place_name(text, areas)
}

/// A set of towns, one bit per town of the catalogue's [`Places`]: what a program serves.
///
/// The words grow with the highest town held, so a Connecticut-only set is three words
/// and a catalogue with declared places pays only for the bits it uses. The last word is
/// never zero (nothing is ever removed), so equal sets are equal values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TownSet(Vec<u64>);

impl TownSet {
    /// Adds a town to the set.
    pub fn insert(&mut self, town: Town) {
        let word = town.index() / 64;
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (town.index() % 64);
    }

    /// Whether the set holds the town.
    pub fn contains(&self, town: Town) -> bool {
        self.0.get(town.index() / 64).is_some_and(|word| word & (1 << (town.index() % 64)) != 0)
    }

    /// How many towns the set holds.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Adds every town of another set.
    pub fn extend(&mut self, other: &TownSet) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (word, other) in self.0.iter_mut().zip(&other.0) {
            *word |= other;
        }
    }

    /// The set as bits: bit `i` (of word `i / 64`) for the town with index `i`; words past
    /// the end are zero.
    pub fn bits(&self) -> &[u64] {
        &self.0
    }

    /// The towns in the set, in town order.
    pub fn towns(&self) -> impl Iterator<Item = Town> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            (0..64).filter(move |bit| word & (1 << bit) != 0).map(move |bit| Town((w * 64 + bit) as u16))
        })
    }

    /// Whether the set holds no town.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Town> for TownSet {
    fn from_iter<I: IntoIterator<Item = Town>>(towns: I) -> TownSet {
        let mut set = TownSet::default();
        towns.into_iter().for_each(|town| set.insert(town));
        set
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
        let data = include_str!("../../data/ct-zip-towns.tsv");
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
                expected.push((zip.parse::<u16>().unwrap(), town.index() as u8, (basis_points / 100) as u8));
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
