import type { HeaderSource } from "@error-contract/core/adapter";
import type { Context } from "hono";

interface IncomingMessageLike {
  httpVersionMajor?: number;
  /** The request-target as received, before @hono/node-server's `new URL()` resolves dot segments. */
  url?: string;
  headers?: HeaderSource;
}

/** @hono/node-server's `IncomingMessage` (`c.env.incoming`); undefined on other runtimes. */
export function incoming(c: Pick<Context, "env">): IncomingMessageLike | undefined {
  return (c.env as { incoming?: IncomingMessageLike } | undefined)?.incoming;
}

/**
 * The request headers: Node's own header object where there is one (on @hono/node-server,
 * `c.req.raw.headers` would build a whole `Request` first), else the standard `Headers`.
 */
export function requestHeaders(c: Context): HeaderSource {
  return incoming(c)?.headers ?? c.req.raw.headers;
}
