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
// Before that it optimises the module (wasm-opt: see optimizeWasm below, which says why here
// and not in trunk) and gives the names that join module and glue short ones (shortenNames). Then it minifies the whole (terser): every family downloads this file, and its comments
// and long local names cost 4.5 KB brotli. Property names, strings and the wasm import
// names stay as they are; the readable source is src/embed/loader.js.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("TRUNK_STAGING_DIR is not set (run through trunk)");
const files = readdirSync(staging);

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

// Two builds of the widget, each with its loader: program-finder.js (catalogue JSON, what
// most pages load) and program-finder-pack.js (also catalogue packs, for big catalogues;
// the `pack` feature, and the bytes it needs).
for (const [module, script] of [["program-finder-wasm", "program-finder.js"], ["program-finder-pack-wasm", "program-finder-pack.js"]]) {
  await writeLoader(module, script);
}

async function writeLoader(module, script) {
  const built = files.find((f) => new RegExp(`^${module}(-[0-9a-f]+)?_bg\\.wasm$`).test(f));
  if (!built) fail(`no ${module}-<hash>_bg.wasm in ${staging}: ${files.join(", ")}`);
  optimizeWasm(join(staging, built));
  const glueFile = built.replace(/_bg\.wasm$/, ".js");
  if (!files.includes(glueFile)) fail(`${glueFile} is missing from ${staging}`);
  const glue = shortenNames(join(staging, built), readFileSync(join(staging, glueFile), "utf8"));
  // Trunk hashes the main module's name but not a worker-type one's (the pack build): it
  // gets the same kind of name here, from its final bytes, so hosts may cache it for ever.
  let wasm = built;
  if (!/-[0-9a-f]{16}_bg\.wasm$/.test(built)) {
    const hash = createHash("sha256").update(readFileSync(join(staging, built))).digest("hex").slice(0, 16);
    wasm = `${module}-${hash}_bg.wasm`;
    renameSync(join(staging, built), join(staging, wasm));
  }
  // The no-modules glue defines `wasm_bindgen` (and no other name) for the loader to call.
  if (!/\blet wasm_bindgen\b/.test(glue) || /^\s*(import|export)\b/m.test(glue)) {
    fail(`${glueFile} is not wasm-bindgen's --target no-modules glue (see index.html's data-bindgen-target)`);
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
  const banner = `/*! Program Finder: ${script}, built from src/embed/loader.js (EMBEDDING.md says how to embed it) */`;
  const minified = await minify(loader, { compress: true, mangle: true, format: { comments: false, preamble: banner } });
  writeFileSync(join(staging, script), minified.code + "\n");
  rmSync(join(staging, glueFile));
}

// With inject_scripts off, trunk leaves its own <link data-trunk rel="rust"> in the page.
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8").replace(/\s*<!--[^>]*Trunk[^>]*-->\s*<link data-trunk rel="rust"[^>]*>/, "").replace(/\s*<link data-trunk rel="rust"[^>]*>/g, "");
writeFileSync(page, html);

/** The stylesheet without comments, each run of white space made one space, and none
 * around `{ } ; >`, before `,` or after `:` (nor the last `;` of a rule, nor the 0 of
 * `0.5`): the rules mean exactly what the source says (it has no strings holding `/*`,
 * runs of spaces or those marks; `+` keeps its spaces, which calc() needs, and `,` the
 * one after it, which custom properties keep as written; a browser test checks the rules
 * shipped equal those of the source). */
function compactCss(css) {
  return css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ")
    .replace(/ ?([{};>]) ?/g, "$1")
    .replace(/ ,/g, ",")
    .replace(/: /g, ":")
    .replace(/;}/g, "}")
    .replace(/([:, (-])0\.(\d)/g, "$1.$2");
}

/**
 * wasm-opt for the widget's module, run here rather than by trunk (index.html asks trunk for
 * none) for two facts about Rust's wasm that trunk cannot pass: memory starts zeroed (the
 * module owns it) and its first kilobyte is never used (the 1 MB stack sits below the data
 * and grows down toward 0). "s" with those is 2.1 KB smaller than "z" (BENCHMARKS, "Size").
 * The module must export no stream class of `wasm-streams`: the stand-in in
 * patches/wasm-streams keeps them out (2.9 KB of code and data nothing calls).
 */
function optimizeWasm(path) {
  const bin = new URL("../node_modules/binaryen/bin/", import.meta.url).pathname;
  const run = (tool, args) => execFileSync(bin + tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const features = run("wasm-opt", ["--print-features", path, "-o", "/dev/null"]).split(/\s+/).filter(Boolean);
  run("wasm-opt", ["-Os", "--low-memory-unused", "--zero-filled-memory", ...features, path, "-o", path]);
  const left = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(path))).map((e) => e.name);
  if (left.some((name) => /intounderlying/i.test(name)) || !left.includes("main")) {
    fail(`the module exports ${left.join(", ")}: is the [patch.crates-io] of wasm-streams in Cargo.toml gone?`);
  }
}

