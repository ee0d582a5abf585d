import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

const STARTUP_TIMEOUT_MS = 30_000;
const URL_PATTERN = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+/;

/**
 * Starts a sample app's built server on a free loopback port (PORT=0) in its own process and
 * resolves once it prints the URL it listens on.
 */
export async function startServer(target, appDir) {
  const child = spawn(process.execPath, [join(appDir, target.script)], {
    cwd: appDir,
    env: { ...process.env, ...target.env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const fail = (reason) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${target.name} ${reason}:\n${output}`));
    };
    const timer = setTimeout(() => fail("did not start in time"), STARTUP_TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = URL_PATTERN.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => fail(`exited with ${code} before listening`));
  });
  return { name: target.name, url, child };
}

/** Stops a server started by startServer: SIGTERM, then SIGKILL after 5 s. */
export async function stopServer(server) {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
