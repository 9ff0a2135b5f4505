// Catalogue packs for the browser tests, written by the staff tool itself
// (`catalogue pack`, as built by `cargo test`) into fixtures/generated/<name>/.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const GENERATED = here("fixtures/generated/");

/** Packs the catalogue at `source`; its entry's address from a page in pages/, the entry, and the folder's files. */
export function pack(source, name) {
  const output = `${GENERATED}${name}`;
  rmSync(output, { recursive: true, force: true });
  execFileSync("cargo", ["run", "--quiet", "-p", "catalogue", "--", "pack", source, "--output", output], {
    cwd: here("../.."),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const entry = JSON.parse(readFileSync(`${output}/pack.json`, "utf8"));
  return { url: `../fixtures/generated/${name}/pack.json`, entry, files: readdirSync(`${output}/${entry.id}`) };
}
