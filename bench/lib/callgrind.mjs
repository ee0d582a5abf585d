// --instructions mode: a bench server under `valgrind --tool=callgrind`, started with
// instrumentation off (so start-up and warm-up run at valgrind's uninstrumented speed), then
// counted per window of requests: `callgrind_control -z` (zero), the requests, `callgrind_control
// -d` (dump), and the main thread's dump's `totals:` line is the instructions executed (Ir) by
// the event loop in the window: the request's own work. V8's background threads (its optimizing
// compiler, still at work long after a warm-up, and concurrent GC) are counted apart and left out.
// Garbage collection is kept out of the windows, so counts repeat: the server runs with a fixed
// 64 MiB young generation and no memory reducer (no GC started by idleness), and `gc()` runs
// before each window (its requests then fit the young generation). GC's share is proportional
// to allocation, which the time mode reports per request.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ALLOCATION_EXEC_ARGV } from "./allocation.mjs";

const run = promisify(execFile);

/** Whether valgrind (with callgrind_control) can be run here. */
export async function haveCallgrind() {
  try {
    await run("valgrind", ["--version"]);
    await run("callgrind_control", ["-h"]).catch((error) => {
      if (error.code === "ENOENT") throw error;
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `bench/servers/<file> <args>` under callgrind; `channel` (lib/stats-channel.mjs) learns
 * its port. Returns `{ url, pid, instrument(), count(send), stop() }`.
 */
export async function startUnderCallgrind(file, args, channel) {
  const dir = mkdtempSync(join(tmpdir(), "error-contract-callgrind-"));
  const script = fileURLToPath(new URL(`../servers/${file}`, import.meta.url));
  const child = spawn(
    "valgrind",
    [
      "--tool=callgrind",
      "--instr-atstart=no",
      "--separate-threads=yes",
      `--callgrind-out-file=${join(dir, "callgrind.out.%p")}`,
      process.execPath,
      ...ALLOCATION_EXEC_ARGV,
      "--no-memory-reducer",
      script,
      ...args,
    ],
    { stdio: ["ignore", "ignore", "pipe"], env: process.env },
  );
  let output = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const server = await Promise.race([
    channel.serverWithPid(child.pid),
    exited.then((code) => {
      throw new Error(`${file} ${args.join(" ")} under valgrind exited with ${code}:\n${output}`);
    }),
  ]);
  const control = (...options) =>
    run("callgrind_control", [...options, String(child.pid)], { timeout: 120_000 });
  let dumps = 0;
  return {
    url: `http://127.0.0.1:${server.port}`,
    pid: child.pid,
    server,
    /** Turns instrumentation on (after the warm-up). */
    instrument: () => control("-i", "on"),
    /** The instructions executed while `send()` runs (after a GC; zeroed before, dumped after). */
    async count(send) {
      await server.stats("gc");
      await control("-z");
      await send();
      await control("-d");
      dumps += 1;
      // The main thread's dump (`-01`): the event loop's work per request.
      const name = readdirSync(dir).find((entry) => entry.endsWith(`.${dumps}-01`));
      if (!name) throw new Error(`callgrind wrote no dump ${dumps} in ${dir}`);
      const text = readFileSync(join(dir, name), "utf8");
      const totals = /^totals:\s+(\d+)/m.exec(text) ?? /^summary:\s+(\d+)/m.exec(text);
      if (!totals) throw new Error(`no totals in ${name}`);
      return Number(totals[1]);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
