//! The family's choices as precomputed facts per program, built once with the index.
//!
//! Each program holds ids into tables of *distinct* values: its set of needs, its set
//! of languages (bit rows over the catalogue's needs and language codes, any number of
//! them) and its set of towns ([`super::places`]); and its ages, age bands and whether
//! it is free. From these, [`Columns`] keeps for every option the set of programs
//! choosing it keeps, with the same rules as [`finder_core::filter::Filter::matches`]; the
//! per-program facts remain for ranking by town (tier) and for a child's exact age.

use std::sync::Mutex;

use finder_core::age::{AgeRange, ChildAge};
use finder_core::catalogue::Catalogue;
use finder_core::hours::{Schedule, WallClock};

use super::builder::FastMap;
use super::places::{Places, SetTable, TownBits};
use super::program_set::{Columns, ProgramSet};
use super::text::fold;
use super::AGE_BANDS;

/// Rows of bits, `stride` words wide, each distinct row stored once.
#[derive(Clone, Debug, Default)]
pub(crate) struct BitRows {
    stride: usize,
    words: Vec<u64>,
    ids: FastMap<Vec<u64>, u32>,
    /// The row being looked up, reused so that a lookup allocates nothing.
    scratch: Vec<u64>,
}

impl BitRows {
    fn new(bits: usize) -> BitRows {
        BitRows { stride: bits.div_ceil(64), ..BitRows::default() }
    }

    /// The id of the row with these bits, adding it if it is new.
    fn intern(&mut self, bits: impl IntoIterator<Item = usize>) -> u32 {
        self.scratch.clear();
        self.scratch.resize(self.stride, 0);
        for bit in bits {
            if let Some(word) = self.scratch.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        if let Some(&id) = self.ids.get(self.scratch.as_slice()) {
            return id;
        }
        let id = self.len() as u32;
        self.words.extend(&self.scratch);
        self.ids.insert(self.scratch.clone(), id);
        id
    }

    /// How many distinct rows there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    fn row(&self, row: usize) -> &[u64] {
        self.words.get(row * self.stride..(row + 1) * self.stride).unwrap_or(&[])
    }

    /// Appends the bits set in a row to `out`.
    pub fn bits_of(&self, row: usize, out: &mut Vec<usize>) {
        for (w, &word) in self.row(row).iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push(w * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
    }
}

/// What filtering needs to know about one program.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ProgramFacts {
    /// Index into `Facts::sets`: every town the program serves.
    pub serves: u32,
    /// Index into `Facts::sets`: towns the program names itself (or through a village).
    listed: u32,
    /// Row of `Facts::need_sets`.
    pub needs: u32,
    /// Row of `Facts::language_sets`.
    pub languages: u32,
    /// Ages served as months `[start, end)`; no bound is 0 or `u32::MAX`.
    start: u32,
    end: u32,
    /// One bit per entry of `AGE_BANDS` the program serves some age in.
    pub bands: u8,
    pub statewide: bool,
    pub free: bool,
}

/// Filtering facts for a whole catalogue.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub need_ids: Vec<String>,
    pub need_sets: BitRows,
    /// Language codes in the catalogue, sorted ("es", "pt").
    pub language_codes: Vec<String>,
    pub language_sets: BitRows,
    pub sets: Vec<TownBits>,
    pub programs: Vec<ProgramFacts>,
    /// The same facts as sets of programs, for filtering and counting.
    pub columns: Columns,
    /// (program, its structured hours), for "open now".
    pub schedules: Vec<(u32, Schedule)>,
    /// The programs open at the last minute asked about: a family types many keys in a
    /// minute, and checking every schedule on each would cost a big catalogue 10 ms.
    pub open_cache: OpenCache,
}

/// The programs open at one minute, kept until another minute is asked about.
#[derive(Default)]
pub(crate) struct OpenCache(Mutex<Option<(WallClock, ProgramSet)>>);

impl Clone for OpenCache {
    fn clone(&self) -> OpenCache {
        OpenCache::default()
    }
}

impl std::fmt::Debug for OpenCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OpenCache")
    }
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

/// The months `[start, end)` a child's age covers, kept within `u32` (`ChildAge::months`
/// overflows for absurd ages; within its range this is the same).
fn child_months(age: ChildAge) -> (u32, u32) {
    let (start, end) = match age {
        ChildAge::Years(y) => (u64::from(y) * 12, u64::from(y) * 12 + 12),
        ChildAge::Months(m) => (u64::from(m), u64::from(m) + 1),
    };
    let fit = |months: u64| months.min(u64::from(u32::MAX - 1)) as u32;
    (fit(start), fit(end))
}

/// Whether ages `[start, end)` overlap the months `[from, to)`, as `AgeRange::serves`
/// (an open start is 0 and `0 < to` always holds; an open end is `u32::MAX`).
fn ages_overlap((start, end): (u32, u32), (from, to): (u32, u32)) -> bool {
    start < to && from < end
}

fn age_bands(ages: (u32, u32)) -> u8 {
    let mut bands = 0;
    for (i, band) in AGE_BANDS.iter().enumerate() {
        let from = band.from_years * 12;
        let to = band.to_years.map_or(u32::MAX, |to| to * 12 + 12);
        if ages_overlap(ages, (from, to)) {
            bands |= 1 << i;
        }
    }
    bands
}

