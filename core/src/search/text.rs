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
//! use finder_core::search::text::{fold, words};
//! assert_eq!(fold("Niño CAFÉ"), "nino cafe");
//! assert_eq!(words("Children's well-child visits"), ["childrens", "well", "child", "visits"]);
//! ```

use serde::Deserialize;

/// Words too common to search for, in English and Spanish. They are not indexed, and
/// dropped from queries (except a last word still being typed, which is a prefix).
pub const STOP_WORDS: &[&str] = &[
    "a", "al", "an", "and", "are", "as", "at", "be", "by", "con", "de", "del", "el", "en", "for",
    "from", "in", "is", "la", "las", "los", "o", "of", "on", "or", "para", "por", "que", "se",
    "su", "sus", "the", "to", "un", "una", "with", "y", "you", "your",
];

/// Whether a folded word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    // Every stop word has at most 4 letters: most words are turned away at once.
    word.len() <= 4 && STOP_WORDS.binary_search(&word).is_ok()
}

/// Lower-cases `text` and strips accents from Latin letters, leaving everything else as is.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !matches!(c, '\u{300}'..='\u{36f}')) {
        push_folded(c, &mut out);
    }
    out
}

/// The folded words of `text`, in order, stop words included (for showing what was typed).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    split(text, false, |word| out.push(word.to_string()));
    out
}

/// Calls `emit` with each folded word of `text`. With `join_hyphens`, a run of words
/// joined by hyphens is also emitted as one word after its parts.
pub(crate) fn split(text: &str, join_hyphens: bool, emit: impl FnMut(&str)) {
    Splitter::default().split(text, join_hyphens, emit);
}

/// Splits text into folded words, reusing its buffers from one text to the next
/// (building an index splits millions of words).
#[derive(Default)]
pub(crate) struct Splitter {
    word: String,
    joined: String,
    folded: String,
}

impl Splitter {
    /// See [`split`].
    pub fn split(&mut self, text: &str, join_hyphens: bool, mut emit: impl FnMut(&str)) {
        self.word.clear();
        self.joined.clear();
        let mut parts = 0;
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                self.word.push(c.to_ascii_lowercase());
                continue;
            }
            if matches!(c, '\'' | '’' | 'ʼ' | '\u{300}'..='\u{36f}') {
                // Apostrophes join ("children's" is one word); combining accents (a
                // decomposed "ñ" is "n" + U+0303) are dropped like precomposed ones.
                continue;
            }
            if !c.is_ascii() {
                self.folded.clear();
                push_folded(c, &mut self.folded);
                if self.folded.chars().all(char::is_alphanumeric) {
                    self.word.push_str(&self.folded);
                    continue;
                }
            }
            if !self.word.is_empty() {
                emit(&self.word);
                if join_hyphens {
                    self.joined.push_str(&self.word);
                }
                self.word.clear();
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
        if !self.word.is_empty() {
            emit(&self.word);
            if join_hyphens {
                self.joined.push_str(&self.word);
            }
            parts += 1;
        }
        if parts > 1 && join_hyphens {
            emit(&self.joined);
        }
    }
}

/// Appends `c` lower-cased and without accents.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match strip_accent(lower) {
            Some(plain) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// The plain letters for an accented lower-case Latin letter.
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

/// One suffix rule: a word ending in `suffix` loses it and gains `replace`, if at least
/// `keep` letters remain before it and the letter before it is not one of `not_after`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SuffixRule {
    pub suffix: String,
    #[serde(default)]
    pub replace: String,
    #[serde(default = "default_keep")]
    pub keep: usize,
    #[serde(default)]
    pub not_after: String,
}

fn default_keep() -> usize {
    3
}

/// Suffix stemming: steps run in order; in each step the first rule that fits applies.
/// Words with digits are left alone. The rules live in `core/data/synonyms.json`.
///
/// Stems are only a key for "these words are the same word": `housing`, `houses` and
/// `house` all stem to `hous`, which nobody reads.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Stemmer {
    pub steps: Vec<Vec<SuffixRule>>,
}

impl Stemmer {
    /// The stem of a folded word.
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
    fn fits(&self, word: &str) -> bool {
        let Some(rest) = word.strip_suffix(self.suffix.as_str()) else {
            return false;
        };
        let before = rest.chars().last();
        rest.chars().count() >= self.keep
            && before.is_none_or(|c| !self.not_after.contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(found, expected, "{text:?}");
        };
        check("Call 2-1-1 now", true, &["call", "2", "1", "1", "211", "now"]);
        check("Call 2-1-1", false, &["call", "2", "1", "1"]);
        check("well-child", true, &["well", "child", "wellchild"]);
        check("- a -b- ", true, &["a", "b"]);
        check("ÑANDÚ, São-Paulo", true, &["nandu", "sao", "paulo", "saopaulo"]);
        check("", true, &[]);
        check("nin\u{303}o", true, &["nino"]);
    }
}
