import type { INestApplication } from "@nestjs/common";
import type { AbstractHttpAdapter } from "@nestjs/core";

/**
 * Everything that differs between Express and Fastify, in one object per platform, picked once
 * at bootstrap (`platformOf`). The filter tells them apart by the response it is handed.
 */
export interface NestPlatform {
  /** When the module's middleware is configured: `X-Request-Id` on every response, body-parser's errors in core's words. */
  setup(adapter: AbstractHttpAdapter): void;
  /** JSON bodies (`application/json` and `+json`) up to `limit` bytes, refused in core's words. */
  useJsonBody(app: INestApplication, limit: number): void;
}
