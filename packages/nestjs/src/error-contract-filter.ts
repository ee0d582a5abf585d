import { createErrorPath } from "@error-contract/core/adapter";
import { nodeRequestFacts, respondOnNode, respondOnReply } from "@error-contract/core/node";
import { type ArgumentsHost, Catch, type ExceptionFilter } from "@nestjs/common";
import type { Request, Response } from "express";
import type { FastifyReply, FastifyRequest } from "fastify";
import { recogniseNestError } from "./nest-errors.js";
import type { ErrorContractOptions } from "./options.js";
import { traceIdOf } from "./trace-id.js";

/**
 * Answers every exception of an HTTP request with the error contract, on Express and Fastify.
 * `ErrorContractModule.forRoot()` registers it globally; or
 * `app.useGlobalFilters(new ErrorContractFilter(options))`.
 */
@Catch()
export class ErrorContractFilter implements ExceptionFilter {
  private readonly path;

  constructor(options: ErrorContractOptions = {}) {
    this.path = createErrorPath(options, recogniseNestError);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== "http") throw exception; // RPC and WebSocket errors have their own filters.
    const request = host.switchToHttp().getRequest<FastifyRequest | Request>();
    const response = host.switchToHttp().getResponse<FastifyReply | Response>();
    // Handlers on Fastify get its reply; Express, and Nest middleware on Fastify, Node's own response.
    if ("raw" in response) {
      // The reply keeps its headers apart from Node's response until it is sent: its facts and its write.
      const facts = nodeRequestFacts((request as FastifyRequest).raw, response, traceIdOf(request));
      respondOnReply(this.path, exception, facts, response);
    } else {
      const { originalUrl } = request as Request;
      const facts = nodeRequestFacts(request as Request, response, traceIdOf(request), originalUrl);
      respondOnNode(this.path, exception, facts, response);
    }
  }
}
