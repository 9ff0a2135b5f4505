// `make bench`, after run.mjs: how well each engine ranks, on the relevance set of
// search/tests/relevance/ (its README says how the programs were judged).
//
//   node bench/relevance.mjs        (ours needs bench/pkg, built by `make bench`)
//
// For each engine and each query: nDCG@10 (the first ten hits' gain, 2^grade − 1
// discounted by log2(position + 1), over the best gain the judgments allow) and whether
// the first hit is relevant (P@1); then the means, the means per kind of query, and the
// worst queries. The native test `search/tests/relevance.rs` computes the same for our
// engine and keeps it from falling. MiniSearch is configured exactly as in run.mjs
// (engines.mjs). Results are also saved to target/bench/relevance.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { MiniSearchPeer, documents } from "./engines.mjs";

const require = createRequire(import.meta.url);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const catalogueText = readFileSync(here("../search/tests/relevance/catalogue.json"), "utf8");
const catalogue = JSON.parse(catalogueText);
const judged = JSON.parse(readFileSync(here("../search/tests/relevance/judgments.json"), "utf8"));
const hasOurs = existsSync(here("pkg/finder_bench.js"));
const wasm = hasOurs ? require("./pkg/finder_bench.js") : null;

/** nDCG@10 of a ranked list of program ids, against one query's judgments. */
export function ndcgAt10(ranked, relevant) {
  const gain = (grade, position) => (2 ** grade - 1) / Math.log2(position + 2);
  const dcg = ranked.slice(0, 10).reduce((sum, id, i) => sum + gain(relevant[id] ?? 0, i), 0);
  const ideal = Object.values(relevant).sort((a, b) => b - a).slice(0, 10);
  const best = ideal.reduce((sum, grade, i) => sum + gain(grade, i), 0);
  return best ? dcg / best : 0;
}

/** The stop words: from our module's tables, or (MiniSearch alone) from the source. */
function stopWords() {
  if (wasm) return JSON.parse(wasm.tables()).stop_words;
  const source = readFileSync(here("../search/src/text.rs"), "utf8");
  const list = source.match(/STOP_WORDS: &\[&str\] = &\[([^\]]*)\]/)[1];
  return [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

const ids = catalogue.programs.map((p) => p.id);
const engines = [];
if (wasm) {
  const ours = new wasm.Engine(catalogueText);
  engines.push({ name: "Program Finder (wasm)", rank: (text) => Array.from(ours.ranked(text), (p) => ids[p]) });
}
const mini = new MiniSearchPeer();
mini.stop = new Set(stopWords());
mini.index(documents(catalogue));
engines.push({ name: "MiniSearch", rank: (text) => mini.miniSearch.search(text).map((r) => ids[r.id]) });

const kinds = [...new Set(judged.map((j) => j.kind))];
const report = { programs: ids.length, queries: judged.length, engines: [] };
console.log(`\nRelevance: ${ids.length} programs, ${judged.length} judged queries (search/tests/relevance/)`);
for (const engine of engines) {
  const rows = judged.map((j) => {
    const ranked = engine.rank(j.query);
    return { query: j.query, kind: j.kind, ndcg: ndcgAt10(ranked, j.relevant), first: (j.relevant[ranked[0]] ?? 0) > 0, found: ranked.length, top: ranked.slice(0, 3) };
  });
  const mean = (list) => list.reduce((sum, r) => sum + r.ndcg, 0) / list.length;
  const p1 = rows.filter((r) => r.first).length / rows.length;
  console.log(`${engine.name.padEnd(24)} nDCG@10 ${mean(rows).toFixed(3)}   P@1 ${p1.toFixed(3)}`);
  console.log(`  by kind: ${kinds.map((k) => `${k} ${mean(rows.filter((r) => r.kind === k)).toFixed(3)}`).join(", ")}`);
  const worst = [...rows].sort((a, b) => a.ndcg - b.ndcg).slice(0, 8);
  const name = (id) => catalogue.programs.find((p) => p.id === id)?.name;
  console.log(`  worst: ${worst.map((r) => `"${r.query}" ${r.ndcg.toFixed(2)} (${r.found} found${r.top.length ? `, first "${name(r.top[0])}"` : ""})`).join("; ")}`);
  report.engines.push({ engine: engine.name, ndcg: mean(rows), p1, rows });
}
if (!wasm) console.log("  (ours not measured: bench/pkg is not built; `make bench` builds it)");
const out = here("../target/bench");
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/relevance.json`, JSON.stringify(report, null, 1));
