//! Taxonomy terms → catalogue needs, through a mapping file staff can read and edit.
//!
//! The file format is described in the [parent module](super). Parsing keeps the file's
//! order, so a term that gives several needs lists them in the order staff wrote them.

use crate::fields::kind;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::format::is_need_id;
use crate::import::ImportError;

/// The built-in mapping; tested to parse.
const STANDARD: &str = include_str!("../../../data/hsds-taxonomy-map.json");

/// Which catalogue need a taxonomy term stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxonomyMapping {
    /// Need id → its keywords, in file order.
    needs: Vec<(String, Vec<Keyword>)>,
}

/// One listed keyword or code.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Keyword {
    /// Lower case, trimmed: compared with term codes.
    code: String,
    /// Its words, lower case: looked for in term names.
    words: Vec<String>,
}

impl TaxonomyMapping {
    /// The built-in mapping (`core/data/hsds-taxonomy-map.json`): the twelve standard needs,
    /// with Open Eligibility and AIRS/211 LA words and codes.
    pub fn standard() -> TaxonomyMapping {
        // The file is part of the crate and a test parses it, so this never falls back in
        // practice; an empty mapping would only cost needs, which are then noted.
        TaxonomyMapping::from_json(STANDARD).unwrap_or(TaxonomyMapping { needs: Vec::new() })
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
            if !is_need_id(&need) {
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
                let words = words(keyword);
                if words.is_empty() {
                    return fail(format!("\"{need}\" lists an empty keyword (\"{keyword}\"): remove it"));
                }
                keywords.push(Keyword { code: keyword.trim().to_lowercase(), words });
            }
            needs.push((need, keywords));
        }
        Ok(TaxonomyMapping { needs })
    }

    /// The need ids for one term: those with a listed code equal to the term's code (or above
    /// it: `BD-1800` for `BD-1800.2000`), or a listed keyword among the words of its
    /// name. Case never matters. In mapping order, each once.
    pub fn needs_for(&self, code: Option<&str>, term: &str) -> Vec<String> {
        let code = code.map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty());
        let term_words = words(term);
        self.needs
            .iter()
            .filter(|(_, keywords)| {
                keywords.iter().any(|keyword| {
                    code.as_deref().is_some_and(|code| code_matches(&keyword.code, code))
                        || contains_words(&term_words, &keyword.words)
                })
            })
            .map(|(need, _)| need.clone())
            .collect()
    }

    /// The need ids the mapping can give, in file order.
    pub fn need_ids(&self) -> impl Iterator<Item = &str> {
        self.needs.iter().map(|(need, _)| need.as_str())
    }
}

/// Whether `code` is `listed`, or below it in a hierarchical code (AIRS codes grow by `-` and
/// `.`: `BD` → `BD-1800` → `BD-1800.2000`).
fn code_matches(listed: &str, code: &str) -> bool {
    match code.strip_prefix(listed) {
        Some("") => true,
        Some(rest) => rest.starts_with(['-', '.']),
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
