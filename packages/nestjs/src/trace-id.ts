import { resolveTraceId } from "@error-contract/core";
import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import { rawRequest } from "./platform.js";

const TRACE_ID = Symbol.for("@error-contract/nestjs/traceId");

/**
 * The request's trace id, resolved once (core's `resolveTraceId`) and kept on Node's request,
 * so the middleware, the filter, guards, handlers and logs all share it.
 */
export function traceIdOf(request: object): string {
  const raw = rawRequest(request) as { headers: object; [TRACE_ID]?: string };
  const known = raw[TRACE_ID];
  if (known !== undefined) return known;
  const traceId = resolveTraceId(raw.headers as Record<string, string | undefined>);
  try {
    raw[TRACE_ID] = traceId;
  } catch {
    // A frozen request object: the id is still right for this call.
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
