import { requestBodyError } from "./request-body-errors.js";
import { readHeader } from "./request-headers.js";
import type { NodeIncomingFacts } from "./web-request-facts.js";

/**
 * A Web `Request` with its body held to `maxSize` bytes. A `Content-Length` over it throws core's
 * 413 before anything is read; a body without one (chunked) errors with the 413 as soon as a read
 * passes the limit. Anything else is returned as it is. Given Node's request (`incoming`), its
 * headers are read (no `Headers` built) and an HTTP/1 request with neither length nor chunking is
 * known to have no body, so the `Request`'s body is never asked for.
 */
export function limitRequestBody(request: Request, maxSize: number, incoming?: NodeIncomingFacts): Request {
  // GET and HEAD carry no body to limit (a route that takes none ignores it).
  if (request.method === "GET" || request.method === "HEAD") return request;
  const headers = incoming?.headers ?? request.headers;
  const length = readHeader(headers, "content-length");
  if (length !== undefined && Number(length) > maxSize) throw requestBodyError("too_large");
  // Through Node's parser (HTTP/1) a body without a length is chunked: asking the Request would build it.
  const bodiless = incoming?.httpVersionMajor === 1 && readHeader(headers, "transfer-encoding") === undefined;
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
