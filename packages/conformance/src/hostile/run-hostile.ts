import { checkResponse, quote } from "../check-response.js";
import type { CaseResult, ResponseObserver, RunOptions } from "../run.js";
import { selectCases } from "../run.js";
import { failureReason } from "../target.js";
import { runVars, type Vars } from "../template.js";
import { hostileCases } from "./cases/all.js";
import type { HostileCase, HostileExpectation } from "./hostile-case.js";
import { probeServer } from "./probe.js";
import { RawConnection, type RawResponse } from "./raw-connection.js";
import { bytes, head } from "./raw-request.js";

const ANSWER_MS = 10_000;
// After `Connection: close` (or a parser's rejection) the server has this long to close.
const CLOSE_MS = 2_000;
// A dropped upload: the time the server gets to notice before the probe.
const ABORT_AFTER_MS = 50;

/**
 * Runs the hostile catalog over raw HTTP/1.1 against a base URL: each case, then a probe on a
 * new connection proving the server still serves (and was not polluted). Never throws.
 */
export async function runHostile(baseUrl: string | URL, options: RunOptions = {}): Promise<CaseResult[]> {
  const url = new URL(baseUrl);
  const results: CaseResult[] = [];
  for (const testCase of selectCases(options, hostileCases)) {
    const result = await runHostileCase(url, testCase, options.onResponse);
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}

export async function runHostileCase(
  baseUrl: string | URL,
  testCase: HostileCase,
  onResponse?: ResponseObserver,
): Promise<CaseResult> {
  const url = new URL(baseUrl);
  const started = performance.now();
  const vars = runVars();
  const problems: string[] = [];
  let got = "no response";
  try {
    got = await exchange(url, testCase, vars, problems, onResponse);
  } catch (error) {
    problems.push(`the case failed: ${failureReason(error)}`);
  }
  problems.push(...(await probeServer(url, testCase.probe === "pollution")));
  return {
    id: testCase.id,
    title: testCase.title,
    passed: problems.length === 0,
    expected: describeHostile(testCase.expect),
    got,
    problems,
    durationMs: Math.round(performance.now() - started),
  };
}

async function exchange(
  url: URL,
  testCase: HostileCase,
  vars: Vars,
  problems: string[],
  onResponse?: ResponseObserver,
): Promise<string> {
  const connection = await RawConnection.open(url, ANSWER_MS);
  try {
    if (testCase.drip === undefined) await connection.write(testCase.bytes(vars));
    else void drip(connection, testCase.bytes(vars), testCase.drip);
    for (const [index, status] of (testCase.answersFirst ?? []).entries()) {
      const first = await connection.readResponse("GET", ANSWER_MS);
      if (first?.status !== status) {
        problems.push(
          `pipelined answer ${index + 1}: expected ${status} whole, got ${first === undefined ? "none" : first.status}`,
        );
        return first === undefined ? "no pipelined answer" : `${first.status} first`;
      }
    }
    if (testCase.after === "abort") {
      await new Promise((resolve) => setTimeout(resolve, ABORT_AFTER_MS));
      connection.destroy();
      return "dropped by the client";
    }
    if (testCase.after === "end") connection.end();
    const response = await connection.readResponse(testCase.method, ANSWER_MS);
    const { expect } = testCase;
    if (response !== undefined)
      onResponse?.(testCase.id, { method: testCase.method, path: "", headers: {} }, response);
    if (response === undefined) {
      if (!(expect.parserMayReject && connection.closed)) problems.push("no answer");
      return connection.closed ? "closed without an answer" : "no answer";
    }
    if (expect.parserMayReject && response.body === "" && response.status >= 400 && response.status < 500) {
      // A strict parser's own rejection: a body-less 4xx, then the close.
      if (!(await connection.waitClosed(CLOSE_MS)))
        problems.push(`a ${response.status} without a body, but the connection stays open`);
      return `${response.status} (parser), closed`;
    }
    problems.push(...checkAnswer(response, testCase, vars));
    problems.push(...(await checkConnection(connection, response, testCase)));
    return summarize(response);
  } finally {
    connection.destroy();
  }
}

// A slow client: one slice at a time until everything is sent or the server closes.
async function drip(
  connection: RawConnection,
  data: Uint8Array,
  { chunkBytes, everyMs }: NonNullable<HostileCase["drip"]>,
): Promise<void> {
  for (let offset = 0; offset < data.length && !connection.closed; offset += chunkBytes) {
    await connection.write(data.subarray(offset, offset + chunkBytes));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function checkAnswer(response: RawResponse, testCase: HostileCase, vars: Vars): string[] {
  const { expect } = testCase;
  const formats = expect.formats ?? ["json"];
  const withFields = response.status === 400 || response.status === 422 ? expect.fields : undefined;
  const attempts = formats.map((format) =>
    checkResponse(
      response,
      {
        status: expect.status,
        format,
        ...(withFields === undefined ? {} : { fields: withFields }),
        ...(expect.traceId === undefined ? {} : { traceId: expect.traceId }),
      },
      { method: testCase.method, vars },
    ),
  );
  return attempts.find((problems) => problems.length === 0) ?? attempts[0] ?? [];
}

// `Connection: close` must be kept; a connection advertised as kept alive must serve the next request.
async function checkConnection(
  connection: RawConnection,
  response: RawResponse,
  testCase: HostileCase,
): Promise<string[]> {
  const closing = /(^|,)\s*close\s*(,|$)/i.test(response.headers.get("connection") ?? "");
  if (testCase.expect.closes && !closing) {
    return [
      `the server stopped reading the body but answered Connection: ${quote(response.headers.get("connection") ?? "(none, keep-alive)")}`,
    ];
  }
  if (closing) {
    return (await connection.waitClosed(CLOSE_MS))
      ? []
      : [`Connection: close, but the connection is still open after ${CLOSE_MS} ms`];
  }
  if (testCase.after === "end" || testCase.expect.pipelined) return [];
  await connection.write(bytes(head("GET", "/users/usr_ada")));
  const next = await connection.readResponse("GET", ANSWER_MS);
  return next?.status === 200
    ? []
    : [
        `the connection was advertised as kept alive, but the next request on it got ${next === undefined ? "no answer" : next.status}`,
      ];
}

function summarize(response: RawResponse): string {
  try {
    const code = (JSON.parse(response.body) as { error?: unknown }).error;
    if (typeof code === "string") return `${response.status} ${code}`;
  } catch {
    // Not JSON: the status alone.
  }
  return String(response.status);
}

/** `413, closes`, `400|422`: what a hostile case expects, for reports. */
export function describeHostile(expect: HostileExpectation): string {
  if (expect.status.length === 0) return "no answer; still serving";
  const parts = [expect.status.join("|")];
  if (expect.closes) parts.push("Connection: close");
  if (expect.parserMayReject) parts.push("or parser close");
  return parts.join(", ");
}
