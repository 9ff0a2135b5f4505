//! Reading typed values out of a JSON object, reporting every bad one.
//!
//! Staff edit catalogues by hand. A wrong type in one field should cost that field,
//! not the whole program, and every mistake should be reported with the path to it
//! (`programs[3].website`) so it can be found and fixed.

use serde_json::{Map, Value};

/// What happened because of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The whole program (or need) was left out.
    Skipped,
    /// Only this value was left out; the rest is used.
    Ignored,
}

/// One thing wrong in a catalogue file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is, as a JSON path: `programs[3].towns[1]`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    pub effect: Effect,
}

impl Problem {
    pub fn skipped(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            effect: Effect::Skipped,
        }
    }

    pub fn ignored(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            effect: Effect::Ignored,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let effect = match self.effect {
            Effect::Skipped => "left out",
            Effect::Ignored => "value ignored",
        };
        write!(f, "{}: {} ({effect})", self.path, self.message)
    }
}

/// The fields of one JSON object, with the path used in problem reports.
pub(crate) struct Fields<'a> {
    object: &'a Map<String, Value>,
    path: String,
    problems: &'a mut Vec<Problem>,
}

/// The oldest age, in years, a catalogue may name. Anything above is a typing mistake.
const MAX_AGE_YEARS: f64 = 120.0;

impl<'a> Fields<'a> {
    pub fn new(
        object: &'a Map<String, Value>,
        path: String,
        problems: &'a mut Vec<Problem>,
    ) -> Self {
        Fields {
            object,
            path,
            problems,
        }
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
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.trim().to_string()),
            Value::Null => None,
            Value::Number(n) => Some(n.to_string()),
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
            self.problems
                .push(Problem::skipped(path, format!("it has no \"{key}\"")));
        }
        found
    }

    /// A list of strings. A single string is accepted as a list of one.
    pub fn text_list(&mut self, key: &str) -> Option<Vec<String>> {
        match self.object.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(vec![s.trim().to_string()]),
            Value::Array(items) => {
                let mut list = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => list.push(s.trim().to_string()),
                        other => self.ignore(
                            &format!("{key}[{index}]"),
                            format!("should be text, not {}", kind(other)),
                        ),
                    }
                }
                Some(list)
            }
            other => {
                self.ignore(
                    key,
                    format!("should be a list of text, not {}", kind(other)),
                );
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn flag(&mut self, key: &str) -> Option<bool> {
        match self.object.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            other => {
                self.ignore(key, format!("should be true or false, not {}", kind(other)));
                None
            }
        }
    }

    /// An age in years. `Some(None)` when absent; `None` when present but unusable,
    /// which skips the program: a wrong age would show it to the wrong families.
    pub fn age(&mut self, key: &str) -> Option<Option<f64>> {
        let value = match self.object.get(key) {
            None | Some(Value::Null) => return Some(None),
            Some(value) => value,
        };
        let problem = match value.as_f64() {
            Some(years) if (0.0..=MAX_AGE_YEARS).contains(&years) => return Some(Some(years)),
            Some(years) if years < 0.0 => format!("\"{key}\" is {years}; ages cannot be negative"),
            Some(years) => {
                format!("\"{key}\" is {years}; ages above {MAX_AGE_YEARS} years are not believable")
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
            self.ignore(
                key,
                format!("\"{text}\" is not a web address starting with https://"),
            );
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

/// Whether the text is an `http` or `https` address with a host and no spaces.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && host.contains('.') && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
