//! Ages that eligibility text states, in English and Spanish: "Children 5-18 years old",
//! "ages 5–18", "18 and older", "under 21", "6 months to 3 years", "de 0 a 5 años",
//! "mayores de 60", as a catalogue's `minimum_age` and `maximum_age`.
//!
//! Exports often keep ages only in text. [`ages_in_text`] reads them; [`fill_ages`] gives
//! them to a program that has no age in its fields, with a note that quotes the words so
//! staff check it. The HSDS importer uses it; the spreadsheet importer does not, since a
//! spreadsheet has its own age columns and staff filled them as they meant to.
//!
//! # How words become ages
//!
//! The catalogue's `maximum_age` runs through that whole year (`format.rs`): 5 serves a child
//! until the sixth birthday. So:
//!
//! - "5 to 18", "5-18", "up to age 5", "12 and under", "hasta 5 años": the last age is
//!   served, so it is the maximum (18, 5, 12, 5).
//! - "under 5", "younger than 5", "menores de 5": 5-year-olds are not served, so the
//!   maximum is 4. "for pregnant women and children under 5" gives a maximum of 4 (the
//!   finder asks a child's age).
//! - "18 and older", "over 18", "18+", "mayores de 60", "60 años o más": the minimum. "Over
//!   18" is read as 18 and older: someone who is 18 years and a day is over 18.
//! - Months stay months: "6 months to 3 years" is 0.5 to 3. A maximum in months is served
//!   through that month ("0-18 months" is 1.5: until 19 months old), except a whole number
//!   of years of months, which the catalogue cannot say that way: "0-12 months" is taken as
//!   "under 12 months" (0.92), not as "through age 1".
//! - "birth to 3" and "birth through 5" start at 0 and include their last year, like any
//!   range.
//! - Several mentions make one range that covers them all ("adults 18-64; seniors 65+" is 18
//!   and older). Mentions that together cover every age ("children under 5 and adults 60+")
//!   give no range, and [`AgesInText::is_unclear`] says so.
//!
//! Grades are not ages ("Grades 6-12" is left alone): which age is in which grade depends
//! on a child's birthday and the school, and staff should say it. Nor are phone numbers,
//! times ("9-5"), years ("since 1998"), counts ("serving 5 towns", "200+ families", "up to
//! 3 visits"), money ("$18"), addresses ("Route 44", "Suite 5-18"), "24/7", or "for over 30
//! years": a number is an age only with evidence (`patterns.rs`).
//!
//! # Eligibility and description
//!
//! Eligibility text is about who is served, so any mention with evidence counts
//! ([`Reading::Eligibility`]). A description talks about many things, so it counts only when
//! it states the age plainly ([`Reading::Description`]): with people or an age word next to
//! the numbers ("for children ages 3-5", "adults 60+"), `years old` or `of age`, birth, or
//! Spanish "mayores de"/"menores de" — never a bare "under 21" or "18 and older".
//!
//! ```
//! use finder_core::import::ages_in_text::{ages_in_text, Reading};
//! let ages = ages_in_text("Children 5-18 years old. Call 860-555-0100.", Reading::Eligibility).unwrap();
//! assert_eq!((ages.minimum, ages.maximum), (Some(5.0), Some(18.0)));
//! assert_eq!(ages.words, ["Children 5-18 years old"]);
//! assert!(ages_in_text("Serving 5 towns since 1998", Reading::Eligibility).is_none());
//! ```

mod patterns;
mod tokens;

use crate::format::ProgramEntry;

/// How sure the text must be to give an age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Text about who is served: any mention with evidence.
    Eligibility,
    /// Text about anything: only ages stated plainly.
    Description,
}

/// The ages a text states.
#[derive(Clone, Debug, PartialEq)]
pub struct AgesInText {
    /// Youngest age served, in years; `None` when the text gives no lower bound.
    pub minimum: Option<f64>,
    /// Oldest age served, in years, through the whole of that year (as the catalogue's
    /// `maximum_age`); `None` when the text gives no upper bound.
    pub maximum: Option<f64>,
    /// The words each age came from, as written, for the note staff check.
    pub words: Vec<String>,
}

impl AgesInText {
    /// Ages were mentioned, but together they cover every age: no range to use.
    pub fn is_unclear(&self) -> bool {
        self.minimum.is_none() && self.maximum.is_none()
    }
}

