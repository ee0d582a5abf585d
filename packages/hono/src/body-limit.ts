import { requestBodyError } from "@error-contract/core/adapter";
import { headerOf, nodeBindings, requestHeaders } from "./node-incoming.js";

/**
 * The request with its body held to `maxSize` bytes. A `Content-Length` over it throws core's 413
 * before anything is read; a body without one (chunked) errors with the 413 as soon as a read
 * passes the limit. Anything else is left as it is: on @hono/node-server that keeps its direct
 * read of Node's stream, where Hono's `bodyLimit` would build a whole `Request` for every body.
 */
export function limitBody(request: Request, env: unknown, maxSize: number): Request {
  // GET and HEAD carry no body to limit (a route that takes none ignores it).
  if (request.method === "GET" || request.method === "HEAD") return request;
  const headers = requestHeaders(request, env);
  const length = headerOf(headers, "content-length");
  if (length !== undefined && Number(length) > maxSize) throw requestBodyError("too_large");
  // Through Node's parser (HTTP/1) a body without a length is chunked: asking the Request would build it.
  const bodiless =
    nodeBindings(env).incoming?.httpVersionMajor === 1 && !headerOf(headers, "transfer-encoding");
  if (length !== undefined || bodiless || request.body === null) return request;
  let size = 0;
  const limited = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > maxSize) controller.error(requestBodyError("too_large"));
      else controller.enqueue(chunk);
    },
  });
  return new Request(request, { body: request.body.pipeThrough(limited), duplex: "half" } as RequestInit);
}
