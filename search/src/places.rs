//! Where programs serve, as sets of towns: resolving the place names programs list,
//! and storing each distinct set of towns once.
//!
//! Most programs share a handful of sets (a county, a city and its neighbours), so a
//! program holds a set id, and counting programs per town counts per set first.

use finder_core::catalogue::{Catalogue, Program};
use finder_core::towns::{normalize, resolve_place, Place, Town, TownSet, COUNTIES};

use super::fast_map::FastMap;

/// A distinct set of towns, with what counting needs about it.
#[derive(Clone, Debug)]
pub(crate) struct TownBits {
    bits: Bits,
    /// Town indexes (as in `Town::all()`) in the set.
    pub towns: Vec<u8>,
    /// One bit per county in `COUNTIES` with a town in the set.
    pub counties: u8,
}

impl TownBits {
    #[inline(always)]
    pub fn has(&self, town: usize) -> bool {
        self.bits[town / 64] & (1 << (town % 64)) != 0
    }
}

/// Town bits as `[u64; 3]`, bit `i` for the `i`-th town of `Town::all()`.
pub(crate) type Bits = [u64; 3];

fn set_bit(bits: &mut Bits, i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

/// Resolves the place names programs list, each distinct name once.
pub(crate) struct Places<'a> {
    towns: Vec<Town>,
    areas: Vec<(String, Bits)>,
    /// Per name: the towns it covers, and the towns it names (a town, or a village's).
    names: FastMap<&'a str, (Bits, Bits)>,
}

impl<'a> Places<'a> {
    pub fn new(catalogue: &Catalogue) -> Places<'a> {
        let towns: Vec<Town> = Town::all().collect();
        let areas =
            catalogue.areas.iter().map(|(name, set)| (normalize(name), Self::bits_of(&towns, set))).collect();
        Places { towns, areas, names: FastMap::default() }
    }

    fn bits_of(towns: &[Town], set: &TownSet) -> Bits {
        let mut bits = Bits::default();
        for (i, town) in towns.iter().enumerate() {
            if set.contains(*town) {
                set_bit(&mut bits, i);
            }
        }
        bits
    }

    /// The towns a program serves (resolved when the catalogue loaded), and the towns
    /// it names itself.
    pub fn of(&mut self, program: &'a Program) -> (Bits, Bits) {
        let mut listed = Bits::default();
        for name in &program.towns {
            let (_, l) = self.name(name);
            for w in 0..3 {
                listed[w] |= l[w];
            }
        }
        (program.serves.bits(), listed)
    }

    fn name(&mut self, name: &'a str) -> (Bits, Bits) {
        if let Some(bits) = self.names.get(name) {
            return *bits;
        }
        let (mut served, mut listed) = (Bits::default(), Bits::default());
        let place = resolve_place(name);
        let covered = place.as_ref().map(Place::towns).unwrap_or_default();
        for (i, town) in self.towns.iter().enumerate() {
            if covered.contains(town) {
                set_bit(&mut served, i);
                if !matches!(place, Some(Place::County(_))) {
                    set_bit(&mut listed, i);
                }
            }
        }
        if place.is_none() {
            let wanted = normalize(name);
            if let Some((_, bits)) = self.areas.iter().find(|(area, _)| *area == wanted) {
                served = *bits;
            }
        }
        self.names.insert(name, (served, listed));
        (served, listed)
    }
}

/// Distinct town sets, each stored once.
pub(crate) struct SetTable {
    ids: FastMap<Bits, u32>,
    pub sets: Vec<TownBits>,
    /// The county (index into `COUNTIES`) of each town.
    county_of: Vec<u8>,
}

impl Default for SetTable {
    fn default() -> SetTable {
        let county_of = Town::all()
            .map(|town| COUNTIES.iter().position(|c| *c == town.county()).unwrap_or(0) as u8)
            .collect();
        SetTable { ids: FastMap::default(), sets: Vec::new(), county_of }
    }
}

impl SetTable {
    pub fn intern(&mut self, bits: Bits) -> u32 {
        let (sets, county_of) = (&mut self.sets, &self.county_of);
        *self.ids.entry(bits).or_insert_with(|| {
            let mut towns = Vec::new();
            let mut counties = 0u8;
            for (w, &word) in bits.iter().enumerate() {
                let mut word = word;
                while word != 0 {
                    let town = w * 64 + word.trailing_zeros() as usize;
                    towns.push(town as u8);
                    counties |= county_of.get(town).map_or(0, |c| 1 << c);
                    word &= word - 1;
                }
            }
            sets.push(TownBits { bits, towns, counties });
            sets.len() as u32 - 1
        })
    }
}
