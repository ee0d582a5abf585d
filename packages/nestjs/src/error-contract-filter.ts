import { type ApiError, internal, renderError } from "@error-contract/core";
import { describeThrown, formatErrorLog } from "@error-contract/core/adapter";
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from "@nestjs/common";
import type { HttpAdapterHost } from "@nestjs/core";
import type { ErrorContractOptions, ReportContext } from "./options.js";
import { abort, headersSent, requestAborted, requestHeader, writeError, writeRaw } from "./platform.js";
import { toContractError } from "./to-contract-error.js";
import { traceIdOf } from "./trace-id.js";

const logger = new Logger("ErrorContract");

const defaultReport = (error: ApiError, { traceId, method, path }: ReportContext) =>
  logger.error(formatErrorLog(error, { traceId, method, path }));

/**
 * Answers every exception of an HTTP request with the error contract, on Express and Fastify.
 * `ErrorContractModule.forRoot()` registers it globally; or
 * `app.useGlobalFilters(new ErrorContractFilter(options, app.get(HttpAdapterHost)))`.
 */
@Catch()
export class ErrorContractFilter implements ExceptionFilter {
  constructor(
    private readonly options: ErrorContractOptions = {},
    private readonly adapterHost?: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== "http") throw exception; // RPC and WebSocket errors have their own filters.
    const http = host.switchToHttp();
    const request: object = http.getRequest();
    const response: object = http.getResponse();
    let context: ReportContext | undefined;
    try {
      const adapter = this.adapterHost?.httpAdapter;
      context = {
        traceId: traceIdOf(request),
        method: adapter?.getRequestMethod(request) ?? "",
        path: adapter?.getRequestUrl(request) ?? "",
      };
      const error = toContractError(exception, {
        method: context.method,
        url: context.path,
        aborted: requestAborted(request),
      });
      if (headersSent(response)) {
        // A second response cannot be written: the client gets a broken one, the log the error.
        abort(response);
        this.report(error, context);
        return;
      }
      const rendered = renderError(error, {
        traceId: context.traceId,
        format: this.options.format,
        accept: requestHeader(request, "accept"),
        catalog: this.options.catalog,
      });
      if (adapter) writeError(adapter, response, rendered);
      else writeRaw(response, rendered);
      if (error.status >= 500) this.report(error, context);
    } catch (failure) {
      this.fail(failure, exception, request, response, context);
    }
  }

  /** The filter itself failed: a fixed 500 contract answer, never the platform's HTML page. */
  private fail(
    failure: unknown,
    exception: unknown,
    request: object,
    response: object,
    context?: ReportContext,
  ) {
    const traceId = context?.traceId ?? safeTraceId(request);
    try {
      if (headersSent(response)) abort(response);
      else writeRaw(response, renderError(internal(), { traceId }));
    } catch {
      // Nothing left to answer with: the connection closes without a response.
    }
    // One log line that tells both: the filter's failure, then (as its cause) what was thrown.
    const cause = new Error(`error-contract filter failed: ${describeThrown(failure)}`, { cause: exception });
    this.report(internal(undefined, { cause }), {
      traceId,
      method: context?.method ?? "",
      path: context?.path ?? "",
    });
  }

  private report(error: ApiError, context: ReportContext): void {
    try {
      (this.options.report ?? defaultReport)(error, context);
    } catch (failure) {
      // A failing report hook must not hide the error: it goes to the default log line.
      try {
        defaultReport(
          internal(undefined, { cause: new Error("report hook failed", { cause: failure }) }),
          context,
        );
        defaultReport(error, context);
      } catch {
        // The logger itself failed: nowhere left to write.
      }
    }
  }
}

function safeTraceId(request: object): string {
  try {
    return traceIdOf(request);
  } catch {
    return ""; // renderError replaces an invalid trace id with a new one.
  }
}
