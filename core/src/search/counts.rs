//! Filtering the keyword matches by the family's choices, and counting, for every option
//! of every choice, how many programs choosing it would give ("facets").
//!
//! One pass over the candidates: for each program, the set of choices it fails. A
//! program failing none is a result and counts in every facet; a program failing
//! exactly one choice still counts in that choice's own facet, because each facet
//! leaves out its own choice (the need counts answer "what if I picked this need
//! instead"). Programs failing two or more count nowhere.
//!
//! The pass counts per distinct set (of needs, of languages, of towns, of age bands),
//! one increment each; the sets are spread over their options at the end. Statewide
//! programs count for every town and county.

use crate::towns::{Town, COUNTIES};

use super::filters::{Facts, ProgramFacts, Tests, AGE, FREE, LANGUAGE, NEED, TOWN};
use super::{Counts, AGE_BANDS};

/// The programs the keywords left: all of them (no keywords), or a list.
pub(super) enum Candidates {
    All(usize),
    Some(Vec<u32>),
}

/// The candidates that fit every choice (in candidate order), and the counts if asked.
pub(super) fn filter_and_count(
    facts: &Facts,
    tests: &Tests,
    candidates: &Candidates,
    want_counts: bool,
) -> (Vec<u32>, Option<Counts>) {
    match candidates {
        Candidates::All(n) => scan(facts, tests, 0..*n as u32, want_counts),
        Candidates::Some(list) => scan(facts, tests, list.iter().copied(), want_counts),
    }
}

#[inline(never)]
fn scan(
    facts: &Facts,
    tests: &Tests,
    candidates: impl Iterator<Item = u32>,
    want_counts: bool,
) -> (Vec<u32>, Option<Counts>) {
    // Filled by index rather than `push`, which is a call at `opt-level = "z"`.
    let mut passing = vec![0u32; facts.programs.len()];
    let mut found = 0;
    if !want_counts {
        for p in candidates {
            if tests.fails(p as usize) == 0 {
                if let Some(slot) = passing.get_mut(found) {
                    *slot = p;
                    found += 1;
                }
            }
        }
        passing.truncate(found);
        return (passing, None);
    }
    let mut tally = Tally::new(facts);
    let programs = facts.programs.as_slice();
    for p in candidates {
        let fails = tests.fails(p as usize);
        if fails == 0 {
            if let Some(slot) = passing.get_mut(found) {
                *slot = p;
                found += 1;
            }
        }
        // A program failing one choice still counts for that choice's own options;
        // failing two or more, it counts nowhere.
        if fails & fails.wrapping_sub(1) == 0 {
            if let Some(program) = programs.get(p as usize) {
                tally.add(program, fails);
            }
        }
    }
    passing.truncate(found);
    (passing, Some(tally.finish(facts)))
}

/// Running counts, per distinct set (of needs, languages, towns) rather than per
/// option: one increment per program, spread over the options at the end.
struct Tally {
    need_sets: Vec<usize>,
    language_sets: Vec<usize>,
    /// Programs per town set (statewide programs apart).
    town_sets: Vec<usize>,
    statewide: usize,
    /// Programs per combination of age bands.
    bands: [usize; 64],
    free: usize,
}

impl Tally {
    fn new(facts: &Facts) -> Tally {
        Tally {
            need_sets: vec![0; facts.need_sets.len()],
            language_sets: vec![0; facts.language_sets.len()],
            town_sets: vec![0; facts.sets.len()],
            statewide: 0,
            bands: [0; 64],
            free: 0,
        }
    }

    /// Counts a program that fails nothing (`fails` 0) or only the choice `fails`.
    #[inline(always)]
    fn add(&mut self, program: &ProgramFacts, fails: u8) {
        let counts_for = |facet: u8| fails == 0 || fails == facet;
        if counts_for(NEED) {
            if let Some(count) = self.need_sets.get_mut(program.needs as usize) {
                *count += 1;
            }
        }
        if counts_for(TOWN) {
            if program.statewide {
                self.statewide += 1;
            } else if let Some(count) = self.town_sets.get_mut(program.serves as usize) {
                *count += 1;
            }
        }
        if counts_for(AGE) {
            if let Some(count) = self.bands.get_mut(program.bands as usize) {
                *count += 1;
            }
        }
        if counts_for(LANGUAGE) {
            if let Some(count) = self.language_sets.get_mut(program.languages as usize) {
                *count += 1;
            }
        }
        if counts_for(FREE) && program.free {
            self.free += 1;
        }
    }

    fn finish(self, facts: &Facts) -> Counts {
        let mut needs = vec![0; facts.need_ids.len()];
        for (row, &count) in self.need_sets.iter().enumerate().filter(|(_, &c)| c > 0) {
            facts.need_sets.count_into(row, count, &mut needs);
        }
        let mut languages = vec![0; facts.language_codes.len()];
        for (row, &count) in self.language_sets.iter().enumerate().filter(|(_, &c)| c > 0) {
            facts.language_sets.count_into(row, count, &mut languages);
        }
        let mut ages = vec![0; AGE_BANDS.len()];
        for (bands, &count) in self.bands.iter().enumerate() {
            for (band, total) in ages.iter_mut().enumerate() {
                if bands & (1 << band) != 0 {
                    *total += count;
                }
            }
        }
        let mut towns = vec![self.statewide; Town::all().count()];
        let mut counties = [self.statewide; COUNTIES.len()];
        for (set, &count) in facts.sets.iter().zip(&self.town_sets) {
            if count == 0 {
                continue;
            }
            for &town in &set.towns {
                if let Some(total) = towns.get_mut(town as usize) {
                    *total += count;
                }
            }
            let mut bits = set.counties;
            while bits != 0 {
                if let Some(total) = counties.get_mut(bits.trailing_zeros() as usize) {
                    *total += count;
                }
                bits &= bits - 1;
            }
        }
        Counts {
            needs: facts.need_ids.iter().cloned().zip(needs).collect(),
            counties: COUNTIES.iter().copied().zip(counties).collect(),
            towns,
            ages,
            languages: facts.language_codes.iter().cloned().zip(languages).collect(),
            free: self.free,
        }
    }
}
