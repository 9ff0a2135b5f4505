// Start-up: how soon a family sees the widget's frame, the first program cards, and a
// search that works, on a desktop and on a throttled phone, against a minimal JavaScript
// finder (bench/peer/: Preact + htm + MiniSearch) loading the same catalogues.
//
//   node bench/startup.mjs                 (needs dist/ from `make dist`; the synthetic
//                                            catalogues need bench/pkg from `make bench`)
//   STARTUP_RUNS=9 node bench/startup.mjs   (runs per profile, catalogue and finder; default 5)
//   STARTUP_ONLY=phone,sample node bench/startup.mjs   (only the profiles, catalogues or
//                                                       finders named: ours, peer)
//   STARTUP_DIST=/elsewhere node bench/startup.mjs     (another build's files)
//
// Headless Chromium, dist/ served compressed by tests/e2e/server.mjs (brotli, as a CDN
// would), the browser cache disabled, a fresh browser context for every run. Prints a
// table to paste into BENCHMARKS.md ("Start-up") and saves every number to
// target/bench/startup.json.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { brotliCompressSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.mjs";

const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const ONLY = (process.env.STARTUP_ONLY ?? "").split(",").filter(Boolean);
const SEED = 7; // as in bench/run.mjs and bench/longtasks.mjs
const TYPED = "food";
const SETTLED_MS = 500; // the results count as final once unchanged this long after typing
const PROFILES = [
  { id: "phone", label: "phone: 4× slower CPU, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, 375×667", viewport: { width: 375, height: 667 }, cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 } },
  { id: "desktop", label: "desktop: no throttling, 1280×900", viewport: { width: 1280, height: 900 }, cpu: 1, network: null },
];
const TARGETS = [
  { profile: "phone", catalogue: "sample", metric: "card", ms: 1500, text: "phone, sample catalogue: first card ≤ 1.5 s (median)" },
  { profile: "phone", catalogue: "sample", metric: "frame", ms: 700, text: "phone, sample catalogue: frame ≤ 0.7 s (median)" },
  { profile: "desktop", catalogue: "sample", metric: "card", ms: 150, text: "desktop, sample catalogue: first card ≤ 150 ms (median)" },
];

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const DIST = process.env.STARTUP_DIST ?? here("../dist");
const started = Date.now();
if (!existsSync(`${DIST}/program-finder.js`)) {
  console.error("bench/startup: dist/program-finder.js is missing; run `make dist` first.");
  process.exit(1);
}

// --- The pages: one per catalogue for the widget, and the same for the peer ----------
const sampleSize = JSON.parse(readFileSync(`${DIST}/sample-catalogue.json`, "utf8")).programs.length;
const catalogues = [{ id: "sample", label: `sample catalogue (${sampleSize} programs)`, file: null, peerFile: "sample-catalogue.json" }];
const require = createRequire(import.meta.url);
let bench = null;
try {
  bench = require("./pkg/finder_bench.js");
} catch {
  console.log("bench/startup: bench/pkg is missing (`make bench` builds it): the sample catalogue only.");
}
for (const size of bench ? [1000, 5000] : []) {
  const file = `bench-${size / 1000}k.json`;
  writeFileSync(`${DIST}/${file}`, bench.generate_catalogue(size, SEED));
  catalogues.push({ id: `${size / 1000}k`, label: `${size.toLocaleString("en-US")} programs`, file, peerFile: file });
}
const head = (title) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>`;
for (const c of catalogues) {
  // Without data-catalogue the widget shows its bundled sample catalogue.
  const attribute = c.file ? ` data-catalogue="${c.file}"` : "";
  writeFileSync(`${DIST}/startup-${c.id}.html`, `${head(`Program Finder: ${c.label}`)}
