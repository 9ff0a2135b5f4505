// Automated WCAG A/AA checks (axe-core) on the widget in the states a family meets.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, useBrowser, violations } from "./harness.mjs";

/** axe's landmark-unique rule (a best practice, not in the WCAG tags) over the whole page. */
const duplicateLandmarks = (page) => violations(page, "body", { rules: ["landmark-unique"] });

describe("accessibility", () => {
  const env = useBrowser();

  test("results, typing a town, and the empty state have no WCAG A/AA violations", async () => {
    const { page } = await env.open(env.cdn.url);
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
    // Hold the catalogue back so the loading message stays up.
    let release;
    const held = new Promise((ok) => (release = ok));
    const { page } = await env.open(env.cdn.url, {
      setup: (page) =>
        page.route("**/sample-catalogue.json", async (route) => {
          await held;
          await route.continue();
        }),
    });
    await page.locator("[data-program-finder]").getByText("Loading programs…").waitFor();
    assert.deepEqual(await violations(page), [], "loading");
    release();
    await new Finder(page).loaded();
  });

  test("the Spanish interface, a phone screen and the error state have no violations", async () => {
    const { page } = await env.open(env.site.url + "pages/spanish.html", { width: 320, height: 800 });
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
    const broken = await env.open(env.site.url + "pages/bad.html");
    await broken.page.locator("#missing").getByRole("alert").waitFor();
    assert.deepEqual(await violations(broken.page, "#missing"), [], "load error");
  });

  test("each card's buttons and details carry the program's name, and look the same", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    const card = finder.cards.filter({ has: page.locator(".website") }).first();
    const name = (await card.locator("h3").textContent()).trim();
    const save = card.getByRole("button", { name: `Save ${name}`, exact: true });
    const more = card.getByRole("button", { name: `More details about ${name}`, exact: true });
    assert.equal((await save.textContent()).trim(), "☆ Save", "the same words on screen");
    assert.equal((await more.textContent()).trim(), "More details");
    const website = card.getByRole("link", { name: `Website of ${name} (opens in a new tab)`, exact: true });
    const onScreen = (element) => {
      const copy = element.cloneNode(true);
      copy.querySelectorAll(".visually-hidden").forEach((hidden) => hidden.remove());
      return copy.textContent.trim();
    };
    assert.equal(await website.evaluate(onScreen), "Website");
    await more.click();
    await card.getByRole("region", { name: `${name}: details`, exact: true }).waitFor();
    await card.getByRole("button", { name: `Fewer details about ${name}`, exact: true }).waitFor();
    await save.click();
    await card.getByRole("button", { name: `Saved ${name}`, exact: true }).waitFor();
  });

  test("landmarks have unique names, with one widget and with three on a page", async () => {
    const one = await env.open(env.cdn.url);
    const finder = await new Finder(one.page).loaded();
    assert.equal(await finder.root.getByRole("search", { name: "Search and choose" }).count(), 1);
    assert.deepEqual(await duplicateLandmarks(one.page), [], "the demo page");
    const { page } = await env.open(env.cdn.url + "demo-cms.html");
    const counts = page.locator("p.count").filter({ hasText: /\d/ });
    for (let i = 0; i < 3; i++) await counts.nth(i).waitFor();
    assert.deepEqual(await duplicateLandmarks(page), [], "demo-cms.html, three widgets");
  });

  test("the count is said once typing pauses, not at every keystroke", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    await finder.count.evaluate((count) => {
      window.__said = [];
      new MutationObserver(() => window.__said.push(count.textContent)).observe(count, { childList: true, subtree: true, characterData: true });
    });
    await finder.search.focus();
    await page.keyboard.type("dental care", { delay: 60 });
    await finder.count.filter({ hasText: /^Showing \d+ of/ }).waitFor();
    const said = await page.evaluate(() => [...new Set(window.__said)]);
    assert.equal(said.length, 1, `said: ${said.join(" | ")}`);
    // A click is said at once.
    await finder.search.fill("");
    await finder.count.filter({ hasText: /^35 programs$/ }).waitFor();
    await finder.need("Mental health").check();
    assert.match(await finder.count.textContent(), /^Showing \d+ of 35 programs$/);
  });
});
