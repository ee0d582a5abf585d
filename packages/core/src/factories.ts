import { ApiError, type ErrorFields } from "./api-error.js";

/** What every factory accepts besides its own arguments. */
export interface ApiErrorOptions {
  code?: string;
  fields?: ErrorFields;
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
}

/** Seconds to wait, or the moment to retry at. */
export type RetryAfter = number | Date;

export interface BearerChallenge {
  /** Shown to the client; defaults to "Authentication required". */
  message?: string;
  realm?: string;
  /** RFC 6750 error code: a token was sent but is not valid (`invalid_token`), and so on. */
  error?: "invalid_request" | "invalid_token" | "insufficient_scope";
  cause?: unknown;
}

export const badRequest = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 400, message, ...options });

/** 401: the client has not said who it is, or its credential is not valid. */
export const unauthenticated = (challenge: BearerChallenge = {}) =>
  new ApiError({
    status: 401,
    message: challenge.message,
    headers: { "WWW-Authenticate": bearerChallenge(challenge) },
    cause: challenge.cause,
  });

/** 403: the client is known but may not do this. */
export const forbidden = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 403, message, ...options });

export const notFound = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 404, message, ...options });

export const methodNotAllowed = (allow: readonly string[], message?: string, options?: ApiErrorOptions) =>
  new ApiError({
    status: 405,
    message,
    ...options,
    headers: { ...options?.headers, Allow: allow.map((method) => method.toUpperCase()).join(", ") },
  });

export const notAcceptable = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 406, message, ...options });

export const conflict = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 409, message, ...options });

export const gone = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 410, message, ...options });

export const preconditionFailed = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 412, message, ...options });

export const payloadTooLarge = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 413, message, ...options });

export const unsupportedMediaType = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 415, message, ...options });

/** 422: well-formed input that breaks a rule; `fields` says which. */
export const validationFailed = (fields?: ErrorFields, message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 422, message, ...options, fields });

export const preconditionRequired = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 428, message, ...options });

export const tooManyRequests = (retryAfter?: RetryAfter, message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 429, message, ...options, headers: withRetryAfter(options?.headers, retryAfter) });

/** 500. The message is for logs only: clients always get the generic one. */
export const internal = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 500, message, ...options });

export const notImplemented = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 501, message, ...options });

export const badGateway = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 502, message, ...options });

export const serviceUnavailable = (retryAfter?: RetryAfter, message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 503, message, ...options, headers: withRetryAfter(options?.headers, retryAfter) });

export const gatewayTimeout = (message?: string, options?: ApiErrorOptions) =>
  new ApiError({ status: 504, message, ...options });

function withRetryAfter(headers: Readonly<Record<string, string>> | undefined, retryAfter?: RetryAfter) {
  let value: string;
  if (retryAfter instanceof Date) value = retryAfter.toUTCString();
  else if (Number.isFinite(retryAfter)) value = String(Math.max(0, Math.ceil(retryAfter as number)));
  else return headers;
  return { ...headers, "Retry-After": value };
}

// RFC 6750 section 3: auth-params are quoted strings.
function bearerChallenge({ realm, error }: BearerChallenge): string {
  const params: string[] = [];
  if (realm !== undefined) params.push(`realm=${quoted(realm)}`);
  if (error !== undefined) params.push(`error=${quoted(error)}`);
  return params.length > 0 ? `Bearer ${params.join(", ")}` : "Bearer";
}

function quoted(value: string): string {
  return `"${value.replace(/[\r\n\0]/g, "").replace(/["\\]/g, "\\$&")}"`;
}
