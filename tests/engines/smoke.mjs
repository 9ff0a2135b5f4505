// What a family does most, in one engine: see the programs, filter by need, open a
// program's details, search and move on with the keyboard; and the two safety nets: a hostile
// catalogue runs nothing, and a stopped module leaves a message with 2-1-1.
//
// The same steps and fixtures as tests/e2e/ (filters, keyboard, faults, hosting), asserted
// the same way, but over plain WebDriver, so they run in WebKit and Firefox. Each test has
// its own browser session. Run by webkit.test.mjs and firefox.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { ENGINES, Finder, Key, session, startEngine } from "./engines.mjs";
import { BIG_PROGRAMS, trickleBigCatalogue } from "../e2e/slow-catalogue.mjs";
import { pack } from "../e2e/packs.mjs";

const CATALOGUE = JSON.parse(readFileSync(new URL("../e2e/fixtures/catalogue.json", import.meta.url), "utf8"));
const ALL = CATALOGUE.programs.map((p) => p.id);
/** The programs of one need, in catalogue order (the order the widget keeps with no search words). */
const withNeed = (need) => CATALOGUE.programs.filter((p) => p.needs.includes(need)).map((p) => p.id);
/** The imported catalogue of a region beyond Connecticut (tests/e2e/region.test.mjs). */
const REGION = JSON.parse(readFileSync(new URL("../e2e/fixtures/region.json", import.meta.url), "utf8"));

