import { request as httpRequest } from "node:http";
import { runConformance, type Target } from "@error-contract/conformance";
import { createAnswerChecker, type RecordedAnswer } from "./answer-checker.js";

export interface AnswerMismatch {
  /** The conformance case whose request got the answer. */
  caseId: string;
  /** `GET /users/usr_ada → 200`. */
  answer: string;
  problems: string[];
}

export interface CheckConformanceAnswersOptions {
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  /** Called for every answer checked, with its problems (empty when it matches). */
  onAnswer?: ((caseId: string, answer: RecordedAnswer, problems: readonly string[]) => void) | undefined;
}

/**
 * Runs the whole conformance suite against a target and checks every answer (setup steps
 * included) against the service's own OpenAPI document. Resolves to the mismatches, each
 * naming its case and operation; empty when every answer is documented.
 */
export async function checkConformanceAnswers(
  document: Record<string, unknown>,
  target: Target,
  options: CheckConformanceAnswersOptions = {},
): Promise<AnswerMismatch[]> {
  const checker = createAnswerChecker(document);
  const forward = typeof target === "function" ? target : forwardTo(new URL(target));
  let recorded: RecordedAnswer[] = [];
  const recording = async (request: Request) => {
    const url = new URL(request.url);
    const response = await forward(request);
    const body = await response.text();
    recorded.push({
      method: request.method,
      path: url.pathname + url.search,
      status: response.status,
      headers: response.headers,
      body,
    });
    return new Response(nullBodyStatus(response.status) ? null : body, {
      status: response.status,
      headers: response.headers,
    });
  };
  const answered: Array<{ caseId: string; answers: RecordedAnswer[] }> = [];
  await runConformance(recording, {
    only: options.only,
    skip: options.skip,
    onResult: (result) => {
      answered.push({ caseId: result.id, answers: recorded });
      recorded = [];
    },
  });
  const mismatches: AnswerMismatch[] = [];
  for (const { caseId, answers } of answered) {
    for (const answer of answers) {
      const problems = await checker.check(answer);
      options.onAnswer?.(caseId, answer, problems);
      if (problems.length > 0) {
        mismatches.push({ caseId, answer: `${answer.method} ${answer.path} → ${answer.status}`, problems });
      }
    }
  }
  return mismatches;
}

/** One line per problem: `case registers-a-user: POST /users → 201: operation …: …`. */
export function formatMismatches(mismatches: readonly AnswerMismatch[]): string {
  return mismatches
    .flatMap(({ caseId, answer, problems }) =>
      problems.map((problem) => `case ${caseId}: ${answer}: ${problem}`),
    )
    .join("\n");
}

function nullBodyStatus(status: number): boolean {
  return status === 101 || status === 204 || status === 205 || status === 304;
}

const CHUNK_BYTES = 16 * 1024;

// Sends a fetch Request to a server over node:http as it is (exact headers, chunked when it
// has no Content-Length), and gives its answer back as a Response.
function forwardTo(base: URL): (request: Request) => Promise<Response> {
  return async (request) => {
    const incoming = new URL(request.url);
    const url = new URL(base.pathname.replace(/\/$/, "") + incoming.pathname + incoming.search, base);
    const bytes = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    const headers = Object.fromEntries(request.headers);
    return new Promise<Response>((resolve, reject) => {
      let answered = false;
      const outgoing = httpRequest(
        url,
        { method: request.method, headers, agent: false, timeout: 10_000 },
        (reply) => {
          answered = true;
          const chunks: Buffer[] = [];
          reply.on("data", (chunk: Buffer) => chunks.push(chunk));
          reply.on("error", reject);
          reply.on("end", () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(reply.headers)) {
              for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
                responseHeaders.append(name, item);
              }
            }
            const status = reply.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            resolve(new Response(nullBodyStatus(status) ? null : text, { status, headers: responseHeaders }));
          });
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error("no response within 10 s")));
      outgoing.on("error", (error) => {
        if (!answered) reject(error);
      });
      if (bytes === undefined) return void outgoing.end();
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
        outgoing.write(bytes.subarray(offset, offset + CHUNK_BYTES));
      }
      outgoing.end();
    });
  };
}
