import { fromZodError } from "@error-contract/core";
import type { FastifySchemaCompiler } from "fastify";
import { type core, safeParse } from "zod";

/**
 * A validator compiler for zod schemas in a route's `schema` (Fastify 4 and 5): a failure is
 * core's error itself, 400 for structure and 422 for rules. fastify-type-provider-zod's own
 * `validatorCompiler` works as well on Fastify 5 (the plugin maps its errors the same way).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<core.$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data);
    return result.success ? { value: result.data } : { error: fromZodError(result.error, { input: data }) };
  };
