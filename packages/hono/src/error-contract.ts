import {
  type AnyErrorCatalog,
  type ApiError,
  notFound as notFoundError,
  payloadTooLarge,
  renderError,
  resolveTraceId,
} from "@error-contract/core";
import { type ErrorFormat, formatErrorLog } from "@error-contract/core/adapter";
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { connectionClose, requestHeader, requestHeaders } from "./node-incoming.js";
import { abortStream, type StreamErrorHandler } from "./stream-error.js";
import { toContractError } from "./to-contract-error.js";

const BODILESS_METHODS = new Set(["GET", "HEAD"]);

/** The context variables the middleware sets: `c.var.traceId`. */
export type ContractEnv = { Variables: { traceId: string } };

/** Called once for every 5xx, with the error (what was thrown is its `cause`). */
export type ReportHook = (error: ApiError, traceId: string, c: Context) => void;

export interface ErrorContractOptions {
  /** `json` (default), `problem+json`, or `negotiate` by the request's `Accept`. */
  format?: ErrorFormat | "negotiate" | undefined;
  /** Your `defineErrors` catalog: codes it does not declare are answered with the generic code. */
  catalog?: AnyErrorCatalog | undefined;
  /** Where 5xx go; defaults to one `console.error` line with the trace id. */
  report?: ReportHook | undefined;
  /** Largest request body in bytes (with Content-Length or chunked); larger is a 413. */
  bodyLimit?: number | undefined;
}

export interface ErrorContract {
  /** Resolves the trace id, sets `X-Request-Id`, enforces the body limit, and answers for non-Error throws. */
  middleware: MiddlewareHandler<ContractEnv>;
  /** For `app.onError`. */
  onError: ErrorHandler;
  /** For `app.notFound`. */
  notFound: NotFoundHandler;
  /**
   * For Hono's `stream`/`streamText`/`streamSSE` (their `onError`): a failure after the headers
   * went out is reported once with the trace id and the connection aborted (no second response).
   */
  onStreamError: (c: Context) => StreamErrorHandler;
}

const defaultReport: ReportHook = (error, traceId, c) => {
  console.error(formatErrorLog(error, { traceId, method: c.req.method, path: c.req.path }));
};

/**
 * The error contract for a Hono app:
 * `app.use(contract.middleware); app.onError(contract.onError); app.notFound(contract.notFound)`.
 */
export function errorContract(options: ErrorContractOptions = {}): ErrorContract {
  const { format, catalog, report = defaultReport } = options;
  const limit =
    options.bodyLimit === undefined
      ? undefined
      : bodyLimit({
          maxSize: options.bodyLimit,
          onError: (c) => {
            throw payloadTooLarge(undefined, { headers: connectionClose(c) });
          },
        });

  // Without the middleware (or before it ran) the id is resolved here.
  const traceIdOf = (c: Context): string => c.get("traceId") ?? resolveTraceId(requestHeaders(c));

  // The server's failures (5xx) only, each once.
  const reportFailure = (error: ApiError, traceId: string, c: Context): void => {
    if (error.status < 500) return;
    try {
      report(error, traceId, c);
    } catch {
      // A failing logger must not turn the answer into another error.
    }
  };

  const respond = (thrown: unknown, c: Context): Response => {
    const error = toContractError(thrown, c);
    const traceId = traceIdOf(c);
    reportFailure(error, traceId, c);
    const { status, headers, body } = renderError(error, {
      traceId,
      format,
      catalog,
      accept: requestHeader(c, "Accept"),
    });
    // Built afresh: the headers of the failed response (Content-Encoding, ETag, Location of a
    // response that no longer exists) must not describe this one; CORS's are kept.
    return new Response(body, { status, headers: { ...corsHeaders(c), ...headers } });
  };

  // Hono merges the failed response's headers into the one set after it: dropped first.
  const replaceResponse = (thrown: unknown, c: Context): Response => {
    const response = respond(thrown, c);
    c.res = undefined;
    return response;
  };

  return {
    middleware: async (c, next) => {
      const traceId = resolveTraceId(requestHeaders(c));
      c.set("traceId", traceId);
      // Set before the handler runs: Hono then writes it with the response it builds, where
      // setting it afterwards would rebuild the finished response (measured: 3.5x slower).
      c.header("X-Request-Id", traceId);
      try {
        // GET and HEAD carry no body to limit; the limiter would build the whole Request.
        await (limit && !BODILESS_METHODS.has(c.req.method) ? limit(c, next) : next());
      } catch (thrown) {
        // Hono hands only Errors to onError: strings, null and plain objects arrive here.
        c.res = replaceResponse(thrown, c);
      }
      // A Response returned as it is missed the prepared header. A WebSocket upgrade (101)
      // must go out untouched: rebuilding it would lose the socket.
      if (c.res.status !== 101 && !c.res.headers.has("X-Request-Id")) c.header("X-Request-Id", traceId);
    },
    onError: replaceResponse,
    notFound: (c) => respond(notFoundError(), c),
    onStreamError: (c) => async (thrown, stream) => {
      reportFailure(toContractError(thrown, c), traceIdOf(c), c);
      await abortStream(c, stream);
    },
  };
}

/** Of the headers set before an error, the CORS ones: without them a browser hides the answer. */
function corsHeaders(c: Context): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of c.res.headers) if (name.startsWith("access-control-")) kept[name] = value;
  return kept;
}
