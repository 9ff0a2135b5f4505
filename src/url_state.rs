//! A widget's choices as page-address parameters, so a search can be shared as a link and
//! Back/Forward work: `?pf-need=food,housing&pf-town=Hartford&pf-age=6m&pf-q=dentist`.
//!
//! The `pf-` prefix keeps clear of the host page's own parameters, which are always kept
//! as they are. Values that make no sense (a need the catalogue lacks is the widget's
//! business, but an unreadable age or an unknown town is caught here) are dropped, never
//! an error. Pure functions; the embed layer reads and writes the real address.
//!
//! ```
//! use program_finder::url_state::{from_query, to_query, UrlChoices};
//! let choices = from_query("?page=3&pf-need=food,housing&pf-age=6m&pf-town=nowhere");
//! assert_eq!(choices.needs, ["food", "housing"]);
//! assert_eq!(choices.age, "6m");
//! assert_eq!(choices.town, "", "unknown towns are dropped");
//! assert_eq!(to_query("?page=3", &choices), "?page=3&pf-need=food%2Chousing&pf-age=6m");
//! ```

use finder_core::age::ChildAge;
use finder_core::towns::{family_town, may_be_declared};

/// The parameters this widget owns.
pub const PARAMETERS: [&str; 7] = ["pf-need", "pf-town", "pf-age", "pf-q", "pf-hours", "pf-lang", "pf-saved"];

/// Most program ids a link can carry (a shortlist; the widget keeps at most 200 saved).
pub const MAX_LINKED_PROGRAMS: usize = 200;

/// The hours choices an address can carry (`pf-hours=open,evening,weekend`), in the order
/// of the family's choices "open now", "evenings", "weekends" (`choices.rs`).
pub const HOURS: [&str; 3] = ["open", "evening", "weekend"];

/// Choices as they travel in an address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlChoices {
    pub needs: Vec<String>,
    pub town: String,
    /// As in `data-age`: `5` (years) or `6m` (months).
    pub age: String,
    pub query: String,
    /// Hours choices, among [`HOURS`].
    pub hours: Vec<String>,
    /// The interface language the family chose (`es`), when it is not the page's own, so
    /// a link copied in Spanish opens in Spanish, and a reload keeps it.
    pub lang: String,
    /// Programs shown as a list of their own (`pf-saved=a,b`): the Saved view, or a list
    /// somebody shared. Empty: the search.
    pub saved: Vec<String>,
}

/// Reads the widget's parameters from a query string (`?a=b&...`, with or without `?`).
pub fn from_query(query: &str) -> UrlChoices {
    let mut choices = UrlChoices::default();
    for (key, value) in pairs(query) {
        match key.as_str() {
            "pf-need" => {
                choices.needs = value
                    .split(',')
                    .map(|id| id.trim().to_lowercase())
                    .filter(|id| !id.is_empty() && id.len() <= 64)
                    .take(32)
                    .collect();
            }
            // Read before the catalogue arrives: a Connecticut town, or a name with another
            // state ("Springfield, MA") that the catalogue's places then decide on.
            "pf-town" if family_town(&value).is_some() || may_be_declared(&value) => {
                choices.town = value.trim().to_string()
            }
            "pf-age" if ChildAge::parse(&value).is_some() => choices.age = value.trim().to_string(),
            "pf-q" => choices.query = value.trim().chars().take(200).collect(),
            "pf-lang" => {
                if let Some(lang) = crate::i18n::Lang::from_code(&value) {
                    choices.lang = lang.code().to_string();
                }
            }
            "pf-saved" => {
                // Program ids are whatever staff wrote, so only their length is checked;
                // the widget ignores ids its catalogue does not have (and says how many).
                choices.saved = value
                    .split(',')
                    .map(str::trim)
                    .filter(|id| !id.is_empty() && id.len() <= 200)
                    .take(MAX_LINKED_PROGRAMS)
                    .map(str::to_string)
                    .collect();
            }
            "pf-hours" => {
                choices.hours = HOURS
                    .iter()
                    .filter(|name| value.split(',').any(|v| v.trim().eq_ignore_ascii_case(name)))
                    .map(|name| name.to_string())
                    .collect();
            }
            _ => {}
        }
    }
    choices
}

/// The query string with the widget's parameters replaced by `choices` (empty ones left
/// out) and every other parameter kept, in order.
pub fn to_query(current: &str, choices: &UrlChoices) -> String {
    let mut kept: Vec<(String, String)> =
        pairs(current).into_iter().filter(|(key, _)| !PARAMETERS.contains(&key.as_str())).collect();
    let needs = choices.needs.join(",");
    let hours = choices.hours.join(",");
    let saved = choices.saved.join(",");
    for (key, value) in [
        ("pf-need", &needs),
        ("pf-town", &choices.town),
        ("pf-age", &choices.age),
        ("pf-q", &choices.query),
        ("pf-hours", &hours),
        ("pf-lang", &choices.lang),
        ("pf-saved", &saved),
    ] {
        if !value.trim().is_empty() {
            kept.push((key.to_string(), value.trim().to_string()));
        }
    }
    if kept.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = kept.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    format!("?{}", joined.join("&"))
}

