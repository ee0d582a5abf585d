import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type Service, startService } from "./start-service.js";

/** Whether the process runs (a zombie waiting for its reaper counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Waits a little for a killed process to be gone. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !alive(pid);
}

const node = (code: string, options: { timeoutMs?: number; ipc?: boolean } = {}) =>
  startService({ args: ["-e", code], ...options });

// A server on PORT/HOST that prints its URL in words of its own; `before`/`after` run around listen.
const server = (line: string, { before = "", after = "" } = {}) => `
  const http = require("node:http");
  ${before}
  const server = http.createServer((req, res) => res.end("up"));
  server.listen(Number(process.env.PORT), process.env.HOST, () => {
    const { port } = server.address();
    console.log(${JSON.stringify(line)}.replace("PORT", port));
    ${after}
  });`;

// The pid of each child started in a test, printed by the failure paths' output or read from the service.
const started: Service[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((service) => service.stop()));
});

describe("startService", () => {
  it("finds the first loopback URL whatever the words around it, and stop() ends the process", async () => {
    const service = await node(server("Ready! Serving on http://127.0.0.1:PORT/ (press Ctrl+C)"));
    started.push(service);
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(service.url)).text()).toBe("up");
    expect(service.output()).toContain("Ready! Serving on");
    expect(service.stdout()).toContain("Ready!");
    expect(service.running()).toBe(true);
    expect(await service.stop()).toEqual({ code: null, signal: "SIGTERM" });
    expect(service.running()).toBe(false);
    expect(await gone(service.pid)).toBe(true);
  });

  it("reads a URL printed on stderr, and keeps the streams apart", async () => {
    const service = await node(
      server("listening at http://localhost:PORT", { after: "console.error('a log line');" }),
    );
    started.push(service);
    expect(service.url).toMatch(/^http:\/\/localhost:\d+$/);
    await service.waitForOutput(/a log line/);
    expect(service.stderr()).toContain("a log line");
    expect(service.stdout()).not.toContain("a log line");
  });

  it("waits until the printed URL accepts connections", async () => {
    // Prints a URL at once, listens on that port only 500 ms later.
    const service = await node(`
      const http = require("node:http");
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address();
        probe.close(() => {
          console.log("soon on http://127.0.0.1:" + port);
          setTimeout(() => http.createServer((req, res) => res.end("late")).listen(port, "127.0.0.1"), 500);
        });
      });`);
    started.push(service);
    expect(await (await fetch(service.url)).text()).toBe("late");
  });

  it("takes the port announced over IPC, and stop() closes the channel so it exits by itself", async () => {
    const service = await node(
      `const s = require("node:http").createServer((q, r) => r.end("ipc")).listen(0, "127.0.0.1", () => {
         process.send({ port: s.address().port });
         process.on("disconnect", () => process.exit(0));
       });`,
      { ipc: true },
    );
    expect(await (await fetch(service.url)).text()).toBe("ipc");
    expect(await service.stop()).toEqual({ code: 0, signal: null });
  });

  it("kills a child that never listens (prints nothing) when the time is up", async () => {
    const error = await node(`console.error("pid " + process.pid); setInterval(() => {}, 1000);`, {
      timeoutMs: 1_000,
    }).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/did not listen within 1000 ms/);
    const pid = Number(/pid (\d+)/.exec(String(error))?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(await gone(pid)).toBe(true);
  });

  it("kills a child whose printed URL never answers", async () => {
    const error = await node(
      `console.log("listening on http://127.0.0.1:9 pid " + process.pid); setInterval(() => {}, 1000);`,
      { timeoutMs: 1_000 },
    ).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/did not listen within 1000 ms/);
    expect(await gone(Number(/pid (\d+)/.exec(String(error))?.[1]))).toBe(true);
  });

  it("rejects with the output when the child exits before listening", async () => {
    const error = await node(`console.error("config missing"); process.exit(3);`).catch(
      (caught: Error) => caught,
    );
    expect(String(error)).toMatch(/exited \(3\) before listening:\nconfig missing/);
  });

  it("rejects when the command cannot be started", async () => {
    const error = await startService({ command: "/nonexistent/server" }).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/could not be started \(spawn \/nonexistent\/server ENOENT\)/);
  });

  it("stops what the child started too (its process group), on stop and on failure", async () => {
    // The child starts a grandchild that would outlive it, and prints its pid.
    const withGrandchild = (rest: string) => `
      const { spawn } = require("node:child_process");
      const grandchild = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
      console.error("grandchild " + grandchild.pid);
      ${rest}`;
    const service = await node(withGrandchild(server("on http://127.0.0.1:PORT")));
    const grandchild = Number(/grandchild (\d+)/.exec(await service.waitForOutput(/grandchild/))?.[1]);
    expect(alive(grandchild)).toBe(true);
    await service.stop();
    expect(await gone(grandchild)).toBe(true);

    const error = await node(withGrandchild("setInterval(() => {}, 1000);"), { timeoutMs: 1_000 }).catch(
      (caught: Error) => caught,
    );
    expect(await gone(Number(/grandchild (\d+)/.exec(String(error))?.[1]))).toBe(true);
  });
});

// The helper as a user's test process loads it: the built package (`npm run build` first).
const DIST = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("startService when the process that started it ends", () => {
  /** Runs a parent that starts a service, prints the service's pid, then ends as `ending` says. */
  async function orphanCheck(ending: string, signal?: NodeJS.Signals) {
    if (!existsSync(DIST))
      throw new Error(`${DIST} is missing: run \`npm run build -w @error-contract/conformance\``);
    const parent = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { startService } from ${JSON.stringify(DIST)};
         const service = await startService({ args: ["-e", ${JSON.stringify(server("on http://127.0.0.1:PORT"))}] });
         console.log("service " + service.pid);
         ${ending}`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    parent.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (signal !== undefined && output.includes("service ")) parent.kill(signal);
    });
    parent.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise((resolve) => parent.once("exit", resolve));
    const pid = Number(/service (\d+)/.exec(output)?.[1]);
    expect(pid, output).toBeGreaterThan(0);
    return { pid, parent };
  }

  it.each([
    ["process.exit(0)", "process.exit(0);"],
    ["an uncaught exception", "throw new Error('test failed');"],
  ])("leaves no process behind after %s", async (_, ending) => {
    const { pid } = await orphanCheck(ending);
    expect(await gone(pid)).toBe(true);
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "leaves no process behind when killed by %s, and the signal still ends the parent",
    async (signal) => {
      const { pid, parent } = await orphanCheck("setInterval(() => {}, 1000);", signal);
      expect(parent.signalCode).toBe(signal);
      expect(await gone(pid)).toBe(true);
    },
  );
});
