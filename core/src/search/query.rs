//! The query layer: words into clauses of alternatives, clauses into scored programs,
//! then filters, counts and ranking (the rules are in the [module docs](super)).
//!
//! A **clause** is one query term (a word, or a synonym phrase typed in full) with its
//! **alternatives**: each index term it may match and how well (exact, stem, synonym,
//! prefix, typo), or a phrase's programs. A program matches a clause through its best
//! alternative and field; it matches the query if it matches every clause.
//!
//! Evaluation is one pass over the postings of each clause, cheapest clause first, with
//! dense per-program arrays (allocated per search, nothing kept): `matched[p]` counts
//! the clauses program `p` met so far, so later clauses only touch programs still in.

use super::counts::{filter_and_count, Candidates};
use super::filters::Tests;
use super::index::{SearchIndex, DESCRIPTION, ELIGIBILITY, NAME, NEED, ORGANIZATION, PLACE, TRANSLATION};
use super::text::{is_stop_word, words};
use super::{Hit, Query, SearchOptions, SearchResults, Weights, MAX_WORDS};

/// Where an alternative's programs come from.
enum Source {
    /// An index term's postings.
    Term(u32),
    /// Programs with every word of a phrase, and the weakest field weight among them.
    Phrase(Vec<(u32, f32)>),
}

struct Alternative {
    source: Source,
    quality: f32,
    /// Index terms reported in `Hit::matched` when this alternative is the best one.
    terms: Vec<u32>,
}

struct Clause {
    alternatives: Vec<Alternative>,
    /// How many query words the clause stands for (a phrase counts once per word).
    words: f32,
    /// Postings to visit: evaluation starts with the cheapest clause.
    cost: usize,
}

/// A query word after folding.
struct Word {
    text: String,
    stem: String,
    /// The last word, still being typed.
    typing: bool,
}

