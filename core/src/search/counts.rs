//! Filtering the keyword matches by the family's choices, and counting, for every option
//! of every choice, how many programs choosing it would give ("facets").
//!
//! One pass over the candidates: for each program, the set of choices it fails. A
//! program failing none is a result and counts in every facet; a program failing
//! exactly one choice still counts in that choice's own facet, because each facet
//! leaves out its own choice (the need counts answer "what if I picked this need
//! instead"). Programs failing two or more count nowhere.
//!
//! Towns are counted per distinct town set (most programs share a few), then spread
//! over the set's towns and counties; statewide programs count for every town.

use crate::towns::{Town, COUNTIES};

use super::filters::{Facts, Tests, AGE, FREE, LANGUAGE, NEED, TOWN};
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
    let mut passing = Vec::new();
    let mut tally = want_counts.then(|| Tally::new(facts));
    let mut visit = |p: u32| {
        let fails = tests.fails(p as usize);
        if fails == 0 {
            passing.push(p);
        }
        if let Some(tally) = &mut tally {
            tally.add(facts, p as usize, fails);
        }
    };
    match candidates {
        Candidates::All(n) => (0..*n as u32).for_each(&mut visit),
        Candidates::Some(list) => list.iter().copied().for_each(&mut visit),
    }
    (passing, tally.map(|tally| tally.finish(facts)))
}

/// Running counts.
struct Tally {
    needs: Vec<usize>,
    languages: Vec<usize>,
    /// Programs per distinct town set (non-statewide programs only).
    sets: Vec<usize>,
    statewide: usize,
    ages: [usize; AGE_BANDS.len()],
    free: usize,
}

impl Tally {
    fn new(facts: &Facts) -> Tally {
        Tally {
            needs: vec![0; facts.need_ids.len()],
            languages: vec![0; facts.language_codes.len()],
            sets: vec![0; facts.sets.len()],
            statewide: 0,
            ages: [0; AGE_BANDS.len()],
            free: 0,
        }
    }

    #[inline]
    fn add(&mut self, facts: &Facts, p: usize, fails: u8) {
        // Each facet counts the program if it fails nothing but (perhaps) that facet.
        let counts_for = |facet: u8| fails & !facet == 0;
        let program = &facts.programs[p];
        if counts_for(NEED) {
            facts.needs.count_into(p, &mut self.needs);
        }
        if counts_for(TOWN) {
            if program.statewide {
                self.statewide += 1;
            } else if let Some(count) = self.sets.get_mut(program.serves as usize) {
                *count += 1;
            }
        }
        if counts_for(AGE) {
            for (band, count) in self.ages.iter_mut().enumerate() {
                *count += usize::from(program.bands & (1 << band) != 0);
            }
        }
        if counts_for(LANGUAGE) {
            facts.languages.count_into(p, &mut self.languages);
        }
        if counts_for(FREE) && program.free {
            self.free += 1;
        }
    }

    fn finish(self, facts: &Facts) -> Counts {
        let mut towns = vec![self.statewide; Town::all().count()];
        let mut counties = [self.statewide; COUNTIES.len()];
        for (set, &count) in facts.sets.iter().zip(&self.sets) {
            if count == 0 {
                continue;
            }
            for &town in &set.towns {
                if let Some(total) = towns.get_mut(town as usize) {
                    *total += count;
                }
            }
            for (c, total) in counties.iter_mut().enumerate() {
                if set.counties & (1 << c) != 0 {
                    *total += count;
                }
            }
        }
        Counts {
            needs: facts.need_ids.iter().cloned().zip(self.needs).collect(),
            counties: COUNTIES.iter().copied().zip(counties).collect(),
            towns,
            ages: self.ages.to_vec(),
            languages: facts.language_codes.iter().cloned().zip(self.languages).collect(),
            free: self.free,
        }
    }
}
