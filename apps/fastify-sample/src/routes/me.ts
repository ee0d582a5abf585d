import { documentErrors } from "@error-contract/openapi/fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireUser } from "../auth.js";
import { bearer, Me } from "../openapi.js";

/** GET /me: the caller, with their role. */
export const me: FastifyPluginAsyncZod = async (app) => {
  const schema = {
    operationId: "getMe",
    summary: "The caller",
    tags: ["users"],
    security: bearer,
    response: { 200: Me.describe("The caller, with their role") },
    ...documentErrors([401, 500]),
  };
  app.get("/me", { schema, preHandler: requireUser }, async (request) => {
    const { id, email, name, role } = request.user;
    return { id, email, name, role };
  });
};
