// The orchestrator's side of the stats channel (servers/announce.mjs is the other): a Unix
// socket every bench server connects to (its path on the server's command line) once listening, saying its port and pid. Through it the
// orchestrator reads a server's CPU time, heap and GC count, whatever started the process
// (lib/server-process.mjs, or valgrind in --instructions mode).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Opens the channel; `argument` (`--stats-socket=<path>`) goes last on each server's command line. */
export async function openStatsChannel() {
  const dir = mkdtempSync(join(tmpdir(), "error-contract-bench-"));
  const path = join(dir, "stats.sock");
  const byPort = new Map();
  const waiting = new Map();
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setEncoding("utf8");
    let buffered = "";
    let self;
    const pending = new Map();
    let nextId = 0;
    socket.on("data", (chunk) => {
      buffered += chunk;
      let end = buffered.indexOf("\n");
      while (end >= 0) {
        const message = JSON.parse(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        if (self === undefined) {
          self = {
            pid: message.pid,
            port: message.port,
            /** `{ cpu (µs), heapUsed (bytes), gcs }`; `op: "gc"` collects garbage first. */
            stats: (op = "stats") =>
              new Promise((resolve, reject) => {
                if (socket.destroyed) return reject(new Error(`server on port ${message.port} has gone`));
                const id = nextId++;
                pending.set(id, resolve);
                socket.write(`${JSON.stringify({ id, op })}\n`);
              }),
          };
          byPort.set(message.port, self);
          waiting.get(`port ${message.port}`)?.(self);
          waiting.get(`pid ${message.pid}`)?.(self);
        } else {
          pending.get(message.id)?.(message);
          pending.delete(message.id);
        }
        end = buffered.indexOf("\n");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise((resolve) => server.listen(path, resolve));
  const find = (key, test, timeoutMs = 60_000) => {
    const known = [...byPort.values()].find(test);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no stats from the server with ${key}`)), timeoutMs);
      timer.unref();
      waiting.set(key, (found) => {
        clearTimeout(timer);
        waiting.delete(key);
        resolve(found);
      });
    });
  };
  return {
    argument: `--stats-socket=${path}`,
    /** The server listening on `port` (waits until it has said so, at most 60 s). */
    serverOn: (port) => find(`port ${port}`, (found) => found.port === port),
    /** The server whose process is `pid` (at most 10 minutes: valgrind starts slowly). */
    serverWithPid: (pid) => find(`pid ${pid}`, (found) => found.pid === pid, 600_000),
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
