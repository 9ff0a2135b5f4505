//! Suggestions while a family types ([`SearchIndex::suggest`]): the catalogue's needs,
//! program names and words that complete what is typed.
//!
//! Runs at every keystroke, so it reads only what the index and the catalogue already
//! have, with no table of its own: the sorted terms give the words that start with the
//! typed word (a range found by binary search), their postings say how many programs use
//! each word and whether it is in a program's name (and at its start), and the catalogue
//! gives the names as written and the needs' labels. Nothing is scanned name by name, and
//! nothing is built before the first keystroke, so a family who never types pays nothing
//! at start-up. Measured natively (release) at every
//! keystroke of 200 made-up queries (`suggestions_are_fast_on_big_catalogues` in
//! `search/tests/suggest.rs`): 10,000 programs, median 0.014 ms, p95 0.09 ms, max 0.38
//! ms; 50,000 programs, median 0.04 ms, p95 0.49 ms, max 1.8 ms (a 2-letter word that
//! starts many names: only the first 32 names are put in order).

use finder_core::catalogue::Catalogue;

use super::index::{SearchIndex, DESCRIPTION, ELIGIBILITY, NAME, ORGANIZATION, PLACE, TRANSLATION};
use super::search::smallest;
use super::text::{is_stop_word, word_spans, words};

/// Something the search box may hold once the family picks it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The whole text of the search box after picking: a need's label or a program's
    /// name as written, or the words typed with the last one completed.
    pub text: String,
    pub kind: SuggestionKind,
}

/// Where a suggestion comes from, so that the widget can show it differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestionKind {
    /// A need's label (in the family's language when the catalogue has it).
    Need,
    /// A program's name.
    Program,
    /// A word of the catalogue or of the search's vocabulary.
    Word,
}

impl SearchIndex {
    /// At most `limit` suggestions for `text` as typed so far in `catalogue` (the one
    /// this index was built from: names and needs are read from it), for a family reading
    /// `language` (a code such as `"es"`): first the needs whose label has a word
    /// starting with each typed word (labels in `language`, then English), then words
    /// completing the last word (about half of what is left), then program names matched
    /// the same way as labels, then more words. Words are the catalogue's terms of 3 or
    /// more letters, those in the family's language first, then those in the most
    /// programs, and then the vocabulary's words the catalogue lacks (they still find
    /// their synonyms). Folded text is compared (`nino` finds "Niño"); never the text
    /// itself, never two suggestions with the same folded text, nothing under 2 letters.
    /// Deterministic.
    ///
    /// ```
    /// use finder_core::catalogue::load;
    /// use finder_search::{SearchIndex, SuggestionKind};
    /// let loaded = load(r#"{ "version": 1,
    ///   "needs": [{ "id": "food", "label": "Food", "labels": { "es": "Comida" } }],
    ///   "programs": [{ "id": "p", "name": "Community kitchen", "needs": ["food"], "statewide": true }]
    /// }"#).unwrap();
    /// let index = SearchIndex::new(&loaded.catalogue);
    /// let found = index.suggest(&loaded.catalogue, "com", "es", 6);
    /// assert_eq!(found[0].text, "Comida");
    /// assert_eq!(found[0].kind, SuggestionKind::Need);
    /// assert!(found.iter().any(|s| s.text == "Community kitchen"));
    /// ```
    pub fn suggest(
        &self,
        catalogue: &Catalogue,
        text: &str,
        language: &str,
        limit: usize,
    ) -> Vec<Suggestion> {
        suggest(&Sources { index: self, catalogue }, text, language, limit)
    }
}

/// What suggestions read: the index's words and the catalogue's names and needs.
struct Sources<'a> {
    index: &'a SearchIndex,
    catalogue: &'a Catalogue,
}

impl Sources<'_> {
    /// A program's name as written (the card shows it the same way).
    fn name(&self, program: u32) -> &str {
        self.catalogue.programs.get(program as usize).map_or("", |p| p.name.as_str())
    }
}

/// Suggestions in the making: no duplicates by folded text, never the typed text.
struct List {
    out: Vec<Suggestion>,
    seen: Vec<String>,
    limit: usize,
}

impl List {
    fn full(&self) -> bool {
        self.out.len() >= self.limit
    }

    /// Adds a suggestion unless it is full or the folded text is in already.
    fn push(&mut self, text: String, kind: SuggestionKind) -> bool {
        let key = words(&text).join(" ");
        if self.full() || key.is_empty() || self.seen.contains(&key) {
            return false;
        }
        self.seen.push(key);
        self.out.push(Suggestion { text, kind });
        true
    }
}

