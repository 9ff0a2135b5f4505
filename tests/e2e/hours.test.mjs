// Opening hours on the demo's sample catalogue, with the page's clock set to known
// instants: "open now", "evenings" and "weekends" with counts, each card's line, the
// week in the details, Spanish wording, the address, and a device in another time zone.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, Finder, useBrowser, violations } from "./harness.mjs";

const sample = JSON.parse(readFileSync(`${DIST}/sample-catalogue.json`, "utf8"));
const name = (id) => sample.programs.find((p) => p.id === id).name;
/** Friday 4 December 2026, 17:40 in Hartford (22:40 UTC). */
const FRIDAY_EVENING = "2026-12-04T22:40:00Z";
/** The sample's programs open then (core/tests/hours.rs says the same natively). */
const OPEN_FRIDAY_EVENING = [
  "help-me-grow",
  "hartford-youth-violence-intervention",
  "recovery-coaches-ed",
  "caregiver-respite",
  "family-shelter-hotline",
  "suicide-crisis-988",
];

describe("opening hours", () => {
  const env = useBrowser();

  /** The demo at `instant`, as a device in `timezoneId` sees it. */
  async function open(instant, { timezoneId = "America/New_York", query = "", width = 1280 } = {}) {
    const { page } = await env.open(env.cdn.url + query, {
      timezoneId,
      width,
      setup: (page) => page.clock.setFixedTime(new Date(instant)),
    });
    const finder = await new Finder(page).loaded();
    return { page, finder };
  }

  const hoursBox = (finder, label) => finder.root.getByRole("group", { name: /hours|horario/i }).getByRole("checkbox", { name: new RegExp(`^${label}`) });

  test("open now on a Friday evening shows the programs open then, with the count beside the choice", async () => {
    const { page, finder } = await open(FRIDAY_EVENING);
    const openNow = hoursBox(finder, "Open now");
    assert.equal(await openNow.isChecked(), false);
    assert.match(await finder.root.locator(".hours-choices label").first().textContent(), /Open now\s*\(6\)/);
    await openNow.check();
    await page.waitForFunction(() => document.querySelector("[data-program-finder]").shadowRoot.querySelectorAll("[data-program-id]").length === 6);
    assert.deepEqual((await finder.ids()).sort(), [...OPEN_FRIDAY_EVENING].sort());
    // Programs without structured hours are left out, and the family is told how many.
    const withoutHours = sample.programs.filter((p) => !p.schedule).length;
    const note = finder.root.locator(".hours-note");
    assert.match(await note.textContent(), new RegExp(`${withoutHours} programs without listed hours are not shown`));
    await note.getByRole("button", { name: "Show them too" }).click();
    await page.waitForFunction((n) => document.querySelector("[data-program-finder]").shadowRoot.querySelectorAll("[data-program-id]").length === n, 6 + withoutHours);
    // The choice is in the address, for sharing and Back.
    assert.match(page.url(), /pf-hours=open/);
  });

  test("each card says whether it is open now or when it opens next, in the catalogue's time zone wherever the device is", async () => {
    for (const timezoneId of ["America/New_York", "Asia/Tokyo", "America/Los_Angeles"]) {
      const { finder } = await open(FRIDAY_EVENING, { timezoneId });
      const line = async (id) => finder.root.locator(`[data-program-id="${id}"] .hours-now`).textContent();
      assert.equal(await line("help-me-grow"), "Open 24 hours", timezoneId);
      assert.match(await line("caregiver-respite"), /^Open now · until /, timezoneId);
      // A weekday office at 17:40 on a Friday opens again on Monday.
      const closed = (await finder.root.locator(".hours-now").allTextContents()).filter((t) => t.startsWith("Opens"));
      assert.ok(closed.some((t) => t.startsWith("Opens Monday")), `${timezoneId}: ${closed.join(" | ")}`);
    }
  });

  test("evenings and weekends never hide a program without listed hours", async () => {
    const { page, finder } = await open(FRIDAY_EVENING);
    const total = sample.programs.length;
    await hoursBox(finder, "Weekends").check();
    await page.waitForFunction((n) => document.querySelector("[data-program-finder]").shadowRoot.querySelector("[role=status]").textContent.includes("of"), total);
    const shown = await finder.ids();
    for (const program of sample.programs.filter((p) => !p.schedule)) {
      assert.ok(shown.includes(program.id), `${program.id} has no structured hours and stays`);
    }
    const weekdaysOnly = sample.programs.find((p) => p.schedule && p.schedule.weekly && !p.schedule.open_24_hours && !p.schedule.weekly.sat && !p.schedule.weekly.sun);
    assert.ok(weekdaysOnly, "the sample has a weekday-only program");
    assert.ok(!shown.includes(weekdaysOnly.id), `${weekdaysOnly.id} is open on weekdays only`);
    assert.match(page.url(), /pf-hours=weekend/);
  });

  test("in Spanish: the choices, the card lines and the week in the details", async () => {
    const { finder } = await open(FRIDAY_EVENING, { query: "?pf-hours=open" });
    await finder.root.getByRole("button", { name: "Español" }).click();
    await hoursBox(finder, "Abierto ahora").waitFor();
    assert.equal(await hoursBox(finder, "Abierto ahora").isChecked(), true, "pf-hours=open from the address");
    const respite = finder.root.locator('[data-program-id="caregiver-respite"]');
    assert.match(await respite.locator(".hours-now").textContent(), /^Abierto ahora · hasta las \d{1,2}:\d\d/);
    await respite.getByRole("button", { name: /Más detalles/ }).click();
    const week = respite.locator("ul.week");
    await week.waitFor();
    assert.match(await week.textContent(), /lunes/);
    assert.match(await finder.root.locator(".hours-note").textContent(), /programas sin horario indicado/);
  });

  test("with the hours choices shown and chosen there are no WCAG A/AA violations, at 320 px and 1280 px", async () => {
    for (const width of [320, 1280]) {
      const { page, finder } = await open(FRIDAY_EVENING, { width });
      assert.deepEqual(await violations(page), [], `hours choices, ${width} px`);
      await hoursBox(finder, "Open now").check();
      await finder.root.locator(".hours-note").waitFor();
      assert.deepEqual(await violations(page), [], `open now with the note, ${width} px`);
    }
  });

  test("a catalogue without structured hours shows no hours choices", async () => {
    const { page } = await env.open(`${env.site.url}pages/plain.html`);
    const finder = await new Finder(page).loaded();
    assert.equal(await finder.root.getByRole("group", { name: /hours/i }).count(), 0, "no hours choices");
    assert.equal(await finder.root.locator(".hours-now").count(), 0);
  });
});
