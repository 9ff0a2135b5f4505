//! Query text into clauses: what each query term may match, and how well.
//!
//! A **clause** is one query term (a word, or a synonym phrase typed in full) with its
//! **alternatives**: each index term it may match and the quality of that match
//! (exact, stem, synonym, prefix, typo), or the programs holding a whole phrase. The
//! rules are in the [crate docs](super); [`super::search`] runs the clauses.
//!
//! A word matched through a typo counts as the word it was taken for: that word's stems
//! and synonyms come with it, with the typo's edits ("dentsit" → "dentist" → "dental"),
//! so it finds what the word finds, ranked after matches without a typo.

use finder_core::spelling::EditDistance;

use super::index::{
    SearchIndex, Span, DESCRIPTION, ELIGIBILITY, NAME, NEED, ORGANIZATION, PLACE, STOPS_WHEN_EMPTY,
    TRANSLATION,
};
use super::query::{SearchOptions, Weights, MAX_WORDS};
use super::text::{is_stop_word, words};

/// One program matching a phrase: (program, the weakest field weight among the words,
/// the typos it took, how far apart the words are: the sum of [`Span::apart`] over each
/// word and the next).
pub(super) type PhraseHit = (u32, f32, u8, u8);

/// Where an alternative's programs come from.
pub(super) enum Source {
    /// An index term's postings.
    Term(u32),
    /// Programs with every word of a phrase.
    Phrase(Vec<PhraseHit>),
}

pub(super) struct Alternative {
    pub source: Source,
    pub quality: f32,
    /// Edits between the query word and the term (0 unless a typo; a phrase's typos
    /// are per program, in its `Source::Phrase`). Fewer typos rank first.
    pub typos: u8,
    /// Matched only as the start of a longer word ("snap" → "snapper"): ranks after
    /// the word itself.
    pub prefix: bool,
    /// Index terms reported in `Hit::matched` when this alternative is the best one.
    pub terms: Vec<u32>,
}

pub(super) struct Clause {
    pub alternatives: Vec<Alternative>,
    /// How many query words the clause stands for (a phrase counts once per word).
    pub words: f32,
    /// Postings to visit: evaluation starts with the cheapest clause.
    pub cost: usize,
}

/// A query word after folding.
struct Word {
    text: String,
    stem: String,
    /// The last word, still being typed.
    typing: bool,
}

/// The query terms as understood (for `SearchResults::terms`) and their clauses.
#[cfg_attr(finder_size, optimize(speed))]
pub(super) fn clauses(
    index: &SearchIndex,
    text: &str,
    options: &SearchOptions,
    table: &[f32; 128],
) -> (Vec<String>, Vec<Clause>) {
    let words = read_words(index, text, options);
    let mut terms = Vec::new();
    let mut clauses = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let stems: Vec<String> = words[i..].iter().map(|w| w.stem.clone()).collect();
        let phrase = options.synonyms.then(|| index.language.phrase_at(&stems)).flatten();
        if let Some((len, group)) = phrase {
            terms.push(words[i..i + len].iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
            clauses.push(group_clause(index, group, &words[i..i + len], table, options));
            i += len;
            continue;
        }
        let clause = word_clause(index, &words[i], table, options);
        // A last word just started (one letter, or a stop word so far) that matches
        // nothing yet is left out, so results do not flash empty while typing.
        let word = &words[i];
        let just_started = word.text.chars().count() == 1 || is_stop_word(&word.text);
        if !(word.typing && just_started && clause.alternatives.is_empty()) {
            terms.push(words[i].text.clone());
            clauses.push(clause);
        }
        i += 1;
    }

    (terms, clauses)
}

/// The words of the query that take part: folded, stop words out, at most `MAX_WORDS`.
#[cfg_attr(finder_size, optimize(speed))]
fn read_words(index: &SearchIndex, text: &str, options: &SearchOptions) -> Vec<Word> {
    let typing = options.prefixes && text.chars().last().is_some_and(|c| c.is_alphanumeric());
    let all = words(text);
    let count = all.len();
    let mut out = Vec::new();
    for (i, text) in all.into_iter().enumerate() {
        let typing = typing && i + 1 == count;
        // A stop word typed alone may be the start of a real word ("de" → "dental"); after
        // other words it is left out, as the peers do ("families in" finds families).
        let keep = !is_stop_word(&text) || (typing && count == 1 && text.chars().count() >= 2);
        if keep && out.len() < MAX_WORDS {
            let stem = index.language.stemmer.stem(&text);
            out.push(Word { text, stem, typing });
        }
    }
    out
}

