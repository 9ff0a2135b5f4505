//! A catalogue's place table: Connecticut's 169 towns, built in, then the towns and cities
//! outside Connecticut that the catalogue declares in its `places`.
//!
//! Why one table: filtering, counting and ranking work on town numbers ([`Town`]) and sets
//! of them ([`TownSet`]), so a place outside Connecticut has to be a town number like any
//! other. Connecticut's towns keep numbers 0..169 in every catalogue, so a catalogue that
//! declares nothing behaves exactly as before, and a Connecticut town chosen before the
//! catalogue arrived (a page's `lock-town`) means the same town in any catalogue. Declared
//! places follow, in file order.
//!
//! Names: a declared place is "Springfield, MA" (name, comma, state code). A bare
//! "Springfield" also stands for it when no Connecticut place has that name and exactly
//! one declared place does; "Enfield" and "Enfield, CT" stay Connecticut's Enfield, and
//! "Enfield, NH" is another place. "Hampden County, MA" stands for every declared place of
//! that county and state.
//!
//! ```
//! use finder_core::towns::{Places, PlaceKind};
//! let mut places = Places::default();
//! let springfield = places.declare("Springfield", "ma", Some("Hampden")).unwrap();
//! assert_eq!(places.name(springfield), "Springfield, MA");
//! assert_eq!(places.county(springfield), Some("Hampden County, MA"));
//! assert_eq!(places.resolve("springfield").unwrap().towns, [springfield]);
//! assert_eq!(places.resolve("Hampden County, MA").unwrap().kind, PlaceKind::County);
//! assert_ne!(places.resolve("Enfield").unwrap().towns, places.resolve("Hartford").unwrap().towns);
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use super::states::{split_state, state_code, state_named, CONNECTICUT};
use super::{county_in_name, normalize, resolve_place, Place, Town, COUNTIES};
use crate::ct_towns::TOWNS;
use crate::format::PlaceEntry;

/// The most places a catalogue may declare: far more than any region has, and well within
/// a town number.
pub const MOST_DECLARED_PLACES: usize = 20_000;

/// A town or city outside Connecticut that a catalogue serves, as its `places` declare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredPlace {
    /// "Springfield", as the catalogue writes it.
    pub name: String,
    /// The two-letter state code, upper case: "MA".
    pub state: &'static str,
    /// The county without the word ("Hampden"), when the catalogue gives it.
    pub county: Option<String>,
}

/// What a place name stands for, by a catalogue's [`Places`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub kind: PlaceKind,
    /// The towns the name covers (one for a town; a county's or a village's towns).
    pub towns: Vec<Town>,
}

/// How a name names its towns: ranking puts a program that names the family's town (or
/// its village) above one that serves it through a county or area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Town,
    Village,
    County,
}

/// Why a place could not be declared (the catalogue's reader adds where it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceError {
    NoName,
    /// The name holds a comma: "Springfield, MA" written as a name.
    NameWithComma(String),
    NoState,
    /// Not a two-letter state code; holds the text and the code of a state written by its name.
    NotAState(String, Option<&'static str>),
    /// Connecticut's towns are built in.
    Connecticut(String),
    /// Declared already; holds the place's name ("Springfield, MA").
    Twice(String),
    TooMany,
}

impl std::fmt::Display for PlaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaceError::NoName => write!(f, "a place needs a \"name\", such as \"Springfield\""),
            PlaceError::NameWithComma(name) => {
                write!(f, "\"{name}\": write the town alone in \"name\" and its state in \"state\"")
            }
            PlaceError::NoState => write!(f, "a place needs a \"state\", a two-letter code such as \"MA\""),
            PlaceError::NotAState(text, Some(code)) => {
                write!(f, "\"{text}\" is not a two-letter state code: write \"{code}\"")
            }
            PlaceError::NotAState(text, None) => {
                write!(f, "\"{text}\" is not a two-letter U.S. state code such as \"MA\"")
            }
            PlaceError::Connecticut(name) => write!(
                f,
                "\"{name}\" is in Connecticut, whose towns are built in: list it in programs' \"towns\" without declaring it"
            ),
            PlaceError::Twice(name) => write!(f, "\"{name}\" is declared twice; the first is kept"),
            PlaceError::TooMany => write!(f, "a catalogue may declare at most {MOST_DECLARED_PLACES} places"),
        }
    }
}

/// A declared place with its names worked out once.
#[derive(Clone, Debug, PartialEq)]
struct Declared {
    place: DeclaredPlace,
    /// "Springfield, MA": what families see and links carry.
    shown: String,
    /// Index into `Places::counties`.
    county: Option<usize>,
}

