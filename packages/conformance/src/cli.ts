#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { caseTags } from "./case-tags.js";
import { compareServices } from "./compare.js";
import { comparisonText } from "./compare-report.js";
import { deriveCases } from "./openapi/derive-cases.js";
import { loadDocument } from "./openapi/load-document.js";
import { DEFAULT_BODY_LIMIT } from "./openapi/openapi-case.js";
import { DEFAULT_MAX_REQUESTS, DEFAULT_PER_SECOND } from "./openapi/run-openapi.js";
import { toJunit } from "./report/junit.js";
import { Table, tableSummary } from "./report/table.js";
import { type CaseResult, type RunOptions, selectCases } from "./run.js";
import { hostileSuite, openApiSuite, referenceSuite, type Suite } from "./suite.js";
import { failureReason, send } from "./target.js";

const USAGE = `Usage: error-contract check <base-url> [options]
       error-contract compare <base-url> <base-url> [<base-url>…] [options]
       error-contract check --list [--suite <name> | --openapi <document>]

check runs a suite of cases against a running server; compare runs one suite against several
servers and reports every difference in status, error code, fields keys and contract headers.

Suites:
  --suite <name>        reference (default): the error-contract reference API's cases;
                        hostile: malformed JSON, lying lengths, aborted uploads, odd methods and
                        headers over raw HTTP/1.1, each followed by a probe that the server still serves
  --openapi <doc>       cases derived from your own OpenAPI 3.x document (a file or an http(s)
                        URL, JSON or YAML): router misses, trace ids, problem+json, HEAD, bearer
                        401s, and for each JSON body broken bodies, media types, size, missing
                        and mistyped properties (400) and broken constraints (422)
  --allow-writes        with --openapi: also send unsafe methods (POST, PUT, PATCH, DELETE);
                        without it only GET, HEAD, OPTIONS and TRACE go out
  --header <h: v>       with --openapi: a header for every request but the 401 cases (repeatable),
                        e.g. --header "Authorization: Bearer $TOKEN"
  --body-limit <bytes>  with --openapi: the service's body limit (default ${DEFAULT_BODY_LIMIT})
  --max-requests <n>    with --openapi: refuse a run needing more requests (default ${DEFAULT_MAX_REQUESTS})
  --rate <n>            with --openapi: at most n requests a second (default ${DEFAULT_PER_SECOND})

Selection and output:
  --only <ids>          run only these cases (comma-separated ids)
  --skip <ids>          leave these cases out (comma-separated ids)
  --tag <tags>          run only cases with one of these tags (comma-separated)
  --skip-tag <tags>     leave out cases with any of these tags (e.g. faults)
  --with-tag <tags>     turn on cases that are off by default: wording (error-contract's own
                        English wording of errors, which the reference API does not give)
  --list                print the selected cases, one a line (id, tags, title), and exit
  --json                print the results as JSON instead of the table
  --junit <file>        check: also write the results as JUnit XML to <file>
  --version             print the version
  -h, --help            show this help

Exit status: 0 when every case passes (compare: no difference), 1 when a case fails (compare: a
difference), 2 for a usage error or an unreachable server.`;

class UsageError extends Error {}
// A run refused before anything is printed or sent (exit 2, without the usage text).
class RefusedRun extends Error {}

// Every suite the CLI runs takes a base URL.
type UrlSuite = Suite<{ readonly id: string; readonly title: string; readonly group?: string }, string>;

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      suite: { type: "string" },
      openapi: { type: "string" },
      "allow-writes": { type: "boolean", default: false },
      header: { type: "string", multiple: true },
      "body-limit": { type: "string" },
      "max-requests": { type: "string" },
      rate: { type: "string" },
      json: { type: "boolean", default: false },
      junit: { type: "string" },
      only: { type: "string" },
      skip: { type: "string" },
      tag: { type: "string" },
      "skip-tag": { type: "string" },
      "with-tag": { type: "string" },
      list: { type: "boolean", default: false },
      version: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.version) {
    console.log(createRequire(import.meta.url)("../package.json").version);
    return 0;
  }
  const [command, ...urls] = positionals;
  if (command !== "check" && command !== "compare") {
    throw new UsageError(command === undefined ? "missing command" : `unknown command: ${command}`);
  }
  if (!values.list) {
    if (urls.length === 0) throw new UsageError("missing <base-url>");
    if (command === "check" && urls.length > 1)
      throw new UsageError(`unexpected argument: ${urls.slice(1).join(" ")}`);
    if (command === "compare" && urls.length < 2)
      throw new UsageError("compare needs at least two <base-url>s");
  }
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new UsageError(`not an http(s) URL: ${url}`);
  }
  if (command === "compare" && values.junit !== undefined) throw new UsageError("--junit is for check only");
  const headers = headerList(values.header ?? []);
  const suite = await chooseSuite(values, headers);
  const selection = {
    only: idList("--only", values.only),
    skip: idList("--skip", values.skip),
    tags: idList("--tag", values.tag),
    skipTags: idList("--skip-tag", values["skip-tag"]),
    withTags: idList("--with-tag", values["with-tag"]),
  };
  let selected: { readonly id: string; readonly title: string }[];
  try {
    selected = selectCases(selection, suite.cases);
  } catch (error) {
    throw new UsageError(failureReason(error));
  }
  const refused = values.list ? undefined : suite.refusal(selection);
  if (refused !== undefined) throw new RefusedRun(refused);
  if (values.list) {
    // Whole ids, however long (GitHub's run to 130 characters): the columns follow the longest.
    const idWidth = Math.max(0, ...selected.map((testCase) => testCase.id.length)) + 1;
    const tagWidth = Math.max(0, ...selected.map((testCase) => caseTags(testCase).join(",").length)) + 1;
    for (const testCase of selected)
      console.log(
        `${testCase.id.padEnd(idWidth)} ${caseTags(testCase).join(",").padEnd(tagWidth)} ${testCase.title}`.trimEnd(),
      );
    if (suite.leftOut.length > 0) console.log(leftOutLine(suite.leftOut));
    return 0;
  }
  for (const url of urls) {
    try {
      await send(url, { method: "GET", path: "/", headers: {} });
    } catch (error) {
      console.error(`error-contract: cannot reach ${url}: ${failureReason(error)}`);
      return 2;
    }
  }
  return command === "check"
    ? check(urls[0] as string, suite, selection, values, selected)
    : compare(urls, suite, selection, values.json);
}

