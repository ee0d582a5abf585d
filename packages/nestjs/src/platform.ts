import type { ErrorAnswer, ErrorRequest } from "@error-contract/core/adapter";
import type { INestApplication } from "@nestjs/common";
import type { AbstractHttpAdapter } from "@nestjs/core";
import { expressPlatform } from "./express-platform.js";
import { fastifyPlatform } from "./fastify-platform.js";

/**
 * Everything that differs between Express and Fastify, in one object per platform, picked once
 * at bootstrap (`platformOf`): nothing else in the adapter asks which platform it runs on.
 * `request` and `response` are what Nest hands a filter: the platform's own, or Node's.
 */
export interface NestPlatform {
  /** The request facts core's error path reads. */
  facts(request: object, response: object, traceId: string): ErrorRequest;
  /** Writes exactly the answer: the failed response's headers are removed first. */
  write(response: object, answer: ErrorAnswer): void;
  /** When the module's middleware is configured: `X-Request-Id` on every response, body-parser's errors in core's words. */
  setup(adapter: AbstractHttpAdapter): void;
  /** JSON bodies (`application/json` and `+json`) up to `limit` bytes, refused in core's words. */
  useJsonBody(app: INestApplication, limit: number): void;
}

export function platformOf(adapter: { getType(): string } | undefined): NestPlatform {
  return adapter?.getType() === "fastify" ? fastifyPlatform : expressPlatform;
}
