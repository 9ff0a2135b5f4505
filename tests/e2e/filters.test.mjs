// Choosing need, town and age through the real controls, on a small fixture catalogue
// whose expected results follow from the filter rules (see core/tests/filtering.rs).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Finder, useBrowser } from "./harness.mjs";

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
  const env = useBrowser();
  /** A fresh page with one widget on the fixture catalogue, loaded. */
  async function open(size) {
    const { page, messages } = await env.open(env.site.url + "pages/filters.html", size);
    return { page, messages, finder: await new Finder(page).loaded() };
  }

  test("the widget is served from another origin than the page and shows every program", async () => {
    const { finder, messages } = await open();
    assert.notEqual(new URL(env.cdn.url).origin, new URL(env.site.url).origin);
    assert.deepEqual(await finder.ids(), ALL);
    assert.equal(await finder.count.textContent(), "7 programs");
    assert.deepEqual(messages.errors, []);
  });

  test("needs match any chosen need", async () => {
    const { finder } = await open();
    await finder.need("Housing").check();
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "adults"]);
    assert.equal(await finder.count.textContent(), "Showing 3 of 7 programs");
    await finder.need("Early literacy").check();
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "under-six", "preschool", "adults"]);
    await finder.clearAll.click();
    assert.deepEqual(await finder.ids(), ALL);
  });

  test("the town box suggests towns and a county-wide program serves its towns", async () => {
    const { finder } = await open();
    // Killingly is in Windham County.
    await finder.town.fill("killingl");
    assert.deepEqual(await finder.suggestions.allTextContents(), ["Killingly"]);
    await finder.suggestions.first().click();
    assert.equal(await finder.town.inputValue(), "Killingly");
    // County-wide before statewide.
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "preschool", "newborn"]);
    // Ranked: programs that list the town itself, then statewide ones (catalogue order within each).
    await finder.chooseTown("hart", "Hartford");
    assert.deepEqual(await finder.ids(), ["hartford-food", "under-six", "statewide-food-housing", "preschool", "newborn"]);
  });

  test("the town box works from the keyboard", async () => {
    const { finder } = await open();
    await finder.town.fill("new b");
    await finder.town.press("ArrowDown");
    await finder.town.press("Enter");
    assert.equal(await finder.town.inputValue(), "New Britain");
    assert.deepEqual(await finder.ids(), ["under-six", "statewide-food-housing", "preschool", "newborn"]);
    await finder.town.fill("Atlantis");
    await finder.age.focus();
    await finder.root.getByText("No Connecticut town matches “Atlantis”.").waitFor();
    assert.deepEqual(await finder.ids(), ALL, "an unknown town filters nothing");
  });

  test("the town box forgives typos, a trailing CT and N./E./S./W., and offers the closest towns", async () => {
    const { page, finder } = await open();
    const firstSuggestion = async (typed) => {
      await finder.town.fill(typed);
      await finder.suggestions.first().waitFor();
      return (await finder.suggestions.first().textContent()).trim();
    };
    assert.equal(await firstSuggestion("Hartfrod"), "Hartford");
    assert.equal(await firstSuggestion("Harford"), "Hartford");
    assert.equal(await firstSuggestion("Wilimantic"), "Willimantic (Windham)");
    await finder.town.press("Enter");
    assert.equal(await finder.town.inputValue(), "Willimantic", "the village's own name goes in the box");
    // Written as in an address: filters as the town itself.
    const windham = await finder.ids();
    for (const typed of ["Willimantic, CT", "N. Windham"]) {
      await finder.town.fill(typed);
      await finder.age.focus();
      assert.equal(await finder.town.getAttribute("aria-invalid"), null, typed);
      assert.deepEqual(await finder.ids(), windham, typed);
    }
    await finder.town.fill("E. Hartford");
    await finder.age.focus();
    assert.equal(await finder.town.getAttribute("aria-invalid"), null);
    // Unknown: the text stays, the message says so, the closest towns are buttons.
    await finder.town.fill("Hartfxyz");
    await finder.age.focus();
    await finder.root.getByText("No Connecticut town matches “Hartfxyz”.").waitFor();
    assert.equal(await finder.town.inputValue(), "Hartfxyz");
    assert.deepEqual(await finder.ids(), ALL, "an unknown town filters nothing");
    const closest = finder.root.getByRole("group", { name: "Closest towns:" });
    await closest.getByRole("button", { name: "Hartford", exact: true }).click();
    assert.equal(await finder.town.inputValue(), "Hartford");
    assert.equal(await closest.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.id), "pf-town", "focus back in the box");
  });

  test("a Connecticut ZIP code finds its town; one shared by towns asks which; others match nothing", async () => {
    const { finder } = await open();
    await finder.town.fill("Windham");
    await finder.age.focus();
    const windham = await finder.ids();
    for (const typed of ["06226", " 06226-1234 "]) {
      await finder.town.fill(typed);
      await finder.suggestions.first().waitFor();
      assert.equal((await finder.suggestions.first().textContent()).trim(), "Windham", typed);
      await finder.age.focus();
      assert.equal(await finder.town.getAttribute("aria-invalid"), null, typed);
      assert.deepEqual(await finder.ids(), windham, `${typed} filters as Windham`);
    }
    // 06355 is Groton and Stonington: a question, not an error.
    await finder.town.fill("06355");
    await finder.age.focus();
    await finder.root.getByText("ZIP code 06355 covers more than one town. Which is yours?").waitFor();
    assert.equal(await finder.town.getAttribute("aria-invalid"), null);
    const towns = finder.root.getByRole("group", { name: "Towns in this ZIP code:" });
    assert.deepEqual(await towns.getByRole("button").allTextContents(), ["Groton", "Stonington"]);
    await towns.getByRole("button", { name: "Stonington" }).click();
    assert.equal(await finder.town.inputValue(), "Stonington");
    // New York's 10001 is not a Connecticut town.
    await finder.town.fill("10001");
    await finder.age.focus();
    await finder.root.getByText("No Connecticut town matches “10001”.").waitFor();
    assert.equal(await finder.town.getAttribute("aria-invalid"), "true");
    assert.deepEqual(await finder.ids(), ALL);
  });

  test("ages: 5 vs 6 years for 0–5, 6 vs 7 months for 0–0.5", async () => {
    const { finder } = await open();
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
  });

  test("an empty result says what to change and can clear everything", async () => {
    const { finder } = await open();
    await finder.need("Early literacy").check();
    await finder.setAge(17);
    const empty = finder.root.locator(".empty");
    await empty.waitFor();
    assert.match(await empty.textContent(), /No programs match all of your choices/);
    assert.match(await empty.textContent(), /remove the child's age/);
    assert.match(await empty.textContent(), /choose more kinds of help/);
    // Typing: the count (a live region) follows once typing pauses.
    await finder.count.filter({ hasText: /^Showing 0 of 7 programs$/ }).waitFor();
    await empty.getByRole("button", { name: "Clear all choices" }).click();
    assert.deepEqual(await finder.ids(), ALL);
    assert.equal(await finder.age.inputValue(), "");
    assert.equal(await finder.need("Early literacy").isChecked(), false);
  });

  test("the age box reads 4.5, 4,5 and 3 1/2 as the ages they mean, and adults' ages", async () => {
    const { finder } = await open();
    const idsFor = async (age) => {
      await finder.age.fill(age);
      assert.equal(await finder.age.getAttribute("aria-invalid"), null, `${age} is an age`);
      return finder.ids();
    };
    await finder.ageUnit.selectOption("years");
    const four = await idsFor("4");
    assert.notDeepEqual(four, ALL);
    assert.deepEqual(await idsFor("4.5"), four, "4½ is still 4");
    assert.deepEqual(await idsFor("4,5"), four);
    assert.deepEqual(await idsFor("3 1/2"), await idsFor("3"));
    assert.ok((await idsFor("35")).includes("adults"), "an adult's age is valid");
    // Nothing blocks typing: the whole of "3 1/2" goes in.
    await finder.age.fill("");
    await finder.age.pressSequentially("3 1/2");
    assert.equal(await finder.age.inputValue(), "3 1/2");
  });

  test("an age that is not an age, or over 120, is pointed out plainly and filters nothing", async () => {
    const { finder } = await open();
    await finder.setAge("130");
    await finder.root.getByText("That is over 120 years. Check the age.").waitFor();
    assert.equal(await finder.age.getAttribute("aria-invalid"), "true");
    assert.deepEqual(await finder.ids(), ALL);
    await finder.setAge("four");
    await finder.root.getByText("Enter an age such as 4, 4.5 or 3 1/2.").waitFor();
    assert.deepEqual(await finder.ids(), ALL);
  });

  test("counts beside each need say what choosing it would give", async () => {
    const { finder } = await open();
    await finder.chooseTown("mer", "Meriden");
    // Meriden: statewide-food-housing, preschool, newborn (statewide) and adults (lists Meriden).
    const label = async (name) => (await finder.need(name).evaluate((input) => input.closest("label").innerText)).replace(/\s+/g, " ").trim();
    assert.equal(await label("Food"), "Food (2)");
    assert.equal(await label("Housing"), "Housing (2)");
    assert.equal(await label("Early literacy"), "Early literacy (1)");
    await finder.need("Housing").check();
    assert.equal((await finder.ids()).length, 2, "the count was right");
    // A need's count ignores the needs already chosen (like any faceted search), so it
    // says how many programs have that need among those fitting the other choices.
    assert.equal(await label("Food"), "Food (2)");
  });

  test("keywords find programs by name, synonym and typo, ranked", async () => {
    const { finder } = await open();
    // The name match ranks first; "pantry" is a synonym of food, so food programs follow.
    await finder.search.fill("pantry");
    const pantry = await finder.ids();
    assert.equal(pantry[0], "hartford-food");
    assert.ok(pantry.every((id) => ["hartford-food", "statewide-food-housing", "newborn"].includes(id)), pantry.join());
    // The housing programs, and only them (in any order: ranking is the name test above).
    const housing = ["adults", "statewide-food-housing", "windham-county-housing"];
    await finder.search.fill("hosuing");
    assert.deepEqual((await finder.ids()).sort(), housing, "a typo still finds housing");
    await finder.search.fill("vivienda");
    assert.deepEqual((await finder.ids()).sort(), housing, "Spanish synonym finds housing");
    // "books" is in one name; "readers" shares the reading/books synonym group.
    await finder.search.fill("books");
    assert.deepEqual(await finder.ids(), ["under-six", "preschool"]);
    await finder.search.fill("zzzqqq");
    await finder.root.locator("div.empty").waitFor();
    assert.match(await finder.root.locator("div.empty").textContent(), /try other words/);
    await finder.clearAll.click();
    assert.equal(await finder.search.inputValue(), "");
  });

  test("cards carry call and website links", async () => {
    const { finder } = await open();
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

  test("on a phone, 'See N programs' after need, town and age takes the family to the list", async () => {
    const { finder: small } = await open({ width: 375, height: 700 });
    const see = small.root.getByRole("button", { name: /^See \d+ programs?$/ });
    await small.need("Housing").check();
    assert.equal(await see.textContent(), "See 3 programs");
    await small.age.fill("4");
    assert.equal(await see.textContent(), "See 2 programs");
    await small.count.filter({ hasText: /^Showing 2 of 7 programs$/ }).waitFor();
    // Right below the age box, where a family's eyes are after typing the age.
    await small.age.scrollIntoViewIfNeeded();
    const [age, box] = [await small.age.boundingBox(), await see.boundingBox()];
    assert.ok(box.y > age.y && box.y + box.height <= 700, `button at y=${box.y}, age box at y=${age.y}`);
    const firstCard = await small.cards.first().boundingBox();
    assert.ok(firstCard.y > 700, "the first program is below the screen before the click");
    await see.click();
    assert.equal(await small.count.evaluate((el) => el.getRootNode().activeElement === el), true, "focus on the count");
    const card = await small.cards.first().boundingBox();
    assert.ok(card.y >= 0 && card.y < 700, `first program on screen after the click (y=${card.y})`);
  });

  test("on a wide screen the list is already in sight beside the choices: no 'See N programs'", async () => {
    const { finder } = await open();
    await finder.need("Housing").check();
    await finder.count.filter({ hasText: /^Showing 3 of 7 programs$/ }).waitFor();
    assert.equal(await finder.root.locator(".see-results").count(), 1, "the button is there, for narrow screens");
    assert.equal(await finder.root.getByRole("button", { name: /^See \d+ programs?$/ }).count(), 0);
  });
});