/// A county of declared places.
#[derive(Clone, Debug, PartialEq)]
struct DeclaredCounty {
    /// "Hampden County, MA".
    shown: String,
    towns: Vec<Town>,
}

/// The places of one catalogue: Connecticut's towns, then the catalogue's own. See the
/// module documentation. The default declares nothing: Connecticut alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Places {
    declared: Vec<Declared>,
    counties: Vec<DeclaredCounty>,
    // The three indexes are maps of one type (name → number): each other type would add
    // its own copy of the hash table's code to the widget.
    /// "springfield, ma" → the place's town number.
    by_full_name: HashMap<String, u32>,
    /// "hampden county, ma" → index into `counties`.
    county_by_full_name: HashMap<String, u32>,
    /// "springfield" → index into `same_name`: every declared place of that name, for a
    /// bare name.
    by_name: HashMap<String, u32>,
    same_name: Vec<Vec<Town>>,
}

/// Connecticut's towns come first in every table.
const CONNECTICUT_TOWNS: usize = TOWNS.len();

impl Places {
    /// Connecticut alone, for callers with no catalogue (a page's options read before the
    /// catalogue arrives, the free functions of [`crate::towns`]).
    pub fn connecticut() -> &'static Places {
        static CONNECTICUT_ONLY: OnceLock<Places> = OnceLock::new();
        CONNECTICUT_ONLY.get_or_init(Places::default)
    }

    /// Adds a place outside Connecticut; its town number follows the places before it.
    pub fn declare(&mut self, name: &str, state: &str, county: Option<&str>) -> Result<Town, PlaceError> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(PlaceError::NoName);
        }
        if name.contains(',') {
            return Err(PlaceError::NameWithComma(name));
        }
        if state.trim().is_empty() {
            return Err(PlaceError::NoState);
        }
        let Some(state) = state_code(state) else {
            return Err(PlaceError::NotAState(state.trim().to_string(), state_named(state)));
        };
        if state == CONNECTICUT {
            return Err(PlaceError::Connecticut(name));
        }
        let shown = format!("{name}, {state}");
        let key = normalize(&shown);
        if let Some(first) = self.by_full_name.get(&key) {
            return Err(PlaceError::Twice(self.name(Town(*first as u16)).to_string()));
        }
        if self.declared.len() >= MOST_DECLARED_PLACES {
            return Err(PlaceError::TooMany);
        }
        let town = Town((CONNECTICUT_TOWNS + self.declared.len()) as u16);
        let county = county.map(|c| c.trim()).map(|c| county_in_name(c).unwrap_or(c).trim().to_string());
        let county = county.filter(|c| !c.is_empty());
        let county_index = county.as_ref().map(|county| {
            let shown = format!("{county} County, {state}");
            let next = self.counties.len() as u32;
            let index = *self.county_by_full_name.entry(normalize(&shown)).or_insert(next) as usize;
            if index == self.counties.len() {
                self.counties.push(DeclaredCounty { shown, towns: Vec::new() });
            }
            self.counties[index].towns.push(town);
            index
        });
        self.by_full_name.insert(key, u32::from(town.0));
        let next = self.same_name.len() as u32;
        let same = *self.by_name.entry(normalize(&name)).or_insert(next) as usize;
        if same == self.same_name.len() {
            self.same_name.push(Vec::new());
        }
        self.same_name[same].push(town);
        self.declared.push(Declared {
            place: DeclaredPlace { name, state, county },
            shown,
            county: county_index,
        });
        Ok(town)
    }

    /// How many places: Connecticut's 169 and the declared ones.
    pub fn len(&self) -> usize {
        CONNECTICUT_TOWNS + self.declared.len()
    }

    /// Never: Connecticut's towns are always there.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Every town: Connecticut's in alphabetical order, then the declared ones in file order.
    pub fn towns(&self) -> impl Iterator<Item = Town> + '_ {
        (0..self.len()).map(|i| Town(i as u16))
    }

    /// The places the catalogue declares, in file order.
    pub fn declared(&self) -> impl Iterator<Item = (Town, &DeclaredPlace)> + '_ {
        self.declared.iter().enumerate().map(|(i, d)| (Town((CONNECTICUT_TOWNS + i) as u16), &d.place))
    }

    /// The declared places as a catalogue file writes them (its `places`), for importers.
    pub fn entries(&self) -> Vec<PlaceEntry> {
        self.declared()
            .map(|(_, place)| PlaceEntry {
                name: place.name.clone(),
                state: place.state.to_string(),
                county: place.county.clone(),
            })
            .collect()
    }

    /// Whether the catalogue declares places of its own (messages then say more than
    /// "Connecticut").
    pub fn has_declared(&self) -> bool {
        !self.declared.is_empty()
    }

    fn declared_place(&self, town: Town) -> Option<&Declared> {
        self.declared.get(town.index().checked_sub(CONNECTICUT_TOWNS)?)
    }

    /// The town's name as families see it: "Hartford" for Connecticut's, "Springfield, MA"
    /// for a declared place; empty for a number this table does not have.
    pub fn name(&self, town: Town) -> &str {
        match TOWNS.get(town.index()) {
            Some((name, _)) => name,
            None => self.declared_place(town).map_or("", |d| d.shown.as_str()),
        }
    }

    /// The town's county: "Hartford" for Connecticut's (as [`COUNTIES`] writes them),
    /// "Hampden County, MA" for a declared place; `None` when the catalogue gives none.
    pub fn county(&self, town: Town) -> Option<&str> {
        self.county_index(town).and_then(|i| self.counties().nth(i))
    }

    /// Every county: Connecticut's eight (as [`COUNTIES`] writes them), then the declared
    /// places' counties ("Hampden County, MA") in the order they first appear.
    pub fn counties(&self) -> impl Iterator<Item = &str> + '_ {
        COUNTIES.iter().copied().chain(self.counties.iter().map(|c| c.shown.as_str()))
    }

    /// The town's county as an index into [`Places::counties`].
    pub fn county_index(&self, town: Town) -> Option<usize> {
        match TOWNS.get(town.index()) {
            Some((_, county)) => COUNTIES.iter().position(|c| c == county),
            None => self.declared_place(town)?.county.map(|i| COUNTIES.len() + i),
        }
    }

    /// What a place name in a catalogue stands for: a Connecticut town, county or village
    /// (also written with ", CT"), a declared place ("Springfield, MA", or a bare name only
    /// one declared place has and no Connecticut place has), or a declared county
    /// ("Hampden County, MA"). The catalogue's areas are the catalogue reader's business.
    pub fn resolve(&self, name: &str) -> Option<Found> {
        if let Some(place) = resolve_place(name) {
            return Some(Found::from(place));
        }
        if let Some((place, state)) = split_state(name) {
            if state == CONNECTICUT {
                return resolve_place(place).map(Found::from);
            }
            let key = normalize(&format!("{place}, {state}"));
            if let Some(town) = self.by_full_name.get(&key) {
                return Some(Found { kind: PlaceKind::Town, towns: vec![Town(*town as u16)] });
            }
            let county = *self.county_by_full_name.get(&key)? as usize;
            return Some(Found { kind: PlaceKind::County, towns: self.counties[county].towns.clone() });
        }
        match self.same_named(name) {
            [town] => Some(Found { kind: PlaceKind::Town, towns: vec![*town] }),
            _ => None,
        }
    }

    /// The town with this name, not a village or county: "Hartford", "Springfield, MA".
    pub fn town_named(&self, name: &str) -> Option<Town> {
        self.resolve(name).filter(|found| found.kind == PlaceKind::Town).map(|found| found.towns[0])
    }

    /// The declared places with this name, whatever their state ("Springfield" →
    /// "Springfield, MA", "Springfield, VT"): what to offer for a bare name that is not
    /// enough on its own.
    pub fn declared_with_name(&self, name: &str) -> Vec<Town> {
        self.same_named(name).to_vec()
    }

    fn same_named(&self, name: &str) -> &[Town] {
        match self.by_name.get(&normalize(name)) {
            Some(&index) => &self.same_name[index as usize],
            None => &[],
        }
    }

    /// Every declared place's name and every declared county's, as catalogues write them,
    /// for "did you mean" and suggestions.
    pub(super) fn declared_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.declared.iter().map(|d| d.shown.as_str())
    }

    pub(super) fn declared_county_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.counties.iter().map(|c| c.shown.as_str())
    }

    /// A declared place by its name and state, as a family types them ("springfield", "MA").
    pub(super) fn declared_in(&self, place: &str, state: &str) -> Option<Town> {
        self.by_full_name.get(&normalize(&format!("{place}, {state}"))).map(|&town| Town(town as u16))
    }
}

impl From<Place> for Found {
    fn from(place: Place) -> Found {
        let kind = match place {
            Place::Town(_) => PlaceKind::Town,
            Place::County(_) => PlaceKind::County,
            Place::Village(..) => PlaceKind::Village,
        };
        Found { kind, towns: place.towns() }
    }
}
