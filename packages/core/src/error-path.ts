import { type ApiError, isApiError } from "./api-error.js";
import type { AnyErrorCatalog } from "./define-errors.js";
import { type EarlierHeaders, hasHeader, keepEarlierHeaders } from "./earlier-headers.js";
import { formatErrorJson, jsonLogReport } from "./json-log.js";
import { recogniseLibraryError } from "./library-errors.js";
import { describeThrown } from "./log-line.js";
import type { ErrorFormat } from "./negotiate.js";
import { recordOnActiveSpan } from "./opentelemetry.js";
import { publicCode, renderError } from "./render.js";
import { type ReportHook, reportFailure, withoutQuery } from "./report.js";
import { requestBodyError } from "./request-body-errors.js";
import { type HeaderSource, readHeader } from "./request-headers.js";
import type { ErrorStatus } from "./status-codes.js";
import { toApiError } from "./to-api-error.js";
import { isValidTraceId, resolveTraceId } from "./trace-id.js";

/** The options an application gives any adapter. */
export interface ContractOptions {
  /** `json` (default), `problem+json`, or `negotiate` by the request's `Accept`. */
  format?: ErrorFormat | "negotiate" | undefined;
  /** Your `defineErrors` catalog: a code it does not declare is answered with the generic code. */
  catalog?: AnyErrorCatalog | undefined;
  /** Where 5xx go; defaults to one JSON line on `console.error` (`jsonLogReport()`). */
  report?: ReportHook | undefined;
  /**
   * Your own recogniser, asked before the adapter's and core's table of library errors: what a
   * library the toolkit does not know throws, as an `ApiError` (`undefined` for anything else).
   */
  recognise?: ((thrown: unknown) => ApiError | undefined) | undefined;
}

/** What an adapter knows about the request whose handling failed. */
export interface ErrorRequest {
  method: string;
  /** The path as received; a query string is dropped before it is reported. */
  path: string;
  /** The request headers (`traceparent`, `X-Request-Id`, `Accept`): `Headers` or Node's object. */
  headers?: HeaderSource | null | undefined;
  /** The `Accept` header, when `headers` is not given (or cheaper to read apart). */
  accept?: string | null | undefined;
  /** The trace id resolved earlier for this request (`resolveTraceId`); resolved here otherwise. */
  traceId?: string | undefined;
  /** The headers already set on the response that failed: core keeps what reference API 1.2 keeps (`keepEarlierHeaders`). */
  earlierHeaders?: EarlierHeaders | null | undefined;
  /** The client closed the request before its body was read (a function: read only if needed). */
  aborted?: boolean | (() => boolean) | undefined;
  /** 2 on HTTP/2, which has no `Connection` header. */
  httpVersionMajor?: number | undefined;
}

/**
 * The adapter's own knowledge: its framework's exceptions and its platform's parser and router
 * errors as core's errors (`undefined` for anything else). Tried after an `ApiError`, a request
 * the client closed and the application's own recogniser, before core's table of library errors.
 */
export type Recogniser<R extends ErrorRequest = ErrorRequest> = (
  thrown: unknown,
  request: R,
) => ApiError | undefined;

/** The whole answer: write `status`, exactly these `headers`, and `body` (none for HEAD). */
export interface ErrorAnswer {
  status: ErrorStatus;
  headers: Record<string, string>;
  body: string;
  /** The recognised error (what was thrown is its `cause`), for the adapter's own records. */
  error: ApiError;
  traceId: string;
}

export interface ErrorPath<R extends ErrorRequest = ErrorRequest> {
  /** The answer to anything thrown: recognised, reported once if a 5xx, rendered. Never throws. */
  answer(thrown: unknown, request: R): ErrorAnswer;
  /**
   * A failure after the response went out (headers sent, a stream broke): no answer is possible,
   * so it is only recognised and reported once if a 5xx. Never throws.
   */
  abandon(thrown: unknown, request: R): ApiError;
  /** The trace id of a request, for middlewares and success responses (`X-Request-Id`). */
  resolveTraceId(headers: HeaderSource | null | undefined): string;
}