/// The weight of each combination of field bits: the best field's weight.
#[cfg_attr(finder_size, optimize(speed))]
pub(super) fn field_weights(weights: &Weights) -> [f32; 128] {
    let fields = [
        (NAME, weights.name),
        (NEED, weights.need),
        (ORGANIZATION, weights.organization),
        (PLACE, weights.place),
        (DESCRIPTION, weights.description),
        (ELIGIBILITY, weights.eligibility),
        (TRANSLATION, weights.translation),
    ];
    let mut table = [0.0f32; 128];
    for (bits, weight) in table.iter_mut().enumerate() {
        *weight = fields
            .iter()
            .filter(|(bit, _)| bits as u8 & bit != 0)
            .map(|(_, w)| *w)
            .fold(f32::NEG_INFINITY, f32::max);
        if !weight.is_finite() {
            *weight = 0.0;
        }
    }
    table
}

/// A term an alternative may match: (term, quality, typos, prefix only).
type Found = (u32, f32, u8, bool);

/// The clause for one word: exact, stems, prefixes, synonyms, and typos.
#[cfg_attr(finder_size, optimize(speed))]
fn word_clause(index: &SearchIndex, word: &Word, table: &[f32; 128], options: &SearchOptions) -> Clause {
    let weights = &options.weights;
    let mut found: Vec<Found> = Vec::new();
    let mut phrases = Vec::new();
    found.extend(index.find(&word.text).map(|t| (t, weights.exact, 0, false)));
    if options.synonyms {
        found.extend(index.with_stem(&word.stem).iter().map(|&t| (t, weights.synonym, 0, false)));
    }
    let letters = word.text.chars().count();
    // Every word of 3+ letters may be the start of a longer one ("health" → "healthy",
    // "east" → "Eastford"), and a last word of 2 while it is typed ("ho" → "housing").
    if options.prefixes && (letters >= 3 || (word.typing && letters == 2)) {
        found.extend(index.prefixed(&word.text).map(|t| (t, weights.prefix, 0, true)));
    }
    if options.synonyms {
        for group in index.language.groups_of(&word.stem) {
            add_group(index, group, (weights.synonym, 0), table, &mut found, &mut phrases);
        }
    }
    // Nothing but a typo can match it: the word is not in the catalogue or the vocabulary
    // in any form, nor the start of a catalogue word.
    let only_typos = found.is_empty() && phrases.is_empty();
    let budget = match letters {
        0..=2 => 0,
        // A word of 3 letters that matches nothing else may be a short typo ("fod").
        3 if only_typos => 1,
        3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    // Typos apply to every word, known or not ("classes" also finds "clases"); they rank
    // after every match without typos, so "food" lists food programs before "good" ones.
    // But a word the search knows (a word of the synonym groups: "dental") never reaches a
    // known word of another meaning by a typo ("mental" of "mental health"): a family who
    // typed a real need means it, and a crisis line is no answer to "dental". Known words
    // of one meaning still reach each other ("classes", "clases").
    if options.typos && budget > 0 {
        let word_groups = index.language.groups_with_word(&word.stem);
        let other_meaning = |stem: &str| {
            if word_groups.is_empty() {
                return false;
            }
            let other = index.language.groups_with_word(stem);
            !other.is_empty() && !other.iter().any(|g| word_groups.contains(g))
        };
        // The words a typo may have meant, when they matter (below): stems cost an
        // allocation each, and a word with other matches never needs them.
        let take_as_meant = options.synonyms && only_typos;
        let mut meant: Vec<(String, u8)> = Vec::new();
        index.near(&word.text, budget, |t, edits| {
            if take_as_meant || !word_groups.is_empty() {
                let stem = index.language.stemmer.stem(index.term(t));
                if other_meaning(&stem) {
                    return;
                }
                if take_as_meant {
                    meant.push((stem, edits as u8));
                }
            }
            let quality = if edits == 1 { weights.one_typo } else { weights.two_typos };
            found.push((t, quality, edits as u8, false));
        });
        // A word matched only through typos is taken for the closest words it may be (the
        // vocabulary's too, which the catalogue may not spell: "chilcare" → "childcare"),
        // and brings their stems and synonyms, with the typo's edits: "dentsit" finds what
        // "dentist" finds, "dental" included. A word of the catalogue ("good") is taken
        // as meant, not as a typo of another ("food").
        if take_as_meant {
            vocabulary_near(index, &word.stem, budget, &mut meant);
            meant.retain(|(stem, _)| !other_meaning(stem));
            let closest = meant.iter().map(|(_, edits)| *edits).min().unwrap_or(0);
            meant.retain(|(stem, edits)| *edits == closest && *stem != word.stem);
            meant.sort_unstable();
            meant.dedup_by(|a, b| a.0 == b.0);
        }
        if take_as_meant && meant.len() <= MAX_MEANT {
            let mut groups: Vec<(u32, u8)> = Vec::new();
            for (stem, edits) in &meant {
                let quality =
                    weights.synonym * if *edits == 1 { weights.one_typo } else { weights.two_typos };
                found.extend(index.with_stem(stem).iter().map(|&t| (t, quality, *edits, false)));
                groups.extend(index.language.groups_of(stem).map(|g| (g, *edits)));
            }
            groups.sort_unstable();
            groups.dedup_by_key(|(g, _)| *g);
            // The word's own groups are in already, without a typo.
            let own: Vec<u32> = index.language.groups_of(&word.stem).collect();
            groups.retain(|(g, _)| !own.contains(g));
            for (group, edits) in groups {
                let quality = weights.synonym * if edits == 1 { weights.one_typo } else { weights.two_typos };
                add_group(index, group, (quality, edits), table, &mut found, &mut phrases);
            }
        }
    }
    clause(index, found, phrases, 1.0)
}

/// At most this many words taken for a typo bring their stems and synonyms: a short
/// typo near many words ("hel": help, held, hell…) means none of them in particular.
const MAX_MEANT: usize = 8;

/// The stems of the vocabulary's words within `budget` edits of `stem` (not `stem`
/// itself), with their edits.
#[cfg_attr(finder_size, optimize(speed))]
fn vocabulary_near(index: &SearchIndex, stem: &str, budget: usize, meant: &mut Vec<(String, u8)>) {
    let typed: Vec<char> = stem.chars().collect();
    let mut distance = EditDistance::default();
    let mut candidate: Vec<char> = Vec::new();
    for (word, _) in index.language.words() {
        if word.len().abs_diff(stem.len()) > budget || word == stem {
            continue;
        }
        candidate.clear();
        candidate.extend(word.chars());
        if let Some(edits) = distance.within(&typed, &candidate, budget) {
            if edits > 0 {
                meant.push((word.clone(), edits as u8));
            }
        }
    }
}

/// Adds every member of a synonym group, with `quality` and `typos`.
#[cfg_attr(finder_size, optimize(speed))]
fn add_group(
    index: &SearchIndex,
    group: u32,
    (quality, typos): (f32, u8),
    table: &[f32; 128],
    found: &mut Vec<Found>,
    phrases: &mut Vec<Alternative>,
) {
    for member in &index.language.groups[group as usize] {
        match member.as_slice() {
            [stem] => found.extend(index.with_stem(stem).iter().map(|&t| (t, quality, typos, false))),
            phrase => phrases.extend(phrase_alternative(index, phrase, (quality, typos), false, table)),
        }
    }
}

/// The clause for a synonym phrase typed in full: every member of its group, and the
/// words on their own ("salud mental" also finds "saludables" and "dental", as a search
/// of the two words would).
#[cfg_attr(finder_size, optimize(speed))]
fn group_clause(
    index: &SearchIndex,
    group: u32,
    words: &[Word],
    table: &[f32; 128],
    options: &SearchOptions,
) -> Clause {
    let weights = &options.weights;
    let typed: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
    let mut found = Vec::new();
    let mut phrases = Vec::new();
    for member in &index.language.groups[group as usize] {
        let quality = if member.iter().map(String::as_str).eq(typed.iter().copied()) {
            weights.exact
        } else {
            weights.synonym
        };
        match member.as_slice() {
            [stem] => found.extend(index.with_stem(stem).iter().map(|&t| (t, quality, 0, false))),
            phrase => phrases.extend(phrase_alternative(index, phrase, (quality, 0), true, table)),
        }
    }
    phrases.extend(words_alternative(index, words, table, options));
    clause(index, found, phrases, words.len() as f32)
}

/// Programs matching every one of `words` by its own clause: per program, the weakest of
/// the words' best weights (quality included), the sum of their typos, and how far apart
/// they are.
#[cfg_attr(finder_size, optimize(speed))]
fn words_alternative(
    index: &SearchIndex,
    words: &[Word],
    table: &[f32; 128],
    options: &SearchOptions,
) -> Option<Alternative> {
    let mut programs: Option<Vec<Joined>> = None;
    let mut terms = Vec::new();
    for word in words {
        let clause = word_clause(index, word, table, options);
        // Per program: fewest typos, then the best weight.
        let mut best: Vec<(u32, f32, u8, Span)> = Vec::new();
        for alternative in &clause.alternatives {
            if let Source::Term(t) = alternative.source {
                let (ps, fs) = index.postings(t);
                let (quality, typos) = (alternative.quality, alternative.typos);
                // One word is together with itself: no spans needed (a pack fetches them
                // only for more).
                let spans = match words.len() {
                    1 => &[],
                    _ => index.spans(t),
                };
                best.extend(
                    ps.iter()
                        .zip(fs)
                        .zip(spans.iter().chain(std::iter::repeat(&Span::NONE)))
                        .map(|((&p, &f), &s)| (p, table[f as usize & 127] * quality, typos, s)),
                );
                terms.push(t);
            }
        }
        best.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)).then(b.1.total_cmp(&a.1)));
        best.dedup_by_key(|(p, _, _, _)| *p);
        let next = best.into_iter().map(|(p, w, t, s)| Joined {
            program: p,
            weight: w,
            typos: t,
            span: s,
            apart: 0,
        });
        programs = Some(match programs {
            None => next.collect(),
            Some(before) => join(&before, next, f32::min, false),
        });
        if STOPS_WHEN_EMPTY && programs.as_ref().is_some_and(Vec::is_empty) {
            return None;
        }
    }
    let programs = programs.filter(|p| !p.is_empty())?;
    let programs = programs.into_iter().map(|j| (j.program, j.weight, j.typos, j.apart)).collect();
    Some(Alternative { source: Source::Phrase(programs), quality: 1.0, typos: 0, prefix: false, terms })
}