impl Facts {
    pub fn new(catalogue: &Catalogue) -> Facts {
        let need_ids: Vec<String> = catalogue.needs.iter().map(|need| need.id.clone()).collect();
        // Codes as written ("es", "ES", "es-MX"), each once, then as compared ("es"). A hash
        // set, not a sorted set: a big catalogue lists a language a hundred thousand times,
        // and sorting those was a tenth of the index build.
        let mut written: FastMap<&str, ()> = FastMap::default();
        for code in catalogue.programs.iter().flat_map(|p| &p.languages) {
            written.insert(code, ());
        }
        let compared: Vec<(&str, String)> =
            written.into_keys().map(|code| (code, language_code(code))).collect();
        let mut codes: Vec<String> =
            compared.iter().map(|(_, code)| code.clone()).filter(|code| !code.is_empty()).collect();
        codes.sort_unstable();
        codes.dedup();
        let code_bits: FastMap<&str, usize> = compared
            .iter()
            .filter_map(|(written, code)| Some((*written, codes.binary_search(code).ok()?)))
            .collect();
        let need_bits: FastMap<&str, usize> =
            need_ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let mut need_sets = BitRows::new(need_ids.len());
        let mut language_sets = BitRows::new(codes.len());
        let mut sets = SetTable::default();
        let mut places = Places::new(catalogue);
        let mut free_costs: FastMap<&str, bool> = FastMap::default();
        let mut programs = Vec::with_capacity(catalogue.programs.len());
        for program in &catalogue.programs {
            let needs = program.needs.iter().filter_map(|need| need_bits.get(need.as_str()));
            let languages = program.languages.iter().filter_map(|code| code_bits.get(code.as_str()));
            let (served, listed) = places.of(program);
            let AgeRange { start, end } = program.ages;
            let ages = (start.unwrap_or(0), end.unwrap_or(u32::MAX));
            programs.push(ProgramFacts {
                serves: sets.intern(served),
                listed: sets.intern(listed),
                needs: need_sets.intern(needs.copied()),
                languages: language_sets.intern(languages.copied()),
                start: ages.0,
                end: ages.1,
                bands: age_bands(ages),
                statewide: program.statewide,
                free: program
                    .cost
                    .as_deref()
                    .is_some_and(|cost| *free_costs.entry(cost).or_insert_with(|| is_free(cost))),
            });
        }
        let mut facts = Facts {
            need_ids,
            need_sets,
            language_codes: codes,
            language_sets,
            sets: sets.sets,
            programs: Vec::new(),
            columns: Columns::default(),
            schedules: catalogue
                .programs
                .iter()
                .enumerate()
                .filter_map(|(p, program)| Some((p as u32, program.schedule.clone()?)))
                .collect(),
            open_cache: OpenCache::default(),
        };
        facts.columns = Columns::new(&facts, &programs);
        facts.programs = programs;
        facts
    }

    /// The programs open at `now` by their structured hours.
    pub fn open_at(&self, now: WallClock) -> ProgramSet {
        let mut cache = self.open_cache.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((at, set)) = cache.as_ref().filter(|(at, _)| *at == now) {
            debug_assert_eq!(*at, now);
            return set.clone();
        }
        let mut set = ProgramSet::empty(self.programs.len());
        for (p, schedule) in &self.schedules {
            if schedule.is_open_at(now) {
                set.insert(*p as usize);
            }
        }
        *cache = Some((now, set.clone()));
        set
    }

    /// The programs serving some month of a child's age.
    pub fn serving_age(&self, age: ChildAge) -> ProgramSet {
        let months = child_months(age);
        let mut set = ProgramSet::empty(self.programs.len());
        for (p, program) in self.programs.iter().enumerate() {
            if ages_overlap((program.start, program.end), months) {
                set.insert(p);
            }
        }
        set
    }

    /// The tier of a program for a chosen town: 0 if it names the town (or a village in
    /// it), 1 if it serves the town through a county or area, 2 otherwise (statewide).
    pub fn tier(&self, program: usize, town: Option<usize>) -> u8 {
        let (Some(town), Some(facts)) = (town, self.programs.get(program)) else {
            return 0;
        };
        let has = |set: u32| self.sets.get(set as usize).is_some_and(|s| s.has(town));
        if has(facts.listed) {
            0
        } else if has(facts.serves) {
            1
        } else {
            2
        }
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
        let mut rows = BitRows::new(130);
        assert_eq!(rows.intern([]), 0);
        assert_eq!(rows.intern([3, 129]), 1);
        assert_eq!(rows.intern([129, 3]), 1, "each distinct row once");
        let mut bits = Vec::new();
        rows.bits_of(1, &mut bits);
        assert_eq!(bits, [3, 129]);
        let mut empty = BitRows::new(0);
        assert_eq!(empty.intern([5]), 0);
        bits.clear();
        empty.bits_of(0, &mut bits);
        assert!(bits.is_empty());
    }

    #[test]
    fn ages_like_age_range() {
        use finder_core::age::ChildAge::{Months, Years};
        for (min, max) in [
            (None, None),
            (Some(0.0), Some(5.0)),
            (Some(0.0), Some(0.5)),
            (Some(18.0), None),
            (None, Some(12.0)),
        ] {
            let range = AgeRange::from_years(min, max);
            let ours = (range.start.unwrap_or(0), range.end.unwrap_or(u32::MAX));
            for age in [
                Months(0),
                Months(6),
                Months(7),
                Years(0),
                Years(5),
                Years(6),
                Years(17),
                Years(18),
                Years(119),
            ] {
                assert_eq!(
                    ages_overlap(ours, child_months(age)),
                    range.serves(age),
                    "{min:?}–{max:?} {age:?}"
                );
            }
        }
        assert_eq!(child_months(Years(u32::MAX)).0, u32::MAX - 1);
    }
}
