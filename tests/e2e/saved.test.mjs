// Saved programs (this browser only), print and share.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, openPage, startAll } from "./harness.mjs";

describe("saving, printing, sharing", () => {
  let env;
  before(async () => {
    env = await startAll();
  });
  after(() => env.close());

  test("saved programs survive a reload and can be listed alone", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(env.site.url + "pages/filters.html");
    let finder = await new Finder(page).loaded();
    await finder.root.locator('[data-program-id="adults"]').getByRole("button", { name: /Save/ }).click();
    await finder.root.locator('[data-program-id="newborn"]').getByRole("button", { name: /Save/ }).click();
    await page.reload();
    finder = await new Finder(page).loaded();
    const savedButton = finder.root.getByRole("button", { name: "Saved programs (2)" });
    await savedButton.click();
    assert.equal(await savedButton.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await finder.ids(), ["newborn", "adults"]);
    assert.equal(await finder.count.textContent(), "2 saved programs");
    await finder.root.locator('[data-program-id="adults"]').getByRole("button", { name: /Saved/ }).click();
    assert.deepEqual(await finder.ids(), ["newborn"]);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("program-finder:saved:")));
    assert.equal(stored.length, 1, "one namespaced key per catalogue");
    await context.close();
  });

  test("print shows the whole list without the controls", async () => {
    const { page } = await openPage(env.browser, env.cdn.url);
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => window.printed++;
    });
    const finder = await new Finder(page).loaded();
    await finder.root.getByRole("button", { name: "Print" }).click();
    await page.waitForFunction(() => window.printed === 1);
    assert.equal(await finder.cards.count(), 35, "every program, not just the first page");
    await page.emulateMedia({ media: "print" });
    assert.equal(await finder.root.locator(".filters").isHidden(), true);
    assert.equal(await finder.root.locator(".toolbar").isHidden(), true);
  });

  test("share copies the link with the family's choices", async () => {
    const context = await env.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    const page = await context.newPage();
    await page.goto(env.site.url + "pages/filters.html");
    const finder = await new Finder(page).loaded();
    await finder.need("Housing").check();
    await page.waitForURL(/pf-need=housing/);
    const hasShareSheet = await page.evaluate(() => "share" in navigator);
    await finder.root.getByRole("button", { name: "Share" }).click();
    if (!hasShareSheet) {
      await finder.root.getByText("Link copied").waitFor();
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /pages\/filters\.html\?pf-need=housing$/);
      // A second Share is announced again: the live region's text goes away and comes back.
      await finder.root.locator(".copied").evaluate((region) => {
        window.__said = [];
        new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
      });
      await finder.root.getByRole("button", { name: "Share" }).click();
      await page.waitForFunction(() => window.__said.at(-1) === "Link copied");
      assert.deepEqual(await page.evaluate(() => window.__said), ["", "Link copied"]);
    }
    await context.close();
  });
});
