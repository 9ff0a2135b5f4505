//! Query text into clauses: what each query term may match, and how well.
//!
//! A **clause** is one query term (a word, or a synonym phrase typed in full) with its
//! **alternatives**: each index term it may match and the quality of that match
//! (exact, stem, synonym, prefix, typo), or the programs holding a whole phrase. The
//! rules are in the [crate docs](super); [`super::search`] runs the clauses.

use super::index::{SearchIndex, DESCRIPTION, ELIGIBILITY, NAME, NEED, ORGANIZATION, PLACE, TRANSLATION};
use super::query::{SearchOptions, Weights, MAX_WORDS};
use super::text::{is_stop_word, words};

/// Where an alternative's programs come from.
pub(super) enum Source {
    /// An index term's postings.
    Term(u32),
    /// Programs with every word of a phrase: the weakest field weight among the words,
    /// and the typos it took to match them.
    Phrase(Vec<(u32, f32, u8)>),
}

pub(super) struct Alternative {
    pub source: Source,
    pub quality: f32,
    /// Edits between the query word and the term (0 unless a typo; a phrase's typos
    /// are per program, in its `Source::Phrase`). Fewer typos rank first.
    pub typos: u8,
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

/// The clause for one word: exact, stems, prefixes, synonyms, and typos.
#[cfg_attr(finder_size, optimize(speed))]
fn word_clause(index: &SearchIndex, word: &Word, table: &[f32; 128], options: &SearchOptions) -> Clause {
    let weights = &options.weights;
    // (term, quality, typos)
    let mut found: Vec<(u32, f32, u8)> = Vec::new();
    let mut phrases = Vec::new();
    found.extend(index.find(&word.text).map(|t| (t, weights.exact, 0)));
    if options.synonyms {
        found.extend(index.with_stem(&word.stem).iter().map(|&t| (t, weights.synonym, 0)));
    }
    let letters = word.text.chars().count();
    // Every word of 3+ letters may be the start of a longer one ("health" → "healthy",
    // "east" → "Eastford"), and a last word of 2 while it is typed ("ho" → "housing").
    if options.prefixes && (letters >= 3 || (word.typing && letters == 2)) {
        found.extend(index.prefixed(&word.text).map(|t| (t, weights.prefix, 0)));
    }
    if options.synonyms {
        for group in index.language.groups_of(&word.stem) {
            for member in &index.language.groups[group as usize] {
                match member.as_slice() {
                    [stem] => found.extend(index.with_stem(stem).iter().map(|&t| (t, weights.synonym, 0))),
                    phrase => phrases.extend(phrase_alternative(index, phrase, weights.synonym, table)),
                }
            }
        }
    }
    let budget = match letters {
        0..=3 => 0,
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
        index.near(&word.text, budget, |t, edits| {
            if !word_groups.is_empty() {
                let other = index.language.groups_with_word(&index.language.stemmer.stem(index.term(t)));
                if !other.is_empty() && !other.iter().any(|g| word_groups.contains(g)) {
                    return;
                }
            }
            let quality = if edits == 1 { weights.one_typo } else { weights.two_typos };
            found.push((t, quality, edits as u8))
        });
    }
    clause(index, found, phrases, 1.0)
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
            [stem] => found.extend(index.with_stem(stem).iter().map(|&t| (t, quality, 0))),
            phrase => phrases.extend(phrase_alternative(index, phrase, quality, table)),
        }
    }
    phrases.extend(words_alternative(index, words, table, options));
    clause(index, found, phrases, words.len() as f32)
}

/// Programs matching every one of `words` by its own clause: per program, the weakest of
/// the words' best weights (quality included) and the sum of their typos.
#[cfg_attr(finder_size, optimize(speed))]
fn words_alternative(
    index: &SearchIndex,
    words: &[Word],
    table: &[f32; 128],
    options: &SearchOptions,
) -> Option<Alternative> {
    let mut programs: Option<Vec<(u32, f32, u8)>> = None;
    let mut terms = Vec::new();
    for word in words {
        let clause = word_clause(index, word, table, options);
        // Per program: fewest typos, then the best weight.
        let mut best: Vec<(u32, f32, u8)> = Vec::new();
        for alternative in &clause.alternatives {
            if let Source::Term(t) = alternative.source {
                let (ps, fs) = index.postings(t);
                let (quality, typos) = (alternative.quality, alternative.typos);
                best.extend(ps.iter().zip(fs).map(|(&p, &f)| (p, table[f as usize & 127] * quality, typos)));
                terms.push(t);
            }
        }
        best.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)).then(b.1.total_cmp(&a.1)));
        best.dedup_by_key(|(p, _, _)| *p);
        programs = Some(match programs {
            None => best,
            Some(before) => intersect(&before, &best),
        });
        if programs.as_ref().is_some_and(Vec::is_empty) {
            return None;
        }
    }
    let programs = programs.filter(|p| !p.is_empty())?;
    Some(Alternative { source: Source::Phrase(programs), quality: 1.0, typos: 0, terms })
}

/// Programs in both lists (sorted by program): the weaker weight, the typos added.
#[cfg_attr(finder_size, optimize(speed))]
fn intersect(a: &[(u32, f32, u8)], b: &[(u32, f32, u8)]) -> Vec<(u32, f32, u8)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(&(p, w, t)), Some(&(q, v, u))) = (a.get(i), b.get(j)) {
        if p < q {
            i += 1;
        } else if q < p {
            j += 1;
        } else {
            out.push((p, w.min(v), t.saturating_add(u)));
            i += 1;
            j += 1;
        }
    }
    out
}

/// Term alternatives (best match per term) and phrase alternatives, as one clause.
#[cfg_attr(finder_size, optimize(speed))]
fn clause(
    index: &SearchIndex,
    mut found: Vec<(u32, f32, u8)>,
    phrases: Vec<Alternative>,
    words: f32,
) -> Clause {
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)).then(b.1.total_cmp(&a.1)));
    found.dedup_by_key(|(t, _, _)| *t);
    let mut cost = 0;
    let mut alternatives: Vec<Alternative> = found
        .into_iter()
        .map(|(t, quality, typos)| {
            cost += index.postings(t).0.len();
            Alternative { source: Source::Term(t), quality, typos, terms: vec![t] }
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

/// Programs containing every word of a phrase (by stem), or `None` if none do.
#[cfg_attr(finder_size, optimize(speed))]
fn phrase_alternative(
    index: &SearchIndex,
    stems: &[String],
    quality: f32,
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
        if programs.as_ref().is_some_and(Vec::is_empty) {
            return None;
        }
    }
    let programs = programs.filter(|p| !p.is_empty())?.into_iter().map(|(p, w)| (p, w, 0)).collect();
    Some(Alternative { source: Source::Phrase(programs), quality, typos: 0, terms })
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
