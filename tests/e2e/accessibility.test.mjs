// Automated WCAG A/AA checks (axe-core) on the widget in the states a family meets.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, openPage, startAll, violations } from "./harness.mjs";

describe("accessibility", () => {
  let env;
  before(async () => {
    env = await startAll();
  });
  after(() => env.close());

  test("results, typing a town, and the empty state have no WCAG A/AA violations", async () => {
    const { page } = await openPage(env.browser, env.cdn.url);
    const finder = await new Finder(page).loaded();
    assert.deepEqual(await violations(page), [], "results");
    await finder.town.fill("har");
    assert.deepEqual(await violations(page), [], "town suggestions open");
    await finder.town.fill("");
    await finder.root.getByRole("button", { name: "More details" }).first().click();
    await finder.root.locator(".details").first().waitFor();
    assert.deepEqual(await violations(page), [], "details open");
    await finder.search.fill("zzzzqqqq");
    await finder.root.locator("div.empty").waitFor();
    assert.deepEqual(await violations(page), [], "empty state");
  });

  test("the loading state has no violations", async () => {
    const page = await env.browser.newPage();
    // Hold the catalogue back so the loading message stays up.
    let release;
    const held = new Promise((ok) => (release = ok));
    await page.route("**/sample-catalogue.json", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.cdn.url);
    await page.locator("[data-program-finder]").getByText("Loading programs…").waitFor();
    assert.deepEqual(await violations(page), [], "loading");
    release();
    await new Finder(page).loaded();
    await page.close();
  });

  test("the Spanish interface, a phone screen and the error state have no violations", async () => {
    const { page } = await openPage(env.browser, env.site.url + "pages/spanish.html", { width: 320, height: 800 });
    await page.locator("#page-lang").getByRole("status").filter({ hasText: /\d/ }).waitFor();
    assert.deepEqual(await violations(page, "#page-lang"), [], "Spanish at 320 px");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `no horizontal scrolling at 320 px (page is ${width} px wide)`);
    // Long Spanish labels wrap inside their chips, but a count stays whole and every
    // checkbox keeps its size (both were squeezed once).
    const chips = await page.locator("#page-lang .chip").evaluateAll((chips) =>
      chips.map((chip) => {
        const count = chip.querySelector(".chip-count").getBoundingClientRect();
        const box = chip.querySelector("input").getBoundingClientRect();
        return { text: chip.textContent, countHeight: count.height, boxWidth: box.width };
      }),
    );
    assert.ok(chips.length >= 8, `${chips.length} chips`);
    for (const chip of chips) {
      assert.ok(chip.countHeight < 30, `count on one line in "${chip.text}" (${chip.countHeight} px high)`);
      assert.equal(chip.boxWidth, 18, `checkbox width in "${chip.text}"`);
    }
    const broken = await openPage(env.browser, env.site.url + "pages/bad.html");
    await broken.page.locator("#missing").getByRole("alert").waitFor();
    assert.deepEqual(await violations(broken.page, "#missing"), [], "load error");
  });
});
