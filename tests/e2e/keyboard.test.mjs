// A family using only a keyboard: search, reach a program, open its details, close them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, openPage, startAll } from "./harness.mjs";

/** What has focus inside the widget, described: "INPUT#pf-q", "BUTTON.action more"… */
const focused = (page) =>
  page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement;
    if (!inner) return "outside the widget";
    return `${inner.tagName}${inner.id ? "#" + inner.id : ""}.${inner.className} ${inner.textContent.trim().slice(0, 30)}`;
  });

async function tabUntil(page, pattern, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (pattern.test(await focused(page))) return;
  }
  assert.fail(`never reached ${pattern}; last ${await focused(page)}`);
}

describe("keyboard only", () => {
  let env;
  before(async () => {
    env = await startAll();
  });
  after(() => env.close());

  test("search, open a program's details, close them with Escape", async () => {
    const { page } = await openPage(env.browser, env.cdn.url);
    const finder = await new Finder(page).loaded();
    await tabUntil(page, /^INPUT#pf-q/);
    await page.keyboard.type("asthma");
    await finder.count.filter({ hasText: /Showing 1 of/ }).waitFor();
    await tabUntil(page, /^BUTTON\.action more/);
    await page.keyboard.press("Enter");
    const details = finder.root.locator(".details").first();
    await details.waitFor();
    assert.match(await focused(page), /^DIV#pf-details-easy-breathing\.details/, "focus moves into the details");
    assert.match(await details.textContent(), /Who can use it.*Children with asthma/s);
    assert.equal(await finder.root.getByRole("button", { name: "Fewer details" }).getAttribute("aria-expanded"), "true");
    await page.keyboard.press("Escape");
    assert.match(await focused(page), /^BUTTON\.action more More details/, "focus returns to the button");
    assert.equal(await details.isHidden(), true);
  });

  test("Show more moves focus to the first new card and says how many were added", async () => {
    const { page } = await openPage(env.browser, env.cdn.url);
    const finder = await new Finder(page).loaded();
    assert.equal(await finder.cards.count(), 30);
    await finder.root.getByRole("button", { name: "Show more programs" }).focus();
    await page.keyboard.press("Enter");
    await finder.cards.nth(30).waitFor();
    const firstNew = await finder.cards.nth(30).getAttribute("data-program-id");
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.tagName === "ARTICLE");
    const where = await page.evaluate(() => {
      const inner = document.activeElement.shadowRoot.activeElement;
      return { id: inner.closest("[data-program-id]").dataset.programId, visible: inner.checkVisibility() };
    });
    assert.deepEqual(where, { id: firstNew, visible: true }, "focus on the first new card");
    await finder.root.getByRole("status").filter({ hasText: "5 more programs shown" }).waitFor({ state: "attached" });
    // The next Tab stays in that card, not back at the top of the widget.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.closest("[data-program-id]")?.dataset.programId), firstNew);
  });

  test("Tab in the town box takes the highlighted town, or keeps the text, and moves on", async () => {
    const { page } = await openPage(env.browser, env.cdn.url);
    const finder = await new Finder(page).loaded();
    const visibleFocus = () =>
      page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        return inner && inner.checkVisibility() ? inner.id || inner.tagName : "nothing visible";
      });
    // A long, scrolling list: "Wi".
    await finder.town.focus();
    await page.keyboard.type("Wi");
    await finder.suggestions.first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const second = (await finder.suggestions.nth(1).textContent()).trim();
    await page.keyboard.press("Tab");
    assert.equal(await finder.town.inputValue(), second, "the highlighted town is chosen");
    assert.equal(await visibleFocus(), "pf-age", "focus moves on to the age box");
    assert.equal(await finder.root.locator("#pf-town-hint").isHidden(), true, "no error for a chosen town");
    // Nothing highlighted: the text stays as typed and focus still moves on.
    await finder.town.focus();
    await finder.town.fill("");
    await page.keyboard.type("Wi");
    await finder.suggestions.first().waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await finder.town.inputValue(), "Wi");
    assert.equal(await visibleFocus(), "pf-age");
  });

  test("every control has a visible focus indicator", async () => {
    const { page } = await openPage(env.browser, env.cdn.url);
    await new Finder(page).loaded();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const el = document.activeElement?.shadowRoot?.activeElement;
        if (!el) return null;
        const target = el.matches(".chip input") ? el.closest(".chip") : el;
        const style = getComputedStyle(target);
        return { what: `${el.tagName}.${el.className}`, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
      });
      if (!outline) continue;
      assert.ok(outline.style !== "none" && outline.width >= 2, `${outline.what} shows no focus outline`);
    }
  });
});
