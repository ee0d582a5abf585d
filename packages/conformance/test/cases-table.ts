import type { CaseRequest, ConformanceCase, RequestBody } from "../src/case.js";
import type { HostileCase } from "../src/hostile/hostile-case.js";
import { describeHostile } from "../src/hostile/run-hostile.js";
import { describeExpectation } from "../src/run.js";

const MAX_BODY = 70;

/** The README's table of cases, one row per case, built from the case data. */
export function casesTable(cases: readonly ConformanceCase[]): string {
  const rows = cases.map((testCase) => {
    const setup = (testCase.setup ?? [])
      .map((step) => `${request(step.request)} → ${step.status}; then `)
      .join("");
    return `| \`${testCase.id}\` | ${cell(setup + request(testCase.request))} | ${cell(expected(testCase))} |`;
  });
  return ["| case | request | expected |", "|---|---|---|", ...rows].join("\n");
}

function request({ method, path, headers = {}, body }: CaseRequest): string {
  const parts = [`\`${method} ${path}\``];
  for (const [name, value] of Object.entries(headers)) {
    if (!(name === "content-type" && value === "application/json")) parts.push(`${name}: ${value}`);
  }
  if (body !== undefined) parts.push(describeBody(body));
  return parts.join(", ");
}

function describeBody(body: RequestBody): string {
  switch (body.kind) {
    case "json":
      return code(shorten(JSON.stringify(body.value)));
    case "text":
      return body.text === "" ? "empty body" : `raw ${code(shorten(JSON.stringify(body.text)))}`;
    case "padded-json":
      return `${body.bytes}-byte JSON body${body.chunked ? ", chunked (no Content-Length)" : ""}`;
  }
}

function expected({ request, expect }: ConformanceCase): string {
  const parts = [describeExpectation(expect)];
  if (expect.fields !== undefined) parts.push(`fields: ${expect.fields.join(", ")}`);
  for (const [name, rule] of Object.entries(expect.headers ?? {})) {
    const [kind, value] = Object.entries(rule)[0] as [string, string];
    parts.push(`${name} ${kind} \`${value}\``);
  }
  if (expect.body?.empty || request.method === "HEAD") parts.push("no body");
  if (expect.body?.equals !== undefined)
    parts.push(`body ${code(shorten(JSON.stringify(expect.body.equals)))}`);
  if (expect.body?.keys !== undefined) parts.push(`members ${expect.body.keys.join(", ")}`);
  for (const [key, pattern] of Object.entries(expect.body?.matches ?? {}))
    parts.push(`${key} matches ${code(pattern)}`);
  if (expect.body?.includes !== undefined)
    parts.push(`with ${code(shorten(JSON.stringify(expect.body.includes)))}`);
  if (expect.traceId === "fresh") parts.push("a new trace id");
  else if (expect.traceId !== undefined) parts.push(`trace id \`${expect.traceId.equals}\``);
  return parts.join("; ");
}

function shorten(text: string): string {
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 1)}…` : text;
}

function code(text: string): string {
  return `\`${text}\``;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** The README's table of hostile cases. */
export function hostileTable(cases: readonly HostileCase[]): string {
  const rows = cases.map(
    (testCase) =>
      `| \`${testCase.id}\` | ${cell(testCase.title)} | ${cell(describeHostile(testCase.expect))}${testCase.probe === "pollution" ? "; no pollution" : ""} |`,
  );
  return ["| case | request | expected |", "|---|---|---|", ...rows].join("\n");
}
