import type { HeaderSource, NodeIncomingFacts } from "@error-contract/core/adapter";

/**
 * What @hono/node-server hands the app as its `env`: Node's request and response. Other runtimes
 * have neither.
 */
export interface NodeBindings {
  incoming?: NodeIncomingFacts;
  outgoing?: {
    setHeader(name: string, value: string): unknown;
    destroy(): unknown;
  };
}

export const nodeBindings = (env: unknown): NodeBindings => (env ?? {}) as NodeBindings;

/**
 * The request headers: Node's header object where the runtime has one (on @hono/node-server,
 * `request.headers` would build a whole `Headers` first), else the standard `Headers`.
 */
export function requestHeaders(request: Request, env: unknown): HeaderSource {
  return nodeBindings(env).incoming?.headers ?? request.headers;
}
