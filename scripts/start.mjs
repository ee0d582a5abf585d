// The main job: build, start every sample app on a free loopback port, run the conformance
// suite against each over HTTP with progress, print one matrix, stop the servers.
// Exits 0 only when every case passes on every target. Quiet: the build's and the servers' own
// output is kept and shown only for what failed.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startServer, stopServer } from "./lib/server-process.mjs";
import { targets } from "./lib/targets.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

// The last lines of a child's output, for a failure's report.
const tail = (text, lines = 30) => text.trimEnd().split("\n").slice(-lines).join("\n");

/** Builds every package and sample (turbo), printing each task as it starts and the time taken. */
function build() {
  process.stdout.write("Building:");
  const started = performance.now();
  const child = spawn("npx", ["turbo", "run", "build", "--output-logs=new-only", "--no-color"], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let tasks = 0;
  let cached = 0;
  const onData = (chunk) => {
    output += chunk;
    for (const [, name, hit] of String(chunk).matchAll(/^(\S+):build: cache (hit|miss)/gm)) {
      tasks++;
      if (hit === "hit") cached++;
      process.stdout.write(` ${name.replace("@error-contract/", "")}`);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      if (code !== 0) {
        process.stdout.write(" FAILED\n");
        return reject(new Error(`The build failed:\n${tail(output, 60)}`));
      }
      process.stdout.write(`\n  ${tasks} tasks (${cached} cached) in ${seconds} s\n\n`);
      resolve();
    });
  });
}

async function check(target, cases, runConformance) {
  process.stdout.write(`${target.name} `);
  let server;
  try {
    server = await startServer(target, `${root}/${target.app}`);
  } catch (error) {
    console.log(`did not start:\n${tail(error.message)}`);
    return { name: target.name, passed: 0, total: cases.length, byId: new Map() };
  }
  try {
    process.stdout.write(`(${server.url}) `);
    const results = await runConformance(server.url, {
      onResult: (result) => process.stdout.write(result.passed ? "." : "F"),
    });
    const passed = results.filter((result) => result.passed).length;
    process.stdout.write(` ${passed}/${results.length}\n`);
    const failures = results.filter((result) => !result.passed);
    for (const failure of failures) console.log(`  FAIL ${failure.id}: ${failure.problems[0] ?? ""}`);
    // The server's own output helps only when something failed.
    if (failures.length > 0 && server.output().trim() !== "")
      console.log(`  ${target.name}'s output (last lines):\n${tail(server.output()).replace(/^/gm, "    ")}`);
    return { name: target.name, passed, total: results.length, byId: new Map(results.map((r) => [r.id, r])) };
  } finally {
    await stopServer(server);
  }
}

function printMatrix(caseIds, columns) {
  const width = Math.max(...caseIds.map((id) => id.length), 6);
  const cellWidths = columns.map((column) =>
    Math.max(column.name.length, `${column.passed}/${column.total}`.length, 6),
  );
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
  await build();
  const { cases, runConformance } = await import("@error-contract/conformance");
  console.log(`${cases.length} conformance cases on ${targets.length} targets, each over HTTP:`);
  const columns = [];
  for (const target of targets) columns.push(await check(target, cases, runConformance));
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
