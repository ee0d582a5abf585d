import type { HeaderSource } from "@error-contract/core/adapter";
import type { NodeRequestLike } from "@error-contract/core/node";

/** @hono/node-server's bindings (`c.env`): Node's request and response; none on other runtimes. */
export interface NodeBindings {
  incoming?: NodeRequestLike;
  outgoing?: {
    setHeader(name: string, value: string): unknown;
    getHeader(name: string): unknown;
    destroy(): unknown;
  };
}

export const nodeBindings = (env: unknown): NodeBindings => (env ?? {}) as NodeBindings;

/**
 * The request headers: Node's own header object where there is one (on @hono/node-server,
 * `request.headers` would build a whole `Headers` first), else the standard `Headers`.
 */
export function requestHeaders(request: Request, env: unknown): HeaderSource {
  return nodeBindings(env).incoming?.headers ?? request.headers;
}