fn suggest(from: &Sources, text: &str, language: &str, limit: usize) -> Vec<Suggestion> {
    let spans = word_spans(text);
    let letters: usize = spans.iter().map(|w| w.folded.chars().count()).sum();
    if limit == 0 || letters < 2 {
        return Vec::new();
    }
    // The last word is still being typed unless something follows it ("food ").
    let last = spans.last().filter(|w| w.end == text.len());
    let count = spans.len();
    // As the search reads a query: stop words left out, but a last word being typed may
    // be the start of another ("de" → "dental").
    let typed: Vec<&str> = spans
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            !w.folded.is_empty() && (!is_stop_word(&w.folded) || (last.is_some() && i + 1 == count))
        })
        .map(|(_, w)| w.folded.as_str())
        .collect();
    let mut list = List {
        out: Vec::new(),
        seen: vec![spans.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ")],
        limit,
    };
    if typed.is_empty() {
        return Vec::new();
    }
    for label in need_labels(from, &typed, language) {
        list.push(label.to_string(), SuggestionKind::Need);
    }
    let (known, unknown) = match last {
        Some(word) => completions(from, &word.folded, language),
        None => Default::default(),
    };
    let before = last.map_or("", |word| &text[..word.start]);
    let mut known = known.into_iter().map(|word| format!("{before}{word}"));
    let share = (limit - list.out.len().min(limit)).div_ceil(2);
    let mut taken = 0;
    while taken < share {
        let Some(text) = known.next() else { break };
        taken += usize::from(list.push(text, SuggestionKind::Word));
    }
    for program in name_matches(from, &typed) {
        if list.full() {
            break;
        }
        // As written, capitals included: the card shows the name the same way, and the
        // family picks what they will recognise there. Names in capitals from real 2-1-1
        // exports are turned into title case (acronyms kept) by the importers
        // (`finder_core::import::clean_text::clean_name`), where the whole catalogue
        // gains from it; a second, smaller rule here could only disagree with it. Of two
        // names the same but for capitals, the one not in capitals comes first.
        list.push(from.name(program).to_string(), SuggestionKind::Program);
    }
    // The vocabulary's words the catalogue lacks last: they find only their synonyms.
    for word in known.chain(unknown.into_iter().map(|word| format!("{before}{word}"))) {
        if list.full() {
            break;
        }
        list.push(word, SuggestionKind::Word);
    }
    list.out
}

/// Whether every typed word starts a word of `text`; `Some(true)` when the first typed
/// word starts its first word (those come first).
fn starts_words(text: &str, typed: &[&str]) -> Option<bool> {
    let own = words(text);
    typed
        .iter()
        .all(|t| own.iter().any(|w| w.starts_with(t)))
        .then(|| own.first().zip(typed.first()).is_some_and(|(w, t)| w.starts_with(t)))
}

/// The labels to suggest: the family's language first, then English, each starting
/// with the typed word first, then in catalogue order.
fn need_labels<'a>(from: &Sources<'a>, typed: &[&str], language: &str) -> Vec<&'a str> {
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    let needs = &from.catalogue.needs;
    // The need's label in the family's language, or its English one.
    let label = |n: usize, english: bool| -> Option<&'a str> {
        let need = needs.get(n)?;
        match english {
            true => Some(need.label.as_str()),
            false => need.labels.get(language).or_else(|| need.labels.get(primary)).map(String::as_str),
        }
    };
    let mut found: Vec<(u64, u32)> = Vec::new();
    for n in 0..needs.len() {
        for english in [false, true] {
            if let Some(at_start) = label(n, english).and_then(|l| starts_words(l, typed)) {
                let key = u64::from(english && primary != "en") << 33 | u64::from(!at_start) << 32 | n as u64;
                found.push((key, (n as u32) << 1 | u32::from(english)));
            }
        }
    }
    let found = smallest(found.into_iter(), usize::MAX);
    found.into_iter().filter_map(|(_, at)| label((at >> 1) as usize, at & 1 == 1)).collect()
}

