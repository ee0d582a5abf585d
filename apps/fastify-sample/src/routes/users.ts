import { forbidden, notFound } from "@error-contract/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../auth.js";
import { errors } from "../errors.js";
import { RegisterBody } from "../schemas.js";
import type { User } from "../user-store.js";

const publicUser = ({ id, email, name }: User) => ({ id, email, name });
const UserParams = z.object({ id: z.string() });

/** POST /users, GET /users/:id, DELETE /users/:id (admins). */
export const users: FastifyPluginAsyncZod = async (app) => {
  app.post("/users", { schema: { body: RegisterBody } }, async (request, reply) => {
    // A real app would hash `password` here and store the hash.
    const { email, name } = request.body;
    if (await request.users.findByEmail(email)) throw errors.email_taken();
    const user = await request.users.create({ email, name: name ?? null });
    return reply.code(201).header("Location", `/users/${user.id}`).send(publicUser(user));
  });

  app.get("/users/:id", { schema: { params: UserParams } }, async (request) => {
    const user = await request.users.findById(request.params.id);
    if (user === undefined) throw notFound("No such user");
    return publicUser(user);
  });

  app.delete(
    "/users/:id",
    { schema: { params: UserParams }, preHandler: requireUser },
    async (request, reply) => {
      if (request.user.role !== "admin") throw forbidden("Only admins may delete users");
      if (!(await request.users.delete(request.params.id))) throw notFound("No such user");
      return reply.code(204).send();
    },
  );
};
