//! Filtering the keyword matches by the family's choices, and counting, for every option
//! of every choice, how many programs choosing it would give ("facets").
//!
//! Everything is sets of programs ([`ProgramSet`]): the candidates (all programs, or
//! those the keywords found), one set per choice made, and the precomputed set of every
//! option ([`super::program_set::Columns`]). The results are the candidates AND every
//! choice. A facet leaves out its own choice (the need counts answer "what if I picked
//! this need instead"), so its options are counted against the candidates AND every
//! *other* choice. Statewide programs count for every town and county.

use crate::towns::{Town, COUNTIES};

use super::filters::{language_code, Facts};
use super::program_set::ProgramSet;
use super::{Choices, Counts};

/// The programs the keywords left: all of them (no keywords), or a list.
pub(super) enum Candidates {
    All(usize),
    Some(Vec<u32>),
}

/// The facets, in the order of `Chosen::sets`.
const NEEDS: usize = 0;
const TOWN: usize = 1;
const AGE: usize = 2;
const LANGUAGES: usize = 3;
const FREE: usize = 4;

/// The candidates that fit every choice (ascending), and the counts if asked.
pub(super) fn filter_and_count(
    facts: &Facts,
    choices: &Choices,
    town: Option<usize>,
    candidates: &Candidates,
    want_counts: bool,
) -> (Vec<u32>, Option<Counts>) {
    let n = facts.programs.len();
    let base = match candidates {
        Candidates::All(n) => ProgramSet::full(*n),
        Candidates::Some(list) => {
            let mut set = ProgramSet::empty(n);
            for &p in list {
                set.insert(p as usize);
            }
            set
        }
    };
    let columns = &facts.columns;
    let union = |options: &mut dyn Iterator<Item = &ProgramSet>| {
        let mut set = ProgramSet::empty(n);
        for option in options {
            set.or_with(option);
        }
        set
    };
    // The set each choice keeps, or `None` when nothing is chosen. An unknown need or
    // language keeps nothing, as `Filter` does.
    let needs = (!choices.needs.is_empty()).then(|| {
        let chosen = choices.needs.iter().filter_map(|need| facts.need_ids.iter().position(|id| id == need));
        union(&mut chosen.filter_map(|i| columns.needs.get(i)))
    });
    let languages = (!choices.languages.is_empty()).then(|| {
        let chosen = choices
            .languages
            .iter()
            .filter_map(|c| facts.language_codes.binary_search(&language_code(c)).ok());
        union(&mut chosen.filter_map(|i| columns.languages.get(i)))
    });
    let age = choices.age.map(|age| facts.serving_age(age));
    let empty = ProgramSet::empty(n);
    let sets: [Option<&ProgramSet>; 5] = [
        needs.as_ref(),
        town.map(|t| columns.towns.get(t).unwrap_or(&empty)),
        age.as_ref(),
        languages.as_ref(),
        choices.free_only.then_some(&columns.free),
    ];
    // The candidates AND every choice except `skip` (none: `usize::MAX`).
    let all_but = |skip: usize| {
        let mut set = base.clone();
        for (facet, chosen) in sets.iter().enumerate() {
            if let (true, Some(chosen)) = (facet != skip, chosen) {
                set.and_with(chosen);
            }
        }
        set
    };
    let passing = all_but(usize::MAX);
    if !want_counts {
        return (passing.to_vec(), None);
    }
    // A facet with no choice made counts against the results themselves.
    let against = |facet: usize| if sets[facet].is_some() { all_but(facet) } else { passing.clone() };
    let count = |within: &ProgramSet, options: &[ProgramSet]| -> Vec<usize> {
        options.iter().map(|option| within.count_and(option)).collect()
    };
    let for_needs = against(NEEDS);
    let for_towns = against(TOWN);
    let for_languages = against(LANGUAGES);
    let counts = Counts {
        needs: facts.need_ids.iter().cloned().zip(count(&for_needs, &columns.needs)).collect(),
        counties: COUNTIES.iter().copied().zip(count(&for_towns, &columns.counties)).collect(),
        towns: count(&for_towns, &columns.towns),
        ages: count(&against(AGE), &columns.bands),
        languages: facts
            .language_codes
            .iter()
            .cloned()
            .zip(count(&for_languages, &columns.languages))
            .collect(),
        free: against(FREE).count_and(&columns.free),
    };
    debug_assert_eq!(counts.towns.len(), Town::all().count());
    (passing.to_vec(), Some(counts))
}
