// Search at catalogue scale: a 10,000-program catalogue loads, a typed query (with a typo)
// finds results, and a page can preset the keywords with data-q.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Finder, useBrowser } from "./harness.mjs";

const GENERATED = fileURLToPath(new URL("fixtures/generated/", import.meta.url));
const TOWNS = ["Hartford", "New Britain", "Meriden", "Windham", "Norwich", "Waterbury", "Bristol", "Killingly", "Windham County", "New Haven County"];
const WORDS = ["family", "support", "meals", "reading", "clinic", "housing", "counseling", "rides", "parents", "youth", "health", "garden"];

/** A deterministic catalogue of `size` programs; every 500th is a "Dental clinic". */
function catalogue(size) {
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const needs = ["food", "housing", "health-care", "family-support"];
  const programs = [];
  for (let i = 0; i < size; i++) {
    const words = [WORDS[random(WORDS.length)], WORDS[random(WORDS.length)], WORDS[random(WORDS.length)]];
    programs.push({
      id: `p${i}`,
      name: i % 500 === 0 ? `Dental clinic ${i}` : `${words[0]} ${words[1]} program ${i}`,
      organization: `Organization ${random(300)}`,
      description: `Helps with ${words.join(", ")} for families in the area.`,
      needs: [needs[random(needs.length)]],
      ...(random(10) === 0 ? { statewide: true } : { towns: [TOWNS[random(TOWNS.length)]] }),
      phone: `860-555-01${String(random(100)).padStart(2, "0")}`,
    });
  }
  return { version: 1, needs: needs.map((id) => ({ id, label: id })), programs };
}

describe("search at scale", () => {
  const env = useBrowser();
  before(() => {
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(`${GENERATED}catalogue-10k.json`, JSON.stringify(catalogue(10_000)));
    writeFileSync(
      `${GENERATED}search.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>10k</title>
       <script src="{{CDN}}program-finder.js" defer></script></head><body>
       <div id="big" data-program-finder data-catalogue="catalogue-10k.json"></div>
       <div id="preset" data-program-finder data-catalogue="../catalogue.json" data-q="books"></div></body></html>`,
    );
  });

  test("typing a query with a typo into the 10,000-program catalogue finds the dental clinics", async () => {
    const { page, messages } = await env.open(env.site.url + "fixtures/generated/search.html");
    const finder = await new Finder(page, "#big").loaded();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    await finder.search.pressSequentially("dentl clin", { delay: 20 });
    await finder.count.filter({ hasText: /Showing 20 of/ }).waitFor();
    const names = await finder.cards.locator("h3").allTextContents();
    assert.equal(names.length, 20);
    assert.ok(names.every((name) => name.startsWith("Dental clinic")), names.join(" | "));
    assert.deepEqual(messages.errors, []);
  });

  test("data-q presets the search box", async () => {
    const { page } = await env.open(env.site.url + "fixtures/generated/search.html");
    const finder = await new Finder(page, "#preset").loaded();
    assert.equal(await finder.search.inputValue(), "books");
    assert.deepEqual(await finder.ids(), ["under-six", "preschool"]);
  });
});
