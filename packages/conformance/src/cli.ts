#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { cases as allCases } from "./cases/all.js";
import { hostileCases } from "./hostile/cases/all.js";
import { runHostile } from "./hostile/run-hostile.js";
import { toJunit } from "./report/junit.js";
import { tableHeader, tableRow, tableSummary } from "./report/table.js";
import { type CaseResult, type RunOptions, runConformance, selectCases } from "./run.js";
import { failureReason, send } from "./target.js";

const USAGE = `Usage: error-contract check <base-url> [options]

Runs every conformance case of the error-contract reference API against a running server.

Options:
  --suite <name>   reference (default): the reference API's cases;
                   hostile: malformed JSON, lying lengths, aborted uploads, odd methods and
                   headers over raw HTTP/1.1, each followed by a probe that the server still serves
  --json           print the results as JSON instead of the table
  --junit <file>   also write the results as JUnit XML to <file>
  --only <ids>     run only these cases (comma-separated ids)
  --skip <ids>     leave these cases out (comma-separated ids)
  -h, --help       show this help

Exit status: 0 when every case passes, 1 when a case fails, 2 for a usage error or an
unreachable server.`;

class UsageError extends Error {}

const SUITES: Record<
  string,
  { cases: readonly { id: string }[]; run: (url: string, options: RunOptions) => Promise<CaseResult[]> }
> = {
  reference: { cases: allCases, run: runConformance },
  hostile: { cases: hostileCases, run: runHostile },
};

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      suite: { type: "string", default: "reference" },
      json: { type: "boolean", default: false },
      junit: { type: "string" },
      only: { type: "string" },
      skip: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, baseUrl, ...rest] = positionals;
  if (command !== "check")
    throw new UsageError(command === undefined ? "missing command" : `unknown command: ${command}`);
  if (baseUrl === undefined) throw new UsageError("missing <base-url>");
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest.join(" ")}`);
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new UsageError(`not an http(s) URL: ${baseUrl}`);
  }
  const suite = SUITES[values.suite];
  if (suite === undefined) throw new UsageError(`unknown suite: ${values.suite} (reference or hostile)`);
  const selection = { only: idList("--only", values.only), skip: idList("--skip", values.skip) };
  try {
    selectCases(selection, suite.cases);
  } catch (error) {
    throw new UsageError(failureReason(error));
  }
  try {
    await send(baseUrl, { method: "GET", path: "/", headers: {} });
  } catch (error) {
    console.error(`error-contract: cannot reach ${baseUrl}: ${failureReason(error)}`);
    return 2;
  }
  if (!values.json) console.log(`error-contract check ${baseUrl} (${values.suite})\n\n${tableHeader()}`);
  const results = await suite.run(baseUrl, {
    ...selection,
    onResult: values.json ? undefined : (result) => console.log(tableRow(result)),
  });
  const failed = results.filter((result) => !result.passed).length;
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          baseUrl,
          suite: values.suite,
          total: results.length,
          passed: results.length - failed,
          failed,
          results,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(`\n${tableSummary(results)}`);
  }
  if (values.junit !== undefined) await writeFile(values.junit, toJunit(results));
  return failed === 0 ? 0 : 1;
}

function idList(flag: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (ids.length === 0) throw new UsageError(`${flag} needs comma-separated case ids`);
  return ids;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // parseArgs throws TypeErrors with an ERR_PARSE_ARGS_* code for unknown or malformed options.
    const usage =
      error instanceof UsageError || String((error as { code?: unknown })?.code).startsWith("ERR_PARSE_ARGS");
    console.error(`error-contract: ${failureReason(error)}`);
    if (usage) console.error(`\n${USAGE}`);
    process.exitCode = 2;
  },
);
