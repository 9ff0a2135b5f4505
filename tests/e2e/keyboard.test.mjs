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
