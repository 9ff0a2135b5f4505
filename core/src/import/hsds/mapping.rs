//! Taxonomy terms → catalogue needs, through a mapping file staff can read and edit.
//!
//! The file format is described in the [parent module](super). Parsing keeps the file's
//! order, so a term that gives several needs lists them in the order staff wrote them.
//!
//! A term's code decides before its name: an AIRS/211 term is judged by where it sits in
//! the taxonomy, so "Legal Counseling" under `F` (legal services) never becomes mental
//! health because its name says "counseling". The name counts only when no listed code
//! covers the term's code.

use crate::import::value_kind as kind;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::model::is_airs_code;
use crate::format::is_need_id;
use crate::import::ImportError;

/// The built-in mapping; tested to parse.
const STANDARD: &str = include_str!("../../../data/hsds-taxonomy-map.json");

/// The mapping file's key for terms that say who a service is for, never what it does
/// (AIRS/211 `Y`, target populations): they give no need, not even a new one.
pub const NOT_A_NEED: &str = "not a need";

/// The mapping file's key for terms that are known but match none of the catalogue's
/// needs (legal services, income support): they give no need and stop guesses from the
/// name; with [`TaxonomyMapping::with_new_needs`] they become new needs.
pub const NO_STANDARD_NEED: &str = "no standard need";

/// Which catalogue need a taxonomy term stands for, and what to do with terms that stand
/// for none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxonomyMapping {
    /// Need id (or [`NOT_A_NEED`], [`NO_STANDARD_NEED`]) → its keywords, in file order.
    needs: Vec<(String, Vec<Keyword>)>,
    /// Terms that match no need become needs of their own.
    new_needs: bool,
    /// Services without any taxonomy term get needs from the words of their name.
    guess_from_names: bool,
}

/// What one taxonomy term says about needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermNeeds {
    /// These needs, in mapping order.
    Needs(Vec<String>),
    /// Listed under [`NOT_A_NEED`]: says who, not what.
    NotANeed,
    /// Listed under [`NO_STANDARD_NEED`]: a need the catalogue does not have.
    NoStandardNeed,
    /// Nothing in the mapping covers it.
    Unknown,
}

/// One listed keyword or code.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Keyword {
    /// Lower case, trimmed: compared with term codes.
    code: String,
    /// Its words, lower case: looked for in term names.
    words: Vec<String>,
    /// Written `=Health`: matches only a term named exactly that, not "Mental Health".
    exact: bool,
    /// An AIRS/211 code (`BD`, `L`, `RX-8450`): compared with codes only, so that `F` is
    /// not the word "F" in a name.
    code_only: bool,
}

impl TaxonomyMapping {
    /// The built-in mapping (`core/data/hsds-taxonomy-map.json`): the twelve standard needs,
    /// with Open Eligibility and AIRS/211 LA words and codes.
    pub fn standard() -> TaxonomyMapping {
        // The file is part of the crate and a test parses it, so this never falls back in
        // practice; an empty mapping would only cost needs, which are then noted.
        TaxonomyMapping::from_json(STANDARD).unwrap_or(TaxonomyMapping::from_needs(Vec::new()))
    }

