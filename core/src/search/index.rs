//! The index layer: every term of the catalogue, once, with the programs that use it.
//!
//! - **Terms** are stored sorted, in one string with end offsets. A term's id is its rank,
//!   so a prefix is a contiguous range of ids found by two binary searches.
//! - **Postings**: for each term, the programs (index into `catalogue.programs`, ascending)
//!   and, per program, a bit per field the term appears in ([`NAME`], [`NEED`], …), kept
//!   in two flat arrays (5 bytes a posting).
//! - **Stems**: the sorted stems, each with the terms that share it, so `books` finds
//!   `book` without touching postings.
//! - **Typo tables**: term ids grouped by length, and a 28-bit set of each term's
//!   letters. A typo search looks only at terms whose length is within the edit budget,
//!   skips those whose letter sets differ in more than twice the budget (one edit changes
//!   at most two letters of the set), and only then computes a bounded edit distance.
//!   This catches typos in any position, the first letter included, unlike a
//!   same-first-letter rule.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::catalogue::Catalogue;

use super::filters::Facts;
use super::synonyms::Language;
use super::text::{is_stop_word, Splitter};

/// Field bits of a posting, one per kind of text a term was found in.
pub(crate) const NAME: u8 = 1;
pub(crate) const NEED: u8 = 2;
pub(crate) const ORGANIZATION: u8 = 4;
pub(crate) const PLACE: u8 = 8;
pub(crate) const DESCRIPTION: u8 = 16;
pub(crate) const ELIGIBILITY: u8 = 32;
pub(crate) const TRANSLATION: u8 = 64;

/// Terms longer than this are never typo-corrected (nobody types them; it bounds work).
const MAX_TYPO_LEN: usize = 60;

/// A search index over one catalogue: built once with [`SearchIndex::new`], then queried
/// with [`SearchIndex::search`](super::SearchIndex::search). It holds no reference to the
/// catalogue; hits point into `catalogue.programs` by index.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    terms: Words,
    /// Postings of term `t`: `programs[ranges[t].0 as usize..ranges[t].1 as usize]`.
    ranges: Vec<(u32, u32)>,
    programs: Vec<u32>,
    fields: Vec<u8>,
    stems: Words,
    /// Terms of stem `s`: `stem_terms[stem_starts[s]..stem_starts[s + 1]]`.
    stem_starts: Vec<u32>,
    stem_terms: Vec<u32>,
    by_len: Vec<Vec<u32>>,
    letters: Vec<u32>,
    pub(crate) language: Language,
    pub(crate) facts: Facts,
}

