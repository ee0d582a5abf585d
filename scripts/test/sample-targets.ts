// The sample apps' built servers, for the tests that hold every sample to the same thing
// (sample-*.test.ts): one entry of scripts/lib/targets.mjs, one server.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Service } from "@error-contract/conformance";
import { startServer } from "../lib/server-process.mjs";
import { targets } from "../lib/targets.mjs";

export interface SampleTarget {
  name: string;
  app: string;
  script: string;
  env: Record<string, string>;
}

/** A target's running server: `url`, `output()`, `stderr()`, `child`, `stop()`… */
export type SampleServer = Service & { name: string };

export const ROOT = join(import.meta.dirname, "../..");

/** Every sample target: a new framework's sample joins these tests by its entry in targets.mjs. */
export const sampleTargets = targets as SampleTarget[];

/** How long starting one built server may take (a Nest server on a busy machine takes seconds). */
export const START_TIMEOUT = 60_000;

/** Starts a target's built server on a free loopback port, or says which build is missing. */
export async function startSample(target: SampleTarget): Promise<SampleServer> {
  const appDir = join(ROOT, target.app);
  if (!existsSync(join(appDir, target.script)))
    throw new Error(`${target.name}: ${target.app}/${target.script} is not built (run \`npm run build\`)`);
  return (await startServer(target, appDir)) as SampleServer;
}
