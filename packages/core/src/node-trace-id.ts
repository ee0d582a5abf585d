import type { HeaderSource } from "./request-headers.js";
import { resolveTraceId } from "./trace-id.js";

// On Node's request itself, which a framework's wrapper (Fastify's `request.raw`) and its
// middleware share: a property costs less per request than a WeakMap entry (about half).
const TRACE_ID = Symbol("error-contract.traceId");
type NodeRequest = { headers: HeaderSource };
type Traced = NodeRequest & { [TRACE_ID]?: string };

/** Node's request, or a framework's request that wraps it (Fastify's, with `raw`). */
export type TracedRequest = NodeRequest | { raw: NodeRequest };

/**
 * The trace id of a request, resolved once (`resolveTraceId`) and kept on Node's request, so a
 * framework's middleware, hooks, handlers and error handler all read the same one.
 */
export function nodeTraceId(request: TracedRequest): string {
  const traced: Traced = (request as { raw?: NodeRequest }).raw ?? (request as NodeRequest);
  traced[TRACE_ID] ??= resolveTraceId(traced.headers);
  return traced[TRACE_ID];
}

/** Node's response (`setHeader`), or a framework's reply that keeps its headers until it is sent (`header`). */
export type TracedResponse =
  | { setHeader(name: string, value: string): unknown }
  | { header(name: string, value: string): unknown };

/**
 * `X-Request-Id` on every response, success included: the one place a Node server sets it.
 * Connect-style middleware (Express, Nest, connect) and a Fastify `onRequest` hook alike; called
 * without `next`, it gives the id.
 */
export function traceIdMiddleware(
  request: TracedRequest,
  response: TracedResponse,
  next?: () => void,
): string {
  const id = nodeTraceId(request);
  // A Fastify reply's own header: on Node's response it would send every reply through Node's slower writeHead.
  if ("setHeader" in response) response.setHeader("X-Request-Id", id);
  else response.header("X-Request-Id", id);
  next?.();
  return id;
}
