// A catalogue pack (`catalogue pack`) in the widget (`program-finder-pack.js`): it shows
// what the JSON catalogue shows, downloads only what the family's steps use, and turns every bad file (missing,
// cut short, of another version, not a pack) into a plain sentence with 2-1-1 and
// "Try again", never into wrong results.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Finder, openWidgetOn, useBrowser } from "./harness.mjs";
import { catalogue } from "./generated.mjs";
import { GENERATED, pack } from "./packs.mjs";

const SAMPLE = fileURLToPath(new URL("../../public/sample-catalogue.json", import.meta.url));

/** What a family sees: the count, the cards' names in order, each need's label with its count. */
async function screen(finder) {
  await finder.cards.first().locator("h3").waitFor();
  // A pack's cards join the list as their text comes: the list is busy until they have.
  await finder.root.locator(".results[aria-busy]").waitFor({ state: "hidden" });
  return {
    count: await finder.count.textContent(),
    names: await finder.cards.locator("h3").allTextContents(),
    needs: await finder.root.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => b.labels[0]?.textContent.trim())),
  };
}

/** The pack files a page asked for, by kind, from the moment this is called. */
function packRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop();
    if (/^(pack\.json|start\.bin|(postings|spans)-\d+\.bin|programs-\d+\.json)$/.test(name)) seen.push(name);
  });
  return {
    all: () => [...seen],
    count: (pattern) => seen.filter((name) => pattern.test(name)).length,
  };
}

/** Holds back the answers to the page's requests for files matching `pattern`; the
 *  function it resolves to lets them through. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Puts a widget (`#host`) on `page` for the catalogue at `url`, loaded with `script`,
 *  with these `data-` options. */
function mount(env, page, url, script, options = {}) {
  return page.evaluate(
    ([cdn, url, script, options]) => {
      const host = Object.assign(document.createElement("div"), { id: "host" });
      host.dataset.programFinder = "";
      host.dataset.catalogue = url;
      Object.assign(host.dataset, options);
      document.body.append(host);
      document.head.append(Object.assign(document.createElement("script"), { src: cdn + script }));
    },
    [env.cdn.url, url, script, options],
  );
}

/** `openWidgetOn`, with the pack files the page asks for recorded from the start. */
async function openWatched(env, url) {
  const { page, messages } = await env.open(env.site.url + "pages/blank.html");
  const requests = packRequests(page);
  await mount(env, page, url, "program-finder-pack.js");
  return { page, messages, requests, finder: new Finder(page, "#host") };
}

