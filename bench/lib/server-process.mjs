import { fileURLToPath } from "node:url";
import { startService } from "@error-contract/conformance";

/**
 * Starts one bench server (`bench/servers/<file>` with its arguments) in its own process through
 * the one server-start helper (`startService` of @error-contract/conformance), with an IPC channel:
 * the server announces its port there (servers/announce.mjs). `execArgv`: Node options for the
 * child (e.g. `--cpu-prof`). `stop()` closes the channel, so the child exits by itself (and writes
 * its CPU profile, if any), or is killed after 5 s.
 */
export async function startServer(file, args, { execArgv = [] } = {}) {
  const path = fileURLToPath(new URL(`../servers/${file}`, import.meta.url));
  const service = await startService({ args: [...execArgv, path, ...args], ipc: true });
  return { url: service.url, pid: service.pid, stop: () => service.stop() };
}
