// Two routes measured in turns (A, B, B, A, A, B, …) so that the machine's drift (other
// processes, thermal state, GC) falls on both alike; each pair gives one ratio, and the
// median of those ratios is the result.

/** One slice of load on a route, with the CPU its server spent on it (microseconds). */
async function slice(side, seconds) {
  const before = await side.server.cpu();
  const { requests, rps, p99 } = await side.load(seconds);
  const cpu = (await side.server.cpu()) - before;
  return { requests, rps, p99, cpuPerRequest: cpu / requests };
}

/**
 * Alternates `a` and `b` (`{ server, load(seconds) }`) for `pairs` pairs of `sliceSeconds` slices.
 * `ratio` is A's requests/s over B's; `cpuRatio` is B's server CPU per request over A's:
 * both above 1 when A is the cheaper.
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
  const ratios = results.map(({ a, b }) => a.rps / b.rps);
  return {
    pairs: results.length,
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    cpuRatio: median(results.map(({ a, b }) => b.cpuPerRequest / a.cpuPerRequest)),
    rpsA: median(results.map(({ a }) => a.rps)),
    rpsB: median(results.map(({ b }) => b.rps)),
    p99A: median(results.map(({ a }) => a.p99)),
    p99B: median(results.map(({ b }) => b.p99)),
  };
}

export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