pub(super) fn run(index: &SearchIndex, query: &Query, options: &SearchOptions) -> SearchResults {
    let table = field_weights(&options.weights);
    let words = read_words(index, &query.text, options);
    let mut terms = Vec::new();
    let mut clauses = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let stems: Vec<String> = words[i..].iter().map(|w| w.stem.clone()).collect();
        let phrase = options.synonyms.then(|| index.language.phrase_at(&stems)).flatten();
        if let Some((len, group)) = phrase {
            let typed = &stems[..len];
            terms.push(words[i..i + len].iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
            clauses.push(group_clause(index, group, typed, len, &table, &options.weights));
            i += len;
            continue;
        }
        let clause = word_clause(index, &words[i], &table, options);
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

    let tests = Tests::new(&index.facts, &query.choices);
    let n = index.program_count();
    let (best, candidates, scores) = if clauses.is_empty() {
        (Vec::new(), Candidates::All(n), Vec::new())
    } else {
        let (best, found, scores) = evaluate(index, &clauses, &table, n);
        (best, Candidates::Some(found), scores)
    };
    let (passing, counts) = filter_and_count(&index.facts, &tests, &candidates, options.counts);

    let mut hits: Vec<(u8, f32, u32)> = passing
        .iter()
        .map(|&p| {
            let score = scores.get(p as usize).copied().unwrap_or(0.0);
            (index.facts.tier(p as usize, tests.town), score, p)
        })
        .collect();
    let order = |a: &(u8, f32, u32), b: &(u8, f32, u32)| {
        a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
    };
    let total = hits.len();
    if let Some(limit) = options.limit.filter(|&limit| limit < total) {
        if limit > 0 {
            hits.select_nth_unstable_by(limit - 1, order);
        }
        hits.truncate(limit);
    }
    hits.sort_unstable_by(order);
    let hits = hits
        .into_iter()
        .map(|(tier, score, p)| Hit {
            program: p,
            score,
            tier,
            matched: matched_terms(index, &clauses, &best, p as usize),
        })
        .collect();
    SearchResults {
        hits,
        total,
        counts,
        terms,
    }
}

/// The words of the query that take part: folded, stop words out, at most `MAX_WORDS`.
fn read_words(index: &SearchIndex, text: &str, options: &SearchOptions) -> Vec<Word> {
    let typing = options.prefix_last_term
        && text.chars().last().is_some_and(|c| c.is_alphanumeric());
    let all = words(text);
    let count = all.len();
    let mut out = Vec::new();
    for (i, text) in all.into_iter().enumerate() {
        let typing = typing && i + 1 == count;
        // A stop word being typed may be the start of a real word ("de" → "dental").
        let keep = !is_stop_word(&text) || (typing && text.chars().count() >= 2);
        if keep && out.len() < MAX_WORDS {
            let stem = index.language.stemmer.stem(&text);
            out.push(Word { text, stem, typing });
        }
    }
    out
}

/// The weight of each combination of field bits: the best field's weight.
fn field_weights(weights: &Weights) -> [f32; 128] {
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

/// The clause for one word: exact, stems, prefixes, synonyms; typos if none of those.
fn word_clause(index: &SearchIndex, word: &Word, table: &[f32; 128], options: &SearchOptions) -> Clause {
    let weights = &options.weights;
    let mut found: Vec<(u32, f32)> = Vec::new();
    let mut phrases = Vec::new();
    found.extend(index.find(&word.text).map(|t| (t, weights.exact)));
    if options.synonyms {
        found.extend(index.with_stem(&word.stem).iter().map(|&t| (t, weights.synonym)));
    }
    if word.typing && word.text.chars().count() >= 2 {
        found.extend(index.prefixed(&word.text).map(|t| (t, weights.prefix)));
    }
    if options.synonyms {
        for group in index.language.groups_of(&word.stem) {
            for member in &index.language.groups[group as usize] {
                match member.as_slice() {
                    [stem] => found.extend(index.with_stem(stem).iter().map(|&t| (t, weights.synonym))),
                    phrase => phrases.extend(phrase_alternative(index, phrase, weights.synonym, table)),
                }
            }
        }
    }
    let budget = match word.text.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if found.is_empty() && phrases.is_empty() && options.typos && budget > 0 {
        index.near(&word.text, budget, |t, edits| {
            found.push((t, if edits == 1 { weights.one_typo } else { weights.two_typos }))
        });
    }
    clause(index, found, phrases, 1.0)
}

/// The clause for a synonym phrase typed in full: every member of its group.
fn group_clause(
    index: &SearchIndex,
    group: u32,
    typed: &[String],
    len: usize,
    table: &[f32; 128],
    weights: &Weights,
) -> Clause {
    let mut found = Vec::new();
    let mut phrases = Vec::new();
    for member in &index.language.groups[group as usize] {
        let quality = if member.as_slice() == typed { weights.exact } else { weights.synonym };
        match member.as_slice() {
            [stem] => found.extend(index.with_stem(stem).iter().map(|&t| (t, quality))),
            phrase => phrases.extend(phrase_alternative(index, phrase, quality, table)),
        }
    }
    clause(index, found, phrases, len as f32)
}

/// Term alternatives (best quality per term) and phrase alternatives, as one clause.
fn clause(index: &SearchIndex, mut found: Vec<(u32, f32)>, phrases: Vec<Alternative>, words: f32) -> Clause {
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    found.dedup_by_key(|(t, _)| *t);
    let mut cost = 0;
    let mut alternatives: Vec<Alternative> = found
        .into_iter()
        .map(|(t, quality)| {
            cost += index.postings(t).0.len();
            Alternative { source: Source::Term(t), quality, terms: vec![t] }
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
fn phrase_alternative(index: &SearchIndex, stems: &[String], quality: f32, table: &[f32; 128]) -> Option<Alternative> {
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
    let programs = programs.filter(|p| !p.is_empty())?;
    Some(Alternative { source: Source::Phrase(programs), quality, terms })
}

/// Merges two lists sorted by program: their union (`keep_all`) or intersection,
/// combining the weights of a program in both with `combine`.
fn merge(a: &[(u32, f32)], b: impl Iterator<Item = (u32, f32)>, combine: fn(f32, f32) -> f32, keep_all: bool) -> Vec<(u32, f32)> {
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

/// Runs the clauses. Returns, per program and clause, the index of the best
/// alternative; the programs that met every clause; and every program's score.
fn evaluate(index: &SearchIndex, clauses: &[Clause], table: &[f32; 128], n: usize) -> (Vec<u32>, Vec<u32>, Vec<f32>) {
    let width = clauses.len();
    let mut order: Vec<usize> = (0..width).collect();
    order.sort_by_key(|&c| clauses[c].cost);
    let mut met = vec![0u8; n];
    let mut best = vec![0u32; n * width];
    let mut clause_score = vec![0.0f32; n];
    let mut scores = vec![0.0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    for (step, &c) in order.iter().enumerate() {
        let step = step as u8;
        touched.clear();
        for (a, alternative) in clauses[c].alternatives.iter().enumerate() {
            let mut visit = |p: u32, weight: f32| {
                let i = p as usize;
                let Some(&so_far) = met.get(i) else { return };
                let score = weight * alternative.quality;
                if so_far == step {
                    met[i] = step + 1;
                    clause_score[i] = score;
                    best[i * width + c] = a as u32;
                    touched.push(p);
                } else if so_far == step + 1 && score > clause_score[i] {
                    clause_score[i] = score;
                    best[i * width + c] = a as u32;
                }
            };
            match &alternative.source {
                Source::Term(t) => {
                    let (programs, fields) = index.postings(*t);
                    for (&p, &f) in programs.iter().zip(fields) {
                        visit(p, table[f as usize & 127]);
                    }
                }
                Source::Phrase(programs) => programs.iter().for_each(|&(p, w)| visit(p, w)),
            }
        }
        for &p in &touched {
            scores[p as usize] += clause_score[p as usize] * clauses[c].words;
        }
        if touched.is_empty() {
            break;
        }
    }
    (best, touched, scores)
}

/// The index terms through which program `p` matched, in query order, each once.
fn matched_terms(index: &SearchIndex, clauses: &[Clause], best: &[u32], p: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (c, clause) in clauses.iter().enumerate() {
        let chosen = best.get(p * clauses.len() + c).copied().unwrap_or(0);
        let Some(alternative) = clause.alternatives.get(chosen as usize) else { continue };
        for &t in &alternative.terms {
            // A phrase's words may have several forms; report those this program has.
            if index.postings(t).0.binary_search(&(p as u32)).is_err() {
                continue;
            }
            let term = index.term(t);
            if !out.iter().any(|seen| seen == term) {
                out.push(term.to_string());
            }
        }
    }
    out
}
