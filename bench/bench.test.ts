import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { comparisons } from "./targets.mjs";

const run = promisify(execFile);
const runScript = fileURLToPath(new URL("./run.mjs", import.meta.url));
const out = await mkdtemp(join(tmpdir(), "error-contract-bench-"));

afterAll(() => rm(out, { recursive: true, force: true }));

it("runs a quick benchmark of Hono and reports every comparison and core case", async () => {
  // Rejects (and so fails the test) when run.mjs exits with anything but 0.
  await run(process.execPath, [runScript, "--quick", "--targets", "hono", "--out", out]);
  const results = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
  expect(results.targets.map((target: { name: string }) => target.name)).toEqual(["hono"]);
  const measured = results.targets[0].comparisons;
  expect(measured.map((comparison: { name: string }) => comparison.name)).toEqual(
    comparisons.map((comparison) => comparison.name),
  );
  for (const comparison of measured) {
    for (const key of ["ratio", "minRatio", "maxRatio", "cpuRatio", "rpsA", "rpsB", "p99A", "p99B"]) {
      expect(Number.isFinite(comparison[key]), `${comparison.name} ${key}`).toBe(true);
    }
    expect(comparison.ratio).toBeGreaterThan(0);
  }
  expect(results.core.length).toBeGreaterThan(0);
  for (const core of results.core) expect(Number.isFinite(core.nsA), core.name).toBe(true);
  expect(await readFile(join(out, "results.md"), "utf8")).toContain("| hono | (1) success |");
});
