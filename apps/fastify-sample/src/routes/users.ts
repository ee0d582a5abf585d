import { forbidden, notFound } from "@error-contract/core";
import { documentErrors } from "@error-contract/openapi/fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../auth.js";
import { errors } from "../errors.js";
import { bearer, PublicUser } from "../openapi.js";
import { RegisterBody } from "../schemas.js";
import type { User } from "../user-store.js";

const publicUser = ({ id, email, name }: User) => ({ id, email, name });
const UserParams = z.object({ id: z.string() });

/** POST /users, GET /users/:id, DELETE /users/:id (admins). */
export const users: FastifyPluginAsyncZod = async (app) => {
  const registerUser = {
    operationId: "registerUser",
    summary: "Register a user",
    tags: ["users"],
    security: [],
    body: RegisterBody,
    response: { 201: PublicUser.describe("Registered") },
    ...documentErrors([400, 413, 415, 422, errors.email_taken, 500]),
  };
  app.post("/users", { schema: registerUser }, async (request, reply) => {
    // A real app would hash `password` here and store the hash.
    const { email, name } = request.body;
    if (await request.users.findByEmail(email)) throw errors.email_taken();
    const user = await request.users.create({ email, name: name ?? null });
    return reply.code(201).header("Location", `/users/${user.id}`).send(publicUser(user));
  });

  const getUser = {
    operationId: "getUser",
    summary: "A user",
    tags: ["users"],
    security: [],
    params: UserParams,
    response: { 200: PublicUser.describe("The user") },
    ...documentErrors([400, 404, 500]),
  };
  app.get("/users/:id", { schema: getUser }, async (request) => {
    const user = await request.users.findById(request.params.id);
    if (user === undefined) throw notFound("No such user");
    return publicUser(user);
  });

  app.delete(
    "/users/:id",
    {
      schema: {
        operationId: "deleteUser",
        summary: "Delete a user (admins only)",
        tags: ["users"],
        security: bearer,
        params: UserParams,
        response: { 204: z.null().describe("Deleted") },
        ...documentErrors([400, 401, 403, 404, 500]),
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      if (request.user.role !== "admin") throw forbidden("Only admins may delete users");
      if (!(await request.users.delete(request.params.id))) throw notFound("No such user");
      return reply.code(204).send(null);
    },
  );
};
