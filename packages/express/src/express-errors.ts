import type { ApiError } from "@error-contract/core";
import { type ErrorRequest, fromHttpException, malformedPath } from "@error-contract/core/adapter";
import createHttpError from "http-errors";

/**
 * What Express and its router throw, as core's errors: an `http-errors` error (Express's own
 * exception, also what `createError(404)` gives an app) with its status and headers, and the
 * router's failure to decode a percent-encoded path parameter. Anything else is left to core.
 */
export function recogniseExpressError(thrown: unknown, _request: ErrorRequest): ApiError | undefined {
  if (createHttpError.isHttpError(thrown)) {
    return fromHttpException(thrown.status, {
      message: thrown.message,
      headers: thrown.headers,
      cause: thrown,
    });
  }
  // The router's decodeURIComponent of a `:param`: it marks the URIError it rethrows.
  if (thrown instanceof URIError && "status" in thrown) {
    return malformedPath(thrown);
  }
  return undefined;
}
