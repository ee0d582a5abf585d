import autocannon from "autocannon";
import { bodyMatcher } from "./verify.mjs";

/**
 * One slice of load on one route: 10 connections, no pipelining, for `seconds`. Throws on any
 * socket error, timeout, unexpected status or wrong body: a wrong answer is no benchmark.
 */
export async function load(url, route, seconds) {
  const result = await autocannon({
    url: `${url}${route.path}`,
    connections: 10,
    pipelining: 1,
    duration: seconds,
    // autocannon checks for the end of the run once per sample: every 50 ms instead of every second.
    sampleInt: 50,
    verifyBody: bodyMatcher(route.body),
  });
  const expected = result.statusCodeStats[route.status]?.count ?? 0;
  const total = result.requests.total;
  const problems = [];
  if (result.errors > 0) problems.push(`${result.errors} socket errors (${result.timeouts} timeouts)`);
  if (result.mismatches > 0) problems.push(`${result.mismatches} wrong bodies`);
  if (route.status < 300 && result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses`);
  const statuses = Object.keys(result.statusCodeStats).filter((status) => Number(status) !== route.status);
  if (statuses.length > 0) problems.push(`unexpected statuses ${statuses.join(", ")}`);
  if (total === 0 || expected === 0) problems.push("no responses");
  if (problems.length > 0) throw new Error(`GET ${route.path} under load: ${problems.join("; ")}`);
  const elapsed = (result.finish - result.start) / 1000;
  return { requests: total, rps: total / elapsed, p99: result.latency.p99 };
}
