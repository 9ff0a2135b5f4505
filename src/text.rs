//! How program facts become readable text, in the family's language.
//!
//! The words themselves are in `locales/*.json` (see [`crate::i18n`]); this module puts
//! them together with numbers and names. Pure functions: tested natively.

use finder_core::catalogue::Program;

use crate::i18n::Lang;

/// "Showing 4 of 36 programs", or "36 programs" when nothing is filtered out.
pub fn result_count(lang: Lang, shown: usize, total: usize) -> String {
    let (shown_text, total_text) = (shown.to_string(), total.to_string());
    let values = [("shown", shown_text.as_str()), ("total", total_text.as_str())];
    if shown == total {
        lang.count("count_all", total, &values)
    } else {
        lang.count("count_some", total, &values)
    }
}

/// An age bound with its unit: 5 → "5 years", 1 → "1 year", 0.5 → "6 months".
pub fn age_words(lang: Lang, years: f64) -> String {
    if years.fract() == 0.0 {
        let whole = years as u32;
        lang.count("years", whole as usize, &[("count", &whole.to_string())])
    } else {
        let months = (years * 12.0).round() as usize;
        lang.count("months", months, &[("count", &months.to_string())])
    }
}

/// The ages a program serves, as a family would say it: "0–5 years", "Birth to 6 months",
/// "18 years and older", "Up to 12 years", "6 months to 2 years", "All ages". A bound
/// always carries its unit unless the sentence gives it once for both ("0–5 years"), so
/// "1 to 18 months" (one year to eighteen months) cannot be misread as one month.
pub fn ages_served(program: &Program, lang: Lang) -> String {
    let min = program.minimum_age.filter(|m| *m > 0.0);
    let words = |years| age_words(lang, years);
    let number = |years: f64| (years as u32).to_string();
    match (min, program.maximum_age) {
        (None, None) => lang.t("all_ages").to_string(),
        (None, Some(max)) if max.fract() != 0.0 => lang.format("ages_birth_to", &[("max", &words(max))]),
        (None, Some(max)) if program.minimum_age.is_some() => {
            lang.format("ages_range", &[("min", "0"), ("max", &number(max))])
        }
        (None, Some(max)) => lang.format("ages_up_to", &[("max", &number(max))]),
        (Some(min), None) => lang.format("ages_and_older", &[("min", &words(min))]),
        (Some(min), Some(max)) if min.fract() != 0.0 || max.fract() != 0.0 => {
            lang.format("ages_from_to", &[("min", &words(min)), ("max", &words(max))])
        }
        (Some(min), Some(max)) => lang.format("ages_range", &[("min", &number(min)), ("max", &number(max))]),
    }
}

/// Longest description shown on a card, in characters (the details show the whole of a
/// longer one).
pub const SHORT_DESCRIPTION: usize = 220;

/// Places listed on a card before "and N more" (the details list them all).
pub const PLACES_ON_CARD: usize = 4;

/// Where a program serves: "All of Connecticut", or its places, shortened after `limit`.
pub fn places_served(program: &Program, limit: usize, lang: Lang) -> String {
    if program.statewide {
        return lang.t("statewide").to_string();
    }
    let shown: Vec<String> = program.towns.iter().take(limit).map(|place| place_name(place, lang)).collect();
    let more = program.towns.len().saturating_sub(limit);
    if more == 0 {
        shown.join(", ")
    } else {
        lang.format("places_and_more", &[("places", &shown.join(", ")), ("more", &more.to_string())])
    }
}

/// A place as the family's language names it: "Windham County" is "Condado de Windham"
/// in Spanish, and a county of the catalogue's own places keeps its state ("Condado de
/// Hampden, MA"); towns keep their names.
pub fn place_name(place: &str, lang: Lang) -> String {
    if let Some((county, state)) = finder_core::towns::split_state(place) {
        if let Some(county) = finder_core::towns::county_in_name(county) {
            return format!("{}, {state}", lang.format("county_of", &[("name", county)]));
        }
    }
    match finder_core::towns::county_in_name(place) {
        Some(county) => lang.format("county_of", &[("name", county)]),
        None => place.to_string(),
    }
}

/// A cost that says only "free" ("Free", "FREE.", "no cost to families", "free of charge",
/// by the one rule of [`finder_core::cost::says_only_free`]), in the
/// family's language; `None` when it says more ("free for up to 8 hours a month"), which
/// then shows as staff wrote it.
pub fn plain_free(cost: &str, lang: Lang) -> Option<&'static str> {
    finder_core::cost::says_only_free(cost).then(|| lang.t("cost_free"))
}

/// A language's own name for a code in a catalogue's `languages` (endonyms, so a family
/// finds its language whatever the interface language), from the table of languages
/// ([`finder_core::languages`]); unknown codes are shown as given.
pub fn language_name(code: &str) -> String {
    finder_core::languages::own_name(code).unwrap_or(code).to_string()
}

