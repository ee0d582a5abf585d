import {
  codeForStatus,
  ErrorBody,
  genericMessage,
  isErrorStatus,
  isValidTraceId,
  ProblemBody,
  reasonPhrase,
} from "@error-contract/core";
import type { BodyRule, Expectation, HeaderRule } from "./case.js";
import { describeBodyIssue } from "./report/body-issues.js";
import type { HttpResult } from "./target.js";
import { fill, fillJson, type Vars } from "./template.js";

/** The value the reference API's faults throw: it must never reach a client. */
export const FAULT_SECRET = "S3CRET-fault-do-not-leak";

const FRESH_TRACE_ID = /^[0-9a-f]{32}$/;

// Case-insensitive: a lower-cased or upper-cased secret has leaked just the same.
function leaks(text: string): boolean {
  return text.toLowerCase().includes(FAULT_SECRET.toLowerCase());
}

export interface CheckContext {
  /** The request method: a HEAD answer must have no body. */
  readonly method: string;
  /** Placeholder values for header and body rules. */
  readonly vars?: Vars;
  /** `fields` must have exactly the expected keys (not only include them). */
  readonly exactFields?: boolean;
  /**
   * A 5xx must read core's generic message of its status ("Internal server error"): the toolkit's
   * own wording, which reference API 1.2 gives only as an example (default true; the suites' runs
   * check it only with the opt-in tag `wording`). Either way the thrown error's text never shows.
   */
  readonly wording?: boolean;
}

/**
 * Every way a response breaks the contract or the expectation, as readable sentences (empty when
 * it conforms). The one place the rules live: the runner and `expectErrorContract` both call it.
 */
export function checkResponse(result: HttpResult, expect: Expectation, context: CheckContext): string[] {
  const problems: string[] = [];
  const statuses = typeof expect.status === "number" ? [expect.status] : expect.status;
  if (!statuses.includes(result.status)) {
    const body = result.body === "" ? "" : ` with ${quote(result.body)}`;
    problems.push(`status: expected ${statuses.join(" or ")}, got ${result.status}${body}`);
  }
  const json = parseJson(result.body);
  const vars = { ...context.vars, ...bodyVars(json) };
  checkAlways(result, context, problems);
  // An error answered with a success status has failed already: its body is not judged as an error.
  if (result.status >= 400) checkError(result, json, expect, context, problems);
  for (const [name, rule] of Object.entries(expect.headers ?? {})) {
    checkHeader(result.headers.get(name), name, rule, vars, problems);
  }
  if (expect.body !== undefined) checkBody(result.body, json, expect.body, vars, problems);
  if (expect.traceId !== undefined)
    checkTraceId(result.headers.get("x-request-id"), expect.traceId, vars, problems);
  return problems;
}

// Rules for every response, success included.
function checkAlways(result: HttpResult, context: CheckContext, problems: string[]): void {
  const requestId = result.headers.get("x-request-id");
  if (requestId === null) problems.push("X-Request-Id header missing");
  else if (!isValidTraceId(requestId))
    problems.push(`X-Request-Id is not a valid trace id: ${quote(requestId)}`);
  if (leaks(result.body)) problems.push("the fault secret leaks in the body");
  for (const [name, value] of result.headers) {
    if (leaks(value)) problems.push(`the fault secret leaks in the ${name} header`);
  }
  if (context.method.toUpperCase() === "HEAD" && result.body !== "") {
    problems.push(`a HEAD response has a body: ${quote(result.body)}`);
  }
}

function checkError(
  result: HttpResult,
  json: Parsed,
  expect: Expectation,
  context: CheckContext,
  problems: string[],
): void {
  const problemJson = expect.format === "problem+json";
  const wantedType = problemJson ? "application/problem+json" : "application/json";
  const contentType = result.headers.get("content-type");
  if (mediaType(contentType) !== wantedType) {
    problems.push(`Content-Type: expected ${wantedType}, got ${quote(contentType ?? "(none)")}`);
  }
  const cacheControl = result.headers.get("cache-control") ?? "";
  if (!cacheControl.split(",").some((directive) => directive.trim().toLowerCase() === "no-store")) {
    problems.push(`Cache-Control: expected no-store, got ${quote(cacheControl || "(none)")}`);
  }
  if (result.status === 405 && !result.headers.has("allow")) problems.push("405 without an Allow header");
  if (result.status === 401 && !result.headers.has("www-authenticate")) {
    problems.push("401 without a WWW-Authenticate header");
  }
  if (context.method.toUpperCase() === "HEAD") return;
  if (!json.ok) {
    problems.push(`body is not JSON: ${quote(result.body)}`);
    return;
  }
  const parsed = (problemJson ? ProblemBody : ErrorBody).safeParse(json.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeBodyIssue(issue, json.value));
  }
  const body = (json.value ?? {}) as Record<string, unknown>;
  const code = expect.error ?? (isErrorStatus(result.status) ? codeForStatus(result.status) : undefined);
  if (code !== undefined && body.error !== code) {
    problems.push(`error code: expected ${code}, got ${shown(body.error)}`);
  }
  const requestId = result.headers.get("x-request-id");
  if (requestId !== null && body.traceId !== requestId) {
    problems.push(`traceId ${shown(body.traceId)} differs from X-Request-Id ${quote(requestId)}`);
  }
  checkFields(body.fields, expect.fields, context.exactFields === true, problems);
  if (!isErrorStatus(result.status)) return;
  const message = problemJson ? body.detail : body.message;
  if (result.status >= 500 && context.wording !== false && message !== genericMessage(result.status)) {
    problems.push(`5xx message: expected ${quote(genericMessage(result.status))}, got ${shown(message)}`);
  }
  if (problemJson) {
    if (body.title !== reasonPhrase(result.status)) {
      problems.push(`title: expected ${quote(reasonPhrase(result.status))}, got ${shown(body.title)}`);
    }
    if (body.status !== result.status)
      problems.push(`status member: expected ${result.status}, got ${shown(body.status)}`);
  }
}

