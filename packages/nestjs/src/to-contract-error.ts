import { type ApiError, isApiError, notFound } from "@error-contract/core";
import { fromHttpException, toApiError } from "@error-contract/core/adapter";
import { HttpException, NotFoundException } from "@nestjs/common";
import { clientClosed, fromPlatformError } from "./platform-errors.js";

export interface RequestLine {
  method: string;
  url: string;
  /** The client closed the connection before the request was read to its end. */
  aborted?: boolean;
}

/**
 * Anything thrown in a Nest app as the contract's error: core's own errors as they are, Nest's
 * `HttpException` family with its status, the platforms' body errors, router misses as 404,
 * and everything else (plain objects with a `statusCode` included) as a 500. Never throws.
 */
export function toContractError(thrown: unknown, request: RequestLine): ApiError {
  try {
    if (isApiError(thrown)) return toApiError(thrown);
    if (request.aborted === true) return clientClosed(thrown);
    if (thrown instanceof HttpException) {
      // Nest's router answers a miss with "Cannot GET /path": a plain 404 that does not echo the URL.
      if (
        thrown instanceof NotFoundException &&
        thrown.message === `Cannot ${request.method} ${request.url}`
      ) {
        return notFound();
      }
      return fromHttpException(thrown.getStatus(), { message: messageOf(thrown), cause: thrown });
    }
    return fromPlatformError(thrown) ?? toApiError(thrown);
  } catch {
    // A getter or getResponse() that throws: the thrown value is not to be trusted.
    return toApiError(thrown);
  }
}

/** `getResponse()` is a string or an object; only its `message` text is used, never the object itself. */
function messageOf(exception: HttpException): string | undefined {
  const response: unknown = exception.getResponse();
  if (typeof response === "string") return response;
  const message = (response as { message?: unknown } | null)?.message;
  if (typeof message === "string") return message;
  if (Array.isArray(message) && message.every((part) => typeof part === "string")) return message.join("; ");
  return undefined;
}
