// Choices in the page address: shared links, Back/Forward, reload, and the host page's
// own parameters left alone.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, useBrowser } from "./harness.mjs";

describe("choices in the address", () => {
  const env = useBrowser();

  test("a shared link opens with its choices, and Back undoes a choice", async () => {
    const { page, messages } = await env.open(env.site.url + "pages/filters.html?utm=mail&pf-need=housing&pf-town=Meriden");
    const finder = await new Finder(page).loaded();
    assert.deepEqual(await finder.ids(), ["adults", "statewide-food-housing"]);
    assert.equal(await finder.need("Housing").isChecked(), true);
    assert.equal(await finder.town.inputValue(), "Meriden");

    await finder.need("Food").check();
    await page.waitForURL(/pf-need=housing%2Cfood/);
    assert.match(page.url(), /\?utm=mail&/, "the page's own parameter is kept first");

    await finder.search.fill("pantry");
    await page.waitForURL(/pf-q=pantry/);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("food"));
    assert.equal(await finder.need("Food").isChecked(), false);
    assert.equal(await finder.search.inputValue(), "");
    assert.deepEqual(await finder.ids(), ["adults", "statewide-food-housing"]);

    await page.reload();
    const again = await new Finder(page).loaded();
    assert.deepEqual(await again.ids(), ["adults", "statewide-food-housing"], "survives reload");
    assert.deepEqual(messages.errors, []);
  });

  test("nonsense in the address is ignored", async () => {
    const { page, messages } = await env.open(env.site.url + "pages/filters.html?pf-age=old&pf-town=Atlantis&pf-need=%E2%82&pf-q=");
    const finder = await new Finder(page).loaded();
    assert.equal(await finder.age.inputValue(), "");
    assert.equal(await finder.town.inputValue(), "");
    assert.deepEqual(messages.errors, []);
  });

  // An old link, or one cut short: the unknown need is dropped, as a page preset is.
  test("a link naming a need the catalogue does not have filters nothing", async () => {
    for (const need of ["no-such-need", "%E2%82"]) {
      const { page } = await env.open(env.site.url + `pages/filters.html?pf-need=${need}`);
      const finder = await new Finder(page).loaded();
      assert.equal(await finder.count.textContent(), "7 programs", need);
    }
  });

  test("with two widgets on a page, the address is left alone unless a widget opts in", async () => {
    const { page } = await env.open(env.site.url + "pages/two.html?pf-need=housing");
    const second = await new Finder(page, "#fixture").loaded();
    assert.equal(await second.need("Housing").isChecked(), false, "not read either");
    await second.need("Food").check();
    // The address would be written as the choice is made, before the results settle.
    await second.settled({ needs: ["food"] });
    assert.equal(new URL(page.url()).search, "?pf-need=housing");

    // A widget that asks for the address (url-state="on") reads and writes it, even beside another.
    await page.evaluate(() => {
      const host = document.createElement("div");
      host.id = "opted-in";
      document.body.append(host);
      ProgramFinder.mount(host, { catalogue: "../fixtures/catalogue.json", urlState: "on" });
    });
    const opted = await new Finder(page, "#opted-in").loaded();
    assert.equal(await opted.need("Housing").isChecked(), true, "read");
    await opted.need("Food").check();
    await page.waitForURL(/pf-need=housing%2Cfood/);
  });
});
