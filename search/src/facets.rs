//! The family's choices as filters, and a count for every option of every choice
//! ("facets").
//!
//! Everything is sets of programs ([`ProgramSet`]): the candidates (all programs, or
//! those the keywords found), one set per choice made, and the precomputed set of every
//! option ([`super::facts::Columns`]). The results are the candidates AND every
//! choice. A facet leaves out its own choice (the need counts answer "what if I picked
//! this need instead"), so its options are counted against the candidates AND every
//! *other* choice. Statewide programs count for every town and county.

use finder_core::age::ChildAge;
use finder_core::filter::Filter;
use finder_core::towns::Town;

use super::facts::{language_code, Facts};
use super::program_set::ProgramSet;

/// A family's choices. The default chooses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// Need ids; any of them is enough. Empty means any need.
    pub needs: Vec<String>,
    /// Where the family lives: programs serving it or statewide ones.
    pub town: Option<Town>,
    /// The child's age: programs whose age range includes it.
    pub age: Option<ChildAge>,
    /// Language codes (`"es"`); programs that speak any of them. Empty means any.
    pub languages: Vec<String>,
    /// Only programs that are free.
    pub free_only: bool,
    /// Only programs open at [`Choices::now`] by their structured hours. Programs without
    /// structured hours are left out too (they may be closed), unless
    /// [`Choices::unknown_hours_too`]; [`Counts::hours_unknown`] says how many that is.
    pub open_now: bool,
    /// With `open_now`: keep programs without structured hours as well.
    pub unknown_hours_too: bool,
    /// Only programs open some day after 5 pm. A program without structured hours is never
    /// left out by this (nothing says it is not open then).
    pub evenings: bool,
    /// Only programs open on Saturday or Sunday; as `evenings`, never leaves out a program
    /// without structured hours.
    pub weekends: bool,
    /// The wall-clock time in the catalogue's time zone that "open now" means (the widget
    /// sets it every minute). Without it, `open_now` leaves nothing out and is not counted.
    pub now: Option<finder_core::hours::WallClock>,
}

impl From<&Filter> for Choices {
    #[cfg_attr(finder_size, optimize(speed))]
    fn from(filter: &Filter) -> Choices {
        Choices { needs: filter.needs.clone(), town: filter.town, age: filter.age, ..Choices::default() }
    }
}

/// For every option of every choice, how many programs choosing it would give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// (need id, programs), in catalogue order.
    pub needs: Vec<(String, usize)>,
    /// (county, programs serving a town in it or statewide), in the order of the
    /// catalogue's `Places::counties`: Connecticut's eight ("Hartford"), then its declared
    /// places' ("Hampden County, MA").
    pub counties: Vec<(String, usize)>,
    /// Programs per town, indexed by [`Town::index`]: Connecticut's 169, then the
    /// catalogue's declared places.
    pub towns: Vec<usize>,
    /// Programs serving some age in each of [`AGE_BANDS`](super::facts::AGE_BANDS), in that order.
    pub ages: Vec<usize>,
    /// (language code, programs), codes sorted.
    pub languages: Vec<(String, usize)>,
    /// Programs that are free.
    pub free: usize,
    /// Programs open at [`Choices::now`] (0 without it).
    pub open_now: usize,
    /// Programs open some evening, or without structured hours.
    pub evenings: usize,
    /// Programs open on a weekend, or without structured hours.
    pub weekends: usize,
    /// With `open_now` chosen: programs left out only because they list no structured
    /// hours (a family may want to call them anyway).
    pub hours_unknown: usize,
}

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
const OPEN: usize = 5;
const EVENINGS: usize = 6;
const WEEKENDS: usize = 7;

/// The candidates that fit every choice (ascending), and the counts if asked.
#[cfg_attr(finder_size, optimize(speed))]
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
    // Open now: by the schedules at `now`; programs without hours only if asked for.
    let open = choices.now.filter(|_| !facts.schedules.is_empty()).map(|now| facts.open_at(now));
    let open_choice = open.as_ref().filter(|_| choices.open_now).map(|open| {
        let mut set = open.clone();
        if choices.unknown_hours_too {
            let mut unknown = ProgramSet::full(n);
            unknown.and_not(&columns.scheduled);
            set.or_with(&unknown);
        }
        set
    });
    let empty = ProgramSet::empty(n);
    let sets: [Option<&ProgramSet>; 8] = [
        needs.as_ref(),
        town.map(|t| columns.towns.get(t).unwrap_or(&empty)),
        age.as_ref(),
        languages.as_ref(),
        choices.free_only.then_some(&columns.free),
        open_choice.as_ref(),
        choices.evenings.then_some(&columns.evenings),
        choices.weekends.then_some(&columns.weekends),
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
        counties: facts.county_names.iter().cloned().zip(count(&for_towns, &columns.counties)).collect(),
        towns: count(&for_towns, &columns.towns),
        ages: count(&against(AGE), &columns.bands),
        languages: facts
            .language_codes
            .iter()
            .cloned()
            .zip(count(&for_languages, &columns.languages))
            .collect(),
        free: against(FREE).count_and(&columns.free),
        open_now: open.as_ref().map_or(0, |open| against(OPEN).count_and(open)),
        evenings: against(EVENINGS).count_and(&columns.evenings),
        weekends: against(WEEKENDS).count_and(&columns.weekends),
        hours_unknown: match &open_choice {
            Some(_) if !choices.unknown_hours_too => {
                let unscheduled = against(OPEN);
                unscheduled.count_and(&ProgramSet::full(n)) - unscheduled.count_and(&columns.scheduled)
            }
            _ => 0,
        },
    };
    debug_assert_eq!(counts.towns.len(), facts.town_count);
    (passing.to_vec(), Some(counts))
}
