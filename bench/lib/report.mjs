// The console summary and the results files. results.json holds one section per mode (`time`,
// `instructions`): a run replaces its own mode's section in --out and keeps the other's, so
// results.md can put the instruction ratios beside the time ratios.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const thousands = (value) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1)}k` : "—");
const verdict = (pass) => (pass === undefined ? "reported" : pass ? "ok" : "MISSED");
const by = (pass, ratio, threshold) =>
  pass === false ? `MISSED by ${fixed(threshold - ratio)}` : verdict(pass);

/** Whether a comparison meets its threshold (undefined when it has none). */
export function passes(comparison) {
  return comparison.threshold === null ? undefined : comparison.ratio >= comparison.threshold;
}

const HEADERS = {
  time: [
    "target",
    "comparison",
    "CPU ratio",
    "min–max",
    "CPU µs/req A / B",
    "req/s ratio",
    "p50 µs A / B",
    "p99 µs A / B",
    "target",
    "",
  ],
  instructions: ["target", "comparison", "instr. ratio", "min–max", "instr./req A / B", "target", ""],
  core: {
    time: ["case (A / B)", "A ns", "B ns", "A/B", "min–max", "target", ""],
    instructions: ["case (A / B)", "A instr.", "B instr.", "A/B", "target", ""],
  },
  allocation: ["target", "route", "heap bytes / request"],
  misses: ["target", "comparison", "ratio", "missed", "A − B per request", "floor (measured)"],
  both: [
    "target",
    "comparison",
    "instr. ratio",
    "CPU-time ratio",
    "target",
    "verdict (instructions)",
    "verdict (time)",
  ],
};

function httpRows(run) {
  return run.targets.flatMap((target) =>
    target.comparisons.map((c) => {
      const threshold = c.threshold === null ? "—" : `≥ ${c.threshold}`;
      const state = by(passes(c), c.ratio, c.threshold);
      const spread = `${fixed(c.minRatio)}–${fixed(c.maxRatio)}`;
      return run.settings.mode === "instructions"
        ? [
            target.name,
            c.name,
            fixed(c.ratio),
            spread,
            `${thousands(c.irA)} / ${thousands(c.irB)}`,
            threshold,
            state,
          ]
        : [
            target.name,
            c.name,
            fixed(c.ratio),
            spread,
            `${fixed(c.cpuUsA, 1)} / ${fixed(c.cpuUsB, 1)}`,
            fixed(c.rpsRatio),
            `${fixed(c.p50usA, 0)} / ${fixed(c.p50usB, 0)}`,
            `${fixed(c.p99usA, 0)} / ${fixed(c.p99usB, 0)}`,
            threshold,
            state,
          ];
    }),
  );
}

function coreRows(run) {
  const instructions = run.settings.mode === "instructions";
  return run.core.map((c) => {
    const a = instructions ? fixed(c.irA, 0) : fixed(c.nsA, 0);
    const b = instructions ? fixed(c.irB, 0) : fixed(c.nsB, 0);
    const ratio = c.ratio === undefined ? "—" : `${fixed(c.ratio)}×`;
    const target = c.threshold === undefined ? "—" : `≤ ${c.threshold}×`;
    const state =
      c.threshold === undefined
        ? "reported"
        : c.ratio <= c.threshold
          ? "ok"
          : `MISSED by ${fixed(c.ratio - c.threshold)}×`;
    return instructions
      ? [c.name, a, b, ratio, target, state]
      : [
          c.name,
          a,
          b,
          ratio,
          c.minRatio === undefined ? "—" : `${fixed(c.minRatio)}–${fixed(c.maxRatio)}`,
          target,
          state,
        ];
  });
}

function allocationRows(run) {
  return run.targets
    .filter((target) => target.allocation)
    .flatMap((target) => {
      const { errorPath } = target.allocation;
      const within = errorPath.extraBytes <= errorPath.maxBytes;
      return [
        ...target.allocation.routes.map((entry) => [target.name, entry.route, fixed(entry.bytes, 0)]),
        [
          target.name,
          `**${errorPath.a} − ${errorPath.b}** (the error path's own; target ≤ ${errorPath.maxBytes})`,
          `**${fixed(errorPath.extraBytes, 0)}** ${within ? "ok" : `MISSED by ${fixed(errorPath.extraBytes - errorPath.maxBytes, 0)}`}`,
        ],
      ];
    });
}

