// Typing in the real widget with 50,000 programs, in headless Chromium: how long until
// the first results show, and how long the page's main thread is blocked while loading
// and while a family types (long tasks: 50 ms or more without a chance to paint).
//
//   node bench/longtasks.mjs        (needs dist/, from `make dist`, and bench/pkg)
//   LONGTASKS_PACK=1 node bench/longtasks.mjs
//                                   the same catalogue as a pack (`catalogue pack`, release
//                                   build) in program-finder-pack.js; typing starts once
//                                   its start file has been read (2 s after the first cards)
//
// Writes dist/bench-50k.json (the same synthetic catalogue as bench/run.mjs) and
// dist/bench.html, serves dist/ as tests/e2e/server.mjs does for the browser tests,
// and prints the numbers; they are also saved to target/bench/longtasks.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.mjs";

const SIZE = 50_000;
const SEED = 7; // as in bench/run.mjs
const TYPED = "food pantry"; // typed into the search box
const TYPED_TOWN = "Hartford"; // typed into the town box if there is no search box
const KEY_DELAY_MS = 120; // a quick typist: about 8 keys a second
const SETTLE_MS = 1500; // after the last key, for the last results to show

const require = createRequire(import.meta.url);
const wasm = require("./pkg/finder_bench.js");
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const DIST = here("../dist");

const PACK = Boolean(process.env.LONGTASKS_PACK);
const SCRIPT = PACK ? "program-finder-pack.js" : "program-finder.js";
writeFileSync(`${DIST}/bench-${SIZE / 1000}k.json`, wasm.generate_catalogue(SIZE, SEED));
let catalogueUrl = `bench-${SIZE / 1000}k.json`;
if (PACK) {
  rmSync(`${DIST}/bench-${SIZE / 1000}k-pack`, { recursive: true, force: true });
  execFileSync(here("../target/release/catalogue"), ["pack", `${DIST}/bench-${SIZE / 1000}k.json`, "--output", `${DIST}/bench-${SIZE / 1000}k-pack`]);
  catalogueUrl = `bench-${SIZE / 1000}k-pack/pack.json`;
}
writeFileSync(
  `${DIST}/bench.html`,
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Program Finder: ${SIZE.toLocaleString("en-US")} programs</title>
<script src="${SCRIPT}" defer></script>
</head>
<body>
<div data-program-finder data-catalogue="${catalogueUrl}"></div>
</body>
</html>
`,
);

const server = await startServer({ root: DIST });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
  // Before any of the page runs, so that no long task is missed (buffered as well).
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${server.url}bench.html`);

  const root = page.locator("[data-program-finder]");
  // The count ("50000 programs"), not the loading line, which has digits too ("44.3 MB
  // received so far") and is also a status.
  const count = root.getByRole("status").filter({ hasText: /\d programs/ });
  await count.waitFor({ timeout: 180_000 });
  // When the count first showed, in the page's clock (milliseconds since navigation).
  const firstResults = await page.evaluate(() => performance.now());
  const countBefore = await count.textContent();
  // A pack's first screen comes before its facts: a family reads it before typing.
  if (PACK) await page.waitForTimeout(2000);

  // The search box is a combobox since it suggests words; older builds had a searchbox.
  let box = root.getByRole("combobox", { name: "Search programs" });
  if (!(await box.count())) box = root.getByRole("searchbox", { name: "Search programs" });
  if (!(await box.count())) box = root.getByRole("textbox", { name: "Search programs" });
  let typed = TYPED;
  let into = "search box";
  if (!(await box.count())) {
    box = root.getByRole("combobox", { name: "Your town" });
    typed = TYPED_TOWN;
    into = 'town box (this build of the widget has no "Search programs" box)';
  }
  await box.click();
  const typingStart = await page.evaluate(() => performance.now());
  await box.pressSequentially(typed, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(SETTLE_MS);
  const typingEnd = await page.evaluate(() => performance.now());
  const countAfter = await count.textContent();

  const tasks = await page.evaluate(() => window.longTasks);
  const during = (from, to) => tasks.filter((t) => t.start + t.duration > from && t.start < to);
  const longest = (list) => Math.max(0, ...list.map((t) => t.duration));
  const load = during(0, firstResults);
  const typing = during(typingStart, typingEnd);
  const result = {
    programs: SIZE,
    format: PACK ? "pack" : "json",
    widgetBuilt: statSync(`${DIST}/${SCRIPT}`).mtime.toISOString(),
    firstResultsMs: Math.round(firstResults),
    countBefore,
    typed,
    into,
    keyDelayMs: KEY_DELAY_MS,
    countAfter,
    longestLoadTaskMs: Math.round(longest(load)),
    loadTasks: load.length,
    longestTypingTaskMs: Math.round(longest(typing)),
    typingTasksOver50Ms: typing.filter((t) => t.duration > 50).length,
    errors,
  };
  mkdirSync(here("../target/bench"), { recursive: true });
  writeFileSync(here(`../target/bench/longtasks${PACK ? "-pack" : ""}.json`), JSON.stringify(result, null, 1));
  console.log(`\nTyping in the widget, ${SIZE.toLocaleString("en-US")} programs${PACK ? " as a pack" : ""} (headless Chromium ${browser.version()})`);
  console.log(`  widget: dist/ built ${result.widgetBuilt}`);
  console.log(`  first results after ${result.firstResultsMs} ms (from navigation): "${countBefore.trim()}"`);
  console.log(`  longest task while loading: ${result.longestLoadTaskMs} ms (${load.length} long tasks)`);
  console.log(`  typed "${typed}" into the ${into}, one key every ${KEY_DELAY_MS} ms: "${countAfter.trim()}"`);
  const longestTyping = typing.length ? `${result.longestTypingTaskMs} ms` : "none (no task of 50 ms or more)";
  console.log(`  longest task while typing: ${longestTyping}; tasks over 50 ms while typing: ${result.typingTasksOver50Ms}`);
  if (errors.length) console.log(`  page errors: ${errors.join(" | ")}`);
} finally {
  await browser.close();
  server.close();
}
