// A catalogue pack (`catalogue pack`) in the widget: it shows what the JSON catalogue
// shows, downloads only what the family's steps use, and turns every bad file (missing,
// cut short, of another version, not a pack) into a plain sentence with 2-1-1 and
// "Try again", never into wrong results.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Finder, openWidgetOn, useBrowser } from "./harness.mjs";
import { catalogue } from "./generated.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const GENERATED = here("fixtures/generated/");
const SAMPLE = here("../../public/sample-catalogue.json");

/** Runs `catalogue pack` (the staff tool, as built by `cargo test`) into `generated/<name>/`. */
function pack(source, name) {
  const output = `${GENERATED}${name}`;
  rmSync(output, { recursive: true, force: true });
  execFileSync("cargo", ["run", "--quiet", "-p", "catalogue", "--", "pack", source, "--output", output], {
    cwd: here("../.."),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const entry = JSON.parse(readFileSync(`${output}/pack.json`, "utf8"));
  return { url: `../fixtures/generated/${name}/pack.json`, entry, files: readdirSync(`${output}/${entry.id}`) };
}

/** What a family sees: the count, the cards' names in order, each need's label with its count. */
async function screen(finder) {
  await finder.cards.first().locator("h3").waitFor();
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
    if (/^(pack\.json|facts\.json|index\.bin|postings-\d+\.bin|programs-\d+\.json)$/.test(name)) seen.push(name);
  });
  return {
    all: () => [...seen],
    count: (pattern) => seen.filter((name) => pattern.test(name)).length,
  };
}

/** `openWidgetOn`, with the pack files the page asks for recorded from the start. */
async function openWatched(env, url) {
  const { page, messages } = await env.open(env.site.url + "pages/blank.html");
  const requests = packRequests(page);
  await page.evaluate(
    ([cdn, url]) => {
      const host = Object.assign(document.createElement("div"), { id: "host" });
      host.dataset.programFinder = "";
      host.dataset.catalogue = url;
      document.body.append(host);
      document.head.append(Object.assign(document.createElement("script"), { src: cdn + "program-finder.js" }));
    },
    [env.cdn.url, url],
  );
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

  test("shows what its JSON catalogue shows, through a need, a town, an age and a typed word", async () => {
    const steps = [
      async () => {},
      async (finder) => finder.need("Food & nutrition").check(),
      async (finder) => finder.chooseTown("Hartf", "Hartford"),
      async (finder) => finder.setAge(4),
      async (finder) => finder.search.fill("pantyr"),
    ];
    const seen = { json: [], pack: [] };
    // Both from the site origin, so only the format differs.
    for (const [kind, url] of [["json", "../fixtures/generated/sample.json"], ["pack", sample.url]]) {
      const { finder, messages } = await openWidgetOn(env, url);
      for (const step of steps) {
        await step(finder);
        await finder.settled();
        seen[kind].push(await screen(finder));
      }
      assert.deepEqual(messages.errors, [], kind);
    }
    assert.ok(seen.json[4].names.length > 0, "the typo finds programs");
    assert.deepEqual(seen.pack, seen.json);
  });

  test("downloads the facts, the terms and the shown programs first, then only what each step needs", async () => {
    const { page, finder, requests } = await openWatched(env, big.url);
    await finder.cards.first().locator("h3").waitFor();
    assert.match(await finder.count.textContent(), /^10,?000 programs$/);
    // 30 cards: chunks 0 and 1 of 16; no postings yet (nothing typed).
    assert.deepEqual(requests.all().sort(), ["facts.json", "index.bin", "pack.json", "programs-0.json", "programs-1.json"]);

    await finder.search.fill("dentl clinic");
    await finder.cards.first().locator("h3", { hasText: /^Dental clinic/ }).waitFor();
    // The 20 dental clinics are 500 programs apart: 20 chunks, fetched in parallel.
    await finder.cards.locator("h3").nth(19).waitFor();
    const fragments = requests.count(/^postings-/);
    const total = big.files.filter((name) => name.startsWith("postings-")).length;
    assert.ok(fragments >= 1 && fragments < total, `${fragments} of ${total} fragments for two words`);
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
