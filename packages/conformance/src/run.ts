import type { CaseRequest, ConformanceCase, Expectation } from "./case.js";
import { caseTags, OPT_IN_TAGS, turnsOn } from "./case-tags.js";
import { cases as allCases } from "./cases/all.js";
import { checkResponse } from "./check-response.js";
import { encodeBody } from "./request-body.js";
import { failureReason, type HttpResult, type OutgoingRequest, send, type Target } from "./target.js";
import { fill, runVars, type Vars } from "./template.js";

export interface CaseResult {
  id: string;
  title: string;
  passed: boolean;
  /** What the case expects, e.g. `422 validation_failed`. */
  expected: string;
  /** What the server answered, e.g. `400 bad_request`, or the transport failure. */
  got: string;
  /** Every problem found (empty when passed). */
  problems: string[];
  durationMs: number;
}

export interface RunOptions {
  /** Case ids to run (all when left out). */
  only?: readonly string[] | undefined;
  /** Case ids to leave out. */
  skip?: readonly string[] | undefined;
  /** Only cases with one of these tags (a case's group is one of its tags). */
  tags?: readonly string[] | undefined;
  /** Leave out cases with any of these tags (`faults` for a service without the fault routes). */
  skipTags?: readonly string[] | undefined;
  /**
   * Turn on cases that are off by default: `["wording"]`, the toolkit's own wording of errors
   * (error-contract's own samples; a service of its own need not word errors so).
   */
  withTags?: readonly string[] | undefined;
  /** Called after each case, in order (progress reports). */
  onResult?: ((result: CaseResult) => void) | undefined;
  /** Called with each case's final request and response (`compare` reads them). */
  onResponse?: ResponseObserver | undefined;
}

/** What a case finally sent and got, for comparisons across servers. */
export type ResponseObserver = (id: string, request: OutgoingRequest, result: HttpResult) => void;

/** Runs the cases one after another (cases build on server state, and order keeps reports stable). */
export async function runConformance(target: Target, options: RunOptions = {}): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const testCase of selectCases(options)) {
    const result = await runCase(target, testCase, options.onResponse, {
      wording: turnsOn("wording", options),
    });
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}

/**
 * The cases `only`/`skip`/`tags`/`skipTags` leave, opt-in tags (`wording`) only when turned on;
 * an unknown id or tag is an error, so a typo cannot pass silently.
 */
export function selectCases<Case extends { readonly id: string } = ConformanceCase>(
  options: Pick<RunOptions, "only" | "skip" | "tags" | "skipTags" | "withTags">,
  from: readonly Case[] = allCases as unknown as readonly Case[],
): Case[] {
  const known = new Set(from.map((testCase) => testCase.id));
  const unknown = [...(options.only ?? []), ...(options.skip ?? [])].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`unknown case id: ${unknown.join(", ")}`);
  const tagsOf = new Map(from.map((testCase) => [testCase.id, caseTags(testCase)]));
  const knownTags = new Set([...tagsOf.values()].flat());
  // An opt-in tag may be turned on for any suite (the hostile one has no `wording` case).
  const unknownTags = [
    ...[...(options.tags ?? []), ...(options.skipTags ?? [])].filter((tag) => !knownTags.has(tag)),
    ...(options.withTags ?? []).filter((tag) => !knownTags.has(tag) && !OPT_IN_TAGS.has(tag)),
  ];
  if (unknownTags.length > 0)
    throw new Error(`unknown tag: ${unknownTags.join(", ")} (known: ${[...knownTags].join(", ")})`);
  return from.filter((testCase) => {
    const tags = tagsOf.get(testCase.id) ?? [];
    const turnedOn = (tag: string) =>
      options.withTags?.includes(tag) || options.tags?.includes(tag) || options.only?.includes(testCase.id);
    return (
      tags.every((tag) => !OPT_IN_TAGS.has(tag) || turnedOn(tag)) &&
      (options.only === undefined || options.only.includes(testCase.id)) &&
      !options.skip?.includes(testCase.id) &&
      (options.tags === undefined || tags.some((tag) => options.tags?.includes(tag))) &&
      !tags.some((tag) => options.skipTags?.includes(tag))
    );
  });
}

/**
 * Runs one case: its setup steps, then its request, then every check. Never throws. `wording`:
 * also hold a 5xx to core's generic message (the toolkit's own wording; off by default).
 */
export async function runCase(
  target: Target,
  testCase: ConformanceCase,
  onResponse?: ResponseObserver,
  { wording = false }: { readonly wording?: boolean } = {},
): Promise<CaseResult> {
  const started = performance.now();
  const finish = (got: string, problems: string[]): CaseResult => ({
    id: testCase.id,
    title: testCase.title,
    passed: problems.length === 0,
    expected: describeExpectation(testCase.expect),
    got,
    problems,
    durationMs: Math.round(performance.now() - started),
  });
  const vars: Record<string, string> = { ...runVars() };
  let step = "request";
  try {
    for (const [index, setup] of (testCase.setup ?? []).entries()) {
      step = `setup ${index + 1} (${setup.request.method} ${fill(setup.request.path, vars)})`;
      const result = await sendCase(target, setup.request, vars);
      if (result.status !== setup.status) {
        return finish(summarize(result), [`${step}: expected ${setup.status}, got ${summarize(result)}`]);
      }
      Object.assign(vars, capture(result, setup.capture ?? {}, step));
    }
    step = "request";
    const outgoing = outgoingOf(testCase.request, vars);
    const result = await send(target, outgoing);
    onResponse?.(testCase.id, outgoing, result);
    const problems = checkResponse(result, testCase.expect, {
      method: testCase.request.method,
      vars,
      wording,
    });
    return finish(summarize(result), problems);
  } catch (error) {
    const reason = failureReason(error);
    return finish(`no response (${reason})`, [`${step} failed: ${reason}`]);
  }
}

function sendCase(target: Target, request: CaseRequest, vars: Vars): Promise<HttpResult> {
  return send(target, outgoingOf(request, vars));
}

/** A case's request with its placeholders filled, as it goes out. */
export function outgoingOf(request: CaseRequest, vars: Vars): OutgoingRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [name, fill(value, vars)]),
  );
  return {
    method: request.method,
    path: fill(request.path, vars),
    headers,
    body: request.body === undefined ? undefined : encodeBody(request.body, vars),
  };
}

// `body.id` or `header.location` of a setup step's response, kept for the next requests.
function capture(result: HttpResult, wanted: Readonly<Record<string, string>>, step: string): Vars {
  const captured: Record<string, string> = {};
  for (const [name, source] of Object.entries(wanted)) {
    const [where, key = ""] = source.split(/\.(.*)/s);
    const value = where === "header" ? result.headers.get(key) : readMember(result.body, key);
    if (typeof value !== "string" || value === "") throw new Error(`${step}: response has no ${source}`);
    captured[name] = value;
  }
  return captured;
}

function readMember(body: string, key: string): unknown {
  try {
    return (JSON.parse(body) as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `422 validation_failed`, `405|404`, `201`: what a case expects, for reports. */
export function describeExpectation(expect: Expectation): string {
  const status = typeof expect.status === "number" ? String(expect.status) : expect.status.join("|");
  const format = expect.format === "problem+json" ? " (problem+json)" : "";
  return expect.error === undefined ? `${status}${format}` : `${status} ${expect.error}${format}`;
}

function summarize(result: HttpResult): string {
  const code = readMember(result.body, "error");
  return typeof code === "string" ? `${result.status} ${code}` : String(result.status);
}
