import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";

/**
 * The reference API's routes on Hono with the framework's defaults and without the adapter: what
 * a team has before it adopts error-contract. The suite must fail it, with readable reasons.
 */
export function createPlainHono(): Hono {
  const users = new Map([["usr_ada", { id: "usr_ada", email: "ada@example.com", name: "Ada" }]]);
  const app = new Hono();
  app.post("/users", async (c) => {
    const body = await c.req.json(); // broken JSON throws: Hono's default 500
    if (typeof body?.email !== "string" || typeof body?.password !== "string") {
      return c.json({ success: false, message: "email and password are required" }, 400);
    }
    const user = { id: `usr_${users.size}`, email: body.email, name: body.name ?? null };
    users.set(user.id, user);
    return c.json(user, 201, { Location: `/users/${user.id}` });
  });
  app.get("/users/:id", (c) => {
    const user = users.get(c.req.param("id"));
    if (user === undefined) throw new HTTPException(404, { message: "user not found" });
    return c.json(user);
  });
  app.get("/me", (c) => {
    if (c.req.header("authorization") !== "Bearer user-token")
      throw new HTTPException(401, { message: "unauthorized" });
    return c.json({ ...users.get("usr_ada"), role: "user" });
  });
  app.delete("/users/:id", (c) => {
    if (c.req.header("authorization") !== "Bearer admin-token") throw new HTTPException(403);
    users.delete(c.req.param("id"));
    return c.body(null, 204);
  });
  app.get("/faults/:kind", () => {
    throw new Error("S3CRET-fault-do-not-leak");
  });
  return app;
}
