// A small static file server for the demo and the browser tests.
//
// Sends CORS headers (as a CDN would), the right MIME types (application/wasm matters
// for streaming compilation), and no caching. Used from tests with startServer(), and
// from the command line by `make demo`:
//   node tests/e2e/server.mjs --root dist --port 8080
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port); in HTML files, each key of
 * `replace` is replaced by its value. Resolves to
 * { url, port, close() }.
 */
export function startServer({ root, port = 0, cors = true, replace = {} }) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      // Test pages name the other origin with placeholders such as {{CDN}}.
      if (extname(file) === ".html" && Object.keys(replace).length) {
        let text = body.toString("utf8");
        for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
        body = Buffer.from(text);
      }
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      };
      if (cors) headers["access-control-allow-origin"] = "*";
      // A page may come with headers of its own, such as a content security policy:
      // page.html takes them from page.html.headers.json (placeholders replaced too).
      Object.assign(headers, await extraHeaders(file, replace));
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      ok({ url: `http://127.0.0.1:${actual}/`, port: actual, close: () => server.close() });
    });
  });
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
