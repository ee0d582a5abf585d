import type { ApiError } from "./api-error.js";
import { fromHttpException } from "./http-exception.js";
import { malformedPath } from "./path-encoding.js";
import { requestBodyError } from "./request-body-errors.js";

/**
 * The errors of @fastify/error (Fastify's own and its plugins') that core names in its own words,
 * by their `code`: the router's text quotes the path back, the body parser's is Fastify's.
 */
const FASTIFY_NAMED: Readonly<Record<string, (cause: unknown) => ApiError>> = {
  FST_ERR_BAD_URL: malformedPath,
  FST_ERR_CTP_BODY_TOO_LARGE: (cause) => requestBodyError("too_large", cause),
  FST_ERR_CTP_EMPTY_JSON_BODY: (cause) => requestBodyError("empty_body", cause),
};

type LibraryErrorLike = Error & { code?: unknown; statusCode?: unknown };

/**
 * What libraries throw, as core's errors, told apart by what the library itself sets (its error
 * class's name, its `code`), never by a bare `status`: @fastify/error's errors (named
 * `FastifyError`) and Fastify's schema validation error (`FST_ERR_VALIDATION`) keep their status;
 * anything else is `undefined`. Every adapter's error path asks it after the adapter's own recogniser.
 */
export function recogniseLibraryError(thrown: unknown): ApiError | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const { name, code, statusCode, message } = thrown as LibraryErrorLike;
  if (typeof code !== "string") return undefined;
  const named = Object.hasOwn(FASTIFY_NAMED, code) ? FASTIFY_NAMED[code] : undefined;
  if (named !== undefined) return named(thrown);
  if ((name === "FastifyError" || code === "FST_ERR_VALIDATION") && typeof statusCode === "number") {
    return fromHttpException(statusCode, { message, cause: thrown });
  }
  return undefined;
}
