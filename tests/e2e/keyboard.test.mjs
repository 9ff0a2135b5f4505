// A family using only a keyboard: search, reach a program, open its details, close them.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, useBrowser } from "./harness.mjs";

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
  const env = useBrowser();

  test("search, open a program's details, close them with Escape", async () => {
    const { page } = await env.open(env.cdn.url);
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
    const { page } = await env.open(env.cdn.url);
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
    const { page } = await env.open(env.cdn.url);
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
    const { page } = await env.open(env.cdn.url);
    await new Finder(page).loaded();
    const kinds = new Set();
    // From the top of the page: past its own links, then the widget's controls and the first cards.
    for (let i = 0; i < 50; i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const el = document.activeElement?.shadowRoot?.activeElement;
        if (!el) return null;
        const target = el.matches(".chip input") ? el.closest(".chip") : el;
        const style = getComputedStyle(target);
        const kind = el.tagName === "INPUT" ? `INPUT ${el.type}` : el.tagName;
        return { kind, what: `${el.tagName}.${el.className}`, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
      });
      if (!outline) continue;
      kinds.add(outline.kind);
      assert.ok(outline.style !== "none" && outline.width >= 2, `${outline.what} shows no focus outline`);
    }
    // Tab did go through the widget: every kind of control a family meets was checked.
    for (const kind of ["BUTTON", "INPUT search", "INPUT checkbox", "INPUT text", "SELECT", "A"]) {
      assert.ok(kinds.has(kind), `reached a ${kind} (reached: ${[...kinds].join(", ")})`);
    }
  });

  test("the whole task by keyboard: Willimantic, 4 years, food and early literacy, open the second program, save it, view saved, go back", async () => {
    const { page } = await env.open(env.cdn.url, { width: 375, height: 800 });
    const finder = await new Finder(page).loaded();
    // What has focus, as a person would name it: its label or words, and where it is.
    const where = () =>
      page.evaluate(() => {
        const el = document.activeElement?.shadowRoot?.activeElement;
        if (!el) return "outside the widget";
        const label = el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent;
        const card = el.closest("[data-program-id]")?.dataset.programId;
        return `${el.tagName} ${label.trim().replace(/\s+/g, " ").slice(0, 40)}${card ? " @" + card : ""}`;
      });
    const until = async (pattern, key = "Tab") => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press(key);
        if (pattern.test(await where())) return;
      }
      assert.fail(`never reached ${pattern} with ${key}; last ${await where()}`);
    };

    await until(/^INPUT Food & nutrition/);
    await page.keyboard.press("Space");
    await until(/^INPUT Early literacy/);
    await page.keyboard.press("Space");
    assert.equal(await finder.need("Food & nutrition").isChecked(), true);
    assert.equal(await finder.need("Early literacy").isChecked(), true);

    await until(/^INPUT Your town/);
    await page.keyboard.type("Willimantic");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    assert.match(await finder.town.inputValue(), /^Willimantic/, "Tab takes the highlighted town");
    assert.match(await where(), /^INPUT Child's age/, "and moves on to the age");
    await page.keyboard.type("4");

    await until(/^BUTTON See \d+ programs?/);
    await page.keyboard.press("Enter");
    assert.match(await where(), /^P (Showing )?\d+/, "See N programs moves focus to the count");
    const found = await finder.ids();
    assert.ok(found.length >= 2, `at least two programs fit: ${found}`);
    const second = found[1];

    await until(new RegExp(`^BUTTON More details @${second}`));
    await page.keyboard.press("Enter");
    assert.match(await where(), new RegExp(`^DIV .*@${second}`), "focus in the second program's details");
    await page.keyboard.press("Escape");
    assert.match(await where(), new RegExp(`^BUTTON More details @${second}`), "Escape returns to its button");
    await until(new RegExp(`^BUTTON ☆ Save @${second}`), "Shift+Tab");
    await page.keyboard.press("Enter");
    assert.match(await where(), new RegExp(`^BUTTON ★ Saved @${second}`), "focus stays on the button, now Saved");

    await until(/^BUTTON Saved programs \(1\)/, "Shift+Tab");
    await page.keyboard.press("Enter");
    await finder.root.getByRole("heading", { name: "Saved programs" }).waitFor();
    assert.match(await where(), /^H3 Saved programs/, "focus on the Saved view's heading");
    assert.deepEqual(await finder.ids(), [second]);

    await until(/^BUTTON ← Back to all programs/, "Shift+Tab");
    await page.keyboard.press("Enter");
    await finder.root.locator(".filters").waitFor();
    assert.match(await where(), /^BUTTON Saved programs \(1\)/, "focus back on the button that opened the list");
    assert.deepEqual(await finder.ids(), found, "the same search as before");
  });
});
