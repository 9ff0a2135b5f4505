// What a web team relies on (EMBEDDING.md): the custom element following its attributes,
// the JS API cleaning up after itself, theming, events, a strict content security policy,
// and three widgets with different catalogues and options on one page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Finder, useBrowser, widgetEvents } from "./harness.mjs";
import { startServer } from "./server.mjs";

/** Records timers and violations from before any script of the page runs (the harness records the events). */
const WATCH = () => {
  const active = new Set();
  const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stop } = window;
  window.setTimeout = (fn, ms, ...rest) => {
    const id = set(
      (...a) => {
        active.delete(id);
        typeof fn === "function" && fn(...a);
      },
      ms,
      ...rest,
    );
    active.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    active.delete(id);
    clear(id);
  };
  window.setInterval = (fn, ms, ...rest) => {
    const id = every(fn, ms, ...rest);
    active.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    active.delete(id);
    stop(id);
  };
  window.__timers = active;
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
};

describe("hosting", () => {
  const env = useBrowser();

  /** A host page of tests/e2e/pages, with timers and policy violations watched. */
  const open = (path) => env.open(env.site.url + path, { setup: (page) => page.addInitScript(WATCH) });

  test("the custom element follows its attributes", async () => {
    const { page, messages } = await open("pages/api.html");
    const finder = await new Finder(page, "#element").loaded();
    assert.equal(await finder.cards.count(), 7);
    const set = (name, value) =>
      page.evaluate(([n, v]) => {
        const el = document.getElementById("element");
        v === null ? el.removeAttribute(n) : el.setAttribute(n, v);
      }, [name, value]);

    await set("need", "housing");
    await page.waitForFunction(() => document.getElementById("element").shadowRoot.querySelectorAll("[data-program-id]").length === 3);
    assert.deepEqual(await finder.ids(), ["windham-county-housing", "statewide-food-housing", "adults"]);
    assert.equal(await finder.need("Housing").isChecked(), true);

    // Two attributes at once, and the language.
    await page.evaluate(() => {
      const el = document.getElementById("element");
      el.setAttribute("town", "Hartford");
      el.setAttribute("lang", "es");
    });
    await finder.root.getByRole("heading", { name: "Encuentre programas comunitarios" }).waitFor();
    assert.deepEqual(await finder.ids(), ["statewide-food-housing"]);

    // A new catalogue rebuilds the widget on it.
    await set("catalogue", "../fixtures/one-bad-program.json");
    await page.waitForFunction(() => document.getElementById("element").shadowRoot.querySelector('[data-program-id="third"]'));
    await set("need", null);
    await set("town", null);
    await page.waitForFunction(() => document.getElementById("element").shadowRoot.querySelectorAll("[data-program-id]").length === 2);
    assert.deepEqual(await finder.ids(), ["first", "third"]);
    // Removing the element destroys its widget.
    await page.evaluate(() => document.getElementById("element").remove());
    assert.deepEqual(await page.evaluate(() => window.__timers.size), 0);
    assert.deepEqual(messages.errors, []);
  });

  test("mount and destroy, again and again, leave no nodes, listeners or timers behind", async () => {
    const { page, messages } = await open("pages/api.html");
    // The widget that stays: its first pf-search sent, it is at rest.
    const staying = await new Finder(page, "#element").loaded();
    await staying.settled();
    const client = await page.context().newCDPSession(page);
    const listeners = async () => {
      let total = 0;
      for (const expression of ["window", "document", "document.getElementById('host')"]) {
        const { result } = await client.send("Runtime.evaluate", { expression });
        const found = await client.send("DOMDebugger.getEventListeners", { objectId: result.objectId, depth: -1, pierce: true });
        total += found.listeners.length;
      }
      return total;
    };
    const before = { listeners: await listeners(), timers: await page.evaluate(() => window.__timers.size) };

    for (let round = 0; round < 12; round++) {
      await page.evaluate(async (round) => {
        const host = document.getElementById("host");
        const finder = ProgramFinder.mount(host, { catalogue: "../fixtures/catalogue.json", need: round % 2 ? "food" : "housing", urlState: "on" });
        await finder.ready;
        // Wait for the list, type a word (a search event is then pending), and go.
        await new Promise((shown) => {
          const listed = () => host.shadowRoot.querySelector("[data-program-id]") && (watch.disconnect(), shown());
          const watch = new MutationObserver(listed);
          watch.observe(host.shadowRoot, { childList: true, subtree: true });
          listed();
        });
        const box = host.shadowRoot.querySelector("input[type=search]");
        box.value = "pantry";
        box.dispatchEvent(new Event("input", { bubbles: true }));
        finder.destroy();
      }, round);
    }
    // A choice made and undone in the widget that stays: once its pf-search is sent, any
    // search event the destroyed widgets left pending (set earlier, with the same delay)
    // would have been sent too.
    const heard = (await widgetEvents(page)).length;
    await staying.need("Food").check();
    await staying.need("Food").uncheck();
    await staying.settled({ needs: [] }, { after: heard });
    const afterwards = await page.evaluate(() => {
      const host = document.getElementById("host");
      return {
        shadowNodes: host.shadowRoot.childNodes.length,
        sheets: host.shadowRoot.adoptedStyleSheets.length,
        lightNodes: host.childNodes.length,
        timers: window.__timers.size,
        handle: ProgramFinder.get(host),
        searches: window.__pfEvents.filter((e) => e.name === "pf-search" && e.target === "host").length,
      };
    });
    assert.deepEqual(afterwards, { shadowNodes: 0, sheets: 0, lightNodes: 0, timers: before.timers, handle: null, searches: 0 });
    assert.equal(await listeners(), before.listeners, "event listeners on window, document and the host");
    // Back or Forward on this page after the widgets are gone (the popstate a same-page Back
    // sends; page.goBack() would leave the page): nothing answers, nothing fails.
    await page.evaluate(() => window.dispatchEvent(new PopStateEvent("popstate", { state: null })));
    assert.equal(await page.evaluate(() => document.getElementById("host").shadowRoot.childNodes.length), 0);
    assert.deepEqual(messages.errors, []);
  });

  test("if the module stops (a Rust panic), every widget says so, with 2-1-1", async () => {
    const { page } = await open("pages/three.html");
    await new Finder(page, "#by-data").loaded();
    await new Finder(page, "#by-api").loaded();
    // What the browser reports when a panic aborts the wasm module.
    await page.evaluate(() => window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
    for (const [id, words] of [["by-data", /Something went wrong.*2-1-1/s], ["by-element", /Algo falló.*2-1-1/s], ["by-api", /2-1-1/]]) {
      const alert = page.locator(`#${id}`).getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), words, id);
    }
    // Still styled as the widget, and a page that destroys it afterwards gets no error.
    assert.equal(await page.locator("#by-data .load-error").evaluate((el) => getComputedStyle(el).borderTopStyle), "solid");
    await page.evaluate(() => window.apiFinder.destroy());
  });

  test("an element that cannot hold the widget gets plain words and a console error, not a blank box", async () => {
    const { page, messages } = await open("pages/api.html");
    const outcome = await page.evaluate(async () => {
      const item = document.createElement("li"); // no shadow root allowed on <li>
      document.body.appendChild(document.createElement("ul")).appendChild(item);
      const handle = ProgramFinder.mount(item, { catalogue: "../fixtures/catalogue.json", lang: "es" });
      const error = await handle.ready.then(() => null, (e) => String(e));
      return { error, text: item.textContent };
    });
    assert.match(outcome.error, /NotSupportedError|attachShadow/);
    assert.match(outcome.text, /no pudo iniciarse.*2-1-1/);
    assert.ok(messages.errors.some((e) => /could not start in this element/.test(e)), messages.errors.join("\n"));
  });

  test("the JS API mounts, updates and destroys", async () => {
    const { page, messages } = await open("pages/api.html");
    const finder = new Finder(page, "#host");
    await page.evaluate(() => {
      window.api = ProgramFinder.mount(document.getElementById("host"), { catalogue: "../fixtures/catalogue.json", lockNeed: "literacy", hide: ["search"] });
    });
    await finder.loaded();
    assert.deepEqual(await finder.ids(), ["under-six", "preschool"]);
    assert.equal(await finder.search.count(), 0, "hidden search box");
    assert.equal(await finder.root.locator("fieldset.needs").count(), 0, "a locked need hides the need choices");
    // Nothing left: the tips offer only what the family can change, not the locked need.
    await finder.setAge(40);
    const empty = finder.root.locator(".empty");
    await empty.waitFor();
    assert.match(await empty.textContent(), /remove the child's age/);
    assert.doesNotMatch(await empty.textContent(), /choose more kinds of help/);
    // "Clear all" cannot undo what the page locked.
    await finder.setAge(4);
    assert.deepEqual(await finder.ids(), ["under-six", "preschool"]);
    await finder.clearAll.click();
    assert.deepEqual(await finder.ids(), ["under-six", "preschool"]);

    // update() changes only the options it names.
    await page.evaluate(() => window.api.update({ town: "Meriden" }));
    await page.waitForFunction(() => document.getElementById("host").shadowRoot.querySelectorAll("[data-program-id]").length === 1);
    assert.deepEqual(await finder.ids(), ["preschool"]);
    await page.evaluate(() => window.api.update({ lockNeed: null, pageSize: 2, town: null }));
    await page.waitForFunction(() => document.getElementById("host").shadowRoot.querySelector("fieldset.needs"));
    assert.equal(await finder.cards.count(), 2, "page size 2");
    await finder.root.getByRole("button", { name: "Show more programs" }).click();
    assert.equal(await finder.cards.count(), 4);
    // A locked town: applied, and its box not shown.
    await page.evaluate(() => window.api.update({ lockTown: "Meriden", pageSize: null }));
    await page.waitForFunction(() => !document.getElementById("host").shadowRoot.querySelector("input[role=combobox]"));
    await finder.loaded();
    // The program listing Meriden first, then statewide ones.
    assert.deepEqual(await finder.ids(), ["adults", "statewide-food-housing", "preschool", "newborn"]);
    // A mistyped locked need: ignored and explained, not an empty list with no way out.
    await page.evaluate(() => window.api.update({ lockNeed: "literacyy" }));
    await page.waitForFunction(() => document.getElementById("host").shadowRoot.querySelector("fieldset.needs"));
    await finder.loaded();
    assert.deepEqual(await finder.ids(), ["adults", "statewide-food-housing", "preschool", "newborn"]);
    assert.ok(messages.warnings.some((w) => /lock-need="literacyy" is not a need/.test(w)), messages.warnings.join("\n"));
    await page.evaluate(() => window.api.destroy());
    assert.equal(await page.evaluate(() => document.getElementById("host").shadowRoot.childNodes.length), 0);
    // Only one global: what window has beyond a blank page's, less this test's own.
    const { page: blank } = await env.open(env.site.url + "pages/blank.html");
    const builtIn = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
    const added = await page.evaluate(() => Object.getOwnPropertyNames(window));
    const ours = added.filter((name) => !builtIn.has(name) && !name.startsWith("__") && name !== "api");
    assert.deepEqual(ours, ["ProgramFinder"]);
    assert.deepEqual(messages.errors, []);
  });

  test("themes apply through custom properties and parts", async () => {
    const { page } = await open("pages/api.html");
    const finder = await new Finder(page, "#element").loaded();
    const call = finder.root.locator(".call").first();
    const before = await call.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(before, "rgb(11, 90, 140)");
    await page.addStyleTag({
      content: `program-finder { --pf-accent: rgb(106, 27, 154); --pf-font: Georgia, serif; --pf-radius: 3px; }
                program-finder::part(card) { border-width: 5px; }`,
    });
    // (After any colour transition.)
    await call.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    assert.equal(await call.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(106, 27, 154)");
    assert.match(await call.evaluate((el) => getComputedStyle(el).fontFamily), /Georgia/);
    assert.equal(await finder.cards.first().evaluate((el) => getComputedStyle(el).borderTopWidth), "5px");
    assert.equal(await finder.root.locator(".root").evaluate((el) => getComputedStyle(el).borderTopLeftRadius), "3px");
  });

  test("the stylesheet shipped without comments has every rule of style/finder.css", async () => {
    const { page } = await open("pages/api.html");
    const finder = await new Finder(page, "#element").loaded();
    const source = readFileSync(fileURLToPath(new URL("../../style/finder.css", import.meta.url)), "utf8");
    const { shipped, parsed } = await page.locator("#element").evaluate((host, text) => {
      const rules = (sheet) => [...sheet.cssRules].map((rule) => rule.cssText);
      const fromSource = new CSSStyleSheet();
      fromSource.replaceSync(text);
      return { shipped: rules(host.shadowRoot.adoptedStyleSheets[0]), parsed: rules(fromSource) };
    }, source);
    assert.ok(parsed.length > 50, `style/finder.css parsed into ${parsed.length} rules`);
    assert.deepEqual(shipped, parsed);
  });

  test("events tell the page what families do, with the documented detail", async () => {
    const { page } = await open("pages/api.html");
    const finder = await new Finder(page, "#element").loaded();
    await finder.settled();
    const first = (await widgetEvents(page)).find((e) => e.name === "pf-search");
    assert.deepEqual(first, {
      name: "pf-search",
      target: "element",
      bubbles: true,
      composed: true,
      detail: { query: "", needs: [], town: null, age: null, languages: [], freeOnly: false, total: 7 },
    });

    // Typing a word sends one event once the results settle, not one per letter.
    const heard = (await widgetEvents(page)).length;
    const since = async () => (await widgetEvents(page)).slice(heard);
    await finder.search.pressSequentially("pantry", { delay: 40 });
    await finder.need("Food").check();
    await finder.setAge(8, "months");
    await finder.settled({ query: "pantry", needs: ["food"], age: "8m" });
    const searches = (await since()).filter((e) => e.name === "pf-search").map((e) => e.detail);
    assert.ok(searches.length <= 3, `${searches.length} search events`);
    assert.deepEqual(searches.at(-1), {
      query: "pantry",
      needs: ["food"],
      town: null,
      age: "8m",
      languages: [],
      freeOnly: false,
      total: await finder.cards.count(),
    });
    assert.ok(searches.at(-1).total >= 1);

    await finder.root.getByRole("button", { name: "More details" }).first().click();
    const call = finder.root.locator(".call").first();
    await call.evaluate((a) => a.removeAttribute("href")); // a tel: link would leave the page
    await call.click();
    const others = (await since()).filter((e) => e.name !== "pf-search");
    assert.deepEqual(others, [
      { name: "pf-open-program", target: "element", bubbles: true, composed: true, detail: { id: "hartford-food", name: "Hartford Pantry" } },
      { name: "pf-call", target: "element", bubbles: true, composed: true, detail: { id: "hartford-food", name: "Hartford Pantry", phone: "860-555-0100" } },
    ]);

    // A catalogue that cannot load: pf-error, and the family sees the message.
    await page.evaluate(() => document.getElementById("element").setAttribute("catalogue", "../fixtures/missing.json"));
    await finder.root.getByRole("alert").waitFor();
    const error = (await widgetEvents(page)).find((e) => e.name === "pf-error");
    assert.match(error.detail.message, /404/);
    assert.equal(error.detail.savedCopy, false);
  });

  test("a page with a strict content security policy works with no violation", async () => {
    const { page, messages } = await open("pages/strict-csp.html");
    const response = await page.reload();
    assert.match(response.headers()["content-security-policy"], /script-src 'self' http:\/\/127\.0\.0\.1:\d+\/ 'wasm-unsafe-eval'/);
    assert.doesNotMatch(response.headers()["content-security-policy"], /unsafe-inline/);
    const finder = await new Finder(page, "#host").loaded();
    assert.equal(await finder.cards.count(), 7);
    await finder.need("Housing").check();
    await finder.chooseTown("Hart", "Hartford");
    await finder.root.getByRole("button", { name: "More details" }).first().click();
    assert.deepEqual(await finder.ids(), ["statewide-food-housing"]);
    // Styles applied (the stylesheet was not blocked): the call button is coloured.
    assert.equal(await finder.root.locator(".root").evaluate((el) => getComputedStyle(el).paddingTop), "16px");
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(messages.errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);

    // The test can fail: an inline style on this page is reported.
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { color: red }";
      document.head.append(style);
    });
    await page.waitForFunction(() => window.__violations.length > 0);
  });

  test("a catalogue from a third origin, with CORS; refused without it", async () => {
    const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));
    const open3 = await startServer({ root: fixtures });
    const closed = await startServer({ root: fixtures, cors: false });
    try {
      const { page } = await open("pages/api.html");
      const finder = new Finder(page, "#host");
      await page.evaluate((url) => ProgramFinder.mount(document.getElementById("host"), { catalogue: url }), open3.url + "catalogue.json");
      await finder.loaded();
      assert.equal(await finder.cards.count(), 7);
      // The same file from an origin that does not allow it: a message, not a blank box.
      await page.evaluate((url) => ProgramFinder.get(document.getElementById("host")).update({ catalogue: url }), closed.url + "catalogue.json");
      await finder.root.getByRole("alert").waitFor();
      assert.match(await finder.root.getByRole("alert").textContent(), /2-1-1|Try again|could not/i);
    } finally {
      open3.close();
      closed.close();
    }
  });

  test("three widgets, three ways in, different catalogues and options, on one page", async () => {
    const { page, messages } = await open("pages/three.html");
    const byData = await new Finder(page, "#by-data").loaded();
    const byElement = new Finder(page, "#by-element");
    await byElement.root.getByRole("status").filter({ hasText: /\d/ }).waitFor();
    const byApi = await new Finder(page, "#by-api").loaded();

    assert.deepEqual(await byData.ids(), ["hartford-food", "statewide-food-housing", "newborn"], "data-need=food");
    // The sample catalogue, housing locked, no search box, one card a page, in Spanish.
    assert.equal(await byElement.root.getByRole("combobox", { name: /Search programs|Buscar programas/ }).count(), 0);
    assert.equal(await byElement.cards.count(), 1);
    assert.equal(await byElement.root.getByRole("heading", { level: 2 }).textContent(), "Encuentre programas comunitarios");
    const housing = await byElement.root.locator(".tag").allTextContents();
    assert.ok(housing.some((t) => /Vivienda/.test(t)), housing.join());
    // The JS API: a third catalogue, limited to Hartford: the statewide and the Hartford program.
    assert.deepEqual(await byApi.ids(), ["first", "third"]);

    // Each answers its own family's choice, and changes none of the others (a widget that
    // stopped would pass the second half: hence the first).
    const dataIds = ["hartford-food", "windham-county-housing", "statewide-food-housing", "newborn", "adults"];
    await byData.need("Housing").check();
    assert.deepEqual(await byData.ids(), dataIds, "food and housing");
    assert.deepEqual(await byApi.ids(), ["first", "third"]);
    assert.equal(await byElement.cards.count(), 1);

    await byElement.root.getByRole("button", { name: "Mostrar más programas" }).click();
    assert.equal(await byElement.cards.count(), 2, "one more card");
    assert.deepEqual(await byData.ids(), dataIds);
    assert.deepEqual(await byApi.ids(), ["first", "third"]);

    await byApi.search.fill("third");
    assert.deepEqual(await byApi.ids(), ["third"]);
    assert.deepEqual(await byData.ids(), dataIds);
    assert.equal(await byElement.cards.count(), 2);

    // Several widgets: none of them writes the address unless asked (it would have by the
    // time the last choice's results settle).
    await byApi.settled({ query: "third" });
    assert.equal(new URL(page.url()).search, "");
    assert.deepEqual(messages.errors.filter((e) => !/no-place|could not use|skipped/i.test(e)), []);
  });
});