impl SearchIndex {
    /// Indexes a catalogue. Takes about a second per million words of catalogue text
    /// natively; nothing is cached between indexes.
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let language = Language::shipped();
        let facts = Facts::new(catalogue);
        let mut builder = Builder::default();
        let need_terms: Vec<Vec<u32>> = catalogue
            .needs
            .iter()
            .map(|need| {
                let mut doc = Vec::new();
                for label in std::iter::once(&need.label).chain(need.labels.values()) {
                    builder.add_text(label, NEED, &mut doc);
                }
                let mut ids: Vec<u32> = doc.iter().map(|(id, _)| *id).collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        let need_index: HashMap<&str, usize> = catalogue
            .needs
            .iter()
            .enumerate()
            .map(|(i, need)| (need.id.as_str(), i))
            .collect();

        let mut doc: Vec<(u32, u8)> = Vec::new();
        let mut starts: Vec<u32> = Vec::with_capacity(catalogue.programs.len() + 1);
        let mut entries: Vec<(u32, u8)> = Vec::new();
        for program in &catalogue.programs {
            doc.clear();
            builder.add_text(&program.name, NAME, &mut doc);
            for (text, field) in [
                (&program.organization, ORGANIZATION),
                (&program.description, DESCRIPTION),
                (&program.eligibility, ELIGIBILITY),
            ] {
                builder.add_text(text.as_deref().unwrap_or(""), field, &mut doc);
            }
            for need in &program.needs {
                let terms = need_index.get(need.as_str()).map(|&i| &need_terms[i]);
                doc.extend(terms.into_iter().flatten().map(|&id| (id, NEED)));
            }
            for place in &program.towns {
                builder.add_text(place, PLACE, &mut doc);
            }
            for text in program.translations.values() {
                for part in [&text.name, &text.description, &text.eligibility] {
                    builder.add_text(part.as_deref().unwrap_or(""), TRANSLATION, &mut doc);
                }
            }
            // One entry per distinct term, with every field it was found in.
            doc.sort_unstable_by_key(|(id, _)| *id);
            starts.push(entries.len() as u32);
            let mut previous = None;
            for &(id, field) in &doc {
                match entries.last_mut() {
                    Some(last) if previous == Some(id) => last.1 |= field,
                    _ => entries.push((id, field)),
                }
                previous = Some(id);
            }
        }
        starts.push(entries.len() as u32);
        builder.finish(&starts, &entries, language, facts)
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// How many programs the index covers.
    pub fn program_count(&self) -> usize {
        self.facts.programs.len()
    }

    /// The text of a term.
    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms.get(id)
    }

    /// The id of a term, if the catalogue has it.
    pub(crate) fn find(&self, term: &str) -> Option<u32> {
        self.terms.find(term)
    }

    /// The ids of the terms that start with `prefix`.
    pub(crate) fn prefixed(&self, prefix: &str) -> Range<u32> {
        self.terms.prefixed(prefix)
    }

    /// The terms whose stem is `stem`.
    pub(crate) fn with_stem(&self, stem: &str) -> &[u32] {
        match self.stems.find(stem) {
            Some(s) => {
                let s = s as usize;
                &self.stem_terms[self.stem_starts[s] as usize..self.stem_starts[s + 1] as usize]
            }
            None => &[],
        }
    }

    /// The programs a term appears in (ascending), and the fields for each.
    pub(crate) fn postings(&self, term: u32) -> (&[u32], &[u8]) {
        let (start, end) = self.ranges[term as usize];
        let range = start as usize..end as usize;
        (&self.programs[range.clone()], &self.fields[range])
    }

    /// Calls `found(term, edits)` for every term within `max_edits` of `word` (at least 1).
    pub(crate) fn near(&self, word: &str, max_edits: usize, mut found: impl FnMut(u32, usize)) {
        let word: Vec<char> = word.chars().collect();
        if word.len() > MAX_TYPO_LEN {
            return;
        }
        let mask = letter_set(word.iter().copied());
        let mut candidate: Vec<char> = Vec::new();
        let mut rows = Rows::default();
        let lengths = word.len().saturating_sub(max_edits)..=word.len() + max_edits;
        for bucket in lengths.filter_map(|len| self.by_len.get(len)) {
            for &id in bucket {
                if (self.letters[id as usize] ^ mask).count_ones() as usize > 2 * max_edits {
                    continue;
                }
                candidate.clear();
                candidate.extend(self.terms.get(id).chars());
                if let Some(edits) = rows.distance(&word, &candidate, max_edits) {
                    if edits > 0 {
                        found(id, edits);
                    }
                }
            }
        }
    }
}

/// Sorted strings in one buffer; the id of a string is its rank.
#[derive(Clone, Debug, Default)]
struct Words {
    text: String,
    ends: Vec<u32>,
}

impl Words {
    fn from_sorted<'a>(words: impl IntoIterator<Item = &'a str>) -> Words {
        let mut out = Words::default();
        for word in words {
            out.text.push_str(word);
            out.ends.push(out.text.len() as u32);
        }
        out
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, id: u32) -> &str {
        let end = self.ends.get(id as usize).copied().unwrap_or(0) as usize;
        let start = match id {
            0 => 0,
            _ => self.ends.get(id as usize - 1).copied().unwrap_or(0) as usize,
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// The first id whose word is not below `key` by `below`.
    fn first(&self, below: impl Fn(&str) -> bool) -> u32 {
        let (mut low, mut high) = (0u32, self.len() as u32);
        while low < high {
            let mid = low + (high - low) / 2;
            if below(self.get(mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    fn find(&self, word: &str) -> Option<u32> {
        let id = self.first(|w| w < word);
        ((id as usize) < self.len() && self.get(id) == word).then_some(id)
    }

    fn prefixed(&self, prefix: &str) -> Range<u32> {
        let start = self.first(|w| w < prefix);
        let end = self.first(|w| w < prefix || w.starts_with(prefix));
        start..end.max(start)
    }
}

/// The set of letters in a word: a–z, digits, and four buckets for everything else.
fn letter_set(chars: impl Iterator<Item = char>) -> u32 {
    chars.fold(0, |set, c| {
        set | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << 26,
            _ => 1 << (27 + c as u32 % 4),
        }
    })
}

/// Rows reused between distance computations.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Rows {
    /// Edit distance with swaps of neighbours counting as one (as `spelling::edit_distance`),
    /// or `None` as soon as it must exceed `max`.
    fn distance(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let width = b.len() + 1;
        self.before.clear();
        self.before.resize(width, 0);
        self.previous.clear();
        self.previous.extend(0..width);
        self.current.clear();
        self.current.resize(width, 0);
        for i in 1..=a.len() {
            self.current[0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let substitution = self.previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
                let mut best = substitution
                    .min(self.previous[j] + 1)
                    .min(self.current[j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(self.before[j - 2] + 1);
                }
                self.current[j] = best;
                row_min = row_min.min(best);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        let distance = self.previous[b.len()];
        (distance <= max).then_some(distance)
    }
}

/// A hash map with a small, fast hasher for building: keys are short, and a crafted
/// catalogue could at worst slow its own build.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Collects terms while programs are read; `finish` sorts them and lays out postings.
#[derive(Default)]
struct Builder {
    ids: FastMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    splitter: Splitter,
}

impl Builder {
    /// Adds the terms of `text` to `doc` as (temporary term id, field).
    fn add_text(&mut self, text: &str, field: u8, doc: &mut Vec<(u32, u8)>) {
        let Builder { ids, names, splitter } = self;
        splitter.split(text, true, |word| {
            if is_stop_word(word) {
                return;
            }
            let id = match ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = names.len() as u32;
                    names.push(word.into());
                    ids.insert(word.into(), id);
                    id
                }
            };
            doc.push((id, field));
        });
    }

    /// `entries[starts[p]..starts[p + 1]]` are program `p`'s (temporary id, fields).
    fn finish(self, starts: &[u32], entries: &[(u32, u8)], language: Language, facts: Facts) -> SearchIndex {
        let term_count = self.names.len();
        // Counting sort by term; programs are visited in order, so postings come out sorted.
        let mut offsets = vec![0u32; term_count + 1];
        for &(id, _) in entries {
            offsets[id as usize + 1] += 1;
        }
        for i in 0..term_count {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut programs = vec![0u32; entries.len()];
        let mut fields = vec![0u8; entries.len()];
        for (p, window) in starts.windows(2).enumerate() {
            for &(id, field) in &entries[window[0] as usize..window[1] as usize] {
                let slot = &mut fill[id as usize];
                programs[*slot as usize] = p as u32;
                fields[*slot as usize] = field;
                *slot += 1;
            }
        }
        let mut order: Vec<u32> = (0..term_count as u32).collect();
        order.sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        let terms = Words::from_sorted(order.iter().map(|&t| &*self.names[t as usize]));
        let ranges = order
            .iter()
            .map(|&t| (offsets[t as usize], offsets[t as usize + 1]))
            .collect();

        let mut stemmed: Vec<(String, u32)> = (0..term_count as u32)
            .map(|id| (language.stemmer.stem(terms.get(id)), id))
            .collect();
        stemmed.sort_unstable();
        let mut stem_starts = Vec::new();
        let mut stem_terms = Vec::with_capacity(term_count);
        for (i, (_, id)) in stemmed.iter().enumerate() {
            if i == 0 || stemmed[i - 1].0 != stemmed[i].0 {
                stem_starts.push(i as u32);
            }
            stem_terms.push(*id);
        }
        stem_starts.push(stemmed.len() as u32);
        stemmed.dedup_by(|a, b| a.0 == b.0);
        let stems = Words::from_sorted(stemmed.iter().map(|(stem, _)| stem.as_str()));

        let mut by_len: Vec<Vec<u32>> = vec![Vec::new(); MAX_TYPO_LEN + 3];
        let mut letters = Vec::with_capacity(term_count);
        for id in 0..term_count as u32 {
            let term = terms.get(id);
            letters.push(letter_set(term.chars()));
            if let Some(bucket) = by_len.get_mut(term.chars().count()) {
                bucket.push(id);
            }
        }
        SearchIndex {
            terms,
            ranges,
            programs,
            fields,
            stems,
            stem_starts,
            stem_terms,
            by_len,
            letters,
            language,
            facts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_ranges_and_lookups() {
        let words = Words::from_sorted(["food", "foodshare", "fool", "house", "housing"]);
        assert_eq!(words.prefixed("foo"), 0..3);
        assert_eq!(words.prefixed("food"), 0..2);
        assert_eq!(words.prefixed("hous"), 3..5);
        assert_eq!(words.prefixed("z"), 5..5);
        assert_eq!(words.prefixed("a"), 0..0);
        assert_eq!(words.find("fool"), Some(2));
        assert_eq!(words.find("foo"), None);
        assert_eq!(Words::default().prefixed("a"), 0..0);
    }

    #[test]
    fn bounded_distances() {
        let mut rows = Rows::default();
        let mut check = |a: &str, b: &str, max: usize, expected: Option<usize>| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(rows.distance(&a, &b, max), expected, "{a:?} {b:?}");
        };
        check("hartfrod", "hartford", 1, Some(1));
        check("counseling", "counselling", 2, Some(1));
        check("kitten", "sitting", 2, None);
        check("kitten", "sitting", 3, Some(3));
        check("food", "food", 1, Some(0));
        check("", "ab", 2, Some(2));
    }
}
