//! The facts layer: what filtering and ranking need to know about every program, worked
//! out once per catalogue (with the index, by [`Facts::new`]).
//!
//! - **Per program** ([`ProgramFacts`]): ids into tables of *distinct* values: its set of
//!   needs and its set of languages (rows of [`BitRows`] over the catalogue's needs and
//!   language codes, any number of them), and its sets of towns ([`super::places`]); and
//!   its ages, [`AGE_BANDS`] and whether it is free. These remain for ranking by town
//!   (tier) and for a child's exact age.
//! - **Per option** ([`Columns`]): for every option of every choice, the set of programs
//!   choosing it keeps ([`ProgramSet`]), with the same rules as
//!   [`finder_core::filter::Filter::matches`]. Filtering and counting
//!   ([`super::facets`]) are ANDs and counts of these sets.

use std::sync::Mutex;

use finder_core::age::{AgeRange, ChildAge};
use finder_core::catalogue::Catalogue;
use finder_core::hours::{Schedule, WallClock};
use finder_core::towns::{Town, COUNTIES};

use super::fast_map::FastMap;
use super::places::{ListedPlaces, SetTable, TownBits};
use super::program_set::{BitRows, ProgramSet};
use super::text::fold;

/// A range of children's ages, in whole years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeBand {
    pub label: &'static str,
    pub from_years: u32,
    /// Last year included; `None` for no upper end.
    pub to_years: Option<u32>,
}

/// The age bands counted in [`Counts::ages`](super::Counts::ages).
pub const AGE_BANDS: [AgeBand; 6] = [
    AgeBand { label: "under 1", from_years: 0, to_years: Some(0) },
    AgeBand { label: "1–2", from_years: 1, to_years: Some(2) },
    AgeBand { label: "3–5", from_years: 3, to_years: Some(5) },
    AgeBand { label: "6–12", from_years: 6, to_years: Some(12) },
    AgeBand { label: "13–17", from_years: 13, to_years: Some(17) },
    AgeBand { label: "18+", from_years: 18, to_years: None },
];

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
    /// The catalogue's counties ([`finder_core::towns::Places::counties`]): Connecticut's
    /// eight, then those of its declared places.
    pub county_names: Vec<String>,
    /// How many towns the catalogue's places have (Connecticut's 169 and its own).
    pub town_count: usize,
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
    #[cfg_attr(finder_size, optimize(speed))]
    fn clone(&self) -> OpenCache {
        OpenCache::default()
    }
}

impl std::fmt::Debug for OpenCache {
    #[cfg_attr(finder_size, optimize(speed))]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OpenCache")
    }
}

/// A language code as compared: folded, and only the language ("es-MX" is "es").
#[cfg_attr(finder_size, optimize(speed))]
pub(crate) fn language_code(code: &str) -> String {
    let code = fold(code.trim());
    code.split(['-', '_']).next().unwrap_or_default().to_string()
}

/// The months `[start, end)` a child's age covers, kept within `u32` (`ChildAge::months`
/// overflows for absurd ages; within its range this is the same).
#[cfg_attr(finder_size, optimize(speed))]
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
#[cfg_attr(finder_size, optimize(speed))]
fn ages_overlap((start, end): (u32, u32), (from, to): (u32, u32)) -> bool {
    start < to && from < end
}

