//! Reading typed values out of a JSON object, reporting every bad one.
//!
//! Staff edit catalogues by hand. A wrong type in one field should cost that field,
//! not the whole program, and every mistake should be reported with the path to it
//! (`programs[3].website`) so it can be found and fixed.

use std::collections::BTreeMap;

use crate::age::MAX_AGE_YEARS;
use crate::json::{Json, Object};

/// What happened because of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The whole program (or need) was left out.
    Skipped,
    /// Only this value was left out; the rest is used.
    Ignored,
    /// Nothing was left out, but staff should look (a warning).
    Kept,
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something families cannot see, or see wrong, until it is fixed.
    Error,
    /// Worth fixing; families still see everything.
    Warning,
}

/// One thing wrong in a catalogue file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is, as a JSON path: `programs[3].towns[1]`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    pub effect: Effect,
    /// How to fix it, when we can tell: "did you mean 'Hartford'?"
    pub hint: Option<String>,
}

impl Problem {
    pub fn skipped(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem::new(path, message, Effect::Skipped)
    }

    pub fn ignored(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem::new(path, message, Effect::Ignored)
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem::new(path, message, Effect::Kept)
    }

    fn new(path: impl Into<String>, message: impl Into<String>, effect: Effect) -> Problem {
        Problem { path: path.into(), message: message.into(), effect, hint: None }
    }

    /// The same problem with a suggested fix.
    pub fn with_hint(mut self, hint: Option<String>) -> Problem {
        self.hint = hint;
        self
    }

    pub fn severity(&self) -> Severity {
        match self.effect {
            Effect::Skipped | Effect::Ignored => Severity::Error,
            Effect::Kept => Severity::Warning,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let effect = match self.effect {
            Effect::Skipped => " (left out)",
            Effect::Ignored => " (value ignored)",
            Effect::Kept => "",
        };
        write!(f, "{}: {}{effect}", self.path, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " — {hint}")?;
        }
        Ok(())
    }
}

