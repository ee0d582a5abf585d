// Writing the error path's answer on Node's HTTP response (Node, Bun and Deno's node:http), by
// itself or through a framework's reply that keeps its own headers until it is sent (Fastify's).
import type { EarlierHeaders } from "./earlier-headers.js";
import type { ErrorAnswer, ErrorPath, ErrorRequest } from "./error-path.js";
import { describeThrown } from "./log-line.js";
import type { HeaderSource } from "./request-headers.js";

/** The part of Node's `IncomingMessage` the error path reads. */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: HeaderSource;
  readableAborted?: boolean;
  httpVersionMajor?: number;
}

/** The part of Node's `ServerResponse` the error path reads and writes. */
export interface NodeResponseLike {
  headersSent: boolean;
  getHeaders(): EarlierHeaders;
  getHeaderNames(): string[];
  removeHeader(name: string): void;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
  destroy(): unknown;
}

/**
 * A framework's reply on Node's response that keeps its own headers apart from it until it is
 * sent (Fastify's `reply`): `getHeaders()` gives both, the reply's and Node's.
 */
export interface NodeReplyLike {
  raw: NodeResponseLike;
  getHeaders(): Readonly<Record<string, string | number | readonly string[] | undefined>>;
  removeHeader(name: string): unknown;
  code(status: number): { headers(values: Record<string, string>): { send(body: string): unknown } };
}

/**
 * The request facts of `createErrorPath().answer` from Node's request and the response's headers
 * (Node's response, or a framework's reply that keeps its own, such as Fastify's).
 */
export function nodeRequestFacts(
  request: NodeRequestLike,
  response: Pick<NodeResponseLike, "getHeaders">,
  traceId?: string,
  path = request.url ?? "",
): ErrorRequest {
  return {
    method: request.method ?? "",
    path,
    headers: request.headers,
    traceId,
    earlierHeaders: response.getHeaders(),
    aborted: request.readableAborted === true,
    httpVersionMajor: request.httpVersionMajor,
  };
}

const UTF8 = new TextEncoder();

/**
 * Writes exactly the answer on Node's response: every header set before is removed first (core
 * already kept the ones that survive an error), then status, headers, `Content-Length` and body
 * (Node sends no body for HEAD).
 */
export function writeNodeAnswer(response: NodeResponseLike, { status, headers, body }: ErrorAnswer): void {
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response.writeHead(status, { ...headers, "Content-Length": String(UTF8.encode(body).length) });
  response.end(body);
}

/**
 * Answers `thrown` on Node's response through the error path. When no answer can be written
 * (the headers went out already, or `write` throws), the error is reported once (`abandon`)
 * and the response destroyed: the client sees a broken response, never a wrong complete one.
 * `write` is the platform's own (a Fastify reply's), by default `writeNodeAnswer(response, …)`.
 */
export function respondOnNode<R extends ErrorRequest>(
  path: ErrorPath<R>,
  thrown: unknown,
  request: R,
  response: NodeResponseLike,
  write: (answer: ErrorAnswer) => void = (answer) => writeNodeAnswer(response, answer),
): void {
  if (response.headersSent) {
    path.abandon(thrown, request);
    response.destroy();
    return;
  }
  const answer = path.answer(thrown, request);
  try {
    write(answer);
  } catch (failure) {
    const what = `error-contract: writing the answer failed: ${describeThrown(failure)}`;
    path.abandon(new Error(what, { cause: thrown }), request);
    response.destroy();
  }
}

/**
 * `respondOnNode` through the reply, so the framework's own hooks run (Fastify's `onSend`,
 * `onResponse`): every earlier header goes first, the reply's and Node's (core already kept the
 * ones that survive), then status, headers and body. `request` as `nodeRequestFacts(raw, reply)`
 * gives it.
 */
export function respondOnReply<R extends ErrorRequest>(
  path: ErrorPath<R>,
  thrown: unknown,
  request: R,
  reply: NodeReplyLike,
): void {
  respondOnNode(path, thrown, request, reply.raw, ({ status, headers, body }) => {
    for (const name of Object.keys(reply.getHeaders())) {
      reply.removeHeader(name);
      reply.raw.removeHeader(name);
    }
    reply.code(status).headers(headers).send(body);
  });
}
