import type { ServerResponse } from "node:http";
import { createErrorPath, describeThrown } from "@error-contract/core/adapter";
import { type ArgumentsHost, Catch, type ExceptionFilter } from "@nestjs/common";
import type { HttpAdapterHost } from "@nestjs/core";
import { recogniseNestError } from "./nest-errors.js";
import type { ErrorContractOptions } from "./options.js";
import { type NestPlatform, platformOf } from "./platform.js";
import { traceIdOf } from "./trace-id.js";

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
    this.path = createErrorPath(options, recogniseNestError);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== "http") throw exception; // RPC and WebSocket errors have their own filters.
    const request: object = host.switchToHttp().getRequest();
    const response: object = host.switchToHttp().getResponse();
    // Chosen on the first error: a testing module makes its filters before its adapter.
    this.chosen ??= platformOf(this.adapterHost.httpAdapter);
    const facts = this.chosen.facts(request, response, traceIdOf(request));
    // Node's response, under Fastify's reply or not.
    const raw = (response as { raw?: ServerResponse }).raw ?? (response as ServerResponse);
    // A second response cannot be written: the client gets a broken one, the log the error.
    if (raw.headersSent) {
      this.path.abandon(exception, facts);
      raw.destroy();
      return;
    }
    const answer = this.path.answer(exception, facts);
    try {
      this.chosen.write(response, answer);
    } catch (failure) {
      const what = `error-contract: writing the answer failed: ${describeThrown(failure)}`;
      this.path.abandon(new Error(what, { cause: exception }), facts);
      raw.destroy();
    }
  }
}
