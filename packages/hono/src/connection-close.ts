import type { Context } from "hono";

/**
 * The header for an answer sent while the request body was not read to its end (over the
 * limit, or the client went away): the connection cannot carry another request, so it must not
 * be advertised as kept alive (@hono/node-server would otherwise say `keep-alive`, then drop the
 * socket ~500 ms later under the client's next request). Left out on HTTP/2, which has no
 * Connection header (Node's http2 refuses one) and ends the stream instead.
 */
export function connectionClose(c: Context): Record<string, string> {
  const incoming = (c.env as { incoming?: { httpVersionMajor?: unknown } } | undefined)?.incoming;
  return incoming?.httpVersionMajor === 2 ? {} : { Connection: "close" };
}
