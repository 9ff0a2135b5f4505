// Spanish and English: chosen from data-lang or the page's <html lang>, switchable in
// the widget, catalogue text translated where the catalogue has it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DIST, useBrowser } from "./harness.mjs";

const english = JSON.parse(readFileSync(fileURLToPath(new URL("../../locales/en.json", import.meta.url)), "utf8"));
const spanish = JSON.parse(readFileSync(fileURLToPath(new URL("../../locales/es.json", import.meta.url)), "utf8"));
const sample = JSON.parse(readFileSync(`${DIST}/sample-catalogue.json`, "utf8"));

describe("languages", () => {
  const env = useBrowser();

  test("a Spanish page gets the Spanish interface and shows no English interface words", async () => {
    const { page } = await env.open(env.site.url + "pages/spanish.html");
    const widget = page.locator("#page-lang");
    await widget.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    assert.equal(await widget.locator("section").getAttribute("lang"), "es");
    assert.equal(await widget.getByRole("heading", { level: 2 }).textContent(), spanish.heading);
    await widget.getByRole("checkbox", { name: "Comida y nutrición" }).waitFor();
    // Every English interface string that differs from its Spanish one must be absent.
    const text = await widget.locator(".root").evaluate((root) => root.innerText);
    for (const [key, value] of Object.entries(english)) {
      // "Free" (cost_free) is also a word of catalogue text shown in English, marked lang=en;
      // a value with no letters (the decimal point) is no word.
      const skip = value === spanish[key] || value.includes("{") || !/\p{L}/u.test(value);
      if (skip || key === "language_name" || key === "cost_free") continue;
      // Whole words only: "Cost" is part of the Spanish "Costo".
      const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const word = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, "u");
      assert.ok(!word.test(text), `English "${value}" (${key}) shown on the Spanish page`);
    }
    // Catalogue text is translated where the catalogue has it.
    const translated = sample.programs.find((p) => p.translations?.es?.name);
    assert.match(await widget.locator(`[data-program-id="${translated.id}"] h3`).textContent(), new RegExp(translated.translations.es.name.slice(0, 12)));
    const untranslated = sample.programs.find((p) => !p.translations?.es && p.description);
    const card = widget.locator(`[data-program-id="${untranslated.id}"]`);
    assert.equal(await card.locator("h3").getAttribute("lang"), "en");
    assert.match(await card.textContent(), new RegExp(spanish.in_english_only));
  });

  test("a date reads in the family's words, on the day staff wrote, west of UTC too", async () => {
    // In New York, midnight UTC on the 15th is still the 14th: the widget must say the 15th.
    const { page } = await env.open(env.site.url + "pages/spanish.html", { timezoneId: "America/New_York" });
    const widget = page.locator("#page-lang");
    await widget.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    const reviewed = sample.programs.find((p) => p.last_reviewed && !p.last_reviewed.endsWith("-01"));
    const [year, month, day] = reviewed.last_reviewed.split("-").map(Number);
    const months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
    const details = widget.locator(`[data-program-id="${reviewed.id}"]`);
    await details.getByRole("button", { name: spanish.more_details }).click();
    const fact = details.locator("dt", { hasText: spanish.last_reviewed }).locator("xpath=following-sibling::dd[1]");
    assert.equal(await fact.textContent(), `${day} de ${months[month - 1]} de ${year}`);
  });

  test("data-lang wins over the page, and the switch changes language in place", async () => {
    const { page } = await env.open(env.site.url + "pages/spanish.html");
    const widget = page.locator("#attribute-lang");
    await widget.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    assert.equal(await widget.getByRole("status").filter({ hasText: /\d/ }).textContent(), "7 programs");
    await widget.getByRole("checkbox", { name: "Housing" }).check();
    await widget.getByRole("button", { name: "Español" }).click();
    assert.equal(await widget.getByRole("button", { name: "Español" }).getAttribute("aria-pressed"), "true");
    assert.equal(await widget.getByRole("status").filter({ hasText: /\d/ }).textContent(), "Mostrando 3 de 7 programas");
    assert.equal(await widget.getByRole("checkbox", { name: "Housing" }).isChecked(), true, "choices survive the switch");
    // This catalogue has no Spanish need labels: the English ones are marked as English.
    assert.equal(await widget.locator(".chip", { hasText: "Housing" }).locator("span[lang]").first().getAttribute("lang"), "en");
    assert.equal(await widget.getByLabel(spanish.town_label).count(), 1);
  });
});

describe("Spanish, complete", () => {
  const env = useBrowser();

  test("'free' and county names read in Spanish; a catalogue's longer cost stays English, marked so", async () => {
    const { page } = await env.open(env.cdn.url);
    const widget = page.locator("[data-program-finder]");
    await widget.getByRole("button", { name: "Español" }).click();
    const card = (id) => widget.locator(`[data-program-id="${id}"]`);
    const plainlyFree = sample.programs.find((p) => /^free\.?$/i.test((p.cost ?? "").trim()) && !p.translations?.es?.cost);
    await card(plainlyFree.id).getByText("Gratis").waitFor();
    assert.equal(await card(plainlyFree.id).getByText("Gratis").getAttribute("lang"), null, "no English mark on a translated word");
    const withCounty = sample.programs.slice(0, 30).find((p) => (p.towns ?? []).some((t) => t.endsWith(" County")));
    const county = withCounty.towns.find((t) => t.endsWith(" County")).replace(/ County$/, "");
    assert.match(await card(withCounty.id).locator(".facts").first().textContent(), new RegExp(`Condado de ${county}`));
    const longer = sample.programs.slice(0, 30).find((p) => /^free .+/i.test(p.cost ?? "") && !p.translations?.es?.cost);
    assert.ok(longer, "the sample has a longer cost in English only");
    assert.equal(await card(longer.id).locator("dd[lang=en]").filter({ hasText: longer.cost }).count(), 1);
  });

  test("the language a family picks is in the address: a copied link and a reload open in it", async () => {
    const { page } = await env.open(env.cdn.url);
    const widget = page.locator("[data-program-finder]");
    await widget.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    await widget.getByRole("button", { name: "Español" }).click();
    await page.waitForURL(/pf-lang=es/);
    await page.reload();
    // The frame painted before the module already speaks Spanish, and so does the widget.
    await widget.getByRole("heading", { level: 2, name: spanish.heading }).waitFor();
    await widget.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    assert.equal(await widget.locator("section").getAttribute("lang"), "es");
    // Back to English: the address no longer names a language (English is the page's).
    await widget.getByRole("button", { name: "English" }).click();
    await page.waitForURL((url) => !url.search.includes("pf-lang"));
    // A link opened fresh, as a family would from a message.
    const fresh = await env.open(`${env.cdn.url}?pf-lang=es&pf-need=food`);
    const other = fresh.page.locator("[data-program-finder]");
    await other.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    assert.equal(await other.locator("section").getAttribute("lang"), "es");
    await other.getByRole("checkbox", { name: /Comida y nutrición/, checked: true }).waitFor();
  });
});
