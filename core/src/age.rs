//! Ages as intervals of months.
//!
//! A family says "my child is 5" and means any day from the fifth birthday to the day
//! before the sixth: the interval [60, 72) months. A baby's age is given in months:
//! "6 months" is [6, 7). A program serving ages 0–5 serves from birth until the sixth
//! birthday, [0, 72): its maximum runs through the whole last year. A fractional
//! maximum is counted in months, so 0–0.5 runs through the whole sixth month, [0, 7).
//! A family and a program match when their intervals overlap.
//!
//! ```
//! use finder_core::age::{AgeRange, ChildAge};
//! let preschool = AgeRange::from_years(Some(3.0), Some(5.0));
//! assert!(preschool.serves(ChildAge::Years(5)));
//! assert!(!preschool.serves(ChildAge::Years(6)));
//! assert!(!preschool.serves(ChildAge::Months(35)));
//! ```

/// The oldest age, in years, a catalogue may name. Anything above is a typing mistake.
pub const MAX_AGE_YEARS: f64 = 120.0;

/// A child's age as a family gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildAge {
    /// Whole years: 5 means from the fifth birthday until the sixth.
    Years(u32),
    /// Whole months, for babies: 6 means from six months old until seven.
    Months(u32),
}

impl ChildAge {
    /// The oldest age the finder accepts, in years. Anything above is a typing mistake.
    pub const MAX_YEARS: u32 = 120;

    /// The interval of months this age covers, `[start, end)`. Absurd ages (a page may
    /// write any number) stop at the largest month rather than overflow: found by fuzzing.
    pub fn months(self) -> (u32, u32) {
        match self {
            ChildAge::Years(y) => (y.saturating_mul(12), y.saturating_mul(12).saturating_add(12)),
            ChildAge::Months(m) => (m, m.saturating_add(1)),
        }
    }

    /// Reads an age as written in a page's `data-age` attribute or the URL:
    /// `"5"`, `"5y"`, `"5 years"` are years; `"6m"`, `"6 months"`, `"6 meses"` are months.
    /// Anything else, negative or absurd, is `None`.
    pub fn parse(text: &str) -> Option<ChildAge> {
        let text = text.trim().to_lowercase();
        let digits_end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
        let (number, unit) = text.split_at(digits_end);
        let number: u32 = number.parse().ok()?;
        let age = match unit.trim() {
            "" | "y" | "yr" | "yrs" | "year" | "years" | "año" | "años" | "a" => ChildAge::Years(number),
            "m" | "mo" | "mos" | "month" | "months" | "mes" | "meses" => ChildAge::Months(number),
            _ => return None,
        };
        let (start, _) = age.months();
        (start < Self::MAX_YEARS * 12).then_some(age)
    }
}

/// The ages a program serves, as an interval of months `[start, end)`;
/// `None` on either side means the program sets no bound there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgeRange {
    /// First month served (inclusive).
    pub start: Option<u32>,
    /// First month no longer served (exclusive).
    pub end: Option<u32>,
}

impl AgeRange {
    /// Builds the range from a catalogue's `minimum_age` and `maximum_age`, in years.
    ///
    /// A whole maximum runs through that whole year (5 → until the sixth birthday);
    /// a fractional one runs through that whole month (0.5 → until seven months).
    pub fn from_years(minimum: Option<f64>, maximum: Option<f64>) -> AgeRange {
        let start = minimum.map(|years| (years * 12.0).round() as u32);
        let end = maximum.map(|years| {
            if years.fract() == 0.0 {
                (years as u32) * 12 + 12
            } else {
                (years * 12.0).round() as u32 + 1
            }
        });
        AgeRange { start, end }
    }

    /// Whether a child of this age is served: the two intervals overlap.
    pub fn serves(&self, age: ChildAge) -> bool {
        let (child_start, child_end) = age.months();
        let starts_in_time = self.start.is_none_or(|start| start < child_end);
        let ends_in_time = self.end.is_none_or(|end| child_start < end);
        starts_in_time && ends_in_time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(min: Option<f64>, max: Option<f64>) -> AgeRange {
        AgeRange::from_years(min, max)
    }

    /// One row: the program's bounds, the child's age, whether it is served.
    fn check(min: Option<f64>, max: Option<f64>, age: ChildAge, expected: bool) {
        assert_eq!(range(min, max).serves(age), expected, "program {min:?}–{max:?}, child {age:?}");
    }

    #[test]
    fn boundaries_of_program_ranges() {
        use ChildAge::{Months, Years};
        // 0–5 runs until the sixth birthday.
        check(Some(0.0), Some(5.0), Years(5), true);
        check(Some(0.0), Some(5.0), Years(6), false);
        check(Some(0.0), Some(5.0), Months(71), true);
        check(Some(0.0), Some(5.0), Months(72), false);
        check(Some(0.0), Some(5.0), Months(0), true);
        // 3–5 starts at the third birthday.
        check(Some(3.0), Some(5.0), Years(2), false);
        check(Some(3.0), Some(5.0), Years(3), true);
        check(Some(3.0), Some(5.0), Months(35), false);
        check(Some(3.0), Some(5.0), Months(36), true);
        // 0–0.5 runs through the whole sixth month.
        check(Some(0.0), Some(0.5), Months(6), true);
        check(Some(0.0), Some(0.5), Months(7), false);
        check(Some(0.0), Some(0.5), Years(0), true);
        check(Some(0.0), Some(0.5), Years(1), false);
        // Minimum 18, no maximum.
        check(Some(18.0), None, Years(17), false);
        check(Some(18.0), None, Years(18), true);
        check(Some(18.0), None, Years(99), true);
        // No minimum: open below.
        check(None, Some(12.0), Months(0), true);
        check(None, Some(12.0), Years(12), true);
        check(None, Some(12.0), Years(13), false);
        // No bounds at all: everyone.
        check(None, None, Years(0), true);
        check(None, None, Years(119), true);
        // 1–1 is the second year of life.
        check(Some(1.0), Some(1.0), Months(11), false);
        check(Some(1.0), Some(1.0), Months(12), true);
        check(Some(1.0), Some(1.0), Months(23), true);
        check(Some(1.0), Some(1.0), Years(2), false);
    }

    #[test]
    fn ranges_in_months() {
        assert_eq!(range(Some(0.0), Some(5.0)), AgeRange { start: Some(0), end: Some(72) });
        assert_eq!(range(Some(0.0), Some(0.5)), AgeRange { start: Some(0), end: Some(7) });
        assert_eq!(range(Some(0.5), Some(2.0)), AgeRange { start: Some(6), end: Some(36) });
        assert_eq!(range(None, None), AgeRange::default());
    }

    #[test]
    fn parsing_ages_from_attributes() {
        let check = |text: &str, expected: Option<ChildAge>| {
            assert_eq!(ChildAge::parse(text), expected, "{text:?}");
        };
        check("5", Some(ChildAge::Years(5)));
        check(" 5 ", Some(ChildAge::Years(5)));
        check("5y", Some(ChildAge::Years(5)));
        check("5 years", Some(ChildAge::Years(5)));
        check("6m", Some(ChildAge::Months(6)));
        check("6 months", Some(ChildAge::Months(6)));
        check("6 MESES", Some(ChildAge::Months(6)));
        check("0", Some(ChildAge::Years(0)));
        check("0m", Some(ChildAge::Months(0)));
        check("-1", None);
        check("five", None);
        check("5x", None);
        check("", None);
        check("m", None);
        check("200", None);
        check("99999999999999", None);
    }
}
