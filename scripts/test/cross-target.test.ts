import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Comparison, compareServices, runConformance, runHostile } from "@error-contract/conformance";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, stopServer } from "../lib/server-process.mjs";
import { targets } from "../lib/targets.mjs";

interface Target {
  name: string;
  app: string;
  script: string;
  env: Record<string, string>;
}
interface Started {
  name: string;
  url: string;
}

const ROOT = join(import.meta.dirname, "../..");
// Every sample target over real HTTP: a new target joins by one line in scripts/lib/targets.mjs.
const all = targets as Target[];

/** `case aspect: target=value, target=value` for each difference. */
function describeDifferences(comparison: Comparison, names: readonly string[]): string[] {
  return comparison.differences.map(
    (difference) =>
      `${difference.id} ${difference.aspect}: ${difference.values.map((value, index) => `${names[index]}=${value}`).join(", ")}`,
  );
}

describe("every target answers alike (reference API 1.1)", () => {
  const started: Started[] = [];
  beforeAll(async () => {
    const missing = all.filter((target) => !existsSync(join(ROOT, target.app, target.script)));
    if (missing.length > 0)
      throw new Error(`not built: ${missing.map((target) => target.app).join(", ")} (run \`npm run build\`)`);
    for (const target of all) started.push(await startServer(target, join(ROOT, target.app)));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(started.map((server) => stopServer(server)));
  });

  it.each([
    ["reference", runConformance],
    ["hostile", runHostile],
  ] as const)(
    "the %s cases get the same status, code, fields keys and contract headers on every target",
    async (suite, run) => {
      const names = started.map((server) => server.name);
      const comparison = await compareServices(
        started.map((server) => server.url),
        // The toolkit's own wording too: every target is built on core, so it reads core's words.
        (url, options) => run(url, { ...options, withTags: ["wording"] }),
      );
      // Any difference fails, naming the case, the aspect and each target's value: none is tolerated
      // (unserved methods are a 404 and invalid UTF-8 JSON a 400 on every target).
      expect(describeDifferences(comparison, names), `${suite}: differences between targets`).toEqual([]);
      expect(comparison.cases).toBeGreaterThan(50);
    },
    300_000,
  );
});
