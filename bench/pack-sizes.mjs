// Prints the parts `cargo run --release -p finder-bench --example pack_sizes` wrote to
// target/pack-sizes/<size>/: raw, gzip (level 9) and brotli (quality 11) sizes, the basis
// for the catalogue pack's format (issue 18; BENCHMARKS.md, "A pack's parts").
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = "target/pack-sizes";
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(12);
for (const size of readdirSync(root).sort((a, b) => a - b)) {
  console.log(`\n${Number(size).toLocaleString("en-US")} programs`);
  console.log(`${"part".padEnd(26)}${"raw".padStart(12)}${"gzip".padStart(12)}${"brotli".padStart(12)}`);
  const files = readdirSync(join(root, size)).sort();
  const rows = new Map();
  for (const file of files) {
    const bytes = readFileSync(join(root, size, file));
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    const part = file.startsWith("text-") ? "text, 100 programs (mean)" : file;
    const row = rows.get(part) ?? { raw: 0, gz: 0, br: 0, n: 0 };
    row.raw += bytes.length;
    row.gz += gzipSync(bytes, { level: 9 }).length;
    row.br += br;
    row.n += 1;
    rows.set(part, row);
  }
  for (const [part, { raw, gz, br, n }] of rows) {
    console.log(`${part.padEnd(26)}${kb(raw / n)}${kb(gz / n)}${kb(br / n)}`);
  }
}