describe("a catalogue pack", () => {
  const env = useBrowser();
  let sample;
  let big;
  before(() => {
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(`${GENERATED}sample.json`, readFileSync(SAMPLE));
    sample = pack(SAMPLE, "pack-sample");
    writeFileSync(`${GENERATED}catalogue-10k-for-pack.json`, JSON.stringify(catalogue(10_000)));
    big = pack(`${GENERATED}catalogue-10k-for-pack.json`, "pack-10k");
  });

  test("shows what its JSON catalogue shows, through a need, a town, an age, a typed word and two", async () => {
    const steps = [
      async () => {},
      async (finder) => finder.need("Food & nutrition").check(),
      async (finder) => finder.chooseTown("Hartf", "Hartford"),
      async (finder) => finder.setAge(4),
      async (finder) => finder.search.fill("pantyr"),
      // Two words: ranked by how far apart they are, from the pack's spans files.
      async (finder) => finder.search.fill("food pantry"),
    ];
    // Both from the site origin, so only the format differs.
    // The JSON in program-finder.js, the pack in program-finder-pack.js, and the JSON in
    // program-finder-pack.js too (it reads both).
    const seen = { json: [], pack: [], "json in the pack build": [] };
    for (const [kind, url, script] of [
      ["json", "../fixtures/generated/sample.json", "program-finder.js"],
      ["pack", sample.url, "program-finder-pack.js"],
      ["json in the pack build", "../fixtures/generated/sample.json", "program-finder-pack.js"],
    ]) {
      const { finder, messages } = await openWidgetOn(env, url, { script });
      // A pack's first screen comes from its entry, where "open now" cannot be counted (it
      // is the family's minute): its count follows with the facts.
      await finder.root.getByRole("checkbox", { name: /^Open now \(\d+\)$/ }).waitFor();
      for (const step of steps) {
        await step(finder);
        await finder.settled();
        seen[kind].push(await screen(finder));
      }
      assert.deepEqual(messages.errors, [], kind);
    }
    assert.ok(seen.json[4].names.length > 0, "the typo finds programs");
    assert.ok(seen.json[5].names.length > 0, "the two words find programs");
    assert.deepEqual(seen.pack, seen.json);
    assert.deepEqual(seen["json in the pack build"], seen.json);
  });

  test("a pack's entry is the copy kept: when the entry cannot be fetched, the pack opens from it", async () => {
    const first = await openWidgetOn(env, sample.url, { script: "program-finder-pack.js" });
    await first.finder.cards.first().locator("h3").waitFor();
    const names = await first.finder.cards.locator("h3").allTextContents();
    // The same browser, another visit: the entry's server fails; the pack's files are there.
    const again = await env.open(env.site.url + "pages/blank.html", {
      context: first.page.context(),
      setup: (page) => page.route(/\/pack\.json$/, (route) => route.fulfill({ status: 500, body: "down" })),
    });
    await mount(env, again.page, sample.url, "program-finder-pack.js");
    const finder = new Finder(again.page, "#host");
    const saved = finder.root.locator(".saved-copy");
    await saved.waitFor({ timeout: 15_000 });
    assert.match(await saved.textContent(), /Showing the list saved on/);
    await finder.cards.first().locator("h3").waitFor();
    assert.deepEqual(await finder.cards.locator("h3").allTextContents(), names);
  });

  test("offline, a pack opens from the kept entry and the files the browser's cache kept", async () => {
    // A first visit, online: the entry is kept, the pack's files go to the HTTP cache
    // (named for ever, so served from it without asking). No routes here: they would
    // turn that cache off.
    const first = await openWidgetOn(env, sample.url, { script: "program-finder-pack.js" });
    await first.finder.need("Food & nutrition").check();
    await first.finder.count.filter({ hasText: /^Showing \d+ of 35 programs$/ }).waitFor();
    await first.finder.need("Food & nutrition").uncheck();
    await first.finder.count.filter({ hasText: /^35 programs$/ }).waitFor();
    const names = await first.finder.cards.locator("h3").allTextContents();
    // Another visit: the page and the widget's script come, then the network goes, then
    // the widget asks for its catalogue.
    const context = first.page.context();
    const { page } = await env.open(env.site.url + "pages/blank.html", { context });
    await page.evaluate((src) => document.head.append(Object.assign(document.createElement("script"), { src })), env.cdn.url + "program-finder-pack.js");
    await page.waitForFunction(() => window.ProgramFinder);
    await context.setOffline(true);
    try {
      await page.evaluate((url) => {
        const host = Object.assign(document.createElement("div"), { id: "host" });
        host.dataset.programFinder = "";
        host.dataset.catalogue = url;
        document.body.append(host);
      }, sample.url);
      const finder = new Finder(page, "#host");
      await finder.root.locator(".saved-copy").waitFor({ timeout: 20_000 });
      await finder.cards.first().locator("h3").waitFor();
      assert.deepEqual(await finder.cards.locator("h3").allTextContents(), names);
      // The facts came from the cache too: two needs are answered.
      await finder.need("Food & nutrition").check();
      await finder.need("Housing & healthy homes").check();
      await finder.count.filter({ hasText: /^Showing \d+ of 35 programs$/ }).waitFor();
      assert.equal(await finder.root.getByRole("alert").count(), 0);
    } finally {
      await context.setOffline(false);
    }
  });

  test("program-finder.js, which reads catalogue JSON only, tells staff to load the pack with program-finder-pack.js", async () => {
    const { page, messages } = await env.open(env.site.url + "pages/blank.html");
    await mount(env, page, sample.url, "program-finder.js");
    const failed = new Finder(page, "#host").root.getByRole("alert").filter({ hasText: "We could not load the list of programs." });
    await failed.waitFor();
    assert.match(await failed.textContent(), /2-1-1/);
    assert.ok(messages.errors.some((e) => /program-finder-pack\.js/.test(e)), messages.errors.join("\n"));
  });

  test("the first screens come from the entry: the cards and counts, and a need's, show before the facts; a second choice waits for them", async () => {
    const { page } = await env.open(env.site.url + "pages/blank.html");
    const release = await holdBack(page, /\/start\.bin$/);
    const requests = packRequests(page);
    await mount(env, page, big.url, "program-finder-pack.js");
    const finder = new Finder(page, "#host");
    await finder.cards.nth(29).locator("h3").waitFor();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    const needs = await finder.root.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => b.labels[0]?.textContent.trim()));
    assert.ok(needs.length > 3 && needs.every((label) => /\(\d+\)$/.test(label)), needs.join(" | "));
    assert.ok(requests.all().includes("start.bin"), "the facts are asked for at once, behind the cards");
    const firstCards = await finder.ids();

    // A need chosen alone: its screen is in the entry too, so it shows before the facts.
    // (The second need: the first is in almost every program of this catalogue.)
    await finder.root.getByRole("checkbox").nth(1).check();
    await finder.count.filter({ hasText: /^Showing [\d,]+ of 10,?000 programs$/ }).waitFor();
    const needCards = await finder.ids();
    assert.notDeepEqual(needCards, firstCards);
    assert.equal(await finder.root.locator(".results[data-stale]").count(), 0);
    const needCount = await finder.count.textContent();

    // Two needs need the facts: the cards stay, marked busy (and dimmed), with
    // "Loading programs…" for the count, until they come.
    await finder.root.getByRole("checkbox").nth(0).check();
    await page.waitForTimeout(500);
    assert.equal(await finder.root.locator(".count[role=status]").textContent(), "Loading programs…");
    assert.equal(await finder.root.locator(".results[data-stale][aria-busy=true]").count(), 1);
    assert.deepEqual(await finder.idsNow(), needCards);
    release();
    await finder.count.filter({ hasText: / programs$/ }).filter({ hasNotText: needCount }).waitFor();
    assert.equal(await finder.root.locator(".results[data-stale]").count(), 0);

    // Back to one need: the search over the facts gives what the entry said.
    await finder.root.getByRole("checkbox").nth(0).uncheck();
    await finder.count.filter({ hasText: needCount }).waitFor();
    assert.deepEqual(await finder.ids(), needCards);
  });

  test("shows a page once its first cards are here: the rest join in order, and Show more waits for them", async () => {
    const { page } = await env.open(env.site.url + "pages/blank.html");
    // The text of cards 17 to 24 of the first page.
    const release = await holdBack(page, /\/programs-2\.json$/);
    const requests = packRequests(page);
    await mount(env, page, big.url, "program-finder-pack.js");
    const finder = new Finder(page, "#host");
    await finder.cards.nth(15).locator("h3").waitFor();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    await page.waitForTimeout(500);
    assert.equal(await finder.cards.count(), 16, "the cards after those still coming wait for them");
    assert.equal(await finder.root.locator(".results[aria-busy=true]:not([data-stale])").count(), 1, "the list is busy, not dimmed");
    const more = finder.root.getByRole("button", { name: "Show more programs" });
    assert.equal(await more.isVisible(), false);
    // The next page's first cards were asked for with this page's.
    assert.ok(requests.all().includes("programs-4.json"), requests.all().join(" "));

    release();
    assert.equal((await finder.ids()).length, 30);
    await more.click();
    await finder.cards.nth(59).locator("h3").waitFor();
    assert.equal((await finder.ids()).length, 60);
    assert.equal(await finder.root.locator(".results[aria-busy]").count(), 0);
  });

  test("Show more with the first new card's text still coming: focus goes to that card when it comes", async () => {
    const { page } = await env.open(env.site.url + "pages/blank.html");
    // Pages of 8: the first page is chunk 0, the next page's first cards are chunk 1.
    const release = await holdBack(page, /\/programs-1\.json$/);
    await mount(env, page, big.url, "program-finder-pack.js", { pageSize: "8" });
    const finder = new Finder(page, "#host");
    await finder.cards.nth(7).locator("h3").waitFor();
    assert.equal((await finder.ids()).length, 8);
    await finder.root.getByRole("button", { name: "Show more programs" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForTimeout(500);
    assert.equal(await finder.cards.count(), 8, "the new cards wait for their text");
    release();
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.tagName === "ARTICLE");
    const focused = await page.evaluate(() => document.activeElement.shadowRoot.activeElement.closest("[data-program-id]")?.dataset.programId);
    assert.equal(focused, (await finder.ids())[8]);
  });

  test("Print waits for the text of every card it prints", async () => {
    const { page } = await env.open(env.site.url + "pages/blank.html");
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => window.printed++;
    });
    // The 20 dental clinics are programs 0, 500, …, 9500; pages of 8: the last one
    // (chunk 1187) is fetched only for paper, and held back.
    const release = await holdBack(page, /\/programs-1187\.json$/);
    await mount(env, page, big.url, "program-finder-pack.js", { pageSize: "8" });
    const finder = new Finder(page, "#host");
    await finder.search.fill("dentl clinic");
    await finder.count.filter({ hasText: /^Showing 20 of 10,?000 programs$/ }).waitFor();
    assert.equal((await finder.ids()).length, 8);
    await finder.root.getByRole("button", { name: "Print" }).click();
    await finder.cards.nth(18).locator("h3").waitFor();
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => window.printed), 0, "not printed without the last card");
    release();
    await page.waitForFunction(() => window.printed === 1);
    assert.equal(await finder.cards.count(), 20);
  });

  test("downloads the first programs and the facts and terms first, then only what each step needs", async () => {
    const { page, finder, requests } = await openWatched(env, big.url);
    await finder.cards.first().locator("h3").waitFor();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    // 30 cards and the next page's first 6: chunks 0 to 4 of 8 programs; no postings yet
    // (nothing typed).
    await finder.ids();
    const chunks = [0, 1, 2, 3, 4].map((k) => `programs-${k}.json`);
    assert.deepEqual(requests.all().sort(), ["pack.json", ...chunks, "start.bin"]);

    // One word: its postings, not where it appears in each program (spans).
    await finder.search.fill("dentl");
    await finder.count.filter({ hasText: /Showing 20 of/ }).waitFor();
    const one = requests.count(/^postings-/);
    assert.ok(one >= 1, `${one} fragments for one word`);
    assert.equal(requests.count(/^spans-/), 0, requests.all().join(" "));

    // Two words: where they are too, for how far apart (the spans of the fragments).
    const spans = page.waitForResponse((response) => /\/spans-\d+\.bin$/.test(response.url()));
    await finder.search.fill("dentl clinic");
    await spans;
    // The 20 dental clinics are 500 programs apart: 20 chunks, fetched in parallel; the
    // results show when the first cards' text has come, and the rest join them.
    await finder.count.filter({ hasText: /Showing 20 of/ }).waitFor();
    await finder.ids();
    const fragments = requests.count(/^postings-/);
    const total = big.files.filter((name) => name.startsWith("postings-")).length;
    assert.ok(fragments >= 1 && fragments < total, `${fragments} of ${total} fragments for two words`);
    assert.ok(requests.count(/^spans-/) >= 1, requests.all().join(" "));
    const names = await finder.cards.locator("h3").allTextContents();
    assert.equal(names.length, 20);
    assert.ok(names.every((name) => name.startsWith("Dental clinic")), names.join(" | "));

    // Nothing is fetched twice in the page's life.
    await finder.search.fill("");
    await finder.count.filter({ hasText: /^10,?000 programs$/ }).waitFor();
    await finder.search.fill("dentl clinic");
    await finder.cards.first().locator("h3", { hasText: /^Dental clinic/ }).waitFor();
    assert.equal(new Set(requests.all()).size, requests.all().length, requests.all().join(" "));
  });
});

