// Trunk post-build hook: writes program-finder.js, the one script a host page includes,
// into the staging folder. It is src/embed/loader.js with, filled in:
// - the hashed name of this build's .wasm (hashed names let hosts cache it forever;
//   program-finder.js keeps its name so host pages never change);
// - the wasm-bindgen glue (--target no-modules), inlined, so the module's download starts
//   the moment program-finder.js runs instead of after one more request (the glue file
//   is then removed: nothing loads it);
// - style/finder.css without its comments, so the frame painted before the module
//   arrives already looks like the widget, and the wasm carries no CSS;
// - the frame's words (heading, loading line, language switch) in every language of locales/.
// Then it minifies the whole (terser): every family downloads this file, and its comments
// and long local names cost 4.5 KB brotli. Property names, strings and the wasm import
// names stay as they are; the readable source is src/embed/loader.js.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("TRUNK_STAGING_DIR is not set (run through trunk)");
const files = readdirSync(staging);
const wasm = files.find((f) => /^program-finder-wasm-[0-9a-f]+_bg\.wasm$/.test(f));
if (!wasm) fail(`no program-finder-wasm-<hash>_bg.wasm in ${staging}: ${files.join(", ")}`);
const glueFile = wasm.replace(/_bg\.wasm$/, ".js");
if (!files.includes(glueFile)) fail(`${glueFile} is missing from ${staging}`);
const glue = readFileSync(join(staging, glueFile), "utf8");
// The no-modules glue defines `wasm_bindgen` (and no other name) for the loader to call.
if (!/\blet wasm_bindgen\b/.test(glue) || /^\s*(import|export)\b/m.test(glue)) {
  fail(`${glueFile} is not wasm-bindgen's --target no-modules glue (see index.html's data-bindgen-target)`);
}

const source = (path) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const words = {};
for (const file of readdirSync(new URL("../locales/", import.meta.url))) {
  if (!file.endsWith(".json")) continue;
  const locale = JSON.parse(source(`locales/${file}`));
  const { heading, loading, language_name, language_switch } = locale;
  words[file.replace(/\.json$/, "")] = { heading, loading, language_name, language_switch };
}
for (const [code, set] of Object.entries(words)) {
  const missing = Object.keys(set).filter((key) => typeof set[key] !== "string");
  if (missing.length) fail(`locales/${code}.json has no ${missing.join(", ")}`);
}

const template = source("src/embed/loader.js");
const fills = {
  __WASM__: wasm,
  __WORDS__: JSON.stringify(words),
  __CSS__: JSON.stringify(compactCss(source("style/finder.css"))),
  "/*__GLUE__*/": glue.trim(),
};
let loader = template;
for (const [mark, value] of Object.entries(fills)) {
  if (!loader.includes(mark)) fail(`src/embed/loader.js has no ${mark}`);
  loader = loader.split(mark).join(value);
}
const banner = "/*! Program Finder: program-finder.js, built from src/embed/loader.js (EMBEDDING.md says how to embed it) */";
const minified = await minify(loader, { compress: true, mangle: true, format: { comments: false, preamble: banner } });
writeFileSync(join(staging, "program-finder.js"), minified.code + "\n");
rmSync(join(staging, glueFile));

// With inject_scripts off, trunk leaves its own <link data-trunk rel="rust"> in the page.
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8").replace(/\s*<!--[^>]*Trunk[^>]*-->\s*<link data-trunk rel="rust"[^>]*>/, "").replace(/\s*<link data-trunk rel="rust"[^>]*>/, "");
writeFileSync(page, html);

/** The stylesheet without comments and with each run of white space made one space:
 * the rules mean exactly what the source says (it has no strings holding `/*` or runs
 * of spaces; a browser test checks the rules shipped equal those of the source). */
function compactCss(css) {
  return css.replace(/\/\*[\s\S]*?(\*\/|$)/g, "").split(/\s+/).filter(Boolean).join(" ");
}

function fail(message) {
  console.error(`write-loader: ${message}`);
  process.exit(1);
}
