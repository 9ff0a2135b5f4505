//! The query layer: runs the clauses of a query ([`super::clauses`]) over the index,
//! then filters, counts and ranks (the rules are in the [module docs](super)).
//!
//! A program matches a clause through its best alternative and field; it matches the
//! query if it matches every clause. Evaluation is one pass over the postings of each
//! clause, cheapest clause first, with dense per-program arrays (allocated per search,
//! nothing kept): `met[p]` counts the clauses program `p` met so far, so later clauses
//! only keep programs still in.

use super::clauses::{clauses, field_weights, Clause, Source};
use super::counts::{filter_and_count, Candidates};
use super::filters::Tests;
use super::index::SearchIndex;
use super::{Hit, Query, SearchOptions, SearchResults};

pub(super) fn run(index: &SearchIndex, query: &Query, options: &SearchOptions) -> SearchResults {
    let table = field_weights(&options.weights);
    let (terms, clauses) = clauses(index, &query.text, options, &table);

    let tests = Tests::new(&index.facts, &query.choices);
    let n = index.program_count();
    let (best, candidates, scores) = if clauses.is_empty() {
        (Vec::new(), Candidates::All(n), Vec::new())
    } else {
        let (best, found, scores) = evaluate(index, &clauses, &table, n);
        (best, Candidates::Some(found), scores)
    };
    let (passing, counts) = filter_and_count(&index.facts, &tests, &candidates, options.counts);

    let total = passing.len();
    let limit = options.limit.unwrap_or(total).min(total);
    let ranked = if clauses.is_empty() {
        by_tier(index, passing, tests.town, limit)
    } else {
        by_score(index, passing, &scores, tests.town, limit)
    };
    let hits = ranked
        .into_iter()
        .enumerate()
        .map(|(rank, (tier, p))| Hit {
            program: p,
            score: scores.get(p as usize).copied().unwrap_or(0.0),
            tier,
            matched: if rank < options.matched_limit {
                matched_terms(index, &clauses, &best, p as usize)
            } else {
                Vec::new()
            },
        })
        .collect();
    SearchResults { hits, total, counts, terms }
}
/// Without keywords: tier, then catalogue order (`passing` is in catalogue order).
fn by_tier(index: &SearchIndex, passing: Vec<u32>, town: Option<usize>, limit: usize) -> Vec<(u8, u32)> {
    if town.is_none() {
        return passing.into_iter().take(limit).map(|p| (0, p)).collect();
    }
    let mut tiers: [Vec<(u8, u32)>; 3] = Default::default();
    for p in passing {
        let tier = index.facts.tier(p as usize, town);
        if let Some(list) = tiers.get_mut(tier as usize) {
            list.push((tier, p));
        }
    }
    let [mut first, second, third] = tiers;
    first.extend(second);
    first.extend(third);
    first.truncate(limit);
    first
}

/// With keywords: tier, then score (highest first), then catalogue order. Only the
/// best `limit` are fully sorted.
#[inline(never)]
fn by_score(
    index: &SearchIndex,
    passing: Vec<u32>,
    scores: &[f32],
    town: Option<usize>,
    limit: usize,
) -> Vec<(u8, u32)> {
    // One integer key per hit: tier, then the score's bits inverted (a non-negative
    // float's bits sort like the float), then the program index.
    let mut keys: Vec<(u64, u32)> = passing
        .into_iter()
        .map(|p| {
            let tier = index.facts.tier(p as usize, town);
            let score = scores.get(p as usize).copied().unwrap_or(0.0).max(0.0);
            ((u64::from(tier) << 32) | u64::from(u32::MAX - score.to_bits()), p)
        })
        .collect();
    if limit == 0 {
        return Vec::new();
    }
    if limit < keys.len() {
        keys.select_nth_unstable(limit - 1);
        keys.truncate(limit);
    }
    keys.sort_unstable();
    keys.into_iter().map(|(key, p)| ((key >> 32) as u8, p)).collect()
}

/// Per-program state while clauses run: dense arrays, one slot per program. (Accessed
/// with `get`: plain indexing of a `Vec` is a function call at `opt-level = "z"`.)
struct Evaluation {
    /// How many clauses each program has met so far.
    met: Vec<u8>,
    /// Per program and clause: the index of the best alternative.
    best: Vec<u32>,
    /// The best score of each program in the clause being run.
    clause_score: Vec<f32>,
    scores: Vec<f32>,
    /// The first `touched` programs of `list` met the clause being run.
    list: Vec<u32>,
    touched: usize,
    width: usize,
}

impl Evaluation {
    /// Program `p` matches alternative `a` of clause `c` (run as step `step`) with `score`.
    #[inline(always)]
    fn visit(&mut self, p: u32, score: f32, a: u32, c: usize, step: u8) {
        let i = p as usize;
        let (Some(met), Some(best), Some(clause_score)) =
            (self.met.get_mut(i), self.best.get_mut(i * self.width + c), self.clause_score.get_mut(i))
        else {
            return;
        };
        if *met == step {
            *met = step + 1;
            *clause_score = score;
            *best = a;
            if let Some(slot) = self.list.get_mut(self.touched) {
                *slot = p;
                self.touched += 1;
            }
        } else if *met == step + 1 && score > *clause_score {
            *clause_score = score;
            *best = a;
        }
    }
}

/// Runs the clauses. Returns, per program and clause, the index of the best
/// alternative; the programs that met every clause; and every program's score.
#[inline(never)]
fn evaluate(
    index: &SearchIndex,
    clauses: &[Clause],
    table: &[f32; 128],
    n: usize,
) -> (Vec<u32>, Vec<u32>, Vec<f32>) {
    let width = clauses.len();
    let mut order: Vec<usize> = (0..width).collect();
    order.sort_by_key(|&c| clauses[c].cost);
    let mut run = Evaluation {
        met: vec![0; n],
        best: vec![0; n * width],
        clause_score: vec![0.0; n],
        scores: vec![0.0; n],
        list: vec![0; n],
        touched: 0,
        width,
    };
    for (step, &c) in order.iter().enumerate() {
        let step = step as u8;
        run.touched = 0;
        for (a, alternative) in clauses[c].alternatives.iter().enumerate() {
            let (a, quality) = (a as u32, alternative.quality);
            match &alternative.source {
                Source::Term(t) => {
                    let (programs, fields) = index.postings(*t);
                    for (&p, &f) in programs.iter().zip(fields) {
                        run.visit(p, table[f as usize & 127] * quality, a, c, step);
                    }
                }
                Source::Phrase(programs) => {
                    for &(p, weight) in programs {
                        run.visit(p, weight * quality, a, c, step);
                    }
                }
            }
        }
        let words = clauses[c].words;
        for &p in run.list.get(..run.touched).unwrap_or_default() {
            if let (Some(score), Some(clause)) =
                (run.scores.get_mut(p as usize), run.clause_score.get(p as usize))
            {
                *score += clause * words;
            }
        }
        if run.touched == 0 {
            break;
        }
    }
    run.list.truncate(run.touched);
    (run.best, run.list, run.scores)
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
