//! Building a [`SearchIndex`]: one pass over the programs, then sorting terms.
//!
//! 1. Each program's texts are split into words ([`Splitter`]); each word gets a
//!    temporary id from a hash table made for short words ([`TermTable`]) and is
//!    recorded once per program with the fields it was found in. Need labels and place
//!    names repeat from program to program, so each is split only once.
//! 2. A counting sort groups the records by term; programs were visited in order, so
//!    each posting list comes out sorted by program.
//! 3. Terms are sorted (a term's id is its rank), and stems and typo tables derived.
//!
//! Each posting also keeps where in the program the term first and last appears
//! ([`Span`]): words are numbered through the program's texts in the order they are
//! read (name, organization, description, eligibility, need labels, places,
//! translations), stop words not counted, with a gap between texts so that the last word
//! of one text is never next to the first of another. The search ranks words typed
//! together above scattered ones with it.
//!
//! Building costs one hash lookup per word of catalogue text; nothing is kept between
//! builds.

use std::sync::{Arc, OnceLock};

use finder_core::catalogue::Catalogue;

use super::facts::Facts;
use super::fast_map::FastMap;
use super::index::{
    letter_set, Fragment, Missing, SearchIndex, Span, Words, DESCRIPTION, ELIGIBILITY, MAX_TYPO_LEN, NAME,
    NEED, ORGANIZATION, PLACE, TRANSLATION,
};
use super::synonyms::Language;
use super::text::{is_stop_word, Splitter};

impl SearchIndex {
    /// Indexes a catalogue: one pass over the programs, then sorting terms (`builder.rs`
    /// tells how). Nothing is cached between indexes.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        build(catalogue)
    }
}

/// Builds the index of a catalogue.
fn build(catalogue: &Catalogue) -> SearchIndex {
    let language = Language::shipped();
    let facts = Facts::new(catalogue);
    let mut builder = Builder::default();
    let need_terms: Vec<Vec<u32>> = catalogue
        .needs
        .iter()
        .map(|need| {
            let labels = std::iter::once(&need.label).chain(need.labels.values());
            // In reading order, with a gap between labels: positions are counted from them.
            labels.flat_map(|label| builder.ids_of(label).into_iter().chain([GAP])).collect()
        })
        .collect();
    let mut places: FastMap<&str, Vec<u32>> = FastMap::default();
    // About one distinct word per program in eight bytes of its text: reserve once
    // rather than grow a list of millions.
    let text_bytes: usize = catalogue
        .programs
        .iter()
        .map(|p| {
            let optional = [&p.organization, &p.description, &p.eligibility];
            let translated: usize =
                p.translations.values().map(|t| t.description.as_ref().map_or(0, String::len)).sum();
            p.name.len()
                + optional.iter().map(|t| t.as_ref().map_or(0, String::len)).sum::<usize>()
                + translated
        })
        .sum();
    builder.entries.reserve(text_bytes / 8);
    builder.spans.reserve(text_bytes / 8);
    let mut need_rows = Vec::new();
    for (program, program_facts) in catalogue.programs.iter().zip(&facts.programs) {
        builder.start_program();
        builder.add_text(&program.name, NAME);
        for (text, field) in [
            (&program.organization, ORGANIZATION),
            (&program.description, DESCRIPTION),
            (&program.eligibility, ELIGIBILITY),
        ] {
            builder.add_text(text.as_deref().unwrap_or(""), field);
        }
        // The program's needs as indexes, from the facts (no lookup by name again).
        need_rows.clear();
        facts.need_sets.bits_of(program_facts.needs as usize, &mut need_rows);
        for &need in &need_rows {
            for &id in need_terms.get(need).into_iter().flatten() {
                builder.add_word(id, NEED);
            }
        }
        for place in &program.towns {
            let ids = places.entry(place).or_insert_with(|| builder.ids_of(place));
            for &id in ids.iter() {
                builder.add_word(id, PLACE);
            }
            builder.add_word(GAP, PLACE);
        }
        for text in program.translations.values() {
            for part in [&text.name, &text.description, &text.eligibility] {
                builder.add_text(part.as_deref().unwrap_or(""), TRANSLATION);
            }
        }
    }
    builder.finish(language, facts)
}

