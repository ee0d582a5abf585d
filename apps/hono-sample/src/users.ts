import { forbidden, notFound } from "@error-contract/core";
import { validate } from "@error-contract/hono";
import { Hono } from "hono";
import { requireUser } from "./auth.js";
import type { AppEnv } from "./env.js";
import { errors } from "./errors.js";
import { RegisterBody } from "./schemas.js";
import type { User } from "./user-store.js";

const publicUser = ({ id, email, name }: User) => ({ id, email, name });

/** POST /users, GET /users/:id, DELETE /users/:id (admins). */
export const users = new Hono<AppEnv>()
  .post("/", validate("json", RegisterBody), async (c) => {
    // A real app would hash `password` here and store the hash.
    const { email, name } = c.req.valid("json");
    if (await c.var.users.findByEmail(email)) throw errors.email_taken();
    const user = await c.var.users.create({ email, name: name ?? null });
    return c.json(publicUser(user), 201, { Location: `/users/${user.id}` });
  })
  .get("/:id", async (c) => {
    const user = await c.var.users.findById(c.req.param("id"));
    if (user === undefined) throw notFound("No such user");
    return c.json(publicUser(user));
  })
  .delete("/:id", requireUser, async (c) => {
    if (c.var.user.role !== "admin") throw forbidden("Only admins may delete users");
    if (!(await c.var.users.delete(c.req.param("id")))) throw notFound("No such user");
    return c.body(null, 204);
  });
