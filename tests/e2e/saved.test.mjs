// Saved programs (this browser only), print and share.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, useBrowser } from "./harness.mjs";

describe("saving, printing, sharing", () => {
  const env = useBrowser();
  /** Lets the page read and write the clipboard (a copied link is read back from it). */
  const clipboard = (page) => page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });

  test("saved programs survive a reload and can be listed alone", async () => {
    const { page } = await env.open(env.site.url + "pages/filters.html");
    let finder = await new Finder(page).loaded();
    await finder.root.locator('[data-program-id="adults"]').getByRole("button", { name: /Save/ }).click();
    await finder.root.locator('[data-program-id="newborn"]').getByRole("button", { name: /Save/ }).click();
    await page.reload();
    finder = await new Finder(page).loaded();
    const savedButton = finder.root.getByRole("button", { name: "Saved programs (2)" });
    await savedButton.click();
    assert.deepEqual(await finder.ids(), ["newborn", "adults"]);
    assert.equal(await finder.count.textContent(), "2 saved programs");
    await finder.root.locator('[data-program-id="adults"]').getByRole("button", { name: /Saved/ }).click();
    assert.deepEqual(await finder.ids(), ["newborn"]);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("program-finder:saved:")));
    assert.equal(stored.length, 1, "one namespaced key per catalogue");
  });

  test("the Saved view is a place: a heading, no filters, and a way back with focus kept", async () => {
    const { page } = await env.open(env.site.url + "pages/filters.html");
    const finder = await new Finder(page).loaded();
    await finder.need("Housing").check();
    const housingCount = await finder.count.textContent();
    await finder.root.locator('[data-program-id="adults"]').getByRole("button", { name: /Save/ }).click();
    const opener = finder.root.getByRole("button", { name: "Saved programs (1)" });
    await opener.click();
    const heading = finder.root.getByRole("heading", { name: "Saved programs" });
    await heading.waitFor();
    assert.equal(await heading.evaluate((h) => h.matches(":focus")), true, "focus moves to the list's heading");
    assert.equal(await finder.root.locator(".filters").isHidden(), true, "filters that would change nothing are hidden");
    assert.equal(await finder.count.textContent(), "1 saved program");
    assert.deepEqual(await finder.ids(), ["adults"], "the saved program, whatever the filters say");
    assert.equal(await opener.isHidden(), true);
    await page.waitForURL(/pf-saved=adults/);
    // Un-saving the last one says how to save, instead of a blank list.
    await finder.root.locator('[data-program-id="adults"]').getByRole("button", { name: /Saved/ }).click();
    await finder.root.getByText(/You have not saved any programs yet/).waitFor();
    assert.equal(await finder.count.textContent(), "0 saved programs");
    await finder.root.getByRole("button", { name: "Back to all programs" }).click();
    await finder.root.locator(".filters").waitFor();
    assert.equal(await finder.count.textContent(), housingCount, "the search is as it was");
    assert.equal(await finder.need("Housing").isChecked(), true);
    const back = finder.root.getByRole("button", { name: "Saved programs (0)" });
    assert.equal(await back.evaluate((b) => b.matches(":focus")), true, "focus returns to the button that opened the list");
  });

  test("Share in the Saved view gives a link that opens exactly those programs", async () => {
    const { page } = await env.open(env.site.url + "pages/filters.html", { width: 375, height: 800, setup: clipboard });
    const finder = await new Finder(page).loaded();
    for (const id of ["newborn", "preschool"]) {
      await finder.root.locator(`[data-program-id="${id}"]`).getByRole("button", { name: /Save/ }).click();
    }
    await finder.need("Housing").check();
    await finder.root.getByRole("button", { name: "Saved programs (2)" }).click();
    // The share sheet where there is one; else the link is copied. Either way, the link:
    await page.evaluate(() => {
      delete Navigator.prototype.share;
    });
    await finder.root.getByRole("button", { name: "Share" }).click();
    await finder.root.getByText("Link copied").waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /pages\/filters\.html\?pf-saved=newborn%2Cpreschool$/, "the saved programs, not the search");

    // Somebody else opens it (nothing saved there), with one program the catalogue dropped since.
    const { page: theirs } = await env.open(link.replace("newborn", "newborn%2Cgone-program"), { width: 375, height: 800 });
    const shared = await new Finder(theirs).loaded();
    await shared.root.getByRole("heading", { name: "Programs shared with you" }).waitFor();
    assert.deepEqual((await shared.ids()).sort(), ["newborn", "preschool"]);
    assert.equal(await shared.count.textContent(), "2 programs");
    await shared.root.getByText("1 program in this list is no longer in the catalogue.").waitFor();
    assert.equal(await shared.root.getByRole("button", { name: "Saved programs (0)" }).isHidden(), true);
    await shared.root.getByRole("button", { name: "Back to all programs" }).click();
    await theirs.waitForURL((url) => !url.search.includes("pf-saved"));
    assert.equal(await shared.cards.count(), 7, "the whole catalogue again");
  });

  test("print shows the whole list without the controls", async () => {
    const { page } = await env.open(env.cdn.url);
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
    const { page } = await env.open(env.site.url + "pages/filters.html", { setup: clipboard });
    const finder = await new Finder(page).loaded();
    await finder.need("Housing").check();
    await page.waitForURL(/pf-need=housing/);
    // Where the browser has no share sheet (as here), the link is copied. Some Chromium
    // builds do have one: take it away so the copy is what is tested, everywhere.
    await page.evaluate(() => {
      delete Navigator.prototype.share;
    });
    await finder.root.getByRole("button", { name: "Share" }).click();
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
  });

  test("when the link cannot be copied, Share says so instead of 'Link copied'", async () => {
    const { page } = await env.open(env.site.url + "pages/filters.html");
    const finder = await new Finder(page).loaded();
    await page.evaluate(() => {
      delete Navigator.prototype.share;
      // As a browser does when the page may not write the clipboard.
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await finder.root.getByRole("button", { name: "Share" }).click();
    await finder.root.getByText("The link could not be copied: copy the page's address instead.").waitFor();
    assert.equal(await finder.root.getByText("Link copied").count(), 0);
  });

  test("paper carries each program's phone, address, hours, website and ages, the choices and the date", async () => {
    const { page } = await env.open(env.cdn.url + "?pf-need=food&pf-town=Hartford");
    const finder = await new Finder(page).loaded();
    // The browser's own Print (Ctrl+P) as well as the button.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    const summary = finder.root.locator(".print-summary");
    await summary.waitFor();
    const year = new Date().getFullYear();
    assert.match(await summary.innerText(), new RegExp(`^Programs for: Food & nutrition · Hartford\\. Printed \\w+ \\d+, ${year}\\.$`));
    const count = await finder.cards.count();
    assert.equal(count, Number((await finder.count.textContent()).match(/\d+/)[0]), "every program found, on paper");
    const pantry = finder.root.locator("[data-program-id]").filter({ hasText: "Mobile food pantry" });
    const paper = await pantry.innerText();
    for (const fact of ["Call", "Address", "Hours", "Ages", "Website", "https://"]) {
      assert.ok(paper.includes(fact), `the printed card has ${fact}: ${paper}`);
    }
    assert.equal(await pantry.locator("button").count() > 0, true);
    for (const button of await pantry.locator("button").all()) {
      assert.equal(await button.isVisible(), false, "no buttons on paper");
    }
    await page.emulateMedia({ media: "screen" });
    assert.equal(await summary.isVisible(), false, "the summary is for paper only");
    assert.equal(await pantry.locator(".details").isVisible(), false, "details stay closed on screen");
  });
});
