// Never a blank box: a server that fails in every way a network can, and a catalogue
// written to attack the page. Each fault shows a message in the family's language with
// "Try again" (or the copy this browser kept), and the console says exactly what happened.
import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { Finder, openWidgetOn, useBrowser, widgetEvents } from "./harness.mjs";
import { BIG_PROGRAMS, trickleBigCatalogue } from "./slow-catalogue.mjs";

const fixture = readFileSync(new URL("fixtures/catalogue.json", import.meta.url), "utf8");

/** A catalogue server that fails on demand; `log` records every request it answers. */
function faultServer() {
  const log = [];
  const plan = { mode: "ok", failures: 0 };
  const etag = '"v1"';
  const server = createServer((request, response) => {
    const cors = { "access-control-allow-origin": "*" };
    const status = (code, body = "", type = "text/plain") => {
      log.push({ mode: plan.mode, status: code, conditional: Boolean(request.headers["if-none-match"]) });
      response.writeHead(code, { ...cors, "content-type": type }).end(body);
    };
    if (plan.failures > 0) {
      plan.failures--;
      return status(503, "busy");
    }
    switch (plan.mode) {
      case "ok":
        // Cacheable with revalidation: the browser asks "If-None-Match" next time.
        if (request.headers["if-none-match"] === etag) {
          log.push({ mode: "ok", status: 304, conditional: true });
          return response.writeHead(304, { ...cors, etag }).end();
        }
        log.push({ mode: "ok", status: 200, conditional: Boolean(request.headers["if-none-match"]) });
        return response
          .writeHead(200, { ...cors, "content-type": "application/json", etag, "cache-control": "no-cache" })
          .end(fixture);
      case "404":
        return status(404, "not found");
      case "500":
        return status(500, "oops");
      case "truncated":
        return status(200, fixture.slice(0, fixture.length / 2), "application/json");
      case "html":
        return status(200, "<!doctype html><title>Sign in</title><p>Please sign in", "text/html");
      case "hang":
        log.push({ mode: "hang" });
        return; // never answers
      case "trickle":
        log.push({ mode: "trickle", status: 200 });
        return trickleBigCatalogue(response);
      case "stall":
        // Half the catalogue, then nothing: a download that stops.
        log.push({ mode: "stall", status: 200 });
        response.writeHead(200, { ...cors, "content-type": "application/json" });
        return response.write(fixture.slice(0, fixture.length / 2));
    }
  });
  const close = () => {
    server.closeAllConnections(); // a "hang" request is still open
    server.close();
  };
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ url: `http://127.0.0.1:${server.address().port}/catalogue.json`, plan, log, close })),
  );
}

