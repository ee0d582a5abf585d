import { ApiError, isApiError } from "./api-error.js";

/**
 * Whatever was thrown, as an `ApiError`. Only `ApiError`s (of any copy of core) keep their
 * status; anything else is a 500 that keeps the original as `cause` for the logger.
 * Never throws, not even on a Proxy whose traps throw.
 */
export function toApiError(thrown: unknown): ApiError {
  try {
    if (thrown instanceof ApiError) return thrown;
    if (isApiError(thrown)) {
      // Another copy of core: rebuilt here, so that its fields are checked like ours.
      const { status, code, message, fields, headers } = thrown;
      return new ApiError({ status, code, message, fields, headers, cause: thrown.cause });
    }
  } catch {
    // A hostile value or a malformed imitation: a 500 like any other untrusted value.
  }
  return wrapUntrusted(thrown);
}

// The wrapper's own stack would only point here: the logger shows the cause's.
function wrapUntrusted(thrown: unknown): ApiError {
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new ApiError({ status: 500, cause: thrown });
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
}
