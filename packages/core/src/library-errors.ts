import { ApiError } from "./api-error.js";
import { unauthenticated } from "./factories.js";
import { fromHttpException } from "./http-exception.js";
import { malformedPath } from "./path-encoding.js";
import { requestBodyError } from "./request-body-errors.js";
import { isErrorStatus } from "./status-codes.js";

/** What a library's error carries that its row reads. */
type LibraryError = Error & {
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  headers?: unknown;
  inner?: unknown;
};

/**
 * One library error, told apart by what the library itself sets (its error class's `name`, its
 * `code`, a marker), never by a bare `status`: what it becomes.
 */
export interface LibraryErrorRow {
  /** The npm package that throws it. */
  readonly library: string;
  /** The error's `name` (its class's); a row without one goes by its `code` alone. */
  readonly name?: string;
  /** Its `code`; a row without one is the class's fallback. */
  readonly code?: string;
  /** A marker the library sets, beside its name and code (express-jwt's `inner`). */
  readonly marked?: (error: LibraryError) => boolean;
  /** The answer: the library's own status where it is an error status, or a fixed one. */
  readonly answer: (error: LibraryError) => ApiError;
}

/** The library's own status (and message, and headers given as a record), where it sets one. */
const ownStatus =
  (headers?: (error: LibraryError) => Record<string, string> | undefined) =>
  (error: LibraryError): ApiError => {
    const status = typeof error.statusCode === "number" ? error.statusCode : error.status;
    return fromHttpException(typeof status === "number" ? status : 500, {
      message: error.message,
      headers: headers?.(error),
      cause: error,
    });
  };

const withStatus =
  (status: number) =>
  (error: LibraryError): ApiError =>
    fromHttpException(status, { message: error.message, cause: error });

/** http-errors' own headers (`createError(401, { headers })`), where they are a record of strings. */
const ownHeaders = ({ headers }: LibraryError): Record<string, string> | undefined => {
  if (typeof headers !== "object" || headers === null) return undefined;
  const entries = Object.entries(headers).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return Object.fromEntries(entries);
};

/** express-oauth2-jwt-bearer's challenge (an older release of it named the header `www-authentication`). */
const oauth2Challenge = ({ headers }: LibraryError): Record<string, string> | undefined => {
  if (typeof headers !== "object" || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if ((lower === "www-authenticate" || lower === "www-authentication") && typeof value === "string") {
      return { "WWW-Authenticate": value };
    }
  }
  return undefined;
};

// A refused credential: the plain challenge when it is missing or malformed, `invalid_token` for a
// token that is not valid (RFC 6750 §3.1). `marked`: what else tells the library's error apart.
const bearerRefusal = (
  library: string,
  name: string,
  code: string,
  error?: "invalid_token",
  marked?: (thrown: LibraryError) => boolean,
): LibraryErrorRow => ({
  library,
  name,
  code,
  ...(marked ? { marked } : {}),
  answer: (thrown) =>
    unauthenticated({ message: thrown.message, cause: thrown, ...(error ? { error } : {}) }),
});

const expressJwt = (code: string, error?: "invalid_token") =>
  bearerRefusal("express-jwt", "UnauthorizedError", code, error, (thrown) => "inner" in thrown);
const fastifyJwt = (code: string, error?: "invalid_token") =>
  bearerRefusal("@fastify/jwt", "FastifyError", code, error);

const multer = (code: string, status: 400 | 413) => ({
  library: "multer",
  name: "MulterError",
  code,
  answer: withStatus(status),
});

const oauth2 = (name: string) => ({
  library: "express-oauth2-jwt-bearer",
  name,
  marked: (thrown: LibraryError) => oauth2Challenge(thrown) !== undefined,
  answer: ownStatus(oauth2Challenge),
});

/**
 * The errors of the libraries a service is made of, as core's errors: every adapter's error path
 * asks this table after the adapter's own recogniser, so the same library error answers alike on
 * every target. A downstream HTTP client's error (axios, fetch) is in no row: a status learnt from
 * another service is not this service's answer.
 */
