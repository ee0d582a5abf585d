import type { ApiError } from "./api-error.js";
import { serializeError } from "./serialize-error.js";

// OpenTelemetry without importing it. `@opentelemetry/api` (1.x) keeps everything it registers
// on globalThis under this key, so that every copy of the API in one process shares it; the
// context manager a tracer provider registers there holds the active context, and the active
// span sits in it under the span key (also a `Symbol.for`, for the same reason). Reading those
// two is what `trace.getActiveSpan()` itself does, with no import: core loads on any runtime
// and whether or not the API is installed, and an app passes nothing.
const API_KEY = Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");
const VALID_TRACE_ID = /^(?!0{32})[0-9a-f]{32}$/;
const SPAN_STATUS_ERROR = 2; // SpanStatusCode.ERROR

/** The part of an OpenTelemetry `Span` the error path uses. */
interface ActiveSpan {
  spanContext(): { traceId: string };
  setAttribute(key: string, value: string | number): unknown;
  recordException(exception: { name: string; message: string; stack?: string | undefined }): unknown;
  setStatus(status: { code: number }): unknown;
}

interface OpenTelemetryGlobal {
  context?: { active?: () => { getValue?: (key: symbol) => unknown } | undefined } | undefined;
}

/** The span active right now (an HTTP server span, with instrumentation), if any. Never throws. */
export function activeSpan(): ActiveSpan | undefined {
  try {
    const api = (globalThis as Record<symbol, OpenTelemetryGlobal | undefined>)[API_KEY];
    if (api === undefined) return undefined;
    const span = api.context?.active?.()?.getValue?.(SPAN_KEY) as ActiveSpan | undefined;
    return typeof span?.spanContext === "function" ? span : undefined;
  } catch {
    return undefined;
  }
}

/** The trace id of the active span, when there is one with a valid id. Never throws. */
export function activeTraceId(): string | undefined {
  try {
    const traceId = activeSpan()?.spanContext().traceId;
    return typeof traceId === "string" && VALID_TRACE_ID.test(traceId) ? traceId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Marks the active span with a failed request's error, after OpenTelemetry's HTTP server
 * conventions: the contract code as `error.type`, the status as `http.response.status_code`
 * when it is the answer (`answered`; not when the response was already under way). A 5xx also
 * records the real error (what was thrown, redacted like the log's `err`) as an exception and
 * sets the span status to ERROR; a 4xx is the client's failure and leaves the status alone.
 * Never throws.
 */
export function recordOnActiveSpan(error: ApiError, code: string, answered: boolean): void {
  try {
    const span = activeSpan();
    if (span === undefined) return;
    span.setAttribute("error.type", code);
    if (answered) span.setAttribute("http.response.status_code", error.status);
    if (error.status >= 500) {
      // A 500 made of an untrusted value only wraps it: what was thrown is the exception.
      const real = serializeError(error.cause !== undefined ? error.cause : error);
      span.recordException({ name: real.type, message: real.message, stack: real.stack });
      span.setStatus({ code: SPAN_STATUS_ERROR });
    }
  } catch {
    // A broken tracer must not break the answer.
  }
}
