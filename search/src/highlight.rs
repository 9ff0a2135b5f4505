//! Showing why a program matched: which words of its text to mark ([`marks`]) and a
//! short piece of a long text around them ([`excerpt`]).
//!
//! A hit's [`matched`](crate::Hit::matched) terms are the catalogue's folded terms, as
//! the index made them. A word of the text is marked when its folded form is one of them,
//! by the same rules of folding and splitting ([`crate::text`]): `Niño` is marked for
//! `nino`, `Children's` for `childrens`, and `well-child` as a whole for `wellchild`.
//! Whole words only: `food` never marks the start of `Foodshare`.
//!
//! Ranges are byte offsets on character boundaries, sorted and never overlapping; the
//! widget makes text nodes and `<mark>` elements of them, never HTML, so a catalogue's
//! `<script>` stays text.

use super::text::{word_spans, WordSpan};

/// Byte ranges `(start, end)` of the whole words of `text` whose folded form is one of
/// `matched` (and of hyphenated words whose parts joined are one), sorted, not
/// overlapping. Empty when nothing matches.
///
/// ```
/// use finder_search::highlight::marks;
/// let text = "Food Stamps (SNAP) help";
/// let ranges = marks(text, &["food".into(), "stamps".into()]);
/// assert_eq!(ranges, [(0, 4), (5, 11)]);
/// ```
pub fn marks(text: &str, matched: &[String]) -> Vec<(usize, usize)> {
    if matched.is_empty() {
        return Vec::new();
    }
    marks_in(&word_spans(text), matched)
}

fn marks_in(words: &[WordSpan], matched: &[String]) -> Vec<(usize, usize)> {
    let is_matched = |word: &str| !word.is_empty() && matched.iter().any(|m| m == word);
    let mut ranges: Vec<(usize, usize)> =
        words.iter().filter(|w| is_matched(&w.folded)).map(|w| (w.start, w.end)).collect();
    // Hyphenated runs, which the index also holds joined ("wellchild").
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while words[j].hyphen_next && j + 1 < words.len() {
            j += 1;
        }
        if j > i {
            let joined: String = words[i..=j].iter().map(|w| w.folded.as_str()).collect();
            if is_matched(&joined) {
                ranges.push((words[i].start, words[j].end));
            }
        }
        i = j + 1;
    }
    ranges.sort_unstable();
    // A run and one of its words overlap: one mark for both.
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// How many words an excerpt keeps before the first marked word, when it cannot start
/// at the beginning: enough to read the mark in its sentence.
const WORDS_BEFORE: usize = 3;