/// The fields of one JSON object, with the path used in problem reports.
pub(crate) struct Fields<'a> {
    object: &'a Object,
    path: String,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Fields<'a> {
    pub fn new(object: &'a Object, path: String, problems: &'a mut Vec<Problem>) -> Self {
        Fields { object, path, problems }
    }

    fn field_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn ignore(&mut self, key: &str, message: String) {
        let path = self.field_path(key);
        self.problems.push(Problem::ignored(path, message));
    }

    /// A non-empty string field. Absent, `null` and blank are `None`; other types are reported.
    pub fn text(&mut self, key: &str) -> Option<String> {
        match self.object.get(key)? {
            Json::String(s) if s.trim().is_empty() => None,
            Json::String(s) => Some(s.trim().to_string()),
            Json::Null => None,
            Json::Number(n) => Some(n.to_string()),
            other => {
                self.ignore(key, format!("should be text, not {}", kind(other)));
                None
            }
        }
    }

    /// A string the program cannot do without; its absence skips the program.
    pub fn required_text(&mut self, key: &str) -> Option<String> {
        let found = self.text(key);
        if found.is_none() {
            let path = self.path.clone();
            self.problems.push(Problem::skipped(path, format!("it has no \"{key}\"")));
        }
        found
    }

    /// A list of strings. A single string is accepted as a list of one.
    pub fn text_list(&mut self, key: &str) -> Option<Vec<String>> {
        match self.object.get(key)? {
            Json::Null => None,
            Json::String(s) => Some(vec![s.trim().to_string()]),
            Json::Array(items) => {
                let mut list = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    match item {
                        Json::String(s) if !s.trim().is_empty() => list.push(s.trim().to_string()),
                        other => self.ignore(
                            &format!("{key}[{index}]"),
                            format!("should be text, not {}", kind(other)),
                        ),
                    }
                }
                Some(list)
            }
            other => {
                self.ignore(key, format!("should be a list of text, not {}", kind(other)));
                None
            }
        }
    }

    /// A calendar date written YYYY-MM-DD, as staff write `updated` and `last_reviewed`.
    pub fn date(&mut self, key: &str) -> Option<String> {
        let text = self.text(key)?;
        if parse_date(&text).is_some() {
            Some(text)
        } else {
            let message = format!("\"{text}\" is not a date written as YYYY-MM-DD");
            self.ignore(key, message);
            None
        }
    }

    /// An object whose values are all text, such as need labels by language.
    pub fn text_map(&mut self, key: &str) -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        let Some(object) = self.object(key) else {
            return map;
        };
        for (name, value) in object.iter() {
            match value {
                Json::String(text) if !text.trim().is_empty() => {
                    map.insert(name.clone(), text.trim().to_string());
                }
                other => {
                    let message = format!("should be text, not {}", kind(other));
                    self.ignore(&format!("{key}.{name}"), message);
                }
            }
        }
        map
    }

    /// A nested object, reported if the field holds something else.
    pub fn object(&mut self, key: &str) -> Option<&'a Object> {
        match self.object.get(key)? {
            Json::Object(object) => Some(object),
            Json::Null => None,
            other => {
                let message = format!("should be an object, not {}", kind(other));
                self.ignore(key, message);
                None
            }
        }
    }

    /// Where the caller can report problems found in nested objects.
    pub fn problems_mut(&mut self) -> &mut Vec<Problem> {
        self.problems
    }

    /// The path of this object, for problems reported by the caller.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// `true` or `false`. Any other value is reported and ignored (never guessed at: a
    /// `"yes"` read as true could show a program to families it does not serve), with a fix
    /// that says what the value most likely meant.
    pub fn flag(&mut self, key: &str) -> Option<bool> {
        match self.object.get(key)? {
            Json::Bool(b) => Some(*b),
            Json::Null => None,
            other => {
                let hint = staff_hint(|| {
                    let meant = match other {
                        Json::String(text) => yes_or_no(text),
                        Json::Number(n) if n.as_f64() == Some(1.0) => Some(true),
                        Json::Number(n) if n.as_f64() == Some(0.0) => Some(false),
                        _ => None,
                    };
                    // `true` and `false` take no quotes in JSON: the likeliest mistake is "true".
                    let bare = if other.is_string() { " (without quotes)" } else { "" };
                    match meant {
                        Some(true) => format!("write \"{key}\": true{bare}"),
                        Some(false) => format!("write \"{key}\": false{bare}, or leave it out"),
                        None => format!("write \"{key}\": true or \"{key}\": false{bare}"),
                    }
                });
                let message = format!("should be true or false, not {}", kind(other));
                let path = self.field_path(key);
                self.problems.push(Problem::ignored(path, message).with_hint(hint));
                None
            }
        }
    }

    /// An age in years. `Some(None)` when absent; `None` when present but unusable,
    /// which skips the program: a wrong age would show it to the wrong families.
    pub fn age(&mut self, key: &str) -> Option<Option<f64>> {
        let value = match self.object.get(key) {
            None | Some(Json::Null) => return Some(None),
            Some(value) => value,
        };
        let problem = match value.as_f64() {
            Some(years) if !years.is_finite() => format!("\"{key}\" is not a number of years"),
            Some(years) if (0.0..=MAX_AGE_YEARS).contains(&years) => return Some(Some(years)),
            Some(years) if years < 0.0 => format!("\"{key}\" is {value}; ages cannot be negative"),
            Some(_) => {
                format!("\"{key}\" is {value}; ages above {} years are not believable", MAX_AGE_YEARS as u32)
            }
            None => format!("\"{key}\" should be a number of years, not {}", kind(value)),
        };
        let path = self.path.clone();
        self.problems.push(Problem::skipped(path, problem));
        None
    }

    /// A web address; only `http:` and `https:` are accepted, so nothing else becomes a link.
    pub fn web_address(&mut self, key: &str) -> Option<String> {
        let text = self.text(key)?;
        if is_web_address(&text) {
            Some(text)
        } else {
            self.ignore(key, format!("\"{text}\" is not a web address starting with https://"));
            None
        }
    }

    /// A phone number families can dial: see [`is_phone_number`].
    pub fn phone(&mut self, key: &str) -> Option<String> {
        let text = self.text(key)?;
        if is_phone_number(&text) {
            Some(text)
        } else {
            let message = format!("\"{text}\" is not a phone number families can dial");
            let path = self.field_path(key);
            let hint =
                staff_hint(|| "write 10 digits, such as 860-555-0100, or a short line such as 2-1-1".into());
            self.problems.push(Problem::ignored(path, message).with_hint(hint));
            None
        }
    }

    /// An email address: something@domain, without spaces.
    pub fn email(&mut self, key: &str) -> Option<String> {
        let text = self.text(key)?;
        let valid = match text.split_once('@') {
            Some((user, domain)) => {
                !user.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !text.contains(char::is_whitespace)
                    && !domain.contains('@')
            }
            None => false,
        };
        if valid {
            Some(text)
        } else {
            self.ignore(key, format!("\"{text}\" is not an email address"));
            None
        }
    }
}

