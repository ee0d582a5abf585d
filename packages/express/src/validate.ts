import { fromZodError } from "@error-contract/core";
import { jsonRequestFailure, requestBodyError } from "@error-contract/core/adapter";
import type { Request, RequestHandler } from "express";
import { type core, safeParseAsync, type z } from "zod";

/** The zod schemas of a route's parts; each one left out is not checked. */
export type ValidateSchemas = { body?: core.$ZodType; params?: core.$ZodType; query?: core.$ZodType };
type Out<S, K extends string, E> = S extends { [P in K]: infer T extends core.$ZodType } ? z.output<T> : E;
type Validated<S> = RequestHandler<
  Out<S, "params", Request["params"]>,
  unknown,
  Out<S, "body", unknown>,
  Out<S, "query", Request["query"]>
>;

const PARTS = ["params", "query", "body"] as const;

/**
 * Validates `req.params`, `req.query` and `req.body` (parsed by `json()` first) and replaces
 * each with its schema's output. Failures are core's errors: structure 400, rules 422
 * (`fromZodError`); a body schema on a request whose headers say it is no JSON body is a 415.
 */
export function validate<S extends ValidateSchemas>(schemas: S): Validated<S> {
  const check = async (req: Request): Promise<void> => {
    if (schemas.body !== undefined) {
      const failure = jsonRequestFailure(req.headers);
      if (failure !== undefined) throw requestBodyError(failure);
      if (req.body === undefined) throw new Error("validate({ body }) needs json() before it on the route");
    }
    for (const part of PARTS) {
      const schema = schemas[part];
      if (schema === undefined) continue;
      const input: unknown = req[part];
      const result = await safeParseAsync(schema, input);
      if (!result.success) throw fromZodError(result.error, { input });
      // Express 5's `req.query` is a getter: the parsed value is set as the request's own.
      Object.defineProperty(req, part, {
        value: result.data,
        writable: true,
        configurable: true,
        enumerable: true,
      });
    }
  };
  // Rejections go to `next` here: Express 4 would not pass them on by itself.
  return (req, _res, next) => {
    check(req as Request).then(() => next(), next);
  };
}