/// `text` itself when it has at most `max_chars` characters; else about `max_chars`
/// characters of it (the `…` marks included), cut between words, with `…` where text was
/// cut. It starts at the beginning when the first marked word would be within the first
/// 60% of it, so that a card's description reads from its start when it can; else a few
/// words before the first marked word, so that the family sees why the program matched.
///
/// ```
/// use finder_search::highlight::excerpt;
/// let text = "Weekly groups for parents. Bring the children. Dental checkups on Fridays.";
/// assert_eq!(excerpt(text, &["dental".into()], 40), "…the children. Dental checkups on…");
/// assert_eq!(excerpt("Short text", &[], 40), "Short text");
/// ```
pub fn excerpt(text: &str, matched: &[String], max_chars: usize) -> String {
    let total = text.chars().count();
    if total <= max_chars {
        return text.to_string();
    }
    if max_chars <= 1 {
        return "…".chars().take(max_chars).collect();
    }
    let words = word_spans(text);
    let first_mark = if matched.is_empty() { None } else { marks_in(&words, matched).first().map(|m| m.0) };
    let chars_before = |byte: usize| text.get(..byte).map_or(0, |t| t.chars().count());
    let start = match first_mark {
        Some(at) if chars_before(at) * 10 >= max_chars * 6 => {
            let mark_word = words.iter().position(|w| w.start >= at).unwrap_or(0);
            // A few words before, but never so far that the mark is left out.
            let room = max_chars * 4 / 10;
            words[mark_word.saturating_sub(WORDS_BEFORE)..=mark_word]
                .iter()
                .map(|w| w.start)
                .find(|&s| chars_before(at) - chars_before(s) <= room)
                .unwrap_or(at)
        }
        _ => 0,
    };
    let cut_start = start > 0;
    // The characters the text may take, the `…` marks left out.
    let budget = max_chars - 1 - usize::from(cut_start);
    let rest = &text[start..];
    let hard_end = rest.char_indices().nth(budget).map_or(rest.len(), |(i, _)| i);
    // The end of the last whole word that fits; a word longer than the window is cut.
    let end = if hard_end == rest.len() {
        rest.len()
    } else {
        let ends = words.iter().filter(|w| w.start >= start).map(|w| w.end - start);
        ends.take_while(|&e| e <= hard_end).last().unwrap_or(hard_end)
    };
    let body = rest[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:-(".contains(c));
    let mut out = String::with_capacity(body.len() + 6);
    if cut_start {
        out.push('…');
    }
    out.push_str(body);
    if end < rest.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    /// The marked pieces of `text`, as text.
    fn marked<'a>(text: &'a str, matched: &[&str]) -> Vec<&'a str> {
        marks(text, &terms(matched)).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn whole_words_are_marked_as_the_index_made_their_terms() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("Food Stamps (SNAP) help", &["food", "stamps"], &["Food", "Stamps"]),
            ("FOOD PANTRY, Foodshare", &["food"], &["FOOD"]),
            ("Clínica del Niño", &["nino", "clinica"], &["Clínica", "Niño"]),
            ("Children's well-child visits", &["childrens"], &["Children's"]),
            ("Children's well-child visits", &["wellchild"], &["well-child"]),
            ("Children's well-child visits", &["child", "wellchild"], &["well-child"]),
            ("Children's well-child visits", &["child"], &["child"]),
            ("Call 2-1-1 today", &["211"], &["2-1-1"]),
            // A decomposed ñ keeps its accent inside the mark.
            ("nin\u{303}o y nin\u{303}a", &["nina"], &["nin\u{303}a"]),
            ("snapper snap", &["snap"], &["snap"]),
            ("", &["food"], &[]),
            ("food", &[], &[]),
        ];
        for &(text, matched, expected) in cases {
            assert_eq!(marked(text, matched), expected, "{text:?} {matched:?}");
        }
    }

    #[test]
    fn hostile_text_never_panics_and_marks_stay_on_boundaries() {
        let long_word = "a".repeat(5000);
        let texts = [
            "<script>alert('food')</script> food",
            "\u{200f}طعام food\u{200e} \u{202e}pantry",
            "e\u{301}\u{301}\u{301}cole \u{301}food",
            "🍎🍎 food🍎pantry 👨‍👩‍👧 ﷽",
            long_word.as_str(),
            "",
            "'''---'''",
            "food\0pantry",
        ];
        let matched = terms(&["food", "pantry", "ecole", "script", &long_word]);
        for text in texts {
            let ranges = marks(text, &matched);
            for pair in ranges.windows(2) {
                assert!(pair[0].1 <= pair[1].0, "{text:?}: {ranges:?}");
            }
            for &(s, e) in &ranges {
                assert!(s < e && text.is_char_boundary(s) && text.is_char_boundary(e), "{text:?}");
            }
            for max in [0, 1, 2, 5, 12, 40] {
                let piece = excerpt(text, &matched, max);
                if text.chars().count() <= max {
                    assert_eq!(piece, text);
                } else {
                    assert!(piece.chars().count() <= max, "{text:?} {max}: {piece:?}");
                }
            }
        }
        assert_eq!(marked("<script>alert('food')</script> food", &["food", "script"]).len(), 4);
        assert_eq!(marked("🍎🍎 food🍎pantry", &["food", "pantry"]), ["food", "pantry"]);
    }

    #[test]
    fn excerpts_start_at_the_beginning_or_just_before_the_first_mark() {
        let text = "Weekly groups for parents. Bring the children. Dental checkups on Fridays.";
        let cases: &[(&str, &[&str], usize, &str)] = &[
            // Short enough: the text itself.
            (text, &["dental"], 200, text),
            // The mark is near the start: from the start, cut between words.
            (text, &["groups"], 30, "Weekly groups for parents…"),
            (text, &[], 30, "Weekly groups for parents…"),
            // The mark is far: a few words before it.
            (text, &["dental"], 40, "…the children. Dental checkups on…"),
            (text, &["fridays"], 30, "…checkups on Fridays."),
            // A word longer than the window is cut inside.
            ("Supercalifragilisticexpialidocious help", &[], 10, "Supercali…"),
        ];
        for &(text, matched, max, expected) in cases {
            let piece = excerpt(text, &terms(matched), max);
            assert_eq!(piece, expected, "{matched:?} {max}");
            assert!(piece.chars().count() <= max, "{piece:?}");
        }
    }
}
