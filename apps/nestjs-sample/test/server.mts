// Starts the built sample (dist/main.js) on a free loopback port through the conformance
// package's helper: it reads the first loopback URL printed, whatever the words around it, and
// kills the server on every failure and when the tests end.
import { fileURLToPath } from "node:url";
import { type Service, startService } from "@error-contract/conformance";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/** `url`, `output()` (stdout and stderr), `waitForOutput(pattern)`, `stop()` (SIGTERM, resolves with the exit)… */
export type RunningServer = Service;

export function startServer(platform: "express" | "fastify"): Promise<RunningServer> {
  return startService({ args: [MAIN], env: { NEST_PLATFORM: platform } });
}
