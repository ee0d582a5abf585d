// Heap bytes allocated per request, measured inside the server: the server runs with
// --expose-gc and a fixed 64 MiB semi-space (so a window of requests fits the young generation
// without a scavenge); garbage is collected, `heapUsed` read, `amount` requests sent on one
// connection, `heapUsed` read again. A window in which any GC ran (counted by a PerformanceObserver
// in the server) is refused and retried with half the requests.

export const ALLOCATION_EXEC_ARGV = ["--expose-gc", "--min-semi-space-size=64", "--max-semi-space-size=64"];

/** Bytes allocated per request on a route: `{ bytes, requests }` (bytes undefined if every window had a GC). */
export async function allocationPerRequest(server, send, { amount }) {
  await send(Math.min(amount, 500));
  for (let requests = amount, attempt = 0; attempt < 4; attempt++, requests = Math.floor(requests / 2)) {
    const before = await server.stats("gc");
    await send(requests);
    const after = await server.stats();
    if (after.gcs === before.gcs) return { bytes: (after.heapUsed - before.heapUsed) / requests, requests };
  }
  return { bytes: undefined, requests: 0 };
}