/// The ages the text states, or `None` when it states none. See the module documentation.
pub fn ages_in_text(text: &str, reading: Reading) -> Option<AgesInText> {
    let tokens = tokens::tokens(text);
    let mentions: Vec<patterns::Mention> = patterns::mentions(&tokens)
        .into_iter()
        .filter(|m| m.plain || reading == Reading::Eligibility)
        .collect();
    if mentions.is_empty() {
        return None;
    }
    let words = mentions
        .iter()
        .map(|m| {
            let quoted = &text[tokens[m.first].start..tokens[m.last].end];
            // "Children (ages 6-12)" is quoted with its closing bracket.
            let closes = quoted.contains('(') && !quoted.contains(')');
            let close = closes && text[tokens[m.last].end..].starts_with(')');
            format!("{quoted}{}", if close { ")" } else { "" })
        })
        .collect();
    // The range that covers every mention: open on a side as soon as one mention is.
    let minimum = mentions.iter().map(|m| m.min_months).collect::<Option<Vec<f64>>>().map(|all| {
        let months = all.into_iter().fold(f64::MAX, f64::min);
        years_from_months(months)
    });
    let maximum = mentions
        .iter()
        .map(|m| m.max.map(maximum_years))
        .collect::<Option<Vec<f64>>>()
        .map(|all| all.into_iter().fold(0.0, f64::max));
    // A minimum of 0 with no maximum says nothing about age.
    let minimum = minimum.filter(|&m| m > 0.0 || maximum.is_some());
    Some(AgesInText { minimum, maximum, words })
}

/// A note an importer should add, with its [kind](crate::import::ImportNote::with_kind).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeNote {
    pub kind: &'static str,
    pub message: String,
}

/// Gives a program that has neither `minimum_age` nor `maximum_age` the ages its eligibility
/// text states, else the ages its description states plainly; ages the data gives in fields
/// are never changed. Returns the note that says what was read, quoting the words, or that
/// the ages mentioned make no range.
pub fn fill_ages(program: &mut ProgramEntry) -> Option<AgeNote> {
    if program.minimum_age.is_some() || program.maximum_age.is_some() {
        return None;
    }
    let (ages, field) = [
        (&program.eligibility, Reading::Eligibility, "eligibility"),
        (&program.description, Reading::Description, "description"),
    ]
    .into_iter()
    .find_map(|(text, reading, field)| Some((ages_in_text(text.as_deref()?, reading)?, field)))?;
    let quoted: Vec<String> = ages.words.iter().map(|w| format!("\"{w}\"")).collect();
    let quoted = quoted.join(", ");
    if ages.is_unclear() {
        return Some(AgeNote {
            kind: "ages-in-text-unclear",
            message: format!(
                "the {field} mentions ages ({quoted}) that together cover every age: set minimum_age and maximum_age by hand"
            ),
        });
    }
    let read: Vec<String> = [("minimum_age", ages.minimum), ("maximum_age", ages.maximum)]
        .into_iter()
        .filter_map(|(name, years)| Some(format!("{name} {}", years?)))
        .collect();
    program.minimum_age = ages.minimum;
    program.maximum_age = ages.maximum;
    Some(AgeNote {
        kind: "age-from-text",
        message: format!("{} read from the {field} text {quoted}: check", read.join(" and ")),
    })
}

/// Months as years, to two decimals (enough to give back the month: 0.42 × 12 rounds to 5).
fn years_from_months(months: f64) -> f64 {
    (months / 12.0 * 100.0).round() / 100.0
}

