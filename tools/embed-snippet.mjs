// Prints the script tag a web team pastes into its pages, with a Subresource Integrity
// hash of this build's program-finder.js. Usage: node tools/embed-snippet.mjs dist
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist";
const loader = readFileSync(join(dir, "program-finder.js"));
const integrity = "sha384-" + createHash("sha384").update(loader).digest("base64");
console.log("Embed snippet (replace the address with where you host dist/):");
console.log(
  `  <script src="https://your-cdn.example.org/program-finder/program-finder.js" integrity="${integrity}" crossorigin="anonymous" defer></script>`,
);
console.log('  <div data-program-finder data-catalogue="/path/to/your-catalogue.json"></div>\n');
