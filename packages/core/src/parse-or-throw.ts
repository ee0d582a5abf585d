import { type core, safeParseAsync, type z } from "zod";
import { fromZodError } from "./from-zod.js";

/**
 * The input parsed by a zod schema, or core's error for its issues (`fromZodError`: structure
 * 400, rules 422). Every adapter's `validate` calls this, so the decision is made the same way.
 */
export async function parseOrThrow<S extends core.$ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
  const result = await safeParseAsync(schema, input);
  if (!result.success) throw fromZodError(result.error, { input });
  return result.data;
}
