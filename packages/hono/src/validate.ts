import { parseOrThrow } from "@error-contract/core";
import { readWebJsonBody } from "@error-contract/core/adapter";
import type { Context, Env, MiddlewareHandler, Next, ValidationTargets } from "hono";
import { validator } from "hono/validator";
import type { core, z } from "zod";
import { requestHeaders } from "./node-server.js";

/** What `c.req.valid(target)` then returns: the schema's output. */
export type ValidatedInput<Target extends keyof ValidationTargets, Schema extends core.$ZodType> = {
  in: { [K in Target]: z.input<Schema> };
  out: { [K in Target]: z.output<Schema> };
};

/**
 * Validates a part of the request with a zod schema; the parsed value is `c.req.valid(target)`.
 * Failures throw core's errors: structure 400, rules 422 (core's `parseOrThrow`); for a `json` target
 * the named body errors (not JSON, not UTF-8 or content-coded 415, empty or broken JSON 400).
 */
export function validate<
  Target extends keyof ValidationTargets,
  Schema extends core.$ZodType,
  E extends Env = Env,
  P extends string = string,
>(target: Target, schema: Schema): MiddlewareHandler<E, P, ValidatedInput<Target, Schema>> {
  type Handler = MiddlewareHandler<E, P, ValidatedInput<Target, Schema>>;
  if (target !== "json") return validator(target, (input) => parseOrThrow(schema, input)) as Handler;
  // The body is read here, not by Hono's validator: it takes a non-JSON body for `{}`, knows only
  // some `+json` types, and words a broken body its own way.
  return (async (c: Context, next: Next) => {
    // Through Hono's request, which keeps the bytes for any later reader.
    const body = await readWebJsonBody(requestHeaders(c.req.raw, c.env), () => c.req.arrayBuffer());
    c.req.addValidatedData("json", (await parseOrThrow(schema, body)) as object);
    await next();
  }) as Handler;
}
