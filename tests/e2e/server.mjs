// A small static file server for the demo, the browser tests and the benchmarks. It serves
// files the way EMBEDDING.md ("Serving the files compressed") asks a web team to:
//
// - CORS headers (as a CDN would) and the right MIME types (application/wasm matters for
//   streaming compilation);
// - compressed by what the browser accepts: brotli, then gzip, then none. A precompressed
//   `file.br` / `file.gz` next to the file (`make dist` writes them) is sent as it is;
//   otherwise the file is compressed here once and kept in memory until it changes.
//   Always `Vary: Accept-Encoding`;
// - files whose name carries a content hash (trunk's `program-finder-wasm-<hash>_bg.wasm`)
//   may be cached forever; every other file (program-finder.js, pages, catalogues) is
//   revalidated on each use: `no-cache` with an ETag, answered `304 Not Modified` when it
//   has not changed.
//
// Used from tests and benchmarks with startServer(), and from the command line by `make demo`:
//   node tests/e2e/server.mjs --root dist --port 8080
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
/** Worth compressing (PNG already is). */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".csv", ".svg", ".bin"]);
/** Trunk's hashed names: `program-finder-wasm-<hash>_bg.wasm`, `…-<hash>.js`, `demo-<hash>.css`;
 * and every file of a catalogue pack's folder, named by its content hash (`<hash>/start.bin`). */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$|\/[0-9a-f]{16}\/[^/]+$/;
const FOREVER = "public, max-age=31536000, immutable";
/** On the fly, brotli at quality 5: nearly as small as 11 for a fraction of the time. */
const ENCODERS = {
  br: (data) => promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  gzip: (data) => promisify(gzip)(data, { level: 6 }),
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port); in HTML files, each key of
 * `replace` is replaced by its value (before compressing). Resolves to
 * { url, port, close() }.
 */
export function startServer({ root, port = 0, cors = true, replace = {}, tls = null }) {
  const base = resolve(root);
  // Per file: { stamp (mtime and size), identity: { body, etag }, br: …, gzip: … }.
  const cache = new Map();

  /** The file as sent with `encoding` (null: as it is), from the cache when unchanged. */
  async function representation(file, info, encoding) {
    const stamp = `${info.mtimeMs}:${info.size}`;
    let entry = cache.get(file);
    if (entry?.stamp !== stamp) cache.set(file, (entry = { stamp }));
    if (!entry.identity) {
      let body = await readFile(file);
      // Test pages name the other origin with placeholders such as {{CDN}}.
      if (replaces(file)) {
        let text = body.toString("utf8");
        for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
        body = Buffer.from(text);
      }
      // A strong validator from the content: the same bytes always get the same ETag.
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      entry.identity = { body, etag, encoding: null };
    }
    if (!encoding || !COMPRESSIBLE.has(extname(file))) return entry.identity;
    if (!entry[encoding]) {
      const body = (await precompressed(file, info, encoding)) ?? (await ENCODERS[encoding](entry.identity.body));
      // Each encoding is its own representation, so it gets its own strong ETag.
      const etag = entry.identity.etag.replace(/"$/, `-${encoding}"`);
      // Compressing a tiny file can make it bigger: then it is sent as it is.
      entry[encoding] = body.length < entry.identity.body.length ? { body, etag, encoding } : entry.identity;
    }
    return entry[encoding];
  }

  const replaces = (file) => extname(file) === ".html" && Object.keys(replace).length > 0;

  /** `file.br` / `file.gz` as `make dist` wrote it, unless older than the file (stale). */
  async function precompressed(file, info, encoding) {
    if (replaces(file)) return null; // the file on disk is not what is sent
    const path = `${file}.${encoding === "br" ? "br" : "gz"}`;
    try {
      if ((await stat(path)).mtimeMs < info.mtimeMs) return null;
      return await readFile(path);
    } catch {
      return null;
    }
  }

  // With `tls` ({ key, cert }): HTTP/2 over TLS, as CDNs serve (every request on one
  // connection at once, where HTTP/1.1 takes six at a time); HTTP/1.1 is still answered.
  const serve = (handler) => (tls ? createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer(handler));
  const server = serve(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end();
        return;
      }
      let info = await stat(file);
      if (info.isDirectory()) info = await stat((file = join(file, "index.html")));
      const sent = await representation(file, info, chooseEncoding(request.headers["accept-encoding"]));
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": HASHED.test(file) ? FOREVER : "no-cache",
        etag: sent.etag,
        vary: "Accept-Encoding",
      };
      if (cors) {
        headers["access-control-allow-origin"] = "*";
        // So that a page on another origin can time these files (the start-up benchmark).
        headers["timing-allow-origin"] = "*";
      }
      // A page may come with headers of its own, such as a content security policy:
      // page.html takes them from page.html.headers.json (placeholders replaced too).
      Object.assign(headers, await extraHeaders(file, replace));
      if (matches(request.headers["if-none-match"], sent.etag)) {
        delete headers["content-type"];
        response.writeHead(304, headers).end();
        return;
      }
      if (sent.encoding) headers["content-encoding"] = sent.encoding;
      headers["content-length"] = sent.body.length;
      response.writeHead(200, headers);
      response.end(request.method === "HEAD" ? undefined : sent.body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      ok({ url: `${tls ? "https" : "http"}://127.0.0.1:${actual}/`, port: actual, close: () => server.close() });
    });
  });
}

/** "br", "gzip" or null (identity), from an Accept-Encoding header with its q-values. */
export function chooseEncoding(header = "") {
  const weights = {};
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (name) weights[name] = q ? Number(q.slice(2)) : 1;
  }
  const accepted = (name) => (weights[name] ?? weights["*"] ?? 0) > 0;
  return accepted("br") ? "br" : accepted("gzip") ? "gzip" : null;
}

/** If-None-Match against our ETag (weak comparison, as RFC 9110 asks for this header). */
function matches(header, etag) {
  if (!header) return false;
  const bare = (tag) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === etag);
}

/** The headers in `file`.headers.json, if there is one. */
async function extraHeaders(file, replace) {
  if (extname(file) !== ".html") return {};
  let text;
  try {
    text = await readFile(`${file}.headers.json`, "utf8");
  } catch {
    return {};
  }
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return JSON.parse(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const { url } = await startServer({ root: arg("--root", "dist"), port: Number(arg("--port", 8080)) });
  console.log(`\nProgram Finder demo: ${url}\n(Ctrl+C to stop)`);
}
