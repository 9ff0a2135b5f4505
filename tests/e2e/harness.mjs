// Shared set-up for the browser tests: two local origins and headless Chromium.
//
// - the "CDN" origin serves dist/ (the files a web team hosts), with CORS;
// - the "site" origin serves the test pages and fixture catalogues, so every test page
//   loads the widget from another origin than its own, as a partner site would.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const DIST = here("../../dist");
/** Where tests save screenshots worth a look (ignored by git). */
export const SHOTS = here("screenshots");

export async function startAll() {
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

/** Opens a page and records its console errors and warnings and uncaught exceptions. */
export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const messages = { errors: [], warnings: [] };
  page.on("console", (m) => {
    if (m.type() === "error") messages.errors.push(m.text());
    if (m.type() === "warning") messages.warnings.push(m.text());
  });
  page.on("pageerror", (e) => messages.errors.push(String(e)));
  await page.goto(url);
  return { page, messages };
}

/** A page object for one widget, found by the host element's selector. */
export class Finder {
  constructor(page, hostSelector = "[data-program-finder]") {
    this.page = page;
    this.root = page.locator(hostSelector);
    this.count = this.root.getByRole("status").filter({ hasText: /\d/ });
    this.town = this.root.getByRole("combobox", { name: "Your town" });
    this.age = this.root.getByRole("textbox", { name: "Child's age" });
    this.search = this.root.getByRole("searchbox", { name: "Search programs" });
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

  /** The program ids on screen, in order. */
  async ids() {
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

/** The WCAG A/AA violations (axe-core) inside `selector`, as readable lines. */
export async function violations(page, selector = "[data-program-finder]") {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(
    async ([selector, tags]) => {
      const result = await window.axe.run({ include: [[selector]] }, { runOnly: { type: "tag", values: tags } });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
    },
    [selector, TAGS],
  );
}
