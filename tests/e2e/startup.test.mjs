// Start-up: everything starts at once. program-finder.js paints each widget's frame and
// starts its catalogue request while the module downloads; the module then takes over.
// The module is held back (or made to fail) with request routing, so each order of
// arrival a phone can see is tested on purpose.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, useBrowser, violations } from "./harness.mjs";

describe("start-up", () => {
  const env = useBrowser();

  /**
   * A fresh, blank page that records console errors, uncaught exceptions and every request,
   * with the wasm module held until `release()` (or answered by `wasm(route)`).
   */
  async function open({ width = 1280, wasm } = {}) {
    const requests = [];
    let release;
    const held = new Promise((ok) => (release = ok));
    const { page, messages } = await env.open(null, {
      width,
      height: 800,
      setup: async (page) => {
        page.on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
        await page.route("**/*.wasm", async (route) => {
          if (wasm) return wasm(route);
          await held;
          await route.continue();
        });
      },
    });
    return { page, errors: messages.errors, uncaught: messages.uncaught, requests, release };
  }

  const frame = (page, host = "[data-program-finder]") => page.locator(host).locator("section.finder");

  test("the frame shows the heading and a busy loading line before the module arrives, and passes axe", async () => {
    const { page, release } = await open({ width: 375 });
    await page.goto(`${env.site.url}pages/plain.html`);
    await frame(page).getByRole("status").filter({ hasText: "Loading programs…" }).waitFor();
    assert.equal(await frame(page).getAttribute("aria-busy"), "true");
    assert.equal(await frame(page).getByRole("heading", { level: 2 }).textContent(), "Find community programs");
    // The widget's own stylesheet already applies (the heading's 22 px, not the page's).
    assert.equal(await frame(page).locator("h2").evaluate((h) => getComputedStyle(h).fontSize), "22px");
    const height = await frame(page).evaluate((s) => s.getBoundingClientRect().height);
    assert.ok(height >= 300, `the frame holds the widget's place (${height} px tall)`);
    assert.equal(await page.locator("[data-program-id]").count(), 0, "no cards before the module");
    assert.deepEqual(await violations(page), [], "frame");
    release();
    const finder = await new Finder(page).loaded();
    assert.ok((await finder.cards.count()) > 0);
    assert.equal(await frame(page).getAttribute("aria-busy"), null, "no longer busy");
    assert.equal(await page.locator("[data-program-finder]").locator("section.finder").count(), 1, "the frame was replaced, not doubled");
  });

  test("the frame speaks the page's language", async () => {
    const { page, release } = await open();
    await page.goto(`${env.site.url}pages/spanish.html`);
    const spanish = frame(page, "#page-lang");
    await spanish.getByText("Cargando programas…").waitFor();
    assert.equal(await spanish.getByRole("heading").textContent(), "Encuentre programas comunitarios");
    assert.equal(await spanish.getAttribute("lang"), "es");
    // data-lang="en" wins over the page's language.
    await frame(page, "#attribute-lang").getByText("Loading programs…").waitFor();
    release();
    await new Finder(page, "#page-lang").loaded();
  });

  test("a language chosen in the frame, before the module arrives, is the widget's language", async () => {
    const { page, release } = await open();
    await page.goto(`${env.site.url}pages/plain.html`);
    await frame(page).getByRole("button", { name: "Español" }).click();
    await frame(page).getByText("Cargando programas…").waitFor();
    assert.equal(await frame(page).getByRole("button", { name: "Español" }).getAttribute("aria-pressed"), "true");
    // Focus stays on the switch through the repaint and the module's takeover.
    const focused = () => page.evaluate(() => document.querySelector("[data-program-finder]").shadowRoot.activeElement?.textContent);
    assert.equal(await focused(), "Español");
    release();
    await page.locator("[data-program-finder]").getByRole("combobox", { name: /Search programs|Buscar programas/ }).waitFor();
    assert.equal(await frame(page).getByRole("heading", { level: 2 }).textContent(), "Encuentre programas comunitarios");
    assert.equal(await focused(), "Español");
  });

  test("the catalogue is fetched while the module downloads, once, and used when the module arrives", async () => {
    const { page, requests, errors, release } = await open();
    const catalogue = page.waitForResponse((r) => r.url().endsWith("/fixtures/catalogue.json"));
    await page.goto(`${env.site.url}pages/plain.html`);
    // The catalogue arrives while the module is still held back.
    assert.equal((await catalogue).status(), 200);
    assert.equal(await page.locator("[data-program-id]").count(), 0);
    release();
    const finder = await new Finder(page).loaded();
    assert.ok((await finder.cards.count()) > 0);
    const fetched = requests.filter((r) => r.url.endsWith("/fixtures/catalogue.json"));
    assert.equal(fetched.length, 1, "the module used the loader's request instead of asking again");
    const wasmAt = requests.find((r) => r.url.endsWith(".wasm")).at;
    const glue = requests.filter((r) => /program-finder-wasm-[0-9a-f]+\.js$/.test(r.url));
    assert.equal(glue.length, 0, "the glue is inside program-finder.js: no request waits for it");
    assert.ok(fetched[0].at - wasmAt < 500, "the catalogue request starts with the module's, not after it");
    assert.deepEqual(errors, []);
  });

  test("a module that cannot load leaves a plain message with 2-1-1 where the frame was, and no page error", async () => {
    const { page, errors, uncaught } = await open({ wasm: (route) => route.fulfill({ status: 404, body: "not found" }) });
    const catalogue = page.waitForResponse((r) => r.url().endsWith("/fixtures/catalogue.json"));
    await page.goto(`${env.site.url}pages/plain.html`);
    await catalogue;
    const host = page.locator("[data-program-finder]");
    await host.getByText("The program finder could not start. For help finding programs, call 2-1-1.").waitFor();
    assert.equal(await host.locator("section.finder").count(), 0, "the busy frame is gone");
    assert.deepEqual(uncaught, []);
    assert.ok(errors.some((e) => e.includes("could not load its code")), "staff read why in the console");
  });

  test("a widget added after start-up paints its frame and fetches its own catalogue", async () => {
    const { page, requests, release } = await open();
    await page.goto(`${env.site.url}pages/plain.html`);
    release();
    await new Finder(page).loaded();
    const before = requests.length;
    await page.evaluate(() => {
      const late = document.createElement("div");
      late.id = "late";
      late.setAttribute("data-program-finder", "");
      late.setAttribute("data-catalogue", "../fixtures/one-bad-program.json");
      document.body.appendChild(late);
    });
    const late = await new Finder(page, "#late").loaded();
    assert.ok((await late.cards.count()) > 0);
    const asked = requests.slice(before).filter((r) => r.url.endsWith("/fixtures/one-bad-program.json"));
    assert.equal(asked.length, 1, "its own catalogue, requested once");
  });

  test("a widget taken away before the module arrives leaves nothing behind", async () => {
    const { page, release, errors } = await open();
    await page.goto(`${env.site.url}pages/plain.html`);
    await frame(page).waitFor();
    await page.evaluate(() => {
      window.__gone = document.querySelector("[data-program-finder]");
      window.__handle = window.ProgramFinder.get(window.__gone);
      window.__gone.remove();
    });
    await page.waitForFunction(() => window.ProgramFinder.get(window.__gone) === null);
    release();
    // The module arrives (the handle's `ready` settles then) and must not mount there.
    await page.evaluate(() => window.__handle.ready);
    assert.equal(await page.evaluate(() => window.__gone.shadowRoot.childNodes.length), 0);
    assert.deepEqual(errors, []);
  });
});
