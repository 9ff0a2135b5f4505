//! "Did you mean …?" for a search that finds nothing or almost nothing
//! ([`SearchIndex::did_you_mean`]).
//!
//! The engine already forgives typos (1 edit for words of 4–7 letters, 2 from 8: see the
//! crate docs), so this only speaks for words it could not place at all: each is
//! replaced by the closest word of the catalogue or of the vocabulary, further away than
//! a search would go (up to 2 edits, 3 from 9 letters), and the family sees the
//! correction before searching it. Not at every keystroke: the widget asks when results
//! are few, so it may run a search per word.

use finder_core::spelling::EditDistance;

use super::index::SearchIndex;
use super::query::{Query, SearchOptions};
use super::text::{is_stop_word, word_spans};

impl SearchIndex {
    /// `text` with every word the search cannot match in any way (exactly, by stem,
    /// synonym, prefix or its own typos) replaced by the closest catalogue or vocabulary
    /// word: at most 1 edit for a word of 3 letters, 2 for 4 to 8, 3 for 9 or more
    /// (swapping two neighbouring letters is one edit); among the closest, the word in
    /// more programs. Words that match, stop words, words under 3 letters and words of
    /// the vocabulary (a family who typed a real need means it) are kept as typed, and
    /// so is everything between words. `None` when no word can be replaced.
    ///
    /// ```
    /// use finder_core::catalogue::load;
    /// use finder_search::SearchIndex;
    /// let loaded = load(r#"{ "version": 1, "needs": [{ "id": "health", "label": "Health" }],
    ///   "programs": [{ "id": "p", "name": "Daycare for toddlers", "needs": ["health"], "statewide": true }]
    /// }"#).unwrap();
    /// let index = SearchIndex::new(&loaded.catalogue);
    /// assert_eq!(index.did_you_mean("dacyre toddlers").as_deref(), Some("daycare toddlers"));
    /// assert_eq!(index.did_you_mean("daycare"), None);
    /// ```
    pub fn did_you_mean(&self, text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for word in word_spans(text) {
            if keep(self, &word.folded) {
                continue;
            }
            if let Some(better) = closest(self, &word.folded) {
                out.push_str(&text[copied..word.start]);
                out.push_str(&better);
                copied = word.end;
            }
        }
        if copied == 0 {
            return None;
        }
        out.push_str(&text[copied..]);
        (out != text).then_some(out)
    }
}

/// Whether a word stays as typed: it finds programs in a search of its own (the engine's
/// own rules, typos included, so no second copy of them), or it is too short or too
/// common to correct, or the vocabulary knows it.
fn keep(index: &SearchIndex, word: &str) -> bool {
    if word.chars().count() < 3 || is_stop_word(word) {
        return true;
    }
    if !index.language.groups_with_word(&index.language.stemmer.stem(word)).is_empty() {
        return true;
    }
    finds(index, word) > 0
}

/// How many programs a search of `word` alone finds (as a finished word: a space after
/// it, so that it is not taken as the start of a longer one only because it is last).
fn finds(index: &SearchIndex, word: &str) -> usize {
    let options = SearchOptions { limit: Some(0), matched_limit: 0, ..SearchOptions::default() };
    index.search(&Query::new(format!("{word} ")), &options).total
}

/// The catalogue or vocabulary word closest to `word`, within the edits its length
/// allows; ties go to the word in more programs, then alphabetical order.
fn closest(index: &SearchIndex, word: &str) -> Option<String> {
    let letters = word.chars().count();
    let budget = match letters {
        0..=2 => return None,
        3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    // (edits, more programs first, word)
    let mut best: Option<(usize, std::cmp::Reverse<usize>, String)> = None;
    let mut offer = |edits: usize, programs: usize, candidate: &str| {
        let key = (edits, std::cmp::Reverse(programs), candidate.to_string());
        if programs > 0 && best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
        }
    };
    // The engine's own typo lookup (length buckets, letter sets, bounded distance).
    index.near(word, budget, |t, edits| {
        let term = index.term(t);
        if term.chars().count() >= 3 && term.chars().any(char::is_alphabetic) {
            offer(edits, index.programs_with(t), term);
        }
    });
    let typed: Vec<char> = word.chars().collect();
    let mut distance = EditDistance::default();
    let mut candidate: Vec<char> = Vec::new();
    for extra in &index.language.vocabulary {
        if extra.len().abs_diff(word.len()) > budget || index.find(extra).is_some() {
            continue; // too far, or a catalogue word: seen above
        }
        candidate.clear();
        candidate.extend(extra.chars());
        if let Some(edits) = distance.within(&typed, &candidate, budget).filter(|&e| e > 0) {
            // Not in the catalogue: what its synonyms find.
            offer(edits, finds(index, extra), extra);
        }
    }
    best.map(|(_, _, word)| word)
}
