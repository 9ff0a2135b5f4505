// A statewide catalogue on a phone (issue 18): a family's session with the JSON catalogue
// (program-finder.js) and with the same catalogue as a pack (program-finder-pack.js),
// side by side, at 10,000 and 50,000 programs (PACK_SIZES=10000,50000,200000 for more).
//
//   node bench/pack-session.mjs        (needs dist/ from `make dist`, bench/pkg from
//                                       `make bench`, and the release `catalogue` tool)
//   PACK_RUNS=3 PACK_ONLY=phone PACK_FORMATS=pack node bench/pack-session.mjs
//   PACK_FORMATS=json,pack,pack-h2    "pack-h2": the pack over HTTP/2 (TLS, a certificate
//                                       made here), as CDNs serve it: every chunk asked
//                                       for at once, where HTTP/1.1 takes six at a time
//
// Each run, in a fresh browser context with the cache disabled, throttled like the
// start-up benchmark's phone (4× CPU, 1.6 Mbit/s, 150 ms) or not (desktop): load until
// the first card, then a need, a town, an age, a word with a typo, "Show more" and one
// program's details, each as soon as the step before has shown its results. A step's
// time runs from the family's action to when its results show (the new count and cards,
// not marked busy); "whole page" is when they last changed (unchanged for 700 ms after),
// when later: a pack shows a page once its first cards' text is here, and the rest of
// the page joins as its chunks come. Bytes are what the network carried
// (compressed), from the DevTools protocol. The pack's build time and peak memory come
// from /usr/bin/time. Prints a table for BENCHMARKS.md; every number goes to
// target/bench/pack-session.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const DIST = here("../dist");
const RUNS = Number(process.env.PACK_RUNS ?? 1);
const SIZES = (process.env.PACK_SIZES ?? "10000,50000").split(",").map(Number);
const ONLY = (process.env.PACK_ONLY ?? "").split(",").filter(Boolean);
const FORMATS = (process.env.PACK_FORMATS ?? "json,pack,pack-h2").split(",");
const SEED = 7; // as the other benchmarks
const QUIET_MS = 700;
const STEP_TIMEOUT_MS = 120_000;
const PROFILES = [
  { id: "phone", cpu: 4, viewport: { width: 375, height: 667 }, network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 } },
  { id: "desktop", cpu: 1, viewport: { width: 1280, height: 900 }, network: null },
].filter((p) => !ONLY.length || ONLY.includes(p.id));
const TOOL = here("../target/release/catalogue");
for (const [file, how] of [[`${DIST}/program-finder-pack.js`, "make dist"], [here("pkg/finder_bench.js"), "make bench"], [TOOL, "cargo build --release -p catalogue"]]) {
  if (!existsSync(file)) {
    console.error(`bench/pack-session: ${file} is missing: run \`${how}\` first.`);
    process.exit(1);
  }
}
const bench = createRequire(import.meta.url)("./pkg/finder_bench.js");

