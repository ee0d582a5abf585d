import type { ApiError } from "@error-contract/core";
import { type ErrorRequest, fromHttpException, requestBodyError } from "@error-contract/core/adapter";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

/** The request facts core's error path gets, with Hono's context for the recogniser (none outside the app). */
export type HonoRequest = ErrorRequest & { c?: Context | undefined };

/**
 * What Hono and its request parsing throw, as core's errors: `HTTPException` with its status and
 * its response's headers, and a `SyntaxError` from parsing the request body. Anything else is
 * left to core.
 */
export function recogniseHonoError(thrown: unknown, { c }: HonoRequest): ApiError | undefined {
  if (thrown instanceof HTTPException) {
    return fromHttpException(thrown.status, {
      message: thrown.message,
      headers: thrown.res?.headers,
      cause: thrown,
    });
  }
  // Only when the handler read the body: a SyntaxError from the server's own data stays a 500.
  if (thrown instanceof SyntaxError && c !== undefined && Object.keys(c.req.bodyCache).length > 0) {
    return requestBodyError("malformed_json", thrown);
  }
  return undefined;
}
