//! What a program's cost text says about money: one rule for the whole product.
//!
//! The "free only" filter, the card that shows "Free" in the family's language, and the
//! HSDS importer that writes `"cost": "free"` all ask this module, so a cost that counts as
//! free in one place counts as free everywhere.
//!
//! - [`is_free`]: the text *begins* by saying there is no charge ("Free for up to 8 hours a
//!   month", "No cost to families", "Gratis"), or says "no cost" anywhere. "Small fare; free
//!   for some trips" is not: the charge comes first.
//! - [`says_only_free`]: it says that and nothing else a family needs to read ("Free of
//!   charge.", "There is no cost to families"); "Free for residents of Hartford" says more,
//!   so it is shown as staff wrote it.
//!
//! ```
//! use finder_core::cost::{is_free, says_only_free};
//! assert!(is_free("Free for up to 8 hours a month"));
//! assert!(!says_only_free("Free for up to 8 hours a month"));
//! assert!(says_only_free("No cost to families."));
//! assert!(!is_free("Freedom Center membership"));
//! ```

/// Whether the cost means no charge, at least for the families it names first.
pub fn is_free(text: &str) -> bool {
    with_words(text, |words| free_phrase(words).is_some())
}

/// Whether the cost says only "free", so it can be shown as one translated word: every
/// word beside the free phrase is filler ("there is no cost to families").
pub fn says_only_free(text: &str) -> bool {
    with_words(text, |words| match free_phrase(words) {
        Some((start, len)) => {
            words[..start].iter().chain(&words[start + len..]).all(|w| FILLER.split(' ').any(|f| f == *w))
        }
        None => false,
    })
}

/// Words that say no charge, alone.
const FREE_WORDS: [&str; 4] = ["free", "gratis", "gratuito", "gratuita"];

/// Words that add nothing to "free" for a family (English and Spanish), one string rather
/// than a list of strings: it costs the widget fewer bytes.
const FILLER: &str = "a all always and are at charge clients completely costo de el es everyone familia \
     familias families family for is it la las of para participants service services the there \
     to todos";

/// Where the phrase saying "no charge" is, as (first word, number of words): a free word
/// first, "no cost" (or charge, fee, fees) or "sin costo" (or cargo) anywhere, or a text
/// that is only "none" or "0".
fn free_phrase(words: &[&str]) -> Option<(usize, usize)> {
    if matches!(words, ["none" | "0"]) || words.first().is_some_and(|w| FREE_WORDS.contains(w)) {
        return Some((0, 1));
    }
    words
        .windows(2)
        .position(|pair| {
            matches!(pair, ["no", "cost" | "charge" | "fee" | "fees"] | ["sin", "costo" | "cargo"])
        })
        .map(|at| (at, 2))
}

/// Calls `f` with the text's words in lower case; a dollar amount of zero ("$0") is the
/// word "0".
fn with_words<R>(text: &str, f: impl FnOnce(&[&str]) -> R) -> R {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    f(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_counts_as_free() {
        // (cost as staff wrote it, free for the filter, only free for the card)
        let table = [
            ("free", true, true),
            ("FREE.", true, true),
            ("Free of charge.", true, true),
            ("There is no cost to families", true, true),
            ("At no cost to families", true, true),
            ("No fees", true, true),
            ("0", true, true),
            ("$0", true, true),
            ("none", true, true),
            ("GRATIS", true, true),
            ("Sin costo para las familias", true, true),
            ("Free for up to 8 hours a month", true, false),
            ("Free for under 5s, $10 otherwise", true, false),
            ("Free for residents of Hartford", true, false),
            ("small fare; free for some trips", false, false),
            ("Sliding scale", false, false),
            ("$5 a visit", false, false),
            ("Freedom Center membership", false, false),
            ("", false, false),
        ];
        for (text, free, only) in table {
            assert_eq!((is_free(text), says_only_free(text)), (free, only), "{text:?}");
        }
    }
}
