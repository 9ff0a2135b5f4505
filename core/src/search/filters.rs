//! The family's choices as precomputed facts per program, so that filtering and
//! counting are a tight loop of bit tests.
//!
//! Built once with the index: each program's needs and languages as bit rows over the
//! catalogue's needs and language codes, its towns as an id into a table of distinct
//! town sets (most programs share a few: a county, statewide), its ages, age bands and
//! whether it is free. [`Tests`] then answers "which choices does this program fail?"
//! with the same rules as [`crate::filter::Filter::matches`].

use crate::age::{AgeRange, ChildAge};
use crate::catalogue::{Catalogue, Program};
use crate::towns::{resolve_place, Place, Town, COUNTIES};

use super::index::FastMap;
use super::text::fold;
use super::AGE_BANDS;

/// Bits of the choices a program fails, as returned by [`Tests::fails`].
pub(crate) const NEED: u8 = 1;
pub(crate) const TOWN: u8 = 2;
pub(crate) const AGE: u8 = 4;
pub(crate) const LANGUAGE: u8 = 8;
pub(crate) const FREE: u8 = 16;

/// One row of bits per program, `stride` words wide (any number of needs or languages).
#[derive(Clone, Debug, Default)]
pub(crate) struct BitRows {
    stride: usize,
    words: Vec<u64>,
}

impl BitRows {
    fn new(rows: usize, bits: usize) -> BitRows {
        let stride = bits.div_ceil(64);
        BitRows {
            stride,
            words: vec![0; rows * stride],
        }
    }

    fn set(&mut self, row: usize, bit: usize) {
        self.words[row * self.stride + bit / 64] |= 1 << (bit % 64);
    }

    /// A mask with the given bits, as wide as a row.
    fn mask(&self, bits: impl IntoIterator<Item = usize>) -> Vec<u64> {
        let mut mask = vec![0; self.stride];
        for bit in bits {
            mask[bit / 64] |= 1 << (bit % 64);
        }
        mask
    }

    fn row(&self, row: usize) -> &[u64] {
        &self.words[row * self.stride..(row + 1) * self.stride]
    }

    fn intersects(&self, row: usize, mask: &[u64]) -> bool {
        self.row(row).iter().zip(mask).any(|(a, b)| a & b != 0)
    }

    /// Adds one to `counts[bit]` for every bit set in the row.
    pub fn count_into(&self, row: usize, counts: &mut [usize]) {
        for (w, &word) in self.row(row).iter().enumerate() {
            let mut word = word;
            while word != 0 {
                let bit = w * 64 + word.trailing_zeros() as usize;
                if let Some(count) = counts.get_mut(bit) {
                    *count += 1;
                }
                word &= word - 1;
            }
        }
    }
}

/// A distinct set of towns, with what counting needs about it.
#[derive(Clone, Debug)]
pub(crate) struct TownBits {
    bits: [u64; 3],
    /// Town indexes (as in `Town::all()`) in the set.
    pub towns: Vec<u8>,
    /// One bit per county in `COUNTIES` with a town in the set.
    pub counties: u8,
}

impl TownBits {
    fn has(&self, town: usize) -> bool {
        self.bits[town / 64] & (1 << (town % 64)) != 0
    }
}

/// What filtering needs to know about one program.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ProgramFacts {
    /// Index into `Facts::sets`: every town the program serves.
    pub serves: u32,
    /// Index into `Facts::sets`: towns the program names itself (or through a village).
    listed: u32,
    pub statewide: bool,
    pub free: bool,
    ages: AgeRange,
    /// One bit per entry of `AGE_BANDS` the program serves some age in.
    pub bands: u8,
}

/// Filtering facts for a whole catalogue.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub need_ids: Vec<String>,
    pub needs: BitRows,
    /// Language codes in the catalogue, sorted ("es", "pt").
    pub language_codes: Vec<String>,
    pub languages: BitRows,
    pub sets: Vec<TownBits>,
    pub programs: Vec<ProgramFacts>,
}

/// A language code as compared: folded, and only the language ("es-MX" is "es").
pub(crate) fn language_code(code: &str) -> String {
    let code = fold(code.trim());
    code.split(['-', '_']).next().unwrap_or_default().to_string()
}

/// Whether a cost text means free: it starts with "free" or "gratis", or says "no cost".
pub(crate) fn is_free(cost: &str) -> bool {
    let cost = fold(cost.trim());
    cost.starts_with("free") || cost.starts_with("gratis") || cost.contains("no cost")
}

