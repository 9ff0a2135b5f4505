// Shared set-up for the browser tests: two local origins and headless Chromium.
//
// - the "CDN" origin serves dist/ (the files a web team hosts), with CORS;
// - the "site" origin serves the test pages and fixture catalogues, so every test page
//   loads the widget from another origin than its own, as a partner site would.
//
// Every spec takes its servers and browser from `useBrowser()`, and every test opens its own
// page with `env.open()`: nothing carries over from one test to the next. Waits are on
// selectors and on the widget's own events (`Finder.settled()` for `pf-search`), never on a
// fixed time. `violations()` is the one accessibility scan (axe-core) of all specs.
import { after, afterEach, before } from "node:test";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const DIST = here("../../dist");
/** Where tests save screenshots worth a look (ignored by git). */
export const SHOTS = here("screenshots");

async function startAll() {
  const cdn = await startServer({ root: DIST });
  const site = await startServer({ root: here("."), replace: { "{{CDN}}": cdn.url } });
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
      // Same pixels every run, so screenshots can be compared exactly.
      "--force-color-profile=srgb",
      "--force-device-scale-factor=1",
      "--disable-partial-raster",
      "--disable-skia-runtime-opts",
      "--disable-font-subpixel-positioning",
      "--disable-lcd-text",
    ],
  });
  return {
    cdn,
    site,
    browser,
    async close() {
      await browser.close();
      cdn.close();
      site.close();
    },
  };
}

/**
 * The servers and browser of one spec file, and a fresh page for each test.
 *
 * Call it inside `describe()`: it starts everything before the suite's tests, and closes
 * after each test every page it opened, so no test sees what an earlier one left (choices,
 * saved programs, cache, history). A failing test therefore fails alone.
 *
 *   const env = useBrowser();
 *   test("…", async () => {
 *     const { page, messages } = await env.open(env.site.url + "pages/filters.html");
 *   });
 */
export function useBrowser() {
  const contexts = [];
  let started;
  const env = {
    /** The "CDN" origin (dist/), the "site" origin (tests/e2e/) and the browser: set before the tests. */
    cdn: null,
    site: null,
    browser: null,
    /**
     * A browser context of its own (storage, cache, permissions), closed after the test.
     * Every page in it records the widget's events (see `widgetEvents`).
     */
    async newContext({ width = 1280, height = 900, ...options } = {}) {
      const context = await env.browser.newContext({ viewport: { width, height }, ...options });
      contexts.push(context);
      await context.addInitScript(recordWidgetEvents);
      return context;
    },
    /**
     * A new page in a new context (or in `context`, to share its storage and cache), with
     * its console errors and warnings and uncaught exceptions recorded. `setup(page)` runs
     * before the page goes to `url` (to route requests, set the clock, add init scripts);
     * with no `url` the page stays blank.
     */
    async open(url, { context, setup, ...options } = {}) {
      const page = await (context ?? (await env.newContext(options))).newPage();
      const messages = { errors: [], warnings: [], uncaught: [] };
      page.on("console", (m) => {
        if (m.type() === "error") messages.errors.push(m.text());
        if (m.type() === "warning") messages.warnings.push(m.text());
      });
      page.on("pageerror", (e) => {
        messages.errors.push(String(e));
        messages.uncaught.push(String(e));
      });
      if (setup) await setup(page);
      if (url) await page.goto(url);
      return { page, context: page.context(), messages };
    },
  };
  const closeContexts = async () => {
    for (const context of contexts.splice(0)) await context.close();
  };
  before(async () => {
    started = await startAll();
    Object.assign(env, { cdn: started.cdn, site: started.site, browser: started.browser });
  });
  afterEach(closeContexts);
  after(async () => {
    await closeContexts();
    await started?.close();
  });
  return env;
}

/**
 * Runs in every page before its scripts: records each widget event (EMBEDDING.md, "Events")
 * that reaches the document, as the page sees it, and keeps its host element for matching.
 */
function recordWidgetEvents() {
  window.__pfEvents = [];
  window.__pfHosts = [];
  for (const name of ["pf-search", "pf-open-program", "pf-call", "pf-error"]) {
    document.addEventListener(name, (e) => {
      window.__pfEvents.push({ name, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail });
      window.__pfHosts.push(e.target);
    });
  }
}

/** The widget events the page has heard so far, oldest first: `{ name, target (the host's id), bubbles, composed, detail }`. */
export function widgetEvents(page) {
  return page.evaluate(() => window.__pfEvents);
}

/**
 * A blank page of the site origin with one widget (`<div id="host" data-program-finder>`) on
 * `catalogue`, its script added from the CDN afterwards, as a CMS would: returns the
 * page, its messages and the widget's `Finder`, once loaded.
 */
export async function openWidgetOn(env, catalogue, options = {}) {
  const { page, messages } = await env.open(env.site.url + "pages/blank.html", options);
  await page.evaluate(
    ([cdn, catalogue, loader]) => {
      const host = document.createElement("div");
      host.id = "host";
      host.dataset.programFinder = "";
      host.dataset.catalogue = catalogue;
      document.body.append(host);
      const script = document.createElement("script");
      script.src = cdn + loader;
      document.head.append(script);
    },
    [env.cdn.url, catalogue, options.script ?? "program-finder.js"],
  );
  return { page, messages, finder: await new Finder(page, "#host").loaded() };
}

