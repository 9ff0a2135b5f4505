//! Where programs serve, as sets of towns: resolving the place names programs list,
//! and storing each distinct set of towns once.
//!
//! Towns are the catalogue's [`Places`]: Connecticut's 169, then the places the catalogue
//! declares, so a town's bit is its [`Town::index`] in every set here. Most programs share
//! a handful of sets (a county, a city and its neighbours), so a program holds a set id,
//! and counting programs per town counts per set first.

use finder_core::catalogue::{Catalogue, Program};
use finder_core::towns::{PlaceKind, Places, Town};

use super::fast_map::FastMap;

/// A distinct set of towns, with what counting needs about it.
#[derive(Clone, Debug)]
pub(crate) struct TownBits {
    bits: Bits,
    /// Town indexes (as in [`Places::towns`]) in the set.
    pub towns: Vec<u16>,
    /// The counties (indexes into [`Places::counties`]) with a town in the set.
    pub counties: Vec<u16>,
}

impl TownBits {
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn has(&self, town: usize) -> bool {
        self.bits.get(town / 64).is_some_and(|word| word & (1 << (town % 64)) != 0)
    }
}

/// Town bits: bit `i` (of word `i / 64`) for the town with index `i`. Only as many words
/// as the highest town needs (trailing zero words are dropped, so equal sets are equal).
pub(crate) type Bits = Vec<u64>;

#[cfg_attr(finder_size, optimize(speed))]
fn set_bit(bits: &mut Bits, i: usize) {
    if bits.len() <= i / 64 {
        bits.resize(i / 64 + 1, 0);
    }
    bits[i / 64] |= 1 << (i % 64);
}

#[cfg_attr(finder_size, optimize(speed))]
fn or_into(bits: &mut Bits, other: &[u64]) {
    if bits.len() < other.len() {
        bits.resize(other.len(), 0);
    }
    for (word, other) in bits.iter_mut().zip(other) {
        *word |= other;
    }
}

/// Resolves the place names programs list, each distinct name once.
pub(crate) struct ListedPlaces<'a> {
    places: &'a Places,
    /// Per name: the towns it names itself (a town, or a village's), not through a county
    /// or area.
    names: FastMap<&'a str, Bits>,
}

impl<'a> ListedPlaces<'a> {
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn new(catalogue: &'a Catalogue) -> ListedPlaces<'a> {
        ListedPlaces { places: &catalogue.places, names: FastMap::default() }
    }

    /// The towns a program serves (resolved when the catalogue loaded), and the towns
    /// it names itself.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn of(&mut self, program: &'a Program) -> (Bits, Bits) {
        let mut listed = Bits::default();
        for name in &program.towns {
            or_into(&mut listed, self.named(name));
        }
        (program.serves.bits().to_vec(), listed)
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn named(&mut self, name: &'a str) -> &Bits {
        let places = self.places;
        self.names.entry(name).or_insert_with(|| {
            let mut listed = Bits::default();
            // A county or an area serves its towns without naming them (ranking tier 1).
            if let Some(found) = places.resolve(name).filter(|found| found.kind != PlaceKind::County) {
                for town in found.towns {
                    set_bit(&mut listed, town.index());
                }
            }
            listed
        })
    }
}

/// Distinct town sets, each stored once.
pub(crate) struct SetTable {
    ids: FastMap<Bits, u32>,
    pub sets: Vec<TownBits>,
    /// The county (index into [`Places::counties`]) of each town, if known.
    county_of: Vec<Option<u16>>,
}

impl SetTable {
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn new(places: &Places) -> SetTable {
        let county_of =
            places.towns().map(|town: Town| places.county_index(town).map(|c| c as u16)).collect();
        SetTable { ids: FastMap::default(), sets: Vec::new(), county_of }
    }

    pub fn intern(&mut self, bits: Bits) -> u32 {
        if let Some(id) = self.ids.get(&bits) {
            return *id;
        }
        let (sets, county_of) = (&mut self.sets, &self.county_of);
        *self.ids.entry(bits.clone()).or_insert_with(|| {
            let mut towns = Vec::new();
            let mut counties = Vec::new();
            for (w, &word) in bits.iter().enumerate() {
                let mut word = word;
                while word != 0 {
                    let town = w * 64 + word.trailing_zeros() as usize;
                    towns.push(town as u16);
                    if let Some(&Some(county)) = county_of.get(town) {
                        if !counties.contains(&county) {
                            counties.push(county);
                        }
                    }
                    word &= word - 1;
                }
            }
            sets.push(TownBits { bits, towns, counties });
            sets.len() as u32 - 1
        })
    }
}
