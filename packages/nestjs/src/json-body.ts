import { jsonRequestFailure, requestBodyError } from "@error-contract/core/adapter";
import { createParamDecorator, type ExecutionContext, type INestApplication } from "@nestjs/common";
import type { z } from "zod";
import type { JsonBodyOptions } from "./options.js";
import { platformOf } from "./platforms.js";
import { ZodValidationPipe } from "./zod-validation-pipe.js";

type Headers = Record<string, string | string[] | undefined>;

/**
 * Call before `app.listen()`: parses `application/json` and `application/*+json` bodies up to
 * `limit` bytes, the same on Express and Fastify, every body failure in core's words.
 */
export function useJsonBodyParser(app: INestApplication, { limit }: JsonBodyOptions): void {
  platformOf(app.getHttpAdapter()).useJsonBody(app, limit);
}

// The body as sent, once its headers say JSON (UTF-8, not content-coded) and it is not empty.
const JsonRequestBody = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const { headers, body } = context.switchToHttp().getRequest<{ headers: Headers; body?: unknown }>();
  const failure = jsonRequestFailure(headers) ?? (body === undefined ? "empty_body" : undefined);
  if (failure !== undefined) throw requestBodyError(failure);
  return body;
});

/**
 * The handler's JSON body, validated: `create(@JsonBody(Register) body: z.output<typeof Register>)`.
 * A request that is not JSON (or not UTF-8, or content-coded) is a 415, an empty body a 400, and
 * zod's issues a 400 (structure) or 422 (rules) with `fields`, on every platform.
 */
export function JsonBody(schema: z.ZodType): ParameterDecorator {
  return JsonRequestBody(new ZodValidationPipe(schema));
}
