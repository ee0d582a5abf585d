// `npm run bench [-- --quick] [--instructions] [--targets hono,nest-express,nest-fastify,express,fastify]
//   [--skip-core] [--out dir] [--note text]`
// Starts each target's servers, checks every route's answer, then either (default) warms each
// route, measures each comparison's server CPU time per request in alternating slices and the
// heap allocated per request, or (--instructions) counts instructions per request under
// callgrind; runs the core micro-benchmarks the same way; writes results.md and results.json.
// Exits 1 on any wrong answer, error or unexpected status.
import { mkdir } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runCoreBenchmarks, runCoreInstructions } from "./core.mjs";
import { ALLOCATION_EXEC_ARGV, allocationPerRequest } from "./lib/allocation.mjs";
import { alternate, median } from "./lib/alternate.mjs";
import { haveCallgrind, startUnderCallgrind } from "./lib/callgrind.mjs";
import { load } from "./lib/load.mjs";
import { printSummary, writeResults } from "./lib/report.mjs";
import { startServer } from "./lib/server-process.mjs";
import { openStatsChannel } from "./lib/stats-channel.mjs";
import { checkRoute, requestOf } from "./lib/verify.mjs";
import { allocation, comparisons, routesOf, targets } from "./targets.mjs";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    instructions: { type: "boolean", default: false },
    targets: { type: "string", default: targets.map((target) => target.name).join(",") },
    "skip-core": { type: "boolean", default: false },
    out: { type: "string", default: fileURLToPath(new URL(".", import.meta.url)) },
    note: { type: "string" },
  },
});

const mode = args.instructions ? "instructions" : "time";
const settings = {
  mode,
  quick: args.quick,
  connections: mode === "instructions" ? 4 : 10,
  pipelining: 1,
  ...(mode === "instructions"
    ? args.quick
      ? { warmupRequests: 200, requests: 20, rounds: 1 }
      : { warmupRequests: 1500, requests: 100, rounds: 2 }
    : args.quick
      ? { warmupSeconds: 0.3, sliceSeconds: 0.3, pairs: 3, allocationRequests: 200 }
      : { warmupSeconds: 2, sliceSeconds: 1, pairs: 10, allocationRequests: 2000 }),
};

/**
 * Starts a server, again after a pause when a package's dist was missing: on a shared tree another
 * build may be rewriting it at that moment (a run of every target takes most of an hour).
 */
async function started(start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= 4 || !String(error?.message).includes("ERR_MODULE_NOT_FOUND")) throw error;
      console.log(`a package's dist was missing (being rebuilt?): retrying in 30 s (${attempt} of 3)`);
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    }
  }
}

/** The variants a target's routes need, each with its routes. */
function variantsOf(routes) {
  return [...new Set(Object.values(routes).map((route) => route.variant))];
}

async function checkAll(target, routes, urlOf) {
  const problems = [];
  for (const [name, route] of Object.entries(routes)) {
    const found = await checkRoute(urlOf(route), route);
    const { method } = requestOf(route);
    problems.push(...found.map((problem) => `${target.name} ${name} (${method} ${route.path}): ${problem}`));
  }
  if (problems.length > 0) throw new Error(`wrong answers before the load:\n  ${problems.join("\n  ")}`);
}

