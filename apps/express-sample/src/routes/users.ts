import { forbidden, notFound } from "@error-contract/core";
import { json, validate } from "@error-contract/express";
import type { Request, Response } from "express";
import { requireUser } from "../auth.js";
import { errors } from "../errors.js";
import { exactRouter } from "../router.js";
import { RegisterBody } from "../schemas.js";
import type { User } from "../user-store.js";

const publicUser = ({ id, email, name }: User) => ({ id, email, name });

/** POST /users, GET /users/:id, DELETE /users/:id (admins). */
export const users = exactRouter();

users.post("/users", json({ limit: 64 * 1024 }), validate({ body: RegisterBody }), async (req, res) => {
  // A real app would hash `password` here and store the hash.
  const { email, name } = req.body;
  if (await res.locals.users.findByEmail(email)) throw errors.email_taken();
  const user = await res.locals.users.create({ email, name: name ?? null });
  res.status(201).location(`/users/${user.id}`).json(publicUser(user));
});

users.get("/users/:id", async (req, res) => {
  const user = await res.locals.users.findById(req.params.id);
  if (user === undefined) throw notFound("No such user");
  res.json(publicUser(user));
});

users.delete("/users/:id", requireUser, async (req: Request<{ id: string }>, res: Response) => {
  if (res.locals.user.role !== "admin") throw forbidden("Only admins may delete users");
  if (!(await res.locals.users.delete(req.params.id))) throw notFound("No such user");
  res.status(204).end();
});