/// The months a child's age covers, without overflow for absurd ages.
fn child_months(age: ChildAge) -> (u64, u64) {
    match age {
        ChildAge::Years(y) => (u64::from(y) * 12, u64::from(y) * 12 + 12),
        ChildAge::Months(m) => (u64::from(m), u64::from(m) + 1),
    }
}

/// Whether the program's ages overlap the months `[start, end)`: `AgeRange::serves`.
fn ages_overlap(ages: AgeRange, (start, end): (u64, u64)) -> bool {
    ages.start.is_none_or(|s| u64::from(s) < end) && ages.end.is_none_or(|e| start < u64::from(e))
}

impl Facts {
    pub fn new(catalogue: &Catalogue) -> Facts {
        let n = catalogue.programs.len();
        let need_ids: Vec<String> = catalogue.needs.iter().map(|need| need.id.clone()).collect();
        let mut codes: Vec<String> = catalogue
            .programs
            .iter()
            .flat_map(|p| p.languages.iter().map(|code| language_code(code)))
            .filter(|code| !code.is_empty())
            .collect();
        codes.sort();
        codes.dedup();
        let mut needs = BitRows::new(n, need_ids.len());
        let mut languages = BitRows::new(n, codes.len());
        let mut sets = SetTable::default();
        let mut listed_names: FastMap<&str, [u64; 3]> = FastMap::default();
        let mut code_bits: FastMap<&str, Option<usize>> = FastMap::default();
        let mut programs = Vec::with_capacity(n);
        for (row, program) in catalogue.programs.iter().enumerate() {
            for need in &program.needs {
                if let Some(bit) = need_ids.iter().position(|id| id == need) {
                    needs.set(row, bit);
                }
            }
            for code in &program.languages {
                let bit = code_bits
                    .entry(code)
                    .or_insert_with(|| codes.binary_search(&language_code(code)).ok());
                if let Some(bit) = *bit {
                    languages.set(row, bit);
                }
            }
            let mut served = [0u64; 3];
            for (i, town) in Town::all().enumerate() {
                if program.serves.contains(town) {
                    served[i / 64] |= 1 << (i % 64);
                }
            }
            programs.push(ProgramFacts {
                serves: sets.intern(served),
                listed: sets.intern(listed_towns(program, &mut listed_names)),
                statewide: program.statewide,
                free: program.cost.as_deref().is_some_and(is_free),
                ages: program.ages,
                bands: age_bands(program.ages),
            });
        }
        Facts {
            need_ids,
            needs,
            language_codes: codes,
            languages,
            sets: sets.sets,
            programs,
        }
    }

    /// The tier of a program for a chosen town: 0 if it names the town (or a village in
    /// it), 1 if it serves the town through a county or area, 2 otherwise (statewide).
    pub fn tier(&self, program: usize, town: Option<usize>) -> u8 {
        let (Some(town), Some(facts)) = (town, self.programs.get(program)) else {
            return 0;
        };
        if self.sets[facts.listed as usize].has(town) {
            0
        } else if self.sets[facts.serves as usize].has(town) {
            1
        } else {
            2
        }
    }
}

/// The towns a program names: towns by name, and the towns of villages it names.
fn listed_towns<'a>(program: &'a Program, cache: &mut FastMap<&'a str, [u64; 3]>) -> [u64; 3] {
    let mut listed = [0u64; 3];
    for name in &program.towns {
        // resolve_place scans the town table; names repeat, so look each up once.
        let bits = cache.entry(name).or_insert_with(|| {
            let mut bits = [0u64; 3];
            let towns = match resolve_place(name) {
                Some(Place::Town(town)) => vec![town],
                Some(Place::Village(_, towns)) => towns,
                _ => Vec::new(),
            };
            for (i, town) in Town::all().enumerate() {
                if towns.contains(&town) {
                    bits[i / 64] |= 1 << (i % 64);
                }
            }
            bits
        });
        for (word, bits) in listed.iter_mut().zip(*bits) {
            *word |= bits;
        }
    }
    listed
}

fn age_bands(ages: AgeRange) -> u8 {
    let mut bands = 0;
    for (i, band) in AGE_BANDS.iter().enumerate() {
        let start = u64::from(band.from_years) * 12;
        let end = band.to_years.map_or(u64::MAX, |to| u64::from(to) * 12 + 12);
        if ages_overlap(ages, (start, end)) {
            bands |= 1 << i;
        }
    }
    bands
}