/// Term alternatives (best match per term) and phrase alternatives, as one clause.
#[cfg_attr(finder_size, optimize(speed))]
fn clause(index: &SearchIndex, mut found: Vec<Found>, phrases: Vec<Alternative>, words: f32) -> Clause {
    // Per term: fewest typos, then a whole word before a prefix, then the best quality.
    found.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)).then(b.1.total_cmp(&a.1))
    });
    found.dedup_by_key(|(t, _, _, _)| *t);
    let mut cost = 0;
    let mut alternatives: Vec<Alternative> = found
        .into_iter()
        .map(|(t, quality, typos, prefix)| {
            cost += index.programs_with(t);
            Alternative { source: Source::Term(t), quality, typos, prefix, terms: vec![t] }
        })
        .collect();
    for phrase in phrases {
        if let Source::Phrase(programs) = &phrase.source {
            cost += programs.len();
        }
        alternatives.push(phrase);
    }
    Clause { alternatives, words, cost }
}

/// Programs containing every word of a phrase (by stem), or `None` if none do. With
/// `apart`, how far apart the words are is kept per program, so that the phrase as
/// written ranks first: for the phrases of a group the family typed a phrase of ("food
/// stamps", "salud mental"). A group reached from one word ("snap") skips it: it is the
/// costly part, and the word typed is together with itself anyway.
#[cfg_attr(finder_size, optimize(speed))]
fn phrase_alternative(
    index: &SearchIndex,
    stems: &[String],
    (quality, typos): (f32, u8),
    apart: bool,
    table: &[f32; 128],
) -> Option<Alternative> {
    if !apart {
        return phrase_anywhere(index, stems, (quality, typos), table);
    }
    let mut programs: Option<Vec<Joined>> = None;
    let mut terms = Vec::new();
    for stem in stems {
        let mut union: Vec<Joined> = Vec::new();
        for &t in index.with_stem(stem) {
            let (ps, fs) = index.postings(t);
            let list = ps.iter().zip(fs).zip(index.spans(t)).map(|((&p, &f), &span)| Joined {
                program: p,
                weight: table[f as usize & 127],
                typos: 0,
                span,
                apart: 0,
            });
            union = join(&union, list, f32::max, true);
            terms.push(t);
        }
        programs = Some(match programs {
            None => union,
            Some(before) => join(&before, union.into_iter(), f32::min, false),
        });
        if STOPS_WHEN_EMPTY && programs.as_ref().is_some_and(Vec::is_empty) {
            return None;
        }
    }
    let programs = programs.filter(|p| !p.is_empty())?;
    // The phrase's typos are the word's it was taken for, once, not once per word.
    let programs = programs.into_iter().map(|j| (j.program, j.weight, typos, j.apart)).collect();
    Some(Alternative { source: Source::Phrase(programs), quality, typos, prefix: false, terms })
}

