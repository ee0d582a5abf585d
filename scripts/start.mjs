// The main job: build, start every sample app on a free loopback port, run the conformance
// suite against each over HTTP with progress, print one matrix, stop the servers.
// Exits 0 only when every case passes on every target.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startServer, stopServer } from "./lib/server-process.mjs";
import { targets } from "./lib/targets.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

function build() {
  console.log("Building packages and sample apps…");
  const result = spawnSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("The build failed.");
}

async function check(target, runConformance) {
  const server = await startServer(target, `${root}/${target.app}`);
  try {
    process.stdout.write(`${target.name} (${server.url}) `);
    const results = await runConformance(server.url, {
      onResult: (result) => process.stdout.write(result.passed ? "." : "F"),
    });
    const passed = results.filter((result) => result.passed).length;
    process.stdout.write(` ${passed}/${results.length}\n`);
    for (const failure of results.filter((result) => !result.passed)) {
      console.log(`  FAIL ${failure.id}: ${failure.problems[0] ?? ""}`);
    }
    return { name: target.name, passed, total: results.length, byId: new Map(results.map((r) => [r.id, r])) };
  } finally {
    await stopServer(server);
  }
}

function printMatrix(caseIds, columns) {
  const width = Math.max(...caseIds.map((id) => id.length), 6);
  const cellWidths = columns.map((column) => Math.max(column.name.length, 6));
  const line = (first, cells) =>
    [first.padEnd(width), ...cells.map((cell, i) => cell.padEnd(cellWidths[i]))].join("  ").trimEnd();
  const rule = line(
    "-".repeat(width),
    cellWidths.map((w) => "-".repeat(w)),
  );
  console.log(
    `\n${line(
      "case",
      columns.map((column) => column.name),
    )}\n${rule}`,
  );
  for (const id of caseIds) {
    const cells = columns.map((column) => {
      const result = column.byId.get(id);
      return result === undefined ? "-" : result.passed ? "pass" : "FAIL";
    });
    console.log(line(id, cells));
  }
  console.log(
    `${rule}\n${line(
      "passed",
      columns.map((column) => `${column.passed}/${column.total}`),
    )}`,
  );
}

async function main() {
  build();
  const { cases, runConformance } = await import("@error-contract/conformance");
  const columns = [];
  for (const target of targets) columns.push(await check(target, runConformance));
  printMatrix(
    cases.map((c) => c.id),
    columns,
  );
  const total = columns.reduce((sum, column) => sum + column.total, 0);
  const passed = columns.reduce((sum, column) => sum + column.passed, 0);
  console.log(`\n${passed}/${total} checks passed on ${columns.length} targets.`);
  return passed === total ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