/// Words to values, for building: open addressing with linear probing, made for short
/// words. Each slot keeps a word's first sixteen bytes and its length, so that finding a
/// word of up to sixteen letters (nearly every word) compares integers and never reads
/// text.
#[derive(Default)]
struct TermTable {
    slots: Vec<Slot>,
    keys: Vec<Box<[u8]>>,
    values: Vec<u32>,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    /// The word's first eight bytes, little-endian; words never hold a zero byte.
    head: u64,
    /// Bytes 8 to 16 the same way (0 for shorter words).
    tail: u64,
    len: u32,
    /// Index into `keys` and `values`, plus one; 0 marks an empty slot.
    entry: u32,
}

impl TermTable {
    /// The first eight bytes of a word as an integer.
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn head(word: &[u8]) -> u64 {
        if let Some(first) = word.first_chunk::<8>() {
            return u64::from_le_bytes(*first);
        }
        // Shorter words (most words) in two overlapping reads, not a loop over bytes: the
        // bytes both reads cover are the same, so OR-ing them changes nothing.
        let n = word.len();
        let read = |at: usize, width: usize| -> u64 {
            match word.get(at..at + width) {
                Some(&[a, b, c, d]) => u64::from(u32::from_le_bytes([a, b, c, d])),
                Some(&[a, b]) => u64::from(u16::from_le_bytes([a, b])),
                Some(&[a]) => u64::from(a),
                _ => 0,
            }
        };
        match n {
            4..=7 => read(0, 4) | read(n - 4, 4) << (8 * (n - 4)),
            2..=3 => read(0, 2) | read(n - 2, 2) << (8 * (n - 2)),
            1 => read(0, 1),
            _ => 0,
        }
    }

    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn hash(word: &[u8], head: u64) -> u64 {
        let mut h = (head ^ (word.len() as u64).rotate_right(8)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // The rest eight bytes at a time: long words are common in descriptions.
        let mut rest = word.get(8..).unwrap_or_default();
        while !rest.is_empty() {
            let take = rest.len().min(8);
            h = (h ^ Self::head(&rest[..take])).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(23);
            rest = &rest[take..];
        }
        h ^ (h >> 31)
    }

    /// Bytes 8 to 16 of a word as an integer.
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn tail(word: &[u8]) -> u64 {
        match word.get(8..) {
            Some(rest) if !rest.is_empty() => Self::head(&rest[..rest.len().min(8)]),
            _ => 0,
        }
    }

    /// The slot for `word`: where it is, or the empty slot where it would go.
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn find(&self, word: &[u8], head: u64, tail: u64) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = Self::hash(word, head) as usize & mask;
        while let Some(slot) = self.slots.get(i) {
            if slot.entry == 0 {
                return i;
            }
            if slot.head == head
                && slot.tail == tail
                && slot.len as usize == word.len()
                && (word.len() <= 16 || self.keys.get(slot.entry as usize - 1).is_some_and(|k| **k == *word))
            {
                return i;
            }
            i = (i + 1) & mask;
        }
        i
    }

    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn get(&self, word: &[u8]) -> Option<u32> {
        let (head, tail) = (Self::head(word), Self::tail(word));
        let entry = self.slots.get(self.find(word, head, tail))?.entry;
        self.values.get((entry as usize).checked_sub(1)?).copied()
    }

    /// Adds a word that is not in the table.
    #[cfg_attr(finder_size, optimize(speed))]
    fn insert(&mut self, word: &[u8], value: u32) {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let (head, tail) = (Self::head(word), Self::tail(word));
        let at = self.find(word, head, tail);
        self.keys.push(word.into());
        self.values.push(value);
        let entry = self.keys.len() as u32;
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = Slot { head, tail, len: word.len() as u32, entry };
        }
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![Slot::default(); size];
        for (entry, key) in self.keys.iter().enumerate() {
            let (head, tail) = (Self::head(key), Self::tail(key));
            let at = self.find(key, head, tail);
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = Slot { head, tail, len: key.len() as u32, entry: entry as u32 + 1 };
            }
        }
    }
}

