import { isJsonContentType } from "./media-type.js";
import { type RequestBodyFailure, requestBodyError } from "./request-body-errors.js";
import { type HeaderSource, readHeader } from "./request-headers.js";

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/**
 * What is wrong, by its headers alone, with a request sent to a route that takes a JSON body,
 * before the body is read: a content coding (RFC 9110 section 15.5.16), a type that is not JSON, a
 * charset other than UTF-8 (RFC 8259), a `Content-Length` of 0 or over `limit`. `undefined` when it
 * may be read.
 */
export function jsonRequestFailure(
  headers: HeaderSource | null | undefined,
  limit = Number.POSITIVE_INFINITY,
): RequestBodyFailure | undefined {
  const coding = readHeader(headers, "content-encoding")?.trim().toLowerCase();
  if (coding !== undefined && coding !== "" && coding !== "identity") return "unsupported_content_coding";
  const type = readHeader(headers, "content-type");
  if (!isJsonContentType(type)) return "unsupported_media_type";
  const charset = CHARSET.exec(type as string)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== "utf-8") return "unsupported_charset";
  // A body declared empty (one that turns out empty when read is named the same by its reader),
  // or declared over the limit: refused before it is read.
  const length = readHeader(headers, "content-length")?.trim();
  if (length === "0") return "empty_body";
  return length !== undefined && Number(length) > limit ? "too_large" : undefined;
}

// JSON is UTF-8 (RFC 8259 section 8.1): bytes that are not are no JSON text, never U+FFFD.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A request body as JSON, from its bytes (decoded as strict UTF-8) or its text: `empty_body` for
 * nothing at all, `malformed_json` for bytes that are not UTF-8 or text that is not JSON.
 */
export function parseJsonBody(body: string | Uint8Array): unknown {
  if (body.length === 0) throw requestBodyError("empty_body");
  try {
    return JSON.parse(typeof body === "string" ? body : utf8.decode(body));
  } catch (thrown) {
    throw requestBodyError("malformed_json", thrown);
  }
}
