// `npm run bench [-- --quick] [--targets hono,nest-express,nest-fastify] [--skip-core] [--out dir] [--note text]`
// Starts each target's servers, checks every route's answer, warms each route, measures each
// comparison in alternating slices, runs the core micro-benchmarks, and writes results.md and
// results.json. Exits 1 on any wrong answer, error or unexpected status.
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runCoreBenchmarks } from "./core.mjs";
import { alternate } from "./lib/alternate.mjs";
import { load } from "./lib/load.mjs";
import { printSummary, writeResults } from "./lib/report.mjs";
import { startServer } from "./lib/server-process.mjs";
import { checkRoute } from "./lib/verify.mjs";
import { comparisons, routesOf, targets } from "./targets.mjs";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    targets: { type: "string", default: targets.map((target) => target.name).join(",") },
    "skip-core": { type: "boolean", default: false },
    out: { type: "string", default: fileURLToPath(new URL(".", import.meta.url)) },
    note: { type: "string" },
  },
});

const settings = {
  quick: args.quick,
  connections: 10,
  pipelining: 1,
  ...(args.quick
    ? { warmupSeconds: 0.3, sliceSeconds: 0.3, pairs: 3 }
    : { warmupSeconds: 2, sliceSeconds: 1, pairs: 20 }),
};

/** Starts a target's server processes, checks and warms its routes, measures every comparison. */
async function benchTarget(target) {
  const routes = routesOf(target);
  const servers = {};
  try {
    for (const variant of new Set(Object.values(routes).map((route) => route.variant))) {
      const [file, ...rest] = target.server;
      servers[variant] = await startServer(file, [variant, ...rest]);
    }
    const urlOf = (route) => servers[route.variant].url;

    const problems = [];
    for (const [name, route] of Object.entries(routes)) {
      const found = await checkRoute(`${urlOf(route)}${route.path}`, route);
      problems.push(...found.map((problem) => `${target.name} ${name} (GET ${route.path}): ${problem}`));
    }
    if (problems.length > 0) throw new Error(`wrong answers before the load:\n  ${problems.join("\n  ")}`);

    for (const route of Object.values(routes)) await load(urlOf(route), route, settings.warmupSeconds);

    const measured = [];
    for (const comparison of comparisons) {
      const side = (name) => {
        const route = routes[name];
        return { server: servers[route.variant], load: (seconds) => load(urlOf(route), route, seconds) };
      };
      const result = await alternate(side(comparison.a), side(comparison.b), settings);
      console.log(
        `${target.name} ${comparison.name}: ${result.ratio.toFixed(3)} (CPU ${result.cpuRatio.toFixed(3)})`,
      );
      measured.push({ ...comparison, ...result });
    }
    return { name: target.name, label: target.label, comparisons: measured };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

async function main() {
  const names = args.targets.split(",").filter(Boolean);
  const unknown = names.filter((name) => !targets.some((target) => target.name === name));
  if (unknown.length > 0) throw new Error(`unknown targets: ${unknown.join(", ")}`);
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    loadBefore: os.loadavg().map((load) => load.toFixed(2)),
  };
  const results = {
    date: new Date().toISOString(),
    note: args.note,
    machine,
    settings,
    targets: [],
    core: [],
  };

  // First, while no server runs: the micro-benchmarks share the machine with nothing of ours.
  if (!args["skip-core"]) results.core = await runCoreBenchmarks({ quick: args.quick });
  for (const target of targets.filter((target) => names.includes(target.name))) {
    console.log(`${target.label}…`);
    results.targets.push(await benchTarget(target));
  }
  machine.loadAfter = os.loadavg().map((load) => load.toFixed(2));

  printSummary(results);
  await writeResults(args.out, results, comparisons);
  console.log(`\nwritten: ${join(args.out, "results.md")}, ${join(args.out, "results.json")}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
});
