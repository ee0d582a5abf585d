import type { ApiError } from "./api-error.js";
import { badRequest } from "./factories.js";
import { jsonRequestFailure, parseJsonBody } from "./json-request.js";
import { type RequestBodyFailure, requestBodyError } from "./request-body-errors.js";
import type { HeaderSource } from "./trace-id.js";

/**
 * Reads a JSON request body from a Node-style stream (Fastify's content-type parser payload,
 * Node's `IncomingMessage`) up to `limit` bytes, every failure named where it is born: refused by
 * its headers (coding, charset, a declared length over the limit), over the limit while it
 * streams, cut off by the client, or broken. An empty body is `undefined`. Rejects with core's `ApiError`.
 */
export async function readJsonBody(
  headers: HeaderSource,
  body: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<unknown> {
  const refused = jsonRequestFailure(headers, limit);
  if (refused !== undefined && refused !== "empty_body") throw requestBodyError(refused);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limit) throw requestBodyError("too_large");
      chunks.push(chunk);
    }
  } catch (error) {
    throw size > limit ? error : requestBodyError("client_closed", error);
  }
  // No body at all: `undefined`, for a route to ignore or (taking JSON) to call `empty_body`.
  return size === 0 ? undefined : parseJsonBody(concat(chunks, size));
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
