import { ApiError } from "./api-error.js";
import { isErrorStatus } from "./status-codes.js";

export interface HttpExceptionInit {
  /** Shown on 4xx; on 5xx only for logs. */
  message?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
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
    message: init.message || undefined,
    headers: init.headers,
    cause: init.cause,
  });
}
