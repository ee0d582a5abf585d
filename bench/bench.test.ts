import { execFile } from "node:child_process";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { allocation, comparisons, routesOf, targets } from "./targets.mjs";

const run = promisify(execFile);
const runScript = fileURLToPath(new URL("./run.mjs", import.meta.url));
const root = await mkdtemp(join(tmpdir(), "error-contract-bench-"));

afterAll(() => rm(root, { recursive: true, force: true }));

it("lists every target with its server and the framework's own answers", async () => {
  expect(targets.map((target) => target.name)).toEqual([
    "hono",
    "nest-express",
    "nest-fastify",
    "express",
    "fastify",
  ]);
  for (const target of targets) {
    await access(fileURLToPath(new URL(`./servers/${target.server[0]}`, import.meta.url)));
    for (const answer of [target.frameworkDefault, target.bare404]) {
      expect(answer.contentType, target.name).toMatch(/^[a-z]+\/[a-z]+$/);
      expect(answer.body.length, target.name).toBeGreaterThan(0);
    }
    // Every comparison's two routes exist for every target.
    const routes = routesOf(target);
    for (const { a, b } of comparisons)
      expect([routes[a], routes[b]], `${target.name} ${a}/${b}`).not.toContain(undefined);
  }
});

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
