import type { EarlierHeaders } from "./earlier-headers.js";
import type { ErrorAnswer, ErrorRequest } from "./error-path.js";
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
 * already kept the CORS and `Vary` ones), then status, headers, `Content-Length` and body (Node
 * sends no body for HEAD).
 */
export function writeNodeAnswer(response: NodeResponseLike, { status, headers, body }: ErrorAnswer): void {
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response.writeHead(status, { ...headers, "Content-Length": String(UTF8.encode(body).length) });
  response.end(body);
}
