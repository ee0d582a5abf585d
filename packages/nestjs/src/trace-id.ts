import { nodeTraceId, type TracedRequest } from "@error-contract/core/node";
import { createParamDecorator, type ExecutionContext } from "@nestjs/common";

/**
 * The request's trace id, resolved once and kept on Node's request (core's `nodeTraceId`), so
 * the middleware, the filter, guards, handlers and logs all share it. Node's request (Express,
 * Nest middleware on Fastify) or Fastify's, which wraps it (`request.raw`).
 */
export function traceIdOf(request: object): string {
  return nodeTraceId(request as TracedRequest);
}

/** Handler parameter decorator: `@TraceId() traceId: string`. */
export const TraceId = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  traceIdOf(context.switchToHttp().getRequest()),
);
