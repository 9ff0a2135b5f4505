//! Words the widget shows, and how program facts become readable text.
//!
//! Everything a family reads is here, so wording is reviewed in one place (and a
//! second language is a second table, not a code change). Pure functions: tested
//! natively, no browser needed.

use finder_core::catalogue::Program;

/// Fixed interface wording.
pub struct Words {
    pub heading: &'static str,
    pub needs_legend: &'static str,
    pub town_label: &'static str,
    pub town_hint_unknown: &'static str,
    pub town_suggestions: &'static str,
    pub age_label: &'static str,
    pub age_unit_label: &'static str,
    pub years: &'static str,
    pub months: &'static str,
    pub age_hint: &'static str,
    pub age_invalid: &'static str,
    pub clear_all: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub load_failed_help: &'static str,
    pub retry: &'static str,
    pub empty_heading: &'static str,
    pub empty_try: &'static str,
    pub empty_remove_age: &'static str,
    pub empty_more_needs: &'static str,
    pub empty_clear_town: &'static str,
    pub call: &'static str,
    pub website: &'static str,
    pub website_new_tab: &'static str,
    pub ages: &'static str,
    pub serves: &'static str,
    pub statewide: &'static str,
    pub all_ages: &'static str,
    pub cost: &'static str,
}

/// The English interface.
pub const ENGLISH: Words = Words {
    heading: "Find community programs",
    needs_legend: "What do you need help with?",
    town_label: "Your town",
    town_hint_unknown: "Choose a Connecticut town from the list.",
    town_suggestions: "Towns",
    age_label: "Child's age",
    age_unit_label: "Age in",
    years: "years",
    months: "months",
    age_hint: "For babies under 2, you can give months.",
    age_invalid: "Enter a whole number, such as 4.",
    clear_all: "Clear all choices",
    loading: "Loading programs…",
    load_failed: "We could not load the list of programs.",
    load_failed_help: "Please try again in a moment. For help finding programs now, call 2-1-1.",
    retry: "Try again",
    empty_heading: "No programs match all of your choices.",
    empty_try: "You could:",
    empty_remove_age: "remove the child's age",
    empty_more_needs: "choose more kinds of help",
    empty_clear_town: "clear the town (statewide programs still show)",
    call: "Call",
    website: "Website",
    website_new_tab: "(opens in a new tab)",
    ages: "Ages",
    serves: "Serves",
    statewide: "All of Connecticut",
    all_ages: "All ages",
    cost: "Cost",
};

/// "Showing 4 of 36 programs", or "36 programs" when nothing is filtered out.
pub fn result_count(shown: usize, total: usize) -> String {
    let noun = |n: usize| if n == 1 { "program" } else { "programs" };
    if shown == total {
        format!("{total} {}", noun(total))
    } else {
        format!("Showing {shown} of {total} {}", noun(total))
    }
}

/// An age bound in years as words: 5 → "5", 0.5 → "6 months".
fn age_words(years: f64) -> String {
    if years.fract() == 0.0 {
        format!("{}", years as u32)
    } else {
        let months = (years * 12.0).round() as u32;
        format!("{months} {}", if months == 1 { "month" } else { "months" })
    }
}

/// The ages a program serves, as a family would say it: "0–5 years", "Birth to 6 months",
/// "18 and older", "Up to 12 years", "All ages".
pub fn ages_served(program: &Program) -> String {
    let min = program.minimum_age.filter(|m| *m > 0.0);
    match (min, program.maximum_age) {
        (None, None) => ENGLISH.all_ages.to_string(),
        (None, Some(max)) if max.fract() != 0.0 => format!("Birth to {}", age_words(max)),
        (None, Some(max)) if program.minimum_age.is_some() => format!("0–{} years", age_words(max)),
        (None, Some(max)) => format!("Up to {} years", age_words(max)),
        (Some(min), None) => format!("{} and older", age_words(min)),
        (Some(min), Some(max)) if min.fract() != 0.0 || max.fract() != 0.0 => {
            format!("{} to {}", age_words(min), age_words(max))
        }
        (Some(min), Some(max)) => format!("{}–{} years", age_words(min), age_words(max)),
    }
}

/// Where a program serves: "All of Connecticut", or its places, shortened after `limit`.
pub fn places_served(program: &Program, limit: usize) -> String {
    if program.statewide {
        return ENGLISH.statewide.to_string();
    }
    let shown: Vec<&str> = program
        .towns
        .iter()
        .take(limit)
        .map(String::as_str)
        .collect();
    let more = program.towns.len().saturating_sub(limit);
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

/// A `tel:` link for a phone number as staff wrote it, or `None` if it has no digits.
/// "2-1-1" → `tel:211`; "(860) 555-0100 ext. 2" → `tel:8605550100,2`.
pub fn phone_link(phone: &str) -> Option<String> {
    let lower = phone.to_lowercase();
    let (main, extension) = match lower.find("ext") {
        Some(at) => (&lower[..at], Some(&lower[at..])),
        None => (lower.as_str(), None),
    };
    let mut href: String = main
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
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

/// The start of a long description, cut at a word and marked with "…".
pub fn short_text(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(min: Option<f64>, max: Option<f64>) -> Program {
        Program {
            minimum_age: min,
            maximum_age: max,
            ..Program::default()
        }
    }

    #[test]
    fn ages_read_as_a_family_would_say_them() {
        let check = |min, max, expected: &str| {
            assert_eq!(ages_served(&program(min, max)), expected, "{min:?}–{max:?}");
        };
        check(None, None, "All ages");
        check(Some(0.0), None, "All ages");
        check(Some(0.0), Some(5.0), "0–5 years");
        check(Some(3.0), Some(5.0), "3–5 years");
        check(Some(0.0), Some(0.5), "Birth to 6 months");
        check(None, Some(12.0), "Up to 12 years");
        check(Some(18.0), None, "18 and older");
        check(Some(0.5), Some(2.0), "6 months to 2");
    }

    #[test]
    fn counts_say_how_many_of_how_many() {
        assert_eq!(result_count(36, 36), "36 programs");
        assert_eq!(result_count(1, 1), "1 program");
        assert_eq!(result_count(4, 36), "Showing 4 of 36 programs");
        assert_eq!(result_count(0, 36), "Showing 0 of 36 programs");
    }

    #[test]
    fn phone_links_keep_digits_and_extensions() {
        assert_eq!(phone_link("2-1-1").as_deref(), Some("tel:211"));
        assert_eq!(
            phone_link("(860) 555-0100").as_deref(),
            Some("tel:8605550100")
        );
        assert_eq!(
            phone_link("860-555-0100 ext. 12").as_deref(),
            Some("tel:8605550100,12")
        );
        assert_eq!(
            phone_link("+1 203 555 0101").as_deref(),
            Some("tel:+12035550101")
        );
        assert_eq!(phone_link("call us"), None);
    }

    #[test]
    fn places_are_listed_then_shortened() {
        let mut p = Program {
            towns: vec!["Hartford".into(), "Windham County".into(), "Meriden".into()],
            ..Program::default()
        };
        assert_eq!(places_served(&p, 4), "Hartford, Windham County, Meriden");
        assert_eq!(places_served(&p, 2), "Hartford, Windham County and 1 more");
        p.statewide = true;
        assert_eq!(places_served(&p, 4), "All of Connecticut");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        assert_eq!(short_text("short", 10), "short");
        assert_eq!(short_text("one two three four", 10), "one two…");
        assert_eq!(short_text("niños y niñas juntos", 9), "niños y…");
    }
}