export const LIBRARY_ERRORS: readonly LibraryErrorRow[] = [
  // Fastify and its plugins (@fastify/error): the router's and body parser's in core's words,
  // every other (jwt, multipart, cors, sensible's, an app's) with its status.
  { library: "fastify", name: "FastifyError", code: "FST_ERR_BAD_URL", answer: malformedPath },
  {
    library: "fastify",
    name: "FastifyError",
    code: "FST_ERR_CTP_BODY_TOO_LARGE",
    answer: (error) => requestBodyError("too_large", error),
  },
  {
    library: "fastify",
    name: "FastifyError",
    code: "FST_ERR_CTP_EMPTY_JSON_BODY",
    answer: (error) => requestBodyError("empty_body", error),
  },
  // @fastify/jwt: a refused credential gets its challenge (a malformed header stays its 400).
  fastifyJwt("FST_JWT_NO_AUTHORIZATION_IN_HEADER"),
  fastifyJwt("FST_JWT_NO_AUTHORIZATION_IN_COOKIE"),
  fastifyJwt("FST_JWT_AUTHORIZATION_TOKEN_INVALID", "invalid_token"),
  fastifyJwt("FST_JWT_AUTHORIZATION_TOKEN_EXPIRED", "invalid_token"),
  fastifyJwt("FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED", "invalid_token"),
  fastifyJwt("FAST_JWT_MISSING_SIGNATURE", "invalid_token"),
  // @fastify/multipart answers a body that is not multipart with 406: its media type is what is
  // refused (415), and a field that is not the JSON it declares is a malformed request (400).
  {
    library: "@fastify/multipart",
    name: "FastifyError",
    code: "FST_INVALID_MULTIPART_CONTENT_TYPE",
    answer: withStatus(415),
  },
  {
    library: "@fastify/multipart",
    name: "FastifyError",
    code: "FST_INVALID_JSON_FIELD_ERROR",
    answer: withStatus(400),
  },
  { library: "fastify", name: "FastifyError", answer: ownStatus() },
  // @fastify/rate-limit's default refusal: a plain Error told apart by the library's own message.
  {
    library: "@fastify/rate-limit",
    name: "Error",
    marked: ({ message, statusCode }) =>
      message.startsWith("Rate limit exceeded, retry in ") && (statusCode === 429 || statusCode === 403),
    answer: ownStatus(),
  },
  // Fastify's schema validation error: its code on whatever error the schema's formatter made.
  { library: "fastify", code: "FST_ERR_VALIDATION", answer: ownStatus() },
  expressJwt("credentials_required"),
  expressJwt("credentials_bad_scheme"),
  expressJwt("credentials_bad_format"),
  expressJwt("invalid_token", "invalid_token"),
  expressJwt("revoked_token", "invalid_token"),
  oauth2("UnauthorizedError"),
  oauth2("InvalidRequestError"),
  oauth2("InvalidTokenError"),
  oauth2("InsufficientScopeError"),
  // passport's `failWithError`: the strategy's challenge status, 401 by default.
  { library: "passport", name: "AuthenticationError", answer: ownStatus() },
  multer("LIMIT_FILE_SIZE", 413),
  multer("LIMIT_FILE_COUNT", 413),
  multer("LIMIT_PART_COUNT", 413),
  multer("LIMIT_FIELD_KEY", 413),
  multer("LIMIT_FIELD_VALUE", 413),
  multer("LIMIT_FIELD_COUNT", 413),
  multer("LIMIT_UNEXPECTED_FILE", 400),
  multer("MISSING_FIELD_NAME", 400),
];

// Looked up by name and code, by code alone, then by name alone: no scan of the table per error.
const keyOf = (name: string | undefined, code: string | undefined) => `${name ?? ""}\u0000${code ?? ""}`;
const byKey = new Map<string, LibraryErrorRow[]>();
for (const row of LIBRARY_ERRORS) {
  const key = keyOf(row.name, row.code);
  byKey.set(key, [...(byKey.get(key) ?? []), row]);
}

/**
 * http-errors (Express's own, @fastify/sensible's `httpErrors`, `createError(404)`) is a family of
 * classes, one per status, each made from its abstract class `HttpError`: told apart by that class
 * in the error's prototype chain and its marker `expose`, with `status` equal to `statusCode`. An
 * `Error` given those properties by hand is not one.
 */
function isHttpErrorsError(error: LibraryError): boolean {
  if (typeof error.expose !== "boolean" || error.status !== error.statusCode) return false;
  let prototype: unknown = Object.getPrototypeOf(error);
  for (let depth = 0; depth < 4 && prototype !== null && prototype !== Error.prototype; depth++) {
    if ((prototype as { constructor?: { name?: unknown } }).constructor?.name === "HttpError") return true;
    prototype = Object.getPrototypeOf(prototype);
  }
  return false;
}

/** What a library threw, as core's error by `LIBRARY_ERRORS`; `undefined` for anything else. Never throws. */
export function recogniseLibraryError(thrown: unknown): ApiError | undefined {
  if (!(thrown instanceof Error) || thrown instanceof ApiError) return undefined;
  const error = thrown as LibraryError;
  const { name, code } = error;
  const rows = [
    ...(typeof code === "string" ? [keyOf(name, code), keyOf(undefined, code)] : []),
    keyOf(name, undefined),
  ].flatMap((key) => byKey.get(key) ?? []);
  const row = rows.find((candidate) => candidate.marked?.(error) ?? true);
  if (row !== undefined) return row.answer(error);
  if (isHttpErrorsError(error) && isErrorStatus(error.statusCode)) return ownStatus(ownHeaders)(error);
  return undefined;
}
