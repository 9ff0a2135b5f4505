//! Numbers staff want about a catalogue: programs per need, per county, per age band, with
//! opening hours, and which entries are due for review.
//!
//! ```
//! use finder_core::{catalogue::load, stats::Stats};
//! let loaded = load(r#"{"version": 1, "needs": [{"id": "food", "label": "Food"}],
//!   "programs": [{"id": "a", "name": "A", "needs": ["food"], "towns": ["Hartford"]}]}"#).unwrap();
//! let stats = Stats::of(&loaded.catalogue, None);
//! assert_eq!(stats.per_need, vec![("Food".to_string(), 1)]);
//! ```

use crate::age::ChildAge;
use crate::catalogue::Catalogue;
use crate::fields::parse_date;

/// Age bands families fall into, with a representative age in each band's range.
pub const AGE_BANDS: &[(&str, u32, u32)] = &[
    ("babies (under 1)", 0, 0),
    ("toddlers (1–2)", 1, 2),
    ("preschool (3–5)", 3, 5),
    ("school age (6–12)", 6, 12),
    ("teens (13–17)", 13, 17),
    ("adults (18–59)", 18, 59),
    ("older adults (60+)", 60, 119),
];

/// Counts over a catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub programs: usize,
    /// (need label, programs with that need), in catalogue order.
    pub per_need: Vec<(String, usize)>,
    /// (county, programs serving at least one of its towns), statewide ones included:
    /// Connecticut's eight ("Hartford"), then the counties of the catalogue's own places
    /// ("Hampden County, MA"), as [`crate::towns::Places::counties`] names them.
    pub per_county: Vec<(String, usize)>,
    pub statewide: usize,
    /// (age band, programs serving some age in the band).
    pub per_age_band: Vec<(&'static str, usize)>,
    /// Programs with no age limits at all.
    pub all_ages: usize,
    /// Programs with a `schedule`; of those, open 24 hours, open in the evening, open at
    /// weekends (see [`crate::hours::Schedule::has_evening`]).
    pub with_hours: usize,
    pub open_24_hours: usize,
    pub evenings: usize,
    pub weekends: usize,
    /// (program id, last_reviewed or None) for programs not reviewed in the last 12 months.
    pub due_for_review: Vec<(String, Option<String>)>,
}

impl Stats {
    /// Counts the catalogue. `today` (year, month, day) decides what is due for review;
    /// without it, only programs that were never reviewed are listed.
    pub fn of(catalogue: &Catalogue, today: Option<(u32, u32, u32)>) -> Stats {
        let programs = &catalogue.programs;
        let per_need = catalogue
            .needs
            .iter()
            .map(|need| (need.label.clone(), programs.iter().filter(|p| p.needs.contains(&need.id)).count()))
            .collect();
        let places = &catalogue.places;
        let mut per_county: Vec<(String, usize)> = places.counties().map(|c| (c.to_string(), 0)).collect();
        let county_of: Vec<Option<usize>> = places.towns().map(|town| places.county_index(town)).collect();
        let mut served = vec![false; per_county.len()];
        for program in programs {
            served.fill(program.statewide);
            for town in program.serves.towns() {
                if let Some(&Some(county)) = county_of.get(town.index()) {
                    served[county] = true;
                }
            }
            for (county, served) in per_county.iter_mut().zip(&served) {
                county.1 += usize::from(*served);
            }
        }
        let per_age_band = AGE_BANDS
            .iter()
            .map(|(band, from, to)| {
                let count = programs
                    .iter()
                    .filter(|p| (*from..=*to).any(|years| p.ages.serves(ChildAge::Years(years))))
                    .count();
                (*band, count)
            })
            .collect();
        let schedules = || programs.iter().filter_map(|p| p.schedule.as_ref());
        let year_ago = today.map(|(y, m, d)| (y.saturating_sub(1), m, d));
        let due_for_review = programs
            .iter()
            .filter(|p| match (p.last_reviewed.as_deref().and_then(parse_date), year_ago) {
                (None, _) => true,
                (Some(reviewed), Some(limit)) => reviewed < limit,
                (Some(_), None) => false,
            })
            .map(|p| (p.id.clone(), p.last_reviewed.clone()))
            .collect();
        Stats {
            programs: programs.len(),
            per_need,
            per_county,
            statewide: programs.iter().filter(|p| p.statewide).count(),
            per_age_band,
            all_ages: programs.iter().filter(|p| p.ages.start.is_none() && p.ages.end.is_none()).count(),
            with_hours: schedules().count(),
            open_24_hours: schedules().filter(|s| s.open_24_hours).count(),
            evenings: schedules().filter(|s| s.has_evening()).count(),
            weekends: schedules().filter(|s| s.has_weekend()).count(),
            due_for_review,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load;

    #[test]
    fn counts_by_need_county_age_and_review() {
        let loaded = load(
            r#"{"version": 1, "needs": [{"id": "food", "label": "Food"}, {"id": "housing", "label": "Housing"}],
              "programs": [
                {"id": "a", "name": "A", "needs": ["food"], "towns": ["Hartford"], "minimum_age": 0, "maximum_age": 5, "last_reviewed": "2026-10-01"},
                {"id": "b", "name": "B", "needs": ["food", "housing"], "statewide": true, "last_reviewed": "2025-01-01"},
                {"id": "c", "name": "C", "needs": ["housing"], "towns": ["Windham County"], "minimum_age": 60,
                 "schedule": {"weekly": {"sat": ["18:00-20:00"]}}}
              ]}"#,
        )
        .unwrap();
        let stats = Stats::of(&loaded.catalogue, Some((2026, 11, 22)));
        assert_eq!(stats.programs, 3);
        assert_eq!(stats.per_need, vec![("Food".into(), 2), ("Housing".into(), 2)]);
        let county = |name: &str| stats.per_county.iter().find(|(c, _)| *c == name).unwrap().1;
        assert_eq!(county("Hartford"), 2);
        assert_eq!(county("Windham"), 2);
        assert_eq!(county("Fairfield"), 1);
        assert_eq!(stats.statewide, 1);
        let band = |name: &str| stats.per_age_band.iter().find(|(b, _)| b.starts_with(name)).unwrap().1;
        assert_eq!(band("babies"), 2);
        assert_eq!(band("school age"), 1);
        assert_eq!(band("older adults"), 2);
        assert_eq!(stats.all_ages, 1);
        let hours = (stats.with_hours, stats.open_24_hours, stats.evenings, stats.weekends);
        assert_eq!(hours, (1, 0, 1, 1));
        assert_eq!(
            stats.due_for_review,
            vec![("b".to_string(), Some("2025-01-01".to_string())), ("c".to_string(), None)]
        );
    }
}
