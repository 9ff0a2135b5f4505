// Shared set-up for the browser tests: two local origins and headless Chromium.
//
// - the "CDN" origin serves dist/ (the files a web team hosts), with CORS;
// - the "site" origin serves the test pages and fixture catalogues, so every test page
//   loads the widget from another origin than its own, as a partner site would.
import { chromium } from "playwright-core";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const DIST = here("../../dist");

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
    this.ageUnit = this.root.getByRole("combobox", { name: "Age in" });
    this.clearAll = this.root.locator(".filters").getByRole("button", { name: "Clear all choices" });
    this.cards = this.root.locator("[data-program-id]");
    this.suggestions = this.root.getByRole("option");
  }

  need(label) {
    return this.root.getByRole("checkbox", { name: label, exact: true });
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
    await this.root.getByRole("option", { name: pick, exact: true }).click();
  }

  async setAge(number, unit = "years") {
    await this.ageUnit.selectOption(unit);
    await this.age.fill(String(number));
  }
}
