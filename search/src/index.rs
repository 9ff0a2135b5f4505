//! The index layer: every term of the catalogue, once, with the programs that use it,
//! beside the catalogue's [`Facts`] and the [`Language`] it was read with. Built once by
//! [`super::builder`] (`SearchIndex::new`); read by the query layers above.
//!
//! - **Terms** are stored sorted, in one string with end offsets. A term's id is its rank,
//!   so a prefix is a contiguous range of ids found by two binary searches.
//! - **Postings**: for each term, the programs (index into `catalogue.programs`, ascending)
//!   and, per program, a bit per field the term appears in ([`NAME`], [`NEED`], …), kept
//!   in two flat arrays, and where in the program the term first and last appears
//!   ([`Span`], word positions; 9 bytes a posting in all).
//! - **Stems**: the sorted stems, each with the terms that share it, so `books` finds
//!   `book` without touching postings.
//! - **Typo tables**: term ids grouped by length, and a 28-bit set of each term's
//!   letters. A typo search looks only at terms whose length is within the edit budget,
//!   skips those whose letter sets differ in more than twice the budget (one edit changes
//!   at most two letters of the set), and only then computes a bounded edit distance
//!   (the core's [`EditDistance`], which also finds the checker's "did you mean").
//!   This catches typos in any position, the first letter included, unlike a
//!   same-first-letter rule.

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use finder_core::spelling::EditDistance;

use super::facts::Facts;
use super::synonyms::Language;

/// Field bits of a posting, one per kind of text a term was found in.
pub(crate) const NAME: u8 = 1;
pub(crate) const NEED: u8 = 2;
pub(crate) const ORGANIZATION: u8 = 4;
pub(crate) const PLACE: u8 = 8;
pub(crate) const DESCRIPTION: u8 = 16;
pub(crate) const ELIGIBILITY: u8 = 32;
pub(crate) const TRANSLATION: u8 = 64;

/// Where a term first and last appears in a program: word positions through the
/// program's texts (see [`super::builder`]). Two occurrences, not all: enough to see
/// "food stamps" together in "FOOD PANTRY … help with food stamps", at 4 bytes a
/// posting.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Span {
    pub first: u16,
    pub last: u16,
}

impl Span {
    /// No position: a match through a whole phrase, or nothing matched yet.
    pub const NONE: Span = Span { first: u16::MAX, last: u16::MAX };

    /// How far apart two words are when `self` is typed before `next`, as a cost:
    /// 0 together as typed (`next` right after), 1 near (within [`NEAR`] words, in any
    /// order), 2 scattered (or no position).
    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn apart(self, next: Span) -> u8 {
        if self == Span::NONE || next == Span::NONE {
            return 2;
        }
        let (a, b, c, d) =
            (i32::from(self.first), i32::from(self.last), i32::from(next.first), i32::from(next.last));
        if c - a == 1 || c - b == 1 || d - a == 1 || d - b == 1 {
            return 0;
        }
        let closest = (c - a).abs().min((c - b).abs()).min((d - a).abs()).min((d - b).abs());
        if closest <= i32::from(NEAR) {
            1
        } else {
            2
        }
    }

    /// The span of two occurrences of one word taken together.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn join(self, other: Span) -> Span {
        if self == Span::NONE {
            return other;
        }
        Span { first: self.first.min(other.first), last: self.last.max(other.last) }
    }
}

/// Words at most this far apart are near each other (see [`Span::apart`]).
pub(crate) const NEAR: u16 = 3;

/// Whether a search stops at a word or clause that leaves nothing to find. A pack's index
/// reads on instead: it notes every file it lacks as it reads, so reading every word's
/// postings asks for all of them in one round trip (an index built here has them all, and
/// stops, which saves the work).
pub(crate) const STOPS_WHEN_EMPTY: bool = !cfg!(feature = "pack");

/// Terms longer than this are never typo-corrected (nobody types them; it bounds work).
pub(super) const MAX_TYPO_LEN: usize = 60;

/// A search index over one catalogue: built once with [`SearchIndex::new`], then queried
/// with [`SearchIndex::search`]. It holds no reference to the
/// catalogue; hits point into `catalogue.programs` by index.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    pub(super) terms: Words,
    /// Postings of term `t` as if all fragments were one list: in its fragment `f`, they
    /// are `fragments[2 f].programs[ranges[t].0 - bases[f]..ranges[t].1 - bases[f]]`.
    pub(super) ranges: Vec<(u32, u32)>,
    /// The first posting of each fragment.
    pub(super) bases: Vec<u32>,
    /// The first term of each fragment, then the term count. An index built here has one
    /// fragment; a pack's has many, fetched as the words typed need them.
    #[cfg_attr(not(feature = "pack"), allow(dead_code))]
    pub(super) starts: Vec<u32>,
    /// The index's files, by number: `2 f` the postings of fragment `f` (programs and
    /// fields), `2 f + 1` where each of those postings' terms appears in its program
    /// (spans). Apart, since only a search of two words or more needs spans (how far
    /// apart the words are), and they are most of a fragment's bytes.
    pub(super) fragments: Vec<OnceLock<Fragment>>,
    /// Fragments a lookup needed and did not have (see [`SearchIndex::missing`]).
    #[cfg_attr(not(feature = "pack"), allow(dead_code))]
    pub(super) missing: Missing,
    pub(super) stems: Words,
    /// Terms of stem `s`: `stem_terms[stem_starts[s]..stem_starts[s + 1]]`.
    pub(super) stem_starts: Vec<u32>,
    pub(super) stem_terms: Vec<u32>,
    pub(super) by_len: Vec<Vec<u32>>,
    pub(super) letters: Vec<u32>,
    pub(crate) language: Arc<Language>,
    pub(crate) facts: Facts,
}

