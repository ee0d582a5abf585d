import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Service, startService } from "@error-contract/conformance";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = "__ENTRY__";

export const platforms = ["express", "fastify"] as const;

/** Starts the built service (`npm run build` first; `npm test` does) on a free port. */
export function startServer(platform: (typeof platforms)[number]): Promise<Service> {
  if (!existsSync(new URL(`../${ENTRY}`, import.meta.url)))
    throw new Error(`${ENTRY} is missing: run \`npm run build\` first`);
  return startService({ args: [ENTRY], cwd: ROOT, env: { NEST_PLATFORM: platform } });
}
