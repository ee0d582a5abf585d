import type { ApiError } from "@error-contract/core";
import { type ErrorRequest, malformedPath } from "@error-contract/core/adapter";

/**
 * What Express's router throws, as core's error: its failure to decode a percent-encoded path
 * parameter. Anything else is left to core (Express's own `http-errors` are in core's table of
 * library errors).
 */
export function recogniseExpressError(thrown: unknown, _request: ErrorRequest): ApiError | undefined {
  // The router's decodeURIComponent of a `:param`: it marks the URIError it rethrows.
  if (thrown instanceof URIError && "status" in thrown) {
    return malformedPath(thrown);
  }
  return undefined;
}
