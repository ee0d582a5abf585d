import { ApiError } from "./api-error.js";
import type { ErrorStatus } from "./status-codes.js";

/** One named way a request body can fail: its status, its one wording, its headers. */
export interface RequestBodyErrorEntry {
  readonly status: ErrorStatus;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

// The body was not read to its end: the connection cannot carry another request.
const CLOSE = Object.freeze({ Connection: "close" });

/**
 * Every failure of a request body, one row each (like fastify's `lib/errors.js`): every
 * adapter maps its platform's parser errors onto these, so each reads the same everywhere.
 */
const TABLE = {
  malformed_json: { status: 400, message: "The request body is not valid JSON" },
  empty_body: { status: 400, message: "The request body is empty" },
  unsupported_media_type: {
    status: 415,
    message: "The request body must be JSON (application/json or application/*+json)",
  },
  unsupported_charset: { status: 415, message: "The request body must be UTF-8" },
  // RFC 9110 section 15.5.16: a 415 for a content coding names the codings accepted.
  unsupported_content_coding: {
    status: 415,
    message: "The request body must not be content-coded",
    headers: Object.freeze({ "Accept-Encoding": "identity" }),
  },
  too_large: { status: 413, message: "The request body is too large", headers: CLOSE },
  client_closed: { status: 400, message: "The client closed the request", headers: CLOSE },
} satisfies Record<string, RequestBodyErrorEntry>;

/** The name of a request-body failure: `malformed_json`, `too_large`, ... */
export type RequestBodyFailure = keyof typeof TABLE;

export const REQUEST_BODY_ERRORS: Readonly<Record<RequestBodyFailure, RequestBodyErrorEntry>> =
  Object.freeze(TABLE);

/** The contract's error for a failed request body; `cause` (the parser's error) is for logs only. */
export function requestBodyError(failure: RequestBodyFailure, cause?: unknown): ApiError {
  const entry = REQUEST_BODY_ERRORS[failure];
  return new ApiError({ status: entry.status, message: entry.message, headers: entry.headers, cause });
}
