// `make bench`: our search (wasm, in Node) against MiniSearch and Fuse.js, on the same
// synthetic catalogues and queries, with the same filters and counts for every engine.
//
//   node --expose-gc bench/run.mjs            (after building bench/pkg: see the Makefile)
//
// For each size: writes the catalogue and queries to target/bench/, measures each engine
// in a child process (bench/measure.mjs), prints a table, checks that the engines agree,
// and prints the issue's targets with PASS or MISS. Everything printed is also saved,
// with every query's time, to target/bench/results.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { MiniSearchPeer } from "./engines.mjs";

// BENCH_SIZES=1000 node ... for a quick try; the issue's sizes otherwise.
const SIZES = process.env.BENCH_SIZES?.split(",").map(Number) ?? [1_000, 10_000, 50_000];
const SEED = 7; // the same catalogues and queries on every run
const QUERY_COUNT = 240;
const ENGINE_KEYS = ["ours", "minisearch", "fuse"];
/**
 * Fuse.js scans every program for every query (about 35 ms a query at 1,000 programs
 * here, so well over a second at 50,000): at the larger sizes it runs one group of three
 * queries (one of each kind) in every EVERY, or the run would take most of an hour.
 */
const EVERY = { fuse: { 10_000: 2, 50_000: 6 } };

