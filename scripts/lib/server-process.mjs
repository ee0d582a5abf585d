import { join } from "node:path";

/**
 * Starts a sample app's built server (a target of targets.mjs) on a free loopback port (PORT=0)
 * in its own process, through the one server-start helper (`startService` of
 * @error-contract/conformance): resolves once it listens, kills it on any failure.
 * The result is the service (`url`, `pid`, `output()`, `stderr()`, `stop()`…) with the target's name.
 */
export async function startServer(target, appDir) {
  // Imported when first needed: `npm start` imports this file before it builds the packages.
  const { startService } = await import("@error-contract/conformance");
  try {
    const service = await startService({ args: [join(appDir, target.script)], cwd: appDir, env: target.env });
    return { name: target.name, ...service };
  } catch (error) {
    throw new Error(`${target.name}: ${error.message}`);
  }
}

/** Stops a server started by startServer: SIGTERM, then SIGKILL after 5 s. */
export async function stopServer(server) {
  await server.stop();
}
