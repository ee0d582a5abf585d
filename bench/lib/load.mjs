import autocannon from "autocannon";
import { bodyMatcher, requestOf } from "./verify.mjs";

/** The p-th percentile (0–100) of sorted values, nearest rank. */
function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Load on one route: `connections` connections, no pipelining, for `seconds` (or exactly
 * `amount` requests). Throws on any socket error, timeout, unexpected status or wrong body: a
 * wrong answer is no benchmark. Latency is taken from every response (errors included, which
 * autocannon's own histogram leaves out) at hrtime resolution, reported in microseconds.
 */
export function load(url, route, { seconds, amount, connections = 10 }) {
  const latencies = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${route.path}`,
        ...requestOf(route),
        connections,
        pipelining: 1,
        ...(amount === undefined ? { duration: seconds } : { amount }),
        // autocannon checks for the end of the run once per sample: every 50 ms instead of every second.
        sampleInt: 50,
        verifyBody: bodyMatcher(route.body, route.traceId),
      },
      (error, result) => {
        if (error) return reject(error);
        const expected = result.statusCodeStats[route.status]?.count ?? 0;
        const total = result.requests.total;
        const problems = [];
        if (result.errors > 0) problems.push(`${result.errors} socket errors (${result.timeouts} timeouts)`);
        if (result.mismatches > 0) problems.push(`${result.mismatches} wrong bodies`);
        const statuses = Object.keys(result.statusCodeStats).filter(
          (status) => Number(status) !== route.status,
        );
        if (statuses.length > 0) problems.push(`unexpected statuses ${statuses.join(", ")}`);
        if (total === 0 || expected === 0) problems.push("no responses");
        if (problems.length > 0) {
          return reject(
            new Error(`${requestOf(route).method} ${route.path} under load: ${problems.join("; ")}`),
          );
        }
        const elapsed = (result.finish - result.start) / 1000;
        latencies.sort((x, y) => x - y);
        resolve({
          requests: total,
          rps: total / elapsed,
          p50us: percentile(latencies, 50),
          p99us: percentile(latencies, 99),
        });
      },
    );
    // responseTime: milliseconds as a float (process.hrtime).
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime * 1000));
  });
}
