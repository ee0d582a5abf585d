import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Service, startService } from "@error-contract/conformance";

const SERVER = fileURLToPath(new URL("../dist/server.js", import.meta.url));

/** The running server: `url`, `stderr()` (its 5xx log lines), `output()`, `stop()`… */
export type StartedServer = Service;

/**
 * Starts the built server on a free loopback port (PORT=0) and resolves once it listens: the
 * conformance package's helper reads the first loopback URL it prints, whatever the words around
 * it, and kills the server on every failure and when the tests end.
 */
export async function startServer(): Promise<StartedServer> {
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} is missing: run \`npm run build -w hono-sample\` first`);
  return startService({ args: [SERVER] });
}
