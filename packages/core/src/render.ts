import { ApiError } from "./api-error.js";
import { type AnyErrorCatalog, isDeclaredCode } from "./define-errors.js";
import { type ErrorFormat, negotiateErrorFormat } from "./negotiate.js";
import { codeForStatus, type ErrorStatus, genericMessage, reasonPhrase } from "./status-codes.js";
import { generateTraceId, isValidTraceId } from "./trace-id.js";

export interface RenderOptions {
  /** The request's trace id (from `resolveTraceId`); put in the body and `X-Request-Id`. */
  traceId: string;
  /** The request's `Accept` header, read when `format` is `negotiate`. */
  accept?: string | null | undefined;
  /** `json` (default), `problem+json`, or `negotiate` by the request's `Accept`. */
  format?: ErrorFormat | "negotiate" | undefined;
  /** The application's codes: a code it does not bind to the status is answered with the generic code. */
  catalog?: AnyErrorCatalog | undefined;
}

export interface RenderedError {
  status: ErrorStatus;
  headers: Record<string, string>;
  /** The serialized body; a HEAD response leaves it out. */
  body: string;
  /** The code the body carries (`publicCode`): what a report names. */
  code: string;
}

const CONTENT_TYPES: Record<ErrorFormat, string> = {
  json: "application/json",
  "problem+json": "application/problem+json",
};

// Core's own headers: an error's headers never replace them.
const RESERVED_HEADERS = new Set(["content-type", "content-length", "cache-control", "x-request-id", "vary"]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]{0,8192}$/;

/**
 * The response for an error (`toApiError`'s, or core's own): status, headers and serialized body,
 * in the default or the RFC 9457 rendering. 5xx always carry the generic message. Never throws.
 */
export function renderError(apiError: ApiError, options: RenderOptions): RenderedError {
  const traceId = safeTraceId(options);
  try {
    // Callers hand over `toApiError`'s result; anything else is not trusted with a status.
    if (!(apiError instanceof ApiError)) return fallbackResponse(traceId);
    const format =
      options.format === "negotiate" ? negotiateErrorFormat(options.accept) : (options.format ?? "json");
    const { status } = apiError;
    const code = publicCode(apiError, options.catalog);
    // A 5xx shows nothing of its own: no message, no fields.
    const message = status >= 500 ? genericMessage(status) : apiError.message;
    const fields = status >= 500 ? undefined : apiError.fields;
    const body = bodyText(format, status, code, message, fields, traceId);
    const headers: Record<string, string> = {
      "Content-Type": CONTENT_TYPES[format],
      "Cache-Control": "no-store",
      "X-Request-Id": traceId,
    };
    if (options.format === "negotiate") headers.Vary = "Accept";
    // `for…in`, not `Object.entries`: no array per error, nothing at all for a header-less one.
    const own = apiError.headers;
    for (const name in own) {
      if (!Object.hasOwn(own, name)) continue;
      const value = own[name];
      if (isAllowedHeader(name, value)) headers[name] = value;
    }
    return { status, headers, body, code };
  } catch {
    return fallbackResponse(traceId);
  }
}

function bodyText(
  format: ErrorFormat,
  status: ErrorStatus,
  code: string,
  message: string,
  fields: ApiError["fields"],
  traceId: string,
): string {
  if (status >= 500) return `${fixedBodyStart(format, status, code)}${traceId}"}`;
  if (format === "problem+json") {
    const title = reasonPhrase(status);
    return JSON.stringify({
      type: "about:blank",
      title,
      status,
      detail: message,
      error: code,
      fields,
      traceId,
    });
  }
  // The common 4xx without fields: JSON.stringify's own text for `{ error, message, traceId }`,
  // without an object to build and walk (the trace id is valid, so it needs no escaping).
  if (fields === undefined && typeof code === "string" && typeof message === "string") {
    return `{"error":${JSON.stringify(code)},"message":${JSON.stringify(message)},"traceId":"${traceId}"}`;
  }
  return JSON.stringify({ error: code, message, fields, traceId });
}

/** The code a client sees: clients only ever see declared codes, drift gets the status's generic code. */
export function publicCode(error: ApiError, catalog: AnyErrorCatalog | undefined): string {
  return isDeclaredCode(catalog, error.code, error.status) ? error.code : codeForStatus(error.status);
}

// A 5xx body depends only on its format, status and code, and the trace id: its text up to the
// trace id is serialized once per (format, status, code). The trace id needs no escaping (it is
// valid: letters, digits and `._~:-`). Looked up by status, then code (no key string built per
// error); bounded like the negotiation cache, dropped whole when full.
const FIXED_BODY_ENTRIES = 64;
const fixedBodies: Record<ErrorFormat, Map<ErrorStatus, Map<string, string>>> = {
  json: new Map(),
  "problem+json": new Map(),
};
let fixedBodyCount = 0;

function fixedBodyStart(format: ErrorFormat, status: ErrorStatus, code: string): string {
  const byCode = fixedBodies[format].get(status);
  const known = byCode?.get(code);
  if (known !== undefined) return known;
  const message = genericMessage(status);
  const empty =
    format === "problem+json"
      ? {
          type: "about:blank",
          title: reasonPhrase(status),
          status,
          detail: message,
          error: code,
          traceId: "",
        }
      : { error: code, message, traceId: "" };
  // `…"traceId":""}` without its last two characters: the body up to the trace id.
  const start = JSON.stringify(empty).slice(0, -2);
  if (fixedBodyCount >= FIXED_BODY_ENTRIES) {
    fixedBodies.json.clear();
    fixedBodies["problem+json"].clear();
    fixedBodyCount = 0;
  }
  const codes = fixedBodies[format].get(status) ?? new Map<string, string>();
  codes.set(code, start);
  fixedBodies[format].set(status, codes);
  fixedBodyCount += 1;
  return start;
}

function safeTraceId(options: RenderOptions): string {
  try {
    return isValidTraceId(options.traceId) ? options.traceId : generateTraceId();
  } catch {
    return generateTraceId();
  }
}

// A header that would break the response (CR/LF, a bad name) or replace core's own is left out.
function isAllowedHeader(name: string, value: unknown): value is string {
  return (
    typeof value === "string" &&
    HEADER_NAME.test(name) &&
    HEADER_VALUE.test(value) &&
    !RESERVED_HEADERS.has(name.toLowerCase())
  );
}

/** The answer when rendering itself failed: a fixed 500 that needs nothing from the error. */
function fallbackResponse(traceId: string): RenderedError {
  return {
    status: 500,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Request-Id": traceId },
    body: `{"error":"internal_error","message":"Internal server error","traceId":"${traceId}"}`,
    code: "internal_error",
  };
}