    /// A staff-written mapping file in the same format; errors say what is wrong and how to
    /// write it.
    pub fn from_json(text: &str) -> Result<TaxonomyMapping, ImportError> {
        let fail = |message: String| Err(ImportError(message));
        let example = r#"{"food": ["food", "meals", "BD-1800"]}"#;
        // Parsed once as a plain value for clear syntax and type errors, then again in order.
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => return fail(format!("the mapping file is not valid JSON: {e}")),
        };
        if !value.is_object() {
            return fail(format!(
                "the mapping file should be a JSON object from need ids to lists of keywords, \
                 such as {example}, not {}",
                kind(&value)
            ));
        }
        let entries = match serde_json::from_str::<Ordered>(text) {
            Ok(Ordered(entries)) => entries,
            Err(e) => return fail(format!("the mapping file could not be read: {e}")),
        };
        if entries.is_empty() {
            return fail(format!("the mapping file maps no needs: add at least one, such as {example}"));
        }
        let mut needs: Vec<(String, Vec<Keyword>)> = Vec::new();
        for (need, list) in entries {
            if !is_need_id(&need) && need != NOT_A_NEED && need != NO_STANDARD_NEED {
                return fail(format!(
                    "\"{need}\" is not a need id: use lower case letters, digits and dashes, such as \"food\" or \"mental-health\""
                ));
            }
            if needs.iter().any(|(seen, _)| *seen == need) {
                return fail(format!("\"{need}\" appears twice in the mapping file: merge its two lists"));
            }
            let Value::Array(items) = list else {
                return fail(format!(
                    "\"{need}\" should be a list of keywords and codes, such as [\"food\", \"meals\"], not {}",
                    kind(&list)
                ));
            };
            let mut keywords = Vec::new();
            for item in items {
                let Value::String(keyword) = &item else {
                    return fail(format!(
                        "\"{need}\" lists {item}, which is not text: write each keyword or code in quotes"
                    ));
                };
                let (exact, keyword) = match keyword.trim().strip_prefix('=') {
                    Some(rest) => (true, rest),
                    None => (false, keyword.as_str()),
                };
                let words = words(keyword);
                if words.is_empty() {
                    return fail(format!("\"{need}\" lists an empty keyword (\"{keyword}\"): remove it"));
                }
                let code_only = is_airs_code(keyword.trim());
                keywords.push(Keyword { code: keyword.trim().to_lowercase(), words, exact, code_only });
            }
            needs.push((need, keywords));
        }
        Ok(TaxonomyMapping::from_needs(needs))
    }

    fn from_needs(needs: Vec<(String, Vec<Keyword>)>) -> TaxonomyMapping {
        TaxonomyMapping { needs, new_needs: false, guess_from_names: false }
    }

    /// Terms that match no need become needs of their own (`catalogue import hsds
    /// --new-needs`): id from the term's name, label the name itself.
    pub fn with_new_needs(mut self, yes: bool) -> TaxonomyMapping {
        self.new_needs = yes;
        self
    }

    /// Services whose terms give no need get needs from the words of their name
    /// (`--guess-needs`), each noted as a guess; never against a term: not when a term is
    /// listed under [`NOT_A_NEED`] or [`NO_STANDARD_NEED`] (a legal clinic is not health
    /// care because its name says "clinic").
    pub fn with_guesses_from_names(mut self, yes: bool) -> TaxonomyMapping {
        self.guess_from_names = yes;
        self
    }

    pub fn makes_new_needs(&self) -> bool {
        self.new_needs
    }

    pub fn guesses_from_names(&self) -> bool {
        self.guess_from_names
    }

    /// What one term says: the needs its code and its name give. A code listed under
    /// [`NOT_A_NEED`] or [`NO_STANDARD_NEED`] silences the name, so a legal term named
    /// "Legal Counseling" is not taken for counseling.
    pub fn judge(&self, code: Option<&str>, term: &str) -> TermNeeds {
        let code = code.map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty());
        let by_code: Vec<&str> = match &code {
            Some(code) => self
                .needs
                .iter()
                .filter(|(_, keywords)| keywords.iter().any(|k| code_matches(&k.code, code)))
                .map(|(need, _)| need.as_str())
                .collect(),
            None => Vec::new(),
        };
        let reserved_by_code = by_code.iter().any(|n| !is_need_id(n));
        let mut found = by_code;
        if !reserved_by_code {
            let term_words = words(term);
            for (need, keywords) in &self.needs {
                let named = keywords.iter().filter(|k| !k.code_only).any(|k| {
                    if k.exact {
                        term_words == k.words
                    } else {
                        contains_words(&term_words, &k.words)
                    }
                });
                if named && !found.contains(&need.as_str()) {
                    found.push(need);
                }
            }
        }
        // Mapping order, whichever way each need was found.
        let needs: Vec<String> = self
            .needs
            .iter()
            .map(|(need, _)| need)
            .filter(|need| is_need_id(need) && found.contains(&need.as_str()))
            .cloned()
            .collect();
        if !needs.is_empty() {
            TermNeeds::Needs(needs)
        } else if found.contains(&NOT_A_NEED) {
            TermNeeds::NotANeed
        } else if found.contains(&NO_STANDARD_NEED) {
            TermNeeds::NoStandardNeed
        } else {
            TermNeeds::Unknown
        }
    }

    pub fn needs_for(&self, code: Option<&str>, term: &str) -> Vec<String> {
        match self.judge(code, term) {
            TermNeeds::Needs(needs) => needs,
            _ => Vec::new(),
        }
    }

    /// The need ids the mapping can give, in file order.
    pub fn need_ids(&self) -> impl Iterator<Item = &str> {
        self.needs.iter().map(|(need, _)| need.as_str()).filter(|need| is_need_id(need))
    }
}

