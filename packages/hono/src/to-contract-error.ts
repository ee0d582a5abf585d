import { type ApiError, badRequest, isApiError } from "@error-contract/core";
import { fromHttpException, toApiError } from "@error-contract/core/adapter";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { connectionClose } from "./node-incoming.js";

/**
 * What Hono and its request parsing throw, as core errors: `HTTPException` keeps its status
 * (when it is an error status) and its response's headers, a `SyntaxError` from parsing the
 * request body is the client's 400; anything else goes to core's `toApiError`.
 */
export function toContractError(thrown: unknown, c: Context): ApiError {
  // The application's own answer, as it is (and first: reading the signal below builds the
  // whole Request on node-server).
  if (isApiError(thrown)) return toApiError(thrown);
  if (thrown instanceof HTTPException) {
    return fromHttpException(thrown.status, {
      message: thrown.message,
      headers: thrown.res ? Object.fromEntries(thrown.res.headers) : undefined,
      cause: thrown,
    });
  }
  // The client went away mid-request (an aborted upload): its failure, not the server's; nobody
  // is left to read the answer, and the connection is done.
  if (c.req.raw.signal?.aborted) {
    return badRequest("The client closed the request", { cause: thrown, headers: connectionClose(c) });
  }
  // Only when the handler read the body: a SyntaxError from the server's own data stays a 500.
  if (thrown instanceof SyntaxError && Object.keys(c.req.bodyCache).length > 0) {
    return badRequest("Malformed JSON in request body", { cause: thrown });
  }
  return toApiError(thrown);
}
