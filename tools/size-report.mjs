// Prints what a family's phone downloads: raw, gzip and brotli sizes of the widget's
// wasm, JS and CSS in dist/. Usage: node tools/size-report.mjs dist [--budget size-budget.json]
// With --budget, exits with an error when the brotli total is over the file's budget_kb.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budgetAt = process.argv.indexOf("--budget");
const budgetFile = budgetAt > 0 ? process.argv[budgetAt + 1] : null;
// Not the precompressed copies `make dist` writes beside each file (tools/compress.mjs).
const files = readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f));
const pick = (test) => files.filter(test).map((f) => join(dir, f));
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
/** What build.rs ships: no comments, each run of white space one space. */
function compactCss(data) {
  const text = data.toString("utf8").replace(/\/\*[\s\S]*?(\*\/|$)/g, "");
  return Buffer.from(text.split(/\s+/).filter(Boolean).join(" "));
}
const sizes = (paths, shape = (data) => data) => {
  const data = shape(Buffer.concat(paths.map((p) => readFileSync(p))));
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// Two builds, each what a page with one script tag downloads: program-finder.js (catalogue
// JSON, most pages) and program-finder-pack.js (catalogue packs too, for big catalogues).
const builds = [
  ["program-finder.js", "program-finder-wasm", "budget_kb"],
  ["program-finder-pack.js", "program-finder-pack-wasm", "pack_budget_kb"],
];
const totals = {};
for (const [script, module] of builds) {
  const groups = [
    ["wasm", pick((f) => new RegExp(`^${module}-[0-9a-f]+_bg\\.wasm$`).test(f))],
    ["JS (loader + glue + CSS)", pick((f) => f === script)],
    // The widget's CSS is inside the script (adopted in each shadow root), without its
    // comments (tools/write-loader.mjs).
    ["CSS (inside the JS)", ["style/finder.css"], compactCss],
  ];
  console.log(`\nSize report: ${script} (what a browser downloads)`);
  console.log("part".padEnd(24) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [name, paths, shape] of groups) {
    const s = sizes(paths, shape);
    console.log(name.padEnd(24) + kb(s.raw) + kb(s.gzip) + kb(s.brotli));
    if (!name.startsWith("CSS")) for (const k in total) total[k] += s[k];
  }
  console.log("total downloaded".padEnd(24) + kb(total.raw) + kb(total.gzip) + kb(total.brotli));
  console.log("(the CSS row is already counted inside the JS)");
  totals[script] = total;
}
const checker = sizes(pick((f) => f.startsWith("program-finder-checker")));
console.log("staff checker page".padEnd(24) + kb(checker.raw) + kb(checker.gzip) + kb(checker.brotli) + "  (check.html only; families never load it)\n");

if (budgetFile) {
  const budgets = JSON.parse(readFileSync(budgetFile, "utf8"));
  let over = false;
  for (const [script, , key] of builds) {
    const budget = budgets[key];
    const used = totals[script].brotli / 1024;
    const line = `size budget of ${script} (${budgetFile}, ${key}): ${used.toFixed(1)} KB brotli of ${budget} KB allowed (goal ${budgets.goal_kb} KB)`;
    if (!(used <= budget)) {
      console.error(`${line}: OVER by ${(used - budget).toFixed(1)} KB`);
      over = true;
    } else {
      console.log(`${line}: within`);
    }
  }
  if (over) process.exit(1);
}
