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

/// Why the age box's text is not an age a family could mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeProblem {
    /// Not a number we can read ("four", "-2", "4..5").
    NotAnAge,
    /// 120 years or more: a slip of the finger, said plainly.
    TooOld,
}

/// What the age box means: `Ok(None)` when empty.
///
/// Families write ages as they say them: "4", "4.5" or "4,5" (a Spanish keyboard) and
/// "3 1/2" or "3½". A part of a year counts in months, rounded down, as a birthday
/// does: 4½ years is 4 years 6 months, month 54, so it becomes `Months(54)`, which the
/// age rules already read as one month of life. Months may have a part too ("1.5"
/// months is the second month). Ages of adults stay valid: the catalogue has programs
/// for them.
pub fn age_from_entry(text: &str, unit: AgeUnit) -> Result<Option<ChildAge>, AgeProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let Number { whole, top, bottom } = read_number(text).ok_or(AgeProblem::NotAnAge)?;
    // Integers only: parsing floats would add 15 KB to the download.
    let months = match unit {
        AgeUnit::Years => whole.saturating_mul(12).saturating_add(top * 12 / bottom),
        AgeUnit::Months => whole,
    };
    if months >= ChildAge::MAX_YEARS * 12 {
        return Err(AgeProblem::TooOld);
    }
    // Whole years stay years (the box and a shared link say "5", not "60m").
    Ok(Some(match unit {
        AgeUnit::Years if top == 0 => ChildAge::Years(whole),
        _ => ChildAge::Months(months),
    }))
}

/// A number of zero or more: `whole` and the fraction `top / bottom` (below 1).
struct Number {
    whole: u32,
    top: u32,
    bottom: u32,
}

/// "4", "4.5", "4,5", ".5", "3 1/2", "1/2", "3½", or `None`.
fn read_number(text: &str) -> Option<Number> {
    let text = text.replace('½', " 1/2").replace(',', ".");
    let mut parts = text.split_whitespace();
    let (whole, fraction) = match (parts.next()?, parts.next(), parts.next()) {
        (whole, Some(fraction), None) => (digits(whole)?, fraction),
        (only, None, None) if only.contains('/') => (0, only),
        (only, None, None) => return decimal(only),
        _ => return None,
    };
    let (top, bottom) = fraction.split_once('/')?;
    let (top, bottom) = (digits(top)?, digits(bottom)?);
    (top < bottom && bottom <= 1000).then_some(Number { whole, top, bottom })
}

/// Digits with at most one decimal point, to three places: "4", "4.5", ".25".
fn decimal(text: &str) -> Option<Number> {
    let (whole, part) = text.split_once('.').unwrap_or((text, ""));
    let whole = if whole.is_empty() && !part.is_empty() { 0 } else { digits(whole)? };
    if part.is_empty() {
        // "4." is "4.5" half typed: no error flashes up while typing.
        return Some(Number { whole, top: 0, bottom: 1 });
    }
    (part.len() <= 3).then_some(())?;
    Some(Number { whole, top: digits(part)?, bottom: 10u32.pow(part.len() as u32) })
}

/// Only ASCII digits, as a number (a huge one saturates, and is then too old).
fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.bytes().fold(0u32, |n, b| n.saturating_mul(10).saturating_add(u32::from(b - b'0'))))
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
    fn the_age_box_reads_ages_as_families_write_them() {
        use AgeProblem::{NotAnAge, TooOld};
        use AgeUnit::{Months, Years};
        let check = |text: &str, unit, expected: Result<Option<ChildAge>, AgeProblem>| {
            assert_eq!(age_from_entry(text, unit), expected, "{text:?} {unit:?}");
        };
        check("", Years, Ok(None));
        check("  ", Months, Ok(None));
        check("4", Years, Ok(Some(ChildAge::Years(4))));
        check(" 4 ", Years, Ok(Some(ChildAge::Years(4))));
        check("18", Months, Ok(Some(ChildAge::Months(18))));
        // 4½ years is 4 years 6 months: month 54.
        check("4.5", Years, Ok(Some(ChildAge::Months(54))));
        check("4,5", Years, Ok(Some(ChildAge::Months(54))));
        check("3 1/2", Years, Ok(Some(ChildAge::Months(42))));
        check("3½", Years, Ok(Some(ChildAge::Months(42))));
        check("1/2", Years, Ok(Some(ChildAge::Months(6))));
        check("2.25", Years, Ok(Some(ChildAge::Months(27))));
        check("4.0", Years, Ok(Some(ChildAge::Years(4))));
        check("1.5", Months, Ok(Some(ChildAge::Months(1))));
        // Adults and older adults are real ages here.
        check("35", Years, Ok(Some(ChildAge::Years(35))));
        check("119", Years, Ok(Some(ChildAge::Years(119))));
        check("120", Years, Err(TooOld));
        check("500", Years, Err(TooOld));
        check("99999999", Years, Err(TooOld));
        check("1440", Months, Err(TooOld));
        check("999999999999", Years, Err(TooOld));
        check(".5", Years, Ok(Some(ChildAge::Months(6))));
        check("4.", Years, Ok(Some(ChildAge::Years(4))));
        for text in [
            "-2", "abc", "4..5", "3 3/2", "3 1/0", "1 2 3", "4.5.6", "inf", "NaN", "1e3", "3/", ".", "4.1234",
        ] {
            check(text, Years, Err(NotAnAge));
        }
    }
}
