// Search at catalogue scale: a 10,000-program catalogue loads, a typed query (with a typo)
// finds results, and a page can preset the keywords with data-q.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Finder, useBrowser } from "./harness.mjs";
import { catalogue } from "./generated.mjs";

const GENERATED = fileURLToPath(new URL("fixtures/generated/", import.meta.url));

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
