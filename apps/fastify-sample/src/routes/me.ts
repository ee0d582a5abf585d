import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireUser } from "../auth.js";

/** GET /me: the caller, with their role. */
export const me: FastifyPluginAsyncZod = async (app) => {
  app.get("/me", { preHandler: requireUser }, async (request) => {
    const { id, email, name, role } = request.user;
    return { id, email, name, role };
  });
};