#[cfg_attr(finder_size, optimize(speed))]
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
        let mut sets = SetTable::new(&catalogue.places);
        let mut places = ListedPlaces::new(catalogue);
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
                free: program.cost.as_deref().is_some_and(|cost| {
                    *free_costs.entry(cost).or_insert_with(|| finder_core::cost::is_free(cost))
                }),
            });
        }
        let mut facts = Facts {
            need_ids,
            need_sets,
            language_codes: codes,
            language_sets,
            sets: sets.sets,
            county_names: catalogue.places.counties().map(String::from).collect(),
            town_count: catalogue.places.len(),
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
    #[cfg_attr(finder_size, optimize(speed))]
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
    #[cfg_attr(finder_size, optimize(speed))]
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
    #[cfg_attr(finder_size, optimize(speed))]
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

/// For every option of every choice, the programs that choosing it would keep.
#[derive(Clone, Debug, Default)]
pub(crate) struct Columns {
    /// Per need (in `Facts::need_ids` order).
    pub needs: Vec<ProgramSet>,
    /// Per language code (in `Facts::language_codes` order).
    pub languages: Vec<ProgramSet>,
    /// Per town (in the catalogue's `Places::towns` order): programs serving it, and
    /// statewide ones for Connecticut's towns.
    pub towns: Vec<ProgramSet>,
    /// Per county (in `Facts::county_names` order): programs serving a town in it, and
    /// statewide ones for Connecticut's counties.
    pub counties: Vec<ProgramSet>,
    /// Per age band (in `AGE_BANDS` order): programs serving some age in it.
    pub bands: Vec<ProgramSet>,
    pub free: ProgramSet,
    /// Programs with structured hours.
    pub scheduled: ProgramSet,
    /// Programs open some evening, and those without structured hours.
    pub evenings: ProgramSet,
    /// Programs open on a weekend, and those without structured hours.
    pub weekends: ProgramSet,
}

impl Columns {
    fn new(facts: &Facts, programs: &[ProgramFacts]) -> Columns {
        let n = programs.len();
        let sets = |count: usize| vec![ProgramSet::empty(n); count];
        let mut columns = Columns {
            needs: sets(facts.need_ids.len()),
            languages: sets(facts.language_codes.len()),
            towns: sets(facts.town_count),
            counties: sets(facts.county_names.len()),
            bands: sets(AGE_BANDS.len()),
            free: ProgramSet::empty(n),
            scheduled: ProgramSet::empty(n),
            evenings: ProgramSet::full(n),
            weekends: ProgramSet::full(n),
        };
        let mut statewide = ProgramSet::empty(n);
        let mut row_bits = Vec::new();
        for (p, program) in programs.iter().enumerate() {
            row_bits.clear();
            facts.need_sets.bits_of(program.needs as usize, &mut row_bits);
            for &need in &row_bits {
                if let Some(set) = columns.needs.get_mut(need) {
                    set.insert(p);
                }
            }
            row_bits.clear();
            facts.language_sets.bits_of(program.languages as usize, &mut row_bits);
            for &code in &row_bits {
                if let Some(set) = columns.languages.get_mut(code) {
                    set.insert(p);
                }
            }
            if program.statewide {
                statewide.insert(p);
            } else if let Some(set) = facts.sets.get(program.serves as usize) {
                for &town in &set.towns {
                    if let Some(set) = columns.towns.get_mut(town as usize) {
                        set.insert(p);
                    }
                }
                for &county in &set.counties {
                    if let Some(set) = columns.counties.get_mut(county as usize) {
                        set.insert(p);
                    }
                }
            }
            for (b, band) in columns.bands.iter_mut().enumerate() {
                if program.bands & (1 << b) != 0 {
                    band.insert(p);
                }
            }
            if program.free {
                columns.free.insert(p);
            }
        }
        for (p, schedule) in &facts.schedules {
            let p = *p as usize;
            columns.scheduled.insert(p);
            if !schedule.has_evening() {
                columns.evenings.remove(p);
            }
            if !schedule.has_weekend() {
                columns.weekends.remove(p);
            }
        }
        // Statewide means Connecticut: its 169 towns and eight counties come first.
        let connecticut_towns = columns.towns.iter_mut().take(Town::all().count());
        for set in connecticut_towns.chain(columns.counties.iter_mut().take(COUNTIES.len())) {
            set.or_with(&statewide);
        }
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_compare_by_language() {
        assert_eq!(language_code(" ES-mx "), "es");
        assert_eq!(language_code("pt_BR"), "pt");
        assert_eq!(language_code("-"), "");
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
