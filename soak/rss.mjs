import { readFileSync } from "node:fs";

/** The resident set size of a process in KiB, from /proc/<pid>/status (Linux); undefined elsewhere. */
export function rssKiB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `intervalMs`, tagged with how many requests were done then. */
export function sampleRss(pid, progress, intervalMs = 200) {
  const samples = [];
  const take = () => {
    const kib = rssKiB(pid);
    if (kib !== undefined) samples.push({ done: progress(), kib });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/**
 * Growth after warm-up: the highest sample of the last 30% of the run against the highest of
 * the warm-up (the first 30%). V8 grows its heap in steps and gives memory back late (seen here:
 * a Hono server climbing to ~180 MiB, dropping to ~135, climbing again): peaks are compared, and
 * a leak (kilobytes per request) still shows as tens of MiB over 35,000 requests.
 */
export function rssGrowth(samples, requests, warmup = 0.3) {
  const warm = samples.filter((sample) => sample.done <= requests * warmup);
  const late = samples.filter((sample) => sample.done >= requests * (1 - warmup));
  if (warm.length === 0 || late.length === 0) return undefined;
  const max = (list) => Math.max(...list.map((sample) => sample.kib));
  return { warmKiB: max(warm), lateKiB: max(late), growthKiB: max(late) - max(warm) };
}
