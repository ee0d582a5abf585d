import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Service, startService } from "../src/index.js";
import { cli } from "./run-cli.js";

interface Target {
  name: string;
  app: string;
  script: string;
  env: Record<string, string>;
}

// The repository's own list of sample targets (scripts/lib/targets.mjs, the matrix of `npm start`
// and the pack test; plain .mjs, so imported by URL and typed here). Each is started as its own
// tests start it: the built server, PORT=0 on 127.0.0.1, the URL it prints.
const ROOT = join(import.meta.dirname, "../../..");
const { targets } = (await import(pathToFileURL(join(ROOT, "scripts/lib/targets.mjs")).href)) as {
  targets: Target[];
};
const SAMPLES = targets.map((target) => ({
  name: target.name,
  main: join(ROOT, target.app, target.script),
  env: target.env,
}));

describe("the samples", () => {
  const running = new Map<string, Service>();
  beforeAll(async () => {
    const missing = SAMPLES.filter((sample) => !existsSync(sample.main)).map((sample) => sample.main);
    if (missing.length > 0) throw new Error(`not built: ${missing.join(", ")} (run \`npm run build\` first)`);
    const started = await Promise.all(
      SAMPLES.map((sample) => startService({ args: [sample.main], env: sample.env })),
    );
    for (const [index, sample] of SAMPLES.entries()) running.set(sample.name, started[index] as Service);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...running.values()].map((server) => server.stop()));
  });
  const urls = () => SAMPLES.map((sample) => running.get(sample.name)?.url as string);

  it("answer the reference suite alike: compare finds no difference", async () => {
    // The toolkit's own wording too: every sample words every body error as core does.
    const all = await cli("compare", ...urls(), "--with-tag", "wording", "--json");
    const report = JSON.parse(all.stdout);
    expect(report.cases).toBeGreaterThan(90);
    // Failed cases per sample, by name: every sample passes every case (none is tolerated).
    const failed = Object.fromEntries(
      SAMPLES.map((sample) => [sample.name, report.failed[running.get(sample.name)?.url as string]]),
    );
    expect(failed).toEqual(Object.fromEntries(SAMPLES.map((sample) => [sample.name, []])));
    // Unserved methods are a 404 on every sample (reference-api.md allows 405 or 404, but all alike).
    expect(report.differences.map((difference: { id: string }) => difference.id)).toEqual([]);
    const text = await cli("compare", ...urls(), "--with-tag", "wording");
    expect(text.stdout).toMatch(new RegExp(`no difference in \\d+ cases across ${SAMPLES.length} services`));
    expect(text.code).toBe(0);
  });

  it("the two Nest platforms answer every reference and hostile case alike", async () => {
    const url = (name: string) => running.get(name)?.url as string;
    const [express, fastify] = [url("nest-express"), url("nest-fastify")];
    for (const suite of ["reference", "hostile"]) {
      const wording = suite === "reference" ? ["--with-tag", "wording"] : [];
      const run = await cli("compare", express as string, fastify as string, "--suite", suite, ...wording);
      expect(run.stdout).toMatch(/no difference in \d+ cases across 2 services/);
      expect(run.code).toBe(0);
    }
  });

  it.each(SAMPLES.map((sample) => sample.name))(
    "%s passes check --openapi against its own /openapi.json",
    async (name) => {
      const url = running.get(name)?.url as string;
      const served = await fetch(`${url}/openapi.json`);
      await served.body?.cancel();
      expect(served.status).toBe(200);
      const document = `${url}/openapi.json`;
      const run = await cli(
        "check",
        url,
        "--openapi",
        document,
        "--allow-writes",
        "--header",
        "Authorization: Bearer user-token",
        "--rate",
        "500",
        "--json",
      );
      const report = JSON.parse(run.stdout);
      expect(report.total).toBeGreaterThan(40);
      const failed = report.results
        .filter((result: { passed: boolean }) => !result.passed)
        .map((result: { id: string; problems: string[] }) => `${result.id}: ${result.problems[0]}`);
      expect(failed).toEqual([]);
    },
  );
});
