import type { ErrorAnswer, ErrorRequest } from "@error-contract/core/adapter";
import type { INestApplication } from "@nestjs/common";
import type { AbstractHttpAdapter } from "@nestjs/core";
import { expressPlatform } from "./express-platform.js";
import { fastifyPlatform } from "./fastify-platform.js";

/**
 * Everything that differs between Express and Fastify, in one object per platform, picked once
 * at bootstrap (`platformOf`): nothing else in the adapter asks which platform it runs on.
 */
export interface NestPlatform {
  /** The request facts core's error path reads, from the platform's request and response. */
  facts(request: object, response: object, traceId: string): ErrorRequest;
  headersSent(response: object): boolean;
  /** Ends a response whose headers are out: the client sees a broken response, not a complete one. */
  abort(response: object): void;
  /** Writes exactly the answer: the failed response's headers are removed first. */
  write(response: object, answer: ErrorAnswer): void;
  /** Whether `X-Request-Id` comes from a native hook (`setup`) rather than a Nest middleware. */
  readonly nativeTraceId: boolean;
  /** Once the routes are registered: body-parser error translation, the native trace-id hook. */
  setup(adapter: AbstractHttpAdapter, traceIdOf: (request: object) => string): void;
  /** JSON bodies (`application/json` and `+json`) up to `limit` bytes, refused in core's words. */
  useJsonBody(app: INestApplication, limit: number): void;
}

export function platformOf(adapter: { getType(): string } | undefined): NestPlatform {
  return adapter?.getType() === "fastify" ? fastifyPlatform : expressPlatform;
}