const require = createRequire(import.meta.url);
// BENCH_PKG=pkg-b compares another build of the module (bench/pkg-b) in the same conditions.
const wasm = require(`./${process.env.BENCH_PKG ?? "pkg"}/finder_bench.js`);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const OUT = here("../target/bench");
mkdirSync(OUT, { recursive: true });

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ms = (x) => (x < 10 ? x.toFixed(3) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const mb = (bytes) => (bytes / 1048576).toFixed(1);
const pad = (text, width) => String(text).padStart(width);
const thousands = (n) => n.toLocaleString("en-US");
/** How a peer's time compares with ours, in words that cannot be read backwards. */
const versus = (peer, ours) =>
  peer >= ours ? `${(peer / ours).toFixed(1)}× slower` : `${(ours / peer).toFixed(1)}× faster`;

const tablesFile = `${OUT}/tables.json`;
const queriesFile = `${OUT}/queries.json`;
writeFileSync(tablesFile, wasm.tables());
writeFileSync(queriesFile, wasm.generate_queries(QUERY_COUNT, SEED));
const queries = JSON.parse(readFileSync(queriesFile, "utf8"));
const tables = JSON.parse(readFileSync(tablesFile, "utf8"));
const kinds = { choices: "choices only", words: "words only", both: "words and choices" };
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}`;
const intro =
  `Node ${process.version} (V8 ${process.versions.v8}), ${machine}, load average ${loadavg()[0].toFixed(2)}; ` +
  `${QUERY_COUNT} queries (${Object.values(kinds).join(", ")}: a third each), seed ${SEED}`;
console.log(intro);

const results = { node: process.version, intro, seed: SEED, queries: QUERY_COUNT, sizes: [] };
for (const size of SIZES) {
  const catalogueFile = `${OUT}/catalogue-${size}.json`;
  const catalogueText = wasm.generate_catalogue(size, SEED);
  writeFileSync(catalogueFile, catalogueText);
  const engines = {};
  for (const key of ENGINE_KEYS) {
    const outFile = `${OUT}/result-${size}-${key}.json`;
    const every = EVERY[key]?.[size] ?? 1;
    const args = ["--expose-gc", here("measure.mjs"), key, catalogueFile, queriesFile, tablesFile, outFile, String(every)];
    execFileSync(process.execPath, args, { stdio: "inherit" });
    const result = JSON.parse(readFileSync(outFile, "utf8"));
    if (result.programs !== size) throw new Error(`${result.engine} loaded ${result.programs} of ${size} programs`);
    result.every = every;
    const times = Object.values(result.times);
    result.median = percentile(times, 50);
    result.p95 = percentile(times, 95);
    for (const kind of Object.keys(kinds)) {
      const some = Object.entries(result.times).filter(([i]) => queries[i].kind === kind);
      result[kind] = { median: percentile(some.map(([, t]) => t), 50), p95: percentile(some.map(([, t]) => t), 95) };
    }
    engines[key] = result;
  }
  const report = { size, lines: [], engines: {} };
  const say = (line = "") => {
    console.log(line);
    report.lines.push(line);
  };
  say();
  printTable(engines, size, say);
  agreement(engines, JSON.parse(catalogueText), say);
  targets(engines, size, say);
  for (const [key, { found, ...summary }] of Object.entries(engines)) report.engines[key] = summary;
  results.sizes.push(report);
}
results.loadAverageAtEnd = loadavg()[0];
console.log(`\nload average at the end: ${results.loadAverageAtEnd.toFixed(2)}`);
writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 1));

function printTable(engines, size, say) {
  const ours = engines.ours;
  const head = `${thousands(size)} programs`.padEnd(24);
  say(`${head}${pad("load ms", 9)}${pad("index ms", 10)}${pad("median ms", 11)}${pad("p95 ms", 9)}${pad("memory MB", 11)}${pad("median vs ours", 17)}${pad("p95 vs ours", 15)}`);
  for (const r of Object.values(engines)) {
    const mark = r.selected.length < QUERY_COUNT ? "*" : "";
    const [median, p95] = r === ours ? ["—", "—"] : [versus(r.median, ours.median), versus(r.p95, ours.p95)];
    say(
      `${(r.engine + mark).padEnd(24)}${pad(ms(r.loadMs), 9)}${pad(ms(r.indexMs), 10)}${pad(ms(r.median), 11)}${pad(ms(r.p95), 9)}` +
        `${pad(mb(r.memoryBytes), 11)}${pad(median, 17)}${pad(p95, 15)}`,
    );
  }
  for (const r of Object.values(engines).filter((r) => r.selected.length < QUERY_COUNT)) {
    say(`  * ${r.engine}: timed on ${r.selected.length} of the ${QUERY_COUNT} queries (one group of three queries in every ${r.every})`);
  }
  say(
    `  memory: ours = wasm linear memory, which only grows (at most ${mb(ours.peakBytes)} MB allocated at once during ` +
      `the build, ${mb(ours.liveBytes)} MB still allocated after it); peers = JS heap growth after the build, with gc`,
  );
  say(
    `  build again, warm: ${Object.values(engines).map((r) => `${r.engine.split(" ")[0]} ${ms(r.rebuildMs)} ms`).join(", ")}` +
      `; of ours, loading the JSON alone (catalogue::load, warm): ${ms(ours.loadOnly.ms)} ms, ` +
      `at most ${mb(ours.loadOnly.peakBytes)} MB allocated at once`,
  );
  for (const [kind, label] of Object.entries(kinds)) {
    const parts = Object.values(engines).map((r) => `${r.engine.split(" ")[0]} ${ms(r[kind].median)}/${ms(r[kind].p95)}`);
    say(`  ${label.padEnd(18)} median/p95 ms: ${parts.join(", ")}`);
  }
  say(`  timed runs per query (after one untimed): ${Object.values(engines).map((r) => `${r.engine.split(" ")[0]} ${r.passes}`).join(", ")}`);
}

/** Do the engines find the same programs? Queries with words by ids; choices only by counts. */
function agreement(engines, catalogue, say) {
  const ours = engines.ours;
  const peers = [engines.minisearch, engines.fuse];
  const common = (i) => peers.every((peer) => peer.found[i]);
  const keyword = queries.map((_, i) => i).filter((i) => queries[i].text && common(i));
  for (const peer of peers) {
    let same = 0;
    let peerMore = 0;
    let oursMore = 0;
    for (const i of queries.map((_, i) => i).filter((i) => queries[i].text && peer.found[i])) {
      const [a, b] = [new Set(ours.found[i].ids), new Set(peer.found[i].ids)];
      const missing = [...b].some((p) => !a.has(p));
      const extra = [...a].some((p) => !b.has(p));
      same += !missing && !extra;
      peerMore += missing;
      oursMore += extra;
    }
    const total = Object.keys(peer.found).filter((i) => queries[i].text).length;
    say(
      `  agreement with ${peer.engine}: ${same}/${total} queries with words find exactly the same programs; ` +
        `it finds programs we do not in ${peerMore}, we find programs it does not in ${oursMore}`,
    );
  }
  // Choices only: no text search is involved, so totals and every count must be equal.
  const choiceOnly = queries.map((_, i) => i).filter((i) => !queries[i].text && common(i));
  const same = choiceOnly.filter((i) =>
    peers.every((peer) => JSON.stringify({ ...peer.found[i] }) === JSON.stringify({ ...ours.found[i] })),
  );
  say(`  queries with choices only, same total and counts in all three: ${same.length}/${choiceOnly.length}`);

  // Programs both peers find and we do not: each is a possible defect to look at.
  const cases = [];
  for (const i of keyword) {
    const a = new Set(ours.found[i].ids);
    const fuse = new Set(engines.fuse.found[i].ids);
    const both = engines.minisearch.found[i].ids.filter((p) => fuse.has(p) && !a.has(p));
    if (both.length) cases.push({ i, programs: both });
  }
  say(`  queries with words where both peers find a program we miss: ${cases.length}/${keyword.length}`);
  if (!cases.length) return;
  const explainer = new MiniSearchPeer();
  explainer.build(JSON.stringify(catalogue), tables);
  for (const { i, programs } of cases.slice(0, 10)) {
    const p = programs[0];
    const q = queries[i];
    const words = explainer.explain(q, p).map((w) => `"${w}"`);
    const count = `${programs.length} program${programs.length > 1 ? "s" : ""}`;
    say(`    query ${i} "${q.text}" (${q.note}; ${count}), e.g. "${catalogue.programs[p].name}": MiniSearch matched ${words.join(", ")}`);
  }
}

function targets(engines, size, say) {
  const ours = engines.ours;
  const check = (ok) => (ok ? "PASS" : "MISS");
  if (size === 10_000) {
    const speedup = engines.minisearch.median / ours.median;
    say(
      `  targets (10k): p95 ≤ 1 ms including counts: ${ms(ours.p95)} ms ${check(ours.p95 <= 1)}; ` +
        `≥ 5× faster than MiniSearch's median: ${speedup.toFixed(1)}× ${check(speedup >= 5)}`,
    );
  } else if (size === 50_000) {
    say(
      `  targets (50k): index build ≤ 300 ms: ${ms(ours.indexMs)} ms ${check(ours.indexMs <= 300)} ` +
        `(and ${ms(ours.loadMs)} ms before it to read the JSON); ` +
        `p95 ≤ 5 ms: ${ms(ours.p95)} ms ${check(ours.p95 <= 5)}`,
    );
  } else {
    say(`  targets (${thousands(size)}): none set by the issue`);
  }
}
