import type { HeaderSource } from "@error-contract/core/adapter";

interface IncomingMessageLike {
  httpVersionMajor?: number;
  /** The request-target as received, before @hono/node-server's `new URL()` resolves dot segments. */
  url?: string;
  headers?: HeaderSource;
}

interface ServerResponseLike {
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): unknown;
  destroy?(): unknown;
}

/** @hono/node-server's bindings (`c.env`): Node's request and response; undefined on other runtimes. */
export interface NodeBindings {
  incoming?: IncomingMessageLike | undefined;
  outgoing?: ServerResponseLike | undefined;
}

/** The Node bindings in a Hono `env`, if any. */
export function nodeBindings(env: unknown): NodeBindings {
  return (env ?? {}) as NodeBindings;
}

/**
 * The request headers: Node's own header object where there is one (on @hono/node-server,
 * `request.headers` would build a whole `Headers` first), else the standard `Headers`.
 */
export function requestHeaders(request: Request, env: unknown): HeaderSource {
  return nodeBindings(env).incoming?.headers ?? request.headers;
}

/** One request header from either kind of header object (Node's are lower-cased). */
export function headerOf(headers: HeaderSource, name: string): string | undefined {
  const { get } = headers as { get?: unknown };
  const value =
    typeof get === "function" ? get.call(headers, name) : (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}
