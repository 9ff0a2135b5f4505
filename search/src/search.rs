//! The top layer: [`SearchIndex::search`] runs the clauses of a query
//! ([`super::clauses`]) over the index, then filters and counts ([`super::facets`]) and
//! ranks (the rules are in the [crate docs](super)).
//!
//! A program matches a clause through its best alternative and field; it matches the
//! query if it matches every clause. Evaluation is one pass over the postings of each
//! clause, cheapest clause first, with dense per-program arrays (allocated per search,
//! nothing kept): `met[p]` counts the clauses program `p` met so far, so later clauses
//! only keep programs still in.

use std::collections::BinaryHeap;

use super::clauses::{clauses, field_weights, Clause, Source};
use super::facets::{filter_and_count, Candidates, Counts};
use super::index::SearchIndex;
use super::query::{Query, SearchOptions};

impl SearchIndex {
    /// Finds the programs that match the query's words and fit its choices, best first.
    /// Never panics, whatever the text.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn search(&self, query: &Query, options: &SearchOptions) -> SearchResults {
        run(self, query, options)
    }
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// The best hits first (see the crate's ranking rules), at most `limit`.
    pub hits: Vec<Hit>,
    /// How many programs match in all, ignoring `limit`.
    pub total: usize,
    /// Counts per choice, when asked for.
    pub counts: Option<Counts>,
    /// The query terms searched for: folded, stop words left out, phrases as one.
    pub terms: Vec<String>,
}

/// One program that matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into `catalogue.programs`.
    pub program: u32,
    /// Relevance; 0 without keywords.
    pub score: f32,
    /// 0 names the chosen town, 1 serves it through a county or area, 2 statewide.
    pub tier: u8,
    /// Edits it took to match the query's words (0: no typo). Hits with fewer typos
    /// rank first.
    pub typos: u8,
    /// The catalogue's terms (folded) that matched the query, one or more per query
    /// term, for highlighting. Empty without keywords and beyond
    /// [`SearchOptions::matched_limit`].
    pub matched: Vec<String>,
}

