// The size budget (size-budget.json) is enforced: the report passes within it and fails,
// saying by how much, over it. (`make test` runs the real check after the browser tests.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST } from "./harness.mjs";

const top = fileURLToPath(new URL("../..", import.meta.url));
const report = (budgetFile) =>
  spawnSync(process.execPath, ["tools/size-report.mjs", DIST, "--budget", budgetFile], { cwd: top, encoding: "utf8" });

test("the size budget passes within it and fails over it", () => {
  const budget = JSON.parse(readFileSync(join(top, "size-budget.json"), "utf8"));
  assert.equal(budget.goal_kb, 100, "the goal the issue set");
  const within = report(join(top, "size-budget.json"));
  assert.equal(within.status, 0, within.stderr);
  const total = Number(within.stdout.match(/: ([\d.]+) KB brotli of/)[1]);
  assert.ok(total > 10 && total <= budget.budget_kb, String(total));

  const tight = join(mkdtempSync(join(tmpdir(), "pf-budget-")), "budget.json");
  writeFileSync(tight, JSON.stringify({ goal_kb: 100, budget_kb: Math.floor(total) - 1 }));
  const over = report(tight);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /OVER by [\d.]+ KB/);
});