/**
 * Gives the names that join the module and its glue short ones: the name of the glue's
 * object of imports (repeated in each import), the glue's 180 or so functions the module imports (`__wbg_appendChild_2c4d5cf25ec8c1cf`: each name carries a
 * 16-digit hash, which no compression can shrink) and the closure entry points it exports
 * (`wasm_bindgen_…___convert__closures_____invoke…`, hundreds of letters each). Each is
 * written twice, once in the module and once in the glue, so this takes 4 KB brotli off
 * what every family downloads. Rewrites the module's import and export sections in place
 * and every mention in the glue; stops the build if a name is missing from the glue or a
 * short name is already in it.
 */
function shortenNames(wasmPath, glue) {
  const bytes = readFileSync(wasmPath);
  const renamed = new Map();
  const shortName = (old) => {
    if (!renamed.has(old)) renamed.set(old, `$wb${renamed.size.toString(36)}`);
    return renamed.get(old);
  };
  const modules = new Map();
  const isImport = (name) => /^__wb(g|indgen)_/.test(name);
  const isExport = (name) => /^wasm_bindgen_[0-9a-f]+___convert__closures/.test(name);
  const parts = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const cursor = { at: at + 1 };
    const size = readLeb(bytes, cursor);
    const end = cursor.at + size;
    if (id !== 2 && id !== 7) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    const count = readLeb(bytes, cursor);
    const body = [leb(count)];
    const name = () => {
      const length = readLeb(bytes, cursor);
      const text = bytes.toString("utf8", cursor.at, cursor.at + length);
      cursor.at += length;
      return text;
    };
    for (let i = 0; i < count; i++) {
      const module = id === 2 ? name() : null;
      const field = name();
      const start = cursor.at;
      skipDescription(bytes, cursor, id);
      const short = (id === 2 ? isImport(field) : isExport(field)) ? shortName(field) : field;
      if (module !== null) {
        // The glue's one object of imports, "./program-finder-wasm_bg.js", named in every import.
        if (!modules.has(module)) modules.set(module, `w${modules.size || ""}`);
        body.push(leb(Buffer.byteLength(modules.get(module))), Buffer.from(modules.get(module)));
      }
      body.push(leb(Buffer.byteLength(short)), Buffer.from(short), bytes.subarray(start, cursor.at));
    }
    const payload = Buffer.concat(body);
    parts.push(Buffer.from([id]), leb(payload.length), payload);
    at = end;
  }
  for (const [old, short] of renamed) {
    const escaped = short.replace(/\$/g, "\\$");
    if (new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(glue)) fail(`the glue already has a name ${short}`);
    const mention = new RegExp(`(?<![\\w$])${old}(?![\\w$])`, "g");
    if (!mention.test(glue)) fail(`the glue never mentions ${old}`);
    glue = glue.replace(mention, short);
  }
  for (const [old, short] of modules) {
    const key = JSON.stringify(old);
    if (!glue.includes(key)) fail(`the glue never names the module ${key}`);
    glue = glue.split(key).join(JSON.stringify(short));
  }
  writeFileSync(wasmPath, Buffer.concat(parts));
  return glue;
}

/** Moves `cursor` past what follows an import's or export's name (`section` 2 or 7). */
function skipDescription(bytes, cursor, section) {
  const kind = bytes[cursor.at++];
  const limits = () => {
    const flags = bytes[cursor.at++];
    readLeb(bytes, cursor);
    if (flags & 1) readLeb(bytes, cursor);
  };
  if (section === 7 || kind === 0) readLeb(bytes, cursor); // an index, or a function's type
  else if (kind === 1) (cursor.at++, limits()); // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) cursor.at += 2; // global: value type, mutability
  else if (kind === 4) (cursor.at++, readLeb(bytes, cursor)); // tag: attribute, type
  else fail(`an import of unknown kind ${kind}`);
}

function readLeb(bytes, cursor) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[cursor.at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return value;
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function fail(message) {
  console.error(`write-loader: ${message}`);
  process.exit(1);
}
