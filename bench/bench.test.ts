import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { allocation, comparisons } from "./targets.mjs";

const run = promisify(execFile);
const runScript = fileURLToPath(new URL("./run.mjs", import.meta.url));
const root = await mkdtemp(join(tmpdir(), "error-contract-bench-"));

afterAll(() => rm(root, { recursive: true, force: true }));

it("runs a quick benchmark of Hono into a new folder and reports every path and core case", async () => {
  // A folder that does not exist yet: --out creates it.
  const out = join(root, "new", "folder");
  // Rejects (and so fails the test) when run.mjs exits with anything but 0: a wrong answer on
  // any route, before or under the load, is such an exit.
  await run(process.execPath, [runScript, "--quick", "--targets", "hono", "--out", out]);
  const results = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
  const time = results.time;
  expect(time.settings.mode).toBe("time");
  expect(time.targets.map((target: { name: string }) => target.name)).toEqual(["hono"]);
  const measured = time.targets[0].comparisons;
  expect(measured.map((comparison: { name: string }) => comparison.name)).toEqual(
    comparisons.map((comparison) => comparison.name),
  );
  for (const comparison of measured) {
    for (const key of [
      "ratio",
      "minRatio",
      "maxRatio",
      "rpsRatio",
      "cpuUsA",
      "cpuUsB",
      "p50usA",
      "p99usA",
      "p99usB",
    ]) {
      expect(Number.isFinite(comparison[key]), `${comparison.name} ${key}`).toBe(true);
    }
    expect(comparison.ratio).toBeGreaterThan(0);
    // Microseconds: a request on loopback takes more than one.
    expect(comparison.p99usA).toBeGreaterThan(1);
  }
  const heap = time.targets[0].allocation.routes;
  expect(heap.map((entry: { route: string }) => entry.route)).toEqual(allocation.routes);
  for (const entry of heap) expect(entry.bytes, entry.route).toBeGreaterThan(0);
  expect(time.core.length).toBeGreaterThan(0);
  for (const core of time.core) expect(Number.isFinite(core.nsA), core.name).toBe(true);
  const markdown = await readFile(join(out, "results.md"), "utf8");
  expect(markdown).toContain("| hono | (1) success |");
  expect(markdown).toContain("| hono | miss/bare 404 |");
});
