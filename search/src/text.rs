//! Text into search terms: folding, splitting, stop words and stemming.
//!
//! The same steps run on catalogue text when the index is built and on what a family
//! types, so the two meet in the middle:
//!
//! 1. **Folding**: lower case, and Latin letters lose their accents (`Niño` → `nino`,
//!    `CAFÉ` → `cafe`, `ß` → `ss`). Families on phones often type without accents.
//! 2. **Splitting** on anything that is not a letter or digit. Apostrophes join instead
//!    (`children's` → `childrens`), and a hyphenated word is also kept whole in the index
//!    (`2-1-1` gives `2`, `1`, `1` and `211`; `well-child` gives `well`, `child`, `wellchild`).
//! 3. **Stop words** (`the`, `and`, `de`, `y`, …) are left out: they match everything.
//! 4. **Stemming** with a few suffix rules from the data file (see [`Stemmer`]):
//!    `books` → `book`, `families` → `family`, `housing` and `house` → `hous`.
//!
//! ```
//! use finder_search::text::{fold, words};
//! assert_eq!(fold("Niño CAFÉ"), "nino cafe");
//! assert_eq!(words("Children's well-child visits"), ["childrens", "well", "child", "visits"]);
//! ```

/// Words too common to search for, in English and Spanish. They are not indexed, and
/// dropped from queries (except a last word still being typed, which is a prefix).
pub const STOP_WORDS: &[&str] = &[
    "a", "al", "an", "and", "are", "as", "at", "be", "by", "con", "de", "del", "el", "en", "for", "from",
    "in", "is", "la", "las", "los", "o", "of", "on", "or", "para", "por", "que", "se", "su", "sus", "the",
    "to", "un", "una", "with", "y", "you", "your",
];

/// Whether a folded word is a stop word.
#[cfg_attr(finder_size, optimize(speed))]
pub fn is_stop_word(word: &str) -> bool {
    // Every stop word has at most 4 letters: most words are turned away at once.
    word.len() <= 4 && STOP_WORDS.binary_search(&word).is_ok()
}

/// Lower-cases `text` and strips accents from Latin letters, leaving everything else as is
/// (the core's one table of accents, [`finder_core::letters`]).
pub use finder_core::letters::fold;

/// The folded words of `text`, in order, stop words included (for showing what was typed).
#[cfg_attr(finder_size, optimize(speed))]
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    split(text, false, |word| out.push(word.to_string()));
    out
}

/// Calls `emit` with each folded word of `text`. With `join_hyphens`, a run of words
/// joined by hyphens is also emitted as one word after its parts.
#[cfg_attr(finder_size, optimize(speed))]
pub(crate) fn split(text: &str, join_hyphens: bool, mut emit: impl FnMut(&str)) {
    Splitter::default().split(text, join_hyphens, |word| {
        // Words are whole characters of the text or of folding: always UTF-8.
        emit(std::str::from_utf8(word).unwrap_or_default())
    });
}

/// A word of a text where it stands: its bytes in the text (whole characters, combining
/// accents included, a trailing apostrophe not) and its folded form, exactly as
/// [`split`] folds it, so that a word can be told apart by the terms it produced.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WordSpan {
    pub start: usize,
    pub end: usize,
    pub folded: String,
    /// Joined to the next word by hyphens only (`well-child`): the index also holds the
    /// two as one word (see [`split`]).
    pub hyphen_next: bool,
}

/// The words of `text` with their places, by the same rules as [`split`] (what is a
/// letter, apostrophes and combining accents joining, hyphens). For marking and
/// rewriting what a family sees, not a hot path: a word is folded by [`split`] itself.
pub(crate) fn word_spans(text: &str) -> Vec<WordSpan> {
    let mut out: Vec<WordSpan> = Vec::new();
    let (mut start, mut end) = (None::<usize>, 0);
    // Only hyphens since the last word ended (and at least one).
    let mut hyphens = false;
    let mut folded = String::new();
    let finish = |out: &mut Vec<WordSpan>, start: usize, end: usize| {
        let mut word = String::new();
        split(text.get(start..end).unwrap_or_default(), false, |w| word.push_str(w));
        out.push(WordSpan { start, end, folded: word, hyphen_next: false });
    };
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        if matches!(c, '\u{300}'..='\u{36f}') {
            // A combining accent belongs to the letter before it.
            if start.is_some() {
                end = next;
            }
            continue;
        }
        if matches!(c, '\'' | '’' | 'ʼ') {
            continue; // joins a word, or is nothing outside one
        }
        let letter = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            folded.clear();
            finder_core::letters::push_folded(c, &mut folded);
            folded.chars().all(char::is_alphanumeric)
        };
        if letter {
            if start.is_none() {
                if hyphens {
                    if let Some(before) = out.last_mut() {
                        before.hyphen_next = true;
                    }
                }
                start = Some(i);
            }
            end = next;
            continue;
        }
        match start.take() {
            Some(at) => {
                finish(&mut out, at, end);
                hyphens = c == '-';
            }
            None => hyphens &= c == '-',
        }
    }
    if let Some(at) = start {
        finish(&mut out, at, end);
    }
    out
}

