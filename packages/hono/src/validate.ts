import { fromZodError, unsupportedMediaType } from "@error-contract/core";
import { isJsonContentType } from "@error-contract/core/adapter";
import type { Env, MiddlewareHandler, ValidationTargets } from "hono";
import { validator } from "hono/validator";
import { type core, safeParseAsync, type z } from "zod";

/** What `c.req.valid(target)` then returns: the schema's output. */
export type ValidatedInput<Target extends keyof ValidationTargets, Schema extends core.$ZodType> = {
  in: { [K in Target]: z.input<Schema> };
  out: { [K in Target]: z.output<Schema> };
};

/**
 * Validates a part of the request with a zod schema; the parsed value is `c.req.valid(target)`.
 * Failures throw core's errors: structure 400, rules 422 (`fromZodError`), a `json` target
 * whose request is not JSON 415, broken or empty JSON 400.
 */
export function validate<
  Target extends keyof ValidationTargets,
  Schema extends core.$ZodType,
  E extends Env = Env,
  P extends string = string,
>(target: Target, schema: Schema): MiddlewareHandler<E, P, ValidatedInput<Target, Schema>> {
  return validator(target, async (value, c) => {
    // Hono validates a non-JSON body as `{}`: refuse it instead.
    if (target === "json" && !isJsonContentType(c.req.header("Content-Type"))) throw unsupportedMediaType();
    // Hono parses only the JSON types its own pattern knows (not `application/vnd.a+b+json`):
    // the body is read here for every type core calls JSON (from Hono's cache when it did).
    const input = target === "json" ? await c.req.json() : value;
    const result = await safeParseAsync(schema, input);
    if (!result.success) throw fromZodError(result.error, { input });
    return result.data;
  }) as MiddlewareHandler<E, P, ValidatedInput<Target, Schema>>;
}
