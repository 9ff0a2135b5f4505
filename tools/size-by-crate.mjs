// Where the widget's bytes go: the size of every function's code in a wasm module,
// grouped by the Rust crate its name starts with, plus the data section (strings,
// tables). Reads the name section the linker writes, so give it the module before
// wasm-bindgen and wasm-opt strip names:
//
//   node tools/size-by-crate.mjs target/wasm32-unknown-unknown/release/program-finder-wasm.wasm [--top 30]
//
// Sizes are raw bytes of code before wasm-opt (which shrinks everything by about a
// quarter), so read them as shares, not as what a family downloads.
import { readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node tools/size-by-crate.mjs MODULE.wasm [--top N]");
  process.exit(2);
}
const topAt = process.argv.indexOf("--top");
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
const bytes = readFileSync(file);

let at = 8; // after the magic number and version
const leb = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const length = leb();
  const text = bytes.toString("utf8", at, at + length);
  at += length;
  return text;
};

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
const sections = {};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: functions imported take the first indexes.
    for (let count = leb(); count > 0; count--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { at += 2; }
    }
  } else if (id === 10) {
    for (let count = leb(); count > 0; count--) {
      const bodySize = leb();
      bodySizes.push(bodySize);
      at += bodySize;
    }
  } else if (id === 0) {
    const sectionName = name();
    if (sectionName === "name") {
      while (at < end) {
        const kind = bytes[at++];
        const subEnd = leb() + at;
        if (kind === 1) {
          for (let count = leb(); count > 0; count--) {
            const index = leb();
            names.set(index, name());
          }
        }
        at = subEnd;
      }
    }
    sections[`custom ${sectionName}`] = size;
  }
  if (id !== 0) sections[id] = size;
  at = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: use the module from target/, before wasm-opt.`);
  process.exit(1);
}

// "<alloc::vec::Vec<T> as core::clone::Clone>::clone" belongs to the crate of the type
// or trait it is about; take the first path segment that is not std's.
const stdCrates = new Set(["core", "alloc", "std"]);
// Names are mangled: legacy `_ZN<len><ident>...E` (with `$LT$`-style escapes) or v0
// `_R...` (crates as `Cs<hash>_<len><name>`). Enough decoding to read paths.
const escapes = { "$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$C$": ",", "$u20$": " ", "$u7b$": "{", "$u7d$": "}", "$u5b$": "[", "$u5d$": "]", "$u27$": "'", "$SP$": "@" };
const readable = (fn) => {
  if (fn.startsWith("_ZN")) {
    const parts = [];
    let i = 3;
    while (i < fn.length && /[0-9]/.test(fn[i])) {
      const digits = fn.slice(i).match(/^[0-9]+/)[0];
      i += digits.length;
      parts.push(fn.slice(i, i + Number(digits)));
      i += Number(digits);
    }
    return parts
      .filter((p) => !/^h[0-9a-f]{16}$/.test(p))
      .join("::")
      .replace(/\$[A-Za-z0-9]+\$/g, (e) => escapes[e] ?? e)
      .replace(/\.\./g, "::");
  }
  if (fn.startsWith("_R")) {
    const crates = [...fn.matchAll(/C[s0-9A-Za-z]*?_([0-9]+)/g)].map((m) => {
      const start = m.index + m[0].length;
      return fn.slice(start, start + Number(m[1]));
    });
    return crates.map((c) => c + "::").join("") + "(v0 symbol)";
  }
  return fn;
};
// A function of std's own (`core::slice::sort::...`) counts as std's; an impl
// (`<serde_json::Deserializer as serde::Deserializer>::...`) as the first crate named
// that is not std's, so that generic code lands with the crate that uses it.
const crateOf = (fn) => {
  const paths = fn.match(/(?<![A-Za-z0-9_:])[A-Za-z_][A-Za-z0-9_]*(?=::)/g) ?? [];
  if (paths.length === 0) return "(no name)";
  if (!fn.startsWith("_<") && stdCrates.has(paths[0])) return "std (core, alloc)";
  return paths.find((p) => !stdCrates.has(p)) ?? "std (core, alloc)";
};
const byCrate = new Map();
const functions = [];
bodySizes.forEach((size, i) => {
  const fn = readable(names.get(i + importedFunctions) ?? "(unnamed)");
  const crate = crateOf(fn);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  functions.push([size, fn]);
});
const code = bodySizes.reduce((a, b) => a + b, 0);
const data = sections[11] ?? 0;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const share = (n) => ((100 * n) / (code + data)).toFixed(1).padStart(6) + " %";

console.log(`\n${file}: code ${kb(code).trim()}, data ${kb(data).trim()} (raw, before wasm-opt)`);
console.log("crate".padEnd(32) + "code".padStart(11) + "share".padStart(8));
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(crate.padEnd(32) + kb(size) + share(size));
}
console.log("data section (strings, tables)".padEnd(32) + kb(data) + share(data));
if (process.env.SHOW) for (const [size, fn] of functions.filter((f) => crateOf(f[1]) === process.env.SHOW).sort((a, b) => b[0] - a[0]).slice(0, top)) console.log("  " + kb(size) + "  " + fn.slice(0, 150));
console.log(`\nlargest functions`);
for (const [size, fn] of functions.sort((a, b) => b[0] - a[0]).slice(0, top)) {
  console.log(kb(size) + "  " + (fn.length > 110 ? fn.slice(0, 107) + "..." : fn));
}