/// Splits text into folded words, reusing its buffers from one text to the next
/// (building an index splits millions of words). Works on bytes: a word that is already
/// lower-case ASCII, as most are, is handed out as a slice of the text, without copying.
/// Every word handed out is valid UTF-8.
#[derive(Default)]
pub(crate) struct Splitter {
    word: Vec<u8>,
    joined: Vec<u8>,
    folded: String,
}

impl Splitter {
    /// See [`split`]; words come as UTF-8 bytes.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn split(&mut self, text: &str, join_hyphens: bool, mut emit: impl FnMut(&[u8])) {
        let bytes = text.as_bytes();
        // The current word is `bytes[start..i]` while `copied` is false, else `self.word`.
        let (mut start, mut in_word, mut copied) = (0, false, false);
        let mut parts = 0;
        self.joined.clear();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_lowercase() || b.is_ascii_digit() {
                let end = plain_run_end(bytes, i + 1);
                if !in_word {
                    (start, in_word, copied) = (i, true, false);
                } else if copied {
                    self.word.extend_from_slice(&bytes[i..end]);
                }
                i = end;
                continue;
            }
            let at = i;
            let c = match b {
                0..=0x7f => b as char,
                _ => text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(' '),
            };
            i += c.len_utf8();
            let before = bytes.get(start..at).unwrap_or_default();
            if b.is_ascii_uppercase() {
                start_copy(&mut self.word, &mut in_word, &mut copied, before);
                self.word.push(b.to_ascii_lowercase());
                continue;
            }
            if matches!(c, '\'' | '’' | 'ʼ' | '\u{300}'..='\u{36f}') {
                // Apostrophes join ("children's" is one word); combining accents (a
                // decomposed "ñ" is "n" + U+0303) are dropped like precomposed ones.
                if in_word {
                    start_copy(&mut self.word, &mut in_word, &mut copied, before);
                }
                continue;
            }
            if !c.is_ascii() {
                self.folded.clear();
                finder_core::letters::push_folded(c, &mut self.folded);
                if self.folded.chars().all(char::is_alphanumeric) {
                    start_copy(&mut self.word, &mut in_word, &mut copied, before);
                    self.word.extend_from_slice(self.folded.as_bytes());
                    continue;
                }
            }
            if in_word {
                let word = if copied { &self.word[..] } else { &bytes[start..at] };
                emit(word);
                // Only words joined by hyphens make a joined word.
                if join_hyphens && (c == '-' || parts > 0) {
                    self.joined.extend_from_slice(word);
                }
                in_word = false;
                parts += 1;
            }
            if c == '-' && join_hyphens && parts > 0 {
                continue; // the joined word goes on past the hyphen
            }
            if parts > 1 && join_hyphens {
                emit(&self.joined);
            }
            self.joined.clear();
            parts = 0;
        }
        if in_word {
            let word = if copied { &self.word[..] } else { &bytes[start..] };
            emit(word);
            if join_hyphens && parts > 0 {
                self.joined.extend_from_slice(word);
            }
            parts += 1;
        }
        if parts > 1 && join_hyphens {
            emit(&self.joined);
        }
    }
}

/// Where the run of plain lower-case letters and digits starting at `from` ends. Eight
/// bytes at a time where eight remain: a word's end is then found without a branch per
/// letter, which was most of the time spent building an index.
#[inline(always)]
#[cfg_attr(finder_size, optimize(speed))]
fn plain_run_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while let Some(chunk) = bytes.get(end..end + 8).and_then(|c| c.first_chunk::<8>()) {
        let stop = !plain_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if stop != 0 {
            return end + (stop.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    // The last few bytes of the text, one at a time.
    while end < bytes.len() && (bytes[end].is_ascii_lowercase() || bytes[end].is_ascii_digit()) {
        end += 1;
    }
    end
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// For each of eight bytes, its high bit set when the byte is `a`–`z` or `0`–`9`.
#[inline(always)]
#[cfg_attr(finder_size, optimize(speed))]
fn plain_bytes(x: u64) -> u64 {
    let ones = HIGH_BITS >> 7;
    // Per byte, `(x | 0x80) - n` keeps the high bit exactly when the low seven bits are at
    // least n, with no borrow into the next byte; bytes of 0x80 and above never match.
    let at_least = |n: u64| (x | HIGH_BITS).wrapping_sub(ones * n) & HIGH_BITS;
    let in_range = |low: u8, high: u8| at_least(u64::from(low)) & !at_least(u64::from(high) + 1);
    (in_range(b'a', b'z') | in_range(b'0', b'9')) & !x
}

/// Anything but a plain lower-case letter ends a word's slice of the text: from there
/// on the word is built in `word`, starting with the letters `before`.
#[cfg_attr(finder_size, optimize(speed))]
fn start_copy(word: &mut Vec<u8>, in_word: &mut bool, copied: &mut bool, before: &[u8]) {
    if !*in_word {
        word.clear();
    } else if !*copied {
        word.clear();
        word.extend_from_slice(before);
    }
    (*in_word, *copied) = (true, true);
}

/// One suffix rule: a word ending in `suffix` loses it and gains `replace`, if at least
/// `keep` letters remain before it and the letter before it is not one of `not_after`.
#[derive(Clone, Debug, PartialEq)]
pub struct SuffixRule {
    pub suffix: String,
    pub replace: String,
    pub keep: usize,
    pub not_after: String,
}

/// Suffix stemming: steps run in order; in each step the first rule that fits applies.
/// Words with digits are left alone. The rules live in `search/data/synonyms.json`.
///
/// Stems are only a key for "these words are the same word": `housing`, `houses` and
/// `house` all stem to `hous`, which nobody reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stemmer {
    pub steps: Vec<Vec<SuffixRule>>,
}

impl Stemmer {
    /// The stem of a folded word.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn stem(&self, word: &str) -> String {
        let mut stem = word.to_string();
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return stem;
        }
        for step in &self.steps {
            if let Some(rule) = step.iter().find(|rule| rule.fits(&stem)) {
                stem.truncate(stem.len() - rule.suffix.len());
                stem.push_str(&rule.replace);
            }
        }
        stem
    }
}