impl SearchIndex {
    /// How many distinct terms the index holds.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// How many programs the index covers.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn program_count(&self) -> usize {
        self.facts.programs.len()
    }

    /// The text of a term.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms.get(id)
    }

    /// The id of a term, if the catalogue has it.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn find(&self, term: &str) -> Option<u32> {
        self.terms.find(term)
    }

    /// The ids of the terms that start with `prefix`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn prefixed(&self, prefix: &str) -> Range<u32> {
        self.terms.prefixed(prefix)
    }

    /// The terms whose stem is `stem`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn with_stem(&self, stem: &str) -> &[u32] {
        match self.stems.find(stem) {
            Some(s) => {
                let s = s as usize;
                &self.stem_terms[self.stem_starts[s] as usize..self.stem_starts[s + 1] as usize]
            }
            None => &[],
        }
    }

    /// The fragment holding a term's postings, and where in it they are. (Without packs,
    /// the `pack` feature off in the widget that reads catalogue JSON only, an index has
    /// its one fragment, built here.)
    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn place(&self, term: u32) -> Option<(usize, Range<usize>)> {
        let (start, end) = *self.ranges.get(term as usize)?;
        let f = match cfg!(feature = "pack") {
            true => self.starts.partition_point(|&first| first <= term).saturating_sub(1),
            false => 0,
        };
        let base = self.bases.get(f).copied().unwrap_or_default();
        Some((f, (start - base) as usize..(end - base) as usize))
    }

    /// The postings of a term: its fragment, and where in it. A fragment not here yet is
    /// noted in `missing` (as file `2 f`) and reads as no programs.
    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn fragment(&self, term: u32) -> Option<(&Fragment, Range<usize>)> {
        let (f, range) = self.place(term)?;
        let fragment = self.fragments.get(2 * f)?.get();
        #[cfg(feature = "pack")]
        if fragment.is_none() {
            self.missing.note(2 * f);
        }
        Some((fragment?, range))
    }

    /// Fragment `f`'s spans; not here yet, they are noted in `missing` (as file `2 f + 1`).
    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn spans_of(&self, f: usize) -> Option<&[Span]> {
        let spans = self.fragments.get(2 * f + 1)?.get();
        #[cfg(feature = "pack")]
        if spans.is_none() {
            self.missing.note(2 * f + 1);
        }
        spans.map(|fragment| fragment.spans.as_slice())
    }

    /// The programs a term appears in (ascending), and the fields for each.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn postings(&self, term: u32) -> (&[u32], &[u8]) {
        match self.fragment(term) {
            Some((f, range)) => {
                (f.programs.get(range.clone()).unwrap_or_default(), f.fields.get(range).unwrap_or_default())
            }
            None => (&[], &[]),
        }
    }

    /// Where the term appears in each program of its postings (same order); empty until
    /// they are here.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn spans(&self, term: u32) -> &[Span] {
        let Some((f, range)) = self.place(term) else { return &[] };
        self.spans_of(f).and_then(|spans| spans.get(range)).unwrap_or_default()
    }

    /// The span of a posting by its place in the list of all postings (see `ranges`).
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn span_at(&self, posting: u32) -> Span {
        let f = match cfg!(feature = "pack") {
            true => self.bases.partition_point(|&base| base <= posting).saturating_sub(1),
            false => 0,
        };
        let base = self.bases.get(f).copied().unwrap_or_default();
        let spans = self.spans_of(f).unwrap_or_default();
        spans.get((posting - base) as usize).copied().unwrap_or(Span::NONE)
    }

    /// How many programs a term appears in, known before its postings arrive.
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn programs_with(&self, term: u32) -> usize {
        self.ranges.get(term as usize).map_or(0, |&(start, end)| (end - start) as usize)
    }

    /// The files of the index that lookups since the last call needed and that have not
    /// arrived (a pack's index only; always empty for one built here): `2 f` for the
    /// postings of fragment `f`, `2 f + 1` for their spans. A caller that gets any back
    /// fetches them (`PackEntry::add_fragment`) and asks again: until then a result may
    /// miss programs or rank them otherwise, so it is never shown.
    #[cfg(feature = "pack")]
    pub fn missing(&self) -> Vec<usize> {
        let mut asked = self.missing.0.lock().map(|mut m| std::mem::take(&mut *m)).unwrap_or_default();
        asked.retain(|&n| self.fragments.get(n).is_some_and(|f| f.get().is_none()));
        asked
    }

    /// Calls `found(term, edits)` for every term within `max_edits` of `word` (at least 1).
    #[cfg_attr(finder_size, optimize(speed))]
    pub(crate) fn near(&self, word: &str, max_edits: usize, mut found: impl FnMut(u32, usize)) {
        let word: Vec<char> = word.chars().collect();
        if word.len() > MAX_TYPO_LEN {
            return;
        }
        let mask = letter_set(word.iter().copied());
        let mut candidate: Vec<char> = Vec::new();
        let mut distance = EditDistance::default();
        let lengths = word.len().saturating_sub(max_edits)..=word.len() + max_edits;
        for bucket in lengths.filter_map(|len| self.by_len.get(len)) {
            for &id in bucket {
                if (self.letters[id as usize] ^ mask).count_ones() as usize > 2 * max_edits {
                    continue;
                }
                candidate.clear();
                candidate.extend(self.terms.get(id).chars());
                if let Some(edits) = distance.within(&word, &candidate, max_edits) {
                    if edits > 0 {
                        found(id, edits);
                    }
                }
            }
        }
    }
}

