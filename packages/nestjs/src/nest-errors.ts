import { type ApiError, notFound } from "@error-contract/core";
import { type ErrorRequest, fromHttpException, malformedPath } from "@error-contract/core/adapter";
import { BadRequestException, HttpException, NotFoundException } from "@nestjs/common";

/**
 * Nest's own exceptions as core's errors: the `HttpException` family with its status, and the
 * router's miss as a plain 404. The platforms' body errors are translated where they are born
 * (see the platforms); anything else is core's to judge.
 */
export function recogniseNestError(thrown: unknown, request: ErrorRequest): ApiError | undefined {
  if (!(thrown instanceof HttpException)) return undefined;
  // Nest's router answers a miss with "Cannot GET /path": a plain 404 that does not echo the URL.
  if (thrown instanceof NotFoundException && thrown.message === `Cannot ${request.method} ${request.path}`) {
    return notFound();
  }
  // Express's router failing to decode a `:param` (Nest makes it a BadRequestException with the
  // router's text, which quotes the path): core's one wording.
  if (thrown instanceof BadRequestException && thrown.message.startsWith("Failed to decode param ")) {
    return malformedPath(thrown);
  }
  return fromHttpException(thrown.getStatus(), { message: messageOf(thrown), cause: thrown });
}

/** `getResponse()` is a string or an object: its `message` (core keeps only text), never the object itself. */
function messageOf(exception: HttpException): unknown {
  const response: unknown = exception.getResponse();
  return typeof response === "string" ? response : (response as { message?: unknown } | null)?.message;
}
