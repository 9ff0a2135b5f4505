// Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) next to every file in
// dist/ that compresses, so that a server can send them as they are (nginx gzip_static and
// brotli_static, Caddy's `precompressed`, tests/e2e/server.mjs) instead of compressing on
// every request at a lower level. See EMBEDDING.md, "Serving the files compressed".
//
//   node tools/compress.mjs dist          (run by `make dist` after trunk)
//
// A file that would not get smaller (a tiny one) gets neither: servers then send it as it is.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".js", ".mjs", ".wasm", ".css", ".html", ".json", ".csv", ".svg"]);
const dir = process.argv[2] ?? "dist";

/** Every file under `folder`, recursively. */
const walk = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
  );

let raw = 0;
let brotli = 0;
let count = 0;
for (const file of walk(dir)) {
  // Not the server's own settings (page.html.headers.json), which are never sent.
  if (!COMPRESSIBLE.has(extname(file)) || file.endsWith(".headers.json")) continue;
  const data = readFileSync(file);
  const variants = [
    [`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })],
    [`${file}.gz`, gzipSync(data, { level: 9 })],
  ];
  for (const [path, packed] of variants) {
    if (packed.length < data.length) writeFileSync(path, packed);
    else rmSync(path, { force: true }); // none rather than a stale one
  }
  raw += data.length;
  brotli += Math.min(variants[0][1].length, data.length);
  count++;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`compress: .br and .gz written beside ${count} files in ${dir}/ (${kb(raw)} raw, ${kb(brotli)} brotli)`);
