import { notFound } from "@error-contract/core";
import createError from "@fastify/error";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

// For the conformance suite only: delete this file (and its registration in app.ts) in your own API.
const SECRET = "S3CRET-fault-do-not-leak";
// Fastify's own kind of error (what Fastify itself throws is made the same way).
const TooManyRequests = createError("APP_TOO_MANY_REQUESTS", "Too many requests", 429);

/** GET /faults/:kind: everything thrown becomes the contract, and the secret never leaks. */
export const faults: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/faults/:kind",
    { schema: { hide: true, params: z.object({ kind: z.string() }) } },
    async (request, reply) => {
      switch (request.params.kind) {
        case "error":
          throw new Error(SECRET);
        case "string":
          throw SECRET;
        case "null":
          throw null;
        case "undefined":
          throw undefined;
        case "object":
          throw { message: SECRET };
        case "async":
          await new Promise((resolve) => setTimeout(resolve, 1));
          throw new Error(SECRET);
        case "duck":
          throw { statusCode: 502, status: 502, message: SECRET };
        case "native-404":
          return reply.callNotFound();
        case "native-429":
          throw new TooManyRequests();
        default:
          throw notFound("No such fault kind");
      }
    },
  );
};