describe("a catalogue pack's bad files", () => {
  const env = useBrowser();
  let big;
  before(() => {
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(`${GENERATED}catalogue-10k-for-faults.json`, JSON.stringify(catalogue(10_000)));
    big = pack(`${GENERATED}catalogue-10k-for-faults.json`, "pack-faults");
  });

  /** Answers requests for the pack file `name` with `answer(body)`, counting them. */
  async function spoil(page, name, answer) {
    const file = new RegExp(`/${name.replace(".", "\\.")}$`);
    const asked = { count: 0, mend: () => page.unroute(file) };
    await page.route(file, async (route) => {
      asked.count++;
      const response = await route.fetch();
      await route.fulfill(answer(await response.body(), response));
    });
    return asked;
  }

  /** Opens the 10,000-program pack with `prepare(page)` run before the widget starts. */
  async function openSpoiled(prepare) {
    const { page, messages } = await env.open(env.site.url + "pages/blank.html");
    const spoiled = await prepare(page);
    await mount(env, page, big.url, "program-finder-pack.js");
    return { page, messages, spoiled, finder: new Finder(page, "#host") };
  }

  const PART_FAILED = /Some programs could not be loaded.*2-1-1/;

  test("a missing chunk: the cards that came show, one sentence with 2-1-1, and Try again brings the rest", async () => {
    const { finder, spoiled } = await openSpoiled((page) =>
      spoil(page, "programs-1.json", () => ({ status: 404, body: "not found" })),
    );
    const alert = finder.root.getByRole("alert").filter({ hasText: PART_FAILED });
    await alert.waitFor();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    assert.equal(await finder.cards.count(), 22, "every chunk's cards but the missing one's 8");
    assert.equal(spoiled.count, 2, "asked once more past every cache, then explained");
    await spoiled.mend();
    await alert.getByRole("button", { name: "Try again" }).click();
    await finder.cards.nth(29).waitFor();
    assert.equal(await alert.count(), 0);
  });

  test("a chunk of another version of the pack is never shown", async () => {
    const other = "0123456789abcdef";
    const { finder, spoiled, messages } = await openSpoiled((page) =>
      spoil(page, "programs-0.json", (body, response) => ({
        response,
        body: body.toString().replace(big.entry.id, other).replace(/"name":"[^"]*"/g, '"name":"Wrong program"'),
      })),
    );
    await finder.root.getByRole("alert").filter({ hasText: PART_FAILED }).waitFor();
    assert.equal(spoiled.count, 2);
    assert.equal(await finder.root.getByText("Wrong program").count(), 0);
    assert.ok(messages.errors.some((e) => /another version of the pack/.test(e)), messages.errors.join("\n"));
  });

  test("a fragment cut short: the last results stay, with one sentence and 2-1-1", async () => {
    const { finder, spoiled } = await openSpoiled(async (page) => {
      const fragments = /postings-\d+\.bin$/;
      const asked = { count: 0, mend: () => page.unroute(fragments) };
      await page.route(fragments, async (route) => {
        asked.count++;
        const response = await route.fetch();
        const body = await response.body();
        await route.fulfill({ response, body: body.subarray(0, body.length - 100) });
      });
      return asked;
    });
    await finder.cards.first().locator("h3").waitFor();
    await finder.search.fill("dentl clinic");
    await finder.root.getByRole("alert").filter({ hasText: PART_FAILED }).waitFor();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/, "the results before the search stay");
    assert.ok(spoiled.count >= 2 && spoiled.count % 2 === 0, `each fragment asked twice (${spoiled.count})`);
    // The network comes back: Try again finds the dental clinics.
    await spoiled.mend();
    await finder.root.getByRole("button", { name: "Try again" }).click();
    await finder.cards.first().locator("h3", { hasText: /^Dental clinic/ }).waitFor();
  });

  test("an entry that is not a pack, or a pack entry without its first screen, says so with 2-1-1", async () => {
    const older = (body) => body.toString().replace(/,\s*"hours":[\s\S]*$/, "}");
    for (const spoilEntry of [
      (page) => spoil(page, "pack.json", () => ({ status: 200, contentType: "application/json", body: '{"program_finder_pack": 7}' })),
      (page) => spoil(page, "pack.json", (body, response) => ({ response, body: older(body) })),
    ]) {
      const { finder, messages } = await openSpoiled(spoilEntry);
      const failed = finder.root.getByRole("alert").filter({ hasText: "We could not load the list of programs." });
      await failed.waitFor();
      assert.match(await failed.textContent(), /2-1-1/);
      assert.equal(await finder.cards.count(), 0);
      assert.ok(messages.errors.some((e) => /not usable/.test(e)), messages.errors.join("\n"));
    }
  });

  test("a missing start file: the first screen stays, with one sentence and 2-1-1, and Try again brings the facts", async () => {
    const { finder, spoiled } = await openSpoiled((page) => spoil(page, "start.bin", () => ({ status: 404, body: "not found" })));
    const alert = finder.root.getByRole("alert").filter({ hasText: PART_FAILED });
    await alert.waitFor();
    assert.equal(spoiled.count, 2, "asked once more past every cache, then explained");
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    assert.equal(await finder.cards.count(), 30, "the first screen's cards stay");
    await finder.root.getByRole("checkbox").first().check();
    await spoiled.mend();
    await alert.getByRole("button", { name: "Try again" }).click();
    await finder.count.filter({ hasText: /^Showing [\d,]+ of 10,?000 programs$/ }).waitFor();
    assert.equal(await alert.count(), 0);
  });
});
