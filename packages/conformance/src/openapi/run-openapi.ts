import { checkResponse, quote } from "../check-response.js";
import { type CaseResult, describeExpectation, outgoingOf, type RunOptions, selectCases } from "../run.js";
import { failureReason, type HttpResult, send, type Target } from "../target.js";
import { runVars } from "../template.js";
import type { OpenApiDocument } from "./document.js";
import { DocumentCheck } from "./document-check.js";
import type { OpenApiCase } from "./openapi-case.js";
import { Pacer } from "./pacer.js";

export interface OpenApiRunOptions extends RunOptions {
  /** Headers sent with every request but the 401 cases' (credentials of a positive path). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** At most this many requests in the run (default 1000); the run stops with an error beyond. */
  maxRequests?: number | undefined;
  /** At most this many requests a second (default 20). */
  perSecond?: number | undefined;
}

export const DEFAULT_MAX_REQUESTS = 1000;
export const DEFAULT_PER_SECOND = 20;

/** The number of requests the cases send (HEAD cases send GET first). */
export function requestCount(cases: readonly OpenApiCase[]): number {
  return cases.reduce((sum, testCase) => sum + (testCase.headOfGet ? 2 : 1), 0);
}

/** Why a run of the cases these options select is refused before it starts: too many requests. */
export function refusal(cases: readonly OpenApiCase[], options: OpenApiRunOptions): string | undefined {
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const needed = requestCount(selectCases(options, cases));
  if (needed <= maxRequests) return undefined;
  return `the cases need ${needed} requests, over --max-requests ${maxRequests}: narrow them with --tag, --skip-tag or --only`;
}

/**
 * Runs cases derived from the document, one after another, paced, each answer checked against
 * the contract, against the responses the document gives its operation, and (a 2xx) for an
 * error-looking body. Refuses to start when the cases need more than `maxRequests`.
 */
export async function runOpenApi(
  target: Target,
  document: OpenApiDocument,
  cases: readonly OpenApiCase[],
  options: OpenApiRunOptions = {},
): Promise<CaseResult[]> {
  const selected = selectCases(options, cases);
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const refused = refusal(cases, options);
  if (refused !== undefined) throw new Error(refused);
  const pacer = new Pacer({ maxRequests, perSecond: options.perSecond ?? DEFAULT_PER_SECOND });
  const documentCheck = new DocumentCheck(document);
  const results: CaseResult[] = [];
  for (const testCase of selected) {
    const result = await runOpenApiCase(target, testCase, { ...options, pacer, documentCheck });
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}

interface CaseContext extends OpenApiRunOptions {
  pacer: Pacer;
  documentCheck: DocumentCheck;
}

async function runOpenApiCase(
  target: Target,
  testCase: OpenApiCase,
  context: CaseContext,
): Promise<CaseResult> {
  const started = performance.now();
  const vars = runVars();
  const credentials = testCase.withoutCredentials
    ? withoutAuthorization(context.headers)
    : (context.headers ?? {});
  const request = { ...testCase.request, headers: { ...credentials, ...testCase.request.headers } };
  const problems: string[] = [];
  let got: string;
  try {
    let expect = testCase.expect;
    let asGet: HttpResult | undefined;
    if (testCase.headOfGet) {
      await context.pacer.next();
      asGet = await send(target, outgoingOf({ ...request, method: "GET" }, vars));
      expect = { status: asGet.status };
    }
    await context.pacer.next();
    const outgoing = outgoingOf(request, vars);
    const result = await send(target, outgoing);
    context.onResponse?.(testCase.id, outgoing, result);
    got = summarize(result);
    problems.push(...checkResponse(result, expect, { method: request.method, vars }));
    if (asGet !== undefined) problems.push(...sameAsGet(asGet, result));
    if (testCase.operation !== undefined) {
      const implied = testCase.withoutCredentials ? [401] : [];
      problems.push(...context.documentCheck.check(testCase.operation, request.method, result, implied));
    }
    const declared =
      testCase.operation === undefined
        ? new Set<string>()
        : context.documentCheck.declaredMembers(testCase.operation, result.status);
    problems.push(...errorLookingSuccess(result, declared));
  } catch (error) {
    const reason = failureReason(error);
    got = `no response (${reason})`;
    problems.push(`request failed: ${reason}`);
  }
  return {
    id: testCase.id,
    title: testCase.title,
    passed: problems.length === 0,
    expected: testCase.headOfGet ? "as GET, no body" : describeExpectation(testCase.expect),
    got,
    problems,
    durationMs: Math.round(performance.now() - started),
  };
}

function withoutAuthorization(headers: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== "authorization"),
  );
}

// HEAD answers with GET's status (checked by the expectation) and its Content-Type.
function sameAsGet(get: HttpResult, head: HttpResult): string[] {
  const getType = get.headers.get("content-type");
  const headType = head.headers.get("content-type");
  if (getType === headType) return [];
  return [
    `HEAD Content-Type ${quote(headType ?? "(none)")} differs from GET's ${quote(getType ?? "(none)")}`,
  ];
}

/**
 * The "always 200" anti-pattern: a 2xx whose body says it failed: `success: false`, or an `error`
 * member the document's own schema for that answer does not declare.
 */
export function errorLookingSuccess(result: HttpResult, declared: ReadonlySet<string> = new Set()): string[] {
  if (result.status < 200 || result.status >= 300) return [];
  let body: unknown;
  try {
    body = JSON.parse(result.body);
  } catch {
    return [];
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return [];
  const problems: string[] = [];
  if ((body as { success?: unknown }).success === false)
    problems.push(`a ${result.status} whose body says success: false`);
  if (Object.hasOwn(body, "error") && !declared.has("error"))
    problems.push(`a ${result.status} whose body has an error member: ${quote(result.body)}`);
  return problems;
}

function summarize(result: HttpResult): string {
  try {
    const code = (JSON.parse(result.body) as { error?: unknown }).error;
    if (typeof code === "string") return `${result.status} ${code}`;
  } catch {
    // Not JSON: the status alone.
  }
  return String(result.status);
}