/// The index terms that complete `word`, best first (those known in the family's
/// language, then by how many programs use them, then alphabetically), and the
/// vocabulary's words that complete it and the catalogue lacks (alphabetically).
///
/// A word is known in English when the catalogue's own text (names, organizations,
/// descriptions, eligibility, English need labels) has it, and in another language when
/// its translations or need labels in that language have it. The index keeps one bit
/// for every translation, whatever its language: a catalogue translated into several
/// languages counts their words together (good enough for an ordering).
fn completions(from: &Sources, word: &str, language: &str) -> (Vec<String>, Vec<String>) {
    let index = from.index;
    if word.chars().count() < 2 {
        return Default::default();
    }
    let english = language.split(['-', '_']).next().unwrap_or(language) == "en";
    // Places are names in every language.
    let fields = PLACE | if english { NAME | ORGANIZATION | DESCRIPTION | ELIGIBILITY } else { TRANSLATION };
    let label_words: Vec<String> = from
        .catalogue
        .needs
        .iter()
        .flat_map(|need| words(if english { &need.label } else { need.label_in(language) }))
        .collect();
    // Unknown words last, then by how many programs use them; term ids are in
    // alphabetical order, which breaks ties.
    let mut found: Vec<(u64, u32)> = Vec::new();
    for t in index.prefixed(word) {
        let term = index.term(t);
        if term == word || term.chars().count() < 3 || !term.chars().any(char::is_alphabetic) {
            continue;
        }
        let (programs, bits) = index.postings(t);
        let known = bits.iter().any(|b| b & fields != 0) || label_words.iter().any(|w| w == term);
        found.push((u64::from(!known) << 32 | u64::from(u32::MAX - programs.len() as u32), t));
    }
    let found = smallest(found.into_iter(), usize::MAX);
    let vocabulary = &index.language.vocabulary;
    let first = vocabulary.partition_point(|w| w.as_str() < word);
    let extra = vocabulary[first..]
        .iter()
        .take_while(|w| w.starts_with(word))
        .filter(|w| *w != word && index.find(w).is_none())
        .cloned()
        .collect();
    (found.into_iter().map(|(_, t)| index.term(t).to_string()).collect(), extra)
}

/// The programs whose name has a word starting with each typed word, best first: the
/// first typed word starting the name, then names not in capitals only, then shorter
/// names, then catalogue order.
///
/// From the postings of the terms each typed word of 2 or more letters starts (only
/// those found in a name), intersected; a typed word of 1 letter ("food b") is checked
/// on the few names left, as its terms would be most of the index.
fn name_matches(from: &Sources, typed: &[&str]) -> NameMatches {
    let index = from.index;
    let mut programs: Option<Vec<u32>> = None;
    let mut at_start: Vec<u32> = Vec::new();
    for (i, word) in typed.iter().enumerate() {
        if word.chars().count() < 2 {
            continue;
        }
        let mut these = Vec::new();
        for t in index.prefixed(word) {
            let (list, bits) = index.postings(t);
            let spans = index.spans(t);
            for ((&p, &b), span) in list.iter().zip(bits).zip(spans) {
                if b & NAME != 0 {
                    these.push(p);
                    // A name is read first: position 0 is the name's first word.
                    if i == 0 && span.first == 0 {
                        at_start.push(p);
                    }
                }
            }
        }
        these.sort_unstable();
        these.dedup();
        programs = Some(match programs {
            None => these,
            Some(before) => before.into_iter().filter(|p| these.binary_search(p).is_ok()).collect(),
        });
    }
    let Some(mut programs) = programs else {
        return NameMatches { keys: Vec::new(), sorted: Vec::new(), next: 0 };
    };
    let short: Vec<&str> = typed.iter().copied().filter(|w| w.chars().count() < 2).collect();
    if !short.is_empty() {
        programs.retain(|&p| starts_words(from.name(p), &short).is_some());
    }
    at_start.sort_unstable();
    let keys: Vec<(u64, u32)> = programs
        .into_iter()
        .map(|p| {
            let name = from.name(p);
            let later = u64::from(at_start.binary_search(&p).is_err());
            let capitals = u64::from(!name.chars().any(char::is_lowercase));
            let length = name.len().min(0xffff) as u64;
            (later << 17 | capitals << 16 | length, p)
        })
        .collect();
    // Only the first few are shown: they are put in order, the rest only if the first
    // are all the same name (then everything is sorted).
    let head = smallest(keys.iter().copied(), HEAD);
    NameMatches { keys, sorted: head, next: 0 }
}

/// How many name matches are put in order first: a few times any page of suggestions,
/// for names repeated from program to program.
const HEAD: usize = 32;

/// Name matches best first (see [`name_matches`]), sorted as they are read.
struct NameMatches {
    /// Every match's key, unsorted.
    keys: Vec<(u64, u32)>,
    /// The best [`HEAD`] at first; all of them once those are read.
    sorted: Vec<(u64, u32)>,
    next: usize,
}

impl Iterator for NameMatches {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.next == self.sorted.len() && self.sorted.len() < self.keys.len() {
            // The order is total (the program breaks ties), so the first ones stay first.
            self.sorted = smallest(self.keys.iter().copied(), usize::MAX);
        }
        let (_, program) = self.sorted.get(self.next)?;
        self.next += 1;
        Some(*program)
    }
}
