import { ApiError } from "./api-error.js";
import { isErrorStatus } from "./status-codes.js";

export interface HttpExceptionInit {
  /**
   * The framework's message, shown on 4xx (on 5xx only for logs): a string, or a list of strings
   * (Nest's validation messages), joined with "; ". Anything else gives the status's generic message.
   */
  message?: unknown;
  /** Headers the exception carries (`WWW-Authenticate`, `Retry-After`): a record or a `Headers`. */
  headers?: Readonly<Record<string, string>> | Headers | undefined;
  cause?: unknown;
}

/**
 * A framework's own HTTP exception (Hono's `HTTPException`, Nest's `HttpException`) as an
 * `ApiError`: its status is kept when it is an error status (400-599); anything else is not an
 * error answer and becomes a 500.
 */
export function fromHttpException(status: number, init: HttpExceptionInit = {}): ApiError {
  if (!isErrorStatus(status)) return new ApiError({ status: 500, cause: init.cause });
  return new ApiError({
    status,
    message: textOf(init.message) || undefined,
    headers: init.headers instanceof Headers ? Object.fromEntries(init.headers) : init.headers,
    cause: init.cause,
  });
}

// Only text reaches the body: an object the framework was given is never rendered.
function textOf(message: unknown): string | undefined {
  if (typeof message === "string") return message;
  if (Array.isArray(message) && message.every((part) => typeof part === "string")) return message.join("; ");
  return undefined;
}
