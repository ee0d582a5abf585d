// create-error-contract outside this repository: a framework's service, generated into a
// temporary folder, installed from the packed tarballs (no workspace links), passes its own
// `npm test` (the conformance suite with the `faults` cases skipped, and the hostile suite),
// the conformance CLI against the built service on each platform, and its typecheck.
// npm test runs the Hono service only (one to three minutes); `npm run test:create`
// (scripts/create-test.mjs) runs all four the same way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript without types
import { checkService, generateService, platforms } from "../lib/create-services.mjs";
// @ts-expect-error: plain JavaScript without types
import { buildAll, packAll } from "../lib/pack-tarballs.mjs";

const chosen = ["hono"];
const work = mkdtempSync(join(tmpdir(), "create-services-"));
const packs = join(work, "packs");

interface Case {
  id: string;
  tags?: string[];
  request: { path: string; headers?: object };
  setup?: { request: { path: string; headers?: object } }[];
}

/**
 * The reference cases a service without fault injection runs (what `--skip-tag faults` leaves),
 * less the toolkit's own wording, which a run turns on only when asked (`--with-tag wording`).
 */
async function casesWithoutFaults(dir: string): Promise<number> {
  const installed = join(dir, "node_modules/@error-contract/conformance/dist/index.js");
  const { cases } = (await import(pathToFileURL(installed).href)) as { cases: Case[] };
  const faulty = ({ path, headers }: Case["request"]) =>
    path.startsWith("/faults/") ||
    Object.keys(headers ?? {}).some((name) => name.toLowerCase() === "x-fault");
  return cases.filter(
    ({ request, setup, tags }) =>
      !tags?.includes("wording") && ![request, ...(setup ?? []).map((step) => step.request)].some(faulty),
  ).length;
}

beforeAll(() => {
  buildAll();
  packAll(packs);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(chosen)("a %s service made by create-error-contract", (framework) => {
  it("installs from the tarballs, passes npm test, the CLI and its typecheck", async () => {
    expect(Object.keys(platforms)).toContain(framework);
    const dir = join(work, `my-${framework}-service`);
    await generateService(framework, dir, packs);
    const { tests, cli } = await checkService(framework, dir);
    const expected = await casesWithoutFaults(dir);
    expect(expected).toBeGreaterThan(100);
    // Each platform runs every case but the fault cases, plus the hostile suite and SIGTERM.
    expect(tests).toBeGreaterThan(expected * platforms[framework].length);
    expect(cli).toEqual(
      platforms[framework].map(({ name }: { name: string }) => ({ name, passed: expected, cases: expected })),
    );
  }, 420_000);
});
