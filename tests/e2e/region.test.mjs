// A region beyond Connecticut: the catalogue `catalogue import hsds --places-from-data`
// writes from a western Massachusetts 2-1-1 export (tests/e2e/fixtures/region.json, kept
// equal to a fresh import by cli/tests/import_hsds.rs). A family there finds its own
// town's programs, by typing it as people do, and a link keeps the town.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Finder, useBrowser, violations } from "./harness.mjs";

const catalogue = JSON.parse(readFileSync(new URL("fixtures/region.json", import.meta.url)));
/** The ids of the programs that list `place` among their towns, in catalogue order. */
const serving = (place) => catalogue.programs.filter((p) => p.towns?.includes(place)).map((p) => p.id);

describe("a catalogue of a region beyond Connecticut", () => {
  const env = useBrowser();
  async function open(query = "", size) {
    const { page, messages } = await env.open(env.site.url + "pages/region.html" + query, size);
    return { page, messages, finder: await new Finder(page).loaded() };
  }

  test("the town box offers the region's towns, and choosing one shows its programs", async () => {
    const { page, finder, messages } = await open();
    assert.equal(await finder.count.textContent(), `${catalogue.programs.length} programs`);
    await finder.town.fill("holy");
    assert.deepEqual(await finder.suggestions.allTextContents(), ["Holyoke, MA"]);
    await finder.suggestions.first().click();
    assert.equal(await finder.town.inputValue(), "Holyoke, MA");
    const expected = serving("Holyoke, MA");
    assert.ok(expected.length >= 2, "the fixture has several Holyoke programs");
    await finder.settled({ town: "Holyoke, MA" });
    assert.deepEqual((await finder.ids()).sort(), [...expected].sort());
    // The link carries the town by its full name, and opens with it.
    await page.waitForURL(/pf-town=Holyoke(%2C|,)(\+|%20)MA/);
    await page.reload();
    const again = await new Finder(page).loaded();
    assert.equal(await again.town.inputValue(), "Holyoke, MA");
    assert.deepEqual((await again.ids()).sort(), [...expected].sort());
    assert.deepEqual(messages.errors, []);
  });

  test("a town typed as people write it, with or without the state, filters at once", async () => {
    const { finder } = await open();
    for (const typed of ["springfield ma", "Springfield, Massachusetts", "pittsfield"]) {
      await finder.town.fill(typed);
      const town = typed.startsWith("pitt") ? "Pittsfield, MA" : "Springfield, MA";
      await finder.settled({ town });
      assert.deepEqual((await finder.ids()).sort(), serving(town).sort(), typed);
    }
  });

  test("a Connecticut town the region does not serve says so, and a misspelling is offered its town", async () => {
    const { finder } = await open();
    await finder.town.fill("Hartford");
    await finder.settled({ town: "Hartford" });
    assert.equal(await finder.cards.count(), 0, "no program here serves Hartford, CT");
    await finder.town.fill("Chicopie");
    await finder.town.press("Tab");
    await finder.root.getByText("No town matches “Chicopie”.").waitFor();
    await finder.root.getByRole("button", { name: "Chicopee, MA" }).click();
    await finder.settled({ town: "Chicopee, MA" });
    assert.deepEqual((await finder.ids()).sort(), serving("Chicopee, MA").sort());
  });

  test("imported descriptions keep their paragraphs, and the page stays accessible on a phone", async () => {
    const { finder, page } = await open("?pf-q=mobile+crisis", { width: 375, height: 800 });
    await finder.settled({ query: "mobile crisis" });
    const card = finder.cards.first();
    assert.equal(await card.getAttribute("data-program-id"), "svc-019");
    // Written as HTML in the export (<p>, &amp;, &nbsp;, a list): plain text in paragraphs.
    assert.doesNotMatch(await card.textContent(), /<p>|&amp;|&nbsp;/);
    await card.getByRole("button", { name: "More details" }).click();
    const full = card.locator(".full-description");
    await full.waitFor();
    const text = await full.innerText();
    assert.match(text, /7 days a week\.\n\s*\nCall first/, "paragraphs stay apart");
    assert.match(text, /\n• Safety planning\n• Follow-up visits/, "list items on lines of their own");
    assert.deepEqual(await violations(page), []);
  });
});
