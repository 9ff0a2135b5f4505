// Served the way EMBEDDING.md ("Serving the files compressed") tells web teams to: the
// demo/CDN server (server.mjs) sends the widget's code compressed, lets browsers keep the
// files with a hash in their name for a year, and has them revalidate program-finder.js
// and the catalogue (304 Not Modified when unchanged).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, Finder, useBrowser } from "./harness.mjs";

const FOREVER = "public, max-age=31536000, immutable";
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

describe("serving", () => {
  const env = useBrowser();

  test("a browser gets the wasm brotli-compressed, keeps hashed files for a year and revalidates program-finder.js", async () => {
    const responses = [];
    const { page } = await env.open(env.site.url + "pages/plain.html", { setup: (page) => page.on("response", (response) => responses.push(response)) });
    await new Finder(page, "#host").loaded();

    const wasm = responses.find((r) => r.url().endsWith(".wasm"));
    assert.ok(wasm, "the wasm was fetched");
    const asked = (await wasm.request().allHeaders())["accept-encoding"] ?? "";
    assert.match(asked, /\bbr\b/, "Chromium asks for brotli");
    const headers = await wasm.allHeaders();
    assert.equal(headers["content-encoding"], "br");
    assert.equal(headers["content-type"], "application/wasm");
    assert.equal(headers.vary, "Accept-Encoding");
    assert.equal(headers["access-control-allow-origin"], "*");
    // Smaller on the wire than in memory (Timing-Allow-Origin lets the page see both).
    const timing = await page.evaluate(() => performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm")).toJSON());
    assert.ok(timing.transferSize > 0 && timing.transferSize < timing.decodedBodySize / 2, JSON.stringify(timing));

    // Every file whose name carries a hash may be cached forever; program-finder.js may not.
    const hashed = responses.filter((r) => HASHED.test(new URL(r.url()).pathname));
    assert.ok(hashed.length >= 1);
    for (const r of hashed) assert.equal((await r.allHeaders())["cache-control"], FOREVER, r.url());
    const loader = responses.find((r) => r.url().endsWith("/program-finder.js"));
    assert.equal((await loader.allHeaders())["cache-control"], "no-cache");
    const etag = (await loader.allHeaders()).etag;
    assert.match(etag, /^"[^"]+"$/);

    // The next visit: the browser asks for program-finder.js with its ETag and gets a 304.
    responses.length = 0;
    await page.reload();
    await new Finder(page, "#host").loaded();
    const again = responses.find((r) => r.url().endsWith("/program-finder.js"));
    assert.equal((await again.request().allHeaders())["if-none-match"], etag);
    assert.equal(again.status(), 304);
  });

  test("program-finder.js and catalogues revalidate: 304 when unchanged, gzip or none when brotli is not accepted", async () => {
    const { request } = await env.newContext();
    const url = env.cdn.url + "program-finder.js";
    const first = await request.get(url, { headers: { "accept-encoding": "br, gzip" } });
    assert.equal(first.status(), 200);
    const etag = first.headers().etag;
    const again = await request.get(url, { headers: { "accept-encoding": "br, gzip", "if-none-match": etag } });
    assert.equal(again.status(), 304);
    assert.equal((await again.body()).length, 0);
    assert.equal(again.headers().etag, etag);
    assert.equal(again.headers()["cache-control"], "no-cache");

    // The same file for a browser without brotli, and for one that accepts no encoding.
    const onDisk = readFileSync(`${DIST}/program-finder.js`);
    const gzipped = await request.get(url, { headers: { "accept-encoding": "gzip" } });
    assert.equal(gzipped.headers()["content-encoding"], "gzip");
    assert.deepEqual(await gzipped.body(), onDisk);
    const plain = await request.get(url, { headers: { "accept-encoding": "identity" } });
    assert.equal(plain.headers()["content-encoding"], undefined);
    assert.equal(Number(plain.headers()["content-length"]), onDisk.length);
    assert.notEqual(plain.headers().etag, etag, "each encoding has its own ETag");
    const head = await request.head(url, { headers: { "accept-encoding": "br" } });
    assert.equal(head.status(), 200);
    assert.equal(head.headers()["content-encoding"], "br");

    // The catalogue a page names: revalidated too.
    const catalogue = await request.get(env.cdn.url + "sample-catalogue.json");
    assert.equal(catalogue.headers()["cache-control"], "no-cache");
    const unchanged = await request.get(env.cdn.url + "sample-catalogue.json", { headers: { "if-none-match": catalogue.headers().etag } });
    assert.equal(unchanged.status(), 304);
  });
});
