// Trunk post-build hook: writes program-finder.js into the staging folder, pointing at
// this build's hashed glue and wasm files. Hashed names let hosts cache those files
// forever; program-finder.js itself keeps its name so host pages never change.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("write-loader: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const files = readdirSync(staging);
const wasm = files.find((f) => /^program-finder-wasm-[0-9a-f]+_bg\.wasm$/.test(f));
if (!wasm) {
  console.error(`write-loader: no program-finder-wasm-<hash>_bg.wasm in ${staging}: ${files.join(", ")}`);
  process.exit(1);
}
const glue = wasm.replace(/_bg\.wasm$/, ".js");
if (!files.includes(glue)) {
  console.error(`write-loader: ${glue} is missing from ${staging}`);
  process.exit(1);
}
const template = readFileSync(new URL("../src/embed/loader.js", import.meta.url), "utf8");
const loader = template.replaceAll("__GLUE__", glue).replaceAll("__WASM__", wasm);
writeFileSync(join(staging, "program-finder.js"), loader);

// With inject_scripts off, trunk leaves its own <link data-trunk rel="rust"> in the page.
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8").replace(/\s*<!--[^>]*Trunk[^>]*-->\s*<link data-trunk rel="rust"[^>]*>/, "").replace(/\s*<link data-trunk rel="rust"[^>]*>/, "");
writeFileSync(page, html);