/// A file of the index: the postings of a run of consecutive terms (programs and fields,
/// in the same order), or where each of them appears (spans, in the same order again).
#[derive(Clone, Debug, Default)]
pub(crate) struct Fragment {
    pub programs: Vec<u32>,
    pub fields: Vec<u8>,
    pub spans: Vec<Span>,
}

/// Fragments asked for and not there, each once.
#[derive(Debug, Default)]
pub(crate) struct Missing(#[cfg_attr(not(feature = "pack"), allow(dead_code))] Mutex<Vec<usize>>);

impl Missing {
    #[cold]
    #[cfg(feature = "pack")]
    fn note(&self, fragment: usize) {
        if let Ok(mut asked) = self.0.lock() {
            if !asked.contains(&fragment) {
                asked.push(fragment);
            }
        }
    }
}

impl Clone for Missing {
    fn clone(&self) -> Missing {
        Missing::default()
    }
}

/// Sorted strings in one buffer; the id of a string is its rank.
#[derive(Clone, Debug, Default)]
pub(super) struct Words {
    text: String,
    ends: Vec<u32>,
}

impl Words {
    #[cfg_attr(finder_size, optimize(speed))]
    pub(super) fn from_sorted<'a>(words: impl IntoIterator<Item = &'a str>) -> Words {
        let mut out = Words::default();
        for word in words {
            out.text.push_str(word);
            out.ends.push(out.text.len() as u32);
        }
        out
    }

    #[cfg_attr(finder_size, optimize(speed))]
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    #[cfg_attr(finder_size, optimize(speed))]
    pub(super) fn get(&self, id: u32) -> &str {
        let end = self.ends.get(id as usize).copied().unwrap_or(0) as usize;
        let start = match id {
            0 => 0,
            _ => self.ends.get(id as usize - 1).copied().unwrap_or(0) as usize,
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// The first id whose word is not below `key` by `below`.
    #[cfg_attr(finder_size, optimize(speed))]
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

    #[cfg_attr(finder_size, optimize(speed))]
    fn find(&self, word: &str) -> Option<u32> {
        let id = self.first(|w| w < word);
        ((id as usize) < self.len() && self.get(id) == word).then_some(id)
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn prefixed(&self, prefix: &str) -> Range<u32> {
        let start = self.first(|w| w < prefix);
        let end = self.first(|w| w < prefix || w.starts_with(prefix));
        start..end.max(start)
    }
}

/// The set of letters in a word: a–z, digits, and four buckets for everything else.
#[cfg_attr(finder_size, optimize(speed))]
pub(super) fn letter_set(chars: impl Iterator<Item = char>) -> u32 {
    chars.fold(0, |set, c| {
        set | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << 26,
            _ => 1 << (27 + c as u32 % 4),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_together_near_and_scattered() {
        let at = |first: u16, last: u16| Span { first, last };
        let check = |a: Span, b: Span, expected: u8| assert_eq!(a.apart(b), expected, "{a:?} {b:?}");
        check(at(3, 3), at(4, 4), 0); // "food stamps"
        check(at(0, 9), at(10, 10), 0); // the last "food" before "stamps"
        check(at(4, 4), at(3, 3), 1); // "stamps food": near, not as typed
        check(at(3, 3), at(6, 6), 1);
        check(at(3, 3), at(7, 7), 2);
        check(Span::NONE, at(1, 1), 2);
        check(at(1, 1), Span::NONE, 2);
        assert_eq!(Span::NONE.join(at(2, 5)), at(2, 5));
        assert_eq!(at(4, 6).join(at(2, 5)), at(2, 6));
    }

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
}
