import type { HeaderSource } from "@error-contract/core/adapter";
import type { Context } from "hono";

interface IncomingMessageLike {
  httpVersionMajor?: unknown;
  headers?: HeaderSource;
}

/** @hono/node-server's `IncomingMessage` (`c.env.incoming`); undefined on other runtimes. */
function incoming(c: Context): IncomingMessageLike | undefined {
  return (c.env as { incoming?: IncomingMessageLike } | undefined)?.incoming;
}

/**
 * The request headers: Node's own header object where there is one (on @hono/node-server,
 * `c.req.raw.headers` would build a whole `Request` first), else the standard `Headers`.
 */
export function requestHeaders(c: Context): HeaderSource {
  return incoming(c)?.headers ?? c.req.raw.headers;
}

/** One request header, read as cheaply as `requestHeaders` allows. */
export function requestHeader(c: Context, name: string): string | undefined {
  const nodeHeaders = incoming(c)?.headers as Record<string, unknown> | undefined;
  if (nodeHeaders === undefined) return c.req.header(name);
  const value = nodeHeaders[name.toLowerCase()];
  return typeof value === "string" ? value : undefined;
}

/**
 * The header for an answer sent while the request body was not read to its end (over the
 * limit, or the client went away): the connection cannot carry another request, so it must not
 * be advertised as kept alive (@hono/node-server would otherwise say `keep-alive`, then drop the
 * socket ~500 ms later under the client's next request). Left out on HTTP/2, which has no
 * Connection header (Node's http2 refuses one) and ends the stream instead.
 */
export function connectionClose(c: Context): Record<string, string> {
  return incoming(c)?.httpVersionMajor === 2 ? {} : { Connection: "close" };
}