/// `key=value` pairs of a query string, percent-decoded, `+` as space.
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(text.get(i + 1..i + 3).unwrap_or(""), 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes text for a query value (`application/x-www-form-urlencoded`, as forms and
/// `URLSearchParams` write it): letters, digits and `-_.~` as they are, a space as `+`,
/// every other byte of its UTF-8 as `%XX`. The widget's one encoder: its own parameters and
/// the Directions link (`ui/details.rs`) both use it.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_travels_in_the_address_when_it_is_a_language_of_the_widget() {
        assert_eq!(from_query("?pf-lang=es").lang, "es");
        assert_eq!(from_query("?pf-lang=ES").lang, "es");
        assert_eq!(from_query("?pf-lang=klingon").lang, "", "unknown languages are dropped");
        let choices = UrlChoices { lang: "es".into(), ..UrlChoices::default() };
        assert_eq!(to_query("?a=1", &choices), "?a=1&pf-lang=es");
    }

    #[test]
    fn a_list_of_programs_travels_by_id() {
        let choices = from_query("?pf-saved=help-me-grow,%20wic%20,,books");
        assert_eq!(choices.saved, ["help-me-grow", "wic", "books"]);
        assert_eq!(to_query("?page=2", &choices), "?page=2&pf-saved=help-me-grow%2Cwic%2Cbooks");
        assert_eq!(from_query(&to_query("", &choices)), choices);
        let many = format!("?pf-saved={}", vec!["x"; 1000].join(","));
        assert_eq!(
            from_query(&many).saved.len(),
            MAX_LINKED_PROGRAMS,
            "a link cannot list the whole catalogue"
        );
        assert_eq!(from_query(&format!("?pf-saved={}", "a".repeat(300))).saved, Vec::<String>::new());
    }

    #[test]
    fn hours_choices_travel_in_the_address() {
        let choices = from_query("?pf-hours=weekend,OPEN,lunchtime");
        assert_eq!(choices.hours, ["open", "weekend"], "known names only, in a fixed order");
        assert_eq!(to_query("?x=1", &choices), "?x=1&pf-hours=open%2Cweekend");
        assert_eq!(from_query(&to_query("", &choices)), choices);
        assert_eq!(from_query("?pf-hours=").hours, Vec::<String>::new());
    }

    #[test]
    fn bad_values_are_dropped_never_an_error() {
        let check = |query: &str, expected: UrlChoices| assert_eq!(from_query(query), expected, "{query}");
        check("", UrlChoices::default());
        check("?pf-age=old&pf-town=Atlantis", UrlChoices::default());
        check("?pf-age=%ZZ&pf-need=&pf-q=%", UrlChoices { query: "%".into(), ..UrlChoices::default() });
        check(
            "?pf-town=new+haven&pf-age=5&pf-q=comida%20fresca",
            UrlChoices {
                town: "new haven".into(),
                age: "5".into(),
                query: "comida fresca".into(),
                ..UrlChoices::default()
            },
        );
        check(
            "?pf-need=FOOD,%20housing,",
            UrlChoices { needs: vec!["food".into(), "housing".into()], ..UrlChoices::default() },
        );
        let long = format!("?pf-q={}", "a".repeat(10_000));
        assert_eq!(from_query(&long).query.len(), 200);
        for hostile in ["?%", "?%%%", "?=&=&", "?pf-need=%E2%82", "?pf-q=%F0%9F%98%80"] {
            let _ = from_query(hostile);
        }
    }

    #[test]
    fn the_host_pages_parameters_are_kept() {
        let choices =
            UrlChoices { needs: vec!["food".into()], query: "niño & co".into(), ..UrlChoices::default() };
        assert_eq!(
            to_query("?id=7&pf-need=housing&utm_source=x", &choices),
            "?id=7&utm_source=x&pf-need=food&pf-q=ni%C3%B1o+%26+co"
        );
        assert_eq!(to_query("?pf-need=housing", &UrlChoices::default()), "");
        assert_eq!(from_query(&to_query("", &choices)), choices, "round trip");
    }

    #[test]
    fn values_are_percent_encoded_as_forms_write_them() {
        let table = [
            ("food", "food"),
            ("a-b_c.d~e", "a-b_c.d~e"),
            ("10 Main St, Hartford, CT", "10+Main+St%2C+Hartford%2C+CT"),
            ("niño & co", "ni%C3%B1o+%26+co"),
            ("a+b=c?d#e/f", "a%2Bb%3Dc%3Fd%23e%2Ff"),
            ("", ""),
        ];
        for (text, expected) in table {
            assert_eq!(encode(text), expected, "{text}");
            assert_eq!(decode(expected), text, "{expected} decodes back");
        }
    }

    /// Found by the url_state fuzz target: an absurd age overflowed instead of being ignored.
    #[test]
    fn absurd_ages_in_a_link_are_ignored() {
        assert_eq!(from_query("?pf-age=1110000001").age, "");
        assert_eq!(from_query("?pf-age=4294967295m").age, "");
    }

    #[test]
    fn a_place_outside_connecticut_waits_for_the_catalogue() {
        // The address is read before the catalogue arrives: a name with another state is
        // kept, and the catalogue's places decide (`ui::keep_in_address`).
        assert_eq!(from_query("?pf-town=Springfield%2C%20MA").town, "Springfield, MA");
        assert_eq!(from_query("?pf-town=springfield+ma").town, "springfield ma");
        assert_eq!(from_query("?pf-town=Enfield%2C%20CT").town, "Enfield, CT");
        assert_eq!(
            from_query("?pf-town=Springfield").town,
            "",
            "links write a declared place with its state"
        );
    }
}
