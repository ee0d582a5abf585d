// The generic code of each status, as core's status table gives it (a test keeps them equal).
// Kept here rather than imported: core's main entry brings zod, and a client bundle must not.
const GENERIC = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  408: "request_timeout",
  409: "conflict",
  410: "gone",
  412: "precondition_failed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  428: "precondition_required",
  429: "too_many_requests",
  431: "request_header_fields_too_large",
  500: "internal_error",
  501: "not_implemented",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
} as const;

/** Every generic code of the contract: one per known status, `client_error` and `server_error`. */
export type GenericCode = (typeof GENERIC)[keyof typeof GENERIC] | "client_error" | "server_error";

/**
 * The generic code of a status (`client_error` / `server_error` for other 4xx / 5xx). A status
 * outside 400–599 (a 3xx that was not followed, a 0 of an opaque answer) is `unexpected_status`.
 */
export function genericCode(status: number): string {
  if (!(status >= 400 && status <= 599)) return "unexpected_status";
  return (
    (GENERIC as Readonly<Record<number, string>>)[status] ?? (status < 500 ? "client_error" : "server_error")
  );
}

/** A readable message made from a code: `bad_gateway` → "Bad gateway". */
export function messageOfCode(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