/// A program while the words of a phrase are joined: its weight so far, typos, where the
/// last word joined appears, and how far apart the words joined so far are.
#[derive(Clone, Copy)]
struct Joined {
    program: u32,
    weight: f32,
    typos: u8,
    span: Span,
    apart: u8,
}

/// Joins two lists sorted by program: their union (`keep_all`: forms of one word, whose
/// spans are taken together) or intersection (one word after the other: weights combined
/// with `combine`, typos added, and how far the new word is from the one before).
#[cfg_attr(finder_size, optimize(speed))]
fn join(
    a: &[Joined],
    b: impl Iterator<Item = Joined>,
    combine: fn(f32, f32) -> f32,
    keep_all: bool,
) -> Vec<Joined> {
    if a.is_empty() {
        // The first form of a word (most words have one): nothing to join.
        return if keep_all { b.collect() } else { Vec::new() };
    }
    let mut out = Vec::with_capacity(if keep_all { a.len() + b.size_hint().0 } else { a.len() });
    let mut i = 0;
    for next in b {
        while let Some(before) = a.get(i).filter(|before| before.program < next.program) {
            if keep_all {
                out.push(*before);
            }
            i += 1;
        }
        match a.get(i) {
            Some(before) if before.program == next.program => {
                let weight = combine(before.weight, next.weight);
                out.push(if keep_all {
                    Joined { weight, span: before.span.join(next.span), ..*before }
                } else {
                    Joined {
                        program: next.program,
                        weight,
                        typos: before.typos.saturating_add(next.typos),
                        span: next.span,
                        apart: before.apart.saturating_add(before.span.apart(next.span)),
                    }
                });
                i += 1;
            }
            _ if keep_all => out.push(next),
            _ => {}
        }
    }
    if keep_all {
        out.extend_from_slice(a.get(i..).unwrap_or_default());
    }
    out
}

