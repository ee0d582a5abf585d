import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const STARTUP_MS = 30_000;
const STOP_MS = 5_000;

/**
 * Starts one bench server (`bench/servers/<file>` with its arguments) in its own process and
 * waits for its port. `cpu()` asks the child for its CPU time in microseconds (user + system).
 * `execArgv`: Node options for the child (e.g. `--cpu-prof`).
 */
export async function startServer(file, args, { execArgv = [] } = {}) {
  const path = fileURLToPath(new URL(`../servers/${file}`, import.meta.url));
  const child = fork(path, args, { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${file} ${args.join(" ")}: no port after 30 s`)),
      STARTUP_MS,
    );
    child.once("message", (message) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} ${args.join(" ")} exited with ${code} before listening`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    cpu: () =>
      new Promise((resolve, reject) => {
        if (!child.connected) return reject(new Error(`${file} ${args.join(" ")} has exited`));
        child.send("cpu");
        child.once("message", ({ cpu }) => resolve(cpu.user + cpu.system));
      }),
    // Closing the channel makes the child exit by itself (and write its CPU profile, if any).
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill(), STOP_MS);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        if (child.connected) child.disconnect();
        else child.kill();
      }),
  };
}