/// A `tel:` link for a phone number as staff wrote it, or `None` if it has no digits.
/// "2-1-1" → `tel:211`; "(860) 555-0100 ext. 2" → `tel:8605550100,2`.
pub fn phone_link(phone: &str) -> Option<String> {
    let lower = phone.to_lowercase();
    let (main, extension) = match lower.find("ext") {
        Some(at) => (&lower[..at], Some(&lower[at..])),
        None => (lower.as_str(), None),
    };
    let mut href: String = main.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    if href.chars().filter(char::is_ascii_digit).count() < 3 {
        return None;
    }
    if let Some(ext) = extension {
        let digits: String = ext.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            href.push(',');
            href.push_str(&digits);
        }
    }
    Some(format!("tel:{href}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(min: Option<f64>, max: Option<f64>) -> Program {
        Program { minimum_age: min, maximum_age: max, ..Program::default() }
    }

    #[test]
    fn counties_and_plain_free_costs_read_in_the_family_language() {
        let spanish = Lang::from_code("es").expect("Spanish");
        let english = Lang::english();
        let rows = [
            ("Windham County", spanish, "Condado de Windham"),
            ("Windham County", english, "Windham County"),
            ("Hartford", spanish, "Hartford"),
            (" County", spanish, " County"),
            ("Hampden County, MA", spanish, "Condado de Hampden, MA"),
            ("Hampden County, MA", english, "Hampden County, MA"),
            ("Springfield, MA", spanish, "Springfield, MA"),
        ];
        for (place, lang, expected) in rows {
            assert_eq!(place_name(place, lang), expected, "{place:?} in {}", lang.code());
        }
        let costs = [
            ("free", Some("Gratis")),
            ("FREE.", Some("Gratis")),
            ("No cost", Some("Gratis")),
            ("free for up to 8 hours a month", None),
            ("$5 a visit", None),
        ];
        for (cost, expected) in costs {
            assert_eq!(plain_free(cost, spanish), expected, "{cost:?}");
        }
        assert_eq!(plain_free("free", english), Some("Free"));
    }

    #[test]
    fn ages_read_as_a_family_would_say_them() {
        let check = |min, max, expected: &str| {
            assert_eq!(ages_served(&program(min, max), Lang::english()), expected, "{min:?}–{max:?}");
        };
        check(None, None, "All ages");
        check(Some(0.0), None, "All ages");
        check(Some(0.0), Some(5.0), "0–5 years");
        check(Some(3.0), Some(5.0), "3–5 years");
        check(Some(0.0), Some(0.5), "Birth to 6 months");
        check(None, Some(12.0), "Up to 12 years");
        check(Some(18.0), None, "18 years and older");
        check(Some(0.5), None, "6 months and older");
        check(Some(1.0), None, "1 year and older");
        check(Some(0.5), Some(2.0), "6 months to 2 years");
        check(Some(1.0), Some(1.5), "1 year to 18 months");
        check(None, Some(1.5), "Birth to 18 months");
    }

    #[test]
    fn ages_in_spanish() {
        let spanish = Lang::from_code("es").unwrap();
        let check = |min, max, expected: &str| {
            assert_eq!(ages_served(&program(min, max), spanish), expected, "{min:?}–{max:?}");
        };
        check(None, None, "Todas las edades");
        check(Some(0.0), Some(5.0), "0–5 años");
        check(Some(0.0), Some(0.5), "Desde el nacimiento hasta 6 meses");
        check(Some(18.0), None, "18 años o más");
        check(Some(0.5), None, "6 meses o más");
        check(Some(0.5), Some(2.0), "6 meses a 2 años");
        check(Some(1.0), Some(1.5), "1 año a 18 meses");
        check(None, Some(0.0833), "Desde el nacimiento hasta 1 mes");
    }

    #[test]
    fn counts_say_how_many_of_how_many() {
        let english = Lang::english();
        assert_eq!(result_count(english, 36, 36), "36 programs");
        assert_eq!(result_count(english, 1, 1), "1 program");
        assert_eq!(result_count(english, 4, 36), "Showing 4 of 36 programs");
        assert_eq!(result_count(english, 0, 36), "Showing 0 of 36 programs");
        let spanish = Lang::from_code("es").unwrap();
        assert_eq!(result_count(spanish, 4, 36), "Mostrando 4 de 36 programas");
    }

    #[test]
    fn languages_are_named_in_their_own_words() {
        let table = [
            ("en", "English"),
            ("es", "Español"),
            ("ES", "Español"),
            ("ht", "Kreyòl ayisyen"),
            ("zh", "中文"),
            ("ase", "American Sign Language"),
            // The catalogue reader has made `asl` the table's `ase` already.
            ("asl", "asl"),
            ("es-MX", "es-MX"),
            ("tlh", "tlh"),
        ];
        for (code, expected) in table {
            assert_eq!(language_name(code), expected, "{code}");
        }
    }

    #[test]
    fn phone_links_keep_digits_and_extensions() {
        assert_eq!(phone_link("2-1-1").as_deref(), Some("tel:211"));
        assert_eq!(phone_link("(860) 555-0100").as_deref(), Some("tel:8605550100"));
        assert_eq!(phone_link("860-555-0100 ext. 12").as_deref(), Some("tel:8605550100,12"));
        assert_eq!(phone_link("+1 203 555 0101").as_deref(), Some("tel:+12035550101"));
        assert_eq!(phone_link("call us"), None);
    }

    #[test]
    fn places_are_listed_then_shortened() {
        let mut p = Program {
            towns: vec!["Hartford".into(), "Windham County".into(), "Meriden".into()],
            ..Program::default()
        };
        let english = Lang::english();
        assert_eq!(places_served(&p, 4, english), "Hartford, Windham County, Meriden");
        assert_eq!(places_served(&p, 2, english), "Hartford, Windham County and 1 more");
        p.statewide = true;
        assert_eq!(places_served(&p, 4, english), "All of Connecticut");
        assert_eq!(places_served(&p, 4, Lang::from_code("es").unwrap()), "Todo Connecticut");
    }
}