// JSON lines by default: they need no logger and no Node API, and every log pipeline reads them as fields.
const defaultReport: ReportHook = jsonLogReport();

/**
 * The one error path every adapter calls, made once from the application's options and the
 * adapter's recogniser: `path.answer(thrown, { method, path, headers, earlierHeaders })`.
 */
export function createErrorPath<R extends ErrorRequest = ErrorRequest>(
  options: ContractOptions = {},
  recognise?: Recogniser<R>,
): ErrorPath<R> {
  const { format, catalog, report = defaultReport, recognise: appRecognise } = options;

  const toError = (thrown: unknown, request: R): ApiError => {
    // The application's own answer first: it is what it is, whatever the request.
    if (isApiError(thrown)) return toApiError(thrown);
    try {
      // The client went away mid-request: whatever broke then is its failure, and nobody reads the answer.
      if (isAborted(request)) return requestBodyError("client_closed", thrown);
      const own = appRecognise?.(thrown) ?? recognise?.(thrown, request) ?? recogniseLibraryError(thrown);
      if (own !== undefined && isApiError(own)) return toApiError(own);
    } catch {
      // A recogniser (or a getter of the thrown value) that throws: the value is not trusted.
    }
    return toApiError(thrown);
  };

  const traceIdOf = (request: R): string =>
    isValidTraceId(request.traceId) ? request.traceId : resolveTraceId(request.headers);

  const report5xx = (error: ApiError, request: R, traceId: string, code: string): void => {
    if (error.status < 500) return; // no context to build for a 4xx
    const method = String(request.method ?? "");
    const path = withoutQuery(String(request.path ?? ""));
    reportFailure(report, error, { traceId, method, path, status: error.status, code });
  };

  return {
    answer(thrown, request) {
      let traceId = "";
      try {
        traceId = traceIdOf(request);
        const error = toError(thrown, request);
        const accept =
          format === "negotiate" ? (request.accept ?? readHeader(request.headers, "accept")) : undefined;
        const rendered = renderError(error, { traceId, format, catalog, accept });
        report5xx(error, request, traceId, rendered.code);
        recordOnActiveSpan(error, rendered.code, true);
        const headers = keepEarlierHeaders(rendered.headers, request.earlierHeaders);
        // A 401 always carries a challenge (RFC 9110 §15.5.2): Bearer where neither the error nor
        // an authentication layer before it set one (Nest's UnauthorizedException, a plain 401).
        if (rendered.status === 401 && !hasHeader(headers, "www-authenticate"))
          headers["WWW-Authenticate"] = "Bearer";
        if (request.httpVersionMajor === 2) delete headers.Connection;
        return { status: rendered.status, headers, body: rendered.body, error, traceId };
      } catch (failure) {
        return lastResort(failure, thrown, traceId);
      }
    },
    abandon(thrown, request) {
      try {
        const error = toError(thrown, request);
        const code = publicCode(error, catalog);
        report5xx(error, request, traceIdOf(request), code);
        recordOnActiveSpan(error, code, false);
        return error;
      } catch {
        return toApiError(thrown);
      }
    },
    resolveTraceId,
  };

  // Only reached if core itself has a bug: a fixed 500, and one line that says so.
  function lastResort(failure: unknown, thrown: unknown, traceId: string): ErrorAnswer {
    const error = toApiError(
      new Error(`error-contract: the error path failed: ${describeThrown(failure)}`, { cause: thrown }),
    );
    const rendered = renderError(error, { traceId });
    try {
      const context = { traceId: rendered.headers["X-Request-Id"] ?? traceId, method: "", path: "" };
      console.error(formatErrorJson(error, { ...context, status: error.status, code: error.code }));
    } catch {
      // Nowhere left to write.
    }
    return { ...rendered, error, traceId: rendered.headers["X-Request-Id"] ?? traceId };
  }
}

function isAborted(request: ErrorRequest): boolean {
  const { aborted } = request;
  return typeof aborted === "function" ? aborted() === true : aborted === true;
}
