import { fromZodError } from "@error-contract/core";
import type { PipeTransform } from "@nestjs/common";
import type { z } from "zod";

/**
 * Validates a handler argument with a zod schema: `@Body(new ZodValidationPipe(RegisterBody))`.
 * Structural problems are a 400, broken rules a 422, with `fields` (core's `fromZodError`).
 */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw fromZodError(result.error, { input: value });
  }
}
