import { parseOrThrow } from "@error-contract/core";
import type { PipeTransform } from "@nestjs/common";
import type { z } from "zod";

/**
 * Validates a handler argument with a zod schema: `@Body(new ZodValidationPipe(RegisterBody))`.
 * Structural problems are a 400, broken rules a 422, with `fields` (core's `parseOrThrow`, as on
 * every adapter); async refinements are awaited.
 */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): Promise<z.output<Schema>> {
    return parseOrThrow(this.schema, value);
  }
}