async function check(
  baseUrl: string,
  suite: UrlSuite,
  selection: RunOptions,
  values: { json: boolean; junit?: string | undefined },
  selected: readonly { readonly id: string }[],
): Promise<number> {
  const table = new Table(selected.map((testCase) => testCase.id));
  if (!values.json) console.log(`error-contract check ${baseUrl} (${suite.name})\n\n${table.header()}`);
  const results = await suite.run(baseUrl, {
    ...selection,
    onResult: values.json ? undefined : (result) => console.log(table.row(result)),
  });
  const failed = results.filter((result) => !result.passed).length;
  if (values.json) {
    const report = {
      baseUrl,
      suite: suite.name,
      total: results.length,
      passed: results.length - failed,
      failed,
      results,
    };
    console.log(
      JSON.stringify({ ...report, ...(suite.leftOut.length > 0 ? { leftOut: suite.leftOut } : {}) }, null, 2),
    );
  } else {
    console.log(`\n${tableSummary(results)}`);
    if (suite.leftOut.length > 0) console.log(leftOutLine(suite.leftOut));
  }
  const hint = notTheReferenceApi(suite.name, results);
  if (hint !== undefined) console.error(hint);
  if (values.junit !== undefined) await writeFile(values.junit, toJunit(results));
  return failed === 0 ? 0 : 1;
}

async function compare(
  urls: readonly string[],
  suite: UrlSuite,
  selection: RunOptions,
  json: boolean,
): Promise<number> {
  const comparison = await compareServices(urls, suite.run, selection);
  console.log(
    json ? JSON.stringify({ suite: suite.name, ...comparison }, null, 2) : comparisonText(comparison),
  );
  return comparison.differences.length === 0 ? 0 : 1;
}

async function chooseSuite(
  values: {
    suite?: string | undefined;
    openapi?: string | undefined;
    "allow-writes": boolean;
    "body-limit"?: string | undefined;
    "max-requests"?: string | undefined;
    rate?: string | undefined;
  },
  headers: Record<string, string>,
): Promise<UrlSuite> {
  const openapiOnly = ["allow-writes", "body-limit", "max-requests", "rate"] as const;
  if (values.openapi === undefined) {
    const given = openapiOnly.filter((flag) => values[flag] !== undefined && values[flag] !== false);
    if (given.length > 0 || Object.keys(headers).length > 0) {
      throw new UsageError(
        `${[...given, ...(Object.keys(headers).length > 0 ? ["header"] : [])].map((flag) => `--${flag}`).join(", ")} need --openapi`,
      );
    }
    const name = values.suite ?? "reference";
    if (name === "reference") return referenceSuite;
    if (name === "hostile") return hostileSuite;
    throw new UsageError(`unknown suite: ${name} (reference or hostile)`);
  }
  if (values.suite !== undefined) throw new UsageError("--suite and --openapi exclude each other");
  let document: Awaited<ReturnType<typeof loadDocument>>;
  try {
    document = await loadDocument(values.openapi, headers);
  } catch (error) {
    throw new UsageError(`--openapi ${values.openapi}: ${failureReason(error)}`);
  }
  const bodyLimit = positive("--body-limit", values["body-limit"]);
  const maxRequests = positive("--max-requests", values["max-requests"]);
  const perSecond = positive("--rate", values.rate);
  const derived = deriveCases(document, {
    allowWrites: values["allow-writes"],
    bodyLimit,
    headers: Object.keys(headers),
  });
  return openApiSuite(document, derived, { headers, maxRequests, perSecond });
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new UsageError(`${flag} needs a positive number, got ${value}`);
  return number;
}

function headerList(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of raw) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(header);
    if (match === null) throw new UsageError(`--header needs "Name: value", got ${JSON.stringify(header)}`);
    headers[(match[1] as string).toLowerCase()] = (match[2] as string).trim();
  }
  return headers;
}

function leftOutLine(leftOut: readonly { reason: string }[]): string {
  const reasons = new Map<string, number>();
  for (const { reason } of leftOut) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return `left out: ${[...reasons].map(([reason, count]) => `${count} (${reason})`).join("; ")}`;
}

// A service that is not the reference API answers most reference cases 404: say what to use.
function notTheReferenceApi(suite: string, results: readonly CaseResult[]): string | undefined {
  if (suite !== "reference" || results.length < 10) return undefined;
  const notFound = results.filter((result) => result.got.startsWith("404")).length;
  if (notFound * 2 <= results.length) return undefined;
  return `hint: ${notFound} of ${results.length} cases answered 404: this service does not look like the reference API; check your own API with --openapi <its OpenAPI document>`;
}

function idList(flag: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (ids.length === 0)
    throw new UsageError(`${flag} needs comma-separated ${flag.includes("tag") ? "tags" : "case ids"}`);
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
