//! What a search is asked: a [`Query`] (the words and the family's [`Choices`]) and the
//! [`SearchOptions`] given per call, with the [`Weights`] of ranking. Plain data:
//! [`super::clauses`] reads its words, [`super::facets`] applies its choices, and
//! [`super::search`] answers it.

use super::facets::Choices;

/// At most this many words of a query are used; the rest are ignored.
pub const MAX_WORDS: usize = 12;

/// What a family searches for: words, and their choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Keywords as typed. Empty means "everything that fits the choices".
    pub text: String,
    pub choices: Choices,
}

impl Query {
    /// A query for these words, with nothing chosen.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn new(text: impl Into<String>) -> Query {
        Query { text: text.into(), choices: Choices::default() }
    }

    /// The same words with these choices.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn with_choices(self, choices: Choices) -> Query {
        Query { choices, ..self }
    }
}

/// How to search; pass another value per call to change any of it.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    /// Compute [`Counts`](super::Counts) for every choice (default false: they cost a
    /// little).
    pub counts: bool,
    /// At most this many hits (the best ones); `total` still counts them all. Default: all.
    pub limit: Option<usize>,
    /// Match words as the start of longer words: every word of 3 or more letters, and a
    /// last word of 2 while it is being typed (default true).
    pub prefixes: bool,
    /// Allow typos, by the word's length (default true).
    pub typos: bool,
    /// Use synonyms and stems (default true).
    pub synonyms: bool,
    /// Fill [`Hit::matched`](super::Hit::matched) for at most this many of the best hits
    /// (default 100); the rest have it empty. Each list costs allocations, and a page
    /// shows far fewer hits.
    pub matched_limit: usize,
    pub weights: Weights,
}

impl Default for SearchOptions {
    #[cfg_attr(finder_size, optimize(speed))]
    fn default() -> SearchOptions {
        SearchOptions {
            counts: false,
            limit: None,
            prefixes: true,
            typos: true,
            synonyms: true,
            matched_limit: 100,
            weights: Weights::default(),
        }
    }
}

/// How much a match counts: the field a term was found in, times how well it matched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Program name: 10.
    pub name: f32,
    /// A label of one of the program's needs, in any language: 6.
    pub need: f32,
    /// Organization: 4.
    pub organization: f32,
    /// A place the program lists (town, county, village, area): 3.
    pub place: f32,
    /// Description: 2.
    pub description: f32,
    /// Eligibility: 2.
    pub eligibility: f32,
    /// Translated name, description or eligibility: 2.
    pub translation: f32,
    /// The word itself: 1.0.
    pub exact: f32,
    /// Same stem, or a synonym: 0.8.
    pub synonym: f32,
    /// The start of a longer word: 0.7.
    pub prefix: f32,
    /// One typo: 0.5.
    pub one_typo: f32,
    /// Two typos: 0.3.
    pub two_typos: f32,
}

impl Default for Weights {
    #[cfg_attr(finder_size, optimize(speed))]
    fn default() -> Weights {
        Weights {
            name: 10.0,
            need: 6.0,
            organization: 4.0,
            place: 3.0,
            description: 2.0,
            eligibility: 2.0,
            translation: 2.0,
            exact: 1.0,
            synonym: 0.8,
            prefix: 0.7,
            one_typo: 0.5,
            two_typos: 0.3,
        }
    }
}