function checkFields(
  fields: unknown,
  expected: readonly string[] | undefined,
  exact: boolean,
  problems: string[],
) {
  if (expected === undefined) return;
  const keys = fields !== null && typeof fields === "object" ? Object.keys(fields) : [];
  const missing = expected.filter((key) => !keys.includes(key));
  if (missing.length > 0)
    problems.push(`fields: missing ${missing.join(", ")} (got ${keys.join(", ") || "none"})`);
  const extra = keys.filter((key) => !expected.includes(key));
  if (exact && extra.length > 0) problems.push(`fields: unexpected ${extra.join(", ")}`);
}

const HEADER_MATCHERS: Record<string, (value: string, wanted: string) => boolean> = {
  equals: (value, wanted) => value === wanted,
  startsWith: (value, wanted) => value.startsWith(wanted),
  endsWith: (value, wanted) => value.endsWith(wanted),
  includes: (value, wanted) => value.includes(wanted),
  matches: (value, wanted) => new RegExp(wanted).test(value),
};

function checkHeader(value: string | null, name: string, rule: HeaderRule, vars: Vars, problems: string[]) {
  const [kind, raw] = Object.entries(rule)[0] as [string, string];
  const wanted = fill(raw, vars);
  if (value === null || !HEADER_MATCHERS[kind]?.(value, wanted)) {
    problems.push(`${name}: expected ${describeRule(kind, wanted)}, got ${quote(value ?? "(none)")}`);
  }
}

function checkBody(text: string, json: Parsed, rule: BodyRule, vars: Vars, problems: string[]): void {
  if (rule.empty === true) {
    if (text !== "") problems.push(`expected no body, got ${quote(text)}`);
    return;
  }
  if (!json.ok || json.value === null || typeof json.value !== "object") {
    problems.push(`expected a JSON object body, got ${quote(text || "(empty)")}`);
    return;
  }
  const body = json.value as Record<string, unknown>;
  if (rule.equals !== undefined) {
    const wanted = fillJson(rule.equals, vars);
    if (JSON.stringify(sortKeys(body)) !== JSON.stringify(sortKeys(wanted))) {
      problems.push(`body: expected ${JSON.stringify(wanted)}, got ${quote(text)}`);
    }
  }
  if (rule.keys !== undefined) {
    const got = Object.keys(body).sort();
    if (got.join() !== [...rule.keys].sort().join()) {
      problems.push(`body members: expected ${rule.keys.join(", ")}, got ${got.join(", ") || "none"}`);
    }
  }
  for (const [key, pattern] of Object.entries(rule.matches ?? {})) {
    const value = body[key];
    if (typeof value !== "string" || !new RegExp(pattern).test(value)) {
      problems.push(`body.${key}: expected a string matching ${quote(pattern)}, got ${shown(value)}`);
    }
  }
  for (const [key, value] of Object.entries(fillJson(rule.includes ?? {}, vars) as object)) {
    if (JSON.stringify(body[key]) !== JSON.stringify(value)) {
      problems.push(
        `body.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(body[key]) ?? "nothing"}`,
      );
    }
  }
}

function checkTraceId(value: string | null, rule: Expectation["traceId"], vars: Vars, problems: string[]) {
  if (rule === "fresh") {
    if (value === null || !FRESH_TRACE_ID.test(value)) {
      problems.push(`X-Request-Id: expected a new id of 32 lowercase hex, got ${quote(value ?? "(none)")}`);
    }
  } else if (rule !== undefined && value !== fill(rule.equals, vars)) {
    problems.push(
      `X-Request-Id: expected ${quote(fill(rule.equals, vars))}, got ${quote(value ?? "(none)")}`,
    );
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// A success body's members can fill placeholders (`{{body.id}}` in an expected Location).
function bodyVars(json: Parsed): Vars {
  if (!json.ok || json.value === null || typeof json.value !== "object") return {};
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(json.value)) {
    if (typeof value === "string") vars[`body.${key}`] = value;
  }
  return vars;
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function describeRule(kind: string, wanted: string): string {
  return kind === "equals"
    ? quote(wanted)
    : `${kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} ${quote(wanted)}`;
}

/** A member's value as shown in a problem: `(none)` when the body does not have it. */
function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  return typeof value === "string" ? quote(value) : (JSON.stringify(value) ?? String(value));
}

const MAX_QUOTE = 120;

/** A value as shown in a problem: quoted, control characters escaped, long ones cut. */
export function quote(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTE ? `${value.slice(0, MAX_QUOTE)}…` : value);
}