/** A page object for one widget, found by the host element's selector. */
export class Finder {
  constructor(page, hostSelector = "[data-program-finder]") {
    this.page = page;
    this.hostSelector = hostSelector;
    this.root = page.locator(hostSelector);
    // The result count (not the loading line, which may hold a size while a big catalogue arrives).
    this.count = this.root.locator(".count[role=status]").filter({ hasText: /\d/ });
    this.town = this.root.getByRole("combobox", { name: "Your town" });
    this.age = this.root.getByRole("textbox", { name: "Child's age" });
    this.search = this.root.getByRole("combobox", { name: "Search programs" });
    this.ageUnit = this.root.getByRole("combobox", { name: "Age in" });
    this.clearAll = this.root.locator(".filters").getByRole("button", { name: "Clear all choices" });
    this.cards = this.root.locator("[data-program-id]");
    this.suggestions = this.root.getByRole("listbox").getByRole("option");
  }

  /** A need's checkbox; its name is the label, then the count it would give: "Housing (3)". */
  need(label) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.root.getByRole("checkbox", { name: new RegExp(`^${escaped}( \\(\\d+\\))?$`) });
  }

  /** Waits until the catalogue has loaded (the count is shown). */
  async loaded() {
    await this.count.waitFor();
    return this;
  }

  /**
   * Waits until this widget's latest `pf-search` (sent once the results have stayed the same
   * for 300 ms) has the values in `expected`, and returns its detail: the event a host page
   * hears when the family's choices have settled, so no fixed wait is needed. With `after`
   * (a count from `widgetEvents(page)`), only an event heard since then will do.
   */
  async settled(expected = {}, { after = 0 } = {}) {
    const found = await this.page.waitForFunction(
      ([selector, expected, after]) => {
        const hosts = window.__pfHosts ?? [];
        for (let i = hosts.length - 1; i >= after; i--) {
          if (window.__pfEvents[i].name !== "pf-search" || !hosts[i].matches(selector)) continue;
          const detail = window.__pfEvents[i].detail;
          const same = Object.entries(expected).every(([key, value]) => JSON.stringify(detail[key]) === JSON.stringify(value));
          return same && detail;
        }
        return false;
      },
      [this.hostSelector, expected, after],
    );
    return found.jsonValue();
  }

  /** The program ids on screen, in order. */
  /** The cards' program ids, once the list is no longer busy: a pack's search waiting for
   *  files (the last results stay) or a page's cards joining the list as their text comes. */
  async ids() {
    await this.root.locator(".results[aria-busy]").waitFor({ state: "hidden" });
    return this.idsNow();
  }

  /** The cards' program ids as they are, busy or not. */
  async idsNow() {
    return this.cards.evaluateAll((cards) => cards.map((c) => c.dataset.programId));
  }

  async chooseTown(typed, pick) {
    await this.town.fill(typed);
    await this.suggestions.filter({ hasText: pick }).first().click();
  }

  async setAge(number, unit = "years") {
    await this.ageUnit.selectOption(unit);
    await this.age.fill(String(number));
  }
}

/**
 * Compares two PNG screenshots pixel by pixel (decoded in the browser).
 * Returns { sameSize, differing, maxDelta }: how many pixels differ, and by how much at most
 * in any colour channel (anti-aliasing at a different sub-pixel offset differs by 1 or 2).
 */
export async function compareImages(browser, first, second) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([a, b]) => {
        const load = (data) =>
          new Promise((ok, fail) => {
            const image = new Image();
            image.onload = () => ok(image);
            image.onerror = fail;
            image.src = "data:image/png;base64," + data;
          });
        const pixels = (image) => {
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext("2d");
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [ia, ib] = [await load(a), await load(b)];
        if (ia.width !== ib.width || ia.height !== ib.height) return { sameSize: false, differing: Infinity, maxDelta: 255 };
        const [pa, pb] = [pixels(ia), pixels(ib)];
        let differing = 0;
        let maxDelta = 0;
        for (let i = 0; i < pa.length; i += 4) {
          const delta = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
          if (delta > 0) differing++;
          maxDelta = Math.max(maxDelta, delta);
        }
        return { sameSize: true, differing, maxDelta, total: pa.length / 4 };
      },
      [first.toString("base64"), second.toString("base64")],
    );
  } finally {
    await page.close();
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * The accessibility problems axe-core finds inside `selector`, as readable lines: the WCAG
 * A/AA rules, or only the axe rules named in `rules` (such as "landmark-unique", a best
 * practice outside the WCAG tags).
 */
export async function violations(page, selector = "[data-program-finder]", { rules } = {}) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: TAGS };
  return page.evaluate(
    async ([selector, runOnly]) => {
      const result = await window.axe.run({ include: [[selector]] }, { runOnly });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
    },
    [selector, runOnly],
  );
}
