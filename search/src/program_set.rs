//! Sets of programs as bits, one per program: filtering is an AND of a few sets, and
//! a count is the number of bits two sets share. Built once per catalogue for every
//! option a family can choose ([`Columns`]), so a search touches 64 programs per
//! machine word instead of one program at a time.

use finder_core::towns::{Town, COUNTIES};

use super::filters::{Facts, ProgramFacts};
use super::AGE_BANDS;

/// A set of programs (indexes into `catalogue.programs`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ProgramSet {
    words: Vec<u64>,
}

impl ProgramSet {
    /// No program, out of `n`.
    pub fn empty(n: usize) -> ProgramSet {
        ProgramSet { words: vec![0; n.div_ceil(64)] }
    }

    /// All `n` programs.
    pub fn full(n: usize) -> ProgramSet {
        let mut set = ProgramSet { words: vec![u64::MAX; n.div_ceil(64)] };
        if let Some(last) = set.words.last_mut() {
            if n % 64 != 0 {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        set
    }

    pub fn insert(&mut self, program: usize) {
        if let Some(word) = self.words.get_mut(program / 64) {
            *word |= 1 << (program % 64);
        }
    }

    pub fn remove(&mut self, program: usize) {
        if let Some(word) = self.words.get_mut(program / 64) {
            *word &= !(1 << (program % 64));
        }
    }

    /// Keeps only the programs also in `other`.
    pub fn and_with(&mut self, other: &ProgramSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Leaves out the programs in `other`.
    pub fn and_not(&mut self, other: &ProgramSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Adds the programs of `other`.
    pub fn or_with(&mut self, other: &ProgramSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// How many programs are in both sets.
    pub fn count_and(&self, other: &ProgramSet) -> usize {
        self.words.iter().zip(&other.words).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// The programs, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        let total: usize = self.words.iter().map(|w| w.count_ones() as usize).sum();
        let mut out = Vec::with_capacity(total);
        for (w, &word) in self.words.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push((w * 64) as u32 + word.trailing_zeros());
                word &= word - 1;
            }
        }
        out
    }
}

/// For every option of every choice, the programs that choosing it would keep.
#[derive(Clone, Debug, Default)]
pub(crate) struct Columns {
    /// Per need (in `Facts::need_ids` order).
    pub needs: Vec<ProgramSet>,
    /// Per language code (in `Facts::language_codes` order).
    pub languages: Vec<ProgramSet>,
    /// Per town (in `Town::all()` order): programs serving it, and statewide ones.
    pub towns: Vec<ProgramSet>,
    /// Per county (in `COUNTIES` order): programs serving a town in it, and statewide ones.
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
    pub fn new(facts: &Facts, programs: &[ProgramFacts]) -> Columns {
        let n = programs.len();
        let sets = |count: usize| vec![ProgramSet::empty(n); count];
        let mut columns = Columns {
            needs: sets(facts.need_ids.len()),
            languages: sets(facts.language_codes.len()),
            towns: sets(Town::all().count()),
            counties: sets(COUNTIES.len()),
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
                for (c, county) in columns.counties.iter_mut().enumerate() {
                    if set.counties & (1 << c) != 0 {
                        county.insert(p);
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
        for set in columns.towns.iter_mut().chain(columns.counties.iter_mut()) {
            set.or_with(&statewide);
        }
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_of_any_size() {
        for n in [0, 1, 63, 64, 65, 130] {
            let full = ProgramSet::full(n);
            assert_eq!(full.to_vec().len(), n, "{n}");
            let mut some = ProgramSet::empty(n);
            for p in (0..n).step_by(3) {
                some.insert(p);
            }
            assert_eq!(some.count_and(&full), n.div_ceil(3), "{n}");
            let mut both = full.clone();
            both.and_with(&some);
            assert_eq!(both, some);
            assert_eq!(both.to_vec(), (0..n as u32).step_by(3).collect::<Vec<_>>());
        }
    }
}