/// Whether `code` is `listed`, or below it in a hierarchical code (AIRS codes grow by a
/// letter, then `-` and `.`: `B` → `BD` → `BD-1800` → `BD-1800.2000`).
fn code_matches(listed: &str, code: &str) -> bool {
    match code.strip_prefix(listed) {
        Some("") => true,
        Some(rest) if rest.starts_with(['-', '.']) => true,
        // `L` covers `LV` and `LV-1600`: an AIRS top level and its second level.
        Some(rest) => {
            listed.len() == 1
                && listed.bytes().all(|b| b.is_ascii_alphabetic())
                && rest.starts_with(|c: char| c.is_ascii_alphabetic())
                && (rest.len() == 1 || rest[1..].starts_with('-'))
        }
        None => false,
    }
}

/// Lower-case words: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Whether `wanted` appears in `words` as a run of whole words.
fn contains_words(words: &[String], wanted: &[String]) -> bool {
    !wanted.is_empty() && words.windows(wanted.len()).any(|window| window == wanted)
}

/// A JSON object's entries in file order, duplicates kept (serde_json's map sorts and merges).
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_mapping_parses_and_covers_every_standard_need() {
        let mapping = TaxonomyMapping::from_json(STANDARD).expect("the built-in mapping parses");
        let standard: Vec<String> = crate::format::standard_needs().into_iter().map(|n| n.id).collect();
        let ids: Vec<&str> = mapping.need_ids().collect();
        assert_eq!(ids, standard);
    }

    #[test]
    fn codes_match_themselves_and_what_lies_below_them() {
        let table = [
            ("bd-1800", "bd-1800", true),
            ("bd-1800", "bd-1800.2000", true),
            ("bd-1800", "bd-1800.2000-620", true),
            ("bd", "bd-1800", true),
            ("bd-18", "bd-1800", false),
            ("bd-1800", "bd", false),
            ("bd-1800", "xbd-1800", false),
            ("l", "lv", true),
            ("l", "lv-1600.1500", true),
            ("l", "lvx", false),
            ("l", "l", true),
            ("y", "yb-8000", true),
        ];
        for (listed, code, expected) in table {
            assert_eq!(code_matches(listed, code), expected, "{listed} vs {code}");
        }
    }

    #[test]
    fn keywords_match_whole_words_only() {
        let table = [
            ("Home Delivered Meals", "meals", true),
            ("Mealsite", "meals", false),
            ("Mental Health Counseling", "mental health", true),
            ("Health, Mental", "mental health", false),
            ("Children's Books", "books", true),
            ("Pre-K Programs", "pre k", true),
            ("", "food", false),
        ];
        for (term, keyword, expected) in table {
            assert_eq!(contains_words(&words(term), &words(keyword)), expected, "{term} / {keyword}");
        }
    }
}