impl SuffixRule {
    #[cfg_attr(finder_size, optimize(speed))]
    fn fits(&self, word: &str) -> bool {
        let Some(rest) = word.strip_suffix(self.suffix.as_str()) else {
            return false;
        };
        let before = rest.chars().last();
        rest.chars().count() >= self.keep && before.is_none_or(|c| !self.not_after.contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_end_where_a_byte_by_byte_scan_ends() {
        let slow = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| !(bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit()))
                .unwrap_or(bytes.len())
        };
        // Every byte value at every position of a run, and runs of every length.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for byte in 0..=255u8 {
            for at in 0..12 {
                let mut text = b"abcdefghijklmnopqrstuvwxyz0123456789".to_vec();
                text[at + 1] = byte;
                texts.push(text);
            }
        }
        for len in 0..20 {
            texts.push(vec![b'z'; len]);
            texts.push([vec![b'a'; len], "ñ".as_bytes().to_vec(), b"x".to_vec()].concat());
        }
        for text in &texts {
            for from in 0..text.len().min(3) {
                assert_eq!(plain_run_end(text, from), slow(text, from), "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn word_spans_fold_as_splitting_does() {
        let texts = [
            "Children's well-child visits",
            "ÑANDÚ, São-Paulo 2-1-1",
            "nin\u{303}o cafe\u{301}",
            "'tis ab' x'",
            "a- b --c-d",
            "<b>Food</b> \u{200f}pantry 🍎x",
            "",
        ];
        for text in texts {
            let spans = word_spans(text);
            let folded: Vec<String> = spans.iter().map(|w| w.folded.clone()).collect();
            assert_eq!(folded, words(text), "{text:?}");
            for w in &spans {
                assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end), "{text:?}");
            }
        }
        let spans = word_spans("well-child a- b --c-d nin\u{303}o x'");
        let places: Vec<(&str, bool)> = spans
            .iter()
            .map(|w| (&"well-child a- b --c-d nin\u{303}o x'"[w.start..w.end], w.hyphen_next))
            .collect();
        assert_eq!(
            places,
            [
                ("well", true),
                ("child", false),
                ("a", false),
                ("b", false),
                ("c", true),
                ("d", false),
                ("nin\u{303}o", false),
                ("x", false)
            ]
        );
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 4));
    }

    #[test]
    fn splitting_joins_hyphens_only_when_asked() {
        let check = |text: &str, join: bool, expected: &[&str]| {
            let mut found = Vec::new();
            split(text, join, |w| found.push(w.to_string()));
            let mut bytes = Vec::new();
            Splitter::default().split(text, join, |w| bytes.push(String::from_utf8(w.to_vec()).unwrap()));
            assert_eq!(found, bytes);
            assert_eq!(found, expected, "{text:?}");
        };
        check("Call 2-1-1 now", true, &["call", "2", "1", "1", "211", "now"]);
        check("Call 2-1-1", false, &["call", "2", "1", "1"]);
        check("well-child", true, &["well", "child", "wellchild"]);
        check("- a -b- ", true, &["a", "b"]);
        check("ÑANDÚ, São-Paulo", true, &["nandu", "sao", "paulo", "saopaulo"]);
        check("", true, &[]);
        check("nin\u{303}o", true, &["nino"]);
        check("Don't STOP-me now's", true, &["dont", "stop", "me", "stopme", "nows"]);
        check("añoÑa x'", false, &["anona", "x"]);
        check("'tis ab'", false, &["tis", "ab"]);
    }
}
