// `npm run soak`: a bounded load per sample app (built first: `npm run build`), every response
// checked against the contract. Exits 0 only when every target holds every rule.
//   node soak/run.mjs [--requests 50000] [--connections 64] [--target hono,nest-express]
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { targets } from "../scripts/lib/targets.mjs";
import { RSS_GROWTH_LIMIT_KIB, SERVER_HEAP_MIB, soak, verdict } from "./soak.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "50000" },
    connections: { type: "string", default: "64" },
    target: { type: "string" },
  },
});
const requests = Number(values.requests);
const connections = Number(values.connections);
const chosen =
  values.target === undefined ? targets : targets.filter((t) => values.target.split(",").includes(t.name));

console.log(
  `soak: ${requests} mixed requests at ${connections} keep-alive connections per target; ` +
    `every response checked; server heap capped at ${SERVER_HEAP_MIB} MiB, its RSS growth after warm-up ` +
    `(peak of the last 30% over the peak of the first 30%) limited to ${RSS_GROWTH_LIMIT_KIB / 1024} MiB`,
);
let failed = 0;
for (const target of chosen) {
  if (!existsSync(`${root}/${target.app}/${target.script}`)) {
    console.error(`${target.name}: ${target.app}/${target.script} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
  process.stdout.write(`${target.name}: `);
  const result = await soak(target, `${root}/${target.app}`, {
    requests,
    connections,
    onProgress: (done) => process.stdout.write(done % 10_000 === 0 ? `${done / 1000}k` : "."),
  });
  const reasons = verdict(result);
  const rss =
    result.rss === undefined
      ? "RSS n/a"
      : `RSS ${Math.round(result.rss.warmKiB / 1024)} → ${Math.round(result.rss.lateKiB / 1024)} MiB`;
  console.log(
    `\n  ${result.requests} requests in ${result.seconds.toFixed(1)} s (${Math.round(result.requests / result.seconds)}/s), ` +
      `${result.uniqueTraceIds} unique trace ids, ${rss}: ${reasons.length === 0 ? "PASS" : `FAIL (${reasons.join("; ")})`}`,
  );
  for (const violation of result.violations.slice(0, 5)) {
    console.log(
      `  #${violation.n} ${violation.kind} → ${violation.status}: ${violation.problems.join(" | ")}`,
    );
  }
  for (const error of result.socketErrors.slice(0, 5))
    console.log(`  #${error.n} ${error.kind}: ${error.error}`);
  if (reasons.length > 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
