import type { NodeRequestLike } from "./node-response.js";
import { resolveTraceId } from "./trace-id.js";

// On Node's request itself, which a framework's wrapper (Fastify's `request.raw`) and its
// middleware share: a property costs less per request than a WeakMap entry (about half).
const TRACE_ID = Symbol("error-contract.traceId");
type Traced = NodeRequestLike & { [TRACE_ID]?: string };

/** The trace id of Node's request, resolved once (`resolveTraceId`) and kept on the request. */
export function nodeTraceId(request: NodeRequestLike): string {
  const traced: Traced = request;
  traced[TRACE_ID] ??= resolveTraceId(traced.headers);
  return traced[TRACE_ID];
}

/** Connect-style middleware (Express, Nest, connect): `X-Request-Id` on every response, success included. */
export function traceIdMiddleware(
  request: NodeRequestLike,
  response: { setHeader(name: string, value: string): unknown },
  next: () => void,
): void {
  response.setHeader("X-Request-Id", nodeTraceId(request));
  next();
}
