//! A family's choices as plain data: what the controls hold, the search they describe, how
//! they travel in an address, what the host page hears of them and how paper names them.
//!
//! Plain Rust with no Leptos and no browser, so every rule here has a native test; the
//! widget's components keep one signal per control (`ui::ChoiceSignals`) and take a
//! [`FamilyChoices`] snapshot whenever they need one of these answers.
//!
//! The town box's text is read against the catalogue's [`Places`] (Connecticut's towns and
//! the catalogue's own, such as "Springfield, MA"), so every answer that reads it takes them.

use finder_core::age::ChildAge;
use finder_core::catalogue::Catalogue;
use finder_core::towns::{Places, Town};
use finder_search::{Choices as SearchChoices, Query};

use crate::i18n::Lang;
use crate::presets::{age_from_entry, AgeUnit, Presets};
use crate::text::{age_words, language_name};
use crate::url_state::{UrlChoices, HOURS};

/// What a family has typed and chosen, as the controls hold it (text as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FamilyChoices {
    /// The search box's words.
    pub query: String,
    pub needs: Vec<String>,
    /// The town box's text, as typed.
    pub town: String,
    /// The age box's text, as typed.
    pub age: String,
    pub age_unit: AgeUnit,
    /// A language code staff must speak; empty for any.
    pub language: String,
    pub free_only: bool,
    pub open_now: bool,
    /// With `open_now`: programs without listed hours too.
    pub unknown_hours_too: bool,
    pub evenings: bool,
    pub weekends: bool,
}

/// What the host page fixed (`lock-need`, `lock-town`): it wins over the controls.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locks {
    pub needs: Option<Vec<String>>,
    pub town: Option<Town>,
}

/// A search, as the host page hears of it (`pf-search`).
#[derive(Clone, Debug, PartialEq)]
pub struct SearchSummary {
    pub query: String,
    pub needs: Vec<String>,
    /// The town's name, when one is chosen.
    pub town: Option<String>,
    /// `"5"` (years) or `"6m"` (months), when an age is given.
    pub age: Option<String>,
    pub languages: Vec<String>,
    pub free_only: bool,
    /// Programs found.
    pub total: usize,
}

impl FamilyChoices {
    /// The choices a host page's presets start with.
    pub fn from_presets(presets: &Presets) -> FamilyChoices {
        FamilyChoices {
            query: presets.query.clone(),
            needs: presets.needs.clone(),
            town: presets.town.clone(),
            age: presets.age_text.clone(),
            age_unit: presets.age_unit,
            ..FamilyChoices::default()
        }
    }

    /// The choices a shared link (or Back/Forward) carries; the language spoken and
    /// "free only" are not in links.
    pub fn from_url(url: &UrlChoices) -> FamilyChoices {
        let presets = Presets::from_attributes(Some(&url.needs.join(",")), Some(&url.town), Some(&url.age))
            .with_query(Some(&url.query));
        let [open_now, evenings, weekends] = HOURS.map(|name| url.hours.iter().any(|h| h == name));
        FamilyChoices { open_now, evenings, weekends, ..FamilyChoices::from_presets(&presets) }
    }

    /// The child's age, if the box holds one (half-typed or impossible text: none).
    pub fn child_age(&self) -> Option<ChildAge> {
        age_from_entry(&self.age, self.age_unit).ok().flatten()
    }

    /// The search these choices describe. A town or age that cannot be read yet (half
    /// typed) filters nothing; the controls say what is wrong. The clock ("now") is the
    /// widget's, not a choice: left empty here.
    pub fn search_query(&self, locks: &Locks, places: &Places) -> Query {
        Query {
            text: self.query.clone(),
            choices: SearchChoices {
                needs: locks.needs.clone().unwrap_or_else(|| self.needs.clone()),
                town: locks.town.or_else(|| places.family_town(&self.town)),
                age: self.child_age(),
                languages: if self.language.is_empty() { Vec::new() } else { vec![self.language.clone()] },
                free_only: self.free_only,
                open_now: self.open_now,
                unknown_hours_too: self.unknown_hours_too,
                evenings: self.evenings,
                weekends: self.weekends,
                now: None,
            },
        }
    }

    /// Whether the family has typed or chosen anything.
    pub fn anything_chosen(&self) -> bool {
        !self.query.trim().is_empty()
            || !self.needs.is_empty()
            || !self.town.trim().is_empty()
            || !self.age.trim().is_empty()
            || !self.language.is_empty()
            || self.free_only
            || self.open_now
            || self.evenings
            || self.weekends
    }

