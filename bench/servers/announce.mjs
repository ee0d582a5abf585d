// The server's side of the orchestrator's protocols:
// - IPC (when forked): "listening on port N", and `process.cpuUsage()` on a "cpu" message;
// - the stats channel (given `--stats-socket=<path>` as the last argument; also under valgrind,
//   where there is no IPC): the server connects to that Unix socket, says `{ port, pid }`, and answers each line
//   `{ id, op }` with `{ id, cpu, heapUsed, gcs }`; `op: "gc"` collects garbage first (when
//   Node runs with --expose-gc). `cpu` is the process's user + system time in microseconds,
//   `gcs` the number of garbage collections so far (so a window with a GC can be refused).
import { openSync, writeSync } from "node:fs";
import { connect } from "node:net";
import { PerformanceObserver } from "node:perf_hooks";

let gcs = 0;
new PerformanceObserver((list) => {
  gcs += list.getEntries().length;
}).observe({ entryTypes: ["gc"] });

function stats() {
  const cpu = process.cpuUsage();
  return { cpu: cpu.user + cpu.system, heapUsed: process.memoryUsage().heapUsed, gcs };
}

function statsChannel(port, path) {
  const socket = connect(path);
  socket.setEncoding("utf8");
  socket.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
  let buffered = "";
  socket.on("data", (chunk) => {
    buffered += chunk;
    let end = buffered.indexOf("\n");
    while (end >= 0) {
      const { id, op } = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const reply = () => socket.write(`${JSON.stringify({ id, ...stats() })}\n`);
      if (op === "gc" && typeof globalThis.gc === "function") {
        globalThis.gc();
        // After the GC observer has counted the collection just made.
        setTimeout(reply, 20);
      } else reply();
      end = buffered.indexOf("\n");
    }
  });
  // The orchestrator gone: no orphaned server.
  socket.on("close", () => process.exit(0));
  socket.on("error", () => process.exit(0));
}

/**
 * Once listening: 5xx log lines (the contract's and the hand-written ones) go on being written
 * through `process.stderr.write`, but into /dev/null, so the cost stays and the console stays
 * readable. Then the port is announced on every channel there is.
 */
export function announce(port) {
  const devNull = openSync("/dev/null", "w");
  process.stderr.write = (chunk, encoding, callback) => {
    writeSync(devNull, typeof chunk === "string" ? chunk : Buffer.from(chunk));
    if (typeof encoding === "function") encoding();
    else if (typeof callback === "function") callback();
    return true;
  };
  const stats = process.argv.find((arg) => arg.startsWith("--stats-socket="));
  if (stats) statsChannel(port, stats.slice("--stats-socket=".length));
  if (process.send) {
    process.on("message", (message) => {
      if (message === "cpu") process.send({ cpu: process.cpuUsage() });
    });
    process.on("disconnect", () => process.exit(0));
    process.send({ port });
  }
}

/** The variant to serve (`contract`, `plain` or `default`) from the command line. */
export function variantArg() {
  const variant = process.argv[2];
  if (!["contract", "plain", "default"].includes(variant)) {
    throw new Error(`variant must be contract, plain or default, not "${variant}"`);
  }
  return variant;
}