/// The value a stop word gets in the term table: it is never indexed.
const STOP: u32 = u32::MAX;
/// In a list of words, the end of one text (a need label, a place): the next word is not
/// next to the one before.
const GAP: u32 = u32::MAX - 1;
/// Positions skipped between two texts of a program.
const GAP_WORDS: u16 = 4;

/// Collects terms while programs are read; `finish` sorts them and lays out postings.
#[derive(Default)]
struct Builder {
    /// Temporary term ids (in order of first appearance), or `STOP`.
    ids: TermTable,
    names: Vec<Box<str>>,
    splitter: Splitter,
    /// Program `p`'s (temporary id, fields) are `entries[starts[p]..starts[p + 1]]`, and
    /// where the term first and last appears, `spans[starts[p]..starts[p + 1]]`.
    entries: Vec<(u32, u8)>,
    spans: Vec<Span>,
    /// The position of the next word of the current program.
    position: u16,
    starts: Vec<u32>,
    /// Per temporary id: 1 + the last program it was added to, and where in `entries`.
    /// This merges a program's repeated terms without sorting its words.
    seen: Vec<(u32, u32)>,
}

impl Builder {
    #[cfg_attr(finder_size, optimize(speed))]
    fn start_program(&mut self) {
        self.starts.push(self.entries.len() as u32);
        self.position = 0;
    }

    /// Adds the next word of the current program (a term, or `GAP` between texts), in
    /// `field`.
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn add_word(&mut self, id: u32, field: u8) {
        let at = self.position;
        if id == GAP {
            self.position = at.saturating_add(GAP_WORDS);
            return;
        }
        self.position = at.saturating_add(1);
        let program = self.starts.len() as u32;
        let Some(seen) = self.seen.get_mut(id as usize) else { return };
        if seen.0 == program {
            if let Some(entry) = self.entries.get_mut(seen.1 as usize) {
                entry.1 |= field;
            }
            if let Some(span) = self.spans.get_mut(seen.1 as usize) {
                span.last = at;
            }
        } else {
            *seen = (program, self.entries.len() as u32);
            self.entries.push((id, field));
            self.spans.push(Span { first: at, last: at });
        }
    }

    /// Adds the terms of `text` to the current program, in `field`, then a gap.
    #[cfg_attr(finder_size, optimize(speed))]
    fn add_text(&mut self, text: &str, field: u8) {
        let mut splitter = std::mem::take(&mut self.splitter);
        // (A hyphenated word kept whole, "wellchild" after "well" and "child", takes a
        // position of its own: "child visits" in "well-child visits" are two apart.)
        splitter.split(text, true, |word| {
            let id = self.id(word);
            if id != STOP {
                self.add_word(id, field);
            }
        });
        self.splitter = splitter;
        self.add_word(GAP, field);
    }

    /// The temporary ids of the terms of `text` in order, without adding them to a
    /// program.
    #[cfg_attr(finder_size, optimize(speed))]
    fn ids_of(&mut self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut splitter = std::mem::take(&mut self.splitter);
        splitter.split(text, true, |word| match self.id(word) {
            STOP => {}
            id => ids.push(id),
        });
        self.splitter = splitter;
        ids
    }

    /// The temporary id of a word, or `STOP` for a stop word (checked once per word).
    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn id(&mut self, word: &[u8]) -> u32 {
        if let Some(id) = self.ids.get(word) {
            return id;
        }
        // The splitter hands out whole characters, so this never loses anything.
        let text = String::from_utf8_lossy(word);
        let id = if is_stop_word(&text) {
            STOP
        } else {
            self.names.push(text.into());
            self.seen.push((0, 0));
            self.names.len() as u32 - 1
        };
        self.ids.insert(word, id);
        id
    }

    fn finish(mut self, language: Arc<Language>, facts: Facts) -> SearchIndex {
        self.starts.push(self.entries.len() as u32);
        let (starts, entries) = (&self.starts, &self.entries);
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
        let mut spans = vec![Span::default(); entries.len()];
        for (p, window) in starts.windows(2).enumerate() {
            let range = window[0] as usize..window[1] as usize;
            for (&(id, field), &span) in entries[range.clone()].iter().zip(&self.spans[range]) {
                let slot = &mut fill[id as usize];
                programs[*slot as usize] = p as u32;
                fields[*slot as usize] = field;
                spans[*slot as usize] = span;
                *slot += 1;
            }
        }
        let mut order: Vec<u32> = (0..term_count as u32).collect();
        order.sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        let terms = Words::from_sorted(order.iter().map(|&t| &*self.names[t as usize]));
        let ranges = order.iter().map(|&t| (offsets[t as usize], offsets[t as usize + 1])).collect();
        SearchIndex::assemble(Postings { terms, ranges, programs, fields, spans }, language, facts)
    }
}