/// What staff mean by a yes/no cell or value: `yes`, `y`, `true`, `x` (a ticked box) or `1`
/// for yes; `no`, `n`, `false`, `0` or blank for no; any case, spaces around ignored.
/// `None` for anything else ("maybe", "sí"), which callers report rather than guess.
/// A hint for staff that takes work to find ("did you mean …"): worked out where staff
/// read it (the `hints` feature: the checker, `catalogue check`), `None` in the widget,
/// which only logs problems to the console.
pub(crate) fn staff_hint(make: impl FnOnce() -> String) -> Option<String> {
    #[cfg(feature = "hints")]
    return Some(make());
    #[cfg(not(feature = "hints"))]
    {
        let _ = make;
        None
    }
}

pub(crate) fn yes_or_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "x" | "1" => Some(true),
        "" | "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Whether the text is an `http` or `https` address with a host and no spaces.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && host.contains('.') && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// A `YYYY-MM-DD` date as (year, month, day), if it is one (a real day of a real month).
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    (1..=days_in_month(year as i32, month)?).contains(&day).then_some((year, month, day))
}

/// `11/1/2026` or `11/1/26` (as a U.S. spreadsheet rewrites `2026-11-01`) → `2026-11-01`.
pub(super) fn us_date(text: &str) -> Option<String> {
    let mut parts = text.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |s: &str, lengths: &[usize]| lengths.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
    if parts.next().is_some() || !digits(month, &[1, 2]) || !digits(day, &[1, 2]) || !digits(year, &[2, 4]) {
        return None;
    }
    let year = if year.len() == 2 { format!("20{year}") } else { year.to_string() };
    let iso = format!("{year}-{month:0>2}-{day:0>2}");
    parse_date(&iso).map(|_| iso)
}

/// The days of `month` (1–12) in `year`, Gregorian leap years included; `None` for no month.
pub(crate) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Whether the text is a dialable U.S. phone number: ten digits (optionally with a leading
/// 1 or +1, and an extension such as "ext. 12"), or a three-digit service line such as
/// 2-1-1 or 9-8-8. Spaces, dashes, dots and brackets are allowed anywhere.
pub fn is_phone_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let main = match lower.find("ext").or_else(|| lower.find(" x")) {
        Some(at) => {
            let extension = &lower[at..];
            let extension = extension.trim_start_matches(|c: char| c.is_alphabetic() || c == '.' || c == ' ');
            if extension.is_empty() || !extension.chars().all(|c| c.is_ascii_digit()) {
                return false;
            }
            &lower[..at]
        }
        None => lower.as_str(),
    };
    if !main.chars().all(|c| c.is_ascii_digit() || " -.()+".contains(c)) {
        return false;
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        3 => digits.ends_with("11") || digits == "988",
        10 => true,
        11 => digits.starts_with('1'),
        _ => false,
    }
}

/// A number of years as staff wrote it ("2.5"). Printed as the catalogue's JSON
/// numbers are rather than `{}` on the `f64`, which would add Rust's float formatting to
/// the widget (11 KB of code).
pub(crate) fn years_text(years: f64) -> String {
    if years.fract() == 0.0 && years.abs() < 1e15 {
        return (years as i64).to_string();
    }
    crate::json::Number::from_f64(years).map_or_else(|| "?".to_string(), |n| n.to_string())
}

/// What a JSON value is, in staff's words, for messages: the one list of them, for the
/// catalogue reader's values and the importers' `serde_json::Value`s alike.
pub(crate) const KINDS: [&str; 6] = ["null", "true/false", "a number", "text", "a list", "an object"];

/// What a JSON value is, in staff's words ("a list", "text"), for messages.
pub(crate) fn kind(value: &Json) -> &'static str {
    KINDS[match value {
        Json::Null => 0,
        Json::Bool(_) => 1,
        Json::Number(_) => 2,
        Json::String(_) => 3,
        Json::Array(_) => 4,
        Json::Object(_) => 5,
    }]
}

#[cfg(test)]
mod tests {
    use super::{us_date, years_text};

    #[test]
    fn years_read_as_staff_wrote_them() {
        assert_eq!(years_text(5.0), "5");
        assert_eq!(years_text(0.0), "0");
        assert_eq!(years_text(2.5), "2.5");
        assert_eq!(years_text(0.25), "0.25");
        assert_eq!(years_text(-3.0), "-3");
    }

    #[test]
    fn dates_as_us_spreadsheets_and_exports_write_them() {
        let table = [
            ("11/1/2026", Some("2026-11-01")),
            ("11/01/26", Some("2026-11-01")),
            ("1/2/27", Some("2027-01-02")),
            ("2/29/2028", Some("2028-02-29")),
            ("2/29/2027", None),
            ("13/1/2026", None),
            ("1/1/026", None),
            ("+1/1/2026", None),
            ("1/1/2026/1", None),
            ("2026-11-01", None),
            ("Christmas", None),
        ];
        for (text, expected) in table {
            assert_eq!(us_date(text).as_deref(), expected, "{text}");
        }
    }
}