    /// The choices as they travel in an address: only values that can be read. The
    /// language and a list of programs are not choices of the search; the caller adds them.
    ///
    /// A Connecticut town travels as typed ("hartford"); a catalogue's own place by its
    /// full name ("Springfield, MA", even when typed "springfield"), so the address is
    /// read the same way before the catalogue has loaded ([`crate::url_state::from_query`]).
    pub fn to_url(&self, places: &Places) -> UrlChoices {
        let age = match self.child_age() {
            Some(ChildAge::Years(years)) => years.to_string(),
            Some(ChildAge::Months(months)) => format!("{months}m"),
            None => String::new(),
        };
        UrlChoices {
            needs: self.needs.clone(),
            town: if Places::connecticut().family_town(&self.town).is_some() {
                self.town.trim().to_string()
            } else {
                places.family_town(&self.town).map(|town| places.name(town).to_string()).unwrap_or_default()
            },
            age,
            query: self.query.trim().to_string(),
            hours: HOURS
                .into_iter()
                .zip([self.open_now, self.evenings, self.weekends])
                .filter(|(_, chosen)| *chosen)
                .map(|(name, _)| name.to_string())
                .collect(),
            lang: String::new(),
            saved: Vec::new(),
        }
    }

    /// The search as the host page hears of it, with `total` programs found.
    pub fn summary(&self, locks: &Locks, total: usize, places: &Places) -> SearchSummary {
        let query = self.search_query(locks, places);
        let age = self.to_url(places).age;
        SearchSummary {
            query: query.text.trim().to_string(),
            needs: query.choices.needs,
            town: query.choices.town.map(|town| places.name(town).to_string()),
            age: (!age.is_empty()).then_some(age),
            languages: query.choices.languages,
            free_only: query.choices.free_only,
            total,
        }
    }