export function smoke(name) {
  const { label } = ENGINES[name];
  describe(`${label} smoke tests`, () => {
    let engine;
    before(async () => {
      engine = await startEngine(name);
    });
    after(() => engine?.close());
    /** A test with its own browser session; failures name the engine. */
    const it = (title, body) => test(title, { timeout: 120_000 }, (t) => session(engine, t, body));

    it("load: a plain page shows every program's card, name and the count", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      await finder.shows(ALL, `${ALL.length} programs`);
      const cards = await finder.inside((root) =>
        [...root.querySelectorAll("[data-program-id]")].map((card) => ({
          name: card.querySelector(".name")?.innerText.trim(),
          height: card.getBoundingClientRect().height,
        })),
      );
      assert.deepEqual(cards.map((c) => c.name), CATALOGUE.programs.map((p) => p.name));
      for (const card of cards) assert.ok(card.height > 20, `the card of ${card.name} is ${card.height}px high`);
      // The widget came from the other ("CDN") origin, as on a partner's site.
      assert.ok(await page.run((cdn) => [...document.scripts].some((s) => s.src === cdn + "program-finder.js"), engine.cdn.url));
      assert.deepEqual(await page.errors(), []);
    });

    it("filter: ticking a need shows only that need's programs, unticking shows all again", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      const housing = withNeed("housing");
      await page.click(await finder.need("Housing"));
      await finder.shows(housing, `Showing ${housing.length} of ${ALL.length} programs`);
      assert.equal(await page.run((box) => box.checked, await finder.need("Housing")), true);
      await page.click(await finder.need("Housing"));
      await finder.shows(ALL, `${ALL.length} programs`);
    });

    it("details: More details opens them with the phone and text links; Escape and the button close them", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      const card = '[data-program-id="hartford-food"]';
      const more = await finder.element(`${card} button.more`, "More details button");
      const details = () =>
        finder.inside((root, card) => {
          const region = root.querySelector(`${card} .details`);
          const button = root.querySelector(`${card} button.more`);
          const call = root.querySelector(`${card} a[href^="tel:"]`);
          const inner = root.activeElement;
          return {
            open: !region.hidden && region.getClientRects().length > 0,
            text: region.innerText,
            links: [...region.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
            button: button.textContent.trim(),
            expanded: button.getAttribute("aria-expanded"),
            call: call && call.getClientRects().length > 0 ? { href: call.getAttribute("href"), text: call.textContent.replace(/\s+/g, " ").trim() } : null,
            focus: inner ? (inner.id || inner.className) : null,
          };
        }, card);
      const isOpen = (root, card, open) => root.querySelector(`${card} .details`).hidden !== open;

      assert.equal((await details()).button, "More details");
      await page.click(more);
      await finder.until("the details to open", isOpen, card, true);
      const opened = await details();
      assert.equal(opened.open, true, "the details are on screen");
      assert.deepEqual(opened.call, { href: "tel:8605550100", text: "Call 860-555-0100" });
      assert.ok(opened.links.includes("sms:8605550100"), `links in the details: ${opened.links.join(", ")}`);
      assert.match(opened.text, /Ages\s*All ages/);
      assert.equal(opened.button, "Fewer details");
      assert.equal(opened.expanded, "true");
      assert.equal(opened.focus, "pf-details-hartford-food", "focus moves into the details");

      await page.keys(Key.ESCAPE);
      await finder.until("Escape to close the details", isOpen, card, false);
      const closed = await details();
      assert.equal(closed.open, false);
      assert.equal(closed.button, "More details");
      assert.equal(closed.focus, "action more", "focus returns to the button");

      await page.click(more);
      await finder.until("the details to open again", isOpen, card, true);
      await page.click(more);
      await finder.until("the Fewer details button to close them", isOpen, card, false);
      assert.equal((await details()).expanded, "false");
    });

    it("saved: the Saved view is a place with its heading, no filters, and a way back", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      await page.click(await finder.element('[data-program-id="newborn"] button.save', "Save button"));
      await page.click(await finder.element(".toolbar .tool", "Saved programs button"));
      const state = () =>
        finder.inside((root) => ({
          heading: root.querySelector(".list-heading")?.textContent.trim() ?? null,
          focus: root.activeElement?.className ?? null,
          filtersShown: root.querySelector(".filters").getClientRects().length > 0,
          ids: [...root.querySelectorAll("[data-program-id]")].map((card) => card.dataset.programId),
        }));
      await finder.until("the Saved view", (root) => root.activeElement?.classList.contains("list-heading"));
      assert.deepEqual(await state(), { heading: "Saved programs", focus: "list-heading", filtersShown: false, ids: ["newborn"] });
      await page.click(await finder.element(".list-head .back", "Back to all programs"));
      await finder.until("the search again", (root) => root.querySelector(".filters").getClientRects().length > 0);
      await finder.shows(ALL, `${ALL.length} programs`);
      await finder.until("focus back on the Saved programs button", (root) => root.activeElement?.textContent.trim() === "Saved programs (1)");
    });

    it("region: a town beyond Connecticut typed in the town box shows its programs", async (page) => {
      await page.open("pages/region.html");
      const finder = await new Finder(page).loaded();
      const town = await finder.element("#pf-town", "town box");
      await town.sendKeys("holyoke ma");
      const holyoke = REGION.programs.filter((p) => p.towns?.includes("Holyoke, MA")).map((p) => p.id);
      const count = await finder.until("the Holyoke programs", (root, n) => {
        const shown = root.querySelectorAll("[data-program-id]").length;
        return shown === n && shown;
      }, holyoke.length);
      assert.equal(count, holyoke.length);
      const ids = await finder.inside((root) => [...root.querySelectorAll("[data-program-id]")].map((c) => c.dataset.programId));
      assert.deepEqual([...ids].sort(), [...holyoke].sort());
      assert.deepEqual(await page.errors(), []);
    });

    it("keyboard: typing in the search box narrows the list; Tab moves to the next control", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      const search = await finder.element("#pf-q", "search box");
      // Element Send Keys focuses the box and types with real key events.
      await search.sendKeys("books");
      // "books" is in one name; "readers" shares the reading/books synonym group.
      await finder.shows(["under-six", "preschool"], `Showing 2 of ${ALL.length} programs`);
      assert.equal(await page.run((box) => box.value, search), "books");
      assert.deepEqual(await finder.focus(), { page: "host", inner: "INPUT#pf-q[search] books" });
      await page.keys(Key.TAB);
      // The next control after the search box is the first need's checkbox (Food).
      const next = await finder.until("focus to leave the search box", (root) => root.activeElement?.id !== "pf-q" && root.activeElement);
      const where = await finder.focus();
      assert.deepEqual(where, { page: "host", inner: "INPUT[checkbox] food" }, "Tab from the search box");
      assert.equal(await page.run((box) => box.closest("label").querySelector("span").textContent.trim(), next), "Food");
      // Space ticks it, as for any checkbox.
      await page.keys(Key.SPACE);
      const food = withNeed("food").filter((id) => ["under-six", "preschool"].includes(id));
      await finder.shows(food, `Showing ${food.length} of ${ALL.length} programs`);
    });

    it("suggestions: the list follows the typing, Down announces one with focus kept in the box, Escape closes", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      const search = await finder.element("#pf-q", "search box");
      await search.sendKeys("boo");
      const list = await finder.until("the suggestions", (root) => {
        const list = root.querySelector("#pf-q-list");
        return list && !list.hidden && list.querySelector("[role=option]") && list;
      });
      const options = await page.run((l) => [...l.querySelectorAll("[role=option]")].map((o) => o.textContent.trim()), list);
      assert.ok(options.length >= 1 && options.length <= 6, options.join(" | "));
      assert.ok(options.some((o) => o.toLowerCase().startsWith("book")), options.join(" | "));
      assert.equal(await page.run((box) => box.getAttribute("aria-expanded"), search), "true");
      await page.keys(Key.ARROW_DOWN);
      await finder.until("the first suggestion announced", (root) => root.querySelector("#pf-q").getAttribute("aria-activedescendant") === "pf-q-0");
      assert.deepEqual(await finder.focus(), { page: "host", inner: "INPUT#pf-q[search] boo" });
      await page.keys(Key.ESCAPE);
      await finder.until("the list closed", (root) => root.querySelector("#pf-q-list").hidden);
      assert.equal(await page.run((box) => box.value, search), "boo");
      assert.deepEqual(await finder.focus(), { page: "host", inner: "INPUT#pf-q[search] boo" });
      assert.deepEqual(await page.errors(), []);
    });

    it("did you mean: words that find nothing offer the closest word; the cards mark what matched", async (page) => {
      await page.open("pages/plain.html");
      const finder = await new Finder(page).loaded();
      const search = await finder.element("#pf-q", "search box");
      // Two letters wrong in a word of five: beyond the search's own typo rules.
      await search.sendKeys("buuks");
      const offer = await finder.until("Did you mean", (root) => root.querySelector(".did-you-mean"));
      assert.equal((await page.run((p) => p.textContent.trim(), offer)), "Did you mean books?");
      await page.click(await finder.inside((root) => root.querySelector(".did-you-mean button")));
      await finder.shows(["under-six", "preschool"], `Showing 2 of ${ALL.length} programs`);
      assert.equal(await page.run((box) => box.value, search), "books");
      const marks = await finder.inside((root) => [...root.querySelectorAll("[data-program-id] mark")].map((m) => m.textContent));
      assert.ok(marks.includes("Books"), `the word that matched, marked in the name that has it: ${marks.join(" | ")}`);
      for (const mark of marks) assert.match(mark, /^\p{L}+$/u, "a whole word");
    });

    it("hostile catalogue: its text runs no script and makes no link but http(s), tel, mailto, sms", async (page) => {
      await page.open("pages/blank.html");
      // As tests/e2e/faults.test.mjs: the host element, then the widget's script from the CDN.
      await page.run((cdn) => {
        const host = document.createElement("div");
        host.id = "host";
        host.dataset.programFinder = "";
        host.dataset.catalogue = "../fixtures/hostile.json";
        document.body.append(host);
        const script = document.createElement("script");
        script.src = cdn + "program-finder.js";
        document.head.append(script);
      }, engine.cdn.url);
      const finder = await new Finder(page, "#host").loaded();
      // The markup in the catalogue is shown as text, as written.
      const seen = await finder.inside((root) => ({
        names: [...root.querySelectorAll(".name")].map((n) => n.textContent),
        needs: [...root.querySelectorAll(".chip span:not(.chip-count)")].map((n) => n.textContent.trim()),
      }));
      assert.ok(seen.names.includes("<script>window.__pwned=1</script>Pantry"), seen.names.join(" | "));
      assert.ok(seen.needs.includes('<b onmouseover="window.__pwned=1">Food</b>'), seen.needs.join(" | "));
      // Open every program's details, so that everything the catalogue holds is on the page.
      for (let left = 50; left > 0; left--) {
        const closed = await finder.inside((root) => root.querySelector('button.more[aria-expanded="false"]'));
        if (!closed) break;
        await page.click(closed);
        await finder.until("the details to open", (root, button) => button.getAttribute("aria-expanded") === "true", closed);
      }
      const report = await finder.inside((root) => {
        const all = [...root.querySelectorAll("*")];
        return {
          pwned: window.__pwned ?? null,
          opened: root.querySelectorAll('button.more[aria-expanded="true"]').length,
          dangerous: all.filter((e) => ["SCRIPT", "IFRAME", "IMG", "SVG", "OBJECT", "EMBED"].includes(e.tagName.toUpperCase())).length,
          handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name)),
          schemes: [...new Set([...root.querySelectorAll("[href]")].map((a) => new URL(a.getAttribute("href"), location.href).protocol))],
        };
      });
      assert.ok(report.opened > 0, "details were opened");
      assert.equal(report.pwned, null, "a script from the catalogue ran");
      assert.equal(report.dangerous, 0, "script, iframe, img, svg, object or embed elements");
      assert.deepEqual(report.handlers, [], "on* attributes");
      for (const scheme of report.schemes) assert.ok(["http:", "https:", "tel:", "mailto:", "sms:"].includes(scheme), `a ${scheme} link`);
      assert.ok(report.schemes.includes("https:") && report.schemes.includes("tel:"), report.schemes.join());
    });

    it("slow big catalogue: never cut off by a 1 s timeout while bytes keep coming; the loading line counts them", async (page) => {
      // The same slow catalogue as tests/e2e/faults.test.mjs.
      const requests = [];
      const server = createServer((request, response) => {
        requests.push(request.url);
        trickleBigCatalogue(response);
      });
      await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
      try {
        await page.open("pages/blank.html");
        await page.run(
          (cdn, url) => {
            const host = document.createElement("div");
            host.id = "host";
            Object.assign(host.dataset, { programFinder: "", catalogue: url, timeout: "1" });
            document.body.append(host);
            const script = document.createElement("script");
            script.src = cdn + "program-finder.js";
            document.head.append(script);
          },
          engine.cdn.url,
          `http://127.0.0.1:${server.address().port}/big.json`,
        );
        const finder = new Finder(page, "#host");
        const progress = await finder.until("the loading line to say how much came", (root) => {
          const line = root?.querySelector(".loading-progress");
          return line && /KB received so far/.test(line.textContent) && line.textContent.trim();
        });
        assert.match(progress, /^\d+ KB received so far$/);
        await finder.loaded();
        assert.equal((await finder.state()).count, `${BIG_PROGRAMS} programs`);
        assert.equal(requests.length, 1, "one request, never abandoned or retried");
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it("pack: the test catalogue as a catalogue pack shows its programs, filters and searches as the JSON does", async (page) => {
      pack(fileURLToPath(new URL("../e2e/fixtures/catalogue.json", import.meta.url)), "pack-test");
      await page.open("pages/pack.html");
      const finder = await new Finder(page).loaded();
      await finder.shows(ALL, `${ALL.length} programs`);
      const housing = withNeed("housing");
      await page.click(await finder.need("Housing"));
      await finder.shows(housing, `Showing ${housing.length} of ${ALL.length} programs`);
      await page.click(await finder.need("Housing"));
      const search = await finder.element("#pf-q", "search box");
      await search.sendKeys("books");
      await finder.shows(["under-six", "preschool"], `Showing 2 of ${ALL.length} programs`);
      assert.deepEqual(await page.errors(), []);
    });

    it("stopped module: every widget on the page says so, with 2-1-1", async (page) => {
      await page.open("pages/three.html");
      await new Finder(page, "#by-data").loaded();
      await new Finder(page, "#by-api").loaded();
      // What the browser reports when a panic aborts the wasm module (as tests/e2e/hosting.test.mjs),
      // from a script of the page itself: Firefox runs WebDriver scripts in a sandbox whose
      // WebAssembly.RuntimeError is not the page's, which program-finder.js rightly ignores.
      await page.run(() => {
        const script = document.createElement("script");
        script.textContent = 'window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") }));';
        document.head.append(script);
      });
      for (const [id, words] of [["by-data", /Something went wrong.*2-1-1/s], ["by-element", /Algo falló.*2-1-1/s], ["by-api", /2-1-1/]]) {
        const text = await page.until(`#${id} to show the 2-1-1 message`, (id) => {
          const host = document.getElementById(id);
          const alert = host.shadowRoot?.querySelector('[role="alert"]') ?? host.querySelector('[role="alert"]');
          return alert && alert.getClientRects().length > 0 && /2-1-1/.test(alert.textContent) ? alert.innerText : null;
        }, id);
        assert.match(text, words, id);
      }
    });
  });
}
