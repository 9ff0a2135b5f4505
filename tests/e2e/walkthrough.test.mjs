// Small things a family walkthrough found (issue 13, "low"): every place a program serves
// is reachable, the Directions link is a big enough target, "Free programs only" has the
// same focus ring as every other control, and the Spanish search hint fits on a phone.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, Finder, useBrowser } from "./harness.mjs";

const sample = JSON.parse(readFileSync(`${DIST}/sample-catalogue.json`, "utf8"));

describe("walkthrough details", () => {
  const env = useBrowser();

  async function open(width = 1280) {
    const { page } = await env.open(env.cdn.url, { width, height: 800 });
    return { page, finder: await new Finder(page).loaded() };
  }

  test("a program serving more places than its card names lists them all in its details", async () => {
    const { finder } = await open();
    const program = sample.programs.find((p) => (p.towns ?? []).length > 4);
    const card = finder.root.locator(`[data-program-id="${program.id}"]`);
    assert.match(await card.locator(".facts").first().textContent(), /and 1 more/);
    await card.getByRole("button", { name: /More details/ }).click();
    const details = card.locator(".details");
    await details.waitFor();
    for (const town of program.towns) {
      assert.ok((await details.textContent()).includes(town), `${town} is named in the details`);
    }
  });

  test("the Directions link is at least 24 px tall (WCAG 2.5.8)", async () => {
    const { finder } = await open(375);
    const program = sample.programs.find((p) => p.address);
    const card = finder.root.locator(`[data-program-id="${program.id}"]`);
    await card.getByRole("button", { name: /More details/ }).click();
    const link = card.locator(".details").getByRole("link", { name: /Directions/ });
    const box = await link.boundingBox();
    assert.ok(box.height >= 24, `Directions is ${box.width}×${box.height} px`);
  });

  test("'Free programs only' shows the 3 px focus ring when reached with the keyboard", async () => {
    const { page, finder } = await open();
    const free = finder.root.getByRole("checkbox", { name: /Free programs only/ });
    // Reach it with Tab from the control before it, as a keyboard user would.
    await finder.root.locator("#pf-language").focus();
    await page.keyboard.press("Tab");
    assert.equal(await free.evaluate((el) => el.matches(":focus-visible")), true);
    const ring = await free.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]);
    assert.deepEqual(ring, ["solid", "3px"]);
  });

  test("the Spanish search hint fits in the box at 375 px", async () => {
    const { finder } = await open(375);
    await finder.root.getByRole("button", { name: "Español" }).click();
    const box = finder.root.getByRole("combobox", { name: /Search programs|Buscar programas/ });
    await finder.root.getByRole("combobox", { name: /Buscar/ }).waitFor();
    const { text, room, needed } = await box.evaluate((input) => {
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d");
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: input.placeholder, room, needed: context.measureText(input.placeholder).width };
    });
    assert.ok(needed <= room, `"${text}" needs ${needed.toFixed(0)} px, the box has ${room.toFixed(0)} px`);
  });

  test("a need the catalogue does not cover ends with a way out: call 2-1-1, in the family's language", async () => {
    const { finder } = await open(375);
    await finder.search.fill("diapers formula");
    const empty = finder.root.locator("div.empty");
    await empty.waitFor();
    const call = empty.locator(".empty-211").getByRole("link", { name: "Call 2-1-1" });
    assert.equal(await call.getAttribute("href"), "tel:211");
    await finder.root.getByRole("button", { name: "Español" }).click();
    assert.equal(await empty.locator(".empty-211").getByRole("link", { name: "Llamar al 2-1-1" }).getAttribute("href"), "tel:211");
    assert.match(await empty.textContent(), /2-1-1 responde a toda hora/);
  });

  test("under an empty result, the programs staff marked as fallbacks show, whatever was chosen", async () => {
    const fallbacks = sample.programs.filter((p) => p.fallback === true).map((p) => p.id);
    assert.ok(fallbacks.length > 0, "the sample names fallback programs");
    const { finder } = await open(1280);
    // An age no fallback serves, and words nothing matches.
    await finder.setAge(16);
    await finder.search.fill("pañales");
    const empty = finder.root.locator("div.empty");
    await empty.waitFor();
    await empty.getByRole("heading", { name: "These can help with any need:" }).waitFor();
    assert.deepEqual(await empty.locator("[data-program-id]").evaluateAll((cards) => cards.map((c) => c.dataset.programId)), fallbacks);
    const first = empty.locator("[data-program-id]").first();
    assert.ok((await first.getByRole("link", { name: /^Call/ }).count()) + (await first.getByRole("link", { name: /^Website/ }).count()) > 0, "a way to reach it");
    // The count is still honest (said once typing pauses).
    await finder.root.locator(".count").filter({ hasText: /^Showing 0 of \d+ programs$/ }).waitFor();
    // Once something matches, they are ordinary programs again.
    await finder.search.fill("");
    await empty.waitFor({ state: "detached" });
  });

  test("'dental' lists dental care only, not the crisis line or the housing line ('mental', 'rental' are other words)", async () => {
    const { page, finder } = await open();
    const dentalCare = sample.programs
      .filter((p) => /dent|oral health|teeth/i.test(`${p.name} ${p.description ?? ""}`))
      .map((p) => p.id);
    assert.ok(dentalCare.length > 0);
    await finder.search.fill("dental");
    await page.waitForFunction((n) => document.querySelector("[data-program-finder]").shadowRoot.querySelectorAll("[data-program-id]").length === n, dentalCare.length);
    assert.deepEqual((await finder.ids()).sort(), [...dentalCare].sort());
    // A misspelling still finds what it means: the mental health programs, as results (an
    // empty result would show cards too: the fallbacks under "nothing matches").
    const mentalHealth = sample.programs.filter((p) => p.needs.includes("mental-health")).map((p) => p.id);
    await finder.search.fill("mentl health");
    assert.deepEqual((await finder.ids()).sort(), [...mentalHealth].sort());
    assert.equal(await finder.root.locator("div.empty").count(), 0);
  });

});
