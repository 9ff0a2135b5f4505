// Measures one engine on one catalogue, in a process of its own, so that each engine's
// memory is its own and no engine warms up or clutters the heap for another.
//
//   node --expose-gc bench/measure.mjs ENGINE CATALOGUE.json QUERIES.json TABLES.json OUT.json [EVERY]
//
// EVERY (default 1): time only every EVERY-th group of three consecutive queries (each
// group has one query of each kind), for an engine too slow to run them all.
// Writes OUT.json: build time, memory, each query's median time, and what each query
// found (counts, and hit ids for queries with words).
import { readFileSync, writeFileSync } from "node:fs";
import { ENGINES } from "./engines.mjs";

const [name, catalogueFile, queriesFile, tablesFile, outFile, every = "1"] = process.argv.slice(2);
/** Time for the timed passes over the queries, within 3 to 11 passes. */
const BUDGET_MS = 15_000;

const gc = globalThis.gc ?? (() => {});
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const engine = new ENGINES[name]();
const text = readFileSync(catalogueFile, "utf8");
const queriesText = readFileSync(queriesFile, "utf8");
const queries = JSON.parse(queriesText);
const tables = JSON.parse(readFileSync(tablesFile, "utf8"));
const selected = queries.map((_, i) => i).filter((i) => Math.floor(i / 3) % Number(every) === 0);

const heapBefore = heapUsed();
let start = performance.now();
const { loadMs, indexMs } = engine.build(text, tables);
const buildMs = performance.now() - start;
// The peers' heap growth: parsed catalogue facts and index (the text was read before).
const heapGrowth = heapUsed() - heapBefore;
const wasm = engine.memory();
engine.load(queries, queriesText);

// One untimed pass first: warms up each engine's code, and records what each query finds.
start = performance.now();
const found = {};
for (const i of selected) found[i] = engine.answer(i);
const warmUpMs = performance.now() - start;

// Timed passes over the queries, in order, so that a query does not find the caches
// warm from running just before; each query's time is its median over the passes.
const passes = Math.min(11, Math.max(3, Math.floor(BUDGET_MS / Math.max(warmUpMs, 1))));
const samples = new Map(selected.map((i) => [i, []]));
for (let pass = 0; pass < passes; pass++) {
  for (const i of selected) {
    start = performance.now();
    const total = engine.run(i);
    samples.get(i).push(performance.now() - start);
    if (total !== found[i].total) throw new Error(`${name}: query ${i} found ${found[i].total}, then ${total}`);
  }
}

// Building again, warm: how much of the first build was the code being compiled.
start = performance.now();
engine.build(text, tables);
const rebuildMs = performance.now() - start;
const loadOnly = engine.loadOnly?.(text) ?? null;

writeFileSync(
  outFile,
  JSON.stringify({
    engine: engine.name,
    programs: engine.programCount(),
    buildMs,
    loadMs,
    indexMs,
    rebuildMs,
    loadOnly,
    peakBytes: wasm?.peak ?? null,
    memoryBytes: wasm ? wasm.bytes : heapGrowth,
    liveBytes: wasm ? wasm.live : heapGrowth,
    passes,
    selected,
    times: Object.fromEntries([...samples].map(([i, times]) => [i, median(times)])),
    found: Object.fromEntries(Object.entries(found).map(([i, f]) => [i, { total: f.total, ids: queries[i].text ? f.ids : undefined, counts: toArrays(f.counts) }])),
  }),
);

/** Counts in one shape for every engine: plain arrays of numbers. */
function toArrays(counts) {
  const numbers = (list) => Array.from(list, (x) => (Array.isArray(x) ? x[1] : x));
  return {
    needs: numbers(counts.needs),
    counties: numbers(counts.counties),
    towns: numbers(counts.towns),
    ages: numbers(counts.ages),
    languages: numbers(counts.languages),
    free: counts.free,
  };
}