/// The terms and their postings: what [`Builder`] works out from the text, and what a
/// catalogue pack stores (`pack.rs`); the rest of an index is derived from them.
pub(crate) struct Postings {
    pub terms: Words,
    pub ranges: Vec<(u32, u32)>,
    pub programs: Vec<u32>,
    pub fields: Vec<u8>,
    pub spans: Vec<Span>,
}

impl SearchIndex {
    /// The index of these postings: stems and typo tables derived from the terms.
    pub(crate) fn assemble(postings: Postings, language: Arc<Language>, facts: Facts) -> SearchIndex {
        let Postings { terms, ranges, programs, fields, spans } = postings;
        let term_count = terms.len();
        let whole = vec![
            OnceLock::from(Fragment { programs, fields, spans: Vec::new() }),
            OnceLock::from(Fragment { spans, ..Fragment::default() }),
        ];
        SearchIndex::unfilled(terms, ranges, (vec![0, term_count as u32], whole), language, facts)
    }

    /// An index of these terms whose postings are in `fragments` or come later, fragment
    /// by fragment (`fragments[2 f]` and `[2 f + 1]` cover terms `starts[f]..starts[f +
    /// 1]`; `ranges` count the postings of all fragments as one list).
    pub(crate) fn unfilled(
        terms: Words,
        ranges: Vec<(u32, u32)>,
        (starts, fragments): (Vec<u32>, Vec<OnceLock<Fragment>>),
        language: Arc<Language>,
        facts: Facts,
    ) -> SearchIndex {
        let term_count = terms.len();
        let mut stemmed: Vec<(String, u32)> =
            (0..term_count as u32).map(|id| (language.stemmer.stem(terms.get(id)), id)).collect();
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
        // A fragment's postings follow its terms' order, except in an index built here,
        // whose one fragment holds them in the order terms were met: it starts at 0.
        let mut bases = vec![0];
        for &first in starts.iter().take(fragments.len() / 2).skip(1) {
            bases.push(ranges.get(first as usize).map_or(0, |r| r.0));
        }
        SearchIndex {
            bases,
            fragments,
            starts,
            missing: Missing::default(),
            terms,
            ranges,
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
    fn a_words_head_is_its_first_eight_bytes() {
        let text = b"abcdefghijklmnopqrst";
        for len in 0..=text.len() {
            let word = &text[..len];
            let expected =
                word.iter().take(8).enumerate().fold(0u64, |h, (i, &b)| h | u64::from(b) << (8 * i));
            assert_eq!(TermTable::head(word), expected, "{len} bytes");
        }
    }

    #[test]
    fn term_table_finds_what_was_inserted() {
        let mut table = TermTable::default();
        assert_eq!(table.get(b"food"), None);
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, word) in words.iter().enumerate() {
            table.insert(word.as_bytes(), i as u32);
        }
        table.insert(b"", 7);
        table.insert(b"averyveryverylongword", 8);
        table.insert(b"averyveryverylongward", 9);
        // Words of 9 to 16 letters are told apart by their second eight bytes alone.
        table.insert(b"community1", 10);
        table.insert(b"community2", 11);
        assert_eq!(table.get(b"community1"), Some(10));
        assert_eq!(table.get(b"community2"), Some(11));
        assert_eq!(table.get(b"community3"), None);
        for (i, word) in words.iter().enumerate() {
            assert_eq!(table.get(word.as_bytes()), Some(i as u32), "{word}");
        }
        assert_eq!(table.get(b""), Some(7));
        assert_eq!(table.get(b"averyveryverylongword"), Some(8));
        assert_eq!(table.get(b"averyveryverylongward"), Some(9));
        assert_eq!(table.get(b"averyveryverylongwurd"), None);
        assert_eq!(table.get(b"w5000"), None);
    }
}
