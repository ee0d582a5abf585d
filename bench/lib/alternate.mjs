// Two routes measured in turns (A, B, B, A, A, B, …) so that the machine's drift (other
// processes, thermal state, GC) falls on both alike; each pair gives one ratio, and the
// median of those ratios is the result.

/** One slice of load on a route, with the CPU its server spent on it (microseconds). */
async function slice(side, seconds) {
  const before = await side.server.stats();
  const { requests, rps, p50us, p99us } = await side.load(seconds);
  const after = await side.server.stats();
  return { requests, rps, p50us, p99us, cpuPerRequest: (after.cpu - before.cpu) / requests };
}

/**
 * Alternates `a` and `b` (`{ server, load(seconds) }`) for `pairs` pairs of `sliceSeconds` slices.
 * `ratio` (the gated figure) is B's server CPU time per request over A's; `rpsRatio` is A's
 * requests/s over B's: both above 1 when A is the cheaper.
 */
export async function alternate(a, b, { pairs, sliceSeconds: seconds }) {
  const results = [];
  for (let pair = 0; pair < pairs; pair++) {
    const first = pair % 2 === 0 ? a : b;
    const second = first === a ? b : a;
    const one = await slice(first, seconds);
    const two = await slice(second, seconds);
    const [sliceA, sliceB] = first === a ? [one, two] : [two, one];
    results.push({ a: sliceA, b: sliceB });
  }
  const ratios = results.map(({ a, b }) => b.cpuPerRequest / a.cpuPerRequest);
  const of = (side, key) => median(results.map((result) => result[side][key]));
  return {
    pairs: results.length,
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    rpsRatio: median(results.map(({ a, b }) => a.rps / b.rps)),
    cpuUsA: of("a", "cpuPerRequest"),
    cpuUsB: of("b", "cpuPerRequest"),
    rpsA: of("a", "rps"),
    rpsB: of("b", "rps"),
    p50usA: of("a", "p50us"),
    p50usB: of("b", "p50us"),
    p99usA: of("a", "p99us"),
    p99usB: of("b", "p99us"),
  };
}

export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