/** Both modes' ratios side by side, where both were measured. */
function bothRows(time, instructions) {
  return instructions.targets.flatMap((target) => {
    const timed = time?.targets.find((t) => t.name === target.name);
    return target.comparisons.map((c) => {
      const t = timed?.comparisons.find((other) => other.name === c.name);
      return [
        target.name,
        c.name,
        fixed(c.ratio),
        t ? fixed(t.ratio) : "—",
        c.threshold === null ? "—" : `≥ ${c.threshold}`,
        by(passes(c), c.ratio, c.threshold),
        t ? by(passes(t), t.ratio, t.threshold) : "—",
      ];
    });
  });
}

/**
 * Every missed comparison: by how much, what A costs more than B per request, and the floor the
 * same run measured (what no adapter on this framework can beat, from the other routes' costs).
 */
function missRows(run) {
  const instructions = run.settings.mode === "instructions";
  const costA = (c) => (instructions ? c.irA : c.cpuUsA);
  const costB = (c) => (instructions ? c.irB : c.cpuUsB);
  const extra = (c) =>
    instructions ? `+${thousands(costA(c) - costB(c))}` : `+${fixed(costA(c) - costB(c), 1)} µs`;
  return run.targets.flatMap((target) => {
    const named = (name) => target.comparisons.find((c) => c.name === name);
    const d = named("(2) X/D");
    const cPrime = named("(3) X/C′");
    const c = named("X/C");
    return target.comparisons
      .filter((comparison) => passes(comparison) === false)
      .map((comparison) => {
        let floor = "1.00 (same framework path on both sides): A − B is the adapter's and core's own work";
        if (comparison.name.startsWith("(3) X/C′") && d && cPrime) {
          const ratio = costB(cPrime) / costB(d);
          floor = `${fixed(ratio)} = C′/D (a hand-written throw through the framework's error dispatch, over the inline answer)`;
        } else if (comparison.name === "miss/bare 404" && c && cPrime) {
          const bare = costB(comparison);
          const ratio = bare / (bare + costB(cPrime) - costB(c));
          floor = `${fixed(ratio)} = bare / (bare + C′ − C) (the bare 404 plus what the contract's headers cost inline)`;
        } else if (comparison.name.startsWith("(1)")) {
          floor =
            "1.00 only without a per-request step: the trace id and X-Request-Id on every answer are the adapter's whole difference";
        }
        return [
          target.name,
          comparison.name,
          fixed(comparison.ratio),
          `MISSED by ${fixed(comparison.threshold - comparison.ratio)}`,
          extra(comparison),
          floor,
        ];
      });
  });
}

