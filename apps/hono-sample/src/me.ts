import { Hono } from "hono";
import { requireUser } from "./auth.js";
import type { AppEnv } from "./env.js";

/** GET /me: the caller, with their role. */
export const me = new Hono<AppEnv>().get("/", requireUser, (c) => {
  const { id, email, name, role } = c.var.user;
  return c.json({ id, email, name, role });
});
