// `npm run test:create`: the full check of create-error-contract outside this repository. Packs
// every published package, generates each framework's service into a temporary folder, installs
// it from the tarballs, and runs its `npm test`, its typecheck and the conformance CLI against it.
// Usage: node scripts/create-test.mjs [hono|nestjs|express|fastify …] [--keep]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkService, generateService, platforms } from "./lib/create-services.mjs";
import { buildAll, packAll } from "./lib/pack-tarballs.mjs";

const keep = process.argv.includes("--keep");
const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const frameworks = asked.length > 0 ? asked : Object.keys(platforms);
const work = mkdtempSync(join(tmpdir(), "create-error-contract-"));
const started = Date.now();
const log = (line) => console.log(`- ${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

try {
  buildAll();
  packAll(join(work, "packs"));
  log("built and packed");
  // One after the other: each install and test run uses both cores. A failure is reported and
  // the next framework still runs.
  const failed = [];
  for (const framework of frameworks) {
    const dir = join(work, `my-${framework}-service`);
    try {
      await generateService(framework, dir, join(work, "packs"));
      await checkService(framework, dir, log);
    } catch (error) {
      failed.push(framework);
      console.error(error instanceof Error ? error.message : error);
    }
  }
  if (failed.length > 0) throw new Error(`create-error-contract: ${failed.join(", ")} failed.`);
  console.log(`create-error-contract: ${frameworks.join(", ")} pass outside the workspace.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
