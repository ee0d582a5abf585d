import { readBearerToken, unauthenticated } from "@error-contract/core";
import { createMiddleware } from "hono/factory";
import type { AuthEnv } from "./env.js";

// Demo identities: a real app verifies the token (JWT, session lookup) instead.
const DEMO_TOKENS = new Map([
  ["user-token", "usr_ada"],
  ["admin-token", "usr_root"],
]);

/** `Authorization: Bearer <token>` or a 401 with the matching `WWW-Authenticate` challenge. */
export const requireUser = createMiddleware<AuthEnv>(async (c, next) => {
  // RFC 6750's grammar; two Authorization headers arrive comma-joined, which is no credential.
  const token = readBearerToken(c.req.header("Authorization"));
  if (token === undefined) throw unauthenticated();
  const userId = DEMO_TOKENS.get(token);
  const user = userId === undefined ? undefined : await c.var.users.findById(userId);
  if (user === undefined) throw unauthenticated({ error: "invalid_token" });
  c.set("user", user);
  await next();
});