// --- The catalogues, their packs and their pages ---------------------------------------
const WORK = `${DIST}/bench-pack`;
mkdirSync(WORK, { recursive: true });
const builds = {};
for (const size of SIZES) {
  const name = `${size / 1000}k`;
  writeFileSync(`${WORK}/${name}.json`, bench.generate_catalogue(size, SEED));
  rmSync(`${WORK}/${name}`, { recursive: true, force: true });
  // The tool's report on stdout, then /usr/bin/time's line on stderr, together.
  const out = execFileSync("sh", ["-c", `/usr/bin/time -f "TIME %e %M" "${TOOL}" pack "${WORK}/${name}.json" --output "${WORK}/${name}" 2>&1`], { encoding: "utf8" });
  const [seconds, kbytes] = out.match(/^TIME ([\d.]+) (\d+)$/m).slice(1).map(Number);
  const report = out.split("\n").filter((line) => !line.startsWith("TIME")).slice(0, 3).join(" / ");
  builds[name] = { size, seconds, memoryMB: kbytes / 1024, report };
  const page = (script, catalogue) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${name}</title><script src="../${script}" defer></script></head><body><div data-program-finder data-catalogue="${catalogue}"></div></body></html>`;
  writeFileSync(`${WORK}/${name}-json.html`, page("program-finder.js", `${name}.json`));
  writeFileSync(`${WORK}/${name}-pack.html`, page("program-finder-pack.js", `${name}/pack.json`));
}

// --- In the page: the results as the family sees them, with when they last changed -----
function probe() {
  const scope = () => document.querySelector("[data-program-finder]")?.shadowRoot;
  const seen = { text: "", changed: 0, card: null, changes: [] };
  (function tick() {
    const root = scope();
    if (root) {
      const count = root.querySelector(".count")?.textContent ?? "";
      const cards = [...root.querySelectorAll("[data-program-id]")].map((c) => c.dataset.programId).join(",");
      const details = root.querySelectorAll(".details:not([hidden])").length;
      // Waiting for files (a pack: the last results, dimmed, "Loading programs…" for the
      // count) is not a result: a step's results show when the new count and first cards
      // do; its page is whole when the list is no longer busy (the rest joined).
      const stale = !!root.querySelector(".results[data-stale]") || !/\d/.test(count);
      const busy = stale || !!root.querySelector("[aria-busy=true]");
      const text = `${busy}|${count}|${cards}|${details}`;
      if (text !== seen.text) {
        seen.text = text;
        if (!stale) seen.changes.push((seen.changed = performance.now()));
      }
      seen.busy = busy;
      if (seen.card === null && cards) seen.card = performance.now();
    }
    requestAnimationFrame(tick);
  })();
  window.__seen = seen;
}

/** Waits until the results last changed at least QUIET_MS ago, after `since`: when they
 *  first showed after it (a pack's first cards, the count), and when they last changed
 *  (the rest of the page joined). */
async function settled(page, since) {
  return page.evaluate(
    ([since, quiet, timeout]) =>
      new Promise((ok, fail) => {
        const start = performance.now();
        (function check() {
          const s = window.__seen;
          if (s.changed > since && !s.busy && performance.now() - s.changed >= quiet) ok({ first: s.changes.find((t) => t > since), last: s.changed });
          else if (performance.now() - start > timeout) fail(new Error("the results did not change"));
          else setTimeout(check, 50);
        })();
      }),
    [since, QUIET_MS, STEP_TIMEOUT_MS],
  );
}

async function session(browser, server, name, format, profile) {
  const context = await browser.newContext({ viewport: profile.viewport });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    // PACK_TRACE=1: every request of each step, with when it was asked for and done.
    const asked = new Map();
    let trace = [];
    cdp.on("Network.requestWillBeSent", (e) => asked.set(e.requestId, { url: e.request.url.split("/").pop(), at: e.timestamp }));
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
      const r = asked.get(e.requestId);
      if (r) trace.push(`${r.url} ${Math.round((e.timestamp - r.at) * 1000)}ms ${e.encodedDataLength}B`);
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    if (profile.network) await cdp.send("Network.emulateNetworkConditions", profile.network);
    await page.addInitScript(probe);
    const [host, page_] = format === "pack-h2" ? [h2, "pack"] : [server, format];
    await page.goto(`${host.url}bench-pack/${name}-${page_}.html`, { waitUntil: "commit" });
    const root = page.locator("[data-program-finder]");
    await root.locator("[data-program-id]").first().waitFor({ timeout: 300_000 });
    const card = await page.evaluate(() => window.__seen.card);
    const loaded = await settled(page, 0);
    const steps = [{ step: "first card", ms: card, page: loaded.last, bytes }];
    if (process.env.PACK_TRACE) console.log(`\n${format} first card: ${Math.round(card)} ms\n  ${trace.join("\n  ")}`);
    trace = [];
    const act = async (step, action) => {
      const before = bytes;
      const at = await page.evaluate(() => performance.now());
      await action();
      const { first, last } = await settled(page, at);
      steps.push({ step, ms: first - at, page: last - at, bytes: bytes - before });
      if (process.env.PACK_TRACE) console.log(`\n${format} ${step}: ${Math.round(first - at)} ms, page ${Math.round(last - at)} ms\n  ${trace.join("\n  ")}`);
      trace = [];
    };
    await act("a need", () => root.getByRole("checkbox").first().check());
    await act("a town", async () => {
      await root.getByRole("combobox", { name: "Your town" }).fill("Hartfo");
      await root.getByRole("option", { name: /^Hartford/ }).first().click();
    });
    await act("an age", () => root.getByRole("textbox", { name: "Child's age" }).fill("4"));
    await act("a word with a typo", () => root.getByRole("combobox", { name: "Search programs" }).fill("familes"));
    await act("Show more", () => root.getByRole("button", { name: "Show more programs" }).click());
    await act("details", () => root.locator("[data-program-id]").first().getByRole("button", { name: /More details/ }).click());
    return { steps, total: bytes };
  } finally {
    await context.close();
  }
}

const server = await startServer({ root: DIST });
// HTTP/2 needs TLS in browsers: a certificate for 127.0.0.1, made once, trusted by a flag.
let h2 = null;
if (FORMATS.includes("pack-h2")) {
  const key = here("../target/bench/h2-key.pem");
  const cert = here("../target/bench/h2-cert.pem");
  mkdirSync(here("../target/bench"), { recursive: true });
  if (!existsSync(cert)) {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
  }
  h2 = await startServer({ root: DIST, tls: { key: readFileSync(key), cert: readFileSync(cert) } });
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--ignore-certificate-errors"] });
const results = [];
try {
  for (const profile of PROFILES) {
    for (const name of Object.keys(builds)) {
      for (const format of FORMATS) {
        for (let i = 0; i < RUNS; i++) {
          try {
            results.push({ profile: profile.id, name, format, ...(await session(browser, server, name, format, profile)) });
            process.stdout.write(".");
          } catch (error) {
            results.push({ profile: profile.id, name, format, error: String(error.message ?? error) });
            process.stdout.write("x");
          }
        }
      }
    }
  }
} finally {
  await browser.close();
  server.close();
  h2?.close();
}
process.stdout.write("\n");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const kb = (n) => (n === null ? "—" : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${Math.round(n / 1000)} KB`);
const ms = (n) => (n === null ? "—" : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
console.log(`Pack session (bench/pack-session.mjs), headless Chromium ${browser.version()}, ${RUNS} run(s) each, median; ${cpus().length} × ${cpus()[0]?.model.trim()}`);
for (const [name, b] of Object.entries(builds)) {
  console.log(`  catalogue pack of ${b.size.toLocaleString("en-US")} programs: ${b.seconds.toFixed(1)} s, ${Math.round(b.memoryMB)} MB peak (release build of the tool)`);
}
for (const profile of PROFILES) {
  for (const name of Object.keys(builds)) {
    console.log(`\n${profile.id}, ${builds[name].size.toLocaleString("en-US")} programs: time after the action (bytes it downloaded)`);
    const rows = {};
    for (const format of FORMATS) {
      const runs = results.filter((r) => r.profile === profile.id && r.name === name && r.format === format);
      const failed = runs.find((r) => r.error);
      if (failed) {
        rows[format] = `failed: ${failed.error.slice(0, 120)}`;
        continue;
      }
      // The time the results showed, then (when later) the time the page was whole.
      const steps = runs[0].steps.map((s, i) => {
        const [shown, whole] = [median(runs.map((r) => r.steps[i].ms)), median(runs.map((r) => r.steps[i].page))];
        const full = whole - shown > 100 ? `, whole page ${ms(whole)}` : "";
        return `${s.step} ${ms(shown)} (${kb(median(runs.map((r) => r.steps[i].bytes)))}${full})`;
      });
      rows[format] = `${steps.join("; ")}; session ${kb(median(runs.map((r) => r.total)))}`;
    }
    if (rows.json) console.log(`  JSON (program-finder.js): ${rows.json}`);
    if (rows.pack) console.log(`  pack (program-finder-pack.js): ${rows.pack}`);
    if (rows["pack-h2"]) console.log(`  pack over HTTP/2: ${rows["pack-h2"]}`);
  }
}
mkdirSync(here("../target/bench"), { recursive: true });
writeFileSync(here("../target/bench/pack-session.json"), JSON.stringify({ builds, results }, null, 1));