/** Time mode: CPU per request in alternating slices, then heap bytes allocated per request. */
async function timeTarget(target, channel) {
  const routes = routesOf(target);
  const [file, ...rest] = target.server;
  const servers = {};
  const measured = [];
  try {
    for (const variant of variantsOf(routes)) {
      const server = await started(() => startServer(file, [variant, ...rest, channel.argument]));
      const stats = await channel.serverOn(Number(new URL(server.url).port));
      servers[variant] = { ...server, stats: stats.stats };
    }
    const urlOf = (route) => servers[route.variant].url;
    await checkAll(target, routes, urlOf);
    for (const route of Object.values(routes))
      await load(urlOf(route), route, { seconds: settings.warmupSeconds });
    for (const comparison of comparisons) {
      const side = (name) => {
        const route = routes[name];
        return { server: servers[route.variant], load: (seconds) => load(urlOf(route), route, { seconds }) };
      };
      const result = await alternate(side(comparison.a), side(comparison.b), settings);
      console.log(
        `${target.name} ${comparison.name}: CPU ${result.ratio.toFixed(3)} (req/s ${result.rpsRatio.toFixed(3)})`,
      );
      measured.push({ ...comparison, ...result });
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  return {
    name: target.name,
    label: target.label,
    comparisons: measured,
    allocation: await allocationOf(target, channel),
  };
}

/** Heap bytes per request of the allocation routes, in servers of their own (GC flags). */
async function allocationOf(target, channel) {
  const routes = routesOf(target);
  const [file, ...rest] = target.server;
  const servers = {};
  const bytes = [];
  try {
    for (const name of allocation.routes) {
      const route = routes[name];
      if (!servers[route.variant]) {
        const server = await started(() =>
          startServer(file, [route.variant, ...rest, channel.argument], { execArgv: ALLOCATION_EXEC_ARGV }),
        );
        const stats = await channel.serverOn(Number(new URL(server.url).port));
        servers[route.variant] = { ...server, stats: stats.stats };
      }
      const server = servers[route.variant];
      const send = (amount) => load(server.url, route, { amount, connections: 1 });
      const measured = await allocationPerRequest(server, send, { amount: settings.allocationRequests });
      bytes.push({ route: name, bytes: measured.bytes, requests: measured.requests });
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  const { a, b, maxBytes } = allocation.errorPath;
  const of = (name) => bytes.find((entry) => entry.route === name)?.bytes;
  console.log(
    `${target.name} heap per request: ${bytes.map((e) => `${e.route} ${Math.round(e.bytes)}`).join(", ")}`,
  );
  return {
    routes: bytes,
    errorPath: { a, b, bytesA: of(a), bytesB: of(b), extraBytes: of(a) - of(b), maxBytes },
  };
}

/** Instructions mode: every route's instructions per request under callgrind, rounds in turns. */
async function instructionsTarget(target, channel) {
  const routes = routesOf(target);
  const [file, ...rest] = target.server;
  const servers = {};
  try {
    await Promise.all(
      variantsOf(routes).map(async (variant) => {
        servers[variant] = await started(() =>
          startUnderCallgrind(file, [variant, ...rest, channel.argument], channel),
        );
      }),
    );
    const urlOf = (route) => servers[route.variant].url;
    await checkAll(target, routes, urlOf);
    const send = (route, amount) => load(urlOf(route), route, { amount, connections: settings.connections });
    for (const route of Object.values(routes)) await send(route, settings.warmupRequests);
    for (const server of Object.values(servers)) await server.instrument();
    // Instrumentation on drops valgrind's translations: a few requests make them again.
    for (const route of Object.values(routes)) await send(route, 10);
    const names = [...new Set(comparisons.flatMap((c) => [c.a, c.b]))];
    const rounds = [];
    for (let round = 0; round < settings.rounds; round++) {
      const perRequest = {};
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        const route = routes[name];
        const total = await servers[route.variant].count(() => send(route, settings.requests));
        perRequest[name] = total / settings.requests;
      }
      rounds.push(perRequest);
      console.log(`${target.name}: round ${round + 1} of ${settings.rounds} counted`);
    }
    const measured = comparisons.map((comparison) => {
      const ratios = rounds.map((round) => round[comparison.b] / round[comparison.a]);
      const result = {
        ...comparison,
        rounds: rounds.length,
        ratio: median(ratios),
        minRatio: Math.min(...ratios),
        maxRatio: Math.max(...ratios),
        irA: median(rounds.map((round) => round[comparison.a])),
        irB: median(rounds.map((round) => round[comparison.b])),
      };
      console.log(`${target.name} ${comparison.name}: instructions ${result.ratio.toFixed(3)}`);
      return result;
    });
    return { name: target.name, label: target.label, comparisons: measured };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

async function main() {
  const names = args.targets.split(",").filter(Boolean);
  const unknown = names.filter((name) => !targets.some((target) => target.name === name));
  if (unknown.length > 0) throw new Error(`unknown targets: ${unknown.join(", ")}`);
  if (mode === "instructions" && !(await haveCallgrind()))
    throw new Error("--instructions needs valgrind (callgrind)");
  const out = resolve(args.out);
  await mkdir(out, { recursive: true });
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    loadBefore: os.loadavg().map((value) => value.toFixed(2)),
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
  if (!args["skip-core"]) {
    results.core =
      mode === "instructions"
        ? await runCoreInstructions({ quick: args.quick })
        : await runCoreBenchmarks({ quick: args.quick });
  }
  const channel = await openStatsChannel();
  try {
    for (const target of targets.filter((target) => names.includes(target.name))) {
      console.log(`${target.label}…`);
      results.targets.push(
        mode === "instructions"
          ? await instructionsTarget(target, channel)
          : await timeTarget(target, channel),
      );
    }
  } catch (error) {
    // What was measured before the failure is kept, marked as incomplete; the run still fails.
    results.incomplete = `stopped by: ${String(error.message).split("\n")[0]}`;
    throw error;
  } finally {
    await channel.close();
    machine.loadAfter = os.loadavg().map((value) => value.toFixed(2));
    if (results.targets.length > 0 || results.core.length > 0) {
      printSummary(results);
      await writeResults(out, results, comparisons);
      console.log(`\nwritten: ${join(out, "results.md")}, ${join(out, "results.json")}`);
    }
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
