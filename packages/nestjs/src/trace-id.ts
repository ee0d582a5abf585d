import { resolveTraceId } from "@error-contract/core";
import { createParamDecorator, type ExecutionContext } from "@nestjs/common";

// Kept per Node request (Fastify's wrapper and Nest middleware on Fastify share it).
const traceIds = new WeakMap<object, string>();

/**
 * The request's trace id, resolved once (core's `resolveTraceId`) and kept for Node's request,
 * so the middleware, the filter, guards, handlers and logs all share it.
 */
export function traceIdOf(request: object): string {
  const raw = (request as { raw?: object }).raw ?? request;
  let traceId = traceIds.get(raw);
  if (traceId === undefined) {
    traceId = resolveTraceId((raw as { headers?: Record<string, string | undefined> }).headers);
    traceIds.set(raw, traceId);
  }
  return traceId;
}

/** `X-Request-Id` on every response, success included. */
export function traceIdMiddleware(
  request: object,
  response: { setHeader(name: string, value: string): unknown },
  next: () => void,
): void {
  response.setHeader("X-Request-Id", traceIdOf(request));
  next();
}

/** Handler parameter decorator: `@TraceId() traceId: string`. */
export const TraceId = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  traceIdOf(context.switchToHttp().getRequest()),
);
