import { writeFile } from "node:fs/promises";
import { join } from "node:path";

const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const verdict = (pass) => (pass === undefined ? "reported" : pass ? "ok" : "MISSED");

/** Whether a comparison meets its threshold (undefined when it has none). */
export function passes(comparison) {
  return comparison.threshold === null ? undefined : comparison.ratio >= comparison.threshold;
}

function httpRows(results) {
  return results.targets.flatMap((target) =>
    target.comparisons.map((c) => [
      target.name,
      c.name,
      fixed(c.ratio),
      `${fixed(c.minRatio)}–${fixed(c.maxRatio)}`,
      fixed(c.cpuRatio),
      `${fixed(c.rpsA, 0)} / ${fixed(c.rpsB, 0)}`,
      `${fixed(c.p99A, 0)} / ${fixed(c.p99B, 0)}`,
      c.threshold === null ? "—" : `≥ ${c.threshold}`,
      verdict(passes(c)),
    ]),
  );
}

function coreRows(results) {
  return results.core.map((c) => [
    c.name,
    fixed(c.nsA, 0),
    c.nsB === undefined ? "—" : fixed(c.nsB, 0),
    c.ratio === undefined ? "—" : `${fixed(c.ratio)}×`,
    c.threshold === undefined ? "—" : `≤ ${c.threshold}×`,
    c.threshold === undefined ? "reported" : verdict(c.ratio <= c.threshold),
  ]);
}

const HTTP_HEADER = [
  "target",
  "comparison",
  "ratio",
  "min–max",
  "CPU ratio",
  "req/s A / B",
  "p99 ms A / B",
  "target",
  "",
];
const CORE_HEADER = ["case (A / B)", "A ns", "B ns", "A/B", "target", ""];

function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function textTable(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** The console summary. */
export function printSummary(results) {
  if (results.targets.length > 0) console.log(`\n${textTable(HTTP_HEADER, httpRows(results))}`);
  if (results.core.length > 0) console.log(`\n${textTable(CORE_HEADER, coreRows(results))}`);
}

function markdown(results, comparisons) {
  const { machine, settings } = results;
  const described = comparisons.map(
    (c) => `- **${c.name}**: ${c.description} (A = \`${c.a}\`, B = \`${c.b}\`).`,
  );
  return `# Benchmark results

${results.date}${settings.quick ? " — **quick run** (smoke check, not a measurement)" : ""}.
Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadBefore.join(" ")} before and ${machine.loadAfter.join(" ")} after.
${results.note ? `\n${results.note}\n` : ""}
Each server runs in its own process; autocannon (${settings.connections} connections, no pipelining) runs in the
orchestrator. Every route's answer was checked before the load and under it. Each route was warmed for
${settings.warmupSeconds} s, then the two routes of a comparison alternated in ${settings.sliceSeconds} s slices (A, B, B, A, …)
for ${settings.pairs} pairs.

## HTTP

- **ratio**: median over the pairs of A's requests/s over B's; above 1 means A is faster. min–max: the spread of the per-pair ratios.
- **CPU ratio**: median over the pairs of B's server CPU time per request over A's (measured inside each server process); above 1 means A costs the server less. On a saturated machine it tells the server's cost apart from the load generator's.
- **req/s**, **p99**: medians over the slices, for orientation only; absolute numbers depend on the machine and its other load.

${described.join("\n")}

${markdownTable(HTTP_HEADER, httpRows(results))}

## Core micro-benchmarks

tinybench, median time per call in ns; A/B is a cost ratio (below 1 means A is cheaper).

${markdownTable(CORE_HEADER, coreRows(results))}
`;
}

/** Writes `results.json` and `results.md` into `dir`. */
export async function writeResults(dir, results, comparisons) {
  await writeFile(join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, "results.md"), markdown(results, comparisons));
}