describe("faults", () => {
  const env = useBrowser();
  // Each test has a catalogue server of its own, so a fault one test asks for stays there.
  let catalogue;
  afterEach(() => catalogue?.close());

  /** A new fault server on `mode`, as `catalogue`. */
  async function serve(mode, failures = 0) {
    catalogue = await faultServer();
    Object.assign(catalogue.plan, { mode, failures });
    return catalogue;
  }

  /**
   * A page with one widget on the fault server's catalogue: in a fresh browser profile, or
   * in `context` for a later visit by the same browser.
   */
  async function open(options = {}, context) {
    const { page, messages } = await env.open(env.site.url + "pages/blank.html", { context });
    await page.evaluate(
      ([options]) => {
        const host = document.createElement("div");
        host.id = "host";
        document.body.append(host);
        const script = document.createElement("script");
        script.src = options.cdn + "program-finder.js";
        script.onload = () => ProgramFinder.mount(host, options.widget);
        document.head.append(script);
      },
      [{ cdn: env.cdn.url, widget: { catalogue: catalogue.url, urlState: "off", ...options } }],
    );
    return { page, messages, finder: new Finder(page, "#host"), context: page.context() };
  }

  const cases = [
    ["404", /HTTP 404/, 1],
    ["500", /HTTP 500/, 3], // retried twice, backing off
    ["truncated", /not valid JSON/, 1],
    ["html", /not valid JSON/, 1],
  ];
  for (const [mode, consoleSays, requests] of cases) {
    test(`${mode}: a message with Try again, the reason in the console`, async () => {
      await serve(mode);
      const { finder, messages } = await open({ lang: "es" });
      const alert = finder.root.getByRole("alert");
      await alert.waitFor({ timeout: 15_000 });
      assert.match(await alert.textContent(), /No pudimos cargar la lista de programas.*2-1-1/s);
      assert.equal(await finder.root.getByRole("button", { name: "Intentar de nuevo" }).count(), 1);
      assert.match(messages.errors.join("\n"), consoleSays);
      assert.equal(catalogue.log.length, requests, JSON.stringify(catalogue.log));
      // Fixed on the server: Try again shows the programs.
      catalogue.plan.mode = "ok";
      await finder.root.getByRole("button", { name: "Intentar de nuevo" }).click();
      await finder.loaded();
      assert.equal(await finder.cards.count(), 7);
    });
  }

  test("a server that does not answer: abandoned after the timeout, retried, then the message", async () => {
    await serve("hang");
    const { finder, messages } = await open({ timeout: 1 });
    await finder.root.getByRole("alert").waitFor({ timeout: 15_000 });
    assert.match(messages.warnings.join("\n"), /did not answer within 1 s; trying again in 1 s/);
    assert.match(messages.warnings.join("\n"), /trying again in 3 s/);
  });

  test("a big catalogue arriving slowly is never cut off by the timeout; the loading line says how much came", async () => {
    await serve("trickle");
    const { finder, messages } = await open({ timeout: 1 });
    const started = Date.now();
    const progress = finder.root.locator(".loading-progress");
    await progress.filter({ hasText: /KB received so far/ }).waitFor({ timeout: 15_000 });
    await finder.cards.first().waitFor({ timeout: 30_000 });
    assert.ok(Date.now() - started > 2_000, "it took longer than the 1 s timeout");
    assert.equal(await finder.root.getByRole("alert").count(), 0);
    assert.deepEqual(catalogue.log.map((r) => r.mode), ["trickle"], "one request, never abandoned or retried");
    assert.match(await finder.count.textContent(), new RegExp(`\\b${BIG_PROGRAMS} programs`));
    assert.equal(messages.warnings.filter((w) => /trying again/.test(w)).length, 0);
  });

  test("a download that stops: abandoned after the timeout of silence, retried, then the message", async () => {
    await serve("stall");
    const { finder, messages } = await open({ timeout: 1 });
    await finder.root.getByRole("alert").waitFor({ timeout: 15_000 });
    assert.match(messages.warnings.join("\n"), /no bytes came for 1 s; trying again in 1 s/);
    assert.deepEqual(catalogue.log.map((r) => r.mode), ["stall", "stall", "stall"]);
  });

  test("a busy server: retried with backoff until it answers", async () => {
    await serve("ok", 2);
    const { finder } = await open();
    await finder.loaded();
    assert.equal(await finder.cards.count(), 7);
    assert.deepEqual(catalogue.log.map((r) => r.status), [503, 503, 200]);
  });

  test("unchanged catalogue: revalidated, not downloaded again; offline: the kept copy", async () => {
    await serve("ok");
    const first = await open();
    await first.finder.loaded();
    // Same browser profile, a second visit: the browser asks with If-None-Match, gets 304.
    const second = await open({}, first.context);
    await second.finder.loaded();
    assert.deepEqual(catalogue.log.map((r) => r.status), [200, 304]);
    assert.equal(catalogue.log[1].conditional, true);

    // The server fails: this browser's last good copy is shown, with its date and Try again.
    catalogue.plan.mode = "500";
    const third = await open({}, first.context);
    const saved = third.finder.root.locator(".saved-copy");
    await saved.waitFor({ timeout: 15_000 });
    assert.match(await saved.textContent(), /Showing the list saved on \w+ \d+, \d{4}/);
    assert.equal(await third.finder.cards.count(), 7);
    // The page still hears that the latest could not be loaded.
    const errors = (await widgetEvents(third.page)).filter((e) => e.name === "pf-error").map((e) => e.detail);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /HTTP 500/);
    assert.equal(errors[0].savedCopy, true);
    // Offline altogether: the same.
    catalogue.plan.mode = "ok";
    await first.context.setOffline(true);
    await saved.getByRole("button", { name: "Try again" }).click();
    await third.finder.root.locator(".saved-copy").waitFor({ timeout: 15_000 });
    assert.equal(await third.finder.cards.count(), 7);
  });

  test("a hostile catalogue: nothing runs, only safe links, the layout holds", async () => {
    const { page, finder } = await openWidgetOn(env, "../fixtures/hostile.json", { width: 375, height: 800 });
    // Every program whose only fault is its text shows, as text.
    const names = await finder.root.locator(".name").allTextContents();
    assert.ok(names.includes("<script>window.__pwned=1</script>Pantry"), names.join(" | "));
    assert.equal(await finder.root.getByRole("button", { name: "Show more programs" }).count(), 0, "every program on the first page");
    // Open every program's details (each button's name changes once open).
    const more = finder.root.getByRole("button", { name: "More details" });
    for (let left = await more.count(); left > 0; left--) await more.first().click();
    assert.equal(await more.count(), 0);
    const report = await page.evaluate(() => {
      const root = document.getElementById("host").shadowRoot;
      const all = [...root.querySelectorAll("*")];
      return {
        pwned: window.__pwned ?? null,
        dangerous: all.filter((e) => ["SCRIPT", "IFRAME", "IMG", "SVG", "OBJECT", "EMBED"].includes(e.tagName.toUpperCase())).length,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name)),
        schemes: [...new Set([...root.querySelectorAll("[href]")].map((a) => new URL(a.getAttribute("href"), location.href).protocol))],
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.deepEqual(report.pwned, null);
    assert.equal(report.dangerous, 0);
    assert.deepEqual(report.handlers, []);
    for (const scheme of report.schemes) assert.ok(["http:", "https:", "tel:", "mailto:", "sms:"].includes(scheme), scheme);
    assert.ok(report.schemes.includes("https:") && report.schemes.includes("tel:"), report.schemes.join());
    assert.ok(report.overflow <= 0, `the page scrolls sideways by ${report.overflow}px`);
    await page.screenshot({ path: new URL("screenshots/hostile-375.png", import.meta.url).pathname, fullPage: false });
  });

  test("a partly broken catalogue: the good programs, and with debug a banner for staff", async () => {
    const { page } = await env.open(env.site.url + "pages/blank.html");
    await page.evaluate((cdn) => {
      for (const [id, debug] of [["plain", false], ["staff", true]]) {
        const host = document.createElement("div");
        host.id = id;
        host.dataset.programFinder = "";
        host.dataset.catalogue = "../fixtures/one-bad-program.json";
        if (debug) host.dataset.debug = "";
        document.body.append(host);
      }
      const script = document.createElement("script");
      script.src = cdn + "program-finder.js";
      document.head.append(script);
    }, env.cdn.url);
    const plain = await new Finder(page, "#plain").loaded();
    const staff = await new Finder(page, "#staff").loaded();
    assert.deepEqual(await plain.ids(), ["first", "third"]);
    assert.deepEqual(await staff.ids(), ["first", "third"]);
    assert.equal(await plain.root.locator(".debug").count(), 0, "families never see it");
    const banner = staff.root.locator(".debug");
    assert.match(await banner.locator("summary").textContent(), /For staff: 1 problem in this catalogue/);
    await banner.locator("summary").click();
    assert.match(await banner.locator("li").first().textContent(), /programs\[1\].*neither "towns" nor "statewide"/);
  });
});
