// Choosing need, town and age through the real controls, on a small fixture catalogue
// whose expected results follow from the filter rules (see core/tests/filtering.rs).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, openPage, startAll } from "./harness.mjs";

const ALL = [
  "hartford-food",
  "windham-county-housing",
  "statewide-food-housing",
  "under-six",
  "preschool",
  "newborn",
  "adults",
];

describe("filters on the fixture catalogue", () => {
  let env;
  let finder;
  let messages;
  before(async () => {
    env = await startAll();
    const opened = await openPage(env.browser, env.site.url + "pages/filters.html");
    messages = opened.messages;
    finder = await new Finder(opened.page).loaded();
  });
  after(() => env.close());

  test("the widget is served from another origin than the page and shows every program", async () => {
    assert.notEqual(new URL(env.cdn.url).origin, new URL(env.site.url).origin);
    assert.deepEqual(await finder.ids(), ALL);
    assert.equal(await finder.count.textContent(), "7 programs");
    assert.deepEqual(messages.errors, []);
  });

  test("needs match any chosen need", async () => {
    await finder.need("Housing").check();
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "adults"]);
    assert.equal(await finder.count.textContent(), "Showing 3 of 7 programs");
    await finder.need("Early literacy").check();
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "under-six", "preschool", "adults"]);
    await finder.clearAll.click();
    assert.deepEqual(await finder.ids(), ALL);
  });

  test("the town box suggests towns and a county-wide program serves its towns", async () => {
    // Killingly is in Windham County.
    await finder.town.fill("killingl");
    assert.deepEqual(await finder.suggestions.allTextContents(), ["Killingly"]);
    await finder.suggestions.first().click();
    assert.equal(await finder.town.inputValue(), "Killingly");
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "preschool", "newborn"]);
    await finder.chooseTown("hart", "Hartford");
    assert.deepEqual(await finder.ids(), ["hartford-food", "statewide-food-housing", "under-six", "preschool", "newborn"]);
    await finder.clearAll.click();
  });

  test("the town box works from the keyboard", async () => {
    await finder.town.fill("new b");
    await finder.town.press("ArrowDown");
    await finder.town.press("Enter");
    assert.equal(await finder.town.inputValue(), "New Britain");
    assert.deepEqual(await finder.ids(), ["statewide-food-housing", "under-six", "preschool", "newborn"]);
    await finder.town.fill("Atlantis");
    await finder.age.focus();
    await finder.root.getByText("Choose a Connecticut town from the list.").waitFor();
    assert.deepEqual(await finder.ids(), ALL, "an unknown town filters nothing");
    await finder.clearAll.click();
  });

  test("ages: 5 vs 6 years for 0–5, 6 vs 7 months for 0–0.5", async () => {
    await finder.need("Early literacy").check();
    await finder.chooseTown("hart", "Hartford");
    await finder.setAge(5);
    assert.deepEqual(await finder.ids(), ["under-six", "preschool"]);
    await finder.setAge(6);
    assert.deepEqual(await finder.ids(), []);
    await finder.clearAll.click();

    await finder.need("Food").check();
    await finder.setAge(6, "months");
    assert.deepEqual(await finder.ids(), ["hartford-food", "statewide-food-housing", "newborn"]);
    await finder.setAge(7, "months");
    assert.deepEqual(await finder.ids(), ["hartford-food", "statewide-food-housing"]);
    await finder.clearAll.click();
  });

  test("an empty result says what to change and can clear everything", async () => {
    await finder.need("Early literacy").check();
    await finder.setAge(17);
    const empty = finder.root.locator(".empty");
    await empty.waitFor();
    assert.match(await empty.textContent(), /No programs match all of your choices/);
    assert.match(await empty.textContent(), /remove the child's age/);
    assert.match(await empty.textContent(), /choose more kinds of help/);
    assert.equal(await finder.count.textContent(), "Showing 0 of 7 programs");
    await empty.getByRole("button", { name: "Clear all choices" }).click();
    assert.deepEqual(await finder.ids(), ALL);
    assert.equal(await finder.age.inputValue(), "");
    assert.equal(await finder.need("Early literacy").isChecked(), false);
  });

  test("an age that is not a whole number is pointed out and filters nothing", async () => {
    await finder.setAge("4.5");
    await finder.root.getByText("Enter a whole number, such as 4.").waitFor();
    assert.equal(await finder.age.getAttribute("aria-invalid"), "true");
    assert.deepEqual(await finder.ids(), ALL);
    await finder.clearAll.click();
  });

  test("cards carry call and website links", async () => {
    const card = finder.root.locator('[data-program-id="hartford-food"]');
    assert.equal(await card.getByRole("link", { name: /Call 860-555-0100/ }).getAttribute("href"), "tel:8605550100");
    const website = card.getByRole("link", { name: /Website/ });
    assert.equal(await website.getAttribute("href"), "https://example.org/pantry");
    assert.equal(await website.getAttribute("target"), "_blank");
    const statewide = finder.root.locator('[data-program-id="statewide-food-housing"]');
    assert.equal(await statewide.getByRole("link", { name: /Call 2-1-1/ }).getAttribute("href"), "tel:211");
    assert.match(await statewide.textContent(), /All of Connecticut/);
    assert.match(await finder.root.locator('[data-program-id="under-six"]').textContent(), /0–5 years/);
  });
});
