//! U.S. state codes, for the places a catalogue declares outside Connecticut
//! ("Springfield, MA") and for what families type ("springfield ma", "Springfield,
//! Massachusetts").
//!
//! Catalogues write a state as its two-letter postal code, the way addresses do; families
//! may also write its name. The table is the 50 states, the District of Columbia and the
//! inhabited territories, since a 2-1-1 may serve any of them.

use super::normalize;

/// `(postal code, name)` of every state, the District of Columbia and the territories.
const STATES: [(&str, &str); 56] = [
    ("AK", "Alaska"),
    ("AL", "Alabama"),
    ("AR", "Arkansas"),
    ("AS", "American Samoa"),
    ("AZ", "Arizona"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DC", "District of Columbia"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("GU", "Guam"),
    ("HI", "Hawaii"),
    ("IA", "Iowa"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("MA", "Massachusetts"),
    ("MD", "Maryland"),
    ("ME", "Maine"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MO", "Missouri"),
    ("MP", "Northern Mariana Islands"),
    ("MS", "Mississippi"),
    ("MT", "Montana"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("NE", "Nebraska"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NV", "Nevada"),
    ("NY", "New York"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VA", "Virginia"),
    ("VI", "U.S. Virgin Islands"),
    ("VT", "Vermont"),
    ("WA", "Washington"),
    ("WI", "Wisconsin"),
    ("WV", "West Virginia"),
    ("WY", "Wyoming"),
];

/// Connecticut's code: its places are built in, never declared.
pub const CONNECTICUT: &str = "CT";

/// The postal code written as `text` (any case, spaces around): "ma" → "MA". Names are
/// not codes here: a catalogue writes "MA", so a file reads the same everywhere.
pub fn state_code(text: &str) -> Option<&'static str> {
    let text = text.trim();
    STATES.iter().map(|(code, _)| *code).find(|code| code.eq_ignore_ascii_case(text))
}

/// The code of a state written by its name ("massachusetts" → "MA"), for hints and for
/// what families type.
pub fn state_named(text: &str) -> Option<&'static str> {
    let wanted = normalize(text);
    STATES.iter().find(|(_, name)| name.to_lowercase() == wanted).map(|(code, _)| *code)
}

/// A place name split at its last comma into the place and a state code:
/// "Springfield, MA" → ("Springfield", "MA"); `None` without a comma or a state code
/// after it. This is how catalogues name the places they declare.
pub fn split_state(name: &str) -> Option<(&str, &'static str)> {
    let (place, state) = name.rsplit_once(',')?;
    let place = place.trim();
    (!place.is_empty()).then_some(())?;
    Some((place, state_code(state)?))
}

/// A family's text split into the place and a state at its end, written any way an
/// address is: "springfield ma", "Springfield, MA", "Springfield Massachusetts",
/// "Providence, Rhode Island". The place comes back normalized (lower case, single spaces,
/// no commas).
pub fn split_typed_state(text: &str) -> Option<(String, &'static str)> {
    trailing_state(text).map(|(place, code)| (normalize(&place.replace(',', " ")), code))
}

/// Text split before a state written at its end, by code or by name ("Holyoke, Chicopee
/// and Springfield, MA" → ("Holyoke, Chicopee and Springfield", "MA")): the place part as
/// written, without the commas and spaces before the state. `None` when the text does not
/// end in a state or has nothing before it.
pub fn trailing_state(text: &str) -> Option<(&str, &'static str)> {
    // Words are runs between spaces and commas ("Springfield,MA" has two).
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace() || c == ',', start) {
            (true, Some(from)) => {
                words.push((from, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    // A state's name has at most three words ("District of Columbia"); a code has one.
    for state_words in 1..=3.min(words.len().saturating_sub(1)) {
        let first = words[words.len() - state_words].0;
        let state = text[first..].trim_end_matches(['.', ' ']);
        let code = if state_words == 1 {
            state_code(state).or_else(|| state_named(state))
        } else {
            state_named(&state.replace(',', " "))
        };
        if let Some(code) = code {
            return Some((text[..first].trim_end_matches([',', ' ']), code));
        }
    }
    None
}

/// Whether `text` could name a place a catalogue declares: a place and a state other than
/// Connecticut ("Springfield, MA", "springfield ma"). What is read before the catalogue
/// arrives (an address, a page's `town`) keeps such a name, and the catalogue's places
/// decide once it has loaded.
pub fn may_be_declared(text: &str) -> bool {
    split_typed_state(text).is_some_and(|(place, state)| state != CONNECTICUT && !place.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_at_the_end_is_split_off_as_written() {
        let table = [
            ("Holyoke, Chicopee and Springfield, MA", Some(("Holyoke, Chicopee and Springfield", "MA"))),
            ("Springfield,MA", Some(("Springfield", "MA"))),
            ("Providence, Rhode Island", Some(("Providence", "RI"))),
            ("Westerly RI.", Some(("Westerly", "RI"))),
            ("MA", None),
            ("Hartford", None),
        ];
        for (text, expected) in table {
            assert_eq!(trailing_state(text), expected, "{text:?}");
        }
    }

    #[test]
    fn states_are_read_as_catalogues_and_families_write_them() {
        assert_eq!(state_code(" ma "), Some("MA"));
        assert_eq!(state_code("Mass"), None);
        assert_eq!(state_named("rhode  island"), Some("RI"));
        assert_eq!(split_state("Springfield, MA"), Some(("Springfield", "MA")));
        assert_eq!(split_state("Hampden County, ma"), Some(("Hampden County", "MA")));
        assert_eq!(split_state("Springfield"), None);
        assert_eq!(split_state(", MA"), None);
        assert_eq!(split_state("Springfield, Massachusetts"), None, "catalogues write codes");
        let typed = |text: &str| split_typed_state(text).map(|(place, code)| (place, code.to_string()));
        assert_eq!(typed("springfield ma"), Some(("springfield".into(), "MA".into())));
        assert_eq!(typed("Providence, Rhode Island"), Some(("providence".into(), "RI".into())));
        assert_eq!(typed("West Springfield, Massachusetts"), Some(("west springfield".into(), "MA".into())));
        assert_eq!(typed("ma"), None, "a state alone is no place");
        assert_eq!(typed("Hartford"), None);
        assert!(may_be_declared("Springfield, MA") && may_be_declared("springfield ma"));
        assert!(
            !may_be_declared("Hartford, CT")
                && !may_be_declared("Springfield")
                && !may_be_declared("nowhere")
        );
    }
}
