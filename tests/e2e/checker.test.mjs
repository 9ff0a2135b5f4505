// The staff checker page: a broken file gives the same messages as the command line,
// a click shows the line, and the preview shows the programs that survive.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DIST, Finder, useBrowser } from "./harness.mjs";
import { pack } from "./packs.mjs";
import { cpSync, rmSync } from "node:fs";

const broken = readFileSync(fileURLToPath(new URL("fixtures/broken-for-checker.json", import.meta.url)), "utf8");

/**
 * Pastes `text` into the checker's text box: the whole text at once, then one input event,
 * as a paste does (typing 45 KB with fill() would take Playwright 15 s).
 */
const paste = (page, text) =>
  page.locator("#catalogue-text").evaluate((box, text) => {
    box.value = text;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);

describe("checker page", () => {
  const env = useBrowser();

  test("a dropped-in broken file lists every problem with its line and fix", async () => {
    const { page, messages } = await env.open(env.cdn.url + "check.html");
    await page.getByLabel("Choose a catalogue file, or drop it here").setInputFiles({
      name: "programs.json",
      mimeType: "application/json",
      buffer: Buffer.from(broken),
    });
    const summary = page.locator(".summary");
    await summary.waitFor();
    assert.equal(await summary.textContent(), "programs.json: 3 errors, 1 warning — families see 3 of 4 programs");
    const items = page.locator(".diagnostic");
    const texts = await items.allTextContents();
    assert.equal(texts.length, 4);
    // Columns counted from the fixture itself: where the faulty values start on line 9.
    const line9 = broken.split("\n")[8];
    const column = (value) => line9.indexOf(value) + 1;
    assert.ok(texts[0].includes(`Line 9, column ${column('"fod"')}`), texts[0]);
    assert.ok(texts[1].includes(`Line 9, column ${column('"Hartfrod"')}`), texts[1]);
    assert.match(texts[0], /programs\[1\]\.needs\[0\].*"fod" is not one of the catalogue's needs.*Fix: did you mean "food"\?/);
    assert.match(texts[1], /programs\[1\]\.towns\[0\].*"Hartfrod" is not a Connecticut town.*Fix: did you mean "Hartford"\?/);
    assert.match(texts[2], /Warning.*Line 11.*no way to reach this program/);
    assert.match(texts[3], /Line 12.*"maximum_age" \(3\) is below "minimum_age" \(5\).*program left out.*Fix: swap them/);

    // Clicking a problem selects that spot in the text.
    await items.nth(1).getByRole("button").click();
    const selected = await page.locator("#catalogue-text").evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.ok(selected.startsWith('"Hartfrod"'), `selected ${JSON.stringify(selected)}`);

    // The preview is the real widget on this catalogue: the broken program is left out.
    const preview = new Finder(page, "#preview [data-program-finder]");
    await preview.loaded();
    assert.deepEqual(await preview.ids(), ["pantry", "typos", "no-contact"]);
    assert.deepEqual(messages.errors, []);
  });

  test("pasting a clean catalogue says so", async () => {
    const { page } = await env.open(env.cdn.url + "check.html");
    await paste(page, readFileSync(`${DIST}/sample-catalogue.json`, "utf8"));
    const summary = page.locator(".summary");
    await summary.waitFor();
    // Warnings are not asserted: "not reviewed in 12 months" depends on today's date.
    const sample = JSON.parse(readFileSync(`${DIST}/sample-catalogue.json`, "utf8"));
    const n = sample.programs.length;
    assert.match(await summary.textContent(), new RegExp(`^0 errors, \\d+ warnings? — families see ${n} of ${n} programs$`));
    // Each edit previews a new blob: address; none of them leaves a copy in storage.
    const preview = new Finder(page, "#preview [data-program-finder]");
    await preview.loaded();
    for (const name of ["First edit", "Second edit"]) {
      await paste(page, JSON.stringify({ ...sample, programs: [{ ...sample.programs[0], name }] }));
      await preview.root.getByRole("heading", { name }).waitFor();
    }
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("program-finder:")));
    assert.deepEqual(kept, []);
  });

  test("text that is not JSON is located", async () => {
    const { page } = await env.open(env.cdn.url + "check.html");
    await page.locator("#catalogue-text").fill('{ "version": 1,\n  "needs": [\n}');
    await page.locator(".summary").waitFor();
    assert.match(await page.locator(".diagnostic").first().textContent(), /Line 3, column 1.*not valid JSON.*missing comma/);
  });

  test("a published pack is previewed by the address of its pack.json", async () => {
    // Published next to the checker page, as on a hospital's own site.
    const published = pack(fileURLToPath(new URL("fixtures/catalogue.json", import.meta.url)), "pack-checker");
    rmSync(`${DIST}/check-pack`, { recursive: true, force: true });
    cpSync(fileURLToPath(new URL("fixtures/generated/pack-checker", import.meta.url)), `${DIST}/check-pack`, { recursive: true });
    const { page, messages } = await env.open(env.cdn.url + "check.html");
    // Its entry pasted as if it were a catalogue: the page says what it is and where to go.
    await paste(page, readFileSync(`${DIST}/check-pack/pack.json`, "utf8"));
    await page.getByRole("status").filter({ hasText: "This is a catalogue pack's entry file (pack.json), not a catalogue" }).waitFor();
    await page.getByLabel("Address of the pack's pack.json").fill(env.cdn.url + "check-pack/pack.json");
    await page.getByRole("button", { name: "Preview the pack" }).click();
    const finder = await new Finder(page, "#pack-preview [data-program-finder]").loaded();
    const programs = JSON.parse(readFileSync(fileURLToPath(new URL("fixtures/catalogue.json", import.meta.url)), "utf8")).programs;
    assert.equal(published.entry.programs, programs.length);
    assert.equal(await finder.count.textContent(), `${programs.length} programs`);
    assert.deepEqual(await finder.ids(), programs.map((p) => p.id));
    assert.deepEqual(messages.errors, []);
  });
});