<script src="program-finder.js" defer></script>
</head>
<body>
<div data-program-finder${attribute}></div>
</body>
</html>
`);
}
// The peer, its modules copied from node_modules (served unbundled through an import map).
const PEER = `${DIST}/bench-peer`;
mkdirSync(`${PEER}/vendor`, { recursive: true });
const modules = {
  preact: "preact/dist/preact.mjs",
  "preact/hooks": "preact/hooks/dist/hooks.mjs",
  htm: "htm/dist/htm.mjs",
  minisearch: "minisearch/dist/es/index.js",
};
const imports = {};
for (const [name, path] of Object.entries(modules)) {
  const copy = `${name.replace("/", "-")}.js`;
  // Without the source map comment: the map is not copied.
  const text = readFileSync(here(`../node_modules/${path}`), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  writeFileSync(`${PEER}/vendor/${copy}`, text);
  imports[name] = `./vendor/${copy}`;
}
copyFileSync(here("peer/finder.js"), `${PEER}/finder.js`);
copyFileSync(here("peer/peer.css"), `${PEER}/peer.css`);
for (const c of catalogues) {
  writeFileSync(`${PEER}/${c.id}.html`, `${head(`Preact + MiniSearch finder: ${c.label}`)}
<link rel="stylesheet" href="peer.css">
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module" src="finder.js"></script>
</head>
<body>
<div data-peer-finder data-catalogue="../${c.peerFile}"></div>
</body>
</html>
`);
}
const FINDERS = [
  { id: "ours", label: "Program Finder", page: (c) => `startup-${c.id}.html`, host: "[data-program-finder]" },
  { id: "peer", label: "Preact + MiniSearch", page: (c) => `bench-peer/${c.id}.html`, host: "[data-peer-finder]" },
];

// --- In the page, before any of its scripts: the milestones --------------------------
// Polled each animation frame (just before the browser paints it), inside the widget's
// shadow root when there is one (a MutationObserver on the document cannot see into it),
// else in the document (the peer).
function probe() {
  const marks = { frame: null, card: null };
  let cardSeen;
  const card = new Promise((ok) => (cardSeen = ok));
  const scope = () => document.querySelector("[data-program-finder]")?.shadowRoot ?? document;
  /** What the family sees of the results: the counts' text and the cards shown. */
  const results = () => {
    const root = scope();
    const status = [...root.querySelectorAll("[role=status]")].map((e) => e.textContent.trim()).join(" | ");
    return status + " | " + [...root.querySelectorAll("[data-program-id]")].map((e) => e.dataset.programId).join(",");
  };
  (function tick() {
    const root = scope();
    if (marks.frame === null && root.querySelector("section.finder")) marks.frame = performance.now();
    if (marks.card === null && root.querySelector("[data-program-id]")) {
      marks.card = performance.now();
      marks.frame ??= marks.card;
      cardSeen(marks);
    }
    if (marks.card === null) requestAnimationFrame(tick);
  })();

  /** Starts watching the results; settled() resolves once they changed and stayed put. */
  function watch(keys) {
    const seen = { keys: [], changes: [] };
    let last = results();
    addEventListener(
      "keydown",
      (event) => {
        // When the key was sent (event.timeStamp), even if the page was too busy to
        // handle it at once; performance.now() if the timestamp looks wrong.
        const now = performance.now();
        seen.keys.push(event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now);
      },
      true,
    );
    (function tick() {
      const now = results();
      if (now !== last) seen.changes.push({ at: performance.now(), results: now.slice(0, 200) });
      last = now;
      requestAnimationFrame(tick);
    })();
    return function settled(quietMs, timeoutMs) {
      const start = performance.now();
      return new Promise((ok) => {
        (function check() {
          const quiet = performance.now() - (seen.changes.at(-1)?.at ?? Infinity) >= quietMs;
          if ((seen.keys.length >= keys && quiet) || performance.now() - start > timeoutMs) ok(seen);
          else setTimeout(check, 50);
        })();
      });
    };
  }
  window.__startup = { marks, card, watch };
}

/** The page's navigation and resources: when each file started and finished, its size. */
function waterfall() {
  const short = (url) => {
    const u = new URL(url);
    const name = u.pathname.split("/").pop() || "/";
    return name.replace(/-[0-9a-f]{8,16}(?=(_bg)?\.)/, "-<hash>");
  };
  const row = (e) => ({ file: short(e.name), start: e.startTime, end: e.responseEnd, transfer: e.transferSize, size: e.decodedBodySize });
  return [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map(row);
}

// --- One run: a fresh context, throttled through the DevTools protocol ---------------
async function run(browser, server, finder, catalogue, profile) {
  const context = await browser.newContext({ viewport: profile.viewport });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    if (profile.network) await cdp.send("Network.emulateNetworkConditions", profile.network);
    await page.addInitScript(probe);
    await page.goto(server.url + finder.page(catalogue), { waitUntil: "commit" });
    const marks = await page.evaluate(() =>
      Promise.race([window.__startup.card, new Promise((_, fail) => setTimeout(() => fail(new Error("no program card after 90 s")), 90_000))]),
    );

    // At once after the first card: type into the search box, as an eager family would.
    await page.evaluate((keys) => (window.__settled = window.__startup.watch(keys)), TYPED.length);
    // Both finders' search boxes are `type="search"` (ours has the combobox role: suggestions).
    await page.locator(finder.host).locator('input[type="search"]').first().focus();
    await page.keyboard.type(TYPED);
    const seen = await page.evaluate(([quiet, timeout]) => window.__settled(quiet, timeout), [SETTLED_MS, 30_000]);
    const final = seen.changes.at(-1);
    return {
      frame: marks.frame,
      card: marks.card,
      results: final ? final.at : null,
      typing: final ? final.at - seen.keys[0] : null,
      firstKey: seen.keys[0],
      resultsText: final ? final.results.split(" | ")[0] : null,
      waterfall: await page.evaluate(waterfall),
      errors,
    };
  } finally {
    await context.close();
  }
}

// --- Statistics and printing ---------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => {
  const ok = xs.filter((x) => x !== null);
  return ok.length ? { median: median(ok), min: Math.min(...ok), max: Math.max(...ok), n: ok.length } : null;
};
const ms = (x) => String(Math.round(x));
const cell = (s, width = 22) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : "—").padEnd(width);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Which build: the wasm files and what the size report says the widget weighs. */
function buildInfo() {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith(".wasm")).sort();
  const sizes = wasm.map((f) => {
    const data = readFileSync(`${DIST}/${f}`);
    const br = existsSync(`${DIST}/${f}.br`) ? statSync(`${DIST}/${f}.br`).size : brotliCompressSync(data).length;
    return `${f} ${kb(data.length)} raw, ${kb(br)} brotli`;
  });
  const report = spawnSync(process.execPath, [here("../tools/size-report.mjs"), DIST], { encoding: "utf8" });
  const [raw, gzip, brotli] = (report.stdout.match(/^total downloaded.*$/m) ?? [""])[0].match(/[\d.]+ KB/g) ?? [];
  const total = brotli ? `total downloaded ${raw} raw, ${gzip} gzip, ${brotli} brotli` : "(size report failed)";
  return { built: statSync(`${DIST}/program-finder.js`).mtime.toISOString(), wasm: sizes, sizeReport: total };
}

// --- Main ------------------------------------------------------------------------------
/** The items STARTUP_ONLY names, or all of them when it names none of this kind. */
const only = (items) => (items.some((i) => ONLY.includes(i.id)) ? items.filter((i) => ONLY.includes(i.id)) : items);
const profiles = only(PROFILES);
const chosen = only(catalogues);
const finders = only(FINDERS);
const build = buildInfo();
const load = { start: loadavg()[0] };
const server = await startServer({ root: DIST });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const profile of profiles) {
    for (const catalogue of chosen) {
      const runs = Object.fromEntries(finders.map((f) => [f.id, []]));
      // Interleaved, so that a slow moment of the machine hits both finders alike.
      for (let i = 0; i < RUNS; i++) {
        for (const finder of finders) {
          try {
            runs[finder.id].push(await run(browser, server, finder, catalogue, profile));
            process.stdout.write(".");
          } catch (error) {
            // A run that never showed a card counts as missing, and says why.
            runs[finder.id].push({ frame: null, card: null, results: null, typing: null, waterfall: [], errors: [String(error.message ?? error)] });
            process.stdout.write("x");
          }
        }
      }
      results.push({ profile: profile.id, catalogue: catalogue.id, runs });
    }
  }
} finally {
  await browser.close();
  server.close();
}
load.end = loadavg()[0];
process.stdout.write("\n");

const summary = results.map(({ profile, catalogue, runs }) => {
  const of = (id) => (runs[id] ? {
    frame: stats(runs[id].map((r) => r.frame)),
    card: stats(runs[id].map((r) => r.card)),
    results: stats(runs[id].map((r) => r.results)),
    typing: stats(runs[id].map((r) => r.typing)),
  } : {});
  return { profile, catalogue, ours: of("ours"), peer: of("peer") };
});

const lines = [];
const say = (line = "") => lines.push(line);
say(`Start-up (bench/startup.mjs), headless Chromium ${browser.version()}, ${RUNS} runs each, median (min–max) in ms from navigation`);
say(`  widget: dist/ built ${build.built}; ${build.wasm.join("; ")}`);
say(`  size report: ${build.sizeReport}`);
say(`  frame: the widget's frame painted; first card: the first program card; "${TYPED}" results: the list filtered after`);
say(`  typing "${TYPED}" at once after the first card; after typing: from the first key to those results`);
say(`  machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, load average ${load.start.toFixed(2)} at the start, ${load.end.toFixed(2)} at the end`);
for (const profile of profiles) {
  say();
  say(profile.label);
  say("  " + "".padEnd(30) + "frame".padEnd(22) + "first card".padEnd(22) + `"${TYPED}" results`.padEnd(22) + "after typing");
  for (const s of summary.filter((s) => s.profile === profile.id)) {
    const c = catalogues.find((c) => c.id === s.catalogue);
    say(`  ${c.label}`);
    for (const f of finders) say(`    ${f.label.padEnd(28)}${cell(s[f.id].frame)}${cell(s[f.id].card)}${cell(s[f.id].results)}${cell(s[f.id].typing, 0)}`);
    const ratio = (m) => (s.ours[m] && s.peer[m] ? `${(s.ours[m].median / s.peer[m].median).toFixed(2)}×` : "—");
    say(`    ${"ours / peer (medians)".padEnd(28)}${ratio("frame").padEnd(22)}${ratio("card").padEnd(22)}${ratio("results").padEnd(22)}${ratio("typing")}`);
  }
}
say();
say("Requests of one phone run (the one with the median first card): start and end in ms from navigation; transferred includes headers");
const waterfalls = [];
for (const r of results.filter((r) => r.profile === "phone")) {
  for (const f of finders) {
    const runs = r.runs[f.id];
    const shown = runs.filter((run) => run.card !== null).sort((a, b) => a.card - b.card);
    const pick = shown[shown.length >> 1];
    if (!pick) continue;
    waterfalls.push({ catalogue: r.catalogue, finder: f.id, card: pick.card, rows: pick.waterfall });
    say(`  ${f.label}, ${catalogues.find((c) => c.id === r.catalogue).label} (first card at ${ms(pick.card)} ms)`);
    say(`    ${"file".padEnd(40)}${"start".padStart(6)}${"end".padStart(8)}${"transferred".padStart(13)}${"unpacked".padStart(11)}`);
    for (const row of [...pick.waterfall].sort((a, b) => a.start - b.start)) {
      say(`    ${row.file.padEnd(40)}${ms(row.start).padStart(6)}${ms(row.end).padStart(8)}${kb(row.transfer).padStart(13)}${kb(row.size).padStart(11)}`);
    }
  }
}
say();
say("Targets");
const verdicts = [];
for (const t of TARGETS) {
  const s = summary.find((s) => s.profile === t.profile && s.catalogue === t.catalogue)?.ours[t.metric];
  if (!s) continue;
  const pass = s.median <= t.ms;
  verdicts.push({ ...t, measured: s.median, pass });
  say(`  ${t.text}: ${ms(s.median)} ms ${pass ? "PASS" : "MISS"}`);
}
const errors = results.flatMap((r) => Object.values(r.runs).flat().flatMap((run) => run.errors));
if (errors.length) say(`\nPage errors (${errors.length}): ${[...new Set(errors)].slice(0, 5).join(" | ")}`);
say(`\n(${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
console.log(lines.join("\n"));

mkdirSync(here("../target/bench"), { recursive: true });
writeFileSync(
  here("../target/bench/startup.json"),
  JSON.stringify({ date: new Date().toISOString(), chromium: browser.version(), runsEach: RUNS, build, load, profiles, summary, targets: verdicts, waterfalls, results }, null, 1),
);
