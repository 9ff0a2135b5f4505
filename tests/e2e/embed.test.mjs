// Embedding: presets from data-* attributes, independent instances, style isolation,
// bad catalogues, and the demo page itself.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { DIST, Finder, SHOTS, compareImages, useBrowser } from "./harness.mjs";

const sample = JSON.parse(readFileSync(`${DIST}/sample-catalogue.json`, "utf8"));

describe("embedding", () => {
  const env = useBrowser();

  test("the demo page shows the whole sample catalogue, labelled as sample data", async () => {
    const { page, messages } = await env.open(env.cdn.url);
    const finder = await new Finder(page).loaded();
    assert.equal(await finder.count.textContent(), `${sample.programs.length} programs`);
    // The first page, then the rest on "Show more programs", in catalogue order.
    const ids = sample.programs.map((p) => p.id);
    assert.deepEqual(await finder.ids(), ids.slice(0, 30));
    await finder.root.getByRole("button", { name: "Show more programs" }).click();
    assert.deepEqual(await finder.ids(), ids);
    assert.equal(await finder.root.getByRole("button", { name: "Show more programs" }).count(), 0);
    assert.match(await finder.root.locator(".notice").textContent(), /sample/i);
    for (const need of sample.needs) {
      await finder.need(need.label).waitFor();
    }
    assert.deepEqual(messages.errors, []);
    assert.deepEqual(messages.warnings, [], "the sample catalogue has no problems");
  });

  test("choosing a need on the demo page shows only programs with that need", async () => {
    const { page } = await env.open(env.cdn.url, { width: 375, height: 800 });
    const finder = await new Finder(page).loaded();
    const need = sample.needs.find((n) => n.id === "housing");
    await finder.need(need.label).check();
    const expected = sample.programs.filter((p) => p.needs.includes("housing")).map((p) => p.id);
    assert.ok(expected.length > 0 && expected.length <= 30, "fits on the first page");
    assert.deepEqual(await finder.ids(), expected);
    for (const id of expected) {
      assert.match(await finder.root.locator(`[data-program-id="${id}"] .tags`).textContent(), new RegExp(need.label));
    }
  });

  test("presets from data-* attributes set the starting choices", async () => {
    const { page, messages } = await env.open(env.site.url + "pages/presets.html");
    const literacy = await new Finder(page, "#literacy").loaded();
    assert.deepEqual(await literacy.ids(), ["under-six", "preschool"]);
    assert.equal(await literacy.need("Early literacy").isChecked(), true);
    assert.equal(await literacy.town.inputValue(), "hartford");
    assert.equal(await literacy.age.inputValue(), "5");

    const baby = await new Finder(page, "#baby").loaded();
    assert.deepEqual(await baby.ids(), ["hartford-food", "statewide-food-housing", "newborn"]);
    assert.equal(await baby.ageUnit.inputValue(), "months");
    assert.equal(await baby.age.inputValue(), "6");

    // Presets that make no sense are dropped (and explained in the console), not obeyed.
    const nonsense = await new Finder(page, "#nonsense").loaded();
    assert.equal(await nonsense.cards.count(), 7);
    const warnings = messages.warnings.join("\n");
    // Named as options, the same for data-* attributes, element attributes and the JS API.
    assert.match(warnings, /need="no-such-need"/);
    assert.match(warnings, /town="Atlantis"/);
    assert.match(warnings, /age="toddler"/);
  });

  test("two widgets on one page stay independent: each answers its own family, and only its own", async () => {
    const { page } = await env.open(env.site.url + "pages/two.html");
    const first = await new Finder(page, "#sample").loaded();
    const second = await new Finder(page, "#fixture").loaded();
    const all = `${sample.programs.length} programs`;
    assert.equal(await first.count.textContent(), all, "no data-catalogue: the bundled sample");
    assert.equal(await second.cards.count(), 7);

    await second.need("Housing").check();
    await second.chooseTown("mer", "Meriden");
    assert.deepEqual(await second.ids(), ["adults", "statewide-food-housing"], "town-listed first");
    assert.equal(await first.count.textContent(), all, "the other widget did not change");
    assert.equal(await first.town.inputValue(), "");

    // The first still answers its own family (a widget that stopped would not).
    const housing = sample.programs.filter((p) => p.needs.includes("housing")).length;
    await first.need(sample.needs.find((n) => n.id === "housing").label).check();
    assert.equal(await first.count.textContent(), `Showing ${housing} of ${all}`);
    assert.deepEqual(await second.ids(), ["adults", "statewide-food-housing"], "and the second did not change");
  });

  test("a host page's aggressive CSS does not change the widget", async () => {
    const shoot = async (name) => {
      const { page } = await env.open(env.site.url + `pages/${name}.html`);
      const finder = await new Finder(page, "#host").loaded();
      await finder.need("Food").check();
      const root = page.locator("#host .root");
      // No focus ring: its anti-aliasing depends on the host's sub-pixel position.
      await root.evaluate((el) => el.getRootNode().activeElement?.blur());
      const style = await root.locator(".name").first().evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.fontFamily, s.fontSize, s.color, s.textTransform, s.letterSpacing, s.lineHeight].join(" | ");
      });
      return { image: await root.screenshot(), style, page };
    };
    const plain = await shoot("plain");
    const aggressive = await shoot("aggressive");
    assert.equal(aggressive.style, plain.style);
    // The page really is hostile: its own text is purple, uppercase Comic Sans.
    const pageText = await aggressive.page.evaluate(() => getComputedStyle(document.body).textTransform);
    assert.equal(pageText, "uppercase");
    const diff = await compareImages(env.browser, plain.image, aggressive.image);
    // Both pages place the host at the same spot (the aggressive page's `margin: 7px
    // !important` is matched by the plain page). Rasterizing is not perfectly repeatable:
    // a few pixels may differ by up to 3 of 255, which no eye sees; any style that leaks
    // in changes whole glyphs and edges by far more.
    if (!diff.sameSize || diff.maxDelta > 3) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(`${SHOTS}/isolation-plain.png`, plain.image);
      writeFileSync(`${SHOTS}/isolation-aggressive.png`, aggressive.image);
      assert.fail(`screenshots of the widget differ (${JSON.stringify(diff)}); both saved in ${SHOTS}`);
    }
  });

  test("broken catalogues show a clear message, and a broken program does not hide the rest", async () => {
    const { page, messages } = await env.open(env.site.url + "pages/bad.html");
    for (const id of ["#missing", "#html", "#version"]) {
      const alert = page.locator(id).getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), /could not load the list of programs/);
      await alert.getByRole("button", { name: "Try again" }).waitFor();
    }
    const oneBad = await new Finder(page, "#one-bad").loaded();
    assert.deepEqual(await oneBad.ids(), ["first", "third"]);
    const errors = messages.errors.join("\n");
    assert.match(errors, /does-not-exist\.json: the server answered HTTP 404/);
    assert.match(errors, /html-instead\.json: the file is not valid JSON/);
    assert.match(errors, /version 1/);
    assert.match(messages.warnings.join("\n"), /programs\[1\]: it has neither "towns" nor "statewide": true/);
  });
});
