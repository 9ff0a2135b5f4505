// A big catalogue arriving at phone speed, for the timeout tests of both suites
// (tests/e2e/faults.test.mjs in Chromium, tests/engines/smoke.mjs in WebKit and Firefox):
// the test fixture's programs again and again under new ids, 2,800 of them (about 400 KB),
// sent 16 KB every 100 ms: several seconds in all, never silent for long.
import { readFileSync } from "node:fs";

const fixture = JSON.parse(readFileSync(new URL("fixtures/catalogue.json", import.meta.url), "utf8"));

/** How many programs the big catalogue has ("2800 programs" on screen). */
export const BIG_PROGRAMS = 2_800;

const big = (() => {
  const programs = [];
  for (let copy = 0; programs.length < BIG_PROGRAMS; copy++) {
    for (const program of fixture.programs) programs.push({ ...program, id: `${program.id}-${copy}` });
  }
  return JSON.stringify({ ...fixture, programs: programs.slice(0, BIG_PROGRAMS) }, null, 1);
})();

/** Answers `response` with the big catalogue, a slice at a time (CORS open, as a CDN). */
export function trickleBigCatalogue(response) {
  response.writeHead(200, { "access-control-allow-origin": "*", "content-type": "application/json" });
  let at = 0;
  const next = () => {
    if (at >= big.length) return response.end();
    response.write(big.slice(at, (at += 16_000)));
    setTimeout(next, 100);
  };
  next();
}
