import {
  createErrorPath,
  describeThrown,
  formatErrorLog,
  type ReportHook,
} from "@error-contract/core/adapter";
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from "@nestjs/common";
import type { HttpAdapterHost } from "@nestjs/core";
import { recogniseNestError } from "./nest-errors.js";
import type { ErrorContractOptions } from "./options.js";
import { type NestPlatform, platformOf } from "./platform.js";
import { traceIdOf } from "./trace-id.js";

const logger = new Logger("ErrorContract");
const logReport: ReportHook = (error, context) => logger.error(formatErrorLog(error, context));

/**
 * Answers every exception of an HTTP request with the error contract, on Express and Fastify.
 * `ErrorContractModule.forRoot()` registers it globally; or
 * `app.useGlobalFilters(new ErrorContractFilter(options, app.get(HttpAdapterHost)))`.
 */
@Catch()
export class ErrorContractFilter implements ExceptionFilter {
  private readonly path;
  private chosen: NestPlatform | undefined;

  constructor(
    options: ErrorContractOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.path = createErrorPath({ ...options, report: options.report ?? logReport }, recogniseNestError);
  }

  // Chosen once, on the first error: a testing module makes its filters before its adapter.
  private get platform(): NestPlatform {
    this.chosen ??= platformOf(this.adapterHost.httpAdapter);
    return this.chosen;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== "http") throw exception; // RPC and WebSocket errors have their own filters.
    const request: object = host.switchToHttp().getRequest();
    const response: object = host.switchToHttp().getResponse();
    const facts = this.platform.facts(request, response, traceIdOf(request));
    // A second response cannot be written: the client gets a broken one, the log the error.
    if (this.platform.headersSent(response)) {
      this.path.abandon(exception, facts);
      this.platform.abort(response);
      return;
    }
    const answer = this.path.answer(exception, facts);
    try {
      this.platform.write(response, answer);
    } catch (failure) {
      const what = `error-contract: writing the answer failed: ${describeThrown(failure)}`;
      this.path.abandon(new Error(what, { cause: exception }), facts);
      this.platform.abort(response);
    }
  }
}
