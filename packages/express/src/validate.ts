import { fromZodError } from "@error-contract/core";
import { jsonRequestFailure, requestBodyError } from "@error-contract/core/adapter";
import type { Request, RequestHandler } from "express";
import { type core, safeParseAsync, type z } from "zod";

/** The zod schemas of a route's parts; each one left out is not checked. */
export interface ValidateSchemas<
  B extends core.$ZodType | undefined,
  P extends core.$ZodType | undefined,
  Q extends core.$ZodType | undefined,
> {
  body?: B;
  params?: P;
  query?: Q;
}

type Out<S, Else> = S extends core.$ZodType ? z.output<S> : Else;

const PARTS = ["params", "query", "body"] as const;

/**
 * Validates `req.params`, `req.query` and `req.body` (parsed by `json()` first) and replaces
 * each with its schema's output. Failures are core's errors: structure 400, rules 422
 * (`fromZodError`); a body schema on a request whose headers say it is no JSON body is a 415.
 */
export function validate<
  B extends core.$ZodType | undefined = undefined,
  P extends core.$ZodType | undefined = undefined,
  Q extends core.$ZodType | undefined = undefined,
>(
  schemas: ValidateSchemas<B, P, Q>,
): RequestHandler<Out<P, Request["params"]>, unknown, Out<B, unknown>, Out<Q, Request["query"]>> {
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
