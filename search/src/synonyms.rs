//! Synonyms and stemming rules: the search's language data, from
//! `search/data/synonyms.json` (turned into constants by `search/build.rs`).
//!
//! The file holds groups of words that mean the same to a family ("comida", "food",
//! "pantry") and the suffix rules of the [`Stemmer`]. Groups are symmetric: typing any
//! member finds the others. Members may be short phrases ("salud mental"); a phrase
//! typed in a query becomes one query term, and it matches a program that contains all
//! of the phrase's words (anywhere in the program's text; programs with the words
//! together rank first). Abbreviations are groups too ("wic", "women infants and
//! children").
//!
//! Everything is folded and stemmed once, when an index is built; nothing is global.

use std::sync::Arc;

use super::text::{is_stop_word, split, Stemmer, SuffixRule};

/// The data file as constants (`STEPS`, `GROUPS`), written by `build.rs`.
mod data {
    include!(concat!(env!("OUT_DIR"), "/synonyms.rs"));
}

/// A member of a group: the stems of its words (one for a word, several for a phrase).
pub(crate) type Member = Vec<String>;

/// The language data, folded and stemmed, ready for lookups.
#[derive(Clone, Debug, Default)]
pub(crate) struct Language {
    pub stemmer: Stemmer,
    /// Each group's members.
    pub groups: Vec<Vec<Member>>,
    /// (stem of a one-word member, group), sorted, for finding a word's groups.
    words: Vec<(String, u32)>,
    /// (stems of a phrase member, group), longest phrases first.
    pub phrases: Vec<(Member, u32)>,
    /// Every word of the groups as people type it (folded, not stemmed: stems such as
    /// `hous` are for matching, not for showing), stop words and words under 3 letters
    /// left out, sorted: what suggestions and "did you mean" may offer beyond the
    /// catalogue's own words.
    pub vocabulary: Vec<String>,
}

impl Language {
    /// The shipped data, read once per page and shared by every index (a copy cost
    /// each build time).
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn shipped() -> Arc<Language> {
        static SHIPPED: std::sync::OnceLock<Arc<Language>> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| Arc::new(Self::from_data(data::STEPS, data::GROUPS))).clone()
    }

    /// The language from suffix rules (step by step) and groups of words and phrases.
    #[cfg_attr(finder_size, optimize(speed))]
    fn from_data(steps: &[&[(&str, &str, usize, &str)]], groups: &[&[&str]]) -> Language {
        let stemmer = Stemmer {
            steps: steps
                .iter()
                .map(|step| {
                    step.iter()
                        .map(|&(suffix, replace, keep, not_after)| SuffixRule {
                            suffix: suffix.to_string(),
                            replace: replace.to_string(),
                            keep,
                            not_after: not_after.to_string(),
                        })
                        .collect()
                })
                .collect(),
        };
        let mut language = Language::default();
        for raw in groups {
            let id = language.groups.len() as u32;
            let mut members: Vec<Member> = Vec::new();
            for text in raw.iter() {
                let mut member = Vec::new();
                split(text, false, |word| {
                    if !is_stop_word(word) {
                        member.push(stemmer.stem(word));
                        if word.chars().count() >= 3 {
                            language.vocabulary.push(word.to_string());
                        }
                    }
                });
                if member.is_empty() || members.contains(&member) {
                    continue;
                }
                match member.len() {
                    1 => language.words.push((member[0].clone(), id)),
                    _ => language.phrases.push((member.clone(), id)),
                }
                members.push(member);
            }
            language.groups.push(members);
        }
        // (Unstable: equal entries are identical, and it shares code with other sorts.)
        language.words.sort_unstable();
        language.words.dedup();
        language.vocabulary.sort_unstable();
        language.vocabulary.dedup();
        language.phrases.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        language.stemmer = stemmer;
        language
    }

    /// The groups that have the one-word member `stem`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn groups_of<'a>(&'a self, stem: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.words.partition_point(|(word, _)| word.as_str() < stem);
        self.words[start..].iter().take_while(move |(word, _)| word == stem).map(|(_, group)| *group)
    }

    /// The groups that have `stem` as a word: a one-word member, or a word of a phrase
    /// member ("mental" of "mental health"). Empty for a word the vocabulary lacks.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn groups_with_word(&self, stem: &str) -> Vec<u32> {
        let mut groups: Vec<u32> = self.groups_of(stem).collect();
        groups.extend(
            self.phrases.iter().filter(|(phrase, _)| phrase.iter().any(|w| w == stem)).map(|(_, g)| *g),
        );
        groups
    }

    /// The stems of the one-word members, each with a group, sorted (for typos of a word
    /// the vocabulary knows but the catalogue does not spell: "chilcare" → "childcare").
    pub fn words(&self) -> &[(String, u32)] {
        &self.words
    }

    /// The longest phrase member that `stems` starts with: its length and group.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn phrase_at(&self, stems: &[String]) -> Option<(usize, u32)> {
        self.phrases
            .iter()
            .find(|(phrase, _)| stems.starts_with(phrase))
            .map(|(phrase, group)| (phrase.len(), *group))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_reads_and_has_enough_groups() {
        let language = Language::shipped();
        assert!(language.groups.len() >= 40, "{}", language.groups.len());
        assert!(!language.stemmer.steps.is_empty());
        assert!(language.groups_of("comida").next().is_some());
        let nino = language.stemmer.stem("nino");
        assert!(language.groups_of(&nino).next().is_some(), "accents are folded");
    }

    #[test]
    fn stems() {
        let stemmer = Language::shipped().stemmer.clone();
        let check = |word: &str, expected: &str| assert_eq!(stemmer.stem(word), expected, "{word}");
        check("books", "book");
        check("families", "family");
        check("classes", "class");
        check("churches", "church");
        check("boxes", "box");
        check("bus", "bus");
        check("crisis", "crisis");
        check("gas", "gas");
        check("reading", "read");
        check("housing", "hous");
        check("house", "hous");
        check("houses", "hous");
        check("caring", "caring");
        check("care", "care");
        check("needed", "need");
        check("counseling", "counsel");
        check("counselling", "counsel");
        check("screenings", "screen");
        check("applied", "apply");
        check("childrens", "children");
        check("ninos", "nino");
        check("mujeres", "mujer");
        check("madre", "madr");
        check("madres", "madr");
        check("bebe", "bebe");
        check("free", "free");
        check("211", "211");
    }

    #[test]
    fn phrases_are_found_longest_first() {
        let language = Language::shipped();
        let stems =
            |text: &str| -> Vec<String> { text.split(' ').map(|w| language.stemmer.stem(w)).collect() };
        let (len, group) = language.phrase_at(&stems("salud mental hartford")).unwrap();
        assert_eq!(len, 2);
        assert!(language.groups[group as usize].contains(&stems("mental health")));
        assert_eq!(language.phrase_at(&stems("mental")), None);
    }
}
