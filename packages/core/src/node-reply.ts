import type { ErrorPath, ErrorRequest } from "./error-path.js";
import { respondOnNode } from "./node-respond.js";
import type { NodeResponseLike } from "./node-response.js";

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
 * `respondOnNode` through the reply, so the framework's own hooks run (Fastify's `onSend`,
 * `onResponse`): every earlier header goes first, the reply's and Node's (core already kept the
 * CORS and `Vary` ones), then status, headers and body. `request` as `nodeRequestFacts(raw, reply)`
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