/// Distinct town sets, each stored once.
#[derive(Default)]
struct SetTable {
    ids: FastMap<[u64; 3], u32>,
    sets: Vec<TownBits>,
}

impl SetTable {
    fn intern(&mut self, bits: [u64; 3]) -> u32 {
        let sets = &mut self.sets;
        *self.ids.entry(bits).or_insert_with(|| {
            let towns: Vec<u8> = (0..192u8)
                .filter(|&i| bits[i as usize / 64] & (1 << (i % 64)) != 0)
                .collect();
            let mut counties = 0u8;
            for (i, town) in Town::all().enumerate() {
                if towns.contains(&(i as u8)) {
                    let county = COUNTIES.iter().position(|c| *c == town.county());
                    counties |= county.map_or(0, |c| 1 << c);
                }
            }
            sets.push(TownBits {
                bits,
                towns,
                counties,
            });
            sets.len() as u32 - 1
        })
    }
}

/// The family's choices, ready to test programs against.
pub(crate) struct Tests<'a> {
    facts: &'a Facts,
    needs: Option<Vec<u64>>,
    /// The chosen town's index in `Town::all()`.
    pub town: Option<usize>,
    age: Option<(u64, u64)>,
    languages: Option<Vec<u64>>,
    free: bool,
}

impl<'a> Tests<'a> {
    pub fn new(facts: &'a Facts, choices: &super::Choices) -> Tests<'a> {
        let needs = (!choices.needs.is_empty()).then(|| {
            let bits = choices
                .needs
                .iter()
                .filter_map(|need| facts.need_ids.iter().position(|id| id == need));
            facts.needs.mask(bits)
        });
        let languages = (!choices.languages.is_empty()).then(|| {
            let bits = choices
                .languages
                .iter()
                .filter_map(|code| facts.language_codes.binary_search(&language_code(code)).ok());
            facts.languages.mask(bits)
        });
        Tests {
            facts,
            needs,
            town: choices.town.and_then(|t| Town::all().position(|town| town == t)),
            age: choices.age.map(child_months),
            languages,
            free: choices.free_only,
        }
    }

    /// The choices (`NEED`, `TOWN`, …) that program `p` fails; 0 if it fits them all.
    #[inline]
    pub fn fails(&self, p: usize) -> u8 {
        let facts = &self.facts.programs[p];
        let mut fails = 0;
        if let Some(mask) = &self.needs {
            if !self.facts.needs.intersects(p, mask) {
                fails |= NEED;
            }
        }
        if let Some(town) = self.town {
            if !facts.statewide && !self.facts.sets[facts.serves as usize].has(town) {
                fails |= TOWN;
            }
        }
        if let Some(months) = self.age {
            if !ages_overlap(facts.ages, months) {
                fails |= AGE;
            }
        }
        if let Some(mask) = &self.languages {
            if !self.facts.languages.intersects(p, mask) {
                fails |= LANGUAGE;
            }
        }
        if self.free && !facts.free {
            fails |= FREE;
        }
        fails
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_costs() {
        let check = |cost: &str, expected: bool| assert_eq!(is_free(cost), expected, "{cost:?}");
        check("free", true);
        check(" Free for up to 8 hours a month", true);
        check("GRATIS", true);
        check("At no cost to families", true);
        check("small fare; free for some trips", false);
        check("sliding scale", false);
        check("", false);
    }

    #[test]
    fn language_codes_compare_by_language() {
        assert_eq!(language_code(" ES-mx "), "es");
        assert_eq!(language_code("pt_BR"), "pt");
        assert_eq!(language_code("-"), "");
    }

    #[test]
    fn bit_rows_of_any_width() {
        let mut rows = BitRows::new(2, 130);
        rows.set(1, 129);
        rows.set(1, 3);
        assert!(rows.intersects(1, &rows.mask([129])));
        assert!(!rows.intersects(0, &rows.mask([129])));
        let mut counts = vec![0; 130];
        rows.count_into(1, &mut counts);
        assert_eq!((counts[3], counts[129], counts[4]), (1, 1, 0));
        let empty = BitRows::new(3, 0);
        assert!(!empty.intersects(2, &empty.mask([])));
    }
}
