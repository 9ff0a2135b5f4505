// The three engines behind one interface, so that bench/measure.mjs times them alike:
//   build(catalogueText, tables)  from catalogue JSON text to ready to answer (timed);
//                                 returns { loadMs, indexMs }: the JSON read into the
//                                 engine's catalogue, then the index built from it
//   load(queries, queriesText)    hand over the queries (not timed)
//   run(i)                        query i, with the filters and the counts (timed)
//   answer(i)                     what query i found: { total, ids, counts }, for the
//                                 agreement checks (not timed)
import { createRequire } from "node:module";
import MiniSearch from "minisearch";
import Fuse from "fuse.js";
import { Facets, fold } from "./facets.mjs";

const require = createRequire(import.meta.url);

/** Our engine: finder_search compiled to wasm (bench/src/lib.rs). */
export class Ours {
  name = "Program Finder (wasm)";

  constructor() {
    // wasm-bindgen's nodejs output is CommonJS and instantiates the module on require.
    // BENCH_PKG=pkg-b: another build of the module, to compare two in the same conditions.
    this.wasm = require(`./${process.env.BENCH_PKG ?? "pkg"}/finder_bench.js`);
  }

  build(text) {
    let start = performance.now();
    this.engine = this.wasm.Engine.load(text);
    const loadMs = performance.now() - start;
    start = performance.now();
    this.engine.build_index();
    return { loadMs, indexMs: performance.now() - start };
  }

  load(_queries, queriesText) {
    this.engine.load_queries(queriesText);
  }

  run(i) {
    return this.engine.run(i);
  }

  answer(i) {
    return { total: this.engine.run(i), ids: Array.from(this.engine.ids(i)), counts: JSON.parse(this.engine.counts(i)) };
  }

  /**
   * Loads the catalogue without indexing it, to tell the load's share of the build:
   * its time, and the most bytes it had allocated at once.
   */
  loadOnly(text) {
    this.wasm.reset_peak();
    const start = performance.now();
    this.wasm.load_only(text);
    return { ms: performance.now() - start, peakBytes: this.wasm.peak_bytes() - this.wasm.live_bytes() };
  }

  programCount() {
    return this.engine.program_count();
  }

  /** Wasm linear memory (the peak: it never shrinks), bytes still allocated, most bytes allocated at once. */
  memory() {
    return { bytes: this.wasm.memory_bytes(), live: this.wasm.live_bytes(), peak: this.wasm.peak_bytes() };
  }
}

/** What the peers search: the same text fields the core indexes, as plain strings. */
export function documents(catalogue) {
  const labels = new Map(catalogue.needs.map((n) => [n.id, [n.label, ...Object.values(n.labels ?? {})].join(" ")]));
  return catalogue.programs.map((p, i) => ({
    id: i,
    name: p.name,
    organization: p.organization ?? "",
    description: p.description ?? "",
    eligibility: p.eligibility ?? "",
    needLabels: p.needs.map((id) => labels.get(id) ?? "").join(" "),
    towns: (p.towns ?? []).join(" "),
    translation: Object.values(p.translations ?? {})
      .flatMap((t) => [t.name, t.description, t.eligibility])
      .filter(Boolean)
      .join(" "),
  }));
}

/** Field weights: the core's (search/src/query.rs `Weights`). */
const WEIGHTS = { name: 10, needLabels: 6, organization: 4, towns: 3, description: 2, eligibility: 2, translation: 2 };

/** Text search by a peer, then the same filters and counts as the core, in JS. */
class Peer {
  build(text, tables) {
    let start = performance.now();
    const catalogue = JSON.parse(text);
    const loadMs = performance.now() - start;
    start = performance.now();
    this.stop = new Set(tables.stop_words);
    this.facets = new Facets(catalogue, tables);
    this.index(documents(catalogue));
    return { loadMs, indexMs: performance.now() - start };
  }

  load(queries) {
    this.queries = queries;
  }

  /** The query's words as the core reads them: folded, split, stop words left out. */
  words(text) {
    return fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !this.stop.has(w));
  }

  search(query) {
    const words = this.words(query.text);
    const candidates = words.length ? this.find(query.text, words) : null;
    return this.facets.filterAndCount(candidates, query);
  }

  run(i) {
    return this.search(this.queries[i]).passing.length;
  }

  answer(i) {
    const { passing, counts } = this.search(this.queries[i]);
    return { total: passing.length, ids: [...passing].sort((a, b) => a - b), counts };
  }

  programCount() {
    return this.facets.n;
  }

  memory() {
    return null; // measured as the heap's growth by bench/measure.mjs
  }
}

/** MiniSearch: prefix search on every word, typos as the core allows them, all words required. */
export class MiniSearchPeer extends Peer {
  name = "MiniSearch";

  index(docs) {
    const stop = this.stop;
    this.miniSearch = new MiniSearch({
      fields: Object.keys(WEIGHTS),
      processTerm: (term) => {
        const folded = fold(term);
        return stop.has(folded) ? null : folded;
      },
      searchOptions: {
        boost: WEIGHTS,
        prefix: true,
        // The core's typo budget: none below 4 letters, 1 edit for 4–7, 2 for 8 or more.
        fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
        combineWith: "AND",
      },
    });
    this.miniSearch.addAll(docs);
  }

  find(text) {
    return this.miniSearch.search(text).map((result) => result.id);
  }

  /** For reports: the catalogue words through which MiniSearch found program `p`. */
  explain(query, p) {
    const hit = this.miniSearch.search(query.text).find((result) => result.id === p);
    return hit ? Object.keys(hit.match) : [];
  }
}

/** Fuse.js: approximate matching anywhere in each field; every word must match some field. */
export class FusePeer extends Peer {
  name = "Fuse.js";

  index(docs) {
    this.fuse = new Fuse(docs, {
      keys: Object.entries(WEIGHTS).map(([name, weight]) => ({ name, weight })),
      threshold: 0.3,
      // Search the whole of each field, as the core does, not only its first ~30 letters.
      ignoreLocation: true,
      ignoreDiacritics: true,
      useExtendedSearch: false,
    });
  }

  find(_text, words) {
    // One word: a plain search. More: a logical AND of the words, each over every key.
    const results = this.fuse.search(words.length === 1 ? words[0] : { $and: words });
    return results.map((result) => result.refIndex);
  }
}

export const ENGINES = { ours: Ours, minisearch: MiniSearchPeer, fuse: FusePeer };