function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function textTable(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** The console summary of one run. */
export function printSummary(run) {
  const { mode } = run.settings;
  if (run.targets.length > 0) console.log(`\n${textTable(HEADERS[mode], httpRows(run))}`);
  const allocation = allocationRows(run);
  if (allocation.length > 0) console.log(`\n${textTable(HEADERS.allocation, allocation)}`);
  if (run.core.length > 0) console.log(`\n${textTable(HEADERS.core[mode], coreRows(run))}`);
}

function runHeader(run) {
  const { machine, settings } = run;
  const how =
    settings.mode === "instructions"
      ? `Each server ran under \`valgrind --tool=callgrind\` (instrumentation off for start-up and ${settings.warmupRequests} warm-up requests per route), ${settings.connections} connections; then each route's instructions were counted over ${settings.requests} requests (zeroed before, dumped after, all threads of the server), in ${settings.rounds} round(s), the routes in turn (reversed every other round). Ratio: B's instructions per request over A's, median over the rounds.`
      : `Each server runs in its own process; autocannon (${settings.connections} connections, no pipelining) runs in the orchestrator. Each route was warmed for ${settings.warmupSeconds} s, then the two routes of a comparison alternated in ${settings.sliceSeconds} s slices (A, B, B, A, …) for ${settings.pairs} pairs. Ratio (gated): B's server CPU time per request over A's (\`process.cpuUsage()\` of the server process, user + system, all threads, read over the stats channel between slices), median over the pairs; req/s ratio and latencies (every response, hrtime, in µs) for orientation.`;
  return `${run.date}${settings.quick ? " — **quick run** (smoke check, not a measurement)" : ""}${run.incomplete ? ` — **incomplete** (${run.incomplete})` : ""}. Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadBefore.join(" ")} before and ${machine.loadAfter?.join(" ") ?? "?"} after.${run.note ? ` ${run.note}` : ""}

${how} Every route's answer (status, Content-Type, contract headers, body, X-Request-Id = body traceId) was checked before the measurement and its status and body on every response during it.`;
}

function runSection(run, comparisons) {
  const { mode } = run.settings;
  const title =
    mode === "instructions" ? "Instructions per request (callgrind)" : "Server CPU time per request";
  const core =
    run.core.length === 0
      ? ""
      : `\n\n### Core micro-benchmarks (${mode === "instructions" ? "instructions per call, callgrind, less an empty loop's" : "ns per call, interleaved slices"})\n\nA/B is a cost ratio (below 1 means A is cheaper).\n\n${markdownTable(HEADERS.core[mode], coreRows(run))}`;
  const allocation = allocationRows(run);
  const heap =
    allocation.length === 0
      ? ""
      : `\n\n### Heap bytes allocated per request\n\nMeasured inside the server: Node with \`--expose-gc --min-semi-space-size=64 --max-semi-space-size=64\`, \`gc()\`, \`heapUsed\` read, ${run.settings.allocationRequests} requests on one connection, \`heapUsed\` read again, per request; a window in which any GC ran (PerformanceObserver) is refused and retried with half as many requests. The whole request counts (Node's HTTP objects, the framework's), so the error path's own allocation is X's over C′'s.\n\n${markdownTable(HEADERS.allocation, allocation)}`;
  const missed = missRows(run);
  const unit = mode === "instructions" ? "instructions" : "CPU µs";
  const misses =
    missed.length === 0
      ? ""
      : `\n\n### Misses and their floors\n\nEach missed target: by how much, what A costs over B per request (${unit}), and the floor measured by the same run.\n\n${markdownTable(HEADERS.misses, missed)}`;
  return `## ${title}

${runHeader(run)}

${comparisons.map((c) => `- **${c.name}**: ${c.description} (A = \`${c.a}\`, B = \`${c.b}\`).`).join("\n")}

${markdownTable(HEADERS[mode], httpRows(run))}${misses}${heap}${core}`;
}

function markdown(results, comparisons) {
  const { time, instructions } = results;
  const both =
    time && instructions && instructions.targets.length > 0
      ? `## Ratios side by side

Each comparison's ratio in instructions per request (callgrind; stable under the machine's load: the figure to trust here) and in server CPU time per request (the gated timing figure). Above 1: A costs less than B.

${markdownTable(HEADERS.both, bothRows(time, instructions))}

`
      : "";
  return `# Benchmark results

Written by \`npm run bench\` (\`--instructions\` for the callgrind section); each run replaces its own section.
${results.note ? `\n${results.note}\n` : ""}
${both}${[instructions, time]
  .filter(Boolean)
  .map((run) => runSection(run, comparisons))
  .join("\n\n")}
`;
}

/** Writes `results.json` and `results.md` into `dir`, keeping the other mode's run found there. */
export async function writeResults(dir, run, comparisons) {
  let results = {};
  try {
    const found = JSON.parse(await readFile(join(dir, "results.json"), "utf8"));
    if (found && typeof found === "object" && (found.time || found.instructions)) results = found;
  } catch {
    // No earlier results (or unreadable ones): this run's alone.
  }
  results = { ...results, [run.settings.mode]: run };
  await writeFile(join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, "results.md"), markdown(results, comparisons));
}