#[cfg_attr(finder_size, optimize(speed))]
fn run(index: &SearchIndex, query: &Query, options: &SearchOptions) -> SearchResults {
    let table = field_weights(&options.weights);
    let (terms, clauses) = clauses(index, &query.text, options, &table);

    // A town's index in the catalogue's places is its column (Connecticut's first).
    let town = query.choices.town.map(|town| town.index());
    let n = index.program_count();
    let (best, candidates, scores, typos) = if clauses.is_empty() {
        (Vec::new(), Candidates::All(n), Vec::new(), Vec::new())
    } else {
        let run = evaluate(index, &clauses, &table, n);
        (run.best, Candidates::Some(run.list), run.scores, run.typos)
    };
    let (passing, counts) = filter_and_count(&index.facts, &query.choices, town, &candidates, options.counts);

    let total = passing.len();
    let limit = options.limit.unwrap_or(total).min(total);
    let ranked = if clauses.is_empty() {
        by_tier(index, passing, town, limit)
    } else {
        by_score(index, passing, &scores, &typos, town, limit)
    };
    let hits = ranked
        .into_iter()
        .enumerate()
        .map(|(rank, (tier, p))| Hit {
            program: p,
            score: scores.get(p as usize).copied().unwrap_or(0.0),
            tier,
            typos: typos.get(p as usize).copied().unwrap_or(0),
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
#[cfg_attr(finder_size, optimize(speed))]
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

/// With keywords: typos (fewest first), tier, score (highest first), then catalogue
/// order. Only the best `limit` are fully sorted.
#[inline(never)]
#[cfg_attr(finder_size, optimize(speed))]
fn by_score(
    index: &SearchIndex,
    passing: Vec<u32>,
    scores: &[f32],
    typos: &[u8],
    town: Option<usize>,
    limit: usize,
) -> Vec<(u8, u32)> {
    if limit == 0 {
        return Vec::new();
    }
    // One integer key per hit: typos, tier, then the score's bits inverted (a
    // non-negative float's bits sort like the float), then the program index.
    let all_wanted = limit >= passing.len();
    let capacity = limit.min(passing.len()) + 1;
    let keys = passing.into_iter().map(|p| {
        let tier = index.facts.tier(p as usize, town);
        let score = scores.get(p as usize).copied().unwrap_or(0.0).max(0.0);
        let typos = typos.get(p as usize).copied().unwrap_or(0);
        let key = (u64::from(typos) << 40) | (u64::from(tier) << 32) | u64::from(u32::MAX - score.to_bits());
        (key, p)
    });
    let mut keys: Vec<(u64, u32)> = if all_wanted {
        // Every hit is wanted (the widget and the benchmark ask for all): sort them all.
        keys.collect()
    } else {
        // The best `limit` keys, kept in a heap whose top is the worst of them: one pass,
        // and no selection algorithm in the widget's module (`select_nth_unstable`
        // brought 2.5 KB).
        let mut best: BinaryHeap<(u64, u32)> = BinaryHeap::with_capacity(capacity);
        for key in keys {
            if best.len() < limit {
                best.push(key);
            } else if let Some(mut worst) = best.peek_mut() {
                if key < *worst {
                    *worst = key;
                }
            }
        }
        best.into_vec()
    };
    keys.sort_unstable();
    keys.into_iter().map(|(key, p)| (((key >> 32) & 0xff) as u8, p)).collect()
}

/// Per-program state while clauses run: dense arrays, one slot per program. (Accessed
/// with `get`: plain indexing of a `Vec` is a function call at `opt-level = "z"`.)
struct Evaluation {
    /// How many clauses each program has met so far.
    met: Vec<u8>,
    /// Per program and clause: the index of the best alternative.
    best: Vec<u32>,
    /// The best score of each program in the clause being run, and its typos.
    clause_score: Vec<f32>,
    clause_typos: Vec<u8>,
    scores: Vec<f32>,
    /// Typos of each program over the clauses run so far.
    typos: Vec<u8>,
    /// The first `touched` programs of `list` met the clause being run.
    list: Vec<u32>,
    touched: usize,
    width: usize,
}

impl Evaluation {
    /// Program `p` matches alternative `a` of clause `c` (run as step `step`) with
    /// `score` and `typos`. The best alternative has the fewest typos, then the best score.
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn visit(&mut self, p: u32, score: f32, typos: u8, a: u32, c: usize, step: u8) {
        let i = p as usize;
        let (Some(met), Some(best), Some(clause_score), Some(clause_typos)) = (
            self.met.get_mut(i),
            self.best.get_mut(i * self.width + c),
            self.clause_score.get_mut(i),
            self.clause_typos.get_mut(i),
        ) else {
            return;
        };
        if *met == step {
            *met = step + 1;
            (*clause_score, *clause_typos, *best) = (score, typos, a);
            if let Some(slot) = self.list.get_mut(self.touched) {
                *slot = p;
                self.touched += 1;
            }
        } else if *met == step + 1
            && (typos < *clause_typos || (typos == *clause_typos && score > *clause_score))
        {
            (*clause_score, *clause_typos, *best) = (score, typos, a);
        }
    }
}

/// Runs the clauses. In the result: per program and clause, the index of the best
/// alternative (`best`); the programs that met every clause (`list`); and every
/// program's score and typos.
#[inline(never)]
#[cfg_attr(finder_size, optimize(speed))]
fn evaluate(index: &SearchIndex, clauses: &[Clause], table: &[f32; 128], n: usize) -> Evaluation {
    let width = clauses.len();
    let mut order: Vec<usize> = (0..width).collect();
    order.sort_by_key(|&c| clauses[c].cost);
    let mut run = Evaluation {
        met: vec![0; n],
        best: vec![0; n * width],
        clause_score: vec![0.0; n],
        clause_typos: vec![0; n],
        scores: vec![0.0; n],
        typos: vec![0; n],
        list: vec![0; n],
        touched: 0,
        width,
    };
    for (step, &c) in order.iter().enumerate() {
        let step = step as u8;
        run.touched = 0;
        for (a, alternative) in clauses[c].alternatives.iter().enumerate() {
            let (a, quality, typos) = (a as u32, alternative.quality, alternative.typos);
            match &alternative.source {
                Source::Term(t) => {
                    let (programs, fields) = index.postings(*t);
                    for (&p, &f) in programs.iter().zip(fields) {
                        run.visit(p, table[f as usize & 127] * quality, typos, a, c, step);
                    }
                }
                Source::Phrase(programs) => {
                    for &(p, weight, typos) in programs {
                        run.visit(p, weight * quality, typos, a, c, step);
                    }
                }
            }
        }
        let words = clauses[c].words;
        for &p in run.list.get(..run.touched).unwrap_or_default() {
            let p = p as usize;
            if let (Some(score), Some(clause)) = (run.scores.get_mut(p), run.clause_score.get(p)) {
                *score += clause * words;
            }
            if let (Some(typos), Some(clause)) = (run.typos.get_mut(p), run.clause_typos.get(p)) {
                *typos = typos.saturating_add(*clause);
            }
        }
        if run.touched == 0 {
            break;
        }
    }
    run.list.truncate(run.touched);
    run
}

/// The index terms through which program `p` matched, in query order, each once.
#[cfg_attr(finder_size, optimize(speed))]
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
