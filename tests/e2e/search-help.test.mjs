// Help for a family who is typing, stuck or scanning a long list (issue 17): suggestions
// under the search box (the ARIA combobox pattern, keyboard only, in the family's language
// first), "Did you mean …?" when the words find nothing, and the matched words marked in
// the cards, safely with hostile catalogue text.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, openWidgetOn, useBrowser, violations } from "./harness.mjs";

describe("search help", () => {
  const env = useBrowser();

  /** The class of the element that has focus inside the widget's shadow root. */
  const focusInWidget = (page) =>
    page.evaluate(() => document.querySelector("[data-program-finder]").shadowRoot.activeElement?.className ?? null);

  /** The id of the element that has focus inside the widget's shadow root. */
  const focusedId = (page) =>
    page.evaluate(() => document.querySelector("[data-program-finder]").shadowRoot.activeElement?.id ?? null);

  test("suggestions follow the typing and work with the keyboard alone; focus stays in the box", async () => {
    const { page, messages } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    const box = finder.search;
    const list = finder.root.getByRole("listbox", { name: "Suggestions" });
    await box.focus();
    await page.keyboard.type("pant");
    await list.waitFor();
    const options = await list.getByRole("option").allTextContents();
    assert.ok(options.length >= 1 && options.length <= 6, options.join(" | "));
    assert.ok(options.includes("Mobile food pantry"), `a program name: ${options.join(" | ")}`);
    assert.equal(await box.getAttribute("aria-expanded"), "true");
    // Down highlights the first suggestion: announced through aria-activedescendant while
    // focus stays in the box, so typing goes on where it was.
    await page.keyboard.press("ArrowDown");
    assert.equal(await box.getAttribute("aria-activedescendant"), "pf-q-0");
    assert.equal(await list.getByRole("option").first().getAttribute("aria-selected"), "true");
    assert.equal(await focusedId(page), "pf-q");
    // Escape closes the list and keeps the words as typed.
    await page.keyboard.press("Escape");
    await list.waitFor({ state: "hidden" });
    assert.equal(await box.getAttribute("aria-expanded"), "false");
    assert.equal(await box.getAttribute("aria-activedescendant"), null);
    assert.equal(await box.inputValue(), "pant");
    assert.equal(await focusedId(page), "pf-q");
    // Typing is never blocked: more letters go into the box, and the list opens again.
    await page.keyboard.type("r");
    assert.equal(await box.inputValue(), "pantr");
    await list.waitFor();
    // Down, Down, Up, Enter: the first suggestion, picked; the results follow it.
    const first = (await list.getByRole("option").first().textContent()).trim();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    assert.equal(await box.inputValue(), first);
    assert.equal(await list.isHidden(), true);
    const settled = await finder.settled({ query: first });
    assert.ok(settled.total >= 1, JSON.stringify(settled));
    assert.equal(await focusedId(page), "pf-q");
    assert.deepEqual(messages.errors, []);
  });

  test("Enter with no suggestion highlighted searches the words as typed", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    await finder.search.focus();
    await page.keyboard.type("pant");
    await finder.root.getByRole("listbox", { name: "Suggestions" }).waitFor();
    await page.keyboard.press("Enter");
    assert.equal(await finder.search.inputValue(), "pant");
  });

  test("in Spanish, the Spanish need label comes first", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    await finder.root.getByRole("button", { name: "Español" }).click();
    const box = finder.root.getByRole("combobox", { name: "Buscar programas" });
    await box.fill("salud m");
    const list = finder.root.getByRole("listbox", { name: "Sugerencias" });
    await list.waitFor();
    assert.equal((await list.getByRole("option").first().textContent()).trim(), "Salud mental");
  });

  test("suggestions open: no accessibility violations", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    await finder.search.focus();
    await page.keyboard.type("heal");
    await finder.root.getByRole("listbox", { name: "Suggestions" }).waitFor();
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await violations(page), []);
  });

  test("Did you mean and marked words: no accessibility violations", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    await finder.search.fill("pentri");
    await finder.root.locator(".did-you-mean").waitFor();
    assert.deepEqual(await violations(page), []);
    await finder.search.fill("food pantry");
    await finder.settled({ query: "food pantry" });
    assert.ok((await finder.root.locator("mark").count()) > 0);
    assert.deepEqual(await violations(page), []);
  });

  test("words that find nothing offer the closest catalogue words, a tap away", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    // Two letters wrong in a short word: beyond the search's own typo rules.
    await finder.search.fill("pentri");
    await finder.settled({ query: "pentri", total: 0 });
    const offer = finder.root.locator(".did-you-mean");
    await offer.waitFor();
    assert.equal((await offer.textContent()).trim(), "Did you mean pantry?");
    await offer.getByRole("button", { name: "pantry" }).click();
    assert.equal(await finder.search.inputValue(), "pantry");
    const settled = await finder.settled({ query: "pantry" });
    assert.ok(settled.total >= 1);
    assert.equal(await offer.count(), 0, "gone once the search finds programs");
    assert.ok((await finder.ids()).length >= 1);
    // Focus went to the new count, not nowhere.
    assert.equal(await focusInWidget(page), "count");
  });

  test("cards mark the words that matched, whole words, as text", async () => {
    const { page } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    await finder.search.fill("food pantry");
    await finder.settled({ query: "food pantry" });
    const card = finder.root.locator("[data-program-id]").filter({ hasText: "Mobile food pantry" });
    const marks = await card.locator(".name mark").allTextContents();
    assert.deepEqual(marks.map((m) => m.toLowerCase()), ["food", "pantry"]);
    assert.equal((await card.locator(".name").textContent()).trim(), "Mobile food pantry", "the name reads as before");
    // Without words, nothing is marked.
    await finder.search.fill("");
    await finder.settled({ query: "" });
    assert.equal(await finder.root.locator("mark").count(), 0);
  });

  test("highlights stay safe with hostile catalogue text", async () => {
    const { page, messages, finder } = await openWidgetOn(env, "../fixtures/hostile.json", { width: 375, height: 800 });
    await finder.search.fill("pantry script");
    await finder.settled({ query: "pantry script" });
    const name = finder.root.locator(".name").filter({ hasText: "Pantry" });
    assert.equal((await name.textContent()).trim(), "<script>window.__pwned=1</script>Pantry");
    const marked = await name.locator("mark").allTextContents();
    assert.ok(marked.includes("Pantry") && marked.includes("script"), marked.join(" | "));
    const report = await page.evaluate(() => {
      const root = document.getElementById("host").shadowRoot;
      const all = [...root.querySelectorAll("*")];
      return {
        pwned: window.__pwned ?? null,
        dangerous: all.filter((e) => ["SCRIPT", "IFRAME", "IMG", "SVG"].includes(e.tagName.toUpperCase())).length,
        // Every mark holds one word or more, never a letter on its own.
        single: [...root.querySelectorAll("mark")].filter((m) => m.textContent.length < 2).length,
      };
    });
    assert.deepEqual(report, { pwned: null, dangerous: 0, single: 0 });
    assert.deepEqual(messages.uncaught, []);
  });
});