/// [`phrase_alternative`] without words apart: programs with every word of the phrase
/// anywhere, with the weakest field weight among the words.
#[cfg_attr(finder_size, optimize(speed))]
fn phrase_anywhere(
    index: &SearchIndex,
    stems: &[String],
    (quality, typos): (f32, u8),
    table: &[f32; 128],
) -> Option<Alternative> {
    let mut programs: Option<Vec<(u32, f32)>> = None;
    let mut terms = Vec::new();
    for stem in stems {
        let mut union: Vec<(u32, f32)> = Vec::new();
        for &t in index.with_stem(stem) {
            let (ps, fs) = index.postings(t);
            let list = ps.iter().zip(fs).map(|(&p, &f)| (p, table[f as usize & 127]));
            union = merge(&union, list, f32::max, true);
            terms.push(t);
        }
        programs = Some(match programs {
            None => union,
            Some(before) => merge(&before, union.into_iter(), f32::min, false),
        });
        if STOPS_WHEN_EMPTY && programs.as_ref().is_some_and(Vec::is_empty) {
            return None;
        }
    }
    let programs = programs.filter(|p| !p.is_empty())?.into_iter().map(|(p, w)| (p, w, typos, 0)).collect();
    Some(Alternative { source: Source::Phrase(programs), quality, typos, prefix: false, terms })
}

/// Merges two lists sorted by program: their union (`keep_all`) or intersection,
/// combining the weights of a program in both with `combine`.
#[cfg_attr(finder_size, optimize(speed))]
fn merge(
    a: &[(u32, f32)],
    b: impl Iterator<Item = (u32, f32)>,
    combine: fn(f32, f32) -> f32,
    keep_all: bool,
) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len());
    let mut a = a.iter().copied().peekable();
    for (p, w) in b {
        while let Some(&(q, v)) = a.peek() {
            if q >= p {
                break;
            }
            if keep_all {
                out.push((q, v));
            }
            a.next();
        }
        match a.peek() {
            Some(&(q, v)) if q == p => {
                out.push((p, combine(v, w)));
                a.next();
            }
            _ if keep_all => out.push((p, w)),
            _ => {}
        }
    }
    if keep_all {
        out.extend(a);
    }
    out
}
