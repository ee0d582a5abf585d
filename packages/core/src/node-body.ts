import type { ApiError } from "./api-error.js";
import { badRequest } from "./factories.js";
import { jsonRequestFailure, parseJsonBody } from "./json-request.js";
import { type RequestBodyFailure, requestBodyError } from "./request-body-errors.js";
import type { HeaderSource } from "./request-headers.js";

/**
 * The part of a Node readable stream the reader uses: Node's `IncomingMessage`, or a stream
 * Fastify hands a content-type parser.
 */
export interface NodeBodyStream {
  on(event: string, listener: (value?: unknown) => void): unknown;
  removeListener(event: string, listener: (value?: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/**
 * Reads a JSON request body from a Node stream up to `limit` bytes, every failure named where it
 * is born: refused by its headers (coding, charset, a declared length over the limit), over the
 * limit while it streams, cut off by the client, or broken. An empty body is `undefined`. Rejects
 * with core's `ApiError`.
 *
 * Read by events, not `for await`: leaving the loop early destroys the request (Node then
 * unhooks its socket, `req.socket` is null and it counts as aborted) and, on runtimes without
 * Node's special case, the socket with it. Over the limit the stream is only paused: the 413
 * still goes out, and its `Connection: close` ends the connection.
 */
export function readJsonBody(headers: HeaderSource, body: NodeBodyStream, limit: number): Promise<unknown> {
  const refused = jsonRequestFailure(headers, limit);
  if (refused !== undefined && refused !== "empty_body") return Promise.reject(requestBodyError(refused));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const settle = (error: ApiError | undefined) => {
      body.removeListener("data", onData);
      body.removeListener("end", onEnd);
      body.removeListener("error", onClosed);
      body.removeListener("close", onClosed);
      if (error === undefined) return;
      body.pause();
      reject(error);
    };
    const onData = (chunk: unknown) => {
      size += (chunk as Uint8Array).length;
      if (size > limit) settle(requestBodyError("too_large"));
      else chunks.push(chunk as Uint8Array);
    };
    const onEnd = () => {
      settle(undefined);
      // No body at all: `undefined`, for a route to ignore or (taking JSON) to call `empty_body`.
      if (size === 0) return resolve(undefined);
      try {
        resolve(parseJsonBody(concat(chunks, size)));
      } catch (error) {
        reject(error);
      }
    };
    // An error or a close before the end: the client cut the body off.
    const onClosed = (cause: unknown) => settle(requestBodyError("client_closed", cause));
    body.on("data", onData);
    body.on("end", onEnd);
    body.on("error", onClosed);
    body.on("close", onClosed);
    // A stream paused before (by a parser that left it unread) would never flow by a listener alone.
    body.resume();
  });
}

/** How `jsonBodyMiddleware` reads. */
export interface JsonBodyOptions {
  /** The largest body accepted, in bytes (64 KiB by default); a larger one is a 413. */
  limit?: number | undefined;
}

/** The request a connect-style middleware gets: Node's request, which the middleware gives a `body`. */
export type NodeBodyRequest = NodeBodyStream & { headers: HeaderSource; body?: unknown };

/**
 * Connect-style middleware (Express, Nest on Express, connect) for a route that takes a JSON
 * body: `req.body` is the parsed JSON, then `next()`; every failure (not JSON, not UTF-8,
 * content-coded, empty, too large, cut off, broken) is `next(apiError)`. Pass your own `next`
 * to record a failure instead of raising it.
 */
export function jsonBodyMiddleware({ limit = 64 * 1024 }: JsonBodyOptions = {}) {
  return (req: NodeBodyRequest, _res: unknown, next: (error?: unknown) => void): void => {
    readJsonBody(req.headers, req, limit).then((body) => {
      if (body === undefined) return next(requestBodyError("empty_body"));
      req.body = body;
      next();
    }, next);
  };
}

// body-parser's own errors (Express, Nest on Express), by their fixed `type`, never by a status.
const BODY_PARSER: Readonly<Record<string, RequestBodyFailure>> = {
  "entity.parse.failed": "malformed_json",
  "entity.too.large": "too_large",
  "charset.unsupported": "unsupported_charset",
  "encoding.unsupported": "unsupported_content_coding",
  "request.aborted": "client_closed",
};

/** A body-parser error as core's: a named body failure, a 400 for its other client errors; else undefined. */
export function fromBodyParserError(error: unknown): ApiError | undefined {
  try {
    const { type, expose } = (error instanceof Error ? error : {}) as { type?: unknown; expose?: unknown };
    if (typeof type !== "string" || expose !== true) return undefined;
    const failure = Object.hasOwn(BODY_PARSER, type) ? BODY_PARSER[type] : undefined;
    return failure ? requestBodyError(failure, error) : badRequest(undefined, { cause: error });
  } catch {
    return undefined;
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