    /// Each choice in the family's words, in the order of the controls, for the top of a
    /// printed list: `["“dentist”", "Food & nutrition, Housing", "Hartford", "4 years"]`.
    pub fn described(&self, locks: &Locks, catalogue: &Catalogue, lang: Lang) -> Vec<String> {
        let query = self.search_query(locks, &catalogue.places);
        let chosen = &query.choices;
        let mut said = Vec::new();
        let words = query.text.trim();
        if !words.is_empty() {
            said.push(format!("“{words}”"));
        }
        let needs: Vec<&str> = chosen
            .needs
            .iter()
            .filter_map(|id| catalogue.need(id))
            .map(|need| need.label_in(lang.code()))
            .collect();
        if !needs.is_empty() {
            said.push(needs.join(", "));
        }
        if let Some(town) = chosen.town {
            said.push(catalogue.places.name(town).to_string());
        }
        match chosen.age {
            Some(ChildAge::Years(years)) => said.push(age_words(lang, f64::from(years))),
            Some(ChildAge::Months(months)) => said.push(age_words(lang, f64::from(months) / 12.0)),
            None => {}
        }
        said.extend(chosen.languages.iter().map(|code| language_name(code)));
        for (on, key) in [
            (chosen.free_only, "cost_free"),
            (chosen.open_now, "open_now"),
            (chosen.evenings, "evenings"),
            (chosen.weekends, "weekends"),
        ] {
            if on {
                said.push(lang.t(key).to_string());
            }
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::from_query;
    use finder_core::towns::family_town;

    fn typed(edit: impl FnOnce(&mut FamilyChoices)) -> FamilyChoices {
        let mut choices = FamilyChoices::default();
        edit(&mut choices);
        choices
    }

    #[test]
    fn only_what_can_be_read_travels_in_the_address() {
        // (what the family typed, the address it gives)
        let cases: Vec<(FamilyChoices, &str)> = vec![
            (FamilyChoices::default(), ""),
            (typed(|c| c.town = "hartford".into()), "?pf-town=hartford"),
            (typed(|c| c.town = "Hartf".into()), ""),
            (typed(|c| c.age = "4.5".into()), "?pf-age=54m"),
            (typed(|c| c.age = "4".into()), "?pf-age=4"),
            (typed(|c| (c.age, c.age_unit) = ("6".into(), AgeUnit::Months)), "?pf-age=6m"),
            (typed(|c| c.age = "four".into()), ""),
            (typed(|c| c.query = "  dentist ".into()), "?pf-q=dentist"),
            (typed(|c| (c.open_now, c.weekends) = (true, true)), "?pf-hours=open%2Cweekend"),
            (typed(|c| (c.language, c.free_only) = ("es".into(), true)), ""),
        ];
        for (choices, address) in cases {
            assert_eq!(
                crate::url_state::to_query("", &choices.to_url(Places::connecticut())),
                address,
                "{choices:?}"
            );
        }
    }

    #[test]
    fn a_link_gives_back_the_choices_it_was_made_from() {
        for address in
            ["?pf-need=food%2Chousing&pf-town=Windham&pf-age=54m&pf-q=books&pf-hours=evening", "?pf-age=6m"]
        {
            let choices = FamilyChoices::from_url(&from_query(address));
            assert_eq!(crate::url_state::to_query("", &choices.to_url(Places::connecticut())), address);
        }
    }

    #[test]
    fn the_page_locks_win_over_the_controls() {
        let choices = typed(|c| (c.needs, c.town) = (vec!["food".into()], "Hartford".into()));
        let locks = Locks { needs: Some(vec!["housing".into()]), town: family_town("Windham") };
        let query = choices.search_query(&locks, Places::connecticut());
        assert_eq!(query.choices.needs, ["housing"]);
        assert_eq!(query.choices.town, family_town("Windham"));
        let summary = choices.summary(&locks, 3, Places::connecticut());
        assert_eq!(
            (summary.needs, summary.town, summary.total),
            (vec!["housing".to_string()], Some("Windham".into()), 3)
        );
    }

    #[test]
    fn anything_chosen_is_any_control_away_from_its_start() {
        assert!(!FamilyChoices::default().anything_chosen());
        assert!(!typed(|c| c.query = "   ".into()).anything_chosen(), "spaces are nothing");
        assert!(!typed(|c| c.unknown_hours_too = true).anything_chosen(), "it only widens 'open now'");
        for choices in [
            typed(|c| c.query = "food".into()),
            typed(|c| c.needs = vec!["food".into()]),
            typed(|c| c.town = "Har".into()),
            typed(|c| c.age = "4".into()),
            typed(|c| c.language = "es".into()),
            typed(|c| c.free_only = true),
            typed(|c| c.evenings = true),
        ] {
            assert!(choices.anything_chosen(), "{choices:?}");
        }
    }

    #[test]
    fn paper_names_each_choice_in_the_familys_language() {
        let catalogue = finder_core::catalogue::load(
            r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food & nutrition", "labels": { "es": "Comida" } }],
                 "programs": [{ "id": "p", "name": "P", "needs": ["food"], "statewide": true }] }"#,
        )
        .unwrap()
        .catalogue;
        let choices = typed(|c| {
            c.query = "pantry".into();
            c.needs = vec!["food".into(), "unknown".into()];
            c.town = "willimantic".into();
            c.age = "6".into();
            c.age_unit = AgeUnit::Months;
            c.free_only = true;
        });
        let english = Lang::from_code("en").unwrap();
        let spanish = Lang::from_code("es").unwrap();
        assert_eq!(
            choices.described(&Locks::default(), &catalogue, english),
            ["“pantry”", "Food & nutrition", "Windham", "6 months", "Free"]
        );
        assert_eq!(choices.described(&Locks::default(), &catalogue, spanish)[1], "Comida");
        assert!(FamilyChoices::default().described(&Locks::default(), &catalogue, english).is_empty());
    }

    #[test]
    fn a_place_beyond_connecticut_travels_by_its_full_name() {
        let catalogue = finder_core::catalogue::load(include_str!("../tests/fixtures/places-catalogue.json"))
            .unwrap()
            .catalogue;
        let places = &catalogue.places;
        // (what the family typed, the address it gives, the town the list is filtered by)
        #[rustfmt::skip]
        let cases = [
            ("springfield ma",  "?pf-town=Springfield%2C+MA", Some("Springfield, MA")),
            ("Springfield",     "?pf-town=Springfield%2C+MA", Some("Springfield, MA")),
            ("Enfield, NH",     "?pf-town=Enfield%2C+NH",     Some("Enfield, NH")),
            ("enfield",         "?pf-town=enfield",             Some("Enfield")),
            ("Springfeld, MA",  "",                             None),
        ];
        for (town, address, filtered_by) in cases {
            let choices = typed(|c| c.town = town.into());
            let query = choices.search_query(&Locks::default(), places);
            assert_eq!(query.choices.town.map(|t| places.name(t)), filtered_by, "{town:?}");
            assert_eq!(crate::url_state::to_query("", &choices.to_url(places)), address, "{town:?}");
            // The link, opened (read before the catalogue, then against its places).
            let linked = FamilyChoices::from_url(&from_query(address));
            assert_eq!(linked.search_query(&Locks::default(), places).choices.town, query.choices.town);
        }
        let choices = typed(|c| c.town = "springfield ma".into());
        assert_eq!(choices.summary(&Locks::default(), 5, places).town.as_deref(), Some("Springfield, MA"));
        let english = Lang::from_code("en").unwrap();
        assert_eq!(choices.described(&Locks::default(), &catalogue, english), ["Springfield, MA"]);
        // Without the catalogue's places, the name is nobody's.
        assert_eq!(choices.search_query(&Locks::default(), Places::connecticut()).choices.town, None);
    }
}
