import type { ErrorRequest } from "./error-path.js";
import type { HeaderSource } from "./request-headers.js";

/** What a runtime on Node's HTTP layer knows beyond the `Request` (@hono/node-server's `incoming`). */
export interface NodeIncomingFacts {
  url?: string | undefined;
  headers: HeaderSource;
  httpVersionMajor?: number | undefined;
}

/**
 * The path of the request-target as the client sent it, query left off: Node's `incoming.url`
 * where there is one (a Request URL has its dot segments resolved by `new URL()`, `%2e%2e`
 * included), else the Request's URL.
 */
export function requestTargetPath(request: Request, incoming?: NodeIncomingFacts): string {
  const target = incoming?.url;
  const { url } = request;
  const path = target?.startsWith("/") ? target : url.slice(url.indexOf("/", url.indexOf(":") + 3));
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * The request facts of `createErrorPath().answer` for a Web `Request`: the path as sent, and Node's
 * header object where the runtime has one (asking the `Request` would build a whole `Headers`).
 */
export function webRequestFacts(request: Request, incoming?: NodeIncomingFacts): ErrorRequest {
  return {
    method: request.method,
    path: requestTargetPath(request, incoming),
    headers: incoming?.headers ?? request.headers,
    aborted: () => request.signal?.aborted === true,
    httpVersionMajor: incoming?.httpVersionMajor,
  };
}