/// A bound as the catalogue's `maximum_age`, which runs through the whole of its year
/// (a whole number) or its month (a fraction).
fn maximum_years(bound: patterns::Bound) -> f64 {
    let whole_years = bound.in_years && bound.months % 12.0 == 0.0;
    if whole_years {
        let years = bound.months / 12.0;
        return if bound.inclusive { years } else { years - 1.0 };
    }
    // The last month served; a whole number of years of months is one month short, since
    // the catalogue would read 2.0 as "through age 2".
    let last = if bound.inclusive { bound.months } else { bound.months - 1.0 };
    let last = if last % 12.0 == 0.0 && last > 0.0 { last - 1.0 } else { last };
    years_from_months(last.max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimum and a maximum, as a program's fields hold them.
    type Ages = (Option<f64>, Option<f64>);

    /// One row: the text, and the minimum and maximum it gives (`None`: no age at all).
    fn check(reading: Reading, text: &str, expected: Option<Ages>) {
        let found = ages_in_text(text, reading).map(|a| (a.minimum, a.maximum));
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn eligibility_text_gives_ages() {
        let table: &[(&str, Option<f64>, Option<f64>)] = &[
            ("ages 5–18", Some(5.0), Some(18.0)),
            ("Children 5-18 years old", Some(5.0), Some(18.0)),
            ("children 0-5 years", Some(0.0), Some(5.0)),
            ("18 and older", Some(18.0), None),
            ("Must be 18 or older.", Some(18.0), None),
            ("under 21", None, Some(20.0)),
            ("Must be under 21.", None, Some(20.0)),
            ("6 months to 3 years", Some(0.5), Some(3.0)),
            ("de 0 a 5 años", Some(0.0), Some(5.0)),
            ("Niños de 3 a 5 años", Some(3.0), Some(5.0)),
            ("mayores de 60", Some(60.0), None),
            ("Adultos mayores de 65 años", Some(65.0), None),
            ("menores de 18 años", None, Some(17.0)),
            ("Personas de 60 años o más", Some(60.0), None),
            ("Jóvenes entre 14 y 21 años", Some(14.0), Some(21.0)),
            ("a partir de los 18 años", Some(18.0), None),
            ("hasta los 5 años", None, Some(5.0)),
            ("adults 60+", Some(60.0), None),
            ("youth ages 12 to 17", Some(12.0), Some(17.0)),
            ("birth to 3", Some(0.0), Some(3.0)),
            ("Birth through five", Some(0.0), Some(5.0)),
            ("seniors 65 and over", Some(65.0), None),
            ("for pregnant women and children under 5", None, Some(4.0)),
            ("Infants 0-12 months", Some(0.0), Some(0.92)),
            ("Toddlers 18-36 months", Some(1.5), Some(2.92)),
            ("0-18 months", Some(0.0), Some(1.5)),
            ("Babies under 6 months", None, Some(0.42)),
            ("between the ages of 5 and 18", Some(5.0), Some(18.0)),
            ("Ages: 3-21 (special education)", Some(3.0), Some(21.0)),
            ("Must be 62 years of age or older", Some(62.0), None),
            ("Individuals 55 years and older", Some(55.0), None),
            ("Youth aged 16-24 who are out of school", Some(16.0), Some(24.0)),
            ("Pre-K for 4-year-olds", Some(4.0), Some(4.0)),
            ("Kids 5 & up", Some(5.0), None),
            ("12 and under", None, Some(12.0)),
            ("Children up to age 5 and pregnant women", None, Some(5.0)),
            ("Elderly (60 and over)", Some(60.0), None),
            ("Teens 13–19", Some(13.0), Some(19.0)),
            ("Adults 18-64; seniors 65+", Some(18.0), None),
            ("Ages 5-18 / Edades 5-18", Some(5.0), Some(18.0)),
            ("Girls ages 8 to 14 years old", Some(8.0), Some(14.0)),
            ("Serves 18+", Some(18.0), None),
            ("Children 3yrs-5yrs", Some(3.0), Some(5.0)),
            ("Ages 2.5 to 5", Some(2.5), Some(5.0)),
            ("Children ages 0-5. Call 860-555-0100 Mon-Fri 9-5.", Some(0.0), Some(5.0)),
            ("Age 60 or over", Some(60.0), None),
            ("Under age 6", None, Some(5.0)),
            ("sixty and older", Some(60.0), None),
            ("Must be 18.", Some(18.0), None),
            ("Must be 18 to apply", Some(18.0), None),
            ("Must be at least 18 years old", Some(18.0), None),
            ("Children ages birth to 5", Some(0.0), Some(5.0)),
            ("Youth 14 – 21 years of age", Some(14.0), Some(21.0)),
            ("3-5 year olds", Some(3.0), Some(5.0)),
            ("Parents of children under 18", None, Some(17.0)),
            ("Adults over 18 years of age", Some(18.0), None),
            ("Over 55", Some(55.0), None),
            ("18 yrs+", Some(18.0), None),
            ("newborns to 12 months", Some(0.0), Some(0.92)),
            ("Edad: 18 años o más", Some(18.0), None),
            ("Para niños menores de 6 años", None, Some(5.0)),
            ("Adultos de 18 a 64 años", Some(18.0), Some(64.0)),
            ("65 años en adelante", Some(65.0), None),
            ("Kids 6 to 12 and teens 13 to 17", Some(6.0), Some(17.0)),
        ];
        for &(text, minimum, maximum) in table {
            check(Reading::Eligibility, text, Some((minimum, maximum)));
        }
    }

    #[test]
    fn text_without_ages_is_left_alone() {
        for text in [
            "Call 860-555-0100 for an appointment",
            "Serving Hartford since 1998",
            "Serving 5 towns in Tolland County",
            "Open 24/7",
            "Grades 6-12",
            "Students in grades 9 and up",
            "123 Route 44, Suite 5-18",
            "Fee: $18 and under for members",
            "Open Mon-Fri 9-5",
            "Open 9am-5pm, Saturday 10-2",
            "Up to 3 visits per year",
            "We have served families for over 30 years",
            "Serves 200+ families each month",
            "Residents of Hartford County",
            "Income below 200% of poverty",
            "Children and families",
            "Ages 0 and up",
            "Children 6 weeks to 5 years",
            "Dates: 5/18/2024",
            "Title 19 recipients",
            "Families of 4 or more",
            "1-800-555-1212",
            "Open to all ages",
            "Veterans of all ages",
            "Hours: 9:00-5:00",
            "Serves 100 families",
            "for over 20 years we have served seniors",
            "Children in grades K-5",
            "Must be 3 miles from the office",
            "",
        ] {
            check(Reading::Eligibility, text, None);
        }
    }

    #[test]
    fn descriptions_give_ages_only_when_plain() {
        let table: &[(&str, Option<Ages>)] = &[
            ("A preschool for children ages 3-5.", Some((Some(3.0), Some(5.0)))),
            ("Meals for adults 60+ in their homes.", Some((Some(60.0), None))),
            ("Tutoring for 8-12 year olds", Some((Some(8.0), Some(12.0)))),
            ("Apoyo para mayores de 60 años", Some((Some(60.0), None))),
            ("Open to anyone 18 and older.", Some((Some(18.0), None))),
            ("Free if under 21.", None),
            ("18 and older welcome.", None),
            ("Founded 1998, we have served 5-10 towns for over 30 years.", None),
            ("Call 860-555-0100, open 9-5.", None),
        ];
        for (text, expected) in table {
            check(Reading::Description, text, *expected);
        }
    }

    #[test]
    fn mentions_that_cover_every_age_are_unclear() {
        let ages = ages_in_text("Children under 5 and adults 60+", Reading::Eligibility).unwrap();
        assert!(ages.is_unclear());
        assert_eq!(ages.words, ["Children under 5", "adults 60+"]);
    }

    #[test]
    fn the_words_are_quoted_as_written() {
        let ages =
            ages_in_text("Eligibility: Seniors 65 and over, residents of Vernon", Reading::Eligibility)
                .unwrap();
        assert_eq!(ages.words, ["Seniors 65 and over"]);
        let ages = ages_in_text("Niños de 0 a 5 años y sus familias", Reading::Eligibility).unwrap();
        assert_eq!(ages.words, ["Niños de 0 a 5 años"]);
        let ages = ages_in_text("Children (ages 6-12) after school", Reading::Eligibility).unwrap();
        assert_eq!(ages.words, ["Children (ages 6-12)"]);
    }

    #[test]
    fn programs_get_ages_from_text_only_when_their_fields_have_none() {
        let program = |eligibility: &str, description: &str, minimum: Option<f64>| ProgramEntry {
            eligibility: Some(eligibility.to_string()).filter(|t| !t.is_empty()),
            description: Some(description.to_string()).filter(|t| !t.is_empty()),
            minimum_age: minimum,
            ..ProgramEntry::default()
        };
        let table: &[(ProgramEntry, Option<Ages>, Option<&str>)] = &[
            (
                program("Children 5-18 years old", "", None),
                Some((Some(5.0), Some(18.0))),
                Some("minimum_age 5 and maximum_age 18 read from the eligibility text \"Children 5-18 years old\": check"),
            ),
            (
                program("Residents of Vernon", "A preschool for children ages 3-5.", None),
                Some((Some(3.0), Some(5.0))),
                Some("minimum_age 3 and maximum_age 5 read from the description text \"children ages 3-5\": check"),
            ),
            (program("Children 5-18", "", Some(6.0)), Some((Some(6.0), None)), None),
            (program("Residents of Vernon", "Free if under 21.", None), Some((None, None)), None),
            (
                program("Children under 5 and adults 60+", "", None),
                Some((None, None)),
                Some("the eligibility mentions ages (\"Children under 5\", \"adults 60+\") that together cover every age: set minimum_age and maximum_age by hand"),
            ),
            (
                program("under 21", "", None),
                Some((None, Some(20.0))),
                Some("maximum_age 20 read from the eligibility text \"under 21\": check"),
            ),
        ];
        for (program, ages, message) in table {
            let mut program = program.clone();
            let note = fill_ages(&mut program);
            assert_eq!(note.map(|n| n.message).as_deref(), *message, "{program:?}");
            assert_eq!(Some((program.minimum_age, program.maximum_age)), *ages);
        }
    }
}
