import { readBearerToken, unauthenticated } from "@error-contract/core";
import type { FastifyRequest } from "fastify";
import type { User } from "./user-store.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller, once `requireUser` ran. */
    user: User;
  }
}

// Demo identities: a real app verifies the token (JWT, session lookup) instead.
const DEMO_TOKENS = new Map([
  ["user-token", "usr_ada"],
  ["admin-token", "usr_root"],
]);

/** A `preHandler`: `Authorization: Bearer <token>` or a 401 with the matching challenge. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  const token = readBearerToken(request.raw.headersDistinct.authorization);
  if (token === undefined) throw unauthenticated();
  const userId = DEMO_TOKENS.get(token);
  const user = userId === undefined ? undefined : await request.users.findById(userId);
  if (user === undefined) throw unauthenticated({ error: "invalid_token" });
  request.user = user;
}
