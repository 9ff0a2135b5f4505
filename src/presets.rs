//! What a host page chooses in advance, and what a family types, as filter choices.
//!
//! A page may preset the filters with `data-need="food,housing"`, `data-town="Hartford"`
//! and `data-age="5"` (years) or `data-age="6m"` (months). Presets are only a starting
//! point: the family can change them. A preset that makes no sense is dropped (and
//! reported by the embed layer), never an error in front of a family.

use finder_core::age::ChildAge;

/// The unit a family gives the child's age in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AgeUnit {
    #[default]
    Years,
    Months,
}

impl AgeUnit {
    /// The `<option value>` used for this unit.
    pub fn value(self) -> &'static str {
        match self {
            AgeUnit::Years => "years",
            AgeUnit::Months => "months",
        }
    }

    pub fn from_value(value: &str) -> AgeUnit {
        if value == "months" {
            AgeUnit::Months
        } else {
            AgeUnit::Years
        }
    }
}

/// Starting choices for one widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Presets {
    /// Words for the search box (`data-q`).
    pub query: String,
    pub needs: Vec<String>,
    pub town: String,
    /// The number shown in the age box.
    pub age_text: String,
    pub age_unit: AgeUnit,
    /// Presets that were given but could not be used, for the console.
    pub rejected: Vec<String>,
}

impl Presets {
    /// Reads the `data-need`, `data-town` and `data-age` attribute values.
    pub fn from_attributes(need: Option<&str>, town: Option<&str>, age: Option<&str>) -> Presets {
        let mut presets = Presets::default();
        if let Some(need) = need {
            presets.needs =
                need.split(',').map(|id| id.trim().to_lowercase()).filter(|id| !id.is_empty()).collect();
            presets.needs.dedup();
        }
        presets.town = town.unwrap_or("").trim().to_string();
        if let Some(age) = age.filter(|a| !a.trim().is_empty()) {
            match ChildAge::parse(age) {
                Some(ChildAge::Years(years)) => presets.age_text = years.to_string(),
                Some(ChildAge::Months(months)) => {
                    presets.age_text = months.to_string();
                    presets.age_unit = AgeUnit::Months;
                }
                None => presets
                    .rejected
                    .push(format!("age=\"{age}\" is not an age; use years (\"5\") or months (\"6m\")")),
            }
        }
        presets
    }
}

impl Presets {
    /// The same presets with words for the search box (`data-q`), trimmed and capped so a
    /// page cannot make the widget search a novel.
    pub fn with_query(mut self, query: Option<&str>) -> Presets {
        self.query = query.unwrap_or("").trim().chars().take(200).collect();
        self
    }
}

/// What the age box means: `Ok(None)` when empty, `Err(())` when it is not a usable age.
#[allow(clippy::result_unit_err)]
pub fn age_from_entry(text: &str, unit: AgeUnit) -> Result<Option<ChildAge>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number: u32 = text.parse().map_err(|_| ())?;
    let age = match unit {
        AgeUnit::Years => ChildAge::Years(number),
        AgeUnit::Months => ChildAge::Months(number),
    };
    if age.months().0 >= ChildAge::MAX_YEARS * 12 {
        return Err(());
    }
    Ok(Some(age))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_become_starting_choices() {
        let p = Presets::from_attributes(Some(" Food, housing ,,"), Some(" Hartford "), Some("5"));
        assert_eq!(p.needs, ["food", "housing"]);
        assert_eq!(p.town, "Hartford");
        assert_eq!((p.age_text.as_str(), p.age_unit), ("5", AgeUnit::Years));
        assert!(p.rejected.is_empty());

        let p = Presets::from_attributes(None, None, Some("6m"));
        assert_eq!((p.age_text.as_str(), p.age_unit), ("6", AgeUnit::Months));
        assert!(p.needs.is_empty());

        let p = Presets::from_attributes(None, None, Some("toddler"));
        assert_eq!(p.age_text, "");
        assert_eq!(p.rejected.len(), 1);
    }

    #[test]
    fn the_age_box_reads_whole_numbers_in_the_chosen_unit() {
        use AgeUnit::{Months, Years};
        let check = |text: &str, unit, expected: Result<Option<ChildAge>, ()>| {
            assert_eq!(age_from_entry(text, unit), expected, "{text:?} {unit:?}");
        };
        check("", Years, Ok(None));
        check("  ", Months, Ok(None));
        check("4", Years, Ok(Some(ChildAge::Years(4))));
        check(" 4 ", Years, Ok(Some(ChildAge::Years(4))));
        check("18", Months, Ok(Some(ChildAge::Months(18))));
        check("4.5", Years, Err(()));
        check("-2", Years, Err(()));
        check("abc", Years, Err(()));
        check("500", Years, Err(()));
    }
}
