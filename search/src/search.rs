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
use super::index::{SearchIndex, Span, STOPS_WHEN_EMPTY};
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
    let (best, candidates, scores, misses) = if clauses.is_empty() {
        (Vec::new(), Candidates::All(n), Vec::new(), Vec::new())
    } else {
        let run = evaluate(index, &clauses, &table, n);
        (run.best, Candidates::Some(run.list), run.scores, run.misses)
    };
    let (passing, counts) = filter_and_count(&index.facts, &query.choices, town, &candidates, options.counts);

    let total = passing.len();
    let limit = options.limit.unwrap_or(total).min(total);
    let ranked = if clauses.is_empty() {
        by_tier(index, passing, town, limit)
    } else {
        by_score(index, passing, &scores, &misses, town, limit)
    };
    let mut lookup = AlternativeLookup::default();
    let hits = ranked
        .into_iter()
        .enumerate()
        .map(|(rank, (tier, p))| Hit {
            program: p,
            score: scores.get(p as usize).copied().unwrap_or(0.0),
            tier,
            typos: misses.get(p as usize).map_or(0, |&m| Misses::typos(m)),
            matched: if rank < options.matched_limit {
                matched_terms(index, &clauses, &mut lookup, &best, p as usize)
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

/// With keywords: typos (fewest first), prefixes (fewest first), tier, words apart
/// (together first), score (highest first), then catalogue order. Only the best
/// `limit` are fully sorted.
#[inline(never)]
#[cfg_attr(finder_size, optimize(speed))]
fn by_score(
    index: &SearchIndex,
    passing: Vec<u32>,
    scores: &[f32],
    misses: &[u16],
    town: Option<usize>,
    limit: usize,
) -> Vec<(u8, u32)> {
    if limit == 0 {
        return Vec::new();
    }
    // One integer key per hit, each rule in bits of its own (see `TIER_SHIFT`): typos,
    // prefixes, tier, words apart, then the score's bits inverted (a non-negative
    // float's bits sort like the float), then the program index.
    let keys = passing.iter().map(|&p| {
        let tier = index.facts.tier(p as usize, town);
        let score = scores.get(p as usize).copied().unwrap_or(0.0).max(0.0);
        let m = misses.get(p as usize).copied().unwrap_or(0);
        let key = (u64::from(Misses::typos(m)) << 48)
            | (u64::from(Misses::prefixes(m)) << 44)
            | (u64::from(tier & 15) << TIER_SHIFT)
            | (u64::from(Misses::apart(m)) << 32)
            | u64::from(u32::MAX - score.to_bits());
        (key, p)
    });
    let keys = smallest(keys, limit);
    keys.into_iter().map(|(key, p)| (((key >> TIER_SHIFT) & 15) as u8, p)).collect()
}

/// The `limit` smallest of `keys` (a ranking key and a program or term), sorted: every
/// key when all are wanted, else the best kept in a heap whose top is the worst of them:
/// one pass, and no selection algorithm in the widget's module (`select_nth_unstable`
/// brought 2.5 KB). The search's ranking and the suggestions share it, and so one sort.
#[cfg_attr(finder_size, optimize(speed))]
pub(crate) fn smallest(keys: impl ExactSizeIterator<Item = (u64, u32)>, limit: usize) -> Vec<(u64, u32)> {
    let mut kept: Vec<(u64, u32)> = if limit >= keys.len() {
        keys.collect()
    } else {
        let mut best: BinaryHeap<(u64, u32)> = BinaryHeap::with_capacity(limit + 1);
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
    kept.sort_unstable();
    kept
}

/// Where the tier sits in a ranking key.
const TIER_SHIFT: u32 = 40;

/// What keeps a program from a perfect match, per ranking rule, packed in 16 bits so
/// that one comparison orders them (fewer ranks first) and the per-program arrays stay
/// small (each search allocates them afresh):
///
/// - **typos** (5 bits): edits over the query's words;
/// - **prefixes** (4 bits): query words matched only as the start of a longer word;
/// - **apart** (7 bits): how far apart the query's words are in the program: per word
///   and the next, 0 together as typed, 1 near, 2 scattered ([`Span::apart`]).
///
/// Each field stops at its largest value rather than spill into the next.
struct Misses;

impl Misses {
    #[cfg_attr(finder_size, optimize(speed))]
    fn pack(typos: u8, prefixes: u8, apart: u8) -> u16 {
        let (typos, prefixes, apart) =
            (u16::from(typos.min(31)), u16::from(prefixes.min(15)), u16::from(apart.min(127)));
        (typos << 11) | (prefixes << 7) | apart
    }
    #[cfg_attr(finder_size, optimize(speed))]
    fn typos(m: u16) -> u8 {
        (m >> 11) as u8
    }
    #[cfg_attr(finder_size, optimize(speed))]
    fn prefixes(m: u16) -> u8 {
        ((m >> 7) & 15) as u8
    }
    #[cfg_attr(finder_size, optimize(speed))]
    fn apart(m: u16) -> u8 {
        (m & 127) as u8
    }
    /// Both added, field by field.
    #[cfg_attr(finder_size, optimize(speed))]
    fn add(a: u16, b: u16) -> u16 {
        let sum = |x: u8, y: u8| x.saturating_add(y);
        Misses::pack(
            sum(Misses::typos(a), Misses::typos(b)),
            sum(Misses::prefixes(a), Misses::prefixes(b)),
            sum(Misses::apart(a), Misses::apart(b)),
        )
    }
}

/// In [`Evaluation::best`], a match through a phrase alternative: this bit and the
/// alternative's index. Without it, the slot is the index of the posting that matched
/// (into the index's postings), which also tells where the word appears.
const PHRASE: u32 = 1 << 31;

/// Per-program state while clauses run: dense arrays, one slot per program. (Accessed
/// with `get`: plain indexing of a `Vec` is a function call at `opt-level = "z"`.)
struct Evaluation {
    /// How many clauses each program has met so far.
    met: Vec<u8>,
    /// Per program and clause: how the best alternative matched (see [`PHRASE`]).
    best: Vec<u32>,
    /// The best score of each program in the clause being run, and what it missed.
    clause_score: Vec<f32>,
    clause_misses: Vec<u16>,
    scores: Vec<f32>,
    /// What each program missed over the clauses run so far ([`Misses`]).
    misses: Vec<u16>,
    /// The first `touched` programs of `list` met the clause being run.
    list: Vec<u32>,
    touched: usize,
    width: usize,
}

impl Evaluation {
    /// Program `p` matches clause `c` (run as step `step`) through `matched` (see
    /// [`PHRASE`]) with `score`, missing `misses`. The best alternative has the fewest
    /// typos, then is no mere prefix, then has its words together, then the best score.
    #[inline(always)]
    #[cfg_attr(finder_size, optimize(speed))]
    fn visit(&mut self, p: u32, score: f32, misses: u16, matched: u32, c: usize, step: u8) {
        let i = p as usize;
        let (Some(met), Some(best), Some(clause_score), Some(clause_misses)) = (
            self.met.get_mut(i),
            self.best.get_mut(i * self.width + c),
            self.clause_score.get_mut(i),
            self.clause_misses.get_mut(i),
        ) else {
            return;
        };
        if *met == step {
            *met = step + 1;
            (*clause_score, *clause_misses, *best) = (score, misses, matched);
            if let Some(slot) = self.list.get_mut(self.touched) {
                *slot = p;
                self.touched += 1;
            }
        } else if *met == step + 1
            && (misses < *clause_misses || (misses == *clause_misses && score > *clause_score))
        {
            (*clause_score, *clause_misses, *best) = (score, misses, matched);
        }
    }
}

/// Runs the clauses. In the result: per program and clause, how the best alternative
/// matched (`best`); the programs that met every clause (`list`); and every program's
/// score and misses.
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
        clause_misses: vec![0; n],
        scores: vec![0.0; n],
        misses: vec![0; n],
        list: vec![0; n],
        touched: 0,
        width,
    };
    for (step, &c) in order.iter().enumerate() {
        let step = step as u8;
        run.touched = 0;
        for (a, alternative) in clauses[c].alternatives.iter().enumerate() {
            let quality = alternative.quality;
            let misses = Misses::pack(alternative.typos, u8::from(alternative.prefix), 0);
            match &alternative.source {
                Source::Term(t) => {
                    let (programs, fields) = index.postings(*t);
                    // A pack's index notes the files it lacks as they are read: the
                    // spans too (for words apart, below), so all come in one round trip.
                    #[cfg(feature = "pack")]
                    if width > 1 {
                        index.spans(*t);
                    }
                    let start = index.ranges.get(*t as usize).map_or(0, |r| r.0);
                    for ((&p, &f), posting) in programs.iter().zip(fields).zip(start..) {
                        run.visit(p, table[f as usize & 127] * quality, misses, posting, c, step);
                    }
                }
                Source::Phrase(programs) => {
                    for &(p, weight, typos, apart) in programs {
                        let misses = Misses::pack(typos, 0, apart);
                        run.visit(p, weight * quality, misses, PHRASE | a as u32, c, step);
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
            if let (Some(total), Some(&clause)) = (run.misses.get_mut(p), run.clause_misses.get(p)) {
                *total = Misses::add(*total, clause);
            }
        }
        // Nothing met every clause so far: nothing will (see `STOPS_WHEN_EMPTY`).
        if STOPS_WHEN_EMPTY && run.touched == 0 {
            break;
        }
    }
    run.list.truncate(run.touched);
    // Words apart between clauses, in the order typed: each word and the next, where the
    // postings that matched say the words are.
    if width > 1 {
        let span = |slot: u32| match slot & PHRASE {
            0 => index.span_at(slot),
            _ => Span::NONE,
        };
        for &p in &run.list {
            let p = p as usize;
            let Some(best) = run.best.get(p * width..(p + 1) * width) else { continue };
            let mut apart = 0u16;
            let mut before = span(best[0]);
            for &slot in &best[1..] {
                let next = span(slot);
                apart += u16::from(before.apart(next));
                before = next;
            }
            if let Some(total) = run.misses.get_mut(p) {
                // Apart is the last field: add what fits.
                *total += apart.min(127 - Misses::apart(*total) as u16);
            }
        }
    }
    run
}

/// Finds the alternative of a clause that holds a posting: per clause, the term
/// alternatives' posting ranges, sorted, made the first time a hit's terms are asked for.
#[derive(Default)]
struct AlternativeLookup {
    /// Per clause: (first posting, end, alternative index), sorted.
    ranges: Option<Vec<Vec<(u32, u32, u32)>>>,
}

impl AlternativeLookup {
    #[cfg_attr(finder_size, optimize(speed))]
    fn find(&mut self, index: &SearchIndex, clauses: &[Clause], c: usize, slot: u32) -> Option<usize> {
        if slot & PHRASE != 0 {
            return Some((slot & !PHRASE) as usize);
        }
        let ranges = self.ranges.get_or_insert_with(|| {
            clauses
                .iter()
                .map(|clause| {
                    let mut list: Vec<(u32, u32, u32)> = clause
                        .alternatives
                        .iter()
                        .enumerate()
                        .filter_map(|(a, alternative)| match alternative.source {
                            Source::Term(t) => index.ranges.get(t as usize).map(|r| (r.0, r.1, a as u32)),
                            Source::Phrase(_) => None,
                        })
                        .collect();
                    list.sort_unstable();
                    list
                })
                .collect()
        });
        let list = ranges.get(c)?;
        let at = list.partition_point(|&(start, _, _)| start <= slot).checked_sub(1)?;
        let &(start, end, a) = list.get(at)?;
        (start <= slot && slot < end).then_some(a as usize)
    }
}

/// The index terms through which program `p` matched, in query order, each once.
#[cfg_attr(finder_size, optimize(speed))]
fn matched_terms(
    index: &SearchIndex,
    clauses: &[Clause],
    lookup: &mut AlternativeLookup,
    best: &[u32],
    p: usize,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (c, clause) in clauses.iter().enumerate() {
        let Some(&slot) = best.get(p * clauses.len() + c) else { continue };
        let Some(chosen) = lookup.find(index, clauses, c, slot) else { continue };
        let Some(alternative) = clause.alternatives.get(chosen) else { continue };
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
